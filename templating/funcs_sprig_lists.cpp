// Sprig's list and dict functions (list.go, dict.go) used by the foundation: list, dict, get,
// set, unset, hasKey, keys.
#include <algorithm>

#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

void register_sprig_lists(FuncMap& f) {
  f.add("list", "func(...interface {}) []interface {}", [](CallContext&, Args& a) { return a[0]; });
  f.add("dict", "func(...interface {}) map[string]interface {}", [](CallContext&, Args& a) {
    Value dict = Value::empty_map();
    const auto& v = a[0].list().items;
    for (std::size_t i = 0; i < v.size(); i += 2) {
      const std::string key = sprig::strval(v[i]);
      dict.set(key, i + 1 < v.size() ? v[i + 1] : Value(std::string()));
    }
    return dict;
  });
  f.add("get", "func(map[string]interface {}, string) interface {}", [](CallContext&, Args& a) {
    if (const Value* v = a[0].find(a[1].as_string())) return *v;
    return Value(std::string());
  });
  f.add("set", "func(map[string]interface {}, string, interface {}) map[string]interface {}",
        [](CallContext&, Args& a) {
          if (a[0].is_null()) throw FuncError("assignment to entry in nil map");
          a[0].set(a[1].as_string(), a[2]);
          return a[0];
        });
  f.add("unset", "func(map[string]interface {}, string) map[string]interface {}", [](CallContext&, Args& a) {
    a[0].erase(a[1].as_string());
    return a[0];
  });
  f.add("hasKey", "func(map[string]interface {}, string) bool",
        [](CallContext&, Args& a) { return Value(a[0].find(a[1].as_string()) != nullptr); });
  // Go visits map keys in random order; sorted keys are one of the orders Helm can print.
  f.add("keys", "func(...map[string]interface {}) []string", [](CallContext&, Args& a) {
    std::vector<std::string> keys;
    for (const Value& m : a[0].list().items) {
      if (!m.is_map()) continue;
      for (const auto& [key, value] : m.map().entries) keys.push_back(key);
    }
    return sprig::string_list(std::move(keys));
  });
}

}  // namespace capstan::templating
