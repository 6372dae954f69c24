// capstan scale KIND/NAME | KIND NAME --replicas=N
#include "cli/commands.h"
#include "cli/kubectl.h"

namespace capstan::cli {

void add_scale_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("scale", "set a new size for a deployment or replica set");
  auto o = std::make_shared<orchestrator::kubectl::ScaleOptions>();
  auto replicas = std::make_shared<std::int64_t>(-1);
  cmd->add_option("args", o->args);
  cmd->add_option("--replicas", *replicas, "the new desired number of replicas")->required();
  cmd->add_option("-l,--selector", o->selector, "selector (label query) to filter on");
  cmd->callback([&ctx, o, replicas] {
    if (*replicas < 0) {
      throw Error(ErrorKind::BadRequest, "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    }
    o->replicas = *replicas;
    o->ns = ctx.ns();
    emit(ctx, orchestrator::kubectl::scale(ctx.client(), *o));
  });
}

}  // namespace capstan::cli
