// The upgrade action.
#include "release/upgrade.h"

#include "chart/coalesce.h"
#include "core/error.h"
#include "release/cleanup_on_fail.h"
#include "release/hooks.h"
#include "release/name.h"

namespace capstan::release {

namespace {

std::map<std::string, std::string> merge_labels(const std::map<std::string, std::string>& current,
                                                const std::map<std::string, std::string>& desired) {
  std::map<std::string, std::string> out = current;
  for (const auto& [k, v] : desired) out[k] = v;
  for (auto it = out.begin(); it != out.end();) {
    it = it->second == "null" ? out.erase(it) : std::next(it);
  }
  return out;
}

std::string no_deployed(const std::string& name) {
  return "\"" + name + "\" has no deployed releases";
}

}  // namespace

UpgradeValues upgrade_values(const Release& current, const Value& values,
                             const UpgradeOptions& o, const ValuesCoalescer& coalesce) {
  const Value given = values.is_map() ? values : Value::empty_map();
  if (o.reset_values) return {given, std::nullopt};
  if (o.reuse_values) {
    if (!coalesce) throw Error(ErrorKind::Internal, "--reuse-values needs a values coalescer");
    Value old_values;
    try {
      old_values = coalesce(current.chart, current.config);
    } catch (const Error& e) {
      throw Error(e.kind(), std::string("failed to rebuild old values: ") + e.what());
    }
    return {chart::coalesce_tables(given.deep_copy(), current.config.deep_copy()), old_values};
  }
  if (o.reset_then_reuse_values) return {chart::coalesce_tables(given.deep_copy(), current.config.deep_copy()), {}};
  // Helm's default: with no values on the command line, the previous ones are reused.
  if (given.size() == 0 && current.config.is_map() && current.config.size() > 0) {
    return {current.config, std::nullopt};
  }
  return {given, std::nullopt};
}

Release upgrade(Configuration& cfg, const std::string& name, const Renderer& render,
                const Value& values, const UpgradeOptions& o, const ValuesCoalescer& coalesce) {
  if (release_name_error(name)) {
    throw Error(ErrorKind::BadRequest, "release name is invalid: " + name);
  }
  const std::optional<Release> last = cfg.releases.last(name);
  if (!last) throw Error(ErrorKind::NotFound, no_deployed(name));
  if (is_pending(last->info.status)) {
    throw Error(ErrorKind::Conflict, "another operation (install/upgrade/rollback) is in progress");
  }
  Release current;
  if (last->info.status == Status::Deployed) {
    current = *last;
  } else if (std::optional<Release> deployed = cfg.releases.deployed(name)) {
    current = *deployed;
  } else if (last->info.status == Status::Failed || last->info.status == Status::Superseded) {
    current = *last;
  } else {
    throw Error(ErrorKind::NotFound, no_deployed(name));
  }

  const UpgradeValues vals = upgrade_values(current, values, o, coalesce);
  const int revision = last->version + 1;
  RenderRequest request;
  request.values = vals.values;
  request.release = ReleaseOptions{name, current.ns, revision, false, true};
  request.chart_values = vals.chart_values;
  const RenderedChart rendered = render(request);

  if (contains_system_labels(o.labels)) {
    throw Error(ErrorKind::BadRequest,
                "user supplied labels contains system reserved label name. System labels: "
                "[name owner status version createdAt modifiedAt]");
  }

  Release upgraded;
  upgraded.name = name;
  upgraded.ns = current.ns;
  upgraded.chart = rendered.chart;
  upgraded.config = vals.values;
  upgraded.info.first_deployed = current.info.first_deployed;
  upgraded.info.last_deployed = cfg.clock.now();
  upgraded.set_status(Status::PendingUpgrade, "Preparing upgrade");
  upgraded.version = revision;
  upgraded.manifest = rendered.manifest;
  upgraded.hooks = rendered.hooks;
  upgraded.labels = merge_labels(last->labels, o.labels);
  upgraded.info.notes = rendered.notes;

  std::vector<Resource> original;
  std::vector<Resource> target;
  try {
    original = build_resources(current.manifest, current.ns);
  } catch (const Error& e) {
    throw Error(e.kind(),
                std::string("unable to build kubernetes objects from current release manifest: ") +
                    e.what());
  }
  try {
    target = build_resources(upgraded.manifest, upgraded.ns);
  } catch (const Error& e) {
    throw Error(e.kind(),
                std::string("unable to build kubernetes objects from new release manifest: ") +
                    e.what());
  }
  // Rendering sorted the manifest by kind already; keep Helm's order whatever the source.
  sort_by_kind(target, install_order());
  set_ownership_metadata(target, name, upgraded.ns);

  // Objects new to this revision must not belong to someone else.
  std::vector<Resource> to_be_created;
  for (const Resource& r : target) {
    bool existed = false;
    for (const Resource& c : original) existed = existed || c.same_object(r);
    if (!existed) to_be_created.push_back(r);
  }
  try {
    for (Resource& adopted :
         o.take_ownership
             ? cfg.kube.require_adoption(to_be_created)
             : cfg.kube.existing_resource_conflict(to_be_created, name, upgraded.ns)) {
      original.push_back(std::move(adopted));
    }
  } catch (const Error& e) {
    throw Error(e.kind(), std::string("Unable to continue with update: ") + e.what());
  }

  if (o.dry_run) {
    upgraded.info.description = o.description.empty() ? "Dry run complete" : o.description;
    return upgraded;
  }

  cfg.releases.max_history = o.max_history;
  cfg.releases.create(upgraded);

  UpdateResult result;
  // failRelease: the revision is marked failed; with --cleanup-on-fail the objects this
  // upgrade created are deleted.
  auto fail = [&](const Error& e) -> Error {
    const std::string message = e.what();
    upgraded.set_status(Status::Failed, "Upgrade \"" + name + "\" failed: " + message);
    cfg.releases.update(upgraded);
    if (o.cleanup_on_fail) {
      if (std::optional<Error> cleanup = cleanup_created(cfg, result, "upgrade", e)) return *cleanup;
    }
    return Error(e.kind(), message);
  };
  if (!o.disable_hooks) {
    try {
      exec_hooks(cfg, upgraded, "pre-upgrade", true, o.timeout);
    } catch (const Error& e) {
      throw fail(Error(e.kind(), std::string("pre-upgrade hooks failed: ") + e.what()));
    }
  }
  try {
    KubeClient::UpdateOptions update;
    update.force = o.force;
    update.three_way_for_custom = o.take_ownership;
    cfg.kube.update(original, target, result, update);
    cfg.kube.settle();
  } catch (const Error& e) {
    cfg.kube.settle();
    throw fail(e);
  }
  if (!o.disable_hooks) {
    try {
      exec_hooks(cfg, upgraded, "post-upgrade", true, o.timeout);
    } catch (const Error& e) {
      throw fail(Error(e.kind(), std::string("post-upgrade hooks failed: ") + e.what()));
    }
  }

  current.info.status = Status::Superseded;
  cfg.releases.update(current);
  upgraded.set_status(Status::Deployed,
                      o.description.empty() ? "Upgrade complete" : o.description);
  cfg.releases.update(upgraded);
  return upgraded;
}

}  // namespace capstan::release
