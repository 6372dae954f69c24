// capstan status RELEASE_NAME [--revision N] [--show-desc] [--show-resources]
//                [-o table|json|yaml]
#include "cli/commands.h"
#include "cli/kubectl.h"
#include "release/get.h"
#include "release/printers.h"
#include "release/query.h"

namespace capstan::cli {

void add_status_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("status", "display the status of the named release");
  struct Flags {
    std::vector<std::string> args;
    int revision = 0;
    bool show_desc = false;
    bool show_resources = false;
    std::string output = "table";
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("args", f->args);
  cmd->add_option("--revision", f->revision,
                  "if set, display the status of the named release with revision");
  cmd->add_flag("--show-desc", f->show_desc,
                "if set, display the description message of the named release");
  cmd->add_flag("--show-resources", f->show_resources,
                "if set, display the resources of the named release");
  cmd->add_option("-o,--output", f->output, "prints the output in the specified format");
  cmd->callback([&ctx, f] {
    exact_args(f->args, 1, "capstan status", "capstan status RELEASE_NAME [flags]");
    const release::OutputFormat format = output_format(f->output);
    auto& cfg = ctx.releases(ctx.ns());
    release::Release r = release::release_content(cfg.releases, f->args[0], f->revision);
    r.chart = Value();  // Helm strips the chart from status output
    release::StatusPrintOptions options;
    options.show_description = f->show_desc;
    if (f->show_resources) {
      r.info.resources = release::release_resources(ctx.cluster(), r);
      options.show_resources = true;
      if (format == release::OutputFormat::Table) {
        std::vector<std::pair<std::string, std::vector<Value>>> groups(r.info.resources.begin(),
                                                                        r.info.resources.end());
        options.resources_text = orchestrator::kubectl::resource_tables(ctx.client(), groups);
      }
    }
    ctx.out << release::format_status(r, format, options);
  });
}

}  // namespace capstan::cli
