// Numbers as santhosh-tekuri/jsonschema v6 (Helm's validator) treats them: exact decimals
// (it compares and divides math/big.Rat values parsed from the number's text), and the way its
// messages print them through golang.org/x/text/message's English printer ("10,000",
// "1.2345675 × 10⁰⁶").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::chart::jsonschema {

// A finite decimal: digits × 10^exponent, digits without leading or trailing zeros ("" is 0).
class Decimal {
 public:
  Decimal() = default;

  // A JSON number's text or Go's %v of a number ("12", "-0.5", "1e+21"); nullopt otherwise.
  static std::optional<Decimal> parse(std::string_view text);
  // The exact value of a number Value (a float64 by its shortest representation, as
  // fmt.Sprint writes it for big.Rat.SetString); nullopt for non-numbers.
  static std::optional<Decimal> of(const Value& v);

  bool is_zero() const { return digits_.empty(); }
  bool negative() const { return negative_; }
  bool is_integer() const { return exponent_ >= 0 || digits_.empty(); }
  // big.Rat.Cmp.
  int compare(const Decimal& other) const;
  // Whether this / divisor is an integer (divisor must not be zero).
  bool multiple_of(const Decimal& divisor) const;
  // big.Rat.Float64: the nearest float64.
  double to_double() const;
  // big.Rat.Num().Int64() for an integer that fits; nullopt otherwise.
  std::optional<std::int64_t> to_int64() const;

 private:
  bool negative_ = false;
  std::string digits_;
  std::int64_t exponent_ = 0;
};

// x/text/message's English printer: %d of an integer ("1,234,567") and %v of a float64
// (shortest digits; "0.0001", "99,999.5", "1 × 10⁰⁶" with narrow no-break spaces).
std::string localized_int(std::int64_t i);
std::string localized_float(double f);

}  // namespace capstan::chart::jsonschema
