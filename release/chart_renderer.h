// The Renderer for a loaded chart: chart::render_release with .Release set from the action,
// `lookup` answered from the cluster (as Helm does outside dry runs), and the result turned
// into what a release record stores.
#pragma once

#include <memory>

#include "chart/chart.h"
#include "chart/log.h"
#include "release/action.h"
#include "templating/engine.h"

namespace capstan::release {

struct ChartRenderSettings {
  templating::EngineOptions engine;  // clock and randomness for Sprig
  chart::Log log;                    // Helm's warnings (coalescing, deprecation)
  Cluster* lookup = nullptr;         // where `lookup` looks; nullptr answers empty maps
  bool skip_schema_validation = false;  // --skip-schema-validation
  bool sub_notes = false;               // --render-subchart-notes
};

Renderer chart_renderer(std::shared_ptr<chart::Chart> chart, ChartRenderSettings settings);

// lookup's answer from a cluster: the object, a List-shaped map when `name` is empty, or an
// empty map when nothing is found.
Value lookup_object(Cluster& cluster, std::string_view api_version, std::string_view kind,
                    std::string_view ns, std::string_view name);

}  // namespace capstan::release
