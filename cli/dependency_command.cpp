// capstan dependency list [CHART] [--max-col-width N]  (aliases: dep, dependencies; list: ls)
#include "chart/dependency_list.h"
#include "cli/commands.h"
#include "cli/repo_common.h"

namespace capstan::cli {

void add_dependency_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = command_group(app, "dependency", "manage a chart's dependencies",
                                {"dep", "dependencies"});
  auto* list = cmd->add_subcommand("list", "list the dependencies for the given chart");
  list->alias("ls");
  struct Flags {
    std::vector<std::string> args;
    chart::DependencyListOptions options;
  };
  auto f = std::make_shared<Flags>();
  list->add_option("chart", f->args);
  list->add_option("--max-col-width", f->options.max_col_width,
                   "maximum column width for output table");
  list->callback([&ctx, f] {
    maximum_args(f->args, 1, "capstan dependency list", "capstan dependency list CHART [flags]");
    if (!f->args.empty())
      f->options.chart_path = f->args[0];
    f->options.log = ctx.chart_log();
    ctx.out << chart::dependency_list(f->options);
  });
}

}  // namespace capstan::cli
