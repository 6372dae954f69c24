// capstan show all|chart|values|readme|crds CHART  (alias: inspect)
#include "chart/show.h"
#include "cli/commands.h"

namespace capstan::cli {

void add_show_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("show", "show information of a chart");
  cmd->alias("inspect");
  cmd->require_subcommand(1);
  const std::pair<const char*, chart::ShowFormat> formats[] = {
      {"all", chart::ShowFormat::All},
      {"chart", chart::ShowFormat::Chart},
      {"values", chart::ShowFormat::Values},
      {"readme", chart::ShowFormat::Readme},
      {"crds", chart::ShowFormat::Crds}};
  const char* const help[] = {"show all information of the chart", "show the chart's definition",
                              "show the chart's values", "show the chart's README",
                              "show the chart's CRDs"};
  for (std::size_t i = 0; i < 5; ++i) {
    const auto [name, format] = formats[i];
    auto* sub = cmd->add_subcommand(name, help[i]);
    auto args = std::make_shared<std::vector<std::string>>();
    sub->add_option("chart", *args);
    const std::string sub_name = name;
    sub->callback([&ctx, args, sub_name, format = format] {
      exact_args(*args, 1, "capstan show " + sub_name,
                 "capstan show " + sub_name + " [CHART] [flags]");
      ctx.out << chart::show_command((*args)[0], format, ctx.chart_log());
    });
  }
}

}  // namespace capstan::cli
