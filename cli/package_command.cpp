// capstan package [CHART_PATH] [...] [--version V] [--app-version V] [-d DIR] [-u]
#include "chart/package.h"
#include "cli/commands.h"

namespace capstan::cli {

void add_package_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("package", "package a chart directory into a chart archive");
  struct Flags {
    std::vector<std::string> args;
    chart::PackageOptions options;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("chart", f->args);
  cmd->add_option("--version", f->options.version,
                  "set the version on the chart to this semver version");
  cmd->add_option("--app-version", f->options.app_version,
                  "set the appVersion on the chart to this version");
  cmd->add_option("-d,--destination", f->options.destination, "location to write the chart.");
  cmd->add_flag("-u,--dependency-update", f->options.dependency_update,
                "update dependencies from \"Chart.yaml\" to dir \"charts/\" before packaging");
  cmd->callback([&ctx, f] {
    if (f->args.empty())
      throw Error(ErrorKind::BadRequest, "need at least one argument, the path to the chart");
    f->options.log = ctx.chart_log();
    for (const std::string& path : f->args) {
      chart::PackageOptions o = f->options;
      o.chart_path = path;
      ctx.out << "Successfully packaged chart and saved it to: " << chart::package_chart(o) << "\n";
    }
  });
}

}  // namespace capstan::cli
