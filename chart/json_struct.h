// Decoding YAML into Go structs the way Helm does it: sigs.k8s.io/yaml turns the document into
// JSON (converting numbers and booleans to strings where the Go field is a string), then
// encoding/json fills the struct: keys match field names exactly or case-insensitively, unknown
// keys are ignored, null leaves a field alone, and the first type mismatch (in key order) is
// the error, worded as Go's UnmarshalTypeError:
//   json: cannot unmarshal array into Go struct field Metadata.maintainers.email of type string
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace capstan::chart {

class JsonStructDecoder {
 public:
  // A struct being filled: its Go type name (for messages) and the JSON path to it.
  struct Scope {
    std::string struct_name;  // "Metadata"
    std::string path;         // "" at the top, "maintainers" inside Metadata.maintainers
    std::string field(std::string_view name) const {
      return path.empty() ? std::string(name) : path + "." + std::string(name);
    }
  };

  // Checks that a top-level document can fill a struct of Go type `go_type` ("chart.Metadata"):
  // null and objects can; anything else records "cannot unmarshal X into Go value of type T".
  bool top_level_object(const Value& doc, std::string_view go_type);

  // The object's entries matched to `fields` (JSON names): exact match first, else ASCII
  // case-insensitive, in key order, so that a later key for the same field wins as in Go.
  // Returns (field name, value) pairs; unknown keys are dropped.
  static std::vector<std::pair<std::string, Value>> match_fields(
      const Value& object, const std::vector<std::string_view>& fields);

  void string_field(const Value& v, std::string& out, const Scope& scope, std::string_view name);
  void bool_field(const Value& v, bool& out, const Scope& scope, std::string_view name);
  void string_list(const Value& v, std::vector<std::string>& out, const Scope& scope,
                   std::string_view name);
  void string_map(const Value& v, std::map<std::string, std::string>& out, const Scope& scope,
                  std::string_view name);

  // Records an UnmarshalTypeError for value `v` into a field of Go type `go_type`.
  void type_error(const Value& v, std::string_view go_type, const Scope& scope,
                  std::string_view name);

  // The first error as encoding/json returns it ("json: cannot unmarshal ..."), if any.
  const std::optional<std::string>& error() const { return error_; }

  // The JSON kind Go names in errors: "string", "number", "bool", "array", "object".
  static std::string_view json_kind(const Value& v);

  // sigs.k8s.io/yaml's conversion of a scalar for a string field: integers in decimal, floats
  // as strconv.FormatFloat(f, 'g', -1, 32), booleans as true/false. nullopt for non-scalars.
  static std::optional<std::string> scalar_string(const Value& v);

 private:
  std::optional<std::string> error_;
};

}  // namespace capstan::chart
