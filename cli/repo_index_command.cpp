// capstan repo index DIR [--url URL] [--merge OLD] [--json]
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/index_dir.h"

namespace capstan::cli {

void add_repo_index_command(CLI::App& app, Context& ctx) {
  CLI::App* group = command_group(app, "repo", "add, list, remove, update, and index chart repositories");
  auto* cmd = group->add_subcommand(
      "index", "generate an index file given a directory containing packaged charts");
  struct Flags {
    std::vector<std::string> args;
    repo::RepoIndexOptions options;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("dir", f->args);
  cmd->add_option("--url", f->options.url, "url of chart repository");
  cmd->add_option("--merge", f->options.merge, "merge the generated index into the given index");
  cmd->add_flag("--json", f->options.json, "output in JSON format");
  cmd->callback([&ctx, f] {
    exact_args(f->args, 1, "capstan repo index", "capstan repo index [DIR] [flags]");
    f->options.dir = f->args[0];
    f->options.now = repo_now(ctx);
    f->options.log = ctx.chart_log();
    repo::repo_index(f->options);
  });
}

}  // namespace capstan::cli
