// Rendering a chart for a release action.
#include "release/chart_renderer.h"

#include "chart/release_render.h"
#include "release/chart_record.h"

namespace capstan::release {

namespace {

Hook to_hook(const chart::Hook& h) {
  Hook out;
  out.name = h.name;
  out.kind = h.kind;
  out.path = h.path;
  out.manifest = h.manifest;
  out.events = h.events;
  out.weight = static_cast<int>(h.weight);
  out.delete_policies = h.delete_policies;
  out.output_log_policies = h.output_log_policies;
  return out;
}

}  // namespace

Value lookup_object(Cluster& cluster, std::string_view api_version, std::string_view kind,
                    std::string_view ns, std::string_view name) {
  if (!name.empty()) {
    std::optional<Value> obj = cluster.get({std::string(api_version), std::string(kind),
                                            std::string(ns), std::string(name)});
    return obj ? *obj : Value::empty_map();
  }
  Value items = Value::empty_list();
  for (Value& obj :
       cluster.list(std::string(api_version), std::string(kind), std::string(ns), {})) {
    items.push_back(std::move(obj));
  }
  return Value::map_of({{"apiVersion", std::string(api_version)},
                        {"kind", std::string(kind) + "List"},
                        {"metadata", Value::map_of({{"resourceVersion", ""}})},
                        {"items", items}});
}

Renderer chart_renderer(std::shared_ptr<chart::Chart> chart, ChartRenderSettings settings) {
  return [chart, settings](const RenderRequest& request) {
    chart::RenderOptions options;
    options.release.name = request.release.name;
    options.release.namespace_ = request.release.ns;
    options.release.revision = request.release.revision;
    options.release.is_install = request.release.is_install;
    options.release.is_upgrade = request.release.is_upgrade;
    options.engine = settings.engine;
    options.skip_schema_validation = settings.skip_schema_validation;
    options.sub_notes = settings.sub_notes;
    options.log = settings.log;
    if (settings.lookup != nullptr) {
      Cluster* cluster = settings.lookup;
      options.engine.lookup = [cluster](std::string_view a, std::string_view k,
                                        std::string_view n, std::string_view name) {
        return lookup_object(*cluster, a, k, n, name);
      };
    }
    // --reuse-values renders over the previous values in place of the chart's defaults, and
    // the record stores the chart that way, as Helm's does.
    if (request.chart_values) chart->values = *request.chart_values;
    chart::RenderedRelease rendered = chart::render_release(*chart, request.values, options);
    RenderedChart out;
    out.chart = chart_record(*chart);
    out.manifest = std::move(rendered.manifest);
    out.notes = std::move(rendered.notes);
    for (const chart::Hook& h : rendered.hooks) out.hooks.push_back(to_hook(h));
    for (const chart::CrdFile& crd : chart::crd_objects(*chart)) {
      out.crds.push_back({crd.name, crd.file->data});
    }
    return out;
  };
}

}  // namespace capstan::release
