// Go's strconv number formatting on top of std::to_chars, which gives the same digits Go's
// shortest and correctly rounded conversions give; the layout rules below are Go's ftoa.go.
#include "core/strconv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

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

std::string format_float(double f, char fmt, int prec, int bit_size) {
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
