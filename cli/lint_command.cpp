// capstan lint [PATH...] [--strict] [--with-subcharts] [--quiet] [--kube-version V] [value flags]
#include "chart/lint.h"
#include "cli/commands.h"
#include "cli/value_flags.h"

namespace capstan::cli {

void add_lint_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("lint", "examine a chart for possible issues");
  auto o = std::make_shared<chart::LintOptions>();
  cmd->add_option("path", o->paths);
  cmd->add_flag("--strict", o->strict, "fail on lint warnings");
  cmd->add_flag("--with-subcharts", o->with_subcharts, "lint dependent charts");
  cmd->add_flag("--quiet", o->quiet, "print only warnings and errors");
  cmd->add_flag("--skip-schema-validation", o->skip_schema_validation,
                "if set, disables JSON schema validation");
  cmd->add_option("--kube-version", o->kube_version,
                  "Kubernetes version used for capabilities and deprecation checks");
  add_value_flags(cmd, o->values);
  cmd->callback([&ctx, o] {
    o->namespace_ = ctx.ns();
    o->log = ctx.chart_log();
    const chart::LintOutcome out = chart::lint_command(*o);
    ctx.out << out.output;
    if (out.failed)
      throw Error(ErrorKind::BadRequest, out.summary);
  });
}

}  // namespace capstan::cli
