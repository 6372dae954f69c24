// The API server's storage semantics over the Store: resolving apiVersion/kind, namespaces that
// must exist, generateName, uid/resourceVersion/generation/creationTimestamp, defaulting,
// validation, Service allocation, optimistic concurrency, status kept apart from spec, finalizers
// and deletion propagation. Errors carry the API server's wording ("pods \"x\" not found",
// "deployments.apps \"x\" already exists", "Operation cannot be fulfilled on ..."). Controllers
// write through this layer too, so their objects are defaulted like anyone else's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "orchestrator/client.h"
#include "orchestrator/clock.h"
#include "orchestrator/labels.h"
#include "orchestrator/random.h"
#include "orchestrator/resources.h"
#include "orchestrator/store.h"

namespace capstan::orchestrator {


class ApiServer {
 public:
  ApiServer(Store& store, Registry& registry, const Clock& clock, Random& random)
      : store_(store), registry_(registry), clock_(clock), random_(random) {}

  // The type an object's apiVersion/kind names. Throws NotFound:
  // `no matches for kind "Foo" in version "example.com/v1"`.
  const ResourceType& resolve(const Value& object) const;

  std::optional<Value> get(const ResourceType& type, std::string_view ns, std::string_view name);
  // Throws NotFound `deployments.apps "x" not found`.
  Value get_existing(const ResourceType& type, std::string_view ns, std::string_view name);
  // Ordered by namespace, then name. `ns` nullopt: all namespaces (ignored for cluster scope).
  std::vector<Value> list(const ResourceType& type, std::optional<std::string_view> ns,
                          const Selector* selector = nullptr);

  // Copies only the objects `keep` accepts (it sees stored objects uncopied).
  std::vector<Value> list_if(const ResourceType& type, std::optional<std::string_view> ns,
                             const std::function<bool(const Value&)>& keep);
  // Visits stored objects without copying; `visit` must not write to the store.
  void scan(const ResourceType& type, std::optional<std::string_view> ns,
            const std::function<void(const Value&)>& visit);

  // Stores a new object; metadata.namespace defaults to `default_namespace` for namespaced
  // types. Returns the stored object.
  Value create(Value object, std::string_view default_namespace = "default");
  // Replaces an object's spec/metadata (status is kept for types with a status subresource).
  // A non-empty metadata.resourceVersion must match (409 Conflict otherwise). An update that
  // changes nothing writes nothing and returns the stored object.
  Value update(Value object);
  // Replaces only .status (the /status subresource); with `annotations`, metadata.annotations
  // too (the Deployment status strategy lets them through: the revision annotation rides there).
  Value update_status(Value object, bool annotations = false);
  // Deletes per `propagation` (see orchestrator/README.md). Throws NotFound.
  void remove(const ResourceType& type, std::string_view ns, std::string_view name,
              Propagation propagation = Propagation::Background);
  // Removes an object at once, ignoring finalizers (garbage collector, namespace controller).
  void erase_now(const ResourceType& type, std::string_view ns, std::string_view name);

  Store& store() { return store_; }
  Registry& registry() { return registry_; }
  const Clock& clock() const { return clock_; }
  Random& random() { return random_; }
  // Objects written or deleted so far (the reconcile loop compares this to find a fixed point).
  std::uint64_t writes() const { return writes_; }

  // A controller's "requeue after": it will have something to do at cluster time `t` (a
  // progress deadline, a container restart after back-off, a pod becoming available after
  // minReadySeconds) even if nothing is written before then. The earliest one counts; times
  // not in the future are ignored.
  void wake_at(Seconds t) {
    if (t > clock_.now() && (wake_ == 0 || t < wake_)) wake_ = t;
  }
  // The earliest wake time asked for since the last call (0: none), and forget it.
  Seconds take_wake() {
    const Seconds w = wake_;
    wake_ = 0;
    return w;
  }

 private:
  void put(const ResourceType& type, Value& object);
  void check_namespace(const ResourceType& type, const std::string& ns, const std::string& name);
  void check_service_account(const Value& pod, const std::string& display_name);
  void prepare_status_on_create(const ResourceType& type, Value& object);
  void orphan_dependents(const std::string& uid);

  Store& store_;
  Registry& registry_;
  const Clock& clock_;
  Random& random_;
  std::uint64_t writes_ = 0;
  Seconds wake_ = 0;
};

// Kubernetes' pod QoS class: "Guaranteed", "Burstable" or "BestEffort".
std::string pod_qos_class(const Value& pod);

}  // namespace capstan::orchestrator
