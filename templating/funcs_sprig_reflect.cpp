// Sprig's reflection functions (reflect.go): typeOf, typeIs, typeIsLike, kindOf, kindIs, and
// deepEqual (reflect.DeepEqual).
#include "templating/function.h"
#include "templating/gofmt.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

std::string type_of(const Value& v) {
  return gofmt::sprintf("%T", {v});
}

}  // namespace

void register_sprig_reflect(FuncMap& f) {
  f.add("typeOf", "func(interface {}) string",
        [](CallContext&, Args& a) { return Value(type_of(a[0])); });
  f.add("typeIs", "func(string, interface {}) bool",
        [](CallContext&, Args& a) { return Value(a[0].as_string() == type_of(a[1])); });
  f.add("typeIsLike", "func(string, interface {}) bool", [](CallContext&, Args& a) {
    const std::string t = type_of(a[1]);
    return Value(a[0].as_string() == t || "*" + a[0].as_string() == t);
  });
  f.add("kindOf", "func(interface {}) string",
        [](CallContext&, Args& a) { return Value(sprig::reflect_kind(a[0])); });
  f.add("kindIs", "func(string, interface {}) bool",
        [](CallContext&, Args& a) { return Value(a[0].as_string() == sprig::reflect_kind(a[1])); });
  f.add("deepEqual", "func(interface {}, interface {}) bool",
        [](CallContext&, Args& a) { return Value(sprig::deep_equal(a[0], a[1])); });
}

}  // namespace capstan::templating
