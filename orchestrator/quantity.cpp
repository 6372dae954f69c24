// resource.Quantity parsing and canonical printing (k8s.io/apimachinery/pkg/api/resource).
#include "orchestrator/quantity.h"

#include <cstdlib>

#include "core/value.h"

namespace capstan::orchestrator {

namespace {

using i128 = __int128;

constexpr i128 kLimit = static_cast<i128>(INT64_MAX);

i128 pow10(int n) {
  i128 r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

// Multiplier of a suffix as (base, exponent): 2^e for binary, 10^e for decimal.
bool suffix_exponent(std::string_view s, int& base, int& exp, Quantity::Format& format) {
  struct Entry {
    std::string_view name;
    int base, exp;
  };
  static const Entry kEntries[] = {
      {"Ki", 2, 10}, {"Mi", 2, 20}, {"Gi", 2, 30}, {"Ti", 2, 40}, {"Pi", 2, 50}, {"Ei", 2, 60},
      {"n", 10, -9}, {"u", 10, -6}, {"m", 10, -3}, {"", 10, 0},   {"k", 10, 3},  {"M", 10, 6},
      {"G", 10, 9},  {"T", 10, 12}, {"P", 10, 15}, {"E", 10, 18},
  };
  for (const Entry& e : kEntries) {
    if (s == e.name) {
      base = e.base;
      exp = e.exp;
      format = e.base == 2 ? Quantity::Format::BinarySI : Quantity::Format::DecimalSI;
      return true;
    }
  }
  if (s.size() >= 2 && (s[0] == 'e' || s[0] == 'E')) {
    std::size_t i = 1;
    bool neg = false;
    if (s[i] == '+' || s[i] == '-') {
      neg = s[i] == '-';
      ++i;
    }
    if (i >= s.size() || s.size() - i > 3) return false;
    int v = 0;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    base = 10;
    exp = neg ? -v : v;
    format = Quantity::Format::DecimalExponent;
    return true;
  }
  return false;
}

i128 clamp(i128 v) { return v > kLimit ? kLimit : (v < -kLimit ? -kLimit : v); }

}  // namespace

std::int64_t Quantity::value() const {
  const std::int64_t whole = milli / 1000;
  return (milli % 1000 > 0) ? whole + 1 : whole;
}

std::optional<Quantity> parse_quantity(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  i128 mantissa = 0;
  int frac_digits = 0;
  int digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (mantissa < pow10(30)) {
        mantissa = mantissa * 10 + (c - '0');
        if (seen_point) ++frac_digits;
      } else if (!seen_point) {
        return std::nullopt;  // absurdly large
      }
      ++digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (digits == 0) return std::nullopt;
  int base = 10, exp = 0;
  Quantity q;
  if (!suffix_exponent(text.substr(i), base, exp, q.format)) return std::nullopt;
  // milli = ceil(mantissa * 10^-frac * multiplier * 1000)
  i128 num = mantissa * 1000;
  i128 den = pow10(frac_digits);
  if (base == 2) {
    for (int k = 0; k < exp; ++k) num = clamp(num * 2);
  } else if (exp >= 0) {
    for (int k = 0; k < exp; ++k) num = clamp(num * 10);
  } else {
    den *= pow10(-exp);
  }
  i128 milli = num / den + (num % den != 0 ? 1 : 0);
  milli = clamp(milli);
  q.milli = static_cast<std::int64_t>(negative ? -milli : milli);
  return q;
}

std::optional<Quantity> quantity_of(const Value& v) {
  if (v.is_string()) return parse_quantity(v.as_string());
  if (v.is_int()) return parse_quantity(std::to_string(v.as_int()));
  if (v.is_uint()) return parse_quantity(std::to_string(v.as_uint()));
  if (v.is_float()) {
    Quantity q;
    q.milli = static_cast<std::int64_t>(v.as_float() * 1000.0 + 0.999999);
    return q;
  }
  return std::nullopt;
}

std::string format_quantity(const Quantity& q) {
  if (q.milli == 0) return "0";
  Quantity::Format format = q.format;
  if (format == Quantity::Format::BinarySI) {
    // Go: small values and values with a fraction print in DecimalSI to avoid rounding.
    if ((q.milli > -1024000 && q.milli < 1024000) || q.milli % 1000 != 0) {
      format = Quantity::Format::DecimalSI;
    }
  }
  const bool negative = q.milli < 0;
  std::int64_t magnitude = negative ? -q.milli : q.milli;
  std::string out = negative ? "-" : "";
  if (format == Quantity::Format::BinarySI) {
    std::int64_t v = magnitude / 1000;
    int exp = 0;
    while (v % 1024 == 0 && exp < 60) {
      v /= 1024;
      exp += 10;
    }
    static const char* const kBinary[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    return out + std::to_string(v) + kBinary[exp / 10];
  }
  // Decimal: strip factors of ten, then lower the exponent to a multiple of three.
  std::int64_t amount = magnitude;
  int exp = -3;
  while (amount % 10 == 0) {
    amount /= 10;
    ++exp;
  }
  const int r = ((exp % 3) + 3) % 3;
  for (int k = 0; k < r; ++k) amount *= 10;
  exp -= r;
  out += std::to_string(amount);
  if (format == Quantity::Format::DecimalExponent) {
    if (exp != 0) out += "e" + std::to_string(exp);
    return out;
  }
  switch (exp) {
    case -9: return out + "n";
    case -6: return out + "u";
    case -3: return out + "m";
    case 0: return out;
    case 3: return out + "k";
    case 6: return out + "M";
    case 9: return out + "G";
    case 12: return out + "T";
    case 15: return out + "P";
    case 18: return out + "E";
    default: return out + "e" + std::to_string(exp);
  }
}

}  // namespace capstan::orchestrator
