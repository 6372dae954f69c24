// Go's UTF-8, JSON string escaping and base64 rules (unicode/utf8, encoding/json's
// encodeState.string, encoding/base64's StdEncoding).
#include "core/json_text.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <limits>

namespace capstan::json {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool is_continuation(unsigned char c, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
  return c >= lo && c <= hi;
}

// Bytes that encoding/json writes unescaped: printable ASCII except " and \, and, when
// escaping HTML, except <, > and &. DEL (0x7F) is written as is, as Go does.
constexpr std::array<bool, 128> make_safe(bool html) {
  std::array<bool, 128> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = true;
  t['"'] = false;
  t['\\'] = false;
  if (html) {
    t['<'] = false;
    t['>'] = false;
    t['&'] = false;
  }
  return t;
}
constexpr std::array<bool, 128> kSafe = make_safe(false);
constexpr std::array<bool, 128> kHtmlSafe = make_safe(true);

int base64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

}  // namespace

Rune decode_rune(std::string_view s, std::size_t i) {
  const auto c0 = static_cast<unsigned char>(s[i]);
  const std::size_t left = s.size() - i;
  if (c0 < 0x80)
    return {c0, 1};
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  // Go's "accept ranges": the valid range of the second byte depends on the first.
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    if (left >= 2 && is_continuation(at(1))) {
      return {static_cast<char32_t>((c0 & 0x1F) << 6 | (at(1) & 0x3F)), 2};
    }
  } else if (c0 >= 0xE0 && c0 <= 0xEF) {
    unsigned char lo = c0 == 0xE0 ? 0xA0 : 0x80;
    unsigned char hi = c0 == 0xED ? 0x9F : 0xBF;
    if (left >= 3 && is_continuation(at(1), lo, hi) && is_continuation(at(2))) {
      return {static_cast<char32_t>((c0 & 0x0F) << 12 | (at(1) & 0x3F) << 6 | (at(2) & 0x3F)), 3};
    }
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    unsigned char lo = c0 == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c0 == 0xF4 ? 0x8F : 0xBF;
    if (left >= 4 && is_continuation(at(1), lo, hi) && is_continuation(at(2)) &&
        is_continuation(at(3))) {
      return {static_cast<char32_t>((c0 & 0x07) << 18 | (at(1) & 0x3F) << 12 | (at(2) & 0x3F) << 6 |
                                    (at(3) & 0x3F)),
              4};
    }
  }
  return {kReplacementChar, 1};
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    Rune r = decode_rune(s, i);
    if (r.rune == kReplacementChar && r.size == 1)
      return false;
    i += static_cast<std::size_t>(r.size);
  }
  return true;
}

std::string coerce_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out += s[i++];
      continue;
    }
    Rune r = decode_rune(s, i);
    if (r.rune == kReplacementChar && r.size == 1) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.substr(i, static_cast<std::size_t>(r.size)));
    }
    i += static_cast<std::size_t>(r.size);
  }
  return out;
}

void append_utf8(std::string& out, char32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
    r = kReplacementChar;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

void append_quoted(std::string& out, std::string_view s, bool escape_html) {
  const std::array<bool, 128>& safe = escape_html ? kHtmlSafe : kSafe;
  out += '"';
  std::size_t start = 0;  // first byte not yet copied
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (safe[b]) {
        ++i;
        continue;
      }
      out.append(s.substr(start, i - start));
      out += '\\';
      switch (b) {
        case '\\':
        case '"':
          out += static_cast<char>(b);
          break;
        case '\n':
          out += 'n';
          break;
        case '\r':
          out += 'r';
          break;
        case '\t':
          out += 't';
          break;
        default:
          out += "u00";
          out += kHex[b >> 4];
          out += kHex[b & 0xF];
      }
      start = ++i;
      continue;
    }
    Rune r = decode_rune(s, i);
    if (r.rune == kReplacementChar && r.size == 1) {
      out.append(s.substr(start, i - start));
      out += "\\ufffd";
      start = ++i;
      continue;
    }
    // Go: U+2028 and U+2029 break JavaScript string literals, so they are escaped.
    if (r.rune == 0x2028 || r.rune == 0x2029) {
      out.append(s.substr(start, i - start));
      out += "\\u202";
      out += kHex[r.rune & 0xF];
      i += static_cast<std::size_t>(r.size);
      start = i;
      continue;
    }
    i += static_cast<std::size_t>(r.size);
  }
  out.append(s.substr(start));
  out += '"';
}

bool parse_decimal_float(std::string_view s, double& out) {
  if (!s.empty() && s[0] == '+')
    s.remove_prefix(1);
  const bool neg = !s.empty() && s[0] == '-';
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  (void)end;
  if (ec != std::errc::result_out_of_range)
    return true;
  // Out of range is an overflow or an underflow: tell them apart by the decimal magnitude of
  // the first significant digit.
  long long exp = 0;
  std::size_t e = s.find_first_of("eE");
  if (e != std::string_view::npos) {
    const char* first = s.data() + e + 1 + (e + 1 < s.size() && s[e + 1] == '+' ? 1 : 0);
    if (std::from_chars(first, s.data() + s.size(), exp).ec == std::errc::result_out_of_range) {
      exp = *first == '-' ? -(1LL << 40) : (1LL << 40);  // beyond any double's range
    }
  }
  std::string_view mantissa =
      s.substr(neg ? 1 : 0, e == std::string_view::npos ? s.npos : e - (neg ? 1 : 0));
  std::size_t dot = mantissa.find('.');
  std::size_t int_digits = dot == std::string_view::npos ? mantissa.size() : dot;
  long long magnitude = 0;  // power of ten of the first non-zero digit
  for (std::size_t k = 0; k < mantissa.size(); ++k) {
    if (mantissa[k] == '.' || mantissa[k] == '0')
      continue;
    magnitude = k < int_digits ? static_cast<long long>(int_digits - k - 1)
                               : -static_cast<long long>(k - int_digits);
    break;
  }
  const double inf = std::numeric_limits<double>::infinity();
  if (magnitude + exp >= 0) {
    out = neg ? -inf : inf;
    return false;
  }
  out = neg ? -0.0 : 0.0;
  return true;
}

std::string base64_encode(std::string_view data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(data[k]));
  };
  for (; i + 3 <= data.size(); i += 3) {
    std::uint32_t v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += kBase64[v >> 18 & 0x3F];
    out += kBase64[v >> 12 & 0x3F];
    out += kBase64[v >> 6 & 0x3F];
    out += kBase64[v & 0x3F];
  }
  if (std::size_t rest = data.size() - i; rest > 0) {
    std::uint32_t v = byte(i) << 16 | (rest == 2 ? byte(i + 1) << 8 : 0);
    out += kBase64[v >> 18 & 0x3F];
    out += kBase64[v >> 12 & 0x3F];
    out += rest == 2 ? kBase64[v >> 6 & 0x3F] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '\r' && c != '\n')
      clean += c;
  }
  if (clean.size() % 4 != 0)
    return std::nullopt;
  std::string out;
  out.reserve(clean.size() / 4 * 3);
  for (std::size_t q = 0; q < clean.size(); q += 4) {
    const bool last = q + 4 == clean.size();
    int v[4];
    int n = 4;  // significant characters in this quantum
    for (int k = 0; k < 4; ++k) {
      const char c = clean[q + static_cast<std::size_t>(k)];
      if (c == '=') {
        // Padding only at the end of the last quantum: "xx==" or "xxx=".
        if (!last || k < 2 || (k == 2 && clean[q + 3] != '='))
          return std::nullopt;
        n = k;
        break;
      }
      v[k] = base64_value(static_cast<unsigned char>(c));
      if (v[k] < 0)
        return std::nullopt;
    }
    std::uint32_t bits = 0;
    for (int k = 0; k < 4; ++k) bits = bits << 6 | static_cast<std::uint32_t>(k < n ? v[k] : 0);
    out += static_cast<char>(bits >> 16 & 0xFF);
    if (n > 2)
      out += static_cast<char>(bits >> 8 & 0xFF);
    if (n > 3)
      out += static_cast<char>(bits & 0xFF);
  }
  return out;
}

}  // namespace capstan::json
