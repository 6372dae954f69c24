// gopkg.in/yaml.v3's Encoder (3.0.1) over Value, for Helm's toYamlPretty: Go values straight
// into the emitter, with no JSON step (numbers keep their Go types: float64 prints as 'g',
// so 1e+06; ints as decimals), yaml.v3's choice of string styles and its key order.
#include <algorithm>
#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json_text.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "core/yaml_emitter.h"
#include "core/yaml_key_order.h"

namespace capstan::yaml {

namespace {

using detail::ScalarStyle;

bool digits(std::string_view s, std::size_t& i, std::size_t min, std::size_t max, int& value) {
  const std::size_t start = i;
  value = 0;
  while (i < s.size() && i - start < max && s[i] >= '0' && s[i] <= '9') value = value * 10 + (s[i++] - '0');
  return i - start >= min;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// resolve.go's parseTimestamp: time.Parse with "2006-1-2T15:4:5.999999999Z07:00" (and "t"),
// "2006-1-2 15:4:5.999999999" and "2006-1-2".
bool is_timestamp(std::string_view s) {
  std::size_t i = 0;
  int year, month, day;
  if (!digits(s, i, 4, 4, year) || i >= s.size() || s[i] != '-') return false;
  ++i;
  if (!digits(s, i, 1, 2, month) || i >= s.size() || s[i] != '-') return false;
  ++i;
  if (!digits(s, i, 1, 2, day)) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] + (month == 2 && leap(year))) return false;
  if (i == s.size()) return true;
  const char sep = s[i];
  if (sep != 'T' && sep != 't' && sep != ' ') return false;
  ++i;
  int h, m, sec;
  if (!digits(s, i, 1, 2, h) || i >= s.size() || s[i] != ':') return false;
  ++i;
  if (!digits(s, i, 1, 2, m) || i >= s.size() || s[i] != ':') return false;
  ++i;
  if (!digits(s, i, 1, 2, sec) || h > 23 || m > 59 || sec > 59) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    int frac;
    if (!digits(s, i, 1, 9, frac)) return false;
  }
  if (sep == ' ') return i == s.size();
  if (i < s.size() && s[i] == 'Z') return i + 1 == s.size();
  if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return false;
  ++i;
  int zh, zm;
  if (!digits(s, i, 2, 2, zh) || i >= s.size() || s[i] != ':') return false;
  ++i;
  return digits(s, i, 2, 2, zm) && i == s.size() && zh <= 23 && zm <= 59;
}

// Whether yaml.v3's resolve("", s) gives something other than !!str.
bool resolves_non_string(const std::string& s) {
  static const char* const kMap[] = {"true", "True", "TRUE", "false", "False", "FALSE", "", "~",
                                     "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf",
                                     ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<"};
  for (const char* m : kMap) {
    if (s == m) return true;
  }
  if (s.empty()) return true;
  const char c = s[0];
  if (c == '.') return strconv::parse_float(s).ok();
  if (!(c == '+' || c == '-' || (c >= '0' && c <= '9'))) return false;
  if (is_timestamp(s)) return true;
  std::string plain;
  for (char ch : s) {
    if (ch != '_') plain += ch;
  }
  if (strconv::parse_int(plain, 0).ok() || strconv::parse_uint(plain, 0).ok()) return true;
  static const std::regex float_re(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)");
  if (std::regex_match(plain, float_re) && strconv::parse_float(plain).ok()) return true;
  auto base = [&](std::string_view digits_part, int b) {
    return strconv::parse_int(digits_part, b).ok() || strconv::parse_uint(digits_part, b).ok();
  };
  const std::string_view p = plain;
  if (p.substr(0, 2) == "0b") return base(p.substr(2), 2);
  if (p.substr(0, 3) == "-0b") return strconv::parse_int("-" + std::string(p.substr(3)), 2).ok();
  if (p.substr(0, 2) == "0o") return base(p.substr(2), 8);
  if (p.substr(0, 3) == "-0o") return strconv::parse_int("-" + std::string(p.substr(3)), 8).ok();
  return false;
}

bool is_base60_float(const std::string& s) {
  if (s.empty()) return false;
  const char c = s[0];
  if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.find(':') == std::string::npos) return false;
  static const std::regex re(R"(^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$)");
  return std::regex_match(s, re);
}

bool is_old_bool(const std::string& s) {
  static const char* const kOld[] = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
                                     "n", "N", "no", "No", "NO", "off", "Off", "OFF"};
  for (const char* o : kOld) {
    if (s == o) return true;
  }
  return false;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >= 0xc2 && c <= 0xdf) ? 2 : (c >= 0xe0 && c <= 0xef) ? 3 : (c >= 0xf0 && c <= 0xf4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    std::uint32_t cp = len == 1 ? c : c & (0xff >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff))) {
      return false;
    }
    i += len;
  }
  return true;
}

class V3Encoder {
 public:
  V3Encoder(int indent, const EncodeOptions& options)
      : emitter_(detail::Emitter::v3(indent)), options_(options) {}

  std::string run(const Value& v) {
    node(v, true);
    return emitter_.finish();
  }

 private:
  // encoder.stringv: plain when it reads back as a string, literal when multi-line, else
  // double-quoted.
  static ScalarStyle string_style(const std::string& s) {
    if (s.find('\n') != std::string::npos) return ScalarStyle::Literal;
    if (!resolves_non_string(s) && !is_base60_float(s) && !is_old_bool(s)) return ScalarStyle::Plain;
    return ScalarStyle::DoubleQuoted;
  }

  // A string as stringv writes it; invalid UTF-8 cannot be YAML text, so it goes out as
  // !!binary base64 (encodeBase64: lines of 70 characters, each ended by a newline when
  // there is more than one, then a literal block).
  void string(const std::string& s, bool key) {
    if (valid_utf8(s)) {
      scalar(s, string_style(s), key);
      return;
    }
    const std::string b64 = json::base64_encode(s);
    constexpr std::size_t kLine = 70;
    const bool several = b64.size() / kLine + 1 > 1;
    std::string text;
    for (std::size_t i = 0; i < b64.size(); i += kLine) {
      text += b64.substr(i, kLine);
      if (several) text += '\n';
    }
    emitter_.tag("!!binary");
    scalar(text, several ? ScalarStyle::Literal : ScalarStyle::Plain, key);
  }

  void scalar(const std::string& text, ScalarStyle style, bool key) {
    if (key) {
      emitter_.key(text, style);
    } else {
      emitter_.scalar(text, style);
    }
  }

  void node(const Value& v, bool /*top*/) {
    switch (v.kind()) {
      case Value::Kind::Null: scalar("null", ScalarStyle::Plain, false); return;
      case Value::Kind::Bool: scalar(v.as_bool() ? "true" : "false", ScalarStyle::Plain, false); return;
      case Value::Kind::Int: scalar(strconv::format_int(v.as_int()), ScalarStyle::Plain, false); return;
      case Value::Kind::Uint: scalar(strconv::format_uint(v.as_uint()), ScalarStyle::Plain, false); return;
      case Value::Kind::Float: {
        const double f = v.as_float();
        std::string s = strconv::format_float(f, 'g', -1, v.num_type() == NumType::Float32 ? 32 : 64);
        if (s == "+Inf") s = ".inf";
        if (s == "-Inf") s = "-.inf";
        if (s == "NaN") s = ".nan";
        scalar(s, ScalarStyle::Plain, false);
        return;
      }
      case Value::Kind::String: {
        string(v.as_string(), false);
        return;
      }
      case Value::Kind::Bytes: {
        // []byte is a slice of uint8 to yaml.v3: a sequence of numbers.
        const std::string& b = v.as_string();
        if (b.empty()) {
          emitter_.empty_sequence();
          return;
        }
        emitter_.begin_sequence();
        for (unsigned char c : b) {
          emitter_.item();
          scalar(std::to_string(c), ScalarStyle::Plain, false);
        }
        emitter_.end_sequence();
        return;
      }
      case Value::Kind::List: {
        const auto& items = v.list().items;
        if (items.empty()) {
          emitter_.empty_sequence();
          return;
        }
        emitter_.begin_sequence();
        for (const Value& item : items) {
          emitter_.item();
          node(item, false);
        }
        emitter_.end_sequence();
        return;
      }
      case Value::Kind::Map: {
        const auto& entries = v.map().entries;
        if (entries.empty()) {
          emitter_.empty_mapping();
          return;
        }
        std::vector<const std::pair<const std::string, Value>*> sorted;
        sorted.reserve(entries.size());
        for (const auto& e : entries) sorted.push_back(&e);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](auto* a, auto* b) { return detail::key_less_v3(a->first, b->first); });
        emitter_.begin_mapping();
        for (const auto* e : sorted) {
          string(e->first, true);
          node(e->second, false);
        }
        emitter_.end_mapping();
        return;
      }
      case Value::Kind::Object:
        if (options_.object_plain_scalar) {
          if (std::optional<std::string> text = options_.object_plain_scalar(*v.object())) {
            scalar(*text, ScalarStyle::Plain, false);
            return;
          }
        }
        if (options_.object_fields) {
          if (std::optional<EncodeOptions::Fields> fields = options_.object_fields(*v.object())) {
            if (fields->empty()) {
              emitter_.empty_mapping();
              return;
            }
            emitter_.begin_mapping();
            for (const auto& [key, item] : *fields) {
              string(key, true);
              node(item, false);
            }
            emitter_.end_mapping();
            return;
          }
        }
        if (!options_.object_value) {
          scalar("null", ScalarStyle::Plain, false);
          return;
        }
        node(options_.object_value(*v.object()), false);
        return;
    }
  }

  detail::Emitter emitter_;
  const EncodeOptions& options_;
};

}  // namespace

std::string encode_v3(const Value& value, int indent, const EncodeOptions& options) {
  if (indent < 2 || indent > 9) indent = 2;  // yaml_emitter_set_indent's range (libyaml: 2..9)
  return V3Encoder(indent, options).run(value);
}

}  // namespace capstan::yaml
