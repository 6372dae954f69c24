// Helm's kube.Client over a Cluster: create, three-way update and delete of a release's
// objects, the ownership metadata Helm stamps on them, and the "invalid ownership metadata"
// check that keeps a release from taking over objects it does not own.
#pragma once

#include <string>
#include <vector>

#include "release/cluster.h"
#include "release/manifest.h"

namespace capstan::release {

inline constexpr const char* kManagedByLabel = "app.kubernetes.io/managed-by";
inline constexpr const char* kManagedByHelm = "Helm";
inline constexpr const char* kReleaseNameAnnotation = "meta.helm.sh/release-name";
inline constexpr const char* kReleaseNamespaceAnnotation = "meta.helm.sh/release-namespace";
inline constexpr const char* kResourcePolicyAnnotation = "helm.sh/resource-policy";

// setMetadataVisitor(force=true): managed-by label and release annotations on every object.
void set_ownership_metadata(std::vector<Resource>& resources, const std::string& release_name,
                            const std::string& release_namespace);

// checkOwnership: "" when `object` belongs to the release, else Helm's "invalid ownership
// metadata; label validation error: ...; annotation validation error: ..." text.
std::string ownership_error(const Value& object, const std::string& release_name,
                            const std::string& release_namespace);

// True when the object's annotations say helm.sh/resource-policy: keep. Uninstall reads the
// manifest's annotation trimmed and lower-cased (resource_policy.go); upgrades compare the
// live object's annotation exactly (kube client).
bool keep_policy(const Value& object, bool normalize = false);

struct UpdateResult {
  std::vector<Resource> created;
  std::vector<Resource> updated;
  std::vector<Resource> deleted;
};

class KubeClient {
 public:
  explicit KubeClient(Cluster& cluster) : cluster_(cluster) {}

  Cluster& cluster() { return cluster_; }

  // existingResourceConflict: the resources that already exist and may be adopted (owned by
  // this release). Throws ErrorKind::Conflict "Kind "x" in namespace "ns" exists and cannot
  // be imported into the current release: invalid ownership metadata; ...".
  std::vector<Resource> existing_resource_conflict(const std::vector<Resource>& resources,
                                                   const std::string& release_name,
                                                   const std::string& release_namespace);
  // requireAdoption (--take-ownership): every resource that already exists, whoever owns it.
  std::vector<Resource> require_adoption(const std::vector<Resource>& resources);

  // Creates every resource in order; failures are collected and thrown together, worded as
  // Helm's multierror ("1 error occurred:\n\t* ...\n\n").
  void create(const std::vector<Resource>& resources);

  struct UpdateOptions {
    // --force: replace each existing object with the manifest's (Helper.Replace with the live
    // resourceVersion) instead of patching it.
    bool force = false;
    // UpdateThreeWayMerge (install/upgrade --take-ownership): custom resources get the
    // three-way JSON merge patch; otherwise Helm sends them a two-way one (previous manifest
    // to new manifest) that ignores the live object.
    bool three_way_for_custom = false;
  };

  // Brings the cluster from `original` (the previous manifest) to `target`: missing objects
  // are created, existing built-in ones patched with the three-way strategic merge (custom
  // resources with a JSON merge patch), and objects of `original` that `target` no longer has
  // are deleted unless annotated keep. On failure the partial result is in `result` and an
  // Error is thrown.
  void update(const std::vector<Resource>& original, const std::vector<Resource>& target,
              UpdateResult& result, const UpdateOptions& options);
  void update(const std::vector<Resource>& original, const std::vector<Resource>& target,
              UpdateResult& result) {
    update(original, target, result, UpdateOptions{});
  }

  // The object an update would store for `target` given its previous manifest object
  // (`original`, null when none) and the live one: Helm's patch applied (or, with force, the
  // replacement). Throws "failed to create patch: ..." as Helm words it.
  static Value updated_object(const Resource& target, const Value& original, const Value& live,
                              const UpdateOptions& options);

  // Deletes each resource (absent ones count as deleted); returns error messages, if any.
  std::vector<std::string> remove(const std::vector<Resource>& resources,
                                  Propagation propagation = Propagation::Background);

  void settle() { cluster_.settle(); }

 private:
  Cluster& cluster_;
};

ObjectKey key_of(const Resource& resource);

}  // namespace capstan::release
