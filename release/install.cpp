// The install action.
#include "release/install.h"

#include "core/error.h"
#include "release/hooks.h"
#include "release/name.h"

namespace capstan::release {

namespace {

// availableName: a name is free when it has no history, or (with --replace) when its last
// revision was uninstalled or failed.
void check_available(Configuration& cfg, const InstallOptions& o) {
  if (const std::optional<std::string> err = release_name_error(o.release_name)) {
    throw Error(ErrorKind::BadRequest, "release name \"" + o.release_name + "\": " + *err);
  }
  if (o.dry_run) return;
  const std::optional<Release> last = cfg.releases.last(o.release_name);
  if (!last) return;
  const Status st = last->info.status;
  if (o.replace && (st == Status::Uninstalled || st == Status::Failed)) return;
  throw Error(ErrorKind::AlreadyExists, "cannot re-use a name that is still in use");
}

// replaceRelease: the new record continues the old history; a kept record is superseded.
void replace_release(Configuration& cfg, Release& rel) {
  std::optional<Release> last = cfg.releases.last(rel.name);
  if (!last) return;
  rel.version = last->version + 1;
  if (last->info.status == Status::Failed) return;
  last->set_status(Status::Superseded, "superseded by new release");
  cfg.releases.update(*last);
}

void create_namespace(Configuration& cfg, const std::string& ns) {
  const Value object = Value::map_of(
      {{"apiVersion", "v1"},
       {"kind", "Namespace"},
       {"metadata", Value::map_of({{"name", ns}, {"labels", Value::map_of({{"name", ns}})}})}});
  try {
    cfg.kube.cluster().create(object);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::AlreadyExists) throw;
  }
}

// installCRDs: each crds/ file in order, existing CRDs skipped.
void install_crds(Configuration& cfg, const std::vector<CrdDocument>& crds) {
  for (const CrdDocument& crd : crds) {
    std::vector<Resource> resources;
    try {
      resources = build_resources(crd.data, "");
    } catch (const Error& e) {
      throw Error(e.kind(), "failed to install CRD " + crd.name + ": " + e.what());
    }
    for (const Resource& r : resources) {
      try {
        cfg.kube.cluster().create(r.object);
      } catch (const Error& e) {
        if (e.kind() == ErrorKind::AlreadyExists) {
          cfg.log("CRD " + r.name + " is already present. Skipping.");
          continue;
        }
        throw Error(e.kind(), "failed to install CRD " + crd.name + ": " + e.what());
      }
    }
  }
}

}  // namespace

Release install(Configuration& cfg, const Renderer& render, const Value& values,
                const InstallOptions& o) {
  check_available(cfg, o);
  if (contains_system_labels(o.labels)) {
    throw Error(ErrorKind::BadRequest,
                "user supplied labels contains system reserved label name. System labels: "
                "[name owner status version createdAt modifiedAt]");
  }

  RenderRequest request;
  request.values = values;
  request.release = ReleaseOptions{o.release_name, o.ns, 1, true, false};
  const RenderedChart rendered = render(request);
  // Helm installs crds/ before rendering (and before building the objects, which may be of
  // the new kinds); here rendering comes first, so a chart that fails to render leaves the
  // cluster untouched.
  if (!o.skip_crds && !rendered.crds.empty()) {
    if (o.dry_run) {
      cfg.log("WARNING: This chart or one of its subcharts contains CRDs. Rendering may fail or "
              "contain inaccuracies.");
    } else {
      install_crds(cfg, rendered.crds);
    }
  }

  const Time now = cfg.clock.now();
  Release rel;
  rel.name = o.release_name;
  rel.ns = o.ns;
  rel.chart = rendered.chart;
  rel.config = values.is_map() ? values : Value::empty_map();
  rel.info.first_deployed = now;
  rel.info.last_deployed = now;
  rel.version = 1;
  rel.labels = o.labels;
  rel.manifest = rendered.manifest;
  rel.hooks = rendered.hooks;
  rel.info.notes = rendered.notes;
  rel.set_status(Status::PendingInstall, "Initial install underway");

  std::vector<Resource> resources;
  try {
    resources = build_resources(rel.manifest, rel.ns);
  } catch (const Error& e) {
    throw Error(e.kind(),
                std::string("unable to build kubernetes objects from release manifest: ") +
                    e.what());
  }
  // Rendering sorted the manifest by kind already; keep Helm's order whatever the source.
  sort_by_kind(resources, install_order());
  set_ownership_metadata(resources, rel.name, rel.ns);
  std::vector<Resource> adopt;
  try {
    adopt = o.take_ownership ? cfg.kube.require_adoption(resources)
                             : cfg.kube.existing_resource_conflict(resources, rel.name, rel.ns);
  } catch (const Error& e) {
    throw Error(e.kind(), std::string("Unable to continue with install: ") + e.what());
  }

  if (o.dry_run) {
    rel.info.description = "Dry run complete";
    return rel;
  }

  if (o.create_namespace) create_namespace(cfg, rel.ns);
  if (o.replace) replace_release(cfg, rel);
  cfg.releases.create(rel);

  try {
    if (!o.disable_hooks) {
      try {
        exec_hooks(cfg, rel, "pre-install", true, o.timeout);
      } catch (const Error& e) {
        throw Error(e.kind(), std::string("failed pre-install: ") + e.what());
      }
    }
    if (adopt.empty()) {
      if (!resources.empty()) cfg.kube.create(resources);
    } else {
      UpdateResult result;
      KubeClient::UpdateOptions update;
      update.force = o.force;
      update.three_way_for_custom = o.take_ownership;
      cfg.kube.update(adopt, resources, result, update);
    }
    cfg.kube.settle();
    if (!o.disable_hooks) {
      try {
        exec_hooks(cfg, rel, "post-install", true, o.timeout);
      } catch (const Error& e) {
        throw Error(e.kind(), std::string("failed post-install: ") + e.what());
      }
    }
  } catch (const Error& e) {
    rel.set_status(Status::Failed,
                   "Release \"" + rel.name + "\" failed: " + std::string(e.what()));
    cfg.releases.update(rel);
    throw;
  }
  rel.set_status(Status::Deployed, o.description.empty() ? "Install complete" : o.description);
  cfg.releases.update(rel);
  return rel;
}

}  // namespace capstan::release
