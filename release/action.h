// What every release action works with (Helm's action.Configuration): release storage, the
// cluster, a clock and a debug log; and how a chart reaches an action: as a Renderer that
// turns values into manifests, so actions stay independent of how charts are loaded.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "release/clock.h"
#include "release/kube.h"
#include "release/release.h"
#include "release/storage.h"

namespace capstan::release {

struct Configuration {
  Storage& releases;
  KubeClient& kube;
  Clock& clock;
  std::function<void(const std::string&)> log = [](const std::string&) {};
  // Where hook-output-log-policy logs go (Helm: its log writer, standard error); unset: dropped.
  std::function<void(const std::string&)> hook_output = nullptr;
};

// .Release as templates see it (chartutil.ReleaseOptions).
struct ReleaseOptions {
  std::string name;
  std::string ns;
  int revision = 1;
  bool is_install = false;
  bool is_upgrade = false;
};

// What rendering a chart produced (action.renderResources).
// One crds/ file (chart.CRD): installed before the chart's objects, never templated.
struct CrdDocument {
  std::string name;  // "crds/x.yaml"
  std::string data;
};

struct RenderedChart {
  Value chart;           // the chart as stored in the record (see Release::chart)
  std::string manifest;  // "---\n# Source: path\n<doc>\n" per object, in install order
  std::vector<Hook> hooks;
  std::string notes;
  std::vector<CrdDocument> crds;  // the chart's and its subcharts' crds/ files, in Helm's order
};

struct RenderRequest {
  Value values;  // the user-supplied values (already merged with --reuse-values rules)
  ReleaseOptions release;
  // When set, the chart's own default values are replaced by these (--reuse-values).
  std::optional<Value> chart_values;
};

// Renders the chart an action was given; throws the chart's errors (values, templates).
using Renderer = std::function<RenderedChart(const RenderRequest& request)>;

// Coalesces user values over a stored chart's defaults (Helm's chartutil.CoalesceValues),
// for --reuse-values and `get values --all`; given by the caller that knows charts.
using ValuesCoalescer = std::function<Value(const Value& chart, const Value& user_values)>;

}  // namespace capstan::release
