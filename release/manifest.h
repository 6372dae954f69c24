// A release manifest as objects: the install/uninstall kind orders (releaseutil), and kube's
// Build (each document, split as chart::split_manifests splits it, decoded into an object,
// namespaced kinds defaulted to the release namespace).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace capstan::release {

// releaseutil.InstallOrder / UninstallOrder.
const std::vector<std::string>& install_order();
const std::vector<std::string>& uninstall_order();

// True for kinds that live outside namespaces (Namespace, ClusterRole, PersistentVolume, ...).
bool cluster_scoped(std::string_view kind);

// One object of a manifest.
struct Resource {
  Value object;  // decoded with Kubernetes typing (integers stay integers)
  std::string api_version;
  std::string kind;
  std::string ns;  // "" for cluster-scoped kinds
  std::string name;

  // API group ("" for the core group, "apps" for apps/v1).
  std::string group() const;
  // Same object: group, kind, namespace and name (the version may differ).
  bool same_object(const Resource& other) const;
  // `Kind "name" in namespace "ns"` (Helm's resourceString).
  std::string describe() const;
  // "deployment.apps/demo", as kubectl names objects.
  std::string ref() const;
};

// kube.Client.Build: every document of `manifest` as a Resource, namespaced kinds without a
// namespace put in `default_namespace`. Throws ErrorKind::Parse for YAML errors and
// ErrorKind::Invalid for objects without apiVersion, kind or metadata.name.
std::vector<Resource> build_resources(std::string_view manifest,
                                      const std::string& default_namespace);

// Stable sort by kind in `order`; unknown kinds last, alphabetically among themselves
// (releaseutil's lessByKind).
void sort_by_kind(std::vector<Resource>& resources, const std::vector<std::string>& order);

}  // namespace capstan::release
