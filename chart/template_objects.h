// The Go values Helm's engine hands to templates, built with templating's object model so that
// fields, methods, printing (%v, %T) and toYaml/toJson behave as in Helm:
//   .Chart         struct { chart.Metadata; IsRoot bool }
//   .Files         engine.files (Get, GetBytes, Glob, Lines, AsConfig, AsSecrets)
//   .Capabilities  *chartutil.Capabilities (KubeVersion, APIVersions.Has, HelmVersion)
//   .Values        chartutil.Values (YAML, AsMap, Table, PathValue), also .Template
#pragma once

#include <vector>

#include "chart/capabilities.h"
#include "chart/chart.h"
#include "core/value.h"

namespace capstan::chart {

Value make_chart_object(const Metadata& metadata, bool is_root);
Value make_files_object(const std::vector<File>& files);
Value make_capabilities_object(const Capabilities& caps);

// A chartutil.Values over a map (an empty map for null).
Value make_values_object(Value map);

// The plain map inside a chartutil.Values (or the value itself when it is not one).
Value values_map(const Value& v);

}  // namespace capstan::chart
