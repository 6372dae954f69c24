// The release code's Cluster over orchestrator/client.h — the embedded orchestrator or any
// other implementation of that interface. Header-only and virtual calls only, so release/
// links nothing of the orchestrator.
#pragma once

#include <optional>
#include <string>

#include "core/error.h"
#include "orchestrator/client.h"
#include "release/cluster.h"

namespace capstan::release {

class OrchestratorCluster final : public Cluster {
 public:
  explicit OrchestratorCluster(orchestrator::Client& client) : client_(client) {}

  std::optional<Value> get(const ObjectKey& key) override {
    return client_.get(key.api_version, key.kind, key.ns, key.name);
  }

  std::vector<Value> list(const std::string& api_version, const std::string& kind,
                          const std::string& ns,
                          const std::map<std::string, std::string>& labels) override {
    std::string selector;
    for (const auto& [k, v] : labels) selector += (selector.empty() ? "" : ",") + k + "=" + v;
    std::optional<std::string_view> scope;
    if (!ns.empty()) scope = ns;
    return client_.list(api_version, kind, scope, selector);
  }

  Value create(const Value& object) override { return client_.create(object); }
  Value update(const Value& object) override { return client_.update(object); }

  bool remove(const ObjectKey& key, Propagation propagation = Propagation::Background) override {
    const orchestrator::Propagation p = propagation == Propagation::Orphan
                                            ? orchestrator::Propagation::Orphan
                                        : propagation == Propagation::Foreground
                                            ? orchestrator::Propagation::Foreground
                                            : orchestrator::Propagation::Background;
    try {
      client_.remove(key.api_version, key.kind, key.ns, key.name, p);
      return true;
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::NotFound) return false;
      throw;
    }
  }

  void settle() override { client_.settle(); }
  std::int64_t now() override { return client_.now(); }
  void sleep(std::int64_t seconds) override { client_.sleep(seconds); }
  std::string logs(const std::string& ns, const std::string& pod,
                   const std::string& container) override {
    return client_.logs(ns, pod, container);
  }

  orchestrator::Client& client() { return client_; }

 private:
  orchestrator::Client& client_;
};

}  // namespace capstan::release
