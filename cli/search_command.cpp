// capstan search repo [KEYWORD...] [-r] [-l] [--devel] [--version C] [--max-col-width N]
//                     [--fail-on-no-result] [-o table|json|yaml]
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/search.h"

namespace capstan::cli {

void add_search_command(CLI::App& app, Context& ctx) {
  CLI::App* group = command_group(app, "search", "search for a keyword in charts");
  auto* cmd = group->add_subcommand("repo", "search repositories for a keyword in charts");
  struct Flags {
    repo::SearchOptions options;
    std::string output = "table";
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("keyword", f->options.terms);
  cmd->add_flag("-r,--regexp", f->options.regexp,
                "use regular expressions for searching repositories you have added");
  cmd->add_flag("-l,--versions", f->options.versions,
                "show the long listing, with each version of each chart on its own line, for "
                "repositories you have added");
  cmd->add_flag("--devel", f->options.devel,
                "use development versions (alpha, beta, and release candidate releases), too. "
                "Equivalent to version '>0.0.0-0'. If --version is set, this is ignored");
  cmd->add_option("--version", f->options.version,
                  "search using semantic versioning constraints on repositories you have added");
  cmd->add_option("--max-col-width", f->options.max_col_width, "maximum column width for output table");
  cmd->add_flag("--fail-on-no-result", f->options.fail_on_no_result,
                "search fails if no results are found");
  cmd->add_option("-o,--output", f->output, "prints the output in the specified format");
  cmd->callback([&ctx, f] {
    f->options.format = repo_output_format(f->output);
    ctx.out << repo::search_repo(f->options, repo_settings(ctx));
  });
}

}  // namespace capstan::cli
