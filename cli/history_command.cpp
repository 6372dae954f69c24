// capstan history RELEASE_NAME [--max N] [-o table|json|yaml]
#include "cli/commands.h"
#include "release/printers.h"
#include "release/query.h"

namespace capstan::cli {

void add_history_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("history", "fetch release history")->alias("hist");
  auto args = std::make_shared<std::vector<std::string>>();
  auto max = std::make_shared<int>(256);
  auto output = std::make_shared<std::string>("table");
  cmd->add_option("args", *args);
  cmd->add_option("--max", *max, "maximum number of revision to include in history");
  cmd->add_option("-o,--output", *output, "prints the output in the specified format");
  cmd->callback([&ctx, args, max, output] {
    exact_args(*args, 1, "capstan history", "capstan history RELEASE_NAME [flags]");
    const release::OutputFormat format = output_format(*output);
    auto& cfg = ctx.releases(ctx.ns());
    ctx.out << release::format_history(release::history(cfg.releases, (*args)[0], *max), format);
  });
}

}  // namespace capstan::cli
