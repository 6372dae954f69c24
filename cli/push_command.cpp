// capstan push CHART.tgz URL|REPO [--username U --password P] [--force] [--context-path P]
//                                 [--cert-file F] [--key-file F] [--ca-file F]
//                                 [--insecure-skip-tls-verify]
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "repo/push.h"

namespace capstan::cli {

void add_push_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "push", "push a chart to a ChartMuseum-compatible repository (capstan repo serve)");
  struct Flags {
    std::vector<std::string> args;
    repo::PushOptions options;
  };
  auto f = std::make_shared<Flags>();
  repo::GetterOptions& h = f->options.http;
  cmd->add_option("args", f->args);
  cmd->add_option("--username", h.username, "chart repository username");
  cmd->add_option("--password", h.password, "chart repository password");
  cmd->add_option("--cert-file", h.cert_file, "identify registry client using this SSL certificate file");
  cmd->add_option("--key-file", h.key_file, "identify registry client using this SSL key file");
  cmd->add_option("--ca-file", h.ca_file, "verify certificates of HTTPS-enabled servers using this CA bundle");
  cmd->add_flag("--insecure-skip-tls-verify", h.insecure_skip_tls_verify,
                "skip tls certificate checks for the chart upload");
  cmd->add_flag("-f,--force", f->options.force, "force upload even if chart version exists");
  cmd->add_option("--context-path", f->options.context_path, "ChartMuseum context path");
  cmd->callback([&ctx, f] {
    exact_args(f->args, 2, "capstan push", "capstan push [chart] [remote] [flags]");
    ctx.out << repo::push_chart(f->args[0], f->args[1], f->options, repo_settings(ctx));
  });
}

}  // namespace capstan::cli
