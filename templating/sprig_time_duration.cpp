// Go's Duration.String and time.ParseDuration (time.go, format.go), and format.go's quote for
// time error messages.
#include "core/strconv.h"
#include "templating/sprig_time.h"

namespace capstan::templating::gotime {

std::string duration_string(Duration d) {
  char buf[32];
  int w = sizeof buf;
  std::uint64_t u = static_cast<std::uint64_t>(d);
  const bool neg = d < 0;
  if (neg)
    u = -u;
  auto fmt_frac = [&](std::uint64_t v, int prec) {
    bool print = false;
    for (int i = 0; i < prec; ++i) {
      const auto digit = static_cast<char>(v % 10);
      print = print || digit != 0;
      if (print)
        buf[--w] = static_cast<char>(digit + '0');
      v /= 10;
    }
    if (print)
      buf[--w] = '.';
    return v;
  };
  auto fmt_int = [&](std::uint64_t v) {
    if (v == 0) {
      buf[--w] = '0';
    } else {
      while (v > 0) {
        buf[--w] = static_cast<char>(v % 10 + '0');
        v /= 10;
      }
    }
  };
  if (u < static_cast<std::uint64_t>(kSecond)) {
    int prec = 0;
    buf[--w] = 's';
    if (u == 0)
      return "0s";
    if (u < static_cast<std::uint64_t>(kMicrosecond)) {
      buf[--w] = 'n';
    } else if (u < static_cast<std::uint64_t>(kMillisecond)) {
      prec = 3;
      buf[--w] = '\xB5';  // U+00B5 'µ' is 0xC2 0xB5
      buf[--w] = '\xC2';
    } else {
      prec = 6;
      buf[--w] = 'm';
    }
    u = fmt_frac(u, prec);
    fmt_int(u);
  } else {
    buf[--w] = 's';
    u = fmt_frac(u, 9);
    fmt_int(u % 60);
    u /= 60;
    if (u > 0) {
      buf[--w] = 'm';
      fmt_int(u % 60);
      u /= 60;
      if (u > 0) {
        buf[--w] = 'h';
        fmt_int(u);
      }
    }
  }
  if (neg)
    buf[--w] = '-';
  return std::string(buf + w, sizeof buf - static_cast<std::size_t>(w));
}

namespace {

constexpr std::uint64_t kOneShl63 = std::uint64_t{1} << 63;

// leadingInt: digits at the front of s; false on overflow.
bool leading_int(std::string_view& s, std::uint64_t& x) {
  x = 0;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c < '0' || c > '9')
      break;
    if (x > kOneShl63 / 10)
      return false;
    x = x * 10 + static_cast<std::uint64_t>(c - '0');
    if (x > kOneShl63)
      return false;
  }
  s.remove_prefix(i);
  return true;
}

// leadingFraction: digits after a '.', with the scale to divide by; digits past overflow are
// consumed and ignored.
void leading_fraction(std::string_view& s, std::uint64_t& x, double& scale) {
  std::size_t i = 0;
  scale = 1;
  x = 0;
  bool overflow = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c < '0' || c > '9')
      break;
    if (overflow)
      continue;
    if (x > (kOneShl63 - 1) / 10) {
      overflow = true;
      continue;
    }
    const std::uint64_t y = x * 10 + static_cast<std::uint64_t>(c - '0');
    if (y > kOneShl63) {
      overflow = true;
      continue;
    }
    x = y;
    scale *= 10;
  }
  s.remove_prefix(i);
}

std::uint64_t unit_of(std::string_view u) {
  if (u == "ns")
    return 1;
  if (u == "us" || u == "\xC2\xB5s" || u == "\xCE\xBCs")
    return 1000;
  if (u == "ms")
    return 1000000;
  if (u == "s")
    return 1000000000;
  if (u == "m")
    return 60ULL * 1000000000;
  if (u == "h")
    return 3600ULL * 1000000000;
  return 0;
}

}  // namespace

std::optional<Duration> parse_duration(std::string_view s, std::string* error) {
  const std::string orig(s);
  auto invalid = [&](const std::string& text) {
    if (error != nullptr)
      *error = text;
    return std::nullopt;
  };
  std::uint64_t d = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0")
    return 0;
  if (s.empty())
    return invalid("time: invalid duration " + quote(orig));
  while (!s.empty()) {
    std::uint64_t v = 0, f = 0;
    double scale = 1;
    if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9')))
      return invalid("time: invalid duration " + quote(orig));
    const std::size_t pl = s.size();
    if (!leading_int(s, v))
      return invalid("time: invalid duration " + quote(orig));
    const bool pre = pl != s.size();
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      const std::size_t before = s.size();
      leading_fraction(s, f, scale);
      post = before != s.size();
    }
    if (!pre && !post)
      return invalid("time: invalid duration " + quote(orig));
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '.' || (c >= '0' && c <= '9'))
        break;
    }
    if (i == 0)
      return invalid("time: missing unit in duration " + quote(orig));
    const std::string_view u = s.substr(0, i);
    s.remove_prefix(i);
    const std::uint64_t unit = unit_of(u);
    if (unit == 0)
      return invalid("time: unknown unit " + quote(u) + " in duration " + quote(orig));
    if (v > kOneShl63 / unit)
      return invalid("time: invalid duration " + quote(orig));
    v *= unit;
    if (f > 0) {
      v += static_cast<std::uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kOneShl63)
        return invalid("time: invalid duration " + quote(orig));
    }
    d += v;
    if (d > kOneShl63)
      return invalid("time: invalid duration " + quote(orig));
  }
  if (neg)
    return static_cast<Duration>(0 - d);
  if (d > kOneShl63 - 1)
    return invalid("time: invalid duration " + quote(orig));
  return static_cast<Duration>(d);
}

std::string quote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string buf = "\"";
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || c < ' ') {
      // A rune's bytes; one byte of invalid UTF-8 (three for a literal U+FFFD).
      const auto d = strconv::decode_rune(s.substr(i));
      std::size_t width = static_cast<std::size_t>(d.width);
      if (d.rune == 0xFFFD)
        width = s.substr(i, 3) == "\xEF\xBF\xBD" ? 3 : 1;
      for (std::size_t j = 0; j < width; ++j) {
        const auto b = static_cast<unsigned char>(s[i + j]);
        buf += "\\x";
        buf += kHex[b >> 4];
        buf += kHex[b & 0xF];
      }
      i += width;
    } else {
      if (c == '"' || c == '\\')
        buf += '\\';
      buf += static_cast<char>(c);
      ++i;
    }
  }
  buf += '"';
  return buf;
}

}  // namespace capstan::templating::gotime
