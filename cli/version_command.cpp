// capstan version [--short]
#include "cli/commands.h"

namespace capstan::cli {

inline constexpr const char* kVersion = "v0.1.0";
inline constexpr const char* kHelmVersion = "v3.21.4";

void add_version_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("version", "print the client version information");
  auto short_form = std::make_shared<bool>(false);
  cmd->add_flag("--short", *short_form, "print the version number");
  cmd->callback([&ctx, short_form] {
    if (*short_form) {
      ctx.out << kVersion << "\n";
      return;
    }
    ctx.out << "version.BuildInfo{Version:\"" << kVersion << "\", HelmCompatible:\""
            << kHelmVersion << "\"}\n";
  });
}

}  // namespace capstan::cli
