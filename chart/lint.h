// `helm lint` (cmd/helm/lint.go, pkg/action/lint.go, pkg/lint): the rules of Helm v3.21.4's
// pkg/lint/rules run over each chart path, with Helm's messages and output:
//
//   ==> Linting mychart
//   [INFO] Chart.yaml: icon is recommended
//   [WARNING] templates/pdb.yaml: policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, ...
//
//   1 chart(s) linted, 0 chart(s) failed
//
// Rules, in Helm's order: Chart.yaml (lint_chartfile.cpp), values.yaml and its schema
// (lint_values.cpp), templates rendered in lint mode, then each manifest's YAML, object name,
// deprecated API, selector and List annotations (lint_templates.cpp), and dependencies
// (lint_dependencies.cpp). Helm v3.21 has no crds/ rule (Helm 4 adds one).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chart/capabilities.h"
#include "chart/log.h"
#include "chart/value_options.h"
#include "core/value.h"

namespace capstan::chart {

namespace lint {

enum class Severity { Unknown = 0, Info = 1, Warning = 2, Error = 3 };

struct Message {
  Severity severity;
  std::string path;  // "Chart.yaml", "templates/x.yaml", the chart directory, or ""
  std::string err;
  // "[SEVERITY] PATH: ERR", as support.Message.Error().
  std::string str() const;
};

// support.Linter: the messages of one chart's run.
struct Linter {
  std::string chart_dir;  // absolute
  std::vector<Message> messages;
  // RunLinterRule: records err (if any) and says whether the rule passed.
  bool run(Severity severity, std::string_view path, const std::optional<std::string>& err);
};

// What a run of the rules needs besides the chart directory.
struct Context {
  Value values;  // the user's values (-f, --set...)
  std::string namespace_ = "default";
  std::optional<KubeVersion> kube_version;  // --kube-version
  bool skip_schema_validation = false;
  Log log;  // Helm's log lines (coalescing warnings, lint-mode [INFO] lines, symlinks)
};

// The rules (pkg/lint/rules). Each appends to linter.messages.
void chartfile(Linter& linter);
void values(Linter& linter, const Context& ctx);
void templates(Linter& linter, const Context& ctx);
void dependencies(Linter& linter, const Context& ctx);

// lint.AllWithKubeVersionAndSchemaValidation over a chart directory.
Linter all(const std::string& chart_dir, const Context& ctx);

// The kubeVersion lint's deprecation check uses when none is given: client-go v0.36's 1.36.
KubeVersion default_lint_kube_version();

}  // namespace lint

struct LintOptions {
  std::vector<std::string> paths;  // empty: "."
  ValueOptions values;
  std::string namespace_ = "default";
  std::string kube_version;  // --kube-version
  bool strict = false;
  bool with_subcharts = false;
  bool quiet = false;
  bool skip_schema_validation = false;
  Log log;
  ValueFileReader read_file = read_value_file;
};

struct LintOutcome {
  std::string output;   // what Helm prints on stdout (the summary line included when it passes)
  std::string summary;  // "N chart(s) linted, M chart(s) failed"
  bool failed = false;  // then Helm exits with "Error: " + summary
};

// The whole command. Throws Error for bad flags and values ("invalid kube version 'x': ...",
// "failed parsing --set data: ...") before anything is linted.
LintOutcome lint_command(const LintOptions& options);

}  // namespace capstan::chart
