// Values as Helm's chartutil walks them: dotted paths (Table, PathValue), tables, and the
// `global` key shared by a chart and its subcharts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::chart {

inline constexpr std::string_view kGlobalKey = "global";

// A map[string]interface{} (Helm's istable).
bool is_table(const Value& v);

// Values.Table: the map at a dotted path, or nullopt (Helm's ErrNoTable).
std::optional<Value> table(const Value& values, std::string_view dotted_path);

// Values.PathValue: the non-table value at a dotted path, or nullopt (ErrNoValue).
std::optional<Value> path_value(const Value& values, std::string_view dotted_path);

}  // namespace capstan::chart
