// capstan template [NAME] [CHART] [-f FILE] [--set k=v] [-s PATH] [--include-crds] [--is-upgrade]
//                  [--kube-version V] [-a API] [--skip-tests] [--no-hooks] [-g]
#include "chart/template_command.h"

#include <sys/stat.h>

#include "cli/chart_locator_flags.h"
#include "cli/commands.h"
#include "cli/repo_common.h"
#include "cli/template_flags.h"
#include "cli/value_flags.h"

namespace capstan::cli {

void add_template_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("template", "locally render templates");
  struct Flags {
    std::vector<std::string> args;
    chart::TemplateOptions options;
    bool generate_name = false;
    repo::ChartPathOptions locate;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("args", f->args);
  add_value_flags(cmd, f->options.values);
  add_template_chart_flags(cmd, f->options);
  cmd->add_option("-s,--show-only", f->options.show_only,
                  "only show manifests rendered from the given templates");
  cmd->add_flag("--include-crds", f->options.include_crds, "include CRDs in the templated output");
  cmd->add_flag("--is-upgrade", f->options.is_upgrade,
                "set .Release.IsUpgrade instead of .Release.IsInstall");
  cmd->add_flag("--skip-tests", f->options.skip_tests, "skip tests from templated output");
  cmd->add_flag("--no-hooks", f->options.no_hooks, "prevent hooks from running during install");
  cmd->add_option("--kube-version", f->options.kube_version,
                  "Kubernetes version used for Capabilities.KubeVersion");
  cmd->add_option("-a,--api-versions", f->options.api_versions,
                  "Kubernetes api versions used for Capabilities.APIVersions");
  cmd->add_flag("-g,--generate-name", f->generate_name,
                "generate the name (and omit the NAME parameter)");
  add_chart_locator_flags(cmd, f->locate);
  cmd->callback([&ctx, f] {
    minimum_args(f->args, 1, "capstan template", "capstan template [NAME] [CHART] [flags]");
    if (f->args.size() > 2) {
      std::string extra;
      for (std::size_t i = 2; i < f->args.size(); ++i) extra += (i > 2 ? ", " : "") + f->args[i];
      throw Error(ErrorKind::BadRequest,
                  "expected at most two arguments, unexpected arguments: " + extra);
    }
    if (f->args.size() == 2) {
      f->options.release_name = f->args[0];
      f->options.chart_path = f->args[1];
    } else {
      f->options.chart_path = f->args[0];
      if (f->generate_name) {
        std::string base = f->options.chart_path;
        while (base.size() > 1 && base.back() == '/') base.pop_back();
        if (std::size_t s = base.rfind('/'); s != std::string::npos)
          base = base.substr(s + 1);
        if (base == "." || base.empty())
          base = "chart";
        if (std::size_t dot = base.find('.'); dot != std::string::npos)
          base = base.substr(0, dot);
        f->options.release_name = base + "-" + std::to_string(ctx.clock().now().unix_seconds);
      }
    }
    // A chart that is not a local path comes from a repository, a URL or git first.
    struct stat st {};
    if (::stat(f->options.chart_path.c_str(), &st) != 0 || f->locate.verify ||
        !f->locate.repo_url.empty()) {
      const repo::LocatedChart located =
          repo::locate_chart(f->options.chart_path, f->locate, repo_settings(ctx));
      f->options.chart_path = located.path.string();
    }
    f->options.namespace_ = ctx.ns();
    f->options.engine = ctx.engine_options();
    f->options.log = ctx.chart_log();
    f->options.retain = &ctx.retained;
    ctx.end_without_teardown = true;
    ctx.out << chart::template_command(f->options);
  });
}

}  // namespace capstan::cli
