// The validator entry point shared by schema validation and the compiler's metaschema checks
// (jsonschema v6's Schema.validate with its metaschema context). Internal to chart/schema_*.cpp.
#pragma once

#include <functional>
#include <map>
#include <optional>

#include "chart/schema_draft.h"
#include "chart/schema_errors.h"
#include "chart/schema_model.h"

namespace capstan::chart::jsonschema {

// When validating a schema document against a metaschema: the metaschema, the document's
// resources (a subschema with its own $schema is checked against its own dialect), and how to
// get a dialect's metaschema.
struct MetaContext {
  const Schema* meta = nullptr;
  const std::map<JsonPointer, Resource>* resources = nullptr;
  std::function<const Schema*(const Dialect&)> dialect_schema;
};

std::optional<ValidationError> validate_with(const Schema& schema, const Value& v,
                                             const MetaContext* meta);

}  // namespace capstan::chart::jsonschema
