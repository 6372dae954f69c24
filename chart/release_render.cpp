// The render half of Helm's install (see release_render.h).
#include "chart/release_render.h"

#include "chart/coalesce.h"
#include "chart/dependencies.h"
#include "chart/render.h"
#include "chart/values_schema.h"
#include "templating/helm_types.h"

namespace capstan::chart {

Value prepare_values(Chart& chart, const Value& user_values, const Log& log) {
  process_dependencies(chart, user_values, log);
  return coalesce_values(chart, user_values, log);
}

Value to_render_values(const Value& values, const ReleaseInfo& release, const Capabilities& caps) {
  Value release_map = Value::map_of({{"Name", Value(release.name)},
                                     {"Namespace", Value(release.namespace_)},
                                     {"IsUpgrade", Value(release.is_upgrade)},
                                     {"IsInstall", Value(release.is_install)},
                                     {"Revision", Value(release.revision)},
                                     {"Service", Value("Helm")}});
  templating::helm::KubeVersion kube{caps.kube_version.version, caps.kube_version.major,
                                     caps.kube_version.minor};
  templating::helm::BuildInfo helm{caps.helm_version.version, caps.helm_version.git_commit,
                                   caps.helm_version.git_tree_state, caps.helm_version.go_version};
  return Value::map_of({{"Values", templating::helm::values(values)},
                        {"Release", release_map},
                        {"Capabilities", templating::helm::capabilities(kube, caps.api_versions, helm)}});
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

RenderedRelease render_release(Chart& chart, const Value& user_values,
                               const RenderOptions& options) {
  RenderedRelease out;
  out.values = prepare_values(chart, user_values, options.log);
  if (!options.skip_schema_validation)
    check_values_schema(chart, out.values, options.log);
  const Capabilities& caps = options.capabilities;
  if (!chart.metadata.kube_version.empty() &&
      !is_compatible_range(chart.metadata.kube_version, caps.kube_version.version)) {
    throw RenderError(ErrorKind::Chart,
                      "chart requires kubeVersion: " + chart.metadata.kube_version +
                          " which is incompatible with Kubernetes " + caps.kube_version.version);
  }
  const Value top = to_render_values(out.values, options.release, caps);
  std::map<std::string, std::string> files;
  try {
    files = render_templates(chart, top, options.engine, options.retain);
  } catch (const Error& e) {
    throw RenderError(e.kind(), e.what(), e.where());
  }
  // NOTES.txt is rendered like every file; the root chart's becomes the notes and every file
  // ending in NOTES.txt leaves the manifests.
  const std::string root_notes = chart.name() + "/templates/NOTES.txt";
  for (auto it = files.begin(); it != files.end();) {
    if (!ends_with(it->first, "NOTES.txt")) {
      ++it;
      continue;
    }
    if (options.sub_notes || it->first == root_notes) {
      if (!out.notes.empty())
        out.notes += "\n";
      out.notes += it->second;
    }
    it = files.erase(it);
  }
  SortedManifests sorted;
  try {
    sorted = sort_manifests(files, options.log);
  } catch (const Error& e) {
    throw RenderError(e.kind(), e.what(), e.where());
  }
  if (options.include_crds) {
    for (const CrdFile& crd : crd_objects(chart)) {
      out.manifest += "---\n# Source: " + crd.filename + "\n" + crd.file->data + "\n";
    }
  }
  for (const Manifest& m : sorted.manifests) {
    out.manifest += "---\n# Source: " + m.source + "\n" + m.content + "\n";
  }
  out.manifests = std::move(sorted.manifests);
  out.hooks = std::move(sorted.hooks);
  return out;
}

}  // namespace capstan::chart
