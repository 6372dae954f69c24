// yaml.v2's scalar resolution (resolve.go), with the pieces of Go's strconv and time.Parse it
// relies on, so that "08" is a float, "0b-101" is -5 and "1e400" stays a string, as in Go.
#include "core/yaml_resolve.h"

#include <array>
#include <cmath>
#include <limits>

#include "core/json_text.h"

namespace capstan::yaml::detail {

namespace {

constexpr std::string_view kLongPrefix = "tag:yaml.org,2002:";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char lower(char c) {
  return static_cast<char>(c | 0x20);
}

// resolve.go's resolveTable: the first byte says what a plain scalar might be.
char hint_of(std::string_view in) {
  if (in.empty())
    return 'N';
  const char c = in[0];
  if (c == '+' || c == '-')
    return 'S';
  if (is_digit(c))
    return 'D';
  switch (c) {
    case 'y':
    case 'Y':
    case 'n':
    case 'N':
    case 't':
    case 'T':
    case 'f':
    case 'F':
    case 'o':
    case 'O':
    case '~':
      return 'M';
    case '.':
      return '.';
    default:
      return 0;
  }
}

struct Word {
  std::string_view text;
  Resolved::Type type;
  bool b;
  double f;
};

// resolve.go's resolveMap (without "<<", which no hint reaches).
constexpr double kInf = std::numeric_limits<double>::infinity();
const std::array<Word, 39> kWords = {{
    {"y", Resolved::Type::Bool, true, 0},           {"Y", Resolved::Type::Bool, true, 0},
    {"yes", Resolved::Type::Bool, true, 0},         {"Yes", Resolved::Type::Bool, true, 0},
    {"YES", Resolved::Type::Bool, true, 0},         {"true", Resolved::Type::Bool, true, 0},
    {"True", Resolved::Type::Bool, true, 0},        {"TRUE", Resolved::Type::Bool, true, 0},
    {"on", Resolved::Type::Bool, true, 0},          {"On", Resolved::Type::Bool, true, 0},
    {"ON", Resolved::Type::Bool, true, 0},          {"n", Resolved::Type::Bool, false, 0},
    {"N", Resolved::Type::Bool, false, 0},          {"no", Resolved::Type::Bool, false, 0},
    {"No", Resolved::Type::Bool, false, 0},         {"NO", Resolved::Type::Bool, false, 0},
    {"false", Resolved::Type::Bool, false, 0},      {"False", Resolved::Type::Bool, false, 0},
    {"FALSE", Resolved::Type::Bool, false, 0},      {"off", Resolved::Type::Bool, false, 0},
    {"Off", Resolved::Type::Bool, false, 0},        {"OFF", Resolved::Type::Bool, false, 0},
    {"", Resolved::Type::Null, false, 0},           {"~", Resolved::Type::Null, false, 0},
    {"null", Resolved::Type::Null, false, 0},       {"Null", Resolved::Type::Null, false, 0},
    {"NULL", Resolved::Type::Null, false, 0},       {".nan", Resolved::Type::Float, false, NAN},
    {".NaN", Resolved::Type::Float, false, NAN},    {".NAN", Resolved::Type::Float, false, NAN},
    {".inf", Resolved::Type::Float, false, kInf},   {".Inf", Resolved::Type::Float, false, kInf},
    {".INF", Resolved::Type::Float, false, kInf},   {"+.inf", Resolved::Type::Float, false, kInf},
    {"+.Inf", Resolved::Type::Float, false, kInf},  {"+.INF", Resolved::Type::Float, false, kInf},
    {"-.inf", Resolved::Type::Float, false, -kInf}, {"-.Inf", Resolved::Type::Float, false, -kInf},
    {"-.INF", Resolved::Type::Float, false, -kInf},
}};

const Word* find_word(std::string_view in) {
  for (const Word& w : kWords) {
    if (w.text == in)
      return &w;
  }
  return nullptr;
}

// resolve.go's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool yaml_style_float(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-'))
    ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || !is_digit(s[i]))
      return false;
    while (i < s.size() && is_digit(s[i])) ++i;
  } else {
    if (i >= s.size() || !is_digit(s[i]))
      return false;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && is_digit(s[i])) ++i;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
      ++i;
    if (i >= s.size() || !is_digit(s[i]))
      return false;
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  return i == s.size();
}

// strconv.ParseFloat for a scalar starting with '.', the only other float path of resolve:
// Go accepts ".5", ".5e3" and, as Go literals allow, '_' between digits.
bool parse_dot_float(std::string_view in, double& out) {
  // Go's underscoreOK: '_' only between digits.
  std::string plain;
  char saw = '^';
  for (char c : in) {
    if (c == '_') {
      if (saw != '0')
        return false;
      saw = '_';
      continue;
    }
    if (saw == '_' && !is_digit(c))
      return false;
    saw = is_digit(c) ? '0' : '!';
    plain += c;
  }
  if (saw == '_')
    return false;
  if (!yaml_style_float(plain))
    return false;
  return json::parse_decimal_float(plain, out);
}

Resolved make(Tag tag, Resolved::Type type) {
  Resolved r;
  r.tag = tag;
  r.type = type;
  return r;
}

// Go's atoi on a fixed slice: optional sign, then digits only.
bool go_atoi(std::string_view s, int& out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty())
    return false;
  long long v = 0;
  for (char c : s) {
    if (!is_digit(c))
      return false;
    v = v * 10 + (c - '0');
    if (v > 1000000000)
      return false;
  }
  out = static_cast<int>(neg ? -v : v);
  return true;
}

// time.go's getnum: one or two digits (two when fixed).
bool getnum(std::string_view& s, bool fixed, int& out) {
  if (s.empty() || !is_digit(s[0]))
    return false;
  if (s.size() < 2 || !is_digit(s[1])) {
    if (fixed)
      return false;
    out = s[0] - '0';
    s.remove_prefix(1);
    return true;
  }
  out = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return true;
}

bool is_leap(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year))
    return 29;
  return kDays[month - 1];
}

// time.Parse with one of yaml.v2's four layouts; `sep` is 'T', 't' or ' ' (0: date only),
// `zone` whether the layout ends in Z07:00.
bool parse_layout(std::string_view v, char sep, bool zone) {
  if (v.size() < 4 || !is_digit(v[0]))
    return false;
  int year = 0;
  if (!go_atoi(v.substr(0, 4), year))
    return false;
  v.remove_prefix(4);
  int month = 0;
  int day = 0;
  if (v.empty() || v[0] != '-')
    return false;
  v.remove_prefix(1);
  if (!getnum(v, false, month) || month < 1 || month > 12)
    return false;
  if (v.empty() || v[0] != '-')
    return false;
  v.remove_prefix(1);
  if (!getnum(v, false, day))
    return false;
  if (sep != 0) {
    if (sep == ' ') {
      // Go's skip: a space in the layout matches any run of spaces.
      if (!v.empty() && v[0] != ' ')
        return false;
      while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    } else {
      if (v.empty() || v[0] != sep)
        return false;
      v.remove_prefix(1);
    }
    int hour = 0;
    int min = 0;
    int sec = 0;
    if (!getnum(v, false, hour) || hour >= 24)
      return false;
    if (v.empty() || v[0] != ':')
      return false;
    v.remove_prefix(1);
    if (!getnum(v, false, min) || min >= 60)
      return false;
    if (v.empty() || v[0] != ':')
      return false;
    v.remove_prefix(1);
    if (!getnum(v, false, sec) || sec >= 60)
      return false;
    // .999999999: optional, at most nine digits.
    if (v.size() >= 2 && (v[0] == '.' || v[0] == ',') && is_digit(v[1])) {
      std::size_t n = 1;
      while (n < 10 && n < v.size() && is_digit(v[n])) ++n;
      v.remove_prefix(n);
    }
    if (zone) {
      if (!v.empty() && v[0] == 'Z') {
        v.remove_prefix(1);
      } else {
        if (v.size() < 6 || v[3] != ':')
          return false;
        int hh = 0;
        int mm = 0;
        if (!go_atoi(v.substr(1, 2), hh) || !go_atoi(v.substr(4, 2), mm))
          return false;
        if (v[0] != '+' && v[0] != '-')
          return false;
        v.remove_prefix(6);
      }
    }
  }
  if (!v.empty())
    return false;  // extra text
  return day >= 1 && day <= days_in(month, year);
}

// strconv's underscoreOK: '_' only between digits (or after a base prefix).
bool underscore_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+'))
    s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    if (is_digit(s[i]) || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
      saw = '0';
      continue;
    }
    if (s[i] == '_') {
      if (saw != '0')
        return false;
      saw = '_';
      continue;
    }
    if (saw == '_')
      return false;
    saw = '!';
  }
  return saw != '_';
}

}  // namespace

Tag tag_from_long(std::string_view tag) {
  if (tag.empty())
    return Tag::None;
  if (tag.substr(0, kLongPrefix.size()) != kLongPrefix)
    return Tag::Other;
  std::string_view name = tag.substr(kLongPrefix.size());
  if (name == "str")
    return Tag::Str;
  if (name == "bool")
    return Tag::Bool;
  if (name == "int")
    return Tag::Int;
  if (name == "float")
    return Tag::Float;
  if (name == "null")
    return Tag::Null;
  if (name == "timestamp")
    return Tag::Timestamp;
  if (name == "binary")
    return Tag::Binary;
  if (name == "merge")
    return Tag::Merge;
  if (name == "map")
    return Tag::Map;
  if (name == "seq")
    return Tag::Seq;
  return Tag::Other;
}

std::string short_tag(Tag tag, std::string_view long_tag) {
  switch (tag) {
    case Tag::None:
      return "";
    case Tag::Str:
      return "!!str";
    case Tag::Bool:
      return "!!bool";
    case Tag::Int:
      return "!!int";
    case Tag::Float:
      return "!!float";
    case Tag::Null:
      return "!!null";
    case Tag::Timestamp:
      return "!!timestamp";
    case Tag::Binary:
      return "!!binary";
    case Tag::Merge:
      return "!!merge";
    case Tag::Map:
      return "!!map";
    case Tag::Seq:
      return "!!seq";
    case Tag::Other:
      break;
  }
  if (long_tag.substr(0, kLongPrefix.size()) == kLongPrefix) {
    return "!!" + std::string(long_tag.substr(kLongPrefix.size()));
  }
  return std::string(long_tag);
}

NumResult parse_go_uint(std::string_view s, int base, std::uint64_t& out) {
  out = 0;
  if (s.empty())
    return NumResult::Syntax;
  const bool base0 = base == 0;
  std::string_view s0 = s;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && lower(s[1]) == 'b') {
        base = 2;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'o') {
        base = 8;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'x') {
        base = 16;
        s.remove_prefix(2);
      } else {
        base = 8;
        s.remove_prefix(1);
      }
    }
  }
  const std::uint64_t cutoff =
      std::numeric_limits<std::uint64_t>::max() / static_cast<std::uint64_t>(base) + 1;
  bool underscores = false;
  std::uint64_t n = 0;
  for (char c : s) {
    int d;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    }
    if (is_digit(c)) {
      d = c - '0';
    } else if (lower(c) >= 'a' && lower(c) <= 'z') {
      d = lower(c) - 'a' + 10;
    } else {
      return NumResult::Syntax;
    }
    if (d >= base)
      return NumResult::Syntax;
    if (n >= cutoff) {
      out = std::numeric_limits<std::uint64_t>::max();
      return NumResult::Range;
    }
    n *= static_cast<std::uint64_t>(base);
    const std::uint64_t n1 = n + static_cast<std::uint64_t>(d);
    if (n1 < n) {
      out = std::numeric_limits<std::uint64_t>::max();
      return NumResult::Range;
    }
    n = n1;
  }
  if (underscores && !underscore_ok(s0))
    return NumResult::Syntax;
  out = n;
  return NumResult::Ok;
}

NumResult parse_go_int(std::string_view s, int base, std::int64_t& out) {
  out = 0;
  if (s.empty())
    return NumResult::Syntax;
  bool neg = false;
  if (s[0] == '+') {
    s.remove_prefix(1);
  } else if (s[0] == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  std::uint64_t un = 0;
  NumResult r = parse_go_uint(s, base, un);
  if (r == NumResult::Syntax)
    return r;
  constexpr std::uint64_t kCutoff = std::uint64_t{1} << 63;
  if (!neg && un >= kCutoff)
    return NumResult::Range;
  if (neg && un > kCutoff)
    return NumResult::Range;
  out = neg ? static_cast<std::int64_t>(0 - un) : static_cast<std::int64_t>(un);
  return r;
}

bool parse_timestamp(std::string_view s) {
  // Quick check: all date formats start with YYYY-.
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i != 4 || i == s.size() || s[i] != '-')
    return false;
  return parse_layout(s, 'T', true) || parse_layout(s, 't', true) || parse_layout(s, ' ', false) ||
         parse_layout(s, 0, false);
}

bool is_base60_float(std::string_view s) {
  // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
  if (s.empty() || s.find(':') == std::string_view::npos)
    return false;
  std::size_t i = 0;
  if (s[i] == '+' || s[i] == '-')
    ++i;
  if (i >= s.size() || !is_digit(s[i]))
    return false;
  ++i;
  while (i < s.size() && (is_digit(s[i]) || s[i] == '_')) ++i;
  int groups = 0;
  while (i < s.size() && s[i] == ':') {
    ++i;
    // [0-5]?[0-9]: one digit, or two with the first in 0-5.
    if (i >= s.size() || !is_digit(s[i]))
      return false;
    if (i + 1 < s.size() && is_digit(s[i + 1]) && s[i] <= '5') {
      i += 2;
    } else {
      ++i;
    }
    ++groups;
  }
  if (groups == 0)
    return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && (is_digit(s[i]) || s[i] == '_')) ++i;
  }
  return i == s.size();
}

Resolved resolve(Tag tag, std::string_view in) {
  switch (tag) {
    case Tag::None:
    case Tag::Str:
    case Tag::Bool:
    case Tag::Int:
    case Tag::Float:
    case Tag::Null:
    case Tag::Timestamp:
      break;
    default:
      return make(tag, Resolved::Type::String);
  }
  const char hint = hint_of(in);
  if (hint == 0 || tag == Tag::Str)
    return make(Tag::Str, Resolved::Type::String);
  if (const Word* w = find_word(in)) {
    Resolved r = make(w->type == Resolved::Type::Bool   ? Tag::Bool
                      : w->type == Resolved::Type::Null ? Tag::Null
                                                        : Tag::Float,
                      w->type);
    r.b = w->b;
    r.f = w->f;
    return r;
  }
  if (hint == '.') {
    Resolved r = make(Tag::Float, Resolved::Type::Float);
    if (parse_dot_float(in, r.f))
      return r;
  } else if (hint == 'D' || hint == 'S') {
    if ((tag == Tag::None || tag == Tag::Timestamp) && parse_timestamp(in)) {
      return make(Tag::Timestamp, Resolved::Type::String);
    }
    std::string plain;
    plain.reserve(in.size());
    for (char c : in) {
      if (c != '_')
        plain += c;
    }
    Resolved r = make(Tag::Int, Resolved::Type::Int);
    if (parse_go_int(plain, 0, r.i) == NumResult::Ok)
      return r;
    if (parse_go_uint(plain, 0, r.u) == NumResult::Ok) {
      r.type = Resolved::Type::Uint;
      return r;
    }
    if (yaml_style_float(plain) && json::parse_decimal_float(plain, r.f)) {
      r.tag = Tag::Float;
      r.type = Resolved::Type::Float;
      return r;
    }
    std::string_view p = plain;
    if (p.substr(0, 2) == "0b") {
      if (parse_go_int(p.substr(2), 2, r.i) == NumResult::Ok)
        return r;
      if (parse_go_uint(p.substr(2), 2, r.u) == NumResult::Ok) {
        r.type = Resolved::Type::Uint;
        return r;
      }
    } else if (p.substr(0, 3) == "-0b") {
      if (parse_go_int("-" + std::string(p.substr(3)), 2, r.i) == NumResult::Ok)
        return r;
    }
  }
  return make(Tag::Str, Resolved::Type::String);
}

}  // namespace capstan::yaml::detail
