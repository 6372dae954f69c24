// capstan apply -f FILE... [--record]
#include "cli/commands.h"
#include "cli/kubectl.h"

namespace capstan::cli {

void add_apply_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("apply", "apply a configuration to a resource by file name");
  struct Flags {
    std::vector<std::string> files;
    bool record = false;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("-f,--filename", f->files, "the files that contain the configurations to apply")
      ->required();
  cmd->add_flag("--record", f->record, "record the command in the change-cause annotation");
  cmd->callback([&ctx, f] {
    orchestrator::kubectl::ApplyOptions options;
    options.ns = ctx.ns();
    if (f->record) {
      // kubectl records its own command line, flags in canonical form.
      options.change_cause = "capstan apply";
      for (const std::string& file : f->files) options.change_cause += " --filename=" + file;
      options.change_cause += " --record=true";
    }
    emit(ctx, orchestrator::kubectl::apply(ctx.client(), read_manifests(f->files), options));
  });
}

}  // namespace capstan::cli
