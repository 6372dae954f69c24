// Locating and loading charts for install and upgrade.
#include "cli/chart_source.h"

#include <sys/stat.h>

#include "chart/dependencies.h"
#include "chart/loader.h"
#include "cli/context.h"
#include "core/error.h"

namespace capstan::cli {

namespace {

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  const std::size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

LoadedChart load_chart(const std::string& path_arg, const chart::ValueOptions& values,
                       const chart::Log& log, const repo::ChartPathOptions& locate,
                       const repo::Settings* settings) {
  std::string path = trim(path_arg);
  LoadedChart out;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || locate.verify || !locate.repo_url.empty()) {
    repo::Settings defaults = repo::Settings::under(Context::home());
    const repo::LocatedChart located =
        repo::locate_chart(path, locate, settings != nullptr ? *settings : defaults);
    if (!located.source_url.empty())
      path = located.path.string();
    out.source_url = located.source_url;
    out.git_commit = located.git_commit;
  }
  out.values = chart::merge_user_values(values);
  chart::LoadOptions options;
  options.log = log;
  out.chart = chart::load(path, options);
  const std::string& type = out.chart->metadata.type;
  if (!type.empty() && type != "application") {
    throw Error(ErrorKind::Chart, type + " charts are not installable");
  }
  if (out.chart->metadata.deprecated) chart::log_to(log, "", "WARNING: This chart is deprecated");
  if (out.chart->metadata.has_dependencies) {
    try {
      chart::check_dependencies(*out.chart);
    } catch (const Error& e) {
      throw Error(e.kind(),
                  "An error occurred while checking for chart dependencies. You may need to run "
                  "`helm dependency build` to fetch missing dependencies: " +
                      std::string(e.what()));
    }
  }
  return out;
}

}  // namespace capstan::cli
