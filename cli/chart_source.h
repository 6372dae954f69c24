// Finding and loading the chart a command names, with the checks Helm's install and upgrade
// make first (LocateChart, MergeValues, loader.Load, checkIfInstallable, CheckDependencies),
// in Helm's order.
#pragma once

#include <memory>
#include <string>

#include "chart/chart.h"
#include "chart/log.h"
#include "chart/value_options.h"

namespace capstan::cli {

struct LoadedChart {
  std::shared_ptr<chart::Chart> chart;
  Value values;  // the user-supplied values
};

LoadedChart load_chart(const std::string& path, const chart::ValueOptions& values,
                       const chart::Log& log);

}  // namespace capstan::cli
