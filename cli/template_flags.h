// The chart-rendering flags of `capstan template` beyond the value flags: --output-dir,
// --release-name, --skip-schema-validation, --skip-crds (accepted; CRDs are only printed with
// --include-crds) and --deterministic (the oracle's stand-ins for random and clock functions).
#pragma once

#include <CLI/App.hpp>

#include "chart/template_command.h"

namespace capstan::cli {

inline void add_template_chart_flags(CLI::App* cmd, chart::TemplateOptions& o) {
  cmd->add_option("--output-dir", o.output_dir,
                  "writes the executed templates to files in output-dir instead of stdout");
  cmd->add_flag("--release-name", o.use_release_name, "use release name in the output-dir path.");
  cmd->add_flag("--skip-schema-validation", o.skip_schema_validation,
                "if set, disables JSON schema validation");
  cmd->add_flag("--skip-crds", o.skip_crds, "if set, no CRDs will be installed. By default, CRDs are installed if "
                               "not already present");
  cmd->add_flag("--deterministic", o.deterministic,
                "replace random and clock functions with fixed stand-ins (as the Helm oracle's "
                "--deterministic)");
}

}  // namespace capstan::cli
