// Scale-down victim ordering (see pod_ranking.h).
#include "orchestrator/pod_ranking.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

int phase_ordinal(const Value& pod) {
  const std::string phase = string_at(pod, {"status", "phase"});
  if (phase == "Pending") return 0;
  if (phase == "Unknown") return 1;
  if (phase == "Running") return 2;
  return 0;  // Go's map lookup of another phase yields the zero value
}

std::int64_t deletion_cost(const Value& pod) {
  const std::string text = annotation(pod, "controller.kubernetes.io/pod-deletion-cost");
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < INT32_MIN || v > INT32_MAX) return 0;
  return v;
}

std::optional<Seconds> ready_time(const Value& pod) {
  if (!pod_ready(pod)) return std::nullopt;
  return time_at(*condition(pod, "Ready"), {"lastTransitionTime"});
}

std::int64_t max_restarts(const Value& pod) {
  std::int64_t m = 0;
  for (const Value& c : list_at(pod, {"status", "containerStatuses"})) m = std::max(m, int_at(c, {"restartCount"}));
  return m;
}

// afterOrZero: a zero time sorts first, else later before earlier.
bool after_or_zero(const std::optional<Seconds>& t1, const std::optional<Seconds>& t2) {
  if (!t1 || !t2) return !t1.has_value();
  return *t1 > *t2;
}

// Durations are bucketed by floor(log2(now - t)) (in nanoseconds, as Go's time.Duration).
std::int64_t log_rank_diff(Seconds t1, Seconds t2, Seconds now) {
  const auto rank = [now](Seconds t) -> std::int64_t {
    const double d = static_cast<double>(now - t) * 1e9;
    return d > 0 ? static_cast<std::int64_t>(std::log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

}  // namespace

bool delete_before(const RankedPod& a, const RankedPod& b, Seconds now) {
  const std::string na = string_at(a.pod, {"spec", "nodeName"}), nb = string_at(b.pod, {"spec", "nodeName"});
  // 1. unassigned < assigned
  if (na != nb && (na.empty() || nb.empty())) return na.empty();
  // 2. Pending < Unknown < Running
  if (phase_ordinal(a.pod) != phase_ordinal(b.pod)) return phase_ordinal(a.pod) < phase_ordinal(b.pod);
  // 3. not ready < ready
  if (pod_ready(a.pod) != pod_ready(b.pod)) return !pod_ready(a.pod);
  // 4. lower pod-deletion-cost first
  if (deletion_cost(a.pod) != deletion_cost(b.pod)) return deletion_cost(a.pod) < deletion_cost(b.pod);
  // 5. more co-located related pods first
  if (a.rank != b.rank) return a.rank > b.rank;
  // 6. both ready: ready for less time first (logarithmic buckets, then UID)
  if (pod_ready(a.pod) && pod_ready(b.pod)) {
    const auto ra = ready_time(a.pod), rb = ready_time(b.pod);
    if (ra != rb) {
      if (!ra || !rb) return after_or_zero(ra, rb);
      const std::int64_t diff = log_rank_diff(*ra, *rb, now);
      if (diff == 0) return uid_of(a.pod) < uid_of(b.pod);
      return diff < 0;
    }
  }
  // 7. more restarts first
  if (max_restarts(a.pod) != max_restarts(b.pod)) return max_restarts(a.pod) > max_restarts(b.pod);
  // 8. newer first
  const auto ca = time_at(a.pod, {"metadata", "creationTimestamp"});
  const auto cb = time_at(b.pod, {"metadata", "creationTimestamp"});
  if (ca != cb) {
    if (!ca || !cb) return after_or_zero(ca, cb);
    const std::int64_t diff = log_rank_diff(*ca, *cb, now);
    if (diff == 0) return uid_of(a.pod) < uid_of(b.pod);
    return diff < 0;
  }
  return false;
}

std::vector<Value> pods_to_delete(const std::vector<Value>& pods, const std::vector<Value>& related,
                                  std::size_t diff, Seconds now) {
  std::vector<RankedPod> ranked;
  if (diff < pods.size()) {
    std::map<std::string, int> on_node;
    for (const Value& p : related) {
      if (pod_active(p)) ++on_node[string_at(p, {"spec", "nodeName"})];
    }
    for (const Value& p : pods) ranked.push_back({p, on_node[string_at(p, {"spec", "nodeName"})]});
    // Go's sort.Sort is not stable; a stable sort keeps equal pods in list (name) order.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [now](const RankedPod& a, const RankedPod& b) { return delete_before(a, b, now); });
  } else {
    for (const Value& p : pods) ranked.push_back({p, 0});
  }
  std::vector<Value> out;
  for (std::size_t i = 0; i < diff && i < ranked.size(); ++i) out.push_back(ranked[i].pod);
  return out;
}

}  // namespace capstan::orchestrator
