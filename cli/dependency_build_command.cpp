// capstan dependency build CHART [--skip-refresh] [--verify] [--keyring K]
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/dependency.h"

namespace capstan::cli {

void add_dependency_build_command(CLI::App& app, Context& ctx) {
  CLI::App* group = command_group(app, "dependency", "manage a chart's dependencies",
                                  {"dep", "dependencies"});
  auto* cmd = group->add_subcommand(
      "build", "rebuild the charts/ directory based on the Chart.lock file");
  struct Flags {
    std::vector<std::string> args;
    repo::DependencyOptions options;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("chart", f->args);
  cmd->add_flag("--skip-refresh", f->options.skip_refresh,
                "do not refresh the local repository cache");
  cmd->add_flag("--verify", f->options.verify, "verify the packages against signatures");
  cmd->add_option("--keyring", f->options.keyring, "keyring containing public keys");
  cmd->callback([&ctx, f] {
    maximum_args(f->args, 1, "capstan dependency build",
                 "capstan dependency build CHART [flags]");
    f->options.chart_path = f->args.empty() ? "." : f->args[0];
    f->options.debug = ctx.globals.debug;
    repo::dependency_build(f->options, repo_settings(ctx));
  });
}

}  // namespace capstan::cli
