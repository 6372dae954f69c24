// capstan rollout status|history|undo deployment/NAME | deployment NAME
//                 [--revision N] [--to-revision N]
#include "cli/commands.h"
#include "cli/kubectl.h"

namespace capstan::cli {

namespace {

using Fn = orchestrator::kubectl::Output (*)(orchestrator::Client&,
                                               const orchestrator::kubectl::RolloutOptions&);

void add_verb(CLI::App* parent, Context& ctx, const std::string& verb, const std::string& help,
              Fn fn, const std::string& revision_flag) {
  auto* cmd = parent->add_subcommand(verb, help);
  struct Flags {
    std::vector<std::string> args;
    orchestrator::kubectl::RolloutOptions options;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("args", f->args);
  if (!revision_flag.empty()) {
    cmd->add_option(revision_flag, f->options.revision, "the revision");
  }
  cmd->callback([&ctx, f, fn, verb] {
    minimum_args(f->args, 1, "capstan rollout " + verb,
                 "capstan rollout " + verb + " (TYPE NAME | TYPE/NAME) [flags]");
    maximum_args(f->args, 2, "capstan rollout " + verb,
                 "capstan rollout " + verb + " (TYPE NAME | TYPE/NAME) [flags]");
    f->options.resource = f->args[0];
    if (f->args.size() > 1) f->options.name = f->args[1];
    f->options.ns = ctx.ns();
    emit(ctx, fn(ctx.client(), f->options));
  });
}

}  // namespace

void add_rollout_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("rollout", "manage the rollout of a resource");
  cmd->require_subcommand(1);
  add_verb(cmd, ctx, "status", "show the status of the rollout",
           &orchestrator::kubectl::rollout_status, "--revision");
  add_verb(cmd, ctx, "history", "view rollout history", &orchestrator::kubectl::rollout_history,
           "--revision");
  add_verb(cmd, ctx, "undo", "undo a previous rollout", &orchestrator::kubectl::rollout_undo,
           "--to-revision");
}

}  // namespace capstan::cli
