// Sprig's functions between strings and string slices (functions.go, strings.go, list.go):
// join, split, splitList, splitn, toStrings, sortAlpha.
#include <algorithm>

#include "templating/function.h"
#include "templating/sprig_strings.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

const std::string& str(const Value& v) {
  return v.as_string();
}

// split/splitn's map[string]string with keys _0, _1, ...
Value indexed_map(const std::vector<std::string>& parts) {
  auto map = std::make_shared<Map>();
  map->elem_type = "string";
  for (std::size_t i = 0; i < parts.size(); ++i)
    map->entries["_" + std::to_string(i)] = Value(parts[i]);
  return Value(std::move(map));
}

bool is_nil_strings(const Value& v) {
  return v.is_list() && v.list().nil && v.list().elem_type == "string";
}

}  // namespace

void register_sprig_string_slices(FuncMap& f) {
  f.add("join", "func(string, interface {}) string", [](CallContext&, Args& a) {
    std::string out;
    const auto parts = sprig::strslice(a[1]);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0)
        out += str(a[0]);
      out += parts[i];
    }
    return Value(out);
  });
  f.add("split", "func(string, string) map[string]string", [](CallContext&, Args& a) {
    return indexed_map(gostrings::split_n(str(a[1]), str(a[0]), -1));
  });
  f.add("splitn", "func(string, int, string) map[string]string", [](CallContext&, Args& a) {
    return indexed_map(gostrings::split_n(str(a[2]), str(a[0]), a[1].as_int()));
  });
  f.add("splitList", "func(string, string) []string", [](CallContext&, Args& a) {
    return sprig::string_list(gostrings::split_n(str(a[1]), str(a[0]), -1));
  });
  // A nil []string passes through strslice as itself (nil).
  f.add("toStrings", "func(interface {}) []string", [](CallContext&, Args& a) {
    if (is_nil_strings(a[0]))
      return Value();
    return sprig::string_list(sprig::strslice(a[0]));
  });
  f.add("sortAlpha", "func(interface {}) []string", [](CallContext&, Args& a) {
    if (!sprig::is_slice(a[0]))
      return sprig::string_list({sprig::strval(a[0].is_null() ? Value() : a[0])});
    if (is_nil_strings(a[0]))
      return Value();
    std::vector<std::string> items = sprig::strslice(a[0]);
    std::sort(items.begin(), items.end());
    return sprig::string_list(std::move(items));
  });
}

}  // namespace capstan::templating
