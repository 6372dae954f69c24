// Where repository state lives and what every repository operation is handed: Helm's
// EnvSettings.RepositoryConfig / RepositoryCache (helmpath), capstan's git checkout cache, the
// clock and the streams for Helm's progress lines and log lines. cli/ fills it from
// $CAPSTAN_HOME; tests point it at a temporary directory.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

#include "chart/log.h"
#include "repo/rfc3339.h"

namespace capstan::repo {

struct Settings {
  std::filesystem::path repository_config;  // repositories.yaml
  std::filesystem::path repository_cache;   // NAME-index.yaml, NAME-charts.txt, downloads
  std::filesystem::path git_cache;          // checkouts by commit (git_source.h)
  Now now = system_now;
  chart::Log log;               // Go log lines ("index.go:371: skipping ...")
  std::ostream* out = nullptr;  // Helm's progress lines; null = discarded
  std::ostream* warn = nullptr; // "WARNING: ..." lines (Helm's stderr); null = discarded

  // Settings rooted at `home`: home/repositories.yaml, home/repository/, home/git/.
  static Settings under(const std::filesystem::path& home);
};

// helmpath.CacheIndexFile / CacheChartsFile.
inline std::string cache_index_file(const std::string& name) { return name + "-index.yaml"; }
inline std::string cache_charts_file(const std::string& name) { return name + "-charts.txt"; }

}  // namespace capstan::repo
