// Sprig's default-value functions (defaults.go): default, empty, coalesce, all, any, ternary.
#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

void register_sprig_defaults(FuncMap& f) {
  f.add("default", "func(interface {}, ...interface {}) interface {}", [](CallContext&, Args& a) {
    const auto& given = a[1].list().items;
    if (given.empty() || sprig::empty(given[0]))
      return a[0];
    return given[0];
  });
  f.add("empty", "func(interface {}) bool",
        [](CallContext&, Args& a) { return Value(sprig::empty(a[0])); });
  f.add("coalesce", "func(...interface {}) interface {}", [](CallContext&, Args& a) {
    for (const Value& v : a[0].list().items) {
      if (!sprig::empty(v))
        return v;
    }
    return Value();
  });
  f.add("all", "func(...interface {}) bool", [](CallContext&, Args& a) {
    for (const Value& v : a[0].list().items) {
      if (sprig::empty(v))
        return Value(false);
    }
    return Value(true);
  });
  f.add("any", "func(...interface {}) bool", [](CallContext&, Args& a) {
    for (const Value& v : a[0].list().items) {
      if (!sprig::empty(v))
        return Value(true);
    }
    return Value(false);
  });
  f.add("ternary", "func(interface {}, interface {}, bool) interface {}",
        [](CallContext&, Args& a) { return a[2].as_bool() ? a[0] : a[1]; });
}

}  // namespace capstan::templating
