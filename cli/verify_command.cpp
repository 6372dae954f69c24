// capstan verify CHART.tgz [--keyring K]
#include "cli/commands.h"
#include "repo/provenance.h"

namespace capstan::cli {

void add_verify_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("verify", "verify that a chart at the given path has been signed and is valid");
  auto args = std::make_shared<std::vector<std::string>>();
  auto keyring = std::make_shared<std::string>();
  cmd->add_option("path", *args);
  cmd->add_option("--keyring", *keyring, "keyring containing public keys (default: the GnuPG home)");
  cmd->callback([&ctx, args, keyring] {
    exact_args(*args, 1, "capstan verify", "capstan verify PATH [flags]");
    ctx.out << repo::format_verification(repo::verify_chart((*args)[0], *keyring));
  });
}

}  // namespace capstan::cli
