// Rendering a chart for a release, as Helm's install/upgrade do before they touch a cluster
// (action.Install.Run up to renderResources): process the chart's dependencies, coalesce the
// values and build the top-level data (ToRenderValues), check kubeVersion, render every
// template, take NOTES.txt out, split and sort the documents, and assemble the release
// manifest text. `helm template` prints the result (template_command.h); release/ stores it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "chart/capabilities.h"
#include "chart/chart.h"
#include "chart/log.h"
#include "chart/manifest.h"
#include "core/error.h"
#include "core/retain.h"
#include "core/value.h"
#include "templating/engine.h"

namespace capstan::chart {

// chartutil.ReleaseOptions: what .Release shows.
struct ReleaseInfo {
  std::string name;
  std::string namespace_ = "default";
  int revision = 1;
  bool is_upgrade = false;
  bool is_install = true;
};

struct RenderOptions {
  ReleaseInfo release;
  Capabilities capabilities = default_capabilities();
  // Engine settings: missingkey, the oracle's deterministic stand-ins, clock, randomness,
  // lookup.
  templating::EngineOptions engine;
  bool include_crds = false;  // crds/ files first in the manifest (helm template --include-crds)
  bool sub_notes = false;     // --render-subchart-notes
  // values.schema.json of the chart and its subcharts is checked unless this is set
  // (--skip-schema-validation).
  bool skip_schema_validation = false;
  Log log;
  Retain* retain = nullptr;  // keeps the parsed templates (see core/retain.h)
};

struct RenderedRelease {
  Value values;                     // the coalesced values (.Values)
  std::vector<Manifest> manifests;  // in install order
  std::vector<Hook> hooks;          // in install order
  std::string notes;                // the root chart's NOTES.txt, rendered
  // Helm's release manifest: "---\n# Source: PATH\nDOC\n" per CRD (when included) and
  // manifest.
  std::string manifest;
};

// A failure Helm reports after it created the release object (kubeVersion mismatch, template
// errors, unparsable manifests): `helm template` adds "Use --debug flag to render out invalid
// YAML" to these.
class RenderError : public Error {
 public:
  using Error::Error;
};

// chartutil.ToRenderValues' coalescing plus Helm's dependency processing. Changes `chart` in
// place (as Helm does): disabled subcharts are dropped, aliases applied, import-values merged.
Value prepare_values(Chart& chart, const Value& user_values, const Log& log = {});

// The top-level data of every template (chartutil.ToRenderValues): Values (as a
// chartutil.Values over `values`), Release and Capabilities.
Value to_render_values(const Value& values, const ReleaseInfo& release, const Capabilities& caps);

// The whole pipeline. Throws Error for dependency/values failures and RenderError after.
RenderedRelease render_release(Chart& chart, const Value& user_values,
                               const RenderOptions& options);

}  // namespace capstan::chart
