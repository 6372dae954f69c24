// Helm's Go types as templates see them, built from plain data: chartutil.Values (with its
// YAML/Table/AsMap/PathValue methods), engine.files (.Files: Get, GetBytes, Glob, AsConfig,
// AsSecrets, Lines), *chartutil.Capabilities and the .Chart struct. Only the types: which
// values go into them is chart/'s business.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/value.h"

namespace capstan::templating::helm {

// chartutil.Values over a map (Null becomes an empty map). Nested maps stay
// map[string]interface {}, as in Helm.
Value values(Value map);

// engine.files: file name (slash-separated, relative to the chart) to content.
Value files(std::vector<std::pair<std::string, std::string>> files);

struct KubeVersion {
  std::string version = "v1.36.0";
  std::string major = "1";
  std::string minor = "36";
};

struct BuildInfo {
  std::string version = "v3.21.4";
  std::string git_commit = "813176c51bb5c181dbbd7901298ddcc104cd3417";
  std::string git_tree_state = "clean";
  std::string go_version = "go1.26.0";
};

// *chartutil.Capabilities.
Value capabilities(const KubeVersion& kube, std::vector<std::string> api_versions,
                   const BuildInfo& helm = {});

// The .Chart value: struct { chart.Metadata; IsRoot bool }. `metadata` is Chart.yaml as
// decoded (keys spelled as in Chart.yaml: name, version, apiVersion, appVersion, ...).
Value chart(const Value& metadata, bool is_root);

// Helm's gobwas/glob match with '/' as separator (*, **, ?, [..], {a,b}); false for a
// malformed pattern.
bool glob_match(std::string_view pattern, std::string_view name, bool& valid);

}  // namespace capstan::templating::helm
