// capstan create NAME [-p STARTER]
#include "chart/create.h"
#include "cli/commands.h"

namespace capstan::cli {

void add_create_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("create", "create a new chart with the given name");
  struct Flags {
    std::vector<std::string> args;
    chart::CreateOptions options;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("name", f->args);
  cmd->add_option("-p,--starter", f->options.starter,
                  "the name or absolute path to Helm starter scaffold");
  cmd->callback([&ctx, f] {
    exact_args(f->args, 1, "capstan create", "capstan create NAME [flags]");
    f->options.name = f->args[0];
    f->options.starters_dir = (Context::home() / "starters").string();
    std::string out;
    try {
      chart::create_chart(f->options, out);
    } catch (...) {
      ctx.out << out;
      throw;
    }
    ctx.out << out;
  });
}

}  // namespace capstan::cli
