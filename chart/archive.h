// Chart archives (.tgz): gzip + tar as Helm's loader reads them (pkg/chart/loader/archive.go),
// with its defences: the first path component is dropped, absolute paths, ".." and Windows
// drive names are refused, Chart.yaml must sit in the base directory, and decompressed sizes
// are bounded (100 MiB per chart, 5 MiB per file: CVE-2025-32386). Beyond Helm: links leaving
// the chart, device files, named pipes and duplicate names are refused (see archive.cpp).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "chart/chart.h"
#include "chart/loader.h"

namespace capstan::chart {

// The archive's files, named relative to the chart root (Helm's LoadArchiveFiles).
std::vector<File> load_archive_files(std::string_view gzipped_tar);

// load_files(load_archive_files(...)).
std::shared_ptr<Chart> load_archive(std::string_view gzipped_tar, const LoadOptions& options = {});

}  // namespace capstan::chart
