// Go static types: parsing reflect's type syntax, zero values, and assignability of a dynamic
// Value to a parameter type (exec.go validateType's rules).
#include "templating/go_type.h"

#include <mutex>
#include <set>

#include "core/error.h"
#include "templating/object.h"

namespace capstan::templating {

std::string_view intern_type_name(std::string_view name) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = names.find(name);
  if (it == names.end()) it = names.emplace(name).first;
  return *it;
}


namespace {

struct Basic {
  std::string_view name;
  GoType::Kind kind;
};

constexpr Basic kBasics[] = {
    {"interface {}", GoType::Kind::Interface}, {"any", GoType::Kind::Interface},
    {"bool", GoType::Kind::Bool},              {"int", GoType::Kind::Int},
    {"int8", GoType::Kind::Int8},              {"int16", GoType::Kind::Int16},
    {"int32", GoType::Kind::Int32},            {"rune", GoType::Kind::Int32},
    {"int64", GoType::Kind::Int64},            {"uint", GoType::Kind::Uint},
    {"uint8", GoType::Kind::Uint8},            {"byte", GoType::Kind::Uint8},
    {"uint16", GoType::Kind::Uint16},          {"uint32", GoType::Kind::Uint32},
    {"uint64", GoType::Kind::Uint64},          {"uintptr", GoType::Kind::Uintptr},
    {"float32", GoType::Kind::Float32},        {"float64", GoType::Kind::Float64},
    {"complex128", GoType::Kind::Complex128},  {"string", GoType::Kind::String},
    {"error", GoType::Kind::Interface},
};

std::string canonical(std::string_view name) {
  if (name == "any") return "interface {}";
  if (name == "byte") return "uint8";
  if (name == "rune") return "int32";
  return std::string(name);
}

}  // namespace

GoType GoType::parse(std::string_view name) {
  GoType t;
  t.name_ = canonical(name);
  if (name.empty()) return GoType();
  for (const Basic& b : kBasics) {
    if (b.name == name) {
      t.kind_ = b.kind;
      if (name == "error") t.name_ = "error";
      return t;
    }
  }
  if (name.substr(0, 2) == "[]") {
    t.kind_ = Kind::Slice;
    t.elem_ = canonical(name.substr(2));
    t.name_ = "[]" + t.elem_;
    return t;
  }
  if (name.substr(0, 11) == "map[string]") {
    t.kind_ = Kind::Map;
    t.elem_ = canonical(name.substr(11));
    t.name_ = "map[string]" + t.elem_;
    return t;
  }
  if (name[0] == '*') {
    t.kind_ = Kind::Pointer;
    return t;
  }
  if (name.substr(0, 4) == "func") {
    t.kind_ = Kind::Func;
    return t;
  }
  if (name == "time.Time" || name == "reflect.Value") {
    t.kind_ = Kind::Struct;
    return t;
  }
  if (name.find('.') != std::string_view::npos) {
    t.kind_ = Kind::Named;
    return t;
  }
  throw Error(ErrorKind::Internal, "templating: unknown Go type " + std::string(name));
}

bool GoType::can_be_nil() const {
  switch (kind_) {
    case Kind::Interface:
    case Kind::Slice:
    case Kind::Map:
    case Kind::Pointer:
    case Kind::Func: return true;
    default: return is_reflect_value();
  }
}

NumType GoType::num_type() const {
  switch (kind_) {
    case Kind::Int: return NumType::Int;
    case Kind::Int8: return NumType::Int8;
    case Kind::Int16: return NumType::Int16;
    case Kind::Int32: return NumType::Int32;
    case Kind::Int64: return NumType::Int64;
    case Kind::Uint: return NumType::Uint;
    case Kind::Uint8: return NumType::Uint8;
    case Kind::Uint16: return NumType::Uint16;
    case Kind::Uint32: return NumType::Uint32;
    case Kind::Uint64: return NumType::Uint64;
    case Kind::Uintptr: return NumType::Uintptr;
    case Kind::Float32: return NumType::Float32;
    default: return NumType::Float64;
  }
}

Value GoType::zero() const {
  switch (kind_) {
    case Kind::Bool: return Value(false);
    case Kind::String: return Value(std::string());
    case Kind::Float32:
    case Kind::Float64: return Value::floating(0, num_type());
    default: break;
  }
  if (is_integer()) return Value::integer(0, num_type());
  if (is_unsigned()) return Value::unsigned_integer(0, num_type());
  if (kind_ == Kind::Slice && elem_ == "uint8") return Value::bytes("");
  return Value();
}

std::string type_name(const Value& v) {
  if (v.is_object()) return v.object()->type_name();
  return v.type_name();
}

bool assignable(const Value& v, const GoType& t) {
  switch (t.kind()) {
    case GoType::Kind::Interface: return true;  // every type implements interface {}
    case GoType::Kind::Invalid: return false;
    case GoType::Kind::Bool: return v.is_bool();
    case GoType::Kind::String: return v.is_string();
    case GoType::Kind::Slice:
      if (v.is_list()) return v.list().elem_type == t.elem();
      if (v.is_bytes()) return t.elem() == "uint8";
      break;
    case GoType::Kind::Map:
      if (v.is_map()) return v.map().elem_type == t.elem();
      break;
    default:
      if (v.is_number()) return v.num_type() == t.num_type() && t.kind() <= GoType::Kind::Float64 &&
                                t.kind() >= GoType::Kind::Int;
      break;
  }
  if (const GoObject* o = as_go_object(v)) {
    if (o->type_name() == t.name()) return true;
    // A named type is assignable to its unnamed underlying type.
    if (o->is_named() && (t.kind() == GoType::Kind::Map || t.kind() == GoType::Kind::Slice)) {
      return assignable(o->underlying(), t);
    }
  }
  return false;
}

}  // namespace capstan::templating
