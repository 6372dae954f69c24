// Three-way merge for client-side apply (see strategic_merge.h). Merge keys follow the
// patchMergeKey tags of k8s.io/api/core/v1/types.go.
#include "orchestrator/strategic_merge.h"

#include <algorithm>
#include <string>
#include <vector>

namespace capstan::orchestrator {

namespace {

using Path = std::vector<std::string>;

bool in_path(const Path& path, std::string_view step) { return std::find(path.begin(), path.end(), step) != path.end(); }

// "" when the list at `path` is atomic, "*" for a set of primitives, else the merge key.
std::string merge_key(const Path& path) {
  if (path.empty()) return "";
  const std::string& last = path.back();
  if (last == "containers" || last == "initContainers" || last == "ephemeralContainers" || last == "env" ||
      last == "volumes" || last == "imagePullSecrets" || last == "resourceClaims" || last == "schedulingGates") {
    return "name";
  }
  if (last == "volumeMounts") return "mountPath";
  if (last == "volumeDevices") return "devicePath";
  if (last == "hostAliases") return "ip";
  if (last == "topologySpreadConstraints") return "topologyKey";
  if (last == "ownerReferences") return "uid";
  if (last == "conditions") return "type";
  if (last == "finalizers") return "*";
  if (last == "ports") {
    if (in_path(path, "containers") || in_path(path, "initContainers")) return "containerPort";
    if (path.size() == 2 && path[0] == "spec") return "port";  // Service
  }
  return "";
}

bool retain_keys(const Path& path) {
  return (path.size() == 2 && path[0] == "spec" && path[1] == "strategy") ||
         (path.size() >= 2 && path[path.size() - 2] == "volumes");
}

Value merge(const Value* original, const Value& modified, const Value* current, Path& path, bool strategic);

Value merge_map(const Value* original, const Value& modified, const Value& current, Path& path, bool strategic) {
  Value result = current.deep_copy();
  for (const auto& [k, m] : modified.map().entries) {
    if (m.is_null()) {
      result.erase(k);  // an explicit null deletes
      continue;
    }
    path.push_back(k);
    const Value* o = original != nullptr && original->is_map() ? original->find(k) : nullptr;
    result.set(k, merge(o, m, current.find(k), path, strategic));
    path.pop_back();
  }
  if (original != nullptr && original->is_map()) {
    for (const auto& [k, o] : original->map().entries) {
      if (modified.find(k) == nullptr) result.erase(k);
    }
  }
  if (strategic && retain_keys(path)) {
    std::vector<std::string> drop;
    for (const auto& [k, v] : result.map().entries) {
      if (modified.find(k) == nullptr) drop.push_back(k);
    }
    for (const std::string& k : drop) result.erase(k);
  }
  return result;
}

const Value* keyed(const std::vector<Value>& items, const std::string& key, const Value& want) {
  for (const Value& v : items) {
    const Value* k = v.is_map() ? v.find(key) : nullptr;
    if (k != nullptr && *k == want) return &v;
  }
  return nullptr;
}

Value merge_list(const Value* original, const Value& modified, const Value& current, Path& path, const std::string& key,
                 bool strategic) {
  const std::vector<Value> none;
  const auto& orig = original != nullptr && original->is_list() ? original->list().items : none;
  const auto& mod = modified.list().items;
  const auto& cur = current.list().items;
  Value result = Value::empty_list();
  if (key == "*") {
    for (const Value& c : cur) {
      const bool dropped = std::find(orig.begin(), orig.end(), c) != orig.end() &&
                           std::find(mod.begin(), mod.end(), c) == mod.end();
      if (!dropped) result.push_back(c);
    }
    for (const Value& m : mod) {
      if (std::find(result.list().items.begin(), result.list().items.end(), m) == result.list().items.end()) {
        result.push_back(m);
      }
    }
    return result;
  }
  path.emplace_back("[]");
  for (const Value& m : mod) {
    const Value* k = m.is_map() ? m.find(key) : nullptr;
    const Value* c = k != nullptr ? keyed(cur, key, *k) : nullptr;
    const Value* o = k != nullptr ? keyed(orig, key, *k) : nullptr;
    result.push_back(c != nullptr ? merge(o, m, c, path, strategic) : m.deep_copy());
  }
  path.pop_back();
  // Live-only elements stay unless the last apply set them.
  for (const Value& c : cur) {
    const Value* k = c.is_map() ? c.find(key) : nullptr;
    if (k == nullptr || keyed(mod, key, *k) != nullptr || keyed(orig, key, *k) != nullptr) continue;
    result.push_back(c);
  }
  return result;
}

Value merge(const Value* original, const Value& modified, const Value* current, Path& path, bool strategic) {
  if (current == nullptr) return modified.deep_copy();
  if (modified.is_map() && current->is_map()) return merge_map(original, modified, *current, path, strategic);
  if (strategic && modified.is_list() && current->is_list()) {
    const std::string key = merge_key(path);
    if (!key.empty()) return merge_list(original, modified, *current, path, key, strategic);
  }
  return modified.deep_copy();
}

}  // namespace

Value three_way_merge(const Value& original, const Value& modified, const Value& current, bool strategic) {
  Path path;
  return merge(original.is_null() ? nullptr : &original, modified, &current, path, strategic);
}

}  // namespace capstan::orchestrator
