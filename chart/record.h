// A chart as Helm stores it in every release record (encoding/json of chart.Chart): metadata,
// lock, templates and files as {name, data} with data as bytes, values and schema. Subcharts are
// not stored (Helm's dependencies field is unexported).
#pragma once

#include "chart/chart.h"
#include "core/value.h"

namespace capstan::chart {

Value chart_record(const Chart& chart);

}  // namespace capstan::chart
