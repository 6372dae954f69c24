// Sprig's string functions (functions.go, strings.go): trimming, case, searching, quoting,
// indentation, replacing, truncating and slicing strings.
#include "core/strconv.h"
#include "templating/function.h"
#include "templating/gofmt.h"
#include "templating/sprig_strings.h"
#include "templating/sprig_values.h"
#include "templating/unicode.h"

namespace capstan::templating {

namespace {

using sprig::strval;

const std::string& str(const Value& v) {
  return v.as_string();
}

bool has_prefix(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool has_suffix(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string indent(std::int64_t spaces, std::string_view v) {
  const std::string pad = gostrings::repeat(" ", spaces);
  return pad + gostrings::replace_all(v, "\n", "\n" + pad);
}

// goutils.Uncapitalize: the first rune of every whitespace-separated word in lower case.
std::string untitle(std::string_view s) {
  if (s.empty())
    return "";
  std::vector<std::int32_t> rs = gostrings::runes(s);
  bool next = true;
  for (std::int32_t& r : rs) {
    if (unicode::is_space(r)) {
      next = true;
    } else if (next) {
      r = unicode::to_lower(r);
      next = false;
    }
  }
  return gostrings::from_runes(rs);
}

// Sprig's substring: s[:end] when start < 0, s[start:] when end is negative or past the end,
// else s[start:end]; out-of-range indexes panic as Go's slicing does.
std::string substring(std::int64_t start, std::int64_t end, const std::string& s) {
  const auto len = static_cast<std::int64_t>(s.size());
  std::string error;
  if (start < 0) {
    error = sprig::slice_bounds_error(0, end, len, false, true);
    if (error.empty())
      return s.substr(0, static_cast<std::size_t>(end));
  } else if (end < 0 || end > len) {
    error = sprig::slice_bounds_error(start, 0, len, true, false);
    if (error.empty())
      return s.substr(static_cast<std::size_t>(start));
  } else {
    error = sprig::slice_bounds_error(start, end, len, true, true);
    if (error.empty())
      return s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
  }
  throw FuncError(error);
}

// Non-nil items of a variadic list.
std::vector<Value> non_nil(const Value& list) {
  std::vector<Value> out;
  for (const Value& item : list.list().items) {
    if (!item.is_null())
      out.push_back(item);
  }
  return out;
}

}  // namespace

void register_sprig_strings(FuncMap& f) {
  f.add("hello", "func() string", [](CallContext&, Args&) { return Value("Hello!"); });
  f.add("trim", "func(string) string",
        [](CallContext&, Args& a) { return Value(gostrings::trim_space(str(a[0]))); });
  const auto trim_all = [](CallContext&, Args& a) {
    return Value(gostrings::trim_cutset(str(a[1]), str(a[0])));
  };
  f.add("trimAll", "func(string, string) string", trim_all);
  f.add("trimall", "func(string, string) string", trim_all);
  f.add("trimSuffix", "func(string, string) string", [](CallContext&, Args& a) {
    const std::string& s = str(a[1]);
    return Value(has_suffix(s, str(a[0])) ? s.substr(0, s.size() - str(a[0]).size()) : s);
  });
  f.add("trimPrefix", "func(string, string) string", [](CallContext&, Args& a) {
    const std::string& s = str(a[1]);
    return Value(has_prefix(s, str(a[0])) ? s.substr(str(a[0]).size()) : s);
  });
  f.add("upper", "func(string) string",
        [](CallContext&, Args& a) { return Value(unicode::to_upper(str(a[0]))); });
  f.add("lower", "func(string) string",
        [](CallContext&, Args& a) { return Value(unicode::to_lower(str(a[0]))); });
  f.add("title", "func(string) string",
        [](CallContext&, Args& a) { return Value(gostrings::title(str(a[0]))); });
  f.add("untitle", "func(string) string",
        [](CallContext&, Args& a) { return Value(untitle(str(a[0]))); });
  f.add("substr", "func(int, int, string) string", [](CallContext&, Args& a) {
    return Value(substring(a[0].as_int(), a[1].as_int(), str(a[2])));
  });
  f.add("repeat", "func(int, string) string",
        [](CallContext&, Args& a) { return Value(gostrings::repeat(str(a[1]), a[0].as_int())); });
  f.add("contains", "func(string, string) bool", [](CallContext&, Args& a) {
    return Value(str(a[1]).find(str(a[0])) != std::string::npos);
  });
  f.add("hasPrefix", "func(string, string) bool",
        [](CallContext&, Args& a) { return Value(has_prefix(str(a[1]), str(a[0]))); });
  f.add("hasSuffix", "func(string, string) bool",
        [](CallContext&, Args& a) { return Value(has_suffix(str(a[1]), str(a[0]))); });
  // quote: %q of strval; squote: '%v' (so []byte prints as numbers there).
  f.add("quote", "func(...interface {}) string", [](CallContext&, Args& a) {
    std::string out;
    bool first = true;
    for (const Value& item : non_nil(a[0])) {
      if (!first)
        out += ' ';
      first = false;
      strconv::append_quoted(out, strval(item));
    }
    return Value(out);
  });
  f.add("squote", "func(...interface {}) string", [](CallContext&, Args& a) {
    std::vector<std::string> parts;
    for (const Value& item : non_nil(a[0])) parts.push_back(gofmt::sprintf("'%v'", {item}));
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? " " : "") + parts[i];
    return Value(out);
  });
  f.add("cat", "func(...interface {}) string", [](CallContext&, Args& a) {
    std::vector<Value> items = non_nil(a[0]);
    std::string format;
    for (std::size_t i = 0; i < items.size(); ++i) format += i > 0 ? " %v" : "%v";
    return Value(gofmt::sprintf(format, items));
  });
  f.add("indent", "func(int, string) string",
        [](CallContext&, Args& a) { return Value(indent(a[0].as_int(), str(a[1]))); });
  f.add("nindent", "func(int, string) string",
        [](CallContext&, Args& a) { return Value("\n" + indent(a[0].as_int(), str(a[1]))); });
  f.add("replace", "func(string, string, string) string", [](CallContext&, Args& a) {
    return Value(gostrings::replace_all(str(a[2]), str(a[0]), str(a[1])));
  });
  f.add("plural", "func(string, string, int) string",
        [](CallContext&, Args& a) { return a[2].as_int() == 1 ? a[0] : a[1]; });
  f.add("trunc", "func(int, string) string", [](CallContext&, Args& a) {
    const std::int64_t c = a[0].as_int();
    const std::string& s = str(a[1]);
    const auto len = static_cast<std::int64_t>(s.size());
    if (c < 0 && len + c > 0)
      return Value(s.substr(static_cast<std::size_t>(len + c)));
    if (c >= 0 && len > c)
      return Value(s.substr(0, static_cast<std::size_t>(c)));
    return Value(s);
  });
  f.add("toString", "func(interface {}) string",
        [](CallContext&, Args& a) { return Value(strval(a[0])); });
}

}  // namespace capstan::templating
