// Chart.yaml dependencies as Helm processes them before rendering (pkg/chartutil/
// dependencies.go, ProcessDependenciesWithMerge): aliases copy a subchart under another
// name, `condition` paths and `tags` disable subcharts, and import-values copy values from a
// child into its parent. Also the check `helm install/template` makes first: every declared
// dependency must be present under charts/.
#pragma once

#include <string>
#include <string_view>

#include "chart/chart.h"
#include "chart/log.h"
#include "core/value.h"

namespace capstan::chart {

// action.CheckDependencies: throws Error "found in Chart.yaml, but missing in charts/
// directory: a, b" (callers add Helm's context).
void check_dependencies(const Chart& chart);

// ProcessDependenciesWithMerge: changes the chart tree in place (drops disabled subcharts,
// renames aliases, rewrites import-values and the parents' default values).
void process_dependencies(Chart& chart, const Value& user_values, const Log& log = {});

// chartutil.IsCompatibleRange: whether `version` satisfies the SemVer constraint.
bool is_compatible_range(std::string_view constraint, std::string_view version);

}  // namespace capstan::chart
