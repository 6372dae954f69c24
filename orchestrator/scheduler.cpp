// The scheduler: the default profile's filters (NodeUnschedulable, TaintToleration,
// NodeAffinity, NodePorts, NodeResourcesFit) and scores (NodeResourcesFit LeastAllocated,
// NodeResourcesBalancedAllocation, TaintToleration, NodeAffinity) with their default weights,
// after pkg/scheduler/framework/plugins. Ties go to the first node by name (the real scheduler
// picks at random among ties). A pod that fits nowhere gets PodScheduled=False/Unschedulable with
// the scheduler's FitError text, preemption's postscript included.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "orchestrator/controllers.h"
#include "orchestrator/labels.h"
#include "orchestrator/object.h"
#include "orchestrator/quantity.h"

namespace capstan::orchestrator {

namespace {

const EventSource kSource{"default-scheduler", ""};
constexpr std::int64_t kDefaultMilliCPU = 100;                 // non-zero default for scoring
constexpr std::int64_t kDefaultMemory = 200LL * 1024 * 1024;  // 200Mi

struct Resources {
  std::map<std::string, std::int64_t> milli;  // requests in milli-units, by resource name
  std::int64_t nonzero_cpu = 0;                // milli-CPU with the 100m default
  std::int64_t nonzero_memory = 0;             // bytes with the 200Mi default
};

std::int64_t request_of(const Value& container, const std::string& resource) {
  const Value* q = at(container, {"resources", "requests", resource});
  if (q == nullptr) return -1;
  const auto parsed = quantity_of(*q);
  return parsed ? parsed->milli : -1;
}

Resources pod_requests(const Value& pod) {
  Resources r;
  for (const Value& c : list_at(pod, {"spec", "containers"})) {
    if (const Value* reqs = at(c, {"resources", "requests"}); reqs != nullptr && reqs->is_map()) {
      for (const auto& [name, q] : reqs->map().entries) {
        if (auto parsed = quantity_of(q)) r.milli[name] += parsed->milli;
      }
    }
    const std::int64_t cpu = request_of(c, "cpu"), mem = request_of(c, "memory");
    r.nonzero_cpu += cpu < 0 ? kDefaultMilliCPU : cpu;
    r.nonzero_memory += mem < 0 ? kDefaultMemory : mem / 1000;
  }
  // Init containers run one at a time: the pod needs the largest of them, if larger.
  for (const Value& c : list_at(pod, {"spec", "initContainers"})) {
    if (const Value* reqs = at(c, {"resources", "requests"}); reqs != nullptr && reqs->is_map()) {
      for (const auto& [name, q] : reqs->map().entries) {
        if (auto parsed = quantity_of(q)) r.milli[name] = std::max(r.milli[name], parsed->milli);
      }
    }
  }
  return r;
}

std::int64_t allocatable(const Value& node, const std::string& resource) {
  const Value* q = at(node, {"status", "allocatable", resource});
  if (q == nullptr) q = at(node, {"status", "capacity", resource});
  if (q == nullptr) return 0;
  const auto parsed = quantity_of(*q);
  return parsed ? parsed->milli : 0;
}

bool tolerates(const Value& toleration, const Value& taint) {
  const std::string effect = toleration.get_string("effect");
  if (!effect.empty() && effect != taint.get_string("effect")) return false;
  const std::string key = toleration.get_string("key");
  const std::string op = toleration.get_string("operator", "Equal");
  if (key.empty()) return op == "Exists";
  if (key != taint.get_string("key")) return false;
  return op == "Exists" || toleration.get_string("value") == taint.get_string("value");
}

bool tolerated(const Value& pod, const Value& taint) {
  for (const Value& t : list_at(pod, {"spec", "tolerations"})) {
    if (tolerates(t, taint)) return true;
  }
  return false;
}

bool match_expression(const Value& expr, const std::string* value) {
  const std::string op = expr.get_string("operator");
  std::vector<std::string> values;
  for (const Value& v : list_at(expr, {"values"})) values.push_back(v.is_string() ? v.as_string() : "");
  const bool in = value != nullptr && std::find(values.begin(), values.end(), *value) != values.end();
  if (op == "In") return in;
  if (op == "NotIn") return !in;
  if (op == "Exists") return value != nullptr;
  if (op == "DoesNotExist") return value == nullptr;
  if ((op == "Gt" || op == "Lt") && value != nullptr && values.size() == 1) {
    try {
      const long long have = std::stoll(*value), want = std::stoll(values[0]);
      return op == "Gt" ? have > want : have < want;
    } catch (...) {
      return false;
    }
  }
  return false;
}

// A NodeSelectorTerm: expressions on labels and fields, ANDed; an empty term matches nothing.
bool match_term(const Value& term, const Value& node) {
  const auto& exprs = list_at(term, {"matchExpressions"});
  const auto& fields = list_at(term, {"matchFields"});
  if (exprs.empty() && fields.empty()) return false;
  for (const Value& e : exprs) {
    const Value* v = labels_of(node).find(e.get_string("key"));
    const std::string text = v != nullptr && v->is_string() ? v->as_string() : "";
    if (!match_expression(e, v != nullptr ? &text : nullptr)) return false;
  }
  for (const Value& f : fields) {
    const std::string name = name_of(node);
    if (f.get_string("key") != "metadata.name" || !match_expression(f, &name)) return false;
  }
  return true;
}

bool node_affinity_fits(const Value& pod, const Value& node) {
  if (const Value* sel = at(pod, {"spec", "nodeSelector"}); sel != nullptr && sel->is_map()) {
    if (!selector_from_map(*sel).matches(labels_of(node))) return false;
  }
  const Value* required = at(pod, {"spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"});
  if (required == nullptr) return true;
  for (const Value& term : list_at(*required, {"nodeSelectorTerms"})) {
    if (match_term(term, node)) return true;
  }
  return false;
}

struct NodeState {
  const Value* node;
  std::map<std::string, std::int64_t> requested;
  std::int64_t nonzero_cpu = 0, nonzero_memory = 0, pods = 0;
  std::set<std::string> host_ports;
};

struct Verdict {
  std::vector<std::string> reasons;
  bool unresolvable = false;  // preemption cannot help
};

Verdict filter(const Value& pod, const Resources& req, const NodeState& s) {
  const Value& node = *s.node;
  // NodeUnschedulable
  if (bool_at(node, {"spec", "unschedulable"}) &&
      !tolerated(pod, Value::map_of({{"key", "node.kubernetes.io/unschedulable"}, {"effect", "NoSchedule"}}))) {
    return {{"node(s) were unschedulable"}, true};
  }
  // TaintToleration
  for (const Value& taint : list_at(node, {"spec", "taints"})) {
    const std::string effect = taint.get_string("effect");
    if ((effect == "NoSchedule" || effect == "NoExecute") && !tolerated(pod, taint)) {
      return {{"node(s) had untolerated taint {" + taint.get_string("key") + ": " + taint.get_string("value") + "}"}, true};
    }
  }
  // NodeAffinity
  if (!node_affinity_fits(pod, node)) return {{"node(s) didn't match Pod's node affinity/selector"}, true};
  // NodePorts
  for (const Value& c : list_at(pod, {"spec", "containers"})) {
    for (const Value& p : list_at(c, {"ports"})) {
      const std::int64_t hp = int_at(p, {"hostPort"});
      if (hp != 0 && s.host_ports.count(p.get_string("protocol", "TCP") + "/" + std::to_string(hp)) != 0) {
        return {{"node(s) didn't have free ports for the requested pod ports"}, false};
      }
    }
  }
  // NodeResourcesFit
  Verdict v;
  if (s.pods + 1 > allocatable(node, "pods") / 1000) v.reasons.emplace_back("Too many pods");
  for (const auto& [name, amount] : req.milli) {
    if (amount == 0 || name == "pods") continue;
    const std::int64_t alloc = allocatable(node, name);
    const auto it = s.requested.find(name);
    const std::int64_t used = it == s.requested.end() ? 0 : it->second;
    if (amount > alloc - used) v.reasons.push_back("Insufficient " + name);
  }
  return v;
}

std::int64_t least_allocated(std::int64_t requested, std::int64_t capacity) {
  if (capacity == 0 || requested > capacity) return 0;
  return (capacity - requested) * 100 / capacity;
}

std::string histogram(const std::map<std::string, int>& counts) {
  std::vector<std::string> parts;
  for (const auto& [reason, n] : counts) parts.push_back(std::to_string(n) + " " + reason);
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

void schedule(ControllerContext& ctx, Value pod, std::vector<NodeState>& nodes) {
  const Resources req = pod_requests(pod);
  std::vector<std::size_t> feasible;
  std::map<std::string, int> reasons, preemption;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Verdict v = filter(pod, req, nodes[i]);
    if (v.reasons.empty()) {
      feasible.push_back(i);
      continue;
    }
    for (const std::string& r : v.reasons) ++reasons[r];
    ++preemption[v.unresolvable ? "Preemption is not helpful for scheduling"
                                : "No preemption victims found for incoming pod"];
  }
  const Seconds now = ctx.api.clock().now();
  if (feasible.empty()) {
    std::string message;
    if (nodes.empty()) {
      message = "no nodes available to schedule pods";
    } else {
      const std::string n = std::to_string(nodes.size());
      message = "0/" + n + " nodes are available: " + histogram(reasons) + ". preemption: 0/" + n +
                " nodes are available: " + histogram(preemption) + ".";
    }
    const Value* cond = condition(pod, "PodScheduled");
    if (cond != nullptr && cond->get_string("status") == "False" && cond->get_string("message") == message) return;
    Value c = Value::map_of({{"type", "PodScheduled"}, {"status", "False"}, {"lastProbeTime", Value()},
                             {"lastTransitionTime", Value(format_rfc3339(now))},
                             {"reason", "Unschedulable"}, {"message", Value(message)}});
    Value& conds = pod["status"]["conditions"];
    Value kept = Value::empty_list();
    for (const Value& x : conds.is_list() ? conds.list().items : std::vector<Value>{}) {
      if (x.get_string("type") != "PodScheduled") kept.push_back(x);
    }
    kept.push_back(c);
    pod["status"].set("conditions", kept);
    pod = ctx.api.update_status(std::move(pod));
    ctx.events.record(pod, "Warning", "FailedScheduling", message, kSource);
    return;
  }
  // Scores (weights: fit 1, balanced 1, taints 3, affinity 2).
  std::vector<std::int64_t> taint_counts, affinity;
  for (std::size_t i : feasible) {
    std::int64_t count = 0;
    for (const Value& t : list_at(*nodes[i].node, {"spec", "taints"})) {
      if (t.get_string("effect") == "PreferNoSchedule" && !tolerated(pod, t)) ++count;
    }
    taint_counts.push_back(count);
    std::int64_t weight = 0;
    const Value* pref = at(pod, {"spec", "affinity", "nodeAffinity", "preferredDuringSchedulingIgnoredDuringExecution"});
    for (const Value& term : pref ? pref->list().items : std::vector<Value>{}) {
      if (const Value* p = term.find("preference"); p != nullptr && match_term(*p, *nodes[i].node)) {
        weight += int_at(term, {"weight"});
      }
    }
    affinity.push_back(weight);
  }
  const std::int64_t max_taints = *std::max_element(taint_counts.begin(), taint_counts.end());
  const std::int64_t max_affinity = *std::max_element(affinity.begin(), affinity.end());
  std::size_t best = feasible[0];
  std::int64_t best_score = -1;
  for (std::size_t k = 0; k < feasible.size(); ++k) {
    const NodeState& s = nodes[feasible[k]];
    const std::int64_t cpu_cap = allocatable(*s.node, "cpu"), mem_cap = allocatable(*s.node, "memory") / 1000;
    const std::int64_t fit = (least_allocated(s.nonzero_cpu + req.nonzero_cpu, cpu_cap) +
                              least_allocated(s.nonzero_memory + req.nonzero_memory, mem_cap)) / 2;
    const auto fraction = [](std::int64_t used, std::int64_t cap) {
      return cap == 0 ? 1.0 : std::min(1.0, static_cast<double>(used) / static_cast<double>(cap));
    };
    const auto used = [&](const std::string& r) {
      const auto a = s.requested.find(r);
      const auto b = req.milli.find(r);
      return (a == s.requested.end() ? 0 : a->second) + (b == req.milli.end() ? 0 : b->second);
    };
    const double fc = fraction(used("cpu"), cpu_cap), fm = fraction(used("memory") / 1000, mem_cap);
    const auto balanced = static_cast<std::int64_t>((1.0 - std::abs(fc - fm) / 2) * 100);
    const std::int64_t taint = max_taints == 0 ? 100 : 100 - taint_counts[k] * 100 / max_taints;
    const std::int64_t aff = max_affinity == 0 ? 0 : affinity[k] * 100 / max_affinity;
    const std::int64_t score = fit + balanced + 3 * taint + 2 * aff;
    if (score > best_score) {
      best_score = score;
      best = feasible[k];
    }
  }
  NodeState& chosen = nodes[best];
  const std::string node_name = name_of(*chosen.node);
  pod["spec"].set("nodeName", Value(node_name));
  pod = ctx.api.update(std::move(pod));  // the binding
  Value& conds = pod["status"]["conditions"];
  Value kept = Value::empty_list();
  for (const Value& x : conds.is_list() ? conds.list().items : std::vector<Value>{}) {
    if (x.get_string("type") != "PodScheduled") kept.push_back(x);
  }
  kept.push_back(Value::map_of({{"type", "PodScheduled"}, {"status", "True"}, {"lastProbeTime", Value()},
                                {"lastTransitionTime", Value(format_rfc3339(now))}}));
  pod["status"].set("conditions", kept);
  pod = ctx.api.update_status(std::move(pod));
  ctx.events.record(pod, "Normal", "Scheduled",
                    "Successfully assigned " + namespace_of(pod) + "/" + name_of(pod) + " to " + node_name, kSource);
  for (const auto& [name, amount] : req.milli) chosen.requested[name] += amount;
  chosen.nonzero_cpu += req.nonzero_cpu;
  chosen.nonzero_memory += req.nonzero_memory;
  ++chosen.pods;
}

}  // namespace

void run_scheduler(ControllerContext& ctx) {
  const ResourceType& pod_type = *ctx.api.registry().by_kind("v1", "Pod");
  const ResourceType& node_type = *ctx.api.registry().by_kind("v1", "Node");
  const std::vector<Value> node_objects = ctx.api.list(node_type, std::nullopt);
  std::vector<NodeState> nodes;
  std::map<std::string, std::size_t> index;
  for (const Value& n : node_objects) {
    index[name_of(n)] = nodes.size();
    nodes.push_back(NodeState{&n, {}, 0, 0, 0, {}});
  }
  std::vector<Value> pending;
  ctx.api.scan(pod_type, std::nullopt, [&](const Value& pod) {
    const std::string node = string_at(pod, {"spec", "nodeName"});
    if (node.empty()) {
      if (!has_deletion_timestamp(pod) && string_at(pod, {"spec", "schedulerName"}) == "default-scheduler") {
        pending.push_back(pod.deep_copy());
      }
      return;
    }
    const auto it = index.find(node);
    const std::string phase = string_at(pod, {"status", "phase"});
    if (it == index.end() || phase == "Succeeded" || phase == "Failed") return;
    NodeState& s = nodes[it->second];
    const Resources r = pod_requests(pod);
    for (const auto& [name, amount] : r.milli) s.requested[name] += amount;
    s.nonzero_cpu += r.nonzero_cpu;
    s.nonzero_memory += r.nonzero_memory;
    ++s.pods;
    for (const Value& c : list_at(pod, {"spec", "containers"})) {
      for (const Value& p : list_at(c, {"ports"})) {
        if (int_at(p, {"hostPort"}) != 0) {
          s.host_ports.insert(p.get_string("protocol", "TCP") + "/" + std::to_string(int_at(p, {"hostPort"})));
        }
      }
    }
  });
  // Queue order: oldest first (the scheduling queue's default for equal priority), then name.
  std::stable_sort(pending.begin(), pending.end(), [](const Value& a, const Value& b) {
    return time_at(a, {"metadata", "creationTimestamp"}).value_or(0) <
           time_at(b, {"metadata", "creationTimestamp"}).value_or(0);
  });
  for (Value& pod : pending) guarded([&] { schedule(ctx, std::move(pod), nodes); });
}

}  // namespace capstan::orchestrator
