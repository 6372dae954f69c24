// Sprig's integer arithmetic (numeric.go): add, add1, sub, mul, div, mod over cast.ToInt64.
#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

Value i64(std::int64_t v) { return Value::integer(v, NumType::Int64); }

// Go's integer division panics on zero; the template reports the runtime error.
void check_divisor(std::int64_t b) {
  if (b == 0) throw FuncError("runtime error: integer divide by zero");
}

}  // namespace

void register_sprig_math(FuncMap& f) {
  f.add("add", "func(...interface {}) int64", [](CallContext&, Args& a) {
    std::int64_t sum = 0;
    for (const Value& v : a[0].list().items) sum = static_cast<std::int64_t>(static_cast<std::uint64_t>(sum) + static_cast<std::uint64_t>(sprig::to_int64(v)));
    return i64(sum);
  });
  f.add("add1", "func(interface {}) int64", [](CallContext&, Args& a) { return i64(sprig::to_int64(a[0]) + 1); });
  f.add("sub", "func(interface {}, interface {}) int64",
        [](CallContext&, Args& a) { return i64(sprig::to_int64(a[0]) - sprig::to_int64(a[1])); });
  f.add("mul", "func(interface {}, ...interface {}) int64", [](CallContext&, Args& a) {
    std::int64_t v = sprig::to_int64(a[0]);
    for (const Value& b : a[1].list().items) v = static_cast<std::int64_t>(static_cast<std::uint64_t>(v) * static_cast<std::uint64_t>(sprig::to_int64(b)));
    return i64(v);
  });
  f.add("div", "func(interface {}, interface {}) int64", [](CallContext&, Args& a) {
    const std::int64_t b = sprig::to_int64(a[1]);
    check_divisor(b);
    return i64(sprig::to_int64(a[0]) / b);
  });
  f.add("mod", "func(interface {}, interface {}) int64", [](CallContext&, Args& a) {
    const std::int64_t b = sprig::to_int64(a[1]);
    check_divisor(b);
    return i64(sprig::to_int64(a[0]) % b);
  });
}

}  // namespace capstan::templating
