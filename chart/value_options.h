// The user's values as Helm's pkg/cli/values.Options.MergeValues builds them from the command
// line: each -f file in order (maps merge, anything else replaces), then every --set-json,
// --set, --set-string, --set-file and --set-literal argument, kind by kind (not in
// command-line order), through the strvals grammar.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace capstan::chart {

struct ValueOptions {
  std::vector<std::string> value_files;     // -f/--values ("-" reads standard input)
  std::vector<std::string> values;          // --set
  std::vector<std::string> string_values;   // --set-string
  std::vector<std::string> file_values;     // --set-file
  std::vector<std::string> json_values;     // --set-json
  std::vector<std::string> literal_values;  // --set-literal
};

// Reads a values file or a --set-file file; throws Error worded as Go's os errors.
using ValueFileReader = std::function<std::string(const std::string& path)>;

// The default reader: the file system, and standard input for "-".
std::string read_value_file(const std::string& path);

// MergeValues. Errors read as Helm's: "failed to parse staging.yaml: error converting YAML to
// JSON: yaml: line 3: ...", "failed parsing --set data: key \"a\" has no value",
// "failed parsing --set-json data a=[", "open missing.yaml: no such file or directory".
Value merge_user_values(const ValueOptions& options, const ValueFileReader& read = read_value_file);

// chartutil.ReadValues / yaml.Unmarshal into map[string]interface{}: numbers are float64, an
// empty document is an empty map. Errors read as sigs.k8s.io/yaml's ("error converting YAML to
// JSON: yaml: line 2: ...", "error unmarshaling JSON: while decoding JSON: json: cannot
// unmarshal array into Go value of type map[string]interface {}").
Value read_values(std::string_view yaml_text);

// Helm's mergeMaps: b over a; nested maps merge, anything else in b replaces.
Value merge_maps(const Value& a, const Value& b);

}  // namespace capstan::chart
