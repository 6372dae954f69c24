// v1 Events as the client-go event recorder writes them: one Event per (object, reason,
// message, type, source), repeats folded into count/lastTimestamp, named
// "<object>.<hex sequence>" in the object's namespace ("default" for cluster-scoped objects).
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"
#include "orchestrator/apiserver.h"

namespace capstan::orchestrator {

struct EventSource {
  std::string component;  // "deployment-controller", "default-scheduler", "kubelet"
  std::string host;       // the node, for kubelet events
};

class EventRecorder {
 public:
  explicit EventRecorder(ApiServer& api) : api_(api) {}

  // `type` is "Normal" or "Warning". `field_path` names a container ("spec.containers{nginx}").
  void record(const Value& involved, std::string_view type, std::string_view reason,
              const std::string& message, const EventSource& source,
              std::string_view field_path = "");

  // Deletes events last seen more than `ttl` seconds ago (the API server's event TTL, 1h).
  bool expire(Seconds ttl = 3600);

 private:
  void write(const Value& involved, std::string_view type, std::string_view reason,
             const std::string& message, const EventSource& source, std::string_view field_path);

  ApiServer& api_;
};

}  // namespace capstan::orchestrator
