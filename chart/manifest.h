// Rendered files into Kubernetes documents as Helm's pkg/releaseutil does: SplitManifests
// (its separator regex and quirks), hook detection (the helm.sh/hook annotation), and the
// install-order sort by kind (InstallOrder; unknown kinds last, alphabetically; ties keep
// their order).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chart/log.h"
#include "core/value.h"

namespace capstan::chart {

// The documents of one rendered file, in order: split on Helm's separator regex
// `(?:^|\s*\n)---\s*` after trimming, empty pieces dropped, each trimmed.
std::vector<std::string> split_manifests(std::string_view text);

// One non-hook document.
struct Manifest {
  std::string source;   // "demo/templates/service.yaml"
  std::string content;  // the trimmed document
  std::string api_version;
  std::string kind;
  std::string name;        // metadata.name
  std::string namespace_;  // metadata.namespace when the document sets one
  Value object;            // the document decoded (integers as int64), null when empty
};

// A document carrying a known helm.sh/hook annotation.
struct Hook {
  std::string name;  // metadata.name
  std::string kind;
  std::string path;  // the source file
  std::string manifest;
  std::vector<std::string> events;               // "pre-install", ..., "test"
  std::int64_t weight = 0;                       // helm.sh/hook-weight (0 when not an integer)
  std::vector<std::string> delete_policies;      // helm.sh/hook-delete-policy entries
  std::vector<std::string> output_log_policies;  // helm.sh/hook-output-log-policy entries
  Value object;
};

struct SortedManifests {
  std::vector<Hook> hooks;
  std::vector<Manifest> manifests;
};

// SortManifests: every rendered file (path -> text; partials and blank files skipped), split,
// heads decoded, hooks set apart, both lists in install order. Throws Error "YAML parse error
// on PATH: ..." for a document that is not valid YAML or whose head has the wrong types.
// Unknown hook events are logged ("manifest_sorter.go:199: info: skipping unknown hook: ...").
SortedManifests sort_manifests(const std::map<std::string, std::string>& files,
                               const Log& log = {});

// Helm's InstallOrder.
const std::vector<std::string_view>& install_order();

// Whether kind a goes before kind b in install order.
bool kind_less(std::string_view a, std::string_view b);

}  // namespace capstan::chart
