// Sprig's list and dict functions (list.go, dict.go) used by the foundation: list, dict, get,
// set, unset, hasKey, keys.
#include <algorithm>

#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

// reflect.Kind's name for Sprig's messages.
std::string_view kind_name(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Bool: return "bool";
    case Value::Kind::Int:
    case Value::Kind::Uint:
    case Value::Kind::Float: return num_type_name(v.num_type());
    case Value::Kind::String: return "string";
    case Value::Kind::Map: return "map";
    case Value::Kind::Object: return "struct";
    default: return "slice";
  }
}

}  // namespace

void register_sprig_lists(FuncMap& f) {
  f.add("list", "func(...interface {}) []interface {}", [](CallContext&, Args& a) { return a[0]; });
  f.add("dict", "func(...interface {}) map[string]interface {}", [](CallContext&, Args& a) {
    Value dict = Value::empty_map();
    const auto& v = a[0].list().items;
    for (std::size_t i = 0; i < v.size(); i += 2) {
      const std::string key = sprig::strval(v[i]);
      dict.set(key, i + 1 < v.size() ? v[i + 1] : Value(std::string()));
    }
    return dict;
  });
  f.add("get", "func(map[string]interface {}, string) interface {}", [](CallContext&, Args& a) {
    if (const Value* v = a[0].find(a[1].as_string())) return *v;
    return Value(std::string());
  });
  f.add("set", "func(map[string]interface {}, string, interface {}) map[string]interface {}",
        [](CallContext&, Args& a) {
          if (a[0].is_null()) throw FuncError("assignment to entry in nil map");
          a[0].set(a[1].as_string(), a[2]);
          return a[0];
        });
  f.add("unset", "func(map[string]interface {}, string) map[string]interface {}", [](CallContext&, Args& a) {
    a[0].erase(a[1].as_string());
    return a[0];
  });
  f.add("hasKey", "func(map[string]interface {}, string) bool",
        [](CallContext&, Args& a) { return Value(a[0].find(a[1].as_string()) != nullptr); });
  // Sprig's slice replaces the builtin: list[start:end] of a slice; reflect panics become errors.
  f.add("slice", "func(interface {}, ...interface {}) interface {}", [](CallContext&, Args& a) {
    const Value& list = a[0];
    if (list.is_null()) throw FuncError("runtime error: invalid memory address or nil pointer dereference");
    if (!list.is_list() && !list.is_bytes()) {
      throw FuncError("list should be type of slice or array but " + std::string(kind_name(list)));
    }
    const std::size_t len = list.size();
    if (len == 0) return Value();
    const auto& idx = a[1].list().items;
    const std::int64_t start = idx.empty() ? 0 : sprig::to_int64(idx[0]);
    const std::int64_t end = idx.size() < 2 ? static_cast<std::int64_t>(len) : sprig::to_int64(idx[1]);
    if (start < 0 || end < start || static_cast<std::size_t>(end) > len) {
      throw FuncError("reflect.Value.Slice: slice index out of bounds");
    }
    if (list.is_bytes()) {
      return Value::bytes(list.as_string().substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
    }
    auto out = std::make_shared<List>();
    out->elem_type = list.list().elem_type;
    out->items.assign(list.list().items.begin() + start, list.list().items.begin() + end);
    return Value(std::move(out));
  });
  // Go visits map keys in random order; sorted keys are one of the orders Helm can print.
  f.add("keys", "func(...map[string]interface {}) []string", [](CallContext&, Args& a) {
    std::vector<std::string> keys;
    for (const Value& m : a[0].list().items) {
      if (!m.is_map()) continue;
      for (const auto& [key, value] : m.map().entries) keys.push_back(key);
    }
    return sprig::string_list(std::move(keys));
  });
}

}  // namespace capstan::templating
