// capstan repo update [REPO...] [--fail-on-repo-update-fail] [--timeout D]
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/chart_repo.h"

namespace capstan::cli {

void add_repo_update_command(CLI::App& app, Context& ctx) {
  CLI::App* group = command_group(app, "repo", "add, list, remove, update, and index chart repositories");
  auto* cmd = group->add_subcommand(
      "update", "update information of available charts locally from chart repositories");
  cmd->alias("up");
  struct Flags {
    repo::RepoUpdateOptions options;
    int timeout_seconds = 120;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("repos", f->options.names);
  cmd->add_flag("--fail-on-repo-update-fail", f->options.fail_on_repo_update_fail,
                "update fails if any of the repository updates fail");
  cmd->add_option("--timeout", f->timeout_seconds,
                  "seconds to wait for the index file download to complete");
  cmd->callback([&ctx, f] {
    f->options.timeout = std::chrono::seconds(f->timeout_seconds);
    repo::repo_update(f->options, repo_settings(ctx));
  });
}

}  // namespace capstan::cli
