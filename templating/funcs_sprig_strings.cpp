// Sprig's string functions (strings.go, functions.go) used by the foundation: trim*, case,
// contains/has*, quote, squote, indent, nindent, replace, trunc, join, split, splitList, toString.
#include <algorithm>

#include "core/strconv.h"
#include "templating/function.h"
#include "templating/sprig_values.h"
#include "templating/unicode.h"

namespace capstan::templating {

namespace {

using sprig::strval;

const std::string& str(const Value& v) { return v.as_string(); }

// strings.TrimSpace / TrimFunc(unicode.IsSpace).
std::string trim_space(std::string_view s) {
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    if (!unicode::is_space(d.rune) || (d.rune == 0xFFFD && d.width == 1)) break;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  while (!s.empty()) {
    // Step back over one rune.
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && s.size() - start < 4) --start;
    const auto d = strconv::decode_rune(s.substr(start));
    if (static_cast<std::size_t>(d.width) != s.size() - start) start = s.size() - 1;
    const auto r = strconv::decode_rune(s.substr(start));
    if (!unicode::is_space(r.rune) || (r.rune == 0xFFFD && r.width == 1)) break;
    s.remove_suffix(s.size() - start);
  }
  return std::string(s);
}

// strings.Trim(s, cutset): runes in cutset removed from both ends.
std::string trim_cutset(std::string_view s, std::string_view cutset) {
  auto in_set = [&](std::int32_t r) {
    std::string_view c = cutset;
    while (!c.empty()) {
      const auto d = strconv::decode_rune(c);
      if (d.rune == r) return true;
      c.remove_prefix(static_cast<std::size_t>(d.width));
    }
    return false;
  };
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    if (!in_set(d.rune)) break;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  while (!s.empty()) {
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && s.size() - start < 4) --start;
    const auto d = strconv::decode_rune(s.substr(start));
    if (static_cast<std::size_t>(d.width) != s.size() - start) start = s.size() - 1;
    if (!in_set(strconv::decode_rune(s.substr(start)).rune)) break;
    s.remove_suffix(s.size() - start);
  }
  return std::string(s);
}

std::string replace_all(std::string_view s, std::string_view old, std::string_view with) {
  std::string out;
  if (old.empty()) {
    // strings.Replace with an empty old inserts `with` before every rune and at the end.
    out.reserve(s.size() * (with.size() + 1) + with.size());
    out += with;
    while (!s.empty()) {
      const auto d = strconv::decode_rune(s);
      out.append(s.substr(0, static_cast<std::size_t>(d.width)));
      out += with;
      s.remove_prefix(static_cast<std::size_t>(d.width));
    }
    return out;
  }
  out.reserve(s.size());
  std::size_t from = 0;
  for (std::size_t at = s.find(old); at != std::string_view::npos; at = s.find(old, from)) {
    out.append(s.substr(from, at - from));
    out += with;
    from = at + old.size();
  }
  out.append(s.substr(from));
  return out;
}

std::vector<std::string> split_all(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  if (sep.empty()) {
    // strings.Split with an empty separator splits after each UTF-8 sequence.
    while (!s.empty()) {
      const auto d = strconv::decode_rune(s);
      out.emplace_back(s.substr(0, static_cast<std::size_t>(d.width)));
      s.remove_prefix(static_cast<std::size_t>(d.width));
    }
    return out;
  }
  std::size_t from = 0;
  for (std::size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, from)) {
    out.emplace_back(s.substr(from, at - from));
    from = at + sep.size();
  }
  out.emplace_back(s.substr(from));
  return out;
}

// strings.Title: the first letter of each word mapped to title case; words are separated by
// non-letters/digits (ASCII: anything but alphanumerics and '_'; else Unicode space).
std::string title(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::int32_t prev = ' ';
  auto is_separator = [](std::int32_t r) {
    if (r <= 0x7F) {
      if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_') return false;
      return true;
    }
    if (unicode::is_letter(r) || unicode::is_digit(r)) return false;
    return unicode::is_space(r);
  };
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    std::int32_t r = d.rune;
    if (is_separator(prev)) r = unicode::to_title(r);
    strconv::append_rune(out, r);
    prev = d.rune;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return out;
}

std::string indent(std::int64_t spaces, std::string_view v) {
  if (spaces < 0) throw FuncError("strings: negative Repeat count");
  const std::string pad(static_cast<std::size_t>(spaces), ' ');
  return pad + replace_all(v, "\n", "\n" + pad);
}

}  // namespace

void register_sprig_strings(FuncMap& f) {
  f.add("trim", "func(string) string", [](CallContext&, Args& a) { return Value(trim_space(str(a[0]))); });
  f.add("trimAll", "func(string, string) string",
        [](CallContext&, Args& a) { return Value(trim_cutset(str(a[1]), str(a[0]))); });
  f.add("trimSuffix", "func(string, string) string", [](CallContext&, Args& a) {
    const std::string& s = str(a[1]);
    const std::string& suffix = str(a[0]);
    if (s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return Value(s.substr(0, s.size() - suffix.size()));
    }
    return Value(s);
  });
  f.add("trimPrefix", "func(string, string) string", [](CallContext&, Args& a) {
    const std::string& s = str(a[1]);
    const std::string& prefix = str(a[0]);
    if (s.compare(0, prefix.size(), prefix) == 0) return Value(s.substr(prefix.size()));
    return Value(s);
  });
  f.add("upper", "func(string) string", [](CallContext&, Args& a) { return Value(unicode::to_upper(str(a[0]))); });
  f.add("lower", "func(string) string", [](CallContext&, Args& a) { return Value(unicode::to_lower(str(a[0]))); });
  f.add("title", "func(string) string", [](CallContext&, Args& a) { return Value(title(str(a[0]))); });
  f.add("contains", "func(string, string) bool", [](CallContext&, Args& a) {
    return Value(str(a[1]).find(str(a[0])) != std::string::npos);
  });
  f.add("hasPrefix", "func(string, string) bool",
        [](CallContext&, Args& a) { return Value(str(a[1]).compare(0, str(a[0]).size(), str(a[0])) == 0); });
  f.add("hasSuffix", "func(string, string) bool", [](CallContext&, Args& a) {
    const std::string& s = str(a[1]);
    const std::string& suffix = str(a[0]);
    return Value(s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0);
  });
  f.add("quote", "func(...interface {}) string", [](CallContext&, Args& a) {
    std::string out;
    bool first = true;
    for (const Value& item : a.empty() ? std::vector<Value>{} : a[0].list().items) {
      if (item.is_null()) continue;
      if (!first) out += ' ';
      first = false;
      strconv::append_quoted(out, strval(item));
    }
    return Value(out);
  });
  f.add("squote", "func(...interface {}) string", [](CallContext&, Args& a) {
    std::string out;
    bool first = true;
    for (const Value& item : a[0].list().items) {
      if (item.is_null()) continue;
      if (!first) out += ' ';
      first = false;
      out += '\'';
      out += strval(item);
      out += '\'';
    }
    return Value(out);
  });
  f.add("indent", "func(int, string) string",
        [](CallContext&, Args& a) { return Value(indent(a[0].as_int(), str(a[1]))); });
  f.add("nindent", "func(int, string) string",
        [](CallContext&, Args& a) { return Value("\n" + indent(a[0].as_int(), str(a[1]))); });
  f.add("replace", "func(string, string, string) string",
        [](CallContext&, Args& a) { return Value(replace_all(str(a[2]), str(a[0]), str(a[1]))); });
  f.add("trunc", "func(int, string) string", [](CallContext&, Args& a) {
    const std::int64_t c = a[0].as_int();
    const std::string& s = str(a[1]);
    const auto len = static_cast<std::int64_t>(s.size());
    if (c < 0 && len + c > 0) return Value(s.substr(static_cast<std::size_t>(len + c)));
    if (c >= 0 && len > c) return Value(s.substr(0, static_cast<std::size_t>(c)));
    return Value(s);
  });
  f.add("join", "func(string, interface {}) string", [](CallContext&, Args& a) {
    std::string out;
    const auto parts = sprig::strslice(a[1]);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out += str(a[0]);
      out += parts[i];
    }
    return Value(out);
  });
  f.add("split", "func(string, string) map[string]string", [](CallContext&, Args& a) {
    auto map = std::make_shared<Map>();
    map->elem_type = "string";
    const auto parts = split_all(str(a[1]), str(a[0]));
    for (std::size_t i = 0; i < parts.size(); ++i) map->entries["_" + std::to_string(i)] = Value(parts[i]);
    return Value(std::move(map));
  });
  f.add("splitList", "func(string, string) []string",
        [](CallContext&, Args& a) { return sprig::string_list(split_all(str(a[1]), str(a[0]))); });
  f.add("toString", "func(interface {}) string", [](CallContext&, Args& a) { return Value(strval(a[0])); });
}

}  // namespace capstan::templating
