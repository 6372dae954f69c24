// Shared pieces of the repository commands.
#include "cli/repo_common.h"

#include "release/go_time.h"

namespace capstan::cli {

CLI::App* command_group(CLI::App& app, const std::string& name, const std::string& description,
                        const std::vector<std::string>& aliases) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == name)
      return sub;
  }
  CLI::App* group = app.add_subcommand(name, description);
  for (const auto& a : aliases) group->alias(a);
  group->require_subcommand(1);
  return group;
}

repo::OutputFormat repo_output_format(const std::string& value) {
  switch (output_format(value)) {
    case release::OutputFormat::Json: return repo::OutputFormat::Json;
    case release::OutputFormat::Yaml: return repo::OutputFormat::Yaml;
    default: return repo::OutputFormat::Table;
  }
}

repo::Now repo_now(Context& ctx) {
  return [&ctx] { return release::format_rfc3339_nano(ctx.clock().now()); };
}

repo::Settings repo_settings(Context& ctx) {
  repo::Settings s = repo::Settings::under(Context::home());
  s.now = repo_now(ctx);
  s.log = ctx.chart_log();
  s.out = &ctx.out;
  s.warn = &ctx.err;
  return s;
}

}  // namespace capstan::cli
