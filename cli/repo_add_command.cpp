// capstan repo add NAME URL [--username U] [--password P | --password-stdin] [--force-update]
//                  [--cert-file F] [--key-file F] [--ca-file F] [--insecure-skip-tls-verify]
//                  [--pass-credentials] [--allow-deprecated-repos] [--timeout D]
#include <iostream>

#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/chart_repo.h"

namespace capstan::cli {

void add_repo_add_command(CLI::App& app, Context& ctx) {
  CLI::App* group = command_group(app, "repo", "add, list, remove, update, and index chart repositories");
  auto* cmd = group->add_subcommand("add", "add a chart repository");
  struct Flags {
    std::vector<std::string> args;
    repo::RepoAddOptions options;
    bool password_stdin = false;
    bool no_update = false;
    int timeout_seconds = 120;
  };
  auto f = std::make_shared<Flags>();
  repo::Entry& e = f->options.entry;
  cmd->add_option("args", f->args);
  cmd->add_option("--username", e.username, "chart repository username");
  cmd->add_option("--password", e.password, "chart repository password");
  cmd->add_flag("--password-stdin", f->password_stdin, "read chart repository password from stdin");
  cmd->add_flag("--force-update", f->options.force_update,
                "replace (overwrite) the repo if it already exists");
  cmd->add_flag("--no-update", f->no_update,
                "Ignored. Formerly, it would disabled forced updates. It is deprecated by force-update.");
  cmd->add_option("--cert-file", e.cert_file, "identify HTTPS client using this SSL certificate file");
  cmd->add_option("--key-file", e.key_file, "identify HTTPS client using this SSL key file");
  cmd->add_option("--ca-file", e.ca_file, "verify certificates of HTTPS-enabled servers using this CA bundle");
  cmd->add_flag("--insecure-skip-tls-verify", e.insecure_skip_tls_verify,
                "skip tls certificate checks for the repository");
  cmd->add_flag("--allow-deprecated-repos", f->options.allow_deprecated_repos,
                "by default, this command will not allow adding official repos that have been "
                "permanently deleted. This disables that behavior");
  cmd->add_flag("--pass-credentials", e.pass_credentials_all, "pass credentials to all domains");
  cmd->add_option("--timeout", f->timeout_seconds,
                  "seconds to wait for the index file download to complete");
  cmd->callback([&ctx, f] {
    exact_args(f->args, 2, "capstan repo add", "capstan repo add [NAME] [URL] [flags]");
    repo::Entry& entry = f->options.entry;
    entry.name = f->args[0];
    entry.url = f->args[1];
    if (!entry.username.empty() && entry.password.empty()) {
      // Helm reads the password from stdin with --password-stdin, else from the terminal.
      if (!f->password_stdin)
        ctx.out << "Password: ";
      std::string line;
      std::getline(std::cin, line);
      if (!line.empty() && line.back() == '\r')
        line.pop_back();
      entry.password = line;
      if (!f->password_stdin)
        ctx.out << "\n";
    }
    f->options.timeout = std::chrono::seconds(f->timeout_seconds);
    ctx.out << repo::repo_add(f->options, repo_settings(ctx));
  });
}

}  // namespace capstan::cli
