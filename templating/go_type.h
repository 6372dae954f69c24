// Go static types as far as templates need them: function parameter and result types, for
// Go's assignability rules (exec.go validateType) and their error texts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::templating {

class GoType {
 public:
  enum class Kind : std::uint8_t {
    Invalid,  // no type (a function without a usable result)
    Interface,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex128,
    String,
    Slice,
    Map,
    Struct,   // a named struct type: time.Time
    Pointer,  // *semver.Version
    Func,
    Named,    // another defined type (chartutil.Values): matched by name
  };

  GoType() = default;
  // Go syntax as reflect prints it: "int", "interface {}", "[]string", "map[string]interface {}",
  // "time.Time", "*semver.Version", "reflect.Value".
  static GoType parse(std::string_view name);
  static GoType any() { return parse("interface {}"); }
  static GoType invalid() { return GoType(); }

  Kind kind() const { return kind_; }
  const std::string& name() const { return name_; }
  // For slices and maps: the element type's name ("interface {}" in []interface {}).
  std::string_view elem() const { return elem_; }
  bool is_interface() const { return kind_ == Kind::Interface; }
  bool is_reflect_value() const { return name_ == "reflect.Value"; }
  // Go's canBeNil: chan, func, interface, map, pointer, slice (and reflect.Value).
  bool can_be_nil() const;
  bool is_integer() const { return kind_ >= Kind::Int && kind_ <= Kind::Int64; }
  bool is_unsigned() const { return kind_ >= Kind::Uint && kind_ <= Kind::Uintptr; }
  bool is_float() const { return kind_ == Kind::Float32 || kind_ == Kind::Float64; }
  NumType num_type() const;  // for numeric kinds

  // The zero value of the type (Go's reflect.Zero): "" for string, 0 of the right NumType,
  // false, and Null for the nil-able kinds.
  Value zero() const;

  friend bool operator==(const GoType& a, const GoType& b) { return a.name_ == b.name_; }

 private:
  Kind kind_ = Kind::Invalid;
  std::string name_;
  std::string elem_;
};

// A type name with static lifetime, for List::elem_type and Map::elem_type (values outlive
// the function maps whose signatures name their types).
std::string_view intern_type_name(std::string_view name);

// The Go type name of a value, as %T and error texts print it ("float64", "[]interface {}",
// "chartutil.Values", "<nil>" for a nil interface).
std::string type_name(const Value& v);

// Whether a value of v's dynamic type is assignable to t (Go's AssignableTo, with the one
// indirection validateType allows). A named map/slice type is assignable to its unnamed
// underlying type.
bool assignable(const Value& v, const GoType& t);

}  // namespace capstan::templating
