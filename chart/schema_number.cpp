// Exact decimals and x/text's number printing (see schema_number.h).
#include "chart/schema_number.h"

#include <cmath>
#include <cstdlib>

#include "core/strconv.h"

namespace capstan::chart::jsonschema {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// a >= b for digit strings without leading zeros.
bool greater_equal(const std::string& a, const std::string& b) {
  if (a.size() != b.size())
    return a.size() > b.size();
  return a >= b;
}

// a - b for digit strings without leading zeros, a >= b.
std::string subtract(const std::string& a, const std::string& b) {
  std::string out = a;
  int borrow = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::size_t ai = out.size() - 1 - i;
    int d = out[ai] - '0' - borrow - (i < b.size() ? b[b.size() - 1 - i] - '0' : 0);
    borrow = d < 0 ? 1 : 0;
    if (d < 0)
      d += 10;
    out[ai] = static_cast<char>('0' + d);
  }
  const std::size_t nz = out.find_first_not_of('0');
  return nz == std::string::npos ? std::string() : out.substr(nz);
}

// Whether the digit string `a` is divisible by the non-zero digit string `b`.
bool divisible(const std::string& a, const std::string& b) {
  std::string r;
  for (char d : a) {
    if (!r.empty() || d != '0')
      r += d;
    while (!r.empty() && greater_equal(r, b)) r = subtract(r, b);
  }
  return r.empty();
}

const char* const kSuperscript[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                    "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};

std::string group_thousands(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  Decimal d;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    d.negative_ = text[i] == '-';
    ++i;
  }
  std::string digits;
  std::int64_t exponent = 0;
  bool any = false;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    digits += text[i];
    any = true;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && is_digit(text[i]); ++i) {
      digits += text[i];
      --exponent;
      any = true;
    }
  }
  if (!any)
    return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
      neg = text[i] == '-';
      ++i;
    }
    if (i == text.size())
      return std::nullopt;
    std::int64_t e = 0;
    for (; i < text.size() && is_digit(text[i]); ++i) {
      if (e < 100000000)
        e = e * 10 + (text[i] - '0');
    }
    exponent += neg ? -e : e;
  }
  if (i != text.size())
    return std::nullopt;
  const std::size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) {
    d.negative_ = false;
    return d;
  }
  digits.erase(0, lead);
  const std::size_t last = digits.find_last_not_of('0');
  exponent += static_cast<std::int64_t>(digits.size() - 1 - last);
  digits.erase(last + 1);
  d.digits_ = std::move(digits);
  d.exponent_ = exponent;
  return d;
}

std::optional<Decimal> Decimal::of(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Int:
      return parse(std::to_string(v.as_int()));
    case Value::Kind::Uint:
      return parse(std::to_string(v.as_uint()));
    case Value::Kind::Float:
      if (!std::isfinite(v.as_float()))
        return std::nullopt;
      return parse(strconv::format_float(v.as_float(), 'e', -1, 64));
    default:
      return std::nullopt;
  }
}

int Decimal::compare(const Decimal& other) const {
  const int sa = is_zero() ? 0 : (negative_ ? -1 : 1);
  const int sb = other.is_zero() ? 0 : (other.negative_ ? -1 : 1);
  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (sa == 0)
    return 0;
  // Compare magnitudes: the position of the most significant digit, then the digits.
  const std::int64_t pa = static_cast<std::int64_t>(digits_.size()) + exponent_;
  const std::int64_t pb = static_cast<std::int64_t>(other.digits_.size()) + other.exponent_;
  int mag = 0;
  if (pa != pb) {
    mag = pa < pb ? -1 : 1;
  } else {
    const std::size_t n = std::max(digits_.size(), other.digits_.size());
    for (std::size_t i = 0; i < n && mag == 0; ++i) {
      const char a = i < digits_.size() ? digits_[i] : '0';
      const char b = i < other.digits_.size() ? other.digits_[i] : '0';
      if (a != b)
        mag = a < b ? -1 : 1;
    }
  }
  return sa > 0 ? mag : -mag;
}

bool Decimal::multiple_of(const Decimal& divisor) const {
  if (is_zero())
    return true;
  if (divisor.is_zero())
    return false;
  const std::int64_t e = std::min(exponent_, divisor.exponent_);
  const std::int64_t pad_a = exponent_ - e;
  const std::int64_t pad_b = divisor.exponent_ - e;
  // Numbers come from float64s or short JSON texts; absurd exponents are decided in floating
  // point rather than with megabytes of digits.
  if (pad_a > 4000 || pad_b > 4000) {
    const double q = to_double() / divisor.to_double();
    return std::isfinite(q) && q == std::floor(q);
  }
  return divisible(digits_ + std::string(static_cast<std::size_t>(pad_a), '0'),
                   divisor.digits_ + std::string(static_cast<std::size_t>(pad_b), '0'));
}

double Decimal::to_double() const {
  if (is_zero())
    return 0;
  std::string text = (negative_ ? "-" : "") + digits_ + "e" + std::to_string(exponent_);
  return std::strtod(text.c_str(), nullptr);
}

std::optional<std::int64_t> Decimal::to_int64() const {
  if (!is_integer())
    return std::nullopt;
  if (is_zero())
    return 0;
  if (static_cast<std::int64_t>(digits_.size()) + exponent_ > 19)
    return std::nullopt;
  std::string text = (negative_ ? "-" : "") + digits_ + std::string(exponent_, '0');
  strconv::Parsed<std::int64_t> p = strconv::parse_int(text);
  if (p.err != strconv::NumError::None)
    return std::nullopt;
  return p.value;
}

std::string localized_int(std::int64_t i) {
  std::string digits = i < 0 ? std::to_string(i).substr(1) : std::to_string(i);
  return (i < 0 ? "-" : "") + group_thousands(digits);
}

std::string localized_float(double f) {
  if (!std::isfinite(f))
    return strconv::format_float(f, 'g', -1, 64);
  // Shortest digits and the decimal exponent: "d.ddde±XX".
  const std::string e = strconv::format_float(f, 'e', -1, 64);
  const bool negative = e[0] == '-';
  const std::size_t start = negative ? 1 : 0;
  const std::size_t epos = e.find('e');
  std::string digits;
  for (std::size_t i = start; i < epos; ++i) {
    if (e[i] != '.')
      digits += e[i];
  }
  const int exp = std::atoi(e.c_str() + epos + 1);
  std::string out = negative ? "-" : "";
  if (digits == "0")
    return out + "0";
  if (exp < -4 || exp >= 6) {
    out += digits.substr(0, 1);
    if (digits.size() > 1)
      out += "." + digits.substr(1);
    out += "\u202f\u00d7\u202f10";
    if (exp < 0)
      out += "\u207b";
    std::string ed = std::to_string(exp < 0 ? -exp : exp);
    if (ed.size() < 2)
      ed = "0" + ed;
    for (char c : ed) out += kSuperscript[c - '0'];
    return out;
  }
  std::string int_part;
  std::string frac_part;
  if (exp < 0) {
    int_part = "0";
    frac_part = std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
  } else {
    const std::size_t n = static_cast<std::size_t>(exp) + 1;
    int_part = digits.size() >= n ? digits.substr(0, n) : digits + std::string(n - digits.size(), '0');
    frac_part = digits.size() > n ? digits.substr(n) : "";
  }
  out += group_thousands(int_part);
  if (!frac_part.empty())
    out += "." + frac_part;
  return out;
}

}  // namespace capstan::chart::jsonschema
