// Kubernetes resource quantities ("100m", "128Mi", "2", "1e3"): parsing, milli-unit arithmetic
// and the canonical text resource.Quantity.String() prints. Values are held as int64
// milli-units (rounded up, as Quantity.MilliValue does), enough for any CPU or memory figure
// below 9 PB; finer precision than 1m is not kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace capstan {
class Value;
}

namespace capstan::orchestrator {

struct Quantity {
  enum class Format { DecimalSI, BinarySI, DecimalExponent };
  std::int64_t milli = 0;
  Format format = Format::DecimalSI;

  std::int64_t value() const;  // whole units, rounded up (Quantity.Value)
  Quantity& operator+=(const Quantity& other) {
    milli += other.milli;
    return *this;
  }
};

// resource.ParseQuantity; nullopt when the text is not a quantity.
std::optional<Quantity> parse_quantity(std::string_view text);
// A quantity from a JSON value: a string, or a number (as an unquoted YAML quantity decodes).
std::optional<Quantity> quantity_of(const Value& v);
// resource.Quantity.String(): canonical form in the quantity's format.
std::string format_quantity(const Quantity& q);

}  // namespace capstan::orchestrator
