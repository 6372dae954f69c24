// The uninstall action.
#include "release/uninstall.h"

#include "core/error.h"
#include "release/hooks.h"
#include "release/name.h"

namespace capstan::release {

namespace {

void purge(Configuration& cfg, const std::vector<Release>& revisions) {
  for (const Release& r : revisions) cfg.releases.remove(r.name, r.version);
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

}  // namespace

UninstallResult uninstall(Configuration& cfg, const std::string& name,
                          const UninstallOptions& o) {
  if (o.dry_run) {
    std::optional<Release> r = cfg.releases.last(name);
    if (!r) throw Error(ErrorKind::NotFound, "release: not found");
    return {r, ""};
  }
  if (release_name_error(name)) {
    throw Error(ErrorKind::BadRequest, "uninstall: Release name is invalid: " + name);
  }
  std::vector<Release> revisions = cfg.releases.history(name);
  if (revisions.empty()) {
    if (o.ignore_not_found) return {std::nullopt, ""};
    throw Error(ErrorKind::NotFound,
                "uninstall: Release not loaded: " + name + ": release: not found");
  }
  sort_by_revision(revisions);
  Release rel = revisions.back();
  rel.labels = filter_system_labels(rel.labels);

  if (rel.info.status == Status::Uninstalled) {
    if (!o.keep_history) {
      purge(cfg, revisions);
      return {rel, ""};
    }
    throw Error(ErrorKind::Conflict, "the release named \"" + name + "\" is already deleted");
  }

  cfg.log("uninstall: Deleting " + name);
  rel.info.status = Status::Uninstalling;
  rel.info.deleted = cfg.clock.now();
  rel.info.description = "Deletion in progress (or silently failed)";
  if (!o.disable_hooks) exec_hooks(cfg, rel, "pre-delete", false, o.timeout);
  cfg.releases.update(rel);

  // deleteRelease: the manifest's objects in uninstall order, minus those kept by policy.
  std::vector<Resource> objects;
  try {
    objects = build_resources(rel.manifest, rel.ns);
  } catch (const Error& e) {
    throw Error(e.kind(),
                std::string("corrupted release record. You must manually delete the resources: ") +
                    e.what());
  }
  sort_by_kind(objects, uninstall_order());
  std::vector<Resource> to_delete;
  std::string kept;
  for (const Resource& r : objects) {
    if (keep_policy(r.object, true)) {
      kept += "[" + r.kind + "] " + r.name + "\n";
    } else {
      to_delete.push_back(r);
    }
  }
  const std::vector<std::string> delete_errors = cfg.kube.remove(to_delete, o.cascade);
  cfg.kube.settle();
  if (!delete_errors.empty()) {
    throw Error(ErrorKind::Invalid, "failed to delete release: " + name);
  }
  UninstallResult result{rel, kept.empty() ? "" : "These resources were kept due to the resource policy:\n" + kept};

  std::vector<std::string> errs;
  if (!o.disable_hooks) {
    try {
      exec_hooks(cfg, rel, "post-delete", false, o.timeout);
    } catch (const Error& e) {
      errs.emplace_back(e.what());
    }
  }
  rel.info.status = Status::Uninstalled;
  rel.info.description = o.description.empty() ? "Uninstallation complete" : o.description;
  result.release = rel;

  if (!o.keep_history) {
    purge(cfg, revisions);
  } else {
    cfg.releases.update(rel);
    // Supersede all previous deployments (helm#12556).
    for (Release& deployed : cfg.releases.deployed_all(name)) {
      deployed.info.status = Status::Superseded;
      cfg.releases.update(deployed);
    }
  }
  if (!errs.empty()) {
    throw Error(ErrorKind::Invalid, "uninstallation completed with " +
                                        std::to_string(errs.size()) + " error(s): " + join(errs));
  }
  return result;
}

}  // namespace capstan::release
