// The cluster client interface: what release/ (and kubectl-style commands) need from a cluster,
// with no storage details. The embedded orchestrator (orchestrator/cluster.h) implements it; a
// client of a real Kubernetes API server can implement it too. Objects are Values shaped like
// Kubernetes JSON; errors are capstan::Error with the API server's kinds and wording
// (NotFound, AlreadyExists, Conflict, Invalid, Forbidden, BadRequest).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "orchestrator/clock.h"
#include "orchestrator/resources.h"

namespace capstan::orchestrator {

// DeleteOptions.propagationPolicy.
enum class Propagation { Background, Foreground, Orphan };

struct SettleResult {
  int steps = 0;           // controller passes run
  bool converged = false;  // false: the step bound was hit before nothing changed
};

class Client {
 public:
  virtual ~Client() = default;

  // The object, or nullopt when absent. `ns` is ignored for cluster-scoped kinds.
  virtual std::optional<Value> get(std::string_view api_version, std::string_view kind,
                                   std::string_view ns, std::string_view name) = 0;
  // Objects of a kind in `ns` (nullopt: all namespaces) matching a label selector string
  // ("app=echo,tier in (web)"; empty: everything), ordered by namespace and name.
  virtual std::vector<Value> list(std::string_view api_version, std::string_view kind,
                                  std::optional<std::string_view> ns,
                                  std::string_view label_selector = "") = 0;
  // Creates; metadata.namespace defaults to "default". Returns the stored object (defaulted,
  // with uid, resourceVersion, ...).
  virtual Value create(const Value& object) = 0;
  // Replaces the object named by the given one; a set metadata.resourceVersion must be current.
  virtual Value update(const Value& object) = 0;
  virtual void remove(std::string_view api_version, std::string_view kind, std::string_view ns,
                      std::string_view name, Propagation propagation = Propagation::Background) = 0;
  // Lets the cluster's controllers run until nothing changes (the embedded cluster reconciles;
  // a remote one would wait).
  virtual SettleResult settle() = 0;

  // Waits `seconds` of cluster time. The embedded cluster does not sleep: it moves its virtual
  // clock forward (persisted, so later processes go on from there); call settle() to let the
  // controllers act on the new time. A client of a real cluster would sleep.
  virtual void sleep(Seconds seconds) = 0;

  // A container's log (pods/log), "" when the container has not started. The embedded
  // cluster's simulated containers print what their pod declares (see orchestrator/README.md).
  virtual std::string logs(std::string_view ns, std::string_view pod, std::string_view container) = 0;

  // The resource types the cluster serves (discovery).
  virtual const Registry& registry() const = 0;
  // The cluster's notion of now (ages in kubectl output, lease expiry, waits).
  virtual Seconds now() const = 0;
};

}  // namespace capstan::orchestrator
