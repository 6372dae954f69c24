// What Helm's commands print for releases (cmd/helm status.go, history.go, list.go,
// get_values.go): tables, status text, and the JSON/YAML forms of `-o json|yaml`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "release/release.h"

namespace capstan::release {

enum class OutputFormat { Table, Json, Yaml };

// "table", "json" or "yaml"; throws ErrorKind::BadRequest "invalid format type" otherwise.
OutputFormat parse_output_format(std::string_view text);

// Go's json.Encoder.Encode: compact JSON, HTML-escaped, then a newline.
std::string encode_json_line(const Value& value);

// history: REVISION UPDATED STATUS CHART APP VERSION DESCRIPTION, one row per revision in
// the order given (oldest first).
std::string format_history(const std::vector<Release>& revisions, OutputFormat format);

struct ListPrintOptions {
  bool no_headers = false;
  bool short_names = false;  // -q: names only
  std::string time_format;   // --time-format: a Go layout for UPDATED
};
// list: NAME NAMESPACE REVISION UPDATED STATUS CHART APP VERSION.
std::string format_list(const std::vector<Release>& releases, OutputFormat format,
                        const ListPrintOptions& options = {});

struct StatusPrintOptions {
  bool show_description = false;
  bool show_metadata = false;
  bool hide_notes = false;
  // --show-resources: the tables of release.info.resources, as the cluster's printer made them
  // ("==> v1/Service\n...\n\n" per group); printed when the release has resources.
  bool show_resources = false;
  std::string resources_text;
  // --debug: USER-SUPPLIED VALUES, COMPUTED VALUES (given here), hooks and manifest.
  bool debug = false;
  Value computed_values;
};
// status (and the report after install, upgrade): NAME, LAST DEPLOYED, NAMESPACE, STATUS,
// REVISION, TEST SUITE, NOTES. JSON and YAML print the whole release.
std::string format_status(const Release& release, OutputFormat format,
                          const StatusPrintOptions& options = {});

// get values: "USER-SUPPLIED VALUES:" (or "COMPUTED VALUES:" with `all`) then YAML.
std::string format_values(const Value& values, bool all, OutputFormat format);

}  // namespace capstan::release
