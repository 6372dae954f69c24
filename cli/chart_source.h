// Finding and loading the chart a command names, with the checks Helm's install and upgrade
// make first (LocateChart, MergeValues, loader.Load, checkIfInstallable, CheckDependencies),
// in Helm's order.
#pragma once

#include <memory>
#include <string>

#include "chart/chart.h"
#include "chart/log.h"
#include "chart/value_options.h"
#include "repo/downloader.h"
#include "repo/settings.h"

namespace capstan::cli {

struct LoadedChart {
  std::shared_ptr<chart::Chart> chart;
  Value values;  // the user-supplied values
  // Where the chart came from when it was not a local path (repo/chart, a URL, git+):
  // the URL fetched and, for git, the commit it resolved to (for the release's metadata).
  std::string source_url;
  std::string git_commit;
};

// LocateChart (a local path, repo/chart, a chart URL, --repo, a git+ URL; --verify), then
// loading and Helm's checks.
LoadedChart load_chart(const std::string& path, const chart::ValueOptions& values,
                       const chart::Log& log, const repo::ChartPathOptions& locate = {},
                       const repo::Settings* settings = nullptr);

}  // namespace capstan::cli
