// Go values that are not plain data, as templates see them: structs with fields and methods
// (*chartutil.Capabilities, the .Chart metadata, time.Time) and named types over plain data
// that add methods (chartutil.Values, engine.files, chartutil.VersionSet). They travel inside a
// capstan::Value as Value::Kind::Object.
#pragma once

#include <any>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "templating/function.h"

namespace capstan::templating {

class GoObject;

// One Go type, shared by all its objects.
struct GoTypeInfo {
  enum class Kind : std::uint8_t {
    Struct,           // a struct value: %v prints {a b}
    PointerToStruct,  // *T: %v prints &{a b} at top level (0xc000010000 when nested)
    Named,            // type T U over plain data U (map, slice, string): behaves as U
  };

  std::string name;  // as %T prints it: "*chartutil.Capabilities", "chartutil.Values",
                     // "struct { chart.Metadata; IsRoot bool }"
  Kind kind = Kind::Struct;
  // Methods by name. A method body gets the object as CallContext::receiver().
  std::map<std::string, Function, std::less<>> methods;
  // fmt's Stringer/error: when set, print, %v and %s print this instead of the fields.
  // pointer_receiver: String() is declared on *T, so only addressable values (fields reached
  // through a pointer, as `{{ .Capabilities.KubeVersion }}`) use it, not copies passed to print.
  std::function<std::string(const GoObject&)> string;
  bool string_on_pointer = false;
  // encoding/json's view, for toJson and toYaml. json_fields: a struct's JSON object in field
  // order (json tags applied, omitempty fields left out). json: a MarshalJSON-like value (a
  // time.Time as its RFC 3339 string). Without either, a struct encodes its fields by name in
  // declaration order and a Named type its data.
  using JsonFields = std::vector<std::pair<std::string, Value>>;
  std::function<JsonFields(const GoObject&)> json_fields;
  std::function<Value(const GoObject&)> json;
  // encoding.TextMarshaler's MarshalText (semver.Version): toToml writes it as a string.
  std::function<std::string(const GoObject&)> text;
  // encoding/json refuses the type (complex128): json.Marshal fails with
  // "json: unsupported type: NAME", so toJson and toYaml print "".
  bool json_unsupported = false;

  void add_method(std::string_view method, std::string_view signature, FuncImpl impl);
};

class GoObject final : public Object {
 public:
  struct Field {
    std::string name;
    Value value;
    bool embedded = false;  // an embedded struct: its fields are promoted (.Chart.Name)
  };

  // A struct (Kind::Struct or PointerToStruct) with fields in declaration order.
  static Value make_struct(std::shared_ptr<const GoTypeInfo> type, std::vector<Field> fields,
                           std::any payload = {});
  // A Named type over `underlying` (a Map, List, String or Bytes value).
  static Value make_named(std::shared_ptr<const GoTypeInfo> type, Value underlying);

  GoObject(std::shared_ptr<const GoTypeInfo> type, std::vector<Field> fields, Value underlying,
           std::any payload)
      : type_(std::move(type)),
        fields_(std::move(fields)),
        underlying_(std::move(underlying)),
        payload_(std::move(payload)) {}

  std::string type_name() const override { return type_->name; }
  const GoTypeInfo& type() const { return *type_; }
  bool is_named() const { return type_->kind == GoTypeInfo::Kind::Named; }
  bool is_pointer() const { return type_->kind == GoTypeInfo::Kind::PointerToStruct; }

  const std::vector<Field>& fields() const { return fields_; }
  // A field by name, searching embedded structs breadth-first as Go's FieldByName does.
  const Value* field(std::string_view name) const;
  const Function* method(std::string_view name) const;
  // For Named types: the plain data (Null for structs).
  const Value& underlying() const { return underlying_; }
  // Native data for method bodies (a time point, a parsed version, ...).
  const std::any& payload() const { return payload_; }

 private:
  std::shared_ptr<const GoTypeInfo> type_;
  std::vector<Field> fields_;
  Value underlying_;
  std::any payload_;
};

// The GoObject inside v, or nullptr.
const GoObject* as_go_object(const Value& v);

// v with every object replaced by the plain value encoding/json would see (json hook, or
// fields by name, or the underlying data), for toYaml. Shares v when it has no objects.
Value to_plain(const Value& v);

// json.Marshal(v): as json::encode, with struct fields in declaration order. Throws
// capstan::Error as json::encode does (NaN, infinities).
std::string marshal_json(const Value& v);

}  // namespace capstan::templating
