// A chart as a release record stores it (Helm's chart.Chart JSON: metadata, lock, templates,
// values, schema, files — the root chart only; subcharts are not serialised, as in Helm), and
// back again far enough to coalesce stored values (--reuse-values, get values --all).
#pragma once

#include <memory>

#include "chart/chart.h"
#include "core/value.h"

namespace capstan::release {

Value chart_record(const chart::Chart& chart);

// A chart with the record's metadata, templates, values and files (no subcharts).
std::shared_ptr<chart::Chart> chart_from_record(const Value& record);

// chartutil.CoalesceValues over a stored chart: its values under the user's.
Value coalesce_record_values(const Value& record, const Value& user_values);

}  // namespace capstan::release
