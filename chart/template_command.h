// `helm template` as a library call: what the command prints on stdout, byte for byte, for a
// local chart (directory or .tgz). cli/ turns flags into TemplateOptions and prints the result;
// errors are capstan::Error whose message is what Helm prints after "Error: ", and Helm's log
// lines (coalescing warnings, "WARNING: This chart is deprecated") go to TemplateOptions::log
// in the order Helm prints them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chart/log.h"
#include "chart/value_options.h"
#include "core/retain.h"
#include "templating/engine.h"

namespace capstan::chart {

struct TemplateOptions {
  std::string release_name = "release-name";  // cli resolves --name-template / --generate-name
  std::string chart_path;
  ValueOptions values;
  std::string namespace_ = "default";     // -n
  std::string kube_version;               // --kube-version ("" = v1.36.0)
  std::vector<std::string> api_versions;  // -a/--api-versions (added to the defaults)
  std::vector<std::string> show_only;     // -s/--show-only
  bool include_crds = false;
  bool is_upgrade = false;
  bool skip_tests = false;
  bool no_hooks = false;
  bool skip_schema_validation = false;  // --skip-schema-validation
  bool skip_crds = false;  // --skip-crds: accepted; CRDs are printed only with --include-crds
  // --output-dir: each manifest is written to DIR/<its source path> (appended to when several
  // come from one file) and stdout only lists the files; --release-name puts them under
  // DIR/RELEASE/ instead (CRDs stay under DIR, as in Helm).
  std::string output_dir;
  bool use_release_name = false;
  // The oracle's --deterministic stand-ins (OR-ed into engine.deterministic, which a caller
  // may set wholesale from its own defaults).
  bool deterministic = false;
  templating::EngineOptions engine;
  Log log;
  ValueFileReader read_file = read_value_file;
  // Keeps the loaded chart and its rendering rather than freeing them (see core/retain.h).
  Retain* retain = nullptr;
};

// stdout of `helm template NAME CHART [flags]`.
std::string template_command(const TemplateOptions& options);

// The coalesced .Values after dependency processing, as sigs.k8s.io/yaml prints them (the
// oracle's `values` command; `helm template --show-values` has no Helm equivalent).
std::string values_command(const TemplateOptions& options);

// The engine's output for every rendered template path, NOTES.txt included, before manifests
// are split and sorted (the oracle's `render` command).
std::map<std::string, std::string> render_command(const TemplateOptions& options);

// --name-template: the text executed as a Go template with Sprig's functions and no data.
// Errors are Go's own ("template: name-template:1: function \"x\" not defined").
std::string render_name_template(std::string_view text);

// chartutil.ValidateReleaseName: throws Error "release name \"X\": invalid release name, must
// match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length
// must not be longer than 53" (or "... no name provided").
void validate_release_name(const std::string& name);

}  // namespace capstan::chart
