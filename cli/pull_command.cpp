// capstan pull CHART... [--version C] [--devel] [--untar] [--untardir D] [-d DIR] [--prov]
//                       [--verify --keyring K] [--repo URL] [auth and TLS flags]
#include "cli/chart_locator_flags.h"
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/pull.h"

namespace capstan::cli {

void add_pull_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("pull", "download a chart from a repository and (optionally) "
                                         "unpack it in local directory");
  cmd->alias("fetch");
  struct Flags {
    std::vector<std::string> args;
    repo::PullOptions options;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("charts", f->args);
  cmd->add_flag("--untar", f->options.untar, "if set to true, will untar the chart after downloading it");
  cmd->add_option("--untardir", f->options.untar_dir,
                  "if untar is specified, this flag specifies the name of the directory into "
                  "which the chart is expanded");
  cmd->add_option("-d,--destination", f->options.dest_dir,
                  "location to write the chart. If this and untardir are specified, untardir is "
                  "appended to this");
  cmd->add_flag("--prov", f->options.prov, "fetch the provenance file, but don't perform verification");
  add_chart_locator_flags(cmd, f->options.chart);
  cmd->callback([&ctx, f] {
    minimum_args(f->args, 1, "capstan pull", "capstan pull [chart URL | repo/chartname] [...] [flags]");
    const repo::Settings s = repo_settings(ctx);
    for (const auto& chart : f->args) ctx.out << repo::pull(chart, f->options, s);
  });
}

}  // namespace capstan::cli
