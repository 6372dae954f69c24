// capstan install [NAME] [CHART] [-f FILE] [--set k=v] [--create-namespace] [--dry-run]
//                 [--replace] [--description TEXT] [-g] [--no-hooks] [-o table|json|yaml]
#include "cli/chart_source.h"
#include "cli/commands.h"
#include "cli/install_flow.h"
#include "cli/value_flags.h"
#include "release/printers.h"

namespace capstan::cli {

void add_install_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("install", "install a chart");
  auto f = std::make_shared<InstallFlags>();
  cmd->add_option("args", f->args);
  add_install_flags(cmd, *f);
  cmd->callback([&ctx, f] {
    minimum_args(f->args, 1, "capstan install", "capstan install [NAME] [CHART] [flags]");
    output_format(f->output);
    try {
      const release::Release r = run_install(ctx, *f, f->args);
      print_release(ctx, r, f->output, f->hide_notes);
    } catch (const Error& e) {
      throw Error(e.kind(), std::string("INSTALLATION FAILED: ") + e.what());
    }
  });
}

}  // namespace capstan::cli
