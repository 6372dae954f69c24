// The embedded cluster: the SQLite store, the API server semantics and the controllers behind
// the Client interface. Every Client call is one transaction; settle() runs controller passes
// (each pass one transaction) until a pass writes nothing. State lives in the file, so each
// capstan process opens it, does its work, settles and exits.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "orchestrator/apiserver.h"
#include "orchestrator/client.h"
#include "orchestrator/events.h"
#include "orchestrator/kubelet.h"

namespace capstan::orchestrator {

// The nodes a fresh cluster starts with (used only when the store is first created).
struct NodeConfig {
  int count = 3;  // named node-1 .. node-N
  std::string cpu = "4";
  std::string memory = "8Gi";
  std::string pods = "110";
  std::string ephemeral_storage = "100Gi";
};

struct ClusterOptions {
  std::string path = ":memory:";      // the SQLite file ($CAPSTAN_HOME/cluster.db)
  std::shared_ptr<const Clock> clock;  // nullptr: the system clock
  // Seeded randomness (persisted in the store, so consecutive processes continue the same
  // sequence); nullopt: the operating system's entropy.
  std::optional<std::uint64_t> seed;
  NodeConfig nodes;
  KubeletConfig kubelet;
  int max_settle_steps = 1000;
  // CAPSTAN_CRASH_AT: the store kills the process at this write point (crash tests); 0: never.
  long crash_at = 0;
};

// The cluster's clock: the configured one, but never earlier than the virtual time the
// cluster has been advanced to by sleep() (kept in the store, so it persists across
// processes). With a fixed CAPSTAN_FAKE_NOW, time thus moves only when something waits.
class ClusterClock final : public Clock {
 public:
  explicit ClusterClock(std::shared_ptr<const Clock> base) : base_(std::move(base)) {}
  Seconds now() const override { return std::max(base_->now(), virtual_); }
  void set_virtual(Seconds t) { virtual_ = t; }
  Seconds virtual_time() const { return virtual_; }

 private:
  std::shared_ptr<const Clock> base_;
  Seconds virtual_ = 0;
};

// Options as the CLI builds them: CAPSTAN_FAKE_NOW=<RFC 3339> fixes the clock, CAPSTAN_SEED=<n>
// seeds randomness, CAPSTAN_NODES / CAPSTAN_NODE_CPU / CAPSTAN_NODE_MEMORY / CAPSTAN_NODE_PODS
// shape the nodes of a new cluster. Throws Error(BadRequest) for malformed values.
ClusterOptions cluster_options_from_environment(const std::string& path);

class Cluster final : public Client {
 public:
  // Opens (and on first use bootstraps) the cluster stored at options.path.
  explicit Cluster(ClusterOptions options);
  ~Cluster() override;

  std::optional<Value> get(std::string_view api_version, std::string_view kind, std::string_view ns,
                           std::string_view name) override;
  std::vector<Value> list(std::string_view api_version, std::string_view kind,
                          std::optional<std::string_view> ns, std::string_view label_selector = "") override;
  Value create(const Value& object) override;
  Value update(const Value& object) override;
  void remove(std::string_view api_version, std::string_view kind, std::string_view ns,
              std::string_view name, Propagation propagation = Propagation::Background) override;
  // Runs controller passes until one writes nothing. When nothing was written since the
  // cluster last settled and no controller's wake time has come, nothing runs at all.
  SettleResult settle() override;
  void sleep(Seconds seconds) override;
  std::string logs(std::string_view ns, std::string_view pod, std::string_view container) override;
  const Registry& registry() const override { return registry_; }
  Seconds now() const override;

  // One pass of every controller (one transaction). Returns whether anything was written.
  bool step();
  // The API layer, for controllers' tests and tools that need /status writes.
  ApiServer& api() { return *api_; }

 private:
  // Runs `body` in one store transaction, persisting the random state with it.
  void transact(const std::function<void()>& body);
  void bootstrap();
  const ResourceType& type_for(std::string_view api_version, std::string_view kind) const;

  // Reads the persisted virtual time into clock_.
  void sync_clock() const;

  ClusterOptions options_;
  std::shared_ptr<ClusterClock> clock_;
  std::unique_ptr<Store> store_;
  Registry registry_;
  std::unique_ptr<Random> random_;
  SeededRandom* seeded_ = nullptr;  // random_ when seeded
  std::unique_ptr<ApiServer> api_;
  std::unique_ptr<EventRecorder> events_;
};

}  // namespace capstan::orchestrator
