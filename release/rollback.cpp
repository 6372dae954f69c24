// The rollback action.
#include "release/rollback.h"

#include "core/error.h"
#include "release/cleanup_on_fail.h"
#include "release/hooks.h"
#include "release/name.h"

namespace capstan::release {

Release rollback(Configuration& cfg, const std::string& name, const RollbackOptions& o) {
  cfg.releases.max_history = o.max_history;
  if (release_name_error(name)) {
    throw Error(ErrorKind::BadRequest, "prepareRollback: Release name is invalid: " + name);
  }
  if (o.version < 0) throw Error(ErrorKind::BadRequest, "invalid release revision number");
  std::optional<Release> current = cfg.releases.last(name);
  if (!current) throw Error(ErrorKind::NotFound, "release: not found");
  const int previous_version = o.version == 0 ? current->version - 1 : o.version;
  const std::optional<Release> previous = cfg.releases.get(name, previous_version);
  if (!previous) {
    throw Error(ErrorKind::NotFound,
                "release has no " + std::to_string(previous_version) + " version");
  }
  cfg.log("rolling back " + name + " (current: v" + std::to_string(current->version) +
          ", target: v" + std::to_string(previous_version) + ")");

  Release target;
  target.name = name;
  target.ns = current->ns;
  target.chart = previous->chart;
  target.config = previous->config;
  target.info.first_deployed = current->info.first_deployed;
  target.info.last_deployed = cfg.clock.now();
  target.info.notes = previous->info.notes;
  target.set_status(Status::PendingRollback,
                    "Rollback to " + std::to_string(previous_version));
  target.version = current->version + 1;
  target.labels = previous->labels;
  target.manifest = previous->manifest;
  target.hooks = previous->hooks;

  std::vector<Resource> original;
  std::vector<Resource> objects;
  try {
    original = build_resources(current->manifest, current->ns);
  } catch (const Error& e) {
    throw Error(e.kind(),
                std::string("unable to build kubernetes objects from current release manifest: ") +
                    e.what());
  }
  try {
    objects = build_resources(target.manifest, target.ns);
  } catch (const Error& e) {
    throw Error(e.kind(),
                std::string("unable to build kubernetes objects from new release manifest: ") +
                    e.what());
  }
  // Rendering sorted the manifest by kind already; keep Helm's order whatever the source.
  sort_by_kind(objects, install_order());
  if (o.dry_run) return target;

  cfg.releases.create(target);
  // Helm leaves the revision pending-rollback when a rollback hook fails; it is marked failed
  // here so that no failure leaves a release pending.
  auto hook_failed = [&](const Error& e) {
    target.set_status(Status::Failed, "Rollback \"" + name + "\" failed: " + e.what());
    cfg.releases.update(target);
  };
  if (!o.disable_hooks) {
    try {
      exec_hooks(cfg, target, "pre-rollback", true, o.timeout);
    } catch (const Error& e) {
      hook_failed(e);
      throw;
    }
  }
  set_ownership_metadata(objects, target.name, target.ns);
  UpdateResult result;
  try {
    KubeClient::UpdateOptions update;
    update.force = o.force;
    cfg.kube.update(original, objects, result, update);
    cfg.kube.settle();
  } catch (const Error& e) {
    cfg.kube.settle();
    const std::string msg = "Rollback \"" + name + "\" failed: " + std::string(e.what());
    current->info.status = Status::Superseded;
    target.set_status(Status::Failed, msg);
    cfg.releases.update(*current);
    cfg.releases.update(target);
    if (o.cleanup_on_fail) {
      if (std::optional<Error> cleanup = cleanup_created(cfg, result, "rollback", e)) throw *cleanup;
    }
    throw;
  }
  if (!o.disable_hooks) {
    try {
      exec_hooks(cfg, target, "post-rollback", true, o.timeout);
    } catch (const Error& e) {
      hook_failed(e);
      throw;
    }
  }

  // Supersede every previous deployment (helm#2941).
  for (Release& deployed : cfg.releases.deployed_all(name)) {
    deployed.info.status = Status::Superseded;
    deployed.labels = filter_system_labels(deployed.labels);
    cfg.releases.update(deployed);
  }
  target.info.status = Status::Deployed;
  cfg.releases.update(target);
  return target;
}

}  // namespace capstan::release
