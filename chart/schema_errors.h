// Validation errors as santhosh-tekuri/jsonschema v6 reports them (kind/kind.go, output.go): a
// tree of errors, each at an instance location with a message in the library's English wording
// ("got string, want integer", "missing property 'x'", "minimum: got 5, want 10,000"), printed as
//   jsonschema validation failed with 'file:///values.schema.json#'
//   - at '/replicas': got string, want integer
//     - at ...            (nested causes, two spaces per level)
#pragma once

#include <string>
#include <vector>

namespace capstan::chart::jsonschema {

struct ValidationError {
  enum class Kind {
    Schema,     // the root: "jsonschema validation failed with 'URL'"
    Group,      // several errors at one place ("validation failed")
    Reference,  // $ref and friends ("validation failed"); hidden when it has one cause
    Other,
  };

  std::string schema_url;
  std::vector<std::string> instance_location;
  Kind kind = Kind::Other;
  std::string message;  // the kind's LocalizedString
  std::vector<ValidationError> causes;

  // ValidationError.Error(): the tree as shown above.
  std::string error() const;
};

// kind.quote: Go's %q with single quotes ("'a\\'b'").
std::string single_quote(std::string_view s);

// "/a/b~1c" from tokens (each "~" and "/" escaped).
std::string json_pointer(const std::vector<std::string>& tokens);

}  // namespace capstan::chart::jsonschema
