// The cluster as release code sees it: a handful of object operations, implemented over
// orchestrator/client.h for the embedded orchestrator (release/orchestrator_cluster.h) and by
// an in-memory fake in tests. Objects are Kubernetes-shaped Values (apiVersion, kind,
// metadata, spec, ...); errors are capstan::Error with the API server's messages.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/value.h"

namespace capstan::release {

// DeleteOptions.propagationPolicy: what happens to the objects the deleted one owns.
enum class Propagation { Background, Foreground, Orphan };

struct ObjectKey {
  std::string api_version;
  std::string kind;
  std::string ns;  // "" for cluster-scoped objects
  std::string name;
};

class Cluster {
 public:
  virtual ~Cluster() = default;

  // The live object, or nullopt when there is none.
  virtual std::optional<Value> get(const ObjectKey& key) = 0;
  // Objects of a kind in `ns` ("" = every namespace) whose labels include `labels`.
  virtual std::vector<Value> list(const std::string& api_version, const std::string& kind,
                                  const std::string& ns,
                                  const std::map<std::string, std::string>& labels) = 0;
  // Creates the object; returns it as stored. Throws ErrorKind::AlreadyExists, Invalid,
  // NotFound (namespace missing) with Kubernetes' messages.
  virtual Value create(const Value& object) = 0;
  // Replaces the object (metadata.resourceVersion, when set, must match).
  virtual Value update(const Value& object) = 0;
  // Deletes the object; false when it did not exist.
  virtual bool remove(const ObjectKey& key, Propagation propagation = Propagation::Background) = 0;
  // Lets the controllers reconcile until nothing changes (Deployments make ReplicaSets, pods
  // start, endpoints follow).
  virtual void settle() = 0;
  // The cluster's clock, in Unix seconds (virtual for the embedded cluster).
  virtual std::int64_t now() = 0;
  // Waits `seconds` of cluster time (the embedded cluster advances its virtual clock).
  virtual void sleep(std::int64_t seconds) = 0;
  // A container's log; throws the API server's error when the container has not started.
  virtual std::string logs(const std::string& ns, const std::string& pod,
                           const std::string& container) = 0;
};

ObjectKey key_of(const Value& object);

}  // namespace capstan::release
