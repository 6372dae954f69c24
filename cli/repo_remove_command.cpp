// capstan repo remove REPO...
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/chart_repo.h"

namespace capstan::cli {

void add_repo_remove_command(CLI::App& app, Context& ctx) {
  CLI::App* group = command_group(app, "repo", "add, list, remove, update, and index chart repositories");
  auto* cmd = group->add_subcommand("remove", "remove one or more chart repositories");
  cmd->alias("rm");
  auto names = std::make_shared<std::vector<std::string>>();
  cmd->add_option("repos", *names);
  cmd->callback([&ctx, names] {
    minimum_args(*names, 1, "capstan repo remove", "capstan repo remove [REPO1 [REPO2 ...]] [flags]");
    repo::repo_remove(*names, repo_settings(ctx));
  });
}

}  // namespace capstan::cli
