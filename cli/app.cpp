// The root command: global flags, the command tree, and error reporting.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "core/error.h"

namespace capstan::cli {

int run(Context& ctx, int argc, const char* const* argv) {
  CLI::App app{"The Kubernetes package manager, over an embedded cluster", "capstan"};
  app.fallthrough();
  app.add_option("-n,--namespace", ctx.globals.ns, "namespace scope for this request");
  app.add_flag("--debug", ctx.globals.debug, "enable verbose output");
  add_template_command(app, ctx);
  add_install_command(app, ctx);
  add_upgrade_command(app, ctx);
  add_rollback_command(app, ctx);
  add_uninstall_command(app, ctx);
  add_history_command(app, ctx);
  add_status_command(app, ctx);
  add_list_command(app, ctx);
  add_version_command(app, ctx);
  add_show_command(app, ctx);
  add_dependency_command(app, ctx);
  add_package_command(app, ctx);
  add_create_command(app, ctx);
  add_lint_command(app, ctx);
  add_get_command(app, ctx);
  add_describe_command(app, ctx);
  add_apply_command(app, ctx);
  add_delete_command(app, ctx);
  add_scale_command(app, ctx);
  add_rollout_command(app, ctx);
  add_repo_index_command(app, ctx);
  add_repo_add_command(app, ctx);
  add_repo_list_command(app, ctx);
  add_repo_update_command(app, ctx);
  add_repo_remove_command(app, ctx);
  add_repo_serve_command(app, ctx);
  add_search_command(app, ctx);
  add_pull_command(app, ctx);
  add_push_command(app, ctx);
  add_dependency_update_command(app, ctx);
  add_dependency_build_command(app, ctx);
  add_verify_command(app, ctx);
  try {
    try {
      app.parse(argc, argv);
      if (app.get_subcommands().empty()) {
        ctx.out << app.help();
      }
    } catch (...) {
      // A failed command may have written objects; the controllers still act on them. The
      // command's own error is the one to report.
      try {
        ctx.settle_if_opened();
      } catch (...) {
      }
      throw;
    }
    ctx.settle_if_opened();
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, ctx.out, ctx.err);
  } catch (const CLI::ParseError& e) {
    ctx.err << "Error: " << e.what() << "\n";
    return 1;
  } catch (const Error& e) {
    ctx.err << "Error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    ctx.err << "Error: " << e.what() << "\n";
    return 1;
  }
  ctx.out.flush();
  return ctx.exit_code;
}

}  // namespace capstan::cli
