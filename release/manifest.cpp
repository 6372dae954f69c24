// Kind ordering and object building.
#include "release/manifest.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "chart/manifest.h"
#include "core/error.h"
#include "core/yaml.h"

namespace capstan::release {

namespace {

int rank(const std::unordered_map<std::string, int>& ranks, const std::string& kind) {
  auto it = ranks.find(kind);
  return it == ranks.end() ? -1 : it->second;
}

}  // namespace

const std::vector<std::string>& install_order() {
  static const std::vector<std::string> kOrder{
      "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
      "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList",
      "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
      "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
      "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service",
      "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
      "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
      "APIService"};
  return kOrder;
}

const std::vector<std::string>& uninstall_order() {
  static const std::vector<std::string> kOrder{
      "APIService", "Ingress", "IngressClass", "Service", "CronJob", "Job", "StatefulSet",
      "HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "ReplicationController", "Pod",
      "DaemonSet", "RoleBindingList", "RoleBinding", "RoleList", "Role",
      "ClusterRoleBindingList", "ClusterRoleBinding", "ClusterRoleList", "ClusterRole",
      "CustomResourceDefinition", "PersistentVolumeClaim", "PersistentVolume", "StorageClass",
      "ConfigMap", "SecretList", "Secret", "ServiceAccount", "PodDisruptionBudget",
      "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy", "Namespace",
      "PriorityClass"};
  return kOrder;
}

bool cluster_scoped(std::string_view kind) {
  static const std::vector<std::string_view> kKinds{
      "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole",
      "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "IngressClass",
      "APIService", "PodSecurityPolicy", "ValidatingWebhookConfiguration",
      "MutatingWebhookConfiguration", "CSIDriver", "CSINode", "RuntimeClass",
      "VolumeAttachment", "CertificateSigningRequest", "ComponentStatus"};
  return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

std::string Resource::group() const {
  const std::size_t slash = api_version.find('/');
  return slash == std::string::npos ? "" : api_version.substr(0, slash);
}

bool Resource::same_object(const Resource& other) const {
  return kind == other.kind && name == other.name && ns == other.ns && group() == other.group();
}

std::string Resource::describe() const {
  return kind + " \"" + name + "\" in namespace \"" + ns + "\"";
}

std::string Resource::ref() const {
  std::string lower = kind;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string g = group();
  return lower + (g.empty() ? "" : "." + g) + "/" + name;
}

std::vector<Resource> build_resources(std::string_view manifest,
                                      const std::string& default_namespace) {
  std::vector<Resource> out;
  for (const std::string& doc : chart::split_manifests(manifest)) {
    yaml::DecodeOptions options;
    options.numbers = yaml::Numbers::Typed;
    Value object = yaml::decode(doc, options);
    if (object.is_null()) continue;  // a document of comments only
    if (!object.is_map()) {
      throw Error(ErrorKind::Invalid, "error validating data: object is not a map");
    }
    Resource r;
    r.api_version = object.get_string("apiVersion");
    r.kind = object.get_string("kind");
    const Value* metadata = object.find("metadata");
    if (metadata != nullptr) r.name = metadata->get_string("name");
    std::vector<std::string> missing;
    if (r.api_version.empty()) missing.push_back("apiVersion not set");
    if (r.kind.empty()) missing.push_back("kind not set");
    if (!missing.empty()) {
      std::string text = "error validating data: [";
      for (std::size_t i = 0; i < missing.size(); ++i) text += (i ? ", " : "") + missing[i];
      throw Error(ErrorKind::Invalid, text + "]");
    }
    if (r.name.empty()) {
      throw Error(ErrorKind::Invalid, r.kind + ": metadata.name: Required value: name is required");
    }
    if (!cluster_scoped(r.kind)) {
      r.ns = metadata->get_string("namespace");
      if (r.ns.empty()) {
        r.ns = default_namespace;
        object["metadata"].set("namespace", r.ns);
      }
    }
    r.object = std::move(object);
    out.push_back(std::move(r));
  }
  return out;
}

void sort_by_kind(std::vector<Resource>& resources, const std::vector<std::string>& order) {
  std::unordered_map<std::string, int> ranks;
  for (std::size_t i = 0; i < order.size(); ++i) ranks.emplace(order[i], static_cast<int>(i));
  std::stable_sort(resources.begin(), resources.end(), [&](const Resource& a, const Resource& b) {
    const int ra = rank(ranks, a.kind);
    const int rb = rank(ranks, b.kind);
    if (ra < 0 && rb < 0) return a.kind < b.kind;
    if (ra < 0) return false;
    if (rb < 0) return true;
    return ra < rb;
  });
}

}  // namespace capstan::release
