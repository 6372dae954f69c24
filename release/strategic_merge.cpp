// The three-way strategic merge (see strategic_merge.h). Patch metadata follows the
// patchStrategy/patchMergeKey tags of k8s.io/api (core/v1 PodSpec, Container, ServiceSpec,
// ObjectMeta; apps/v1 DeploymentSpec); the merge rules follow k8s.io/apimachinery
// pkg/util/strategicpatch (diffMaps, diffListsOfMaps, mergeSlice, normalizeElementOrder).
#include "release/strategic_merge.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

#include "core/error.h"
#include "core/json.h"

namespace capstan::release {

namespace {

using Path = std::vector<std::string>;

// How a list field merges.
struct ListMeta {
  enum Strategy { Atomic, MergeByKey, MergePrimitives } strategy = Atomic;
  std::string key;           // patchMergeKey for MergeByKey
  bool retain_keys = false;  // "merge,retainKeys": each element keeps only the manifest's keys
};

bool ends_with(const Path& path, std::initializer_list<std::string_view> tail) {
  if (path.size() < tail.size()) return false;
  std::size_t i = path.size() - tail.size();
  for (std::string_view t : tail) {
    if (path[i++] != t) return false;
  }
  return true;
}

bool in_container(const Path& path) {
  return ends_with(path, {"containers", "[]"}) || ends_with(path, {"initContainers", "[]"}) ||
         ends_with(path, {"ephemeralContainers", "[]"});
}

ListMeta list_meta(const Path& path, std::string_view kind) {
  if (path.empty()) return {};
  const std::string& field = path.back();
  if (path.size() == 2 && path[0] == "metadata") {
    if (field == "finalizers") return {ListMeta::MergePrimitives, "", false};
    if (field == "ownerReferences") return {ListMeta::MergeByKey, "uid", false};
    return {};
  }
  if (in_container(Path(path.begin(), path.end() - 1))) {
    // core/v1 Container.
    if (field == "ports") return {ListMeta::MergeByKey, "containerPort", false};
    if (field == "env") return {ListMeta::MergeByKey, "name", false};
    if (field == "volumeMounts") return {ListMeta::MergeByKey, "mountPath", false};
    if (field == "volumeDevices") return {ListMeta::MergeByKey, "devicePath", false};
    return {};
  }
  if (kind == "Service" && path.size() == 2 && path[0] == "spec" && field == "ports") {
    return {ListMeta::MergeByKey, "port", false};
  }
  if (kind == "ServiceAccount" && path.size() == 1 && field == "secrets") {
    return {ListMeta::MergeByKey, "name", false};
  }
  if (field == "conditions" && path.size() >= 2 && path[path.size() - 2] == "status") {
    return {ListMeta::MergeByKey, "type", false};
  }
  // core/v1 PodSpec fields, wherever a pod template sits (Pod spec, template.spec,
  // jobTemplate.spec.template.spec).
  if (path.size() >= 2 && path[path.size() - 2] == "spec") {
    if (field == "containers" || field == "initContainers" || field == "ephemeralContainers" ||
        field == "imagePullSecrets" || field == "schedulingGates") {
      return {ListMeta::MergeByKey, "name", false};
    }
    if (field == "volumes" || field == "resourceClaims") {
      return {ListMeta::MergeByKey, "name", true};
    }
    if (field == "hostAliases") return {ListMeta::MergeByKey, "ip", false};
    if (field == "topologySpreadConstraints") return {ListMeta::MergeByKey, "topologyKey", false};
  }
  return {};
}

// A struct field with patchStrategy retainKeys (apps/v1 DeploymentSpec.Strategy).
bool retain_keys_map(const Path& path, std::string_view kind) {
  return kind == "Deployment" && path.size() == 2 && path[0] == "spec" && path[1] == "strategy";
}

// What the API server stores of a patch value: nulls mean "absent" in typed objects.
Value without_nulls(const Value& v) {
  if (v.is_map()) {
    Value out = Value::empty_map();
    for (const auto& [k, x] : v.map().entries) {
      if (!x.is_null()) out.set(k, without_nulls(x));
    }
    return out;
  }
  if (v.is_list()) {
    Value out = Value::empty_list();
    for (const Value& x : v.list().items) out.push_back(without_nulls(x));
    return out;
  }
  return v.deep_copy();
}

// fmt.Sprintf("%v") of a merge key value, as diffListsOfMaps compares them.
std::string key_string(const Value& v) {
  if (v.is_string()) return v.as_string();
  return json::encode(v);
}

std::optional<std::string> element_key(const Value& element, const std::string& key) {
  const Value* k = element.is_map() ? element.find(key) : nullptr;
  if (k == nullptr) return std::nullopt;
  return key_string(*k);
}

const Value* find_keyed(const std::vector<Value>& items, const std::string& key,
                        const std::string& want) {
  for (const Value& v : items) {
    if (element_key(v, key) == want) return &v;
  }
  return nullptr;
}

// mergeSortedSlice: insert the server-only items among the patch items, keeping both lists'
// relative order; an item goes before the other when both are in the live list and it comes
// first there.
std::vector<Value> merge_sorted(const std::vector<Value>& patch_items,
                                const std::vector<Value>& server_only,
                                const std::vector<std::string>& server_order,
                                const std::function<std::string(const Value&)>& id) {
  const auto index = [&](const Value& v) -> long {
    const auto it = std::find(server_order.begin(), server_order.end(), id(v));
    return it == server_order.end() ? -1 : it - server_order.begin();
  };
  std::vector<Value> out;
  std::size_t i = 0, j = 0;
  while (i < patch_items.size() || j < server_only.size()) {
    if (i >= patch_items.size()) {
      out.push_back(server_only[j++]);
    } else if (j >= server_only.size()) {
      out.push_back(patch_items[i++]);
    } else {
      const long li = index(patch_items[i]);
      const long ri = index(server_only[j]);
      if (li >= 0 && ri >= 0 && li < ri) {
        out.push_back(patch_items[i++]);
      } else {
        out.push_back(server_only[j++]);
      }
    }
  }
  return out;
}

class Merger {
 public:
  explicit Merger(std::string kind) : kind_(std::move(kind)) {}

  Value merge_value(const Value* original, const Value& modified, const Value* current,
                    Path& path) {
    if (current == nullptr || current->is_null()) return without_nulls(modified);
    if (modified.is_map() && current->is_map()) {
      const Value* o = original != nullptr && original->is_map() ? original : nullptr;
      return merge_map(o, modified, *current, path, retain_keys_map(path, kind_));
    }
    if (modified.is_list() && current->is_list()) {
      const ListMeta meta = list_meta(path, kind_);
      const Value* o = original != nullptr && original->is_list() ? original : nullptr;
      if (meta.strategy == ListMeta::MergeByKey) {
        return merge_keyed_list(o, modified, *current, path, meta);
      }
      if (meta.strategy == ListMeta::MergePrimitives) {
        return merge_primitive_list(o, modified, *current);
      }
    }
    // Atomic: the manifest's value replaces whatever the live object had.
    return without_nulls(modified);
  }

  // diffMaps in both directions: the manifest's keys merged into the live map, keys the
  // previous manifest had and this one drops removed, keys only the live map has kept (unless
  // retainKeys says only the manifest's keys stay).
  Value merge_map(const Value* original, const Value& modified, const Value& current, Path& path,
                  bool retain) {
    Value result = current.deep_copy();
    for (const auto& [k, m] : modified.map().entries) {
      if (m.is_null()) {
        result.erase(k);
        continue;
      }
      path.push_back(k);
      const Value* o = original != nullptr ? original->find(k) : nullptr;
      result.set(k, merge_value(o, m, current.find(k), path));
      path.pop_back();
    }
    if (original != nullptr) {
      for (const auto& [k, o] : original->map().entries) {
        if (modified.find(k) == nullptr) result.erase(k);
      }
    }
    if (retain) {
      std::vector<std::string> drop;
      for (const auto& [k, v] : result.map().entries) {
        const Value* m = modified.find(k);
        if (m == nullptr || m->is_null()) drop.push_back(k);
      }
      for (const std::string& k : drop) result.erase(k);
    }
    return result;
  }

  Value merge_keyed_list(const Value* original, const Value& modified, const Value& current,
                         Path& path, const ListMeta& meta) {
    static const std::vector<Value> kNone;
    const auto& orig = original != nullptr ? original->list().items : kNone;
    const auto& mod = modified.list().items;
    const auto& cur = current.list().items;
    const auto id = [&](const Value& v) { return element_key(v, meta.key).value_or(""); };

    std::vector<Value> patch_items;  // in the manifest's order
    path.emplace_back("[]");
    for (const Value& m : mod) {
      const std::optional<std::string> k = element_key(m, meta.key);
      const Value* c = k ? find_keyed(cur, meta.key, *k) : nullptr;
      const Value* o = k ? find_keyed(orig, meta.key, *k) : nullptr;
      if (c != nullptr && c->is_map() && m.is_map()) {
        patch_items.push_back(merge_map(o, m, *c, path, meta.retain_keys));
      } else {
        patch_items.push_back(without_nulls(m));
      }
    }
    path.pop_back();
    // Live elements the manifest does not name stay, unless the previous manifest had them
    // (a $patch: delete directive in the deletions half of the patch).
    std::vector<Value> server_only;
    for (const Value& c : cur) {
      const std::optional<std::string> k = element_key(c, meta.key);
      if (k && (find_keyed(mod, meta.key, *k) != nullptr || find_keyed(orig, meta.key, *k) != nullptr)) {
        continue;
      }
      server_only.push_back(c);
    }
    // Without any change ($setElementOrder is only sent with one), the live order stands.
    bool same_order = cur.size() == mod.size();
    for (std::size_t i = 0; same_order && i < cur.size(); ++i) {
      same_order = element_key(cur[i], meta.key) == element_key(mod[i], meta.key);
    }
    if (same_order && server_only.empty()) {
      Value out = Value::empty_list();
      for (Value& v : patch_items) out.push_back(std::move(v));
      if (out == current) return current.deep_copy();
      return out;
    }
    std::vector<std::string> server_order;
    for (const Value& c : cur) server_order.push_back(id(c));
    Value out = Value::empty_list();
    for (Value& v : merge_sorted(patch_items, server_only, server_order, id)) {
      out.push_back(std::move(v));
    }
    return out;
  }

  // A set of scalars (metadata.finalizers): the manifest's items added, the ones the
  // previous manifest had and this one drops removed ($deleteFromPrimitiveList).
  Value merge_primitive_list(const Value* original, const Value& modified, const Value& current) {
    static const std::vector<Value> kNone;
    const auto& orig = original != nullptr ? original->list().items : kNone;
    const auto& mod = modified.list().items;
    const auto& cur = current.list().items;
    const auto contains = [](const std::vector<Value>& items, const Value& v) {
      return std::find(items.begin(), items.end(), v) != items.end();
    };
    std::vector<Value> server_only;
    for (const Value& c : cur) {
      if (!contains(mod, c) && !contains(orig, c)) server_only.push_back(c);
    }
    std::vector<Value> patch_items(mod.begin(), mod.end());
    if (server_only.empty() && mod == cur) return current.deep_copy();
    std::vector<std::string> server_order;
    for (const Value& c : cur) server_order.push_back(key_string(c));
    Value out = Value::empty_list();
    for (Value& v : merge_sorted(patch_items, server_only, server_order, key_string)) {
      out.push_back(std::move(v));
    }
    return out;
  }

 private:
  std::string kind_;
};

void check_preconditions(const Value& modified, const Value& current) {
  // kubectl's preconditions: RequireKeyUnchanged("apiVersion"), ("kind"), metadata "name".
  const auto differs = [](const Value* a, const Value* b) {
    if (a == nullptr || b == nullptr) return false;
    return !(*a == *b);
  };
  const Value* mm = modified.find("metadata");
  const Value* cm = current.find("metadata");
  if (differs(modified.find("apiVersion"), current.find("apiVersion")) ||
      differs(modified.find("kind"), current.find("kind")) ||
      (mm != nullptr && cm != nullptr && differs(mm->find("name"), cm->find("name")))) {
    throw Error(ErrorKind::Conflict,
                "precondition failed: at least one field was changed: apiVersion, kind or name");
  }
}

}  // namespace

bool strategic_kind(std::string_view api_version, std::string_view kind) {
  (void)kind;
  const std::size_t slash = api_version.find('/');
  const std::string_view group = slash == std::string_view::npos ? "" : api_version.substr(0, slash);
  // The API groups client-go's scheme registers (k8s.io/client-go/kubernetes/scheme);
  // apiextensions.k8s.io is not among them, so CRDs take the JSON merge patch too.
  static const std::vector<std::string_view> kGroups{
      "", "admissionregistration.k8s.io", "apiserverinternal.k8s.io", "apps",
      "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "batch",
      "certificates.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io",
      "extensions", "flowcontrol.apiserver.k8s.io", "internal.apiserver.k8s.io",
      "networking.k8s.io", "node.k8s.io", "policy", "rbac.authorization.k8s.io",
      "resource.k8s.io", "scheduling.k8s.io", "storage.k8s.io", "storagemigration.k8s.io"};
  return std::find(kGroups.begin(), kGroups.end(), group) != kGroups.end();
}

Value three_way_strategic_merge(const Value& original, const Value& modified,
                                const Value& current) {
  check_preconditions(modified, current);
  Merger merger(modified.get_string("kind"));
  Path path;
  const Value* o = original.is_map() ? &original : nullptr;
  return merger.merge_map(o, modified, current, path, false);
}

}  // namespace capstan::release
