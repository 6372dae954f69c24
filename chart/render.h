// Helm's engine.Render over a chart tree: every template of the chart and its subcharts is
// parsed into one template set (deepest paths first, reverse lexical within a depth, so a
// parent's {{define}} wins), then each non-partial file is executed with its own chart's data:
// .Values scoped to the subchart, .Chart, .Files, .Subcharts, .Template, and the shared
// .Release and .Capabilities. Library charts contribute only their partials.
#pragma once

#include <map>
#include <string>

#include "chart/chart.h"
#include "core/retain.h"
#include "core/value.h"
#include "templating/engine.h"

namespace capstan::chart {

// `top` is the root data Helm builds (ToRenderValues): a map with Values (a chartutil.Values),
// Release (a map) and Capabilities (the object). Returns path -> rendered text, for paths like
// "demo/templates/service.yaml" and "demo/charts/sub/templates/x.yaml". Errors are the
// engine's, worded as Helm's ("parse error at (demo/templates/x.yaml:3): ...",
// "template: demo/templates/x.yaml:3:7: executing ...").
// `retain`, when given, keeps the parsed templates (see core/retain.h).
std::map<std::string, std::string> render_templates(const Chart& chart, const Value& top,
                                                    const templating::EngineOptions& options = {},
                                                    Retain* retain = nullptr);

}  // namespace capstan::chart
