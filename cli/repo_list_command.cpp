// capstan repo list [-o table|json|yaml]
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/chart_repo.h"

namespace capstan::cli {

void add_repo_list_command(CLI::App& app, Context& ctx) {
  CLI::App* group = command_group(app, "repo", "add, list, remove, update, and index chart repositories");
  auto* cmd = group->add_subcommand("list", "list chart repositories");
  cmd->alias("ls");
  auto output = std::make_shared<std::string>("table");
  auto args = std::make_shared<std::vector<std::string>>();
  cmd->add_option("args", *args);
  cmd->add_option("-o,--output", *output, "prints the output in the specified format");
  cmd->callback([&ctx, output, args] {
    exact_args(*args, 0, "capstan repo list", "capstan repo list [flags]");
    ctx.out << repo::repo_list(repo_settings(ctx), repo_output_format(*output));
  });
}

}  // namespace capstan::cli
