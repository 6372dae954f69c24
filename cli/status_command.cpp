// capstan status RELEASE_NAME [--revision N] [--show-desc] [-o table|json|yaml]
#include "cli/commands.h"
#include "release/printers.h"
#include "release/query.h"

namespace capstan::cli {

void add_status_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("status", "display the status of the named release");
  struct Flags {
    std::vector<std::string> args;
    int revision = 0;
    bool show_desc = false;
    std::string output = "table";
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("args", f->args);
  cmd->add_option("--revision", f->revision,
                  "if set, display the status of the named release with revision");
  cmd->add_flag("--show-desc", f->show_desc,
                "if set, display the description message of the named release");
  cmd->add_option("-o,--output", f->output, "prints the output in the specified format");
  cmd->callback([&ctx, f] {
    exact_args(f->args, 1, "capstan status", "capstan status RELEASE_NAME [flags]");
    const release::OutputFormat format = output_format(f->output);
    auto& cfg = ctx.releases(ctx.ns());
    release::Release r = release::release_content(cfg.releases, f->args[0], f->revision);
    r.chart = Value();  // Helm strips the chart from status output
    release::StatusPrintOptions options;
    options.show_description = f->show_desc;
    ctx.out << release::format_status(r, format, options);
  });
}

}  // namespace capstan::cli
