// Loading a chart as Helm's pkg/chart/loader does: a directory (honouring .helmignore) or a
// list of named files (what an archive unpacks to), sorted into Chart.yaml, values.yaml,
// templates/, charts/ (subcharts, loaded recursively) and other files.
//
// Deliberate differences from Helm: a symbolic link that resolves outside the chart directory
// is an error unless LoadOptions::follow_external_symlinks is set (Helm follows it and logs,
// which let charts read /etc/passwd: CVE-2019-18658), and a directory's files may not sum to
// more than 100 MiB (Helm's archive limit; Helm bounds only each file of a directory).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "chart/chart.h"
#include "chart/log.h"

namespace capstan::chart {

inline constexpr std::size_t kMaxChartSize = 100 * 1024 * 1024;  // decompressed archive
inline constexpr std::size_t kMaxFileSize = 5 * 1024 * 1024;     // one file

struct LoadOptions {
  Log log;  // Helm's log lines ("walk.go:75: found symbolic link in path: ...")
  bool follow_external_symlinks = false;
  // The sum of a directory's files (Helm bounds only archives; see loader.cpp).
  std::size_t max_chart_size = kMaxChartSize;
};

// A directory or a .tgz archive. Throws capstan::Error worded as Helm's errors ("Chart.yaml file
// is missing", "validation: chart.metadata.name is required", "cannot load values.yaml: ...").
std::shared_ptr<Chart> load(const std::filesystem::path& path, const LoadOptions& options = {});

// A chart directory.
std::shared_ptr<Chart> load_dir(const std::filesystem::path& dir, const LoadOptions& options = {});

// Files named relative to the chart root (Helm's LoadFiles), e.g. an unpacked archive.
std::shared_ptr<Chart> load_files(const std::vector<File>& files, const LoadOptions& options = {});

}  // namespace capstan::chart
