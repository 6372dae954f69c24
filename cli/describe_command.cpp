// capstan describe KIND [NAME...] [-l SEL] [-A]
#include "cli/commands.h"
#include "cli/kubectl.h"

namespace capstan::cli {

void add_describe_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("describe", "show details of a specific resource or group of resources");
  auto t = std::make_shared<orchestrator::kubectl::Target>();
  cmd->add_option("args", t->args);
  cmd->add_option("-l,--selector", t->selector, "selector (label query) to filter on");
  cmd->add_flag("-A,--all-namespaces", t->all_namespaces, "across all namespaces");
  cmd->callback([&ctx, t] {
    t->ns = ctx.ns();
    emit(ctx, orchestrator::kubectl::describe(ctx.client(), *t));
  });
}

}  // namespace capstan::cli
