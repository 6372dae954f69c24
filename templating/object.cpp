// Go structs and named types as template values.
#include "templating/object.h"

#include <deque>

#include "core/error.h"
#include "core/json.h"

namespace capstan::templating {

void GoTypeInfo::add_method(std::string_view method, std::string_view signature, FuncImpl impl) {
  methods[std::string(method)] =
      Function{std::string(method), Signature::parse(signature), std::move(impl)};
}

Value GoObject::make_struct(std::shared_ptr<const GoTypeInfo> type, std::vector<Field> fields,
                            std::any payload) {
  return Value(std::static_pointer_cast<Object>(
      std::make_shared<GoObject>(std::move(type), std::move(fields), Value(), std::move(payload))));
}

Value GoObject::make_named(std::shared_ptr<const GoTypeInfo> type, Value underlying) {
  return Value(std::static_pointer_cast<Object>(
      std::make_shared<GoObject>(std::move(type), std::vector<Field>{}, std::move(underlying), std::any{})));
}

const Value* GoObject::field(std::string_view name) const {
  // Go's FieldByName: the shallowest match wins; embedded structs are searched level by level.
  std::deque<const GoObject*> level{this};
  while (!level.empty()) {
    std::deque<const GoObject*> next;
    for (const GoObject* o : level) {
      for (const Field& f : o->fields_) {
        if (f.name == name && !f.embedded) return &f.value;
        if (f.embedded) {
          // An embedded field is also reachable by its type's name (without the package).
          std::string_view short_name = f.name;
          const std::size_t dot = short_name.rfind('.');
          if (dot != std::string_view::npos) short_name.remove_prefix(dot + 1);
          if (short_name == name) return &f.value;
          if (const GoObject* inner = as_go_object(f.value)) next.push_back(inner);
        }
      }
    }
    level = std::move(next);
  }
  return nullptr;
}

const Function* GoObject::method(std::string_view name) const {
  auto it = type_->methods.find(name);
  return it == type_->methods.end() ? nullptr : &it->second;
}

const GoObject* as_go_object(const Value& v) {
  if (!v.is_object()) return nullptr;
  return dynamic_cast<const GoObject*>(v.object().get());
}

namespace {

// Whether v holds anything encoding/json sees differently from the plain Value: Go objects,
// and nil slices and maps (null, not [] or {}).
bool has_objects(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Object: return true;
    case Value::Kind::List:
      if (v.list().nil) return true;
      for (const Value& item : v.list().items) {
        if (has_objects(item)) return true;
      }
      return false;
    case Value::Kind::Map:
      if (v.map().nil) return true;
      for (const auto& [key, item] : v.map().entries) {
        if (has_objects(item)) return true;
      }
      return false;
    default: return false;
  }
}

[[noreturn]] void unsupported(const GoObject& o) {
  throw Error(ErrorKind::Values, "json: unsupported type: " + o.type().name);
}

Value plain(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Object: {
      const GoObject* o = as_go_object(v);
      if (o == nullptr) return Value();
      if (o->type().json_unsupported) unsupported(*o);
      if (o->type().json_fields) {
        Value out = Value::empty_map();
        for (auto& [key, item] : o->type().json_fields(*o)) out.set(key, plain(item));
        return out;
      }
      if (o->type().json) return plain(o->type().json(*o));
      if (o->is_named()) return plain(o->underlying());
      Value out = Value::empty_map();
      for (const GoObject::Field& f : o->fields()) {
        if (f.embedded) {
          Value inner = plain(f.value);
          if (inner.is_map()) {
            for (const auto& [key, item] : inner.map().entries) {
              if (out.find(key) == nullptr) out.set(key, item);
            }
          }
          continue;
        }
        out.set(f.name, plain(f.value));
      }
      return out;
    }
    case Value::Kind::List: {
      if (!has_objects(v)) return v;
      if (v.list().nil) return Value();
      auto list = std::make_shared<List>();
      list->elem_type = v.list().elem_type;
      for (const Value& item : v.list().items) list->items.push_back(plain(item));
      return Value(std::move(list));
    }
    case Value::Kind::Map: {
      if (!has_objects(v)) return v;
      if (v.map().nil) return Value();
      auto map = std::make_shared<Map>();
      map->elem_type = v.map().elem_type;
      for (const auto& [key, item] : v.map().entries) map->entries.emplace(key, plain(item));
      return Value(std::move(map));
    }
    default: return v;
  }
}

// Struct fields as encoding/json lists them: declaration order, embedded structs inlined.
void struct_fields(const GoObject& o, GoTypeInfo::JsonFields& out) {
  for (const GoObject::Field& f : o.fields()) {
    if (f.embedded) {
      if (const GoObject* inner = as_go_object(f.value)) {
        if (inner->type().json_fields) {
          for (auto& kv : inner->type().json_fields(*inner)) out.push_back(std::move(kv));
        } else {
          struct_fields(*inner, out);
        }
        continue;
      }
    }
    out.emplace_back(f.name, f.value);
  }
}

void marshal(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Object: {
      const GoObject* o = as_go_object(v);
      if (o == nullptr) {
        out += "null";
        return;
      }
      if (o->type().json_unsupported) unsupported(*o);
      if (o->is_named() && !o->type().json && !o->type().json_fields) {
        marshal(out, o->underlying());
        return;
      }
      if (o->type().json && !o->type().json_fields) {
        marshal(out, o->type().json(*o));
        return;
      }
      GoTypeInfo::JsonFields fields;
      if (o->type().json_fields) {
        fields = o->type().json_fields(*o);
      } else {
        struct_fields(*o, fields);
      }
      out += '{';
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        json::encode_to(out, Value(fields[i].first));
        out += ':';
        marshal(out, fields[i].second);
      }
      out += '}';
      return;
    }
    case Value::Kind::List: {
      if (v.list().nil) {
        out += "null";
        return;
      }
      out += '[';
      bool first = true;
      for (const Value& item : v.list().items) {
        if (!first) out += ',';
        first = false;
        marshal(out, item);
      }
      out += ']';
      return;
    }
    case Value::Kind::Map: {
      if (!has_objects(v)) {
        json::encode_to(out, v);
        return;
      }
      if (v.map().nil) {
        out += "null";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& [key, item] : v.map().entries) {
        if (!first) out += ',';
        first = false;
        json::encode_to(out, Value(key));
        out += ':';
        marshal(out, item);
      }
      out += '}';
      return;
    }
    default: json::encode_to(out, v); return;
  }
}

}  // namespace

Value to_plain(const Value& v) { return plain(v); }

std::string marshal_json(const Value& v) {
  std::string out;
  marshal(out, v);
  return out;
}

}  // namespace capstan::templating
