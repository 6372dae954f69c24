// The embedded cluster (see cluster.h).
#include "orchestrator/cluster.h"

#include <cstdlib>

#include "core/error.h"
#include "core/strconv.h"
#include "orchestrator/controllers.h"
#include "orchestrator/object.h"
#include "orchestrator/runtime.h"

namespace capstan::orchestrator {

namespace {

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : nullptr;
}

std::uint64_t parse_u64(const char* name, const char* text) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0') {
    throw Error(ErrorKind::BadRequest, std::string(name) + ": not a number: " + strconv::quote(text));
  }
  return v;
}

}  // namespace

ClusterOptions cluster_options_from_environment(const std::string& path) {
  ClusterOptions options;
  options.path = path;
  if (const char* now = env("CAPSTAN_FAKE_NOW")) {
    const std::optional<Seconds> t = parse_rfc3339(now);
    if (!t) throw Error(ErrorKind::BadRequest, std::string("CAPSTAN_FAKE_NOW: not an RFC 3339 time: ") + strconv::quote(now));
    options.clock = std::make_shared<ManualClock>(*t);
  }
  if (const char* seed = env("CAPSTAN_SEED")) options.seed = parse_u64("CAPSTAN_SEED", seed);
  if (const char* n = env("CAPSTAN_NODES")) options.nodes.count = static_cast<int>(parse_u64("CAPSTAN_NODES", n));
  if (const char* v = env("CAPSTAN_NODE_CPU")) options.nodes.cpu = v;
  if (const char* v = env("CAPSTAN_NODE_MEMORY")) options.nodes.memory = v;
  if (const char* v = env("CAPSTAN_NODE_PODS")) options.nodes.pods = v;
  if (const char* v = env("CAPSTAN_CRASH_AT")) options.crash_at = static_cast<long>(parse_u64("CAPSTAN_CRASH_AT", v));
  return options;
}

Cluster::Cluster(ClusterOptions options) : options_(std::move(options)) {
  clock_ = std::make_shared<ClusterClock>(options_.clock ? options_.clock : std::make_shared<SystemClock>());
  options_.kubelet.default_capacity = {{"cpu", options_.nodes.cpu},
                                       {"memory", options_.nodes.memory},
                                       {"pods", options_.nodes.pods},
                                       {"ephemeral-storage", options_.nodes.ephemeral_storage}};
  store_ = std::make_unique<Store>(options_.path);
  store_->set_crash_at(options_.crash_at);
  sync_clock();
  if (options_.seed) {
    auto seeded = std::make_unique<SeededRandom>(*options_.seed);
    if (std::optional<std::string> state = store_->meta("randomState")) seeded->restore(std::stoull(*state));
    seeded_ = seeded.get();
    random_ = std::move(seeded);
  } else {
    random_ = std::make_unique<SystemRandom>();
  }
  api_ = std::make_unique<ApiServer>(*store_, registry_, *clock_, *random_);
  events_ = std::make_unique<EventRecorder>(*api_);
  // Custom resource types declared by stored CRDs.
  for (const Value& crd : store_->list(registry_.by_kind("apiextensions.k8s.io/v1", "CustomResourceDefinition")
                                           ->qualified_resource(),
                                       std::nullopt)) {
    registry_.add_custom(crd);
  }
  if (!store_->meta("bootstrapped")) transact([this] { bootstrap(); });
}

Cluster::~Cluster() = default;

void Cluster::sync_clock() const {
  const std::optional<std::string> v = store_->meta("clock");
  clock_->set_virtual(v ? std::stoll(*v) : 0);
}

Seconds Cluster::now() const {
  sync_clock();
  return clock_->now();
}

void Cluster::transact(const std::function<void()>& body) {
  const std::uint64_t saved = seeded_ ? seeded_->state() : 0;
  const Seconds saved_clock = clock_->virtual_time();
  try {
    store_->transaction([&] {
      sync_clock();
      // Another process may have drawn numbers since we opened the file: continue from its state.
      if (seeded_) {
        if (const std::optional<std::string> state = store_->meta("randomState")) seeded_->restore(std::stoull(*state));
      }
      body();
      if (seeded_) store_->set_meta("randomState", std::to_string(seeded_->state()));
    });
  } catch (...) {
    if (seeded_) seeded_->restore(saved);  // the next process replays from the stored state
    clock_->set_virtual(saved_clock);
    throw;
  }
}

void Cluster::sleep(Seconds seconds) {
  if (seconds <= 0) return;
  transact([&] {
    const Seconds t = clock_->now() + seconds;
    store_->set_meta("clock", std::to_string(t));
    clock_->set_virtual(t);
  });
}

void Cluster::bootstrap() {
  for (const char* ns : {"default", "kube-node-lease", "kube-public", "kube-system"}) {
    api_->create(Value::map_of({{"apiVersion", "v1"}, {"kind", "Namespace"},
                                {"metadata", Value::map_of({{"name", ns}})}}));
  }
  for (int i = 1; i <= options_.nodes.count; ++i) {
    const std::string name = "node-" + std::to_string(i);
    const Value resources = Value::map_of({{"cpu", Value(options_.nodes.cpu)},
                                           {"memory", Value(options_.nodes.memory)},
                                           {"pods", Value(options_.nodes.pods)},
                                           {"ephemeral-storage", Value(options_.nodes.ephemeral_storage)}});
    api_->create(Value::map_of(
        {{"apiVersion", "v1"},
         {"kind", "Node"},
         {"metadata",
          Value::map_of({{"name", Value(name)},
                         {"labels", Value::map_of({{"beta.kubernetes.io/arch", "amd64"},
                                                   {"beta.kubernetes.io/os", "linux"},
                                                   {"kubernetes.io/arch", "amd64"},
                                                   {"kubernetes.io/hostname", Value(name)},
                                                   {"kubernetes.io/os", "linux"}})},
                         {"annotations", Value::map_of({{"node.alpha.kubernetes.io/ttl", "0"},
                                                        {"volumes.kubernetes.io/controller-managed-attach-detach", "true"}})}})},
         {"spec", Value::empty_map()},
         {"status", Value::map_of({{"capacity", resources}, {"allocatable", resources.deep_copy()}})}}));
  }
  // The API server's own service: first address of the service range, port 443 -> 6443.
  api_->create(Value::map_of(
      {{"apiVersion", "v1"},
       {"kind", "Service"},
       {"metadata", Value::map_of({{"name", "kubernetes"}, {"namespace", "default"},
                                   {"labels", Value::map_of({{"component", "apiserver"}, {"provider", "kubernetes"}})}})},
       {"spec", Value::map_of({{"clusterIP", "10.96.0.1"},
                               {"ports", Value::list_of({Value::map_of({{"name", "https"}, {"port", Value::integer(443)},
                                                                        {"protocol", "TCP"}, {"targetPort", Value::integer(6443)}})})}})}}));
  api_->create(Value::map_of(
      {{"apiVersion", "v1"},
       {"kind", "Endpoints"},
       {"metadata", Value::map_of({{"name", "kubernetes"}, {"namespace", "default"},
                                   {"labels", Value::map_of({{"endpointslice.kubernetes.io/skip-mirror", "true"}})}})},
       {"subsets", Value::list_of({Value::map_of(
                       {{"addresses", Value::list_of({Value::map_of({{"ip", "172.18.0.2"}})})},
                        {"ports", Value::list_of({Value::map_of({{"name", "https"}, {"port", Value::integer(6443)},
                                                                 {"protocol", "TCP"}})})}})})}}));
  sync_node_statuses(*api_, options_.kubelet);
  store_->set_meta("bootstrapped", format_rfc3339(clock_->now()));
}

const ResourceType& Cluster::type_for(std::string_view api_version, std::string_view kind) const {
  const ResourceType* type = registry_.by_kind(api_version, kind);
  if (type == nullptr) {
    throw Error(ErrorKind::NotFound, "no matches for kind " + strconv::quote(kind) + " in version " +
                                         strconv::quote(api_version));
  }
  return *type;
}

std::optional<Value> Cluster::get(std::string_view api_version, std::string_view kind, std::string_view ns,
                                  std::string_view name) {
  sync_clock();
  return api_->get(type_for(api_version, kind), ns, name);
}

std::vector<Value> Cluster::list(std::string_view api_version, std::string_view kind,
                                 std::optional<std::string_view> ns, std::string_view label_selector) {
  const Selector selector = parse_selector(label_selector);
  sync_clock();
  return api_->list(type_for(api_version, kind), ns, &selector);
}

Value Cluster::create(const Value& object) {
  Value out;
  transact([&] { out = api_->create(object.deep_copy()); });
  return out;
}

Value Cluster::update(const Value& object) {
  Value out;
  transact([&] { out = api_->update(object.deep_copy()); });
  return out;
}

void Cluster::remove(std::string_view api_version, std::string_view kind, std::string_view ns,
                     std::string_view name, Propagation propagation) {
  const ResourceType& type = type_for(api_version, kind);
  transact([&] { api_->remove(type, ns, name, propagation); });
}

bool Cluster::step() {
  const std::uint64_t before = api_->writes();
  transact([&] {
    api_->take_wake();
    ControllerContext ctx{*api_, *events_};
    run_namespace_controller(ctx);
    run_garbage_collector(ctx);
    run_deployment_controller(ctx);
    run_replicaset_controller(ctx);
    run_job_controller(ctx);
    run_scheduler(ctx);
    run_kubelet(ctx, options_.kubelet);
    run_endpoints_controller(ctx);
    run_event_ttl(ctx);
  });
  return api_->writes() != before;
}

SettleResult Cluster::settle() {
  SettleResult result;
  sync_clock();
  const std::optional<std::string> settled = store_->meta("settledSeq");
  const std::optional<std::string> wake = store_->meta("wakeAt");
  if (settled && std::stoll(*settled) == store_->write_seq() &&
      (!wake || wake->empty() || clock_->now() < std::stoll(*wake))) {
    result.converged = true;  // nothing written and no timer due since the last fixed point
    return result;
  }
  Seconds next_wake = 0;
  while (result.steps < options_.max_settle_steps) {
    ++result.steps;
    const bool wrote = step();
    next_wake = api_->take_wake();
    if (!wrote) {
      result.converged = true;
      break;
    }
  }
  if (result.converged) {
    transact([&] {
      store_->set_meta("settledSeq", std::to_string(store_->write_seq()));
      store_->set_meta("wakeAt", next_wake == 0 ? "" : std::to_string(next_wake));
    });
  }
  return result;
}

std::string Cluster::logs(std::string_view ns, std::string_view pod_name, std::string_view container) {
  const ResourceType& pod_type = *registry_.by_kind("v1", "Pod");
  const Value pod = api_->get_existing(pod_type, ns, pod_name);
  for (const Value& spec : list_at(pod, {"spec", "containers"})) {
    if (spec.get_string("name") != container) continue;
    for (const Value& cs : list_at(pod, {"status", "containerStatuses"})) {
      if (cs.get_string("name") != container) continue;
      if (!cs.get_string("containerID").empty()) return container_program(pod, spec, options_.kubelet).logs;
      throw Error(ErrorKind::BadRequest, "container " + strconv::quote(container) + " in pod " +
                                             strconv::quote(pod_name) + " is waiting to start: " +
                                             string_at(cs, {"state", "waiting", "reason"}));
    }
    throw Error(ErrorKind::BadRequest, "container " + strconv::quote(container) + " in pod " +
                                           strconv::quote(pod_name) + " is waiting to start: ContainerCreating");
  }
  throw Error(ErrorKind::BadRequest, "container " + std::string(container) + " is not valid for pod " +
                                         std::string(pod_name));
}

}  // namespace capstan::orchestrator
