// Go's strconv number formatting on top of std::to_chars, which gives the same digits Go's
// shortest and correctly rounded conversions give; the layout rules below are Go's ftoa.go.
#include "core/strconv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <system_error>

#include "core/error.h"

namespace capstan::strconv {

namespace {

// A decimal d.ddd × 10^(dp-1): `digits` without leading or trailing zeros ("" for zero).
struct Decimal {
  bool neg = false;
  std::string digits;
  int dp = 0;  // position of the decimal point relative to the start of digits
};

// Parses the output of to_chars(..., chars_format::scientific[, p]): "-1.2345e+06".
Decimal from_scientific(std::string_view s) {
  Decimal d;
  std::size_t i = 0;
  if (s[i] == '-') {
    d.neg = true;
    ++i;
  }
  std::size_t e = s.find('e', i);
  for (std::size_t k = i; k < e; ++k) {
    if (s[k] != '.') d.digits += s[k];
  }
  int exp = 0;
  std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exp);
  d.dp = exp + 1;
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) d.dp = 0;
  return d;
}

Decimal shortest(double f, int bit_size) {
  char buf[64];
  std::to_chars_result r = bit_size == 32
                               ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(f),
                                               std::chars_format::scientific)
                               : std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  return from_scientific(std::string_view(buf, r.ptr - buf));
}

// Rounded to `n` significant digits (n >= 1).
Decimal significant(double f, int n) {
  std::string buf(static_cast<std::size_t>(n) + 32, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), f, std::chars_format::scientific, n - 1);
  return from_scientific(std::string_view(buf.data(), r.ptr - buf.data()));
}

// %e: d.dddde±dd with `prec` digits after the point.
std::string fmt_e(const Decimal& d, int prec, char e) {
  std::string out;
  if (d.neg) out += '-';
  out += d.digits.empty() ? '0' : d.digits[0];
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) {
      out += i < static_cast<int>(d.digits.size()) ? d.digits[static_cast<std::size_t>(i)] : '0';
    }
  }
  out += e;
  int exp = d.digits.empty() ? 0 : d.dp - 1;
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp < 10) out += '0';
  out += std::to_string(exp);
  return out;
}

// %f: ddd.ddd with `prec` digits after the point.
std::string fmt_f(const Decimal& d, int prec) {
  std::string out;
  if (d.neg) out += '-';
  const int nd = static_cast<int>(d.digits.size());
  if (d.dp > 0) {
    for (int i = 0; i < d.dp; ++i) out += i < nd ? d.digits[static_cast<std::size_t>(i)] : '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) {
      const int j = d.dp + i - 1;
      out += (j >= 0 && j < nd) ? d.digits[static_cast<std::size_t>(j)] : '0';
    }
  }
  return out;
}

}  // namespace

std::string format_float_bx(double f, char fmt, int prec, int bit_size);

std::string format_float(double f, char fmt, int prec, int bit_size) {
  if (fmt == 'b' || fmt == 'x' || fmt == 'X') return format_float_bx(f, fmt, prec, bit_size);
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  if (bit_size == 32) f = static_cast<float>(f);
  const bool is_shortest = prec < 0;

  if (fmt == 'f' && !is_shortest) {
    // Rounding at a fixed position after the point: to_chars rounds exactly as Go does.
    std::string buf(static_cast<std::size_t>(prec) + 400, '\0');
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), f, std::chars_format::fixed, prec);
    return std::string(buf.data(), r.ptr - buf.data());
  }

  Decimal d;
  if (is_shortest) {
    d = shortest(f, bit_size);
  } else if (fmt == 'e' || fmt == 'E') {
    d = significant(f, prec + 1);
  } else {  // 'g', 'G'
    if (prec == 0) prec = 1;
    d = significant(f, prec);
  }
  d.neg = std::signbit(f);
  const int nd = static_cast<int>(d.digits.size());
  if (d.digits.empty()) d.dp = 1;  // zero: one digit "0" before the point

  if (is_shortest) {
    switch (fmt) {
      case 'e':
      case 'E': prec = std::max(nd - 1, 0); break;
      case 'f': prec = std::max(nd - d.dp, 0); break;
      default: prec = std::max(nd, 1); break;
    }
  }

  switch (fmt) {
    case 'e':
    case 'E': return fmt_e(d, prec, fmt);
    case 'f': return fmt_f(d, prec);
    case 'g':
    case 'G': {
      const int ndigits = std::max(nd, 1);
      int eprec = prec;
      if (eprec > ndigits && ndigits >= d.dp) eprec = ndigits;
      // Go: with the shortest representation, use precision 6 for the %e decision.
      if (is_shortest) eprec = 6;
      const int exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > ndigits) prec = ndigits;
        return fmt_e(d, prec - 1, fmt == 'g' ? 'e' : 'E');
      }
      if (prec > d.dp) prec = ndigits;
      return fmt_f(d, std::max(prec - d.dp, 0));
    }
    default: return "%" + std::string(1, fmt);
  }
}

}  // namespace capstan::strconv

// ---------------------------------------------------------------------------------------------
// Go's strconv beyond float formatting: integers, parsing, quoting, and the UTF-8 rules they
// share (unicode/utf8). Facts from Go's atoi.go, atof.go, quote.go, ftoa.go (fmtB, fmtX).

namespace capstan::strconv {

namespace {

struct RuneRange {
  std::int32_t lo, hi;
};

#include "core/strconv_isprint.inc"

constexpr char kLowerHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";
constexpr char kDigits36[] = "0123456789abcdefghijklmnopqrstuvwxyz";

char lower(char c) { return static_cast<char>(c | ('x' - 'X')); }

bool valid_rune(std::int32_t r) {
  return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= 0x10FFFF);
}

// Go's underscoreOK: underscores only between digits, or between a base prefix and a digit.
bool underscore_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

struct FloatInfo {
  int mantbits, expbits, bias;
};
constexpr FloatInfo kFloat64{52, 11, -1023};
constexpr FloatInfo kFloat32{23, 8, -127};

// Splits f into Go's (neg, mant, exp) as FormatFloat does before fmtB/fmtX: mant carries the
// implicit bit, exp is unbiased. Finite values only.
void float_bits(double f, int bit_size, bool& neg, std::uint64_t& mant, int& exp,
                const FloatInfo*& flt) {
  std::uint64_t bits;
  if (bit_size == 32) {
    float g = static_cast<float>(f);
    std::uint32_t b32;
    std::memcpy(&b32, &g, sizeof b32);
    bits = b32;
    flt = &kFloat32;
  } else {
    std::memcpy(&bits, &f, sizeof bits);
    flt = &kFloat64;
  }
  neg = (bits >> (flt->expbits + flt->mantbits)) != 0;
  exp = static_cast<int>(bits >> flt->mantbits) & ((1 << flt->expbits) - 1);
  mant = bits & ((std::uint64_t{1} << flt->mantbits) - 1);
  if (exp == 0) {
    ++exp;
  } else {
    mant |= std::uint64_t{1} << flt->mantbits;
  }
  exp += flt->bias;
}

std::string fmt_b(bool neg, std::uint64_t mant, int exp, const FloatInfo& flt) {
  std::string out = neg ? "-" : "";
  out += std::to_string(mant);
  out += 'p';
  exp -= flt.mantbits;
  if (exp >= 0) out += '+';
  out += std::to_string(exp);
  return out;
}

std::string fmt_x(int prec, char fmt, bool neg, std::uint64_t mant, int exp, const FloatInfo& flt) {
  if (mant == 0) exp = 0;
  mant <<= 60 - flt.mantbits;
  while (mant != 0 && (mant & (std::uint64_t{1} << 60)) == 0) {
    mant <<= 1;
    --exp;
  }
  if (prec >= 0 && prec < 15) {
    const unsigned shift = static_cast<unsigned>(prec * 4);
    const std::uint64_t extra = (mant << shift) & ((std::uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (std::uint64_t{1} << 59)) ++mant;
    mant <<= 60 - shift;
    if (mant & (std::uint64_t{1} << 61)) {
      mant >>= 1;
      ++exp;
    }
  }
  const char* hex = fmt == 'X' ? kUpperHex : kLowerHex;
  std::string out = neg ? "-" : "";
  out += '0';
  out += fmt;
  out += static_cast<char>('0' + ((mant >> 60) & 1));
  mant <<= 4;
  if (prec < 0 && mant != 0) {
    out += '.';
    while (mant != 0) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  } else if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; ++i) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  }
  out += fmt == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp < 10) out += '0';
  out += std::to_string(exp);
  return out;
}

}  // namespace

std::string format_float_bx(double f, char fmt, int prec, int bit_size) {
  if (bit_size == 32) f = static_cast<float>(f);
  if (std::isnan(f)) return "NaN";
  if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
  bool neg;
  std::uint64_t mant;
  int exp;
  const FloatInfo* flt;
  float_bits(f, bit_size, neg, mant, exp, flt);
  if (fmt == 'b') return fmt_b(neg, mant, exp, *flt);
  return fmt_x(prec, fmt, neg, mant, exp, *flt);
}

std::string format_uint(std::uint64_t u, int base) {
  if (base < 2 || base > 36) throw Error(ErrorKind::Internal, "strconv: illegal AppendInt/FormatInt base");
  char buf[65];
  int i = 65;
  do {
    buf[--i] = kDigits36[u % static_cast<unsigned>(base)];
    u /= static_cast<unsigned>(base);
  } while (u != 0);
  return std::string(buf + i, buf + 65);
}

std::string format_int(std::int64_t i, int base) {
  if (i < 0) {
    return "-" + format_uint(static_cast<std::uint64_t>(0) - static_cast<std::uint64_t>(i), base);
  }
  return format_uint(static_cast<std::uint64_t>(i), base);
}

std::string num_error_message(std::string_view func, std::string_view input, NumError err) {
  std::string out = "strconv.";
  out += func;
  out += ": parsing ";
  out += quote(input);
  out += ": ";
  out += err == NumError::Range ? "value out of range" : "invalid syntax";
  return out;
}

Parsed<std::uint64_t> parse_uint(std::string_view s, int base, int bit_size) {
  Parsed<std::uint64_t> out;
  if (s.empty()) {
    out.err = NumError::Syntax;
    return out;
  }
  const bool base0 = base == 0;
  const std::string_view s0 = s;
  if (base == 0) {
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
  } else if (base < 2 || base > 36) {
    throw Error(ErrorKind::Internal, "strconv.ParseUint: invalid base " + std::to_string(base));
  }
  if (bit_size == 0) bit_size = 64;
  if (bit_size < 0 || bit_size > 64) {
    throw Error(ErrorKind::Internal, "strconv.ParseUint: invalid bit size " + std::to_string(bit_size));
  }
  const std::uint64_t cutoff = UINT64_MAX / static_cast<std::uint64_t>(base) + 1;
  const std::uint64_t max_val =
      bit_size == 64 ? UINT64_MAX : (std::uint64_t{1} << bit_size) - 1;
  bool underscores = false;
  std::uint64_t n = 0;
  for (char c : s) {
    int d;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (lower(c) >= 'a' && lower(c) <= 'z') {
      d = lower(c) - 'a' + 10;
    } else {
      out.err = NumError::Syntax;
      return out;
    }
    if (d >= base) {
      out.err = NumError::Syntax;
      return out;
    }
    if (n >= cutoff) {
      out.value = max_val;
      out.err = NumError::Range;
      return out;
    }
    n *= static_cast<std::uint64_t>(base);
    const std::uint64_t n1 = n + static_cast<std::uint64_t>(d);
    if (n1 < n || n1 > max_val) {
      out.value = max_val;
      out.err = NumError::Range;
      return out;
    }
    n = n1;
  }
  if (underscores && !underscore_ok(s0)) {
    out.err = NumError::Syntax;
    return out;
  }
  out.value = n;
  return out;
}

Parsed<std::int64_t> parse_int(std::string_view s, int base, int bit_size) {
  Parsed<std::int64_t> out;
  if (s.empty()) {
    out.err = NumError::Syntax;
    return out;
  }
  bool neg = false;
  if (s[0] == '+') {
    s.remove_prefix(1);
  } else if (s[0] == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  Parsed<std::uint64_t> un = parse_uint(s, base, bit_size);
  if (un.err == NumError::Syntax) {
    out.err = NumError::Syntax;
    return out;
  }
  if (bit_size == 0) bit_size = 64;
  const std::uint64_t cutoff = std::uint64_t{1} << (bit_size - 1);
  if (!neg && un.value >= cutoff) {
    out.value = static_cast<std::int64_t>(cutoff - 1);
    out.err = NumError::Range;
    return out;
  }
  if (neg && un.value > cutoff) {
    out.value = -static_cast<std::int64_t>(cutoff - 1) - 1;
    out.err = NumError::Range;
    return out;
  }
  out.value = neg ? static_cast<std::int64_t>(0 - un.value) : static_cast<std::int64_t>(un.value);
  return out;
}

namespace {

bool equal_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Go's readFloat grammar check: returns the length of the longest valid float prefix (0 if
// none) and fills `clean` with the digits for from_chars (underscores dropped, "0x" removed).
std::size_t scan_float(std::string_view s, bool& neg, bool& hex, std::string& clean) {
  std::size_t i = 0;
  neg = false;
  hex = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    ++i;
  }
  int base = 10;
  char exp_char = 'e';
  if (i + 2 < s.size() + 1 && i + 1 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    base = 16;
    i += 2;
    exp_char = 'p';
    hex = true;
  }
  bool underscores = false, saw_dot = false, saw_digits = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
      continue;
    }
    if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
      clean += c;
      continue;
    }
    if ((c >= '0' && c <= '9') || (base == 16 && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw_digits = true;
      clean += c;
      continue;
    }
    break;
  }
  if (!saw_digits) return 0;
  if (i < s.size() && lower(s[i]) == exp_char) {
    ++i;
    if (i >= s.size()) return 0;
    clean += exp_char;
    if (s[i] == '+' || s[i] == '-') {
      clean += s[i];
      ++i;
    }
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return 0;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); ++i) {
      if (s[i] == '_') {
        underscores = true;
      } else {
        clean += s[i];
      }
    }
  } else if (base == 16) {
    return 0;  // Go: a hexadecimal mantissa requires a 'p' exponent
  }
  if (underscores && !underscore_ok(s.substr(0, i))) return 0;
  return i;
}

}  // namespace

Parsed<double> parse_float(std::string_view s, int bit_size) {
  Parsed<double> out;
  // Special values: optional sign, then inf/infinity/nan in any case.
  {
    std::string_view t = s;
    bool neg = false;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
      neg = t[0] == '-';
      t.remove_prefix(1);
    }
    if (equal_fold(t, "inf") || equal_fold(t, "infinity")) {
      out.value = neg ? -HUGE_VAL : HUGE_VAL;
      return out;
    }
    if (equal_fold(t, "nan") && t.size() == s.size()) {
      out.value = std::nan("");
      return out;
    }
  }
  bool neg, hex;
  std::string clean;
  const std::size_t n = scan_float(s, neg, hex, clean);
  if (n == 0 || n != s.size()) {
    out.err = NumError::Syntax;
    return out;
  }
  const std::chars_format format = hex ? std::chars_format::hex : std::chars_format::general;
  const char* first = clean.data();
  const char* last = clean.data() + clean.size();
  double value = 0;
  std::from_chars_result r;
  if (bit_size == 32) {
    float fv = 0;
    r = std::from_chars(first, last, fv, format);
    value = fv;
  } else {
    r = std::from_chars(first, last, value, format);
  }
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow is Go's ErrRange with ±Inf; underflow rounds to zero without an error.
    const double probe = std::strtod((hex ? "0x" + clean : clean).c_str(), nullptr);
    if (std::isinf(probe) || std::abs(probe) >= 1) {
      out.value = neg ? -HUGE_VAL : HUGE_VAL;
      out.err = NumError::Range;
      return out;
    }
    value = bit_size == 32 ? static_cast<float>(probe) : probe;
  } else if (r.ec != std::errc() || r.ptr != last) {
    out.err = NumError::Syntax;
    return out;
  }
  if (bit_size == 32 && std::isinf(static_cast<float>(value))) {
    out.value = neg ? -HUGE_VAL : HUGE_VAL;
    out.err = NumError::Range;
    return out;
  }
  out.value = neg ? -value : value;
  return out;
}

Parsed<bool> parse_bool(std::string_view s) {
  Parsed<bool> out;
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") {
    out.value = true;
  } else if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") {
    out.value = false;
  } else {
    out.err = NumError::Syntax;
  }
  return out;
}

bool is_print(std::int32_t r) {
  if (r < 0x20) return false;
  if (r < 0x7F) return true;
  std::size_t lo = 0, hi = std::size(kPrintRanges);
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (kPrintRanges[mid].hi < r) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < std::size(kPrintRanges) && kPrintRanges[lo].lo <= r;
}

DecodedRune decode_rune(std::string_view s) {
  if (s.empty()) return {0xFFFD, 0};
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    if (i >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[i]);
    return b >= lo && b <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return {0xFFFD, 1};
    return {((b0 & 0x1F) << 6) | (s[1] & 0x3F), 2};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2)) return {0xFFFD, 1};
    return {((b0 & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F), 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2) || !cont(3)) return {0xFFFD, 1};
    return {((b0 & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F), 4};
  }
  return {0xFFFD, 1};
}

void append_rune(std::string& out, std::int32_t r) {
  if (!valid_rune(r)) r = 0xFFFD;
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

bool valid_utf8(std::string_view s) {
  while (!s.empty()) {
    if (static_cast<unsigned char>(s[0]) < 0x80) {
      s.remove_prefix(1);
      continue;
    }
    const DecodedRune d = decode_rune(s);
    if (d.rune == 0xFFFD && d.width == 1) return false;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return true;
}

namespace {

void append_escaped_rune(std::string& out, std::int32_t r, char quote, bool ascii_only) {
  if (r == quote || r == '\\') {
    out += '\\';
    append_rune(out, r);
    return;
  }
  if (ascii_only) {
    if (r < 0x80 && is_print(r)) {
      out += static_cast<char>(r);
      return;
    }
  } else if (is_print(r)) {
    append_rune(out, r);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r < ' ' || r == 0x7F) {
    out += "\\x";
    out += kLowerHex[(r >> 4) & 0xF];
    out += kLowerHex[r & 0xF];
    return;
  }
  if (!valid_rune(r)) r = 0xFFFD;
  if (r < 0x10000) {
    out += "\\u";
    for (int s = 12; s >= 0; s -= 4) out += kLowerHex[(r >> s) & 0xF];
  } else {
    out += "\\U";
    for (int s = 28; s >= 0; s -= 4) out += kLowerHex[(r >> s) & 0xF];
  }
}

}  // namespace

void append_quoted(std::string& out, std::string_view s, bool ascii_only) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) {
      if (c >= 0x20 && c != 0x7F && c != '"' && c != '\\') {
        out += static_cast<char>(c);
      } else {
        append_escaped_rune(out, c, '"', ascii_only);
      }
      s.remove_prefix(1);
      continue;
    }
    const DecodedRune d = decode_rune(s);
    if (d.width == 1 && d.rune == 0xFFFD) {
      out += "\\x";
      out += kLowerHex[c >> 4];
      out += kLowerHex[c & 0xF];
    } else {
      append_escaped_rune(out, d.rune, '"', ascii_only);
    }
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  out += '"';
}

std::string quote(std::string_view s) {
  std::string out;
  append_quoted(out, s, false);
  return out;
}

std::string quote_to_ascii(std::string_view s) {
  std::string out;
  append_quoted(out, s, true);
  return out;
}

std::string quote_rune(std::int32_t r) {
  if (!valid_rune(r)) r = 0xFFFD;
  std::string out = "'";
  append_escaped_rune(out, r, '\'', false);
  out += '\'';
  return out;
}

std::string quote_rune_to_ascii(std::int32_t r) {
  if (!valid_rune(r)) r = 0xFFFD;
  std::string out = "'";
  append_escaped_rune(out, r, '\'', true);
  out += '\'';
  return out;
}

std::optional<UnquotedChar> unquote_char(std::string_view s, char quote) {
  if (s.empty()) return std::nullopt;
  const char c = s[0];
  if (c == quote && (quote == '\'' || quote == '"')) return std::nullopt;
  if (static_cast<unsigned char>(c) >= 0x80) {
    const DecodedRune d = decode_rune(s);
    return UnquotedChar{d.rune, true, s.substr(static_cast<std::size_t>(d.width))};
  }
  if (c != '\\') return UnquotedChar{static_cast<unsigned char>(c), false, s.substr(1)};
  if (s.size() <= 1) return std::nullopt;
  const char e = s[1];
  s.remove_prefix(2);
  UnquotedChar out;
  switch (e) {
    case 'a': out.value = '\a'; break;
    case 'b': out.value = '\b'; break;
    case 'f': out.value = '\f'; break;
    case 'n': out.value = '\n'; break;
    case 'r': out.value = '\r'; break;
    case 't': out.value = '\t'; break;
    case 'v': out.value = '\v'; break;
    case 'x':
    case 'u':
    case 'U': {
      const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (s.size() < n) return std::nullopt;
      std::int32_t v = 0;
      for (std::size_t j = 0; j < n; ++j) {
        const char h = s[j];
        int x;
        if (h >= '0' && h <= '9') {
          x = h - '0';
        } else if (lower(h) >= 'a' && lower(h) <= 'f') {
          x = lower(h) - 'a' + 10;
        } else {
          return std::nullopt;
        }
        v = static_cast<std::int32_t>((static_cast<std::uint32_t>(v) << 4) | static_cast<std::uint32_t>(x));
      }
      s.remove_prefix(n);
      if (e != 'x') {
        if (!valid_rune(v)) return std::nullopt;
        out.multibyte = true;
      }
      out.value = v;
      break;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      std::int32_t v = e - '0';
      if (s.size() < 2) return std::nullopt;
      for (std::size_t j = 0; j < 2; ++j) {
        const int x = s[j] - '0';
        if (x < 0 || x > 7) return std::nullopt;
        v = (v << 3) | x;
      }
      s.remove_prefix(2);
      if (v > 255) return std::nullopt;
      out.value = v;
      break;
    }
    case '\\': out.value = '\\'; break;
    case '\'':
    case '"':
      if (e != quote) return std::nullopt;
      out.value = e;
      break;
    default: return std::nullopt;
  }
  out.tail = s;
  return out;
}

std::optional<std::string> unquote(std::string_view in) {
  if (in.size() < 2) return std::nullopt;
  const char q = in[0];
  const std::size_t close = in.find(q, 1);
  if (close == std::string_view::npos) return std::nullopt;
  const std::size_t end = close + 1;  // may be wrong when escapes are present
  if (q == '`') {
    if (end != in.size()) return std::nullopt;
    std::string out;
    for (std::size_t i = 1; i + 1 < end; ++i) {
      if (in[i] != '\r') out += in[i];  // Go discards carriage returns in raw strings
    }
    return out;
  }
  if (q != '"' && q != '\'') return std::nullopt;
  const std::string_view body = in.substr(1, end - 2);
  if (body.find('\\') == std::string_view::npos && body.find('\n') == std::string_view::npos) {
    bool valid;
    if (q == '"') {
      valid = valid_utf8(body);
    } else {
      const DecodedRune d = decode_rune(body);
      valid = static_cast<std::size_t>(d.width) + 2 == end && (d.rune != 0xFFFD || d.width != 1);
    }
    if (valid) {
      if (end != in.size()) return std::nullopt;
      return std::string(body);
    }
  }
  std::string out;
  std::string_view rest = in.substr(1);
  while (!rest.empty() && rest[0] != q) {
    if (rest[0] == '\n') return std::nullopt;
    auto c = unquote_char(rest, q);
    if (!c) return std::nullopt;
    rest = c->tail;
    if (c->value < 0x80 || !c->multibyte) {
      out += static_cast<char>(c->value);
    } else {
      append_rune(out, c->value);
    }
    if (q == '\'') break;
  }
  if (rest.empty() || rest[0] != q) return std::nullopt;
  rest.remove_prefix(1);
  if (!rest.empty()) return std::nullopt;
  return out;
}

}  // namespace capstan::strconv
