// The garbage collector and the namespace controller (pkg/controller/garbagecollector,
// pkg/controller/namespace), reduced to what a single-process cluster needs:
// - a dependent whose owners (by UID) are all gone is deleted in the background; references to
//   owners that are gone are dropped when another owner remains;
// - an owner being deleted in the foreground (finalizer foregroundDeletion) has its dependents
//   deleted first, then loses the finalizer and goes;
// - the orphan finalizer strips the owner reference from dependents, then is removed;
// - pods bound to a node that no longer exists are deleted (the pod GC);
// - a namespace being deleted is emptied, then removed.
#include <map>

#include "orchestrator/controllers.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

struct Item {
  const ResourceType* type;
  Value object;
};

using Key = std::pair<std::string, std::string>;  // namespace, name

bool has_finalizer(const Value& o, std::string_view f) {
  for (const Value& x : list_at(o, {"metadata", "finalizers"})) {
    if (x.is_string() && x.as_string() == f) return true;
  }
  return false;
}

void drop_finalizer(ApiServer& api, Value object, std::string_view f) {
  Value kept = Value::empty_list();
  for (const Value& x : list_at(object, {"metadata", "finalizers"})) {
    if (!(x.is_string() && x.as_string() == f)) kept.push_back(x);
  }
  if (kept.size() == 0) {
    metadata(object).erase("finalizers");
  } else {
    metadata(object).set("finalizers", kept);
  }
  api.update(std::move(object));
}

}  // namespace

void run_garbage_collector(ControllerContext& ctx) {
  ApiServer& api = ctx.api;
  // Only objects with owners, objects being deleted and bound pods matter: copy just those.
  std::vector<Item> items;
  std::map<std::string, std::size_t> by_uid;
  for (const ResourceType* type : api.registry().all()) {
    if (type->kind == "Event") continue;  // events own nothing and are owned by nothing
    const bool pods = type->kind == "Pod" && type->group.empty();
    const auto relevant = [pods](const Value& o) {
      return !list_at(o, {"metadata", "ownerReferences"}).empty() || has_deletion_timestamp(o) ||
             (pods && !string_at(o, {"spec", "nodeName"}).empty());
    };
    for (Value& o : api.list_if(*type, std::nullopt, relevant)) {
      by_uid[uid_of(o)] = items.size();
      items.push_back({type, std::move(o)});
    }
  }
  // Owners are found by UID among all objects; those not copied above are alive and settled.
  std::map<std::string, std::pair<const ResourceType*, Key>> owners;
  for (const Item& item : items) {
    for (const Value& ref : list_at(item.object, {"metadata", "ownerReferences"})) owners[ref.get_string("uid")];
  }
  for (const ResourceType* type : api.registry().all()) {
    if (type->kind == "Event") continue;
    api.scan(*type, std::nullopt, [&](const Value& o) {
      const auto it = owners.find(uid_of(o));
      if (it != owners.end()) it->second = {type, {namespace_of(o), name_of(o)}};
    });
  }
  std::map<std::string, std::vector<std::size_t>> dependents;  // owner uid -> items
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (const Value& ref : list_at(items[i].object, {"metadata", "ownerReferences"})) {
      dependents[ref.get_string("uid")].push_back(i);
    }
  }
  const auto alive = [&](std::size_t i) {
    const ResourceType& t = *items[i].type;
    return api.store().contains(t.qualified_resource(), t.namespaced ? namespace_of(items[i].object) : "",
                                name_of(items[i].object));
  };
  // Foreground deletion and orphaning of owners that are being deleted.
  for (const Item& owner : items) {
    if (!has_deletion_timestamp(owner.object)) continue;
    const std::vector<std::size_t>& deps = dependents[uid_of(owner.object)];
    if (has_finalizer(owner.object, "orphan")) {
      for (std::size_t d : deps) {
        if (!alive(d)) continue;
        Value dep = *api.get(*items[d].type, namespace_of(items[d].object), name_of(items[d].object));
        Value kept = Value::empty_list();
        for (const Value& r : list_at(dep, {"metadata", "ownerReferences"})) {
          if (r.get_string("uid") != uid_of(owner.object)) kept.push_back(r);
        }
        if (kept.size() == 0) {
          metadata(dep).erase("ownerReferences");
        } else {
          metadata(dep).set("ownerReferences", kept);
        }
        api.update(std::move(dep));
      }
      drop_finalizer(api, owner.object, "orphan");
      continue;
    }
    if (!has_finalizer(owner.object, "foregroundDeletion")) continue;
    bool blocked = false;
    for (std::size_t d : deps) {
      if (!alive(d)) continue;
      const Value& dep = items[d].object;
      bool blocks = false;
      for (const Value& r : list_at(dep, {"metadata", "ownerReferences"})) {
        if (r.get_string("uid") == uid_of(owner.object) && bool_at(r, {"blockOwnerDeletion"})) blocks = true;
      }
      if (!has_deletion_timestamp(dep)) {
        api.remove(*items[d].type, namespace_of(dep), name_of(dep), Propagation::Foreground);
      }
      if (blocks && alive(d)) blocked = true;
    }
    if (!blocked) {
      if (std::optional<Value> fresh = api.get(*owner.type, namespace_of(owner.object), name_of(owner.object))) {
        drop_finalizer(api, std::move(*fresh), "foregroundDeletion");
      }
    }
  }
  // Dependents whose owners are gone.
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Value& o = items[i].object;
    const auto& refs = list_at(o, {"metadata", "ownerReferences"});
    if (refs.empty() || !alive(i)) continue;
    Value solid = Value::empty_list();
    bool owner_deleting_foreground = false;
    for (const Value& r : refs) {
      const auto owner = owners.find(r.get_string("uid"));
      if (owner == owners.end() || owner->second.first == nullptr) continue;
      const ResourceType& t = *owner->second.first;
      if (!api.store().contains(t.qualified_resource(), owner->second.second.first, owner->second.second.second)) continue;
      solid.push_back(r);
      const auto it = by_uid.find(r.get_string("uid"));
      if (it != by_uid.end() && has_finalizer(items[it->second].object, "foregroundDeletion")) {
        owner_deleting_foreground = true;
      }
    }
    if (solid.size() == refs.size() || owner_deleting_foreground) continue;
    if (solid.size() == 0) {
      if (!has_deletion_timestamp(o)) {
        const Propagation p = has_finalizer(o, "orphan") ? Propagation::Orphan : Propagation::Background;
        api.remove(*items[i].type, namespace_of(o), name_of(o), p);
      }
    } else {
      Value updated = *api.get(*items[i].type, namespace_of(o), name_of(o));
      metadata(updated).set("ownerReferences", solid);
      api.update(std::move(updated));
    }
  }
  // Pods on nodes that are gone.
  const ResourceType& node_type = *api.registry().by_kind("v1", "Node");
  for (const Item& item : items) {
    if (item.type->kind != "Pod" || !item.type->group.empty()) continue;
    const std::string node = string_at(item.object, {"spec", "nodeName"});
    if (!node.empty() && !api.get(node_type, "", node) && alive(by_uid[uid_of(item.object)])) {
      api.erase_now(*item.type, namespace_of(item.object), name_of(item.object));
    }
  }
}

void run_namespace_controller(ControllerContext& ctx) {
  ApiServer& api = ctx.api;
  const ResourceType& ns_type = *api.registry().by_kind("v1", "Namespace");
  for (const Value& ns : api.list(ns_type, std::nullopt)) {
    if (!has_deletion_timestamp(ns)) continue;
    for (const ResourceType* type : api.registry().all()) {
      if (!type->namespaced) continue;
      for (const Value& o : api.list(*type, name_of(ns))) api.erase_now(*type, name_of(ns), name_of(o));
    }
    api.erase_now(ns_type, "", name_of(ns));
  }
}

}  // namespace capstan::orchestrator
