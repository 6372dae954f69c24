// Built-in Kubernetes resource types (names and scopes as the API server's discovery lists them)
// and CRD-declared types.
#include "orchestrator/resources.h"

#include <algorithm>
#include <cctype>

#include "core/value.h"

namespace capstan::orchestrator {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Builtin {
  const char* kind;
  const char* resource;
  const char* group;
  std::initializer_list<const char*> versions;
  bool namespaced;
  std::initializer_list<const char*> short_names;
  bool all;
  bool status;
  bool generation;
};

// Order follows discovery (core group first), which is the order `kubectl get all` prints in.
const Builtin kBuiltins[] = {
    {"Pod", "pods", "", {"v1"}, true, {"po"}, true, true, false},
    {"ReplicationController", "replicationcontrollers", "", {"v1"}, true, {"rc"}, true, true, true},
    {"Service", "services", "", {"v1"}, true, {"svc"}, true, true, false},
    {"ConfigMap", "configmaps", "", {"v1"}, true, {"cm"}, false, false, false},
    {"Endpoints", "endpoints", "", {"v1"}, true, {"ep"}, false, false, false},
    {"Event", "events", "", {"v1"}, true, {"ev"}, false, false, false},
    {"LimitRange", "limitranges", "", {"v1"}, true, {"limits"}, false, false, false},
    {"Namespace", "namespaces", "", {"v1"}, false, {"ns"}, false, true, false},
    {"Node", "nodes", "", {"v1"}, false, {"no"}, false, true, false},
    {"PersistentVolumeClaim", "persistentvolumeclaims", "", {"v1"}, true, {"pvc"}, false, true, false},
    {"PersistentVolume", "persistentvolumes", "", {"v1"}, false, {"pv"}, false, true, false},
    {"PodTemplate", "podtemplates", "", {"v1"}, true, {}, false, false, false},
    {"ResourceQuota", "resourcequotas", "", {"v1"}, true, {"quota"}, false, true, false},
    {"Secret", "secrets", "", {"v1"}, true, {}, false, false, false},
    {"ServiceAccount", "serviceaccounts", "", {"v1"}, true, {"sa"}, false, false, false},
    {"MutatingWebhookConfiguration", "mutatingwebhookconfigurations", "admissionregistration.k8s.io", {"v1"}, false, {}, false, false, true},
    {"ValidatingWebhookConfiguration", "validatingwebhookconfigurations", "admissionregistration.k8s.io", {"v1"}, false, {}, false, false, true},
    {"CustomResourceDefinition", "customresourcedefinitions", "apiextensions.k8s.io", {"v1"}, false, {"crd", "crds"}, false, true, true},
    {"ControllerRevision", "controllerrevisions", "apps", {"v1"}, true, {}, false, false, false},
    {"DaemonSet", "daemonsets", "apps", {"v1"}, true, {"ds"}, true, true, true},
    {"Deployment", "deployments", "apps", {"v1"}, true, {"deploy"}, true, true, true},
    {"ReplicaSet", "replicasets", "apps", {"v1"}, true, {"rs"}, true, true, true},
    {"StatefulSet", "statefulsets", "apps", {"v1"}, true, {"sts"}, true, true, true},
    {"HorizontalPodAutoscaler", "horizontalpodautoscalers", "autoscaling", {"v2", "v1"}, true, {"hpa"}, true, true, true},
    {"CronJob", "cronjobs", "batch", {"v1"}, true, {"cj"}, true, true, true},
    {"Job", "jobs", "batch", {"v1"}, true, {}, true, true, true},
    {"Lease", "leases", "coordination.k8s.io", {"v1"}, true, {}, false, false, false},
    {"EndpointSlice", "endpointslices", "discovery.k8s.io", {"v1"}, true, {}, false, false, false},
    {"IngressClass", "ingressclasses", "networking.k8s.io", {"v1"}, false, {}, false, false, true},
    {"Ingress", "ingresses", "networking.k8s.io", {"v1"}, true, {"ing"}, false, true, true},
    {"NetworkPolicy", "networkpolicies", "networking.k8s.io", {"v1"}, true, {"netpol"}, false, false, true},
    {"PodDisruptionBudget", "poddisruptionbudgets", "policy", {"v1"}, true, {"pdb"}, false, true, true},
    {"ClusterRoleBinding", "clusterrolebindings", "rbac.authorization.k8s.io", {"v1"}, false, {}, false, false, false},
    {"ClusterRole", "clusterroles", "rbac.authorization.k8s.io", {"v1"}, false, {}, false, false, false},
    {"RoleBinding", "rolebindings", "rbac.authorization.k8s.io", {"v1"}, true, {}, false, false, false},
    {"Role", "roles", "rbac.authorization.k8s.io", {"v1"}, true, {}, false, false, false},
    {"PriorityClass", "priorityclasses", "scheduling.k8s.io", {"v1"}, false, {"pc"}, false, false, false},
    {"StorageClass", "storageclasses", "storage.k8s.io", {"v1"}, false, {"sc"}, false, false, false},
};

}  // namespace

std::string ResourceType::api_version() const {
  return group.empty() ? versions.front() : group + "/" + versions.front();
}

std::string ResourceType::qualified_resource() const {
  return group.empty() ? resource : resource + "." + group;
}

std::string ResourceType::qualified_kind() const { return group.empty() ? kind : kind + "." + group; }

std::string ResourceType::kind_prefix() const {
  return group.empty() ? lower(kind) : lower(kind) + "." + group;
}

bool ResourceType::serves(std::string_view api_version) const {
  for (const std::string& v : versions) {
    if ((group.empty() ? v : group + "/" + v) == api_version) return true;
  }
  return false;
}

Registry::Registry() {
  for (const Builtin& b : kBuiltins) {
    ResourceType t;
    t.kind = b.kind;
    t.resource = b.resource;
    t.singular = lower(b.kind);
    t.group = b.group;
    for (const char* v : b.versions) t.versions.emplace_back(v);
    t.namespaced = b.namespaced;
    for (const char* s : b.short_names) t.short_names.emplace_back(s);
    if (b.all) t.categories.emplace_back("all");
    t.status_subresource = b.status;
    t.tracks_generation = b.generation;
    types_.push_back(std::make_unique<ResourceType>(std::move(t)));
  }
}

const ResourceType* Registry::lookup(std::string_view name) const {
  const std::string n = lower(name);
  // "resource", "resource.group" or "resource.version.group"; the first dot splits.
  const std::size_t dot = n.find('.');
  const std::string base = n.substr(0, dot);
  const std::string rest = dot == std::string::npos ? "" : n.substr(dot + 1);
  for (const auto& tp : types_) {
    const ResourceType& t = *tp;
    const bool name_matches = base == t.resource || base == t.singular || base == lower(t.kind) ||
                              std::find(t.short_names.begin(), t.short_names.end(), base) !=
                                  t.short_names.end();
    if (!name_matches) continue;
    if (rest.empty() || rest == t.group) return &t;
    for (const std::string& v : t.versions) {
      if (rest == v + (t.group.empty() ? "" : "." + t.group)) return &t;
    }
  }
  return nullptr;
}

const ResourceType* Registry::by_kind(std::string_view api_version, std::string_view kind) const {
  for (const auto& tp : types_) {
    const ResourceType& t = *tp;
    if (t.kind == kind && t.serves(api_version)) return &t;
  }
  return nullptr;
}

const ResourceType* Registry::by_kind(std::string_view kind) const {
  for (const auto& tp : types_) {
    const ResourceType& t = *tp;
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

std::vector<const ResourceType*> Registry::all() const {
  std::vector<const ResourceType*> out;
  for (const auto& t : types_) out.push_back(t.get());
  return out;
}

std::vector<const ResourceType*> Registry::category(std::string_view name) const {
  std::vector<const ResourceType*> out;
  for (const auto& tp : types_) {
    const ResourceType& t = *tp;
    if (std::find(t.categories.begin(), t.categories.end(), name) != t.categories.end()) {
      out.push_back(&t);
    }
  }
  return out;
}

bool Registry::add_custom(const Value& crd) {
  const Value* spec = crd.find("spec");
  if (spec == nullptr) return false;
  const Value* names = spec->find("names");
  if (names == nullptr) return false;
  ResourceType t;
  t.group = spec->get_string("group");
  t.kind = names->get_string("kind");
  t.resource = names->get_string("plural");
  t.singular = names->get_string("singular", lower(t.kind));
  if (t.group.empty() || t.kind.empty() || t.resource.empty()) return false;
  t.namespaced = spec->get_string("scope", "Namespaced") == "Namespaced";
  if (const Value* s = names->find("shortNames"); s != nullptr && s->is_list()) {
    for (const Value& v : s->list().items) {
      if (v.is_string()) t.short_names.push_back(v.as_string());
    }
  }
  if (const Value* c = names->find("categories"); c != nullptr && c->is_list()) {
    for (const Value& v : c->list().items) {
      if (v.is_string()) t.categories.push_back(v.as_string());
    }
  }
  if (const Value* vs = spec->find("versions"); vs != nullptr && vs->is_list()) {
    for (const Value& v : vs->list().items) {
      const Value* served = v.find("served");
      if (served != nullptr && served->is_bool() && !served->as_bool()) continue;
      const Value* storage = v.find("storage");
      const bool is_storage = storage != nullptr && storage->is_bool() && storage->as_bool();
      if (is_storage) {
        t.versions.insert(t.versions.begin(), v.get_string("name"));
        if (v.find_path({"subresources", "status"}) != nullptr) t.status_subresource = true;
      } else {
        t.versions.push_back(v.get_string("name"));
      }
    }
  }
  if (t.versions.empty()) return false;
  t.tracks_generation = true;  // custom resources always maintain generation
  t.custom = true;
  remove_custom(t.group, t.resource);
  types_.push_back(std::make_unique<ResourceType>(std::move(t)));
  return true;
}

void Registry::remove_custom(std::string_view group, std::string_view resource) {
  types_.erase(std::remove_if(types_.begin(), types_.end(),
                              [&](const std::unique_ptr<ResourceType>& t) {
                                return !t->group.empty() && t->group == group &&
                                       t->resource == resource &&
                                       t->kind != "CustomResourceDefinition";
                              }),
               types_.end());
}

}  // namespace capstan::orchestrator
