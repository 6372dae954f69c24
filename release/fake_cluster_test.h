// A Cluster for unit tests: objects in a map, resourceVersions, Kubernetes' error wording for
// the cases the actions care about, and a log of the writes so tests can pin what an action
// did. settle() runs an optional hook standing in for the controllers.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/error.h"
#include "release/cluster.h"

namespace capstan::release::testing {

class FakeCluster final : public Cluster {
 public:
  std::optional<Value> get(const ObjectKey& key) override {
    auto it = objects_.find(id(key));
    if (it == objects_.end()) return std::nullopt;
    return it->second.deep_copy();
  }

  std::vector<Value> list(const std::string&, const std::string& kind, const std::string& ns,
                          const std::map<std::string, std::string>& labels) override {
    std::vector<Value> out;
    for (const auto& [k, obj] : objects_) {
      if (std::get<0>(k) != kind || (!ns.empty() && std::get<1>(k) != ns)) continue;
      bool match = true;
      for (const auto& [lk, lv] : labels) {
        const Value* l = obj.find_path({"metadata", "labels"});
        const Value* v = l != nullptr ? l->find(lk) : nullptr;
        if (v == nullptr || !v->is_string() || v->as_string() != lv) match = false;
      }
      if (match) out.push_back(obj.deep_copy());
    }
    return out;
  }

  Value create(const Value& object) override {
    const ObjectKey key = key_of(object);
    if (fail_create_kind == key.kind) {
      throw Error(ErrorKind::Invalid, key.kind + " \"" + key.name + "\" is invalid: injected");
    }
    if (objects_.count(id(key)) > 0) {
      throw Error(ErrorKind::AlreadyExists, plural(key.kind) + " \"" + key.name + "\" already exists");
    }
    Value stored = object.deep_copy();
    stored["metadata"].set("resourceVersion", std::to_string(++version_));
    stored["metadata"].set("uid", "uid-" + std::to_string(version_));
    objects_[id(key)] = stored;
    writes.push_back("create " + describe(key));
    return stored.deep_copy();
  }

  Value update(const Value& object) override {
    const ObjectKey key = key_of(object);
    auto it = objects_.find(id(key));
    if (it == objects_.end()) {
      throw Error(ErrorKind::NotFound, plural(key.kind) + " \"" + key.name + "\" not found");
    }
    const std::string want = resource_version(object);
    const std::string have = resource_version(it->second);
    if (!want.empty() && want != have) {
      throw Error(ErrorKind::Conflict, "the object has been modified");
    }
    Value stored = object.deep_copy();
    stored["metadata"].set("resourceVersion", std::to_string(++version_));
    it->second = stored;
    writes.push_back("update " + describe(key));
    return stored.deep_copy();
  }

  bool remove(const ObjectKey& key, Propagation propagation = Propagation::Background) override {
    if (propagation != Propagation::Background) {
      writes.push_back(std::string(propagation == Propagation::Orphan ? "orphan " : "foreground ") +
                       describe(key));
    }
    const bool existed = objects_.erase(id(key)) > 0;
    if (existed) writes.push_back("delete " + describe(key));
    return existed;
  }

  void settle() override {
    ++settles;
    if (on_settle) on_settle(*this);
  }

  std::int64_t now() override { return clock; }
  void sleep(std::int64_t seconds) override { clock += seconds; }
  std::string logs(const std::string& ns, const std::string& pod, const std::string&) override {
    auto it = pod_logs.find(ns + "/" + pod);
    if (it == pod_logs.end()) throw Error(ErrorKind::BadRequest, "container not started");
    return it->second;
  }

  // Direct access for tests (no write log).
  void put(const Value& object) { objects_[id(key_of(object))] = object.deep_copy(); }
  std::size_t count(const std::string& kind) const {
    std::size_t n = 0;
    for (const auto& [k, v] : objects_) n += std::get<0>(k) == kind ? 1 : 0;
    return n;
  }

  std::vector<std::string> writes;
  int settles = 0;
  std::string fail_create_kind;
  std::function<void(FakeCluster&)> on_settle;
  std::int64_t clock = 1767225600;
  std::map<std::string, std::string> pod_logs;  // "ns/pod" -> log

 private:
  using Id = std::tuple<std::string, std::string, std::string>;
  static Id id(const ObjectKey& k) { return {k.kind, k.ns, k.name}; }
  static std::string plural(const std::string& kind) {
    std::string lower;
    for (char c : kind) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower + "s";
  }
  static std::string resource_version(const Value& object) {
    const Value* m = object.find("metadata");
    return m != nullptr ? m->get_string("resourceVersion") : "";
  }
  static std::string describe(const ObjectKey& k) {
    return k.kind + " " + (k.ns.empty() ? "" : k.ns + "/") + k.name;
  }

  std::map<Id, Value> objects_;
  long version_ = 0;
};

}  // namespace capstan::release::testing
