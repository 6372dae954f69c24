// Helm's values coalescing (pkg/chartutil/coalesce.go): a chart's defaults (values.yaml, and
// its subcharts' under their names) filled in under the user's values. User values win; maps
// merge; a user null deletes a default (unless merging, as import-values does); `global`
// flows from parent to subcharts. Conflicts are logged with Helm's wording and locations.
//
// Maps are shared references, as in Go; these functions deep-copy where Helm does
// (copystructure) and otherwise update in place exactly where Helm does.
#pragma once

#include "chart/chart.h"
#include "chart/log.h"
#include "core/value.h"

namespace capstan::chart {

// CoalesceValues: a deep copy of `user` with the chart tree's defaults filled in.
Value coalesce_values(const Chart& chart, const Value& user, const Log& log = {});
// MergeValues: as coalesce_values, but nulls are kept (used for import-values).
Value merge_values(const Chart& chart, const Value& user, const Log& log = {});

// CoalesceTables / MergeTables: merges `src` into `dst` in place (dst wins) and returns dst;
// a null dst returns src. Nulls in dst delete the key (CoalesceTables only).
Value coalesce_tables(Value dst, Value src, const Log& log = {});
Value merge_tables(Value dst, Value src, const Log& log = {});

}  // namespace capstan::chart
