// Sprig's dict functions (dict.go): dict, get, set, unset, hasKey, pluck, keys, pick, omit,
// values, dig, deepCopy/mustDeepCopy (copystructure). merge* live in funcs_sprig_merge.cpp.
#include "templating/function.h"
#include "templating/gofmt.h"
#include "templating/object.h"
#include "templating/sprig_objects.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

// The text of a failed Go type assertion x.(T) on an interface {}.
std::string interface_conversion(const Value& v, std::string_view want) {
  return "interface conversion: interface {} is " +
         (v.is_null() ? std::string("nil") : type_name(v)) + ", not " + std::string(want);
}

bool is_plain_map(const Value& v) {
  return v.is_map() && v.map().elem_type == "interface {}";
}

// Sprig's dig: walks dict through keys; `def` when a key is missing.
Value dig(const Args& a) {
  const auto& ps = a[0].list().items;
  if (ps.size() < 3)
    throw FuncError("dig needs at least three arguments");
  const Value& dict = ps.back();
  if (!is_plain_map(dict))
    throw FuncError(interface_conversion(dict, "map[string]interface {}"));
  std::vector<std::string> keys;
  for (std::size_t i = 0; i + 2 < ps.size(); ++i) {
    if (!ps[i].is_string())
      throw FuncError(interface_conversion(ps[i], "string"));
    keys.push_back(ps[i].as_string());
  }
  const Value* step = &dict;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const Value* next = step->find(keys[i]);
    if (next == nullptr)
      return ps[ps.size() - 2];
    if (i + 1 == keys.size())
      return *next;
    if (!is_plain_map(*next))
      throw FuncError(interface_conversion(*next, "map[string]interface {}"));
    step = next;
  }
  return Value();
}

// copystructure.Copy: maps, slices and named types copied deeply; time.Time kept (it has a
// copier); other structs keep exported fields only.
Value deep_copy(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::List: {
      auto out = std::make_shared<List>();
      out->elem_type = v.list().elem_type;
      out->nil = v.list().nil;
      for (const Value& item : v.list().items) out->items.push_back(deep_copy(item));
      return Value(std::move(out));
    }
    case Value::Kind::Map: {
      auto out = std::make_shared<Map>();
      out->elem_type = v.map().elem_type;
      out->nil = v.map().nil;
      for (const auto& [key, item] : v.map().entries) out->entries.emplace(key, deep_copy(item));
      return Value(std::move(out));
    }
    case Value::Kind::Object: {
      const GoObject* o = as_go_object(v);
      if (o == nullptr)
        return v;
      if (o->is_named()) {
        // The type is reachable only through the object: alias the object's ownership.
        std::shared_ptr<const GoTypeInfo> type(v.object(), &o->type());
        return GoObject::make_named(std::move(type), deep_copy(o->underlying()));
      }
      if (o->type_name() == "*semver.Version")
        return sprig::zero_semver();
      return v;
    }
    default:
      return v;
  }
}

Value must_deep_copy(const Value& v) {
  if (v.is_null())
    throw FuncError("reflect: call of reflect.Value.Type on zero Value");
  return deep_copy(v);
}

}  // namespace

void register_sprig_dicts(FuncMap& f) {
  f.add("dict", "func(...interface {}) map[string]interface {}", [](CallContext&, Args& a) {
    Value dict = Value::empty_map();
    const auto& v = a[0].list().items;
    for (std::size_t i = 0; i < v.size(); i += 2) {
      dict.set(sprig::strval(v[i]), i + 1 < v.size() ? v[i + 1] : Value(std::string()));
    }
    return dict;
  });
  f.add("get", "func(map[string]interface {}, string) interface {}", [](CallContext&, Args& a) {
    if (const Value* v = a[0].find(a[1].as_string()))
      return *v;
    return Value(std::string());
  });
  f.add("set", "func(map[string]interface {}, string, interface {}) map[string]interface {}",
        [](CallContext&, Args& a) {
          if (a[0].is_null() || a[0].map().nil)
            throw FuncError("assignment to entry in nil map");
          a[0].set(a[1].as_string(), a[2]);
          return a[0];
        });
  f.add("unset", "func(map[string]interface {}, string) map[string]interface {}",
        [](CallContext&, Args& a) {
          if (a[0].is_map())
            a[0].erase(a[1].as_string());
          return a[0];
        });
  f.add("hasKey", "func(map[string]interface {}, string) bool",
        [](CallContext&, Args& a) { return Value(a[0].find(a[1].as_string()) != nullptr); });
  f.add("pluck", "func(string, ...map[string]interface {}) []interface {}",
        [](CallContext&, Args& a) {
          std::vector<Value> out;
          for (const Value& d : a[1].list().items) {
            if (const Value* v = d.find(a[0].as_string()))
              out.push_back(*v);
          }
          return sprig::any_list(std::move(out));
        });
  // Go visits map keys in random order; sorted keys are one of the orders Helm can print.
  f.add("keys", "func(...map[string]interface {}) []string", [](CallContext&, Args& a) {
    std::vector<std::string> keys;
    for (const Value& m : a[0].list().items) {
      if (!m.is_map())
        continue;
      for (const auto& [key, value] : m.map().entries) keys.push_back(key);
    }
    return sprig::string_list(std::move(keys));
  });
  f.add("values", "func(map[string]interface {}) []interface {}", [](CallContext&, Args& a) {
    std::vector<Value> out;
    if (a[0].is_map()) {
      for (const auto& [key, value] : a[0].map().entries) out.push_back(value);
    }
    return sprig::any_list(std::move(out));
  });
  f.add("pick", "func(map[string]interface {}, ...string) map[string]interface {}",
        [](CallContext&, Args& a) {
          Value out = Value::empty_map();
          for (const Value& k : a[1].list().items) {
            if (const Value* v = a[0].find(k.as_string()))
              out.set(k.as_string(), *v);
          }
          return out;
        });
  f.add("omit", "func(map[string]interface {}, ...string) map[string]interface {}",
        [](CallContext&, Args& a) {
          Value out = Value::empty_map();
          if (!a[0].is_map())
            return out;
          for (const auto& [key, value] : a[0].map().entries) {
            bool omitted = false;
            for (const Value& k : a[1].list().items) omitted = omitted || k.as_string() == key;
            if (!omitted)
              out.set(key, value);
          }
          return out;
        });
  f.add("dig", "func(...interface {}) (interface {}, error)",
        [](CallContext&, Args& a) { return dig(a); });
  f.add("deepCopy", "func(interface {}) interface {}",
        [](CallContext&, Args& a) { return must_deep_copy(a[0]); });
  f.add("mustDeepCopy", "func(interface {}) (interface {}, error)",
        [](CallContext&, Args& a) { return must_deep_copy(a[0]); });
}

}  // namespace capstan::templating
