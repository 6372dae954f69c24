// `helm show chart|values|readme|crds|all` for a local chart (pkg/action/show.go): Chart.yaml as
// sigs.k8s.io/yaml re-serializes the loaded metadata, values.yaml exactly as written, the first
// top-level README (readme.md, readme.txt or readme, any case), and the crds/ files of the
// chart and its subcharts; `all` joins the parts present with "---" lines.
#pragma once

#include <string>
#include <string_view>

#include "chart/chart.h"
#include "chart/log.h"

namespace capstan::chart {

enum class ShowFormat { All, Chart, Values, Readme, Crds };

// Show.Run over a loaded chart.
std::string show(const Chart& chart, ShowFormat format);

// What `helm show FORMAT PATH` prints: locates and loads the chart, then show().
std::string show_command(std::string_view path, ShowFormat format, const Log& log = {});

}  // namespace capstan::chart
