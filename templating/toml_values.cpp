// Primitive TOML values as BurntSushi/toml v1.6.0's parser converts them (parse.go). The
// checks run in the library's order, since the first failing one words the error.
#include "templating/toml_values.h"

#include <chrono>
#include <cmath>

#include "core/strconv.h"
#include "templating/sprig_objects.h"
#include "templating/sprig_time.h"
#include "templating/toml.h"
#include "templating/toml_lex.h"

namespace capstan::templating::toml::detail {

namespace {

// numUnderscoresOK: every '_' sits between two digits (any hex digit, a superset).
bool underscores_ok(std::string_view s) {
  if (s == "nan" || s == "+nan" || s == "-nan" || s == "inf" || s == "-inf" || s == "+inf")
    return true;
  bool accept = false;
  for (std::size_t i = 0; i < s.size();) {
    const strconv::DecodedRune d = strconv::decode_rune(s.substr(i));
    if (d.rune == '_' && !accept)
      return false;
    accept = is_hex(d.rune);
    i += static_cast<std::size_t>(d.width);
  }
  return accept;
}

// numHasLeadingZero, allowing "0", signs and base prefixes.
bool has_leading_zero(std::string_view s) {
  if (s.size() > 1 && s[0] == '0' && !(s[1] == 'b' || s[1] == 'o' || s[1] == 'x'))
    return true;
  return s.size() > 2 && (s[0] == '-' || s[0] == '+') && s[1] == '0';
}

// numPeriodsOK: every '.' is followed by a digit.
bool periods_ok(std::string_view s) {
  bool period = false;
  for (char c : s) {
    if (period && !is_digit(static_cast<unsigned char>(c)))
      return false;
    period = c == '.';
  }
  return !period;
}

std::string range_error(std::string_view val, std::string_view size) {
  return std::string(val) + " is out of range for " + std::string(size);  // errParseRange
}

std::int32_t escape_to_rune(std::string_view hex) {
  const auto parsed = strconv::parse_uint(hex, 16, 32);
  if (!parsed.ok())
    throw Panic("BUG: Could not parse '" + std::string(hex) + "' as a hexadecimal number");
  const std::uint64_t r = parsed.value;
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {  // !utf8.ValidRune
    throw ItemError{"Escaped character '\\u" + std::string(hex) + "' is not valid UTF-8."};
  }
  return static_cast<std::int32_t>(r);
}

// internal.LocalDatetime and friends: fixed zones at the local offset when the library loaded.
int local_offset() {
  static const int offset = [] {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto sec = std::chrono::duration_cast<std::chrono::seconds>(now).count();
    return gotime::Time::unix(sec, 0).zone().offset;
  }();
  return offset;
}

const gotime::LocationPtr& local_zone(std::string_view name) {
  static const gotime::LocationPtr datetime =
      gotime::fixed_zone(std::string(kLocalDatetimeZone), local_offset());
  static const gotime::LocationPtr date =
      gotime::fixed_zone(std::string(kLocalDateZone), local_offset());
  static const gotime::LocationPtr time =
      gotime::fixed_zone(std::string(kLocalTimeZone), local_offset());
  return name == kLocalDatetimeZone ? datetime : name == kLocalDateZone ? date : time;
}

// Go's time.Parse accepts an hour without its leading zero; the separators then move.
bool missing_leading_zero(std::string_view d, std::string_view layout) {
  for (std::size_t i = 0; i < layout.size(); ++i) {
    const char c = layout[i];
    if (c == '.' || c == 'Z')
      return false;
    if (c < '0' || c > '9') {
      if (i >= d.size()) {
        throw Panic("runtime error: index out of range [" + std::to_string(i) + "] with length " +
                    std::to_string(d.size()));
      }
      if (d[i] != c)
        return true;
    }
  }
  return false;
}

}  // namespace

std::string quote(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : s) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default: {
        const auto u = static_cast<unsigned char>(ch);
        if (u < 0x20 || u == 0x7f) {
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 15];
        } else {
          out += ch;
        }
      }
    }
  }
  return out + "\"";
}

std::string maybe_quoted(std::string_view part) {
  if (part.empty())
    return "\"\"";
  for (char ch : part) {
    if (!is_bare_key_char(static_cast<unsigned char>(ch)))
      return quote(part);
  }
  return std::string(part);
}

std::string key_string(const std::vector<std::string>& key) {
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (i > 0)
      out += '.';
    out += maybe_quoted(key[i]);
  }
  return out;
}

std::string_view strip_first_newline(std::string_view s) {
  if (!s.empty() && s[0] == '\n')
    return s.substr(1);
  if (s.size() > 1 && s[0] == '\r' && s[1] == '\n')
    return s.substr(2);
  return s;
}

// A line-ending backslash is an unescaped \ followed only by whitespace up to a newline; it
// and all whitespace after it go.
std::string strip_escaped_newlines(std::string_view s) {
  std::string b;
  std::size_t i = 0;
  for (;;) {
    const std::size_t ix = s.find('\\', i);
    if (ix == std::string_view::npos)
      return b.append(s);
    i = ix;
    if (s.size() > i + 1 && s[i + 1] == '\\') {  // an escaped backslash
      i += 2;
      continue;
    }
    std::size_t j = i + 1;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) ++j;
    if (j == i + 1 || s.substr(i, j - i).find('\n') == std::string_view::npos) {
      ++i;  // not a line-ending backslash (a bad escape is replace_escapes' to report)
      continue;
    }
    b.append(s.substr(0, i));
    s.remove_prefix(j);
    i = 0;
  }
}

std::string replace_escapes(std::string_view str) {
  std::string b;
  b.reserve(str.size());
  for (std::size_t i = 0; i < str.size();) {
    if (str[i] != '\\') {
      b += str[i++];
      continue;
    }
    if (i + 1 >= str.size())
      throw Panic("BUG: Escape sequence at end of string.");
    const char e = str[i + 1];
    std::size_t skip = 1;
    switch (e) {
      case ' ':
      case '\t':
        throw ItemError{std::string("invalid escape: '\\") + e + "'"};
      case 'b':
        b += '\b';
        break;
      case 't':
        b += '\t';
        break;
      case 'n':
        b += '\n';
        break;
      case 'f':
        b += '\f';
        break;
      case 'r':
        b += '\r';
        break;
      case 'e':
        b += '\x1b';
        break;
      case '"':
        b += '"';
        break;
      case '\\':
        b += '\\';
        break;
      case 'x':
      case 'u':
      case 'U': {
        // The lexer checked the digits are there.
        const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        strconv::append_rune(b, escape_to_rune(str.substr(i + 2, n)));
        skip = n + 1;
        break;
      }
      default:
        throw Panic("BUG: Expected valid escape code after \\, but got " +
                    strconv::quote_rune(static_cast<unsigned char>(e)) + ".");
    }
    i += 1 + skip;
  }
  return b;
}

Value integer(std::string_view val) {
  if (!underscores_ok(val)) {
    throw ItemError{"Invalid integer " + strconv::quote(val) +
                    ": underscores must be surrounded by digits"};
  }
  if (has_leading_zero(val)) {
    throw ItemError{"Invalid integer " + strconv::quote(val) + ": cannot have leading zeroes"};
  }
  const auto parsed = strconv::parse_int(val, 0, 64);
  if (parsed.err == strconv::NumError::Range)
    throw ItemError{range_error(val, "int64")};
  if (!parsed.ok())
    throw Panic("BUG: Expected integer value, but got '" + std::string(val) + "'.");
  return Value::integer(parsed.value, NumType::Int64);
}

Value floating(std::string_view val) {
  // strings.FieldsFunc on '.', 'e', 'E': the non-empty parts.
  std::vector<std::string_view> parts;
  for (std::size_t i = 0; i < val.size();) {
    std::size_t j = val.find_first_of(".eE", i);
    if (j == std::string_view::npos)
      j = val.size();
    if (j > i)
      parts.push_back(val.substr(i, j - i));
    i = j + 1;
  }
  for (std::string_view part : parts) {
    if (!underscores_ok(part)) {
      throw ItemError{"Invalid float " + strconv::quote(val) +
                      ": underscores must be surrounded by digits"};
    }
  }
  if (!parts.empty() && has_leading_zero(parts[0])) {
    throw ItemError{"Invalid float " + strconv::quote(val) + ": cannot have leading zeroes"};
  }
  if (!periods_ok(val)) {
    throw ItemError{"Invalid float " + strconv::quote(val) +
                    ": '.' must be followed by one or more digits"};
  }
  std::string v;
  for (char ch : val) {
    if (ch != '_')
      v += ch;
  }
  bool negative_nan = false;
  if (v == "+nan" || v == "-nan") {  // Go's ParseFloat takes no sign on nan
    negative_nan = v == "-nan";
    v = "nan";
  }
  const auto parsed = strconv::parse_float(v, 64);
  if (parsed.err == strconv::NumError::Range)
    throw ItemError{range_error(val, "float64")};
  if (!parsed.ok())
    throw ItemError{"Invalid float value: " + strconv::quote(val)};
  double num = parsed.value;
  if (negative_nan)
    num = std::copysign(num, -1.0);
  return Value::floating(num);
}

Value datetime(std::string_view val) {
  // datetimeRepl: "z" → "Z", "t" → "T", " " → "T".
  std::string v(val);
  for (char& ch : v) {
    if (ch == 'z')
      ch = 'Z';
    if (ch == 't' || ch == ' ')
      ch = 'T';
  }
  struct Layout {
    std::string_view layout;
    std::string_view zone;  // empty: time.Local
  };
  static constexpr Layout kLayouts[] = {
      {"2006-01-02T15:04:05.999999999Z07:00", ""},
      {"2006-01-02T15:04:05.999999999", kLocalDatetimeZone},
      {"2006-01-02", kLocalDateZone},
      {"15:04:05.999999999", kLocalTimeZone},
      // TOML 1.1: the seconds are optional.
      {"2006-01-02T15:04Z07:00", ""},
      {"2006-01-02T15:04", kLocalDatetimeZone},
      {"15:04", kLocalTimeZone},
  };
  const std::string invalid = "invalid datetime: " + strconv::quote(v);  // errParseDate
  for (const Layout& l : kLayouts) {
    gotime::Time t;
    try {
      t = gotime::parse_in_location(l.layout, v,
                                    l.zone.empty() ? gotime::local() : local_zone(l.zone));
    } catch (const gotime::ParseError&) {
      continue;
    }
    if (missing_leading_zero(v, l.layout))
      throw ItemError{invalid};
    return sprig::time_value(t);
  }
  throw ItemError{invalid};
}

}  // namespace capstan::templating::toml::detail
