// Writing a loaded chart as NAME-VERSION.tgz the way Helm's chartutil.Save lays it out
// (Chart.yaml marshalled from the metadata, values.yaml as written, values.schema.json,
// templates, other files, subcharts expanded under charts/NAME/, everything under a top
// directory named after the chart), for the archives repo/ makes itself: file:// dependencies
// in `dependency update` and charts served from git. Entries are sorted and stamped with a
// fixed time, so the same chart gives the same bytes and the same digest.
//
// Not `capstan package`: that command belongs to chart/ (another branch writes it, with
// Helm's exact gzip header and mtimes). When it lands, this should call it.
#pragma once

#include <filesystem>
#include <string>

#include "chart/chart.h"

namespace capstan::repo {

// The archive bytes.
std::string chart_archive(const chart::Chart& chart);

// Writes DIR/NAME-VERSION.tgz (atomically) and returns its path. Throws for a chart whose
// name is not a plain file name (CVE-2024-25620).
std::filesystem::path save_chart_archive(const chart::Chart& chart,
                                         const std::filesystem::path& dir);

}  // namespace capstan::repo
