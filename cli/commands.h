// The capstan command tree: one register function per command (each in its own file).
#pragma once

#include <CLI/App.hpp>

#include "cli/context.h"
#include "core/error.h"

namespace capstan::cli {

// Helm verbs.
void add_template_command(CLI::App& app, Context& ctx);
void add_install_command(CLI::App& app, Context& ctx);
void add_upgrade_command(CLI::App& app, Context& ctx);
void add_rollback_command(CLI::App& app, Context& ctx);
void add_uninstall_command(CLI::App& app, Context& ctx);
void add_history_command(CLI::App& app, Context& ctx);
void add_status_command(CLI::App& app, Context& ctx);
void add_list_command(CLI::App& app, Context& ctx);
void add_version_command(CLI::App& app, Context& ctx);
// Chart verbs (chart/).
void add_show_command(CLI::App& app, Context& ctx);
void add_dependency_command(CLI::App& app, Context& ctx);
void add_package_command(CLI::App& app, Context& ctx);
void add_create_command(CLI::App& app, Context& ctx);
void add_lint_command(CLI::App& app, Context& ctx);
// `get values|manifest|notes RELEASE` (Helm) and `get KIND[,KIND] [NAME]` (kubectl).
void add_get_command(CLI::App& app, Context& ctx);
// kubectl verbs for the embedded cluster.
void add_describe_command(CLI::App& app, Context& ctx);
void add_apply_command(CLI::App& app, Context& ctx);
void add_delete_command(CLI::App& app, Context& ctx);
void add_scale_command(CLI::App& app, Context& ctx);
void add_rollout_command(CLI::App& app, Context& ctx);
// Chart repositories (repo/): `repo` subcommands, search, pull, push, dependency, verify.
void add_repo_index_command(CLI::App& app, Context& ctx);
void add_repo_add_command(CLI::App& app, Context& ctx);
void add_repo_list_command(CLI::App& app, Context& ctx);
void add_repo_update_command(CLI::App& app, Context& ctx);
void add_repo_remove_command(CLI::App& app, Context& ctx);
void add_repo_serve_command(CLI::App& app, Context& ctx);
void add_search_command(CLI::App& app, Context& ctx);
void add_pull_command(CLI::App& app, Context& ctx);
void add_push_command(CLI::App& app, Context& ctx);
void add_dependency_update_command(CLI::App& app, Context& ctx);
void add_dependency_build_command(CLI::App& app, Context& ctx);
void add_verify_command(CLI::App& app, Context& ctx);

// Parses argv and runs the command; returns the process exit code. Errors are printed as
// "Error: <message>" on the error stream with exit code 1.
int run(Context& ctx, int argc, const char* const* argv);

}  // namespace capstan::cli
