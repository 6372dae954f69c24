// Locating and loading charts for install and upgrade.
#include "cli/chart_source.h"

#include <sys/stat.h>

#include "chart/dependencies.h"
#include "chart/loader.h"
#include "core/error.h"

namespace capstan::cli {

namespace {

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  const std::size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// LocateChart without repositories: a local path, or Helm's errors for what it would have
// looked up remotely.
[[noreturn]] void not_found(const std::string& path) {
  if (!path.empty() && (path[0] == '/' || path[0] == '.')) {
    throw Error(ErrorKind::NotFound, "path \"" + path + "\" not found");
  }
  const std::size_t slash = path.find('/');
  if (slash == std::string::npos) {
    throw Error(ErrorKind::NotFound,
                "non-absolute URLs should be in form of repo_name/path_to_chart, got: " + path);
  }
  throw Error(ErrorKind::NotFound, "repo " + path.substr(0, slash) + " not found");
}

}  // namespace

LoadedChart load_chart(const std::string& path_arg, const chart::ValueOptions& values,
                       const chart::Log& log) {
  const std::string path = trim(path_arg);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) not_found(path);
  LoadedChart out;
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
