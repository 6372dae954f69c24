// A release's JSON, as Go's encoding/json writes Helm's release structs: struct fields in
// declaration order with their omitempty rules, maps with sorted keys, []byte as base64.
// This is the payload of a storage record and the `-o json` output of status.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"
#include "release/release.h"

namespace capstan::release {

// json.Marshal(release).
std::string encode_release_json(const Release& release);

// json.Unmarshal into a Release (numbers in config and values become float64, as in Go).
// Malformed JSON throws ErrorKind::Parse with encoding/json's wording.
Release decode_release_json(std::string_view text);

// json.Marshal(chart) for a chart held as a Value ({metadata, lock, templates, values,
// schema, files}).
void encode_chart_json(std::string& out, const Value& chart);

// json.Marshal([]*chart.Dependency) for a list of dependencies held as Values.
std::string encode_dependencies_json(const Value& dependencies);

// The release as the plain Value its JSON decodes to (for `-o yaml`, which Helm produces
// with sigs.k8s.io/yaml from the same JSON).
Value release_as_value(const Release& release);

}  // namespace capstan::release
