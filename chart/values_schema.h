// values.schema.json as Helm 3.21 checks it (pkg/chartutil/jsonschema.go): each chart's schema
// (the chart's own, then each subchart's against its part of the values) compiled and applied
// with santhosh-tekuri/jsonschema v6's rules (chart/schema.h), errors collected per chart:
//
//   mychart:
//   - at '/replicaCount': got string, want integer
//
// Deliberate difference: Helm fetches `$ref`s to http(s) and file: URLs; here every reference
// outside the schema document is refused with an error (offline, and no local file reads).
// `urn:` references resolve to a permissive schema with Helm's warning, as Helm does.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "chart/chart.h"
#include "chart/log.h"
#include "core/value.h"

namespace capstan::chart {

// ValidateAgainstSingleSchema: nullopt when `values` satisfies the schema, else the error text
// ("- at '/x': ...\n" for violations; the library's message for a schema that does not
// compile or parse).
std::optional<std::string> validate_against_single_schema(const Value& values,
                                                          std::string_view schema_json,
                                                          const Log& log = {});

// ValidateAgainstSchema over the chart tree: "" when everything validates.
std::string validate_against_schema(const Chart& chart, const Value& values, const Log& log = {});

// What install/template report (ToRenderValuesWithSchemaValidation): throws Error "values
// don't meet the specifications of the schema(s) in the following chart(s):\n..." on failure.
void check_values_schema(const Chart& chart, const Value& values, const Log& log = {});

}  // namespace capstan::chart
