// capstan uninstall RELEASE_NAME... [--keep-history] [--dry-run] [--no-hooks]
//                   [--ignore-not-found] [--description TEXT]
#include "cli/commands.h"
#include "release/uninstall.h"

namespace capstan::cli {

void add_uninstall_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("uninstall", "uninstall a release");
  cmd->alias("del");
  cmd->alias("un");
  struct Flags {
    std::vector<std::string> args;
    release::UninstallOptions options;
    std::string cascade = "background";
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("args", f->args);
  cmd->add_flag("--dry-run", f->options.dry_run, "simulate a uninstall");
  cmd->add_flag("--no-hooks", f->options.disable_hooks,
                "prevent hooks from running during uninstallation");
  cmd->add_flag("--ignore-not-found", f->options.ignore_not_found,
                "Treat \"release not found\" as a successful uninstall");
  cmd->add_flag("--keep-history", f->options.keep_history,
                "remove all associated resources and mark the release as deleted, but retain "
                "the release history");
  cmd->add_option("--cascade", f->cascade,
                  "Must be \"background\", \"orphan\", or \"foreground\"");
  cmd->add_option("--description", f->options.description, "add a custom description");
  cmd->callback([&ctx, f] {
    if (f->cascade != "background" && f->cascade != "foreground" && f->cascade != "orphan") {
      throw Error(ErrorKind::BadRequest, "invalid cascade value (" + f->cascade +
                                             "). Must be \"background\", \"foreground\", or "
                                             "\"orphan\"");
    }
    f->options.cascade = f->cascade == "orphan"       ? release::Propagation::Orphan
                         : f->cascade == "foreground" ? release::Propagation::Foreground
                                                      : release::Propagation::Background;
    minimum_args(f->args, 1, "capstan uninstall",
                 "capstan uninstall RELEASE_NAME [...] [flags]");
    auto& cfg = ctx.releases(ctx.ns());
    for (const std::string& name : f->args) {
      const release::UninstallResult res = release::uninstall(cfg, name, f->options);
      if (!res.info.empty()) ctx.out << res.info << "\n";
      ctx.out << "release \"" << name << "\" uninstalled\n";
    }
  });
}

}  // namespace capstan::cli
