// capstan rollback RELEASE [REVISION] [--dry-run] [--no-hooks] [--history-max N]
#include <charconv>

#include "cli/commands.h"
#include "release/rollback.h"

namespace capstan::cli {

void add_rollback_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("rollback", "roll back a release to a previous revision");
  struct Flags {
    std::vector<std::string> args;
    release::RollbackOptions options;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("args", f->args);
  cmd->add_flag("--dry-run", f->options.dry_run, "simulate a rollback");
  cmd->add_flag("--no-hooks", f->options.disable_hooks,
                "prevent hooks from running during rollback");
  cmd->add_flag("--force", f->options.force,
                "force resource update through delete/recreate if needed");
  cmd->add_flag("--cleanup-on-fail", f->options.cleanup_on_fail,
                "allow deletion of new resources created in this rollback when rollback fails");
  f->options.max_history = default_max_history();
  cmd->add_option("--history-max", f->options.max_history,
                  "limit the maximum number of revisions saved per release. Use 0 for no limit");
  cmd->callback([&ctx, f] {
    minimum_args(f->args, 1, "capstan rollback", "capstan rollback <RELEASE> [REVISION] [flags]");
    if (f->args.size() > 1) {
      const std::string& text = f->args[1];
      int version = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
      if (ec != std::errc() || end != text.data() + text.size()) {
        throw Error(ErrorKind::BadRequest,
                    "could not convert revision to a number: strconv.Atoi: parsing \"" + text +
                        "\": invalid syntax");
      }
      f->options.version = version;
    }
    release::rollback(ctx.releases(ctx.ns()), f->args[0], f->options);
    ctx.out << "Rollback was a success! Happy Helming!\n";
  });
}

}  // namespace capstan::cli
