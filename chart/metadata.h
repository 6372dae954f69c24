// Chart.yaml: decoding it into Metadata as Helm's loader does (sigs.k8s.io/yaml into
// chart.Metadata), and Metadata.Validate, which also normalises the strings.
#pragma once

#include <string>

#include "chart/chart.h"
#include "core/value.h"

namespace capstan::chart {

// Fills `into` from a decoded Chart.yaml (or requirements.yaml, which Helm unmarshals into the
// same Metadata). Throws Error(ErrorKind::Chart) with encoding/json's message, prefixed as
// sigs.k8s.io/yaml prefixes it: "error unmarshaling JSON: while decoding JSON: json: ...".
void decode_metadata(const Value& doc, Metadata& into);

// Metadata.Validate: cleans the strings (whitespace becomes ' ', unprintable runes go), then
// checks apiVersion, name (not "." or "..", no path), version (SemVer), type, maintainers and
// dependencies. Throws Error(ErrorKind::Chart) "validation: ...".
void validate_metadata(Metadata& md);

// The metadata as encoding/json writes chart.Metadata (json tags, omitempty), for release
// records and toYaml.
Value metadata_json(const Metadata& md);

// Masterminds/semver's NewVersion acceptance (the lenient parse Helm uses for chart versions:
// "1", "1.2", "v1.2.3", "1.2.3-rc.1+build").
bool is_chart_version(std::string_view version);

}  // namespace capstan::chart
