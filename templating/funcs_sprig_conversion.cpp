// Sprig's type conversions (functions.go, numeric.go): atoi, int, int64, float64, toDecimal,
// through spf13/cast 1.5 as Sprig calls it (values that do not convert give 0).
#include "core/strconv.h"
#include "templating/function.h"
#include "templating/gofmt.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

// strconv.Atoi, ignoring the error: out-of-range input gives the clamped value.
std::int64_t atoi(const std::string& s) {
  const auto r = strconv::parse_int(s, 10, 64);
  if (r.err == strconv::NumError::Syntax)
    return 0;
  return r.value;
}

}  // namespace

void register_sprig_conversion(FuncMap& f) {
  f.add("atoi", "func(string) int",
        [](CallContext&, Args& a) { return Value::integer(atoi(a[0].as_string()), NumType::Int); });
  f.add("int", "func(interface {}) int",
        [](CallContext&, Args& a) { return Value::integer(sprig::to_int(a[0]), NumType::Int); });
  f.add("int64", "func(interface {}) int64", [](CallContext&, Args& a) {
    return Value::integer(sprig::to_int64(a[0]), NumType::Int64);
  });
  f.add("float64", "func(interface {}) float64",
        [](CallContext&, Args& a) { return Value::floating(sprig::to_float64(a[0])); });
  // Unix octal permissions to decimal: ParseInt(fmt.Sprint(v), 8, 64), 0 on error.
  f.add("toDecimal", "func(interface {}) int64", [](CallContext&, Args& a) {
    const auto r = strconv::parse_int(gofmt::sprint({a[0]}), 8, 64);
    return Value::integer(r.ok() ? r.value : 0, NumType::Int64);
  });
}

}  // namespace capstan::templating
