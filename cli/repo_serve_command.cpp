// capstan repo serve DIR [--port N] [--address A] [--basic-auth-user U --basic-auth-pass P]
//                        [--auth-anonymous-get] [--allow-overwrite] [--disable-force-overwrite]
//                        [--max-upload-size BYTES]
// Prints "Serving DIR at http://ADDRESS:PORT" once it accepts connections (--port 0 picks a
// free port), then serves until it is stopped.
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/server.h"

namespace capstan::cli {

void add_repo_serve_command(CLI::App& app, Context& ctx) {
  CLI::App* group = command_group(app, "repo", "add, list, remove, update, and index chart repositories");
  auto* cmd = group->add_subcommand(
      "serve", "serve a directory of charts as a repository with ChartMuseum's API");
  struct Flags {
    std::vector<std::string> args;
    repo::ServerOptions options;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("dir", f->args);
  cmd->add_option("--port", f->options.port, "port to listen on (0: any free port)");
  cmd->add_option("--address", f->options.address, "address to listen on");
  cmd->add_option("--basic-auth-user", f->options.username, "username for basic HTTP authentication");
  cmd->add_option("--basic-auth-pass", f->options.password, "password for basic HTTP authentication");
  cmd->add_flag("--auth-anonymous-get", f->options.auth_anonymous_get,
                "allow anonymous GET operations when auth is used");
  cmd->add_flag("--allow-overwrite", f->options.allow_overwrite,
                "allow chart versions to be re-uploaded without ?force querystring");
  cmd->add_flag("--disable-force-overwrite", f->options.disable_force_overwrite,
                "do not allow chart versions to be re-uploaded, even with ?force querystring");
  cmd->add_option("--max-upload-size", f->options.max_upload_size, "max size of post body (in bytes)");
  cmd->callback([&ctx, f] {
    exact_args(f->args, 1, "capstan repo serve", "capstan repo serve [DIR] [flags]");
    f->options.dir = f->args[0];
    f->options.now = repo_now(ctx);
    f->options.log = ctx.chart_log();
    repo::RepoServer server(f->options);
    server.bind();
    ctx.out << "Serving " << f->options.dir.string() << " at " << server.url() << std::endl;
    server.serve();
  });
}

}  // namespace capstan::cli
