// Sprig's default-value and conversion functions (defaults.go, numeric.go's casts): default,
// empty, coalesce, ternary, int, int64, float64.
#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

void register_sprig_defaults(FuncMap& f) {
  f.add("default", "func(interface {}, ...interface {}) interface {}", [](CallContext&, Args& a) {
    const auto& given = a[1].list().items;
    if (given.empty() || sprig::empty(given[0])) return a[0];
    return given[0];
  });
  f.add("empty", "func(interface {}) bool", [](CallContext&, Args& a) { return Value(sprig::empty(a[0])); });
  f.add("coalesce", "func(...interface {}) interface {}", [](CallContext&, Args& a) {
    for (const Value& v : a[0].list().items) {
      if (!sprig::empty(v)) return v;
    }
    return Value();
  });
  f.add("ternary", "func(interface {}, interface {}, bool) interface {}",
        [](CallContext&, Args& a) { return a[2].as_bool() ? a[0] : a[1]; });
  f.add("int", "func(interface {}) int",
        [](CallContext&, Args& a) { return Value::integer(sprig::to_int64(a[0]), NumType::Int); });
  f.add("int64", "func(interface {}) int64",
        [](CallContext&, Args& a) { return Value::integer(sprig::to_int64(a[0]), NumType::Int64); });
  f.add("float64", "func(interface {}) float64",
        [](CallContext&, Args& a) { return Value::floating(sprig::to_float64(a[0])); });
}

}  // namespace capstan::templating
