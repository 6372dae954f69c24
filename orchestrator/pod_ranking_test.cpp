// Scale-down victim order, after TestSortingActivePodsWithRanks (controller_utils_test.go).
#include "orchestrator/pod_ranking.h"

#include <catch2/catch.hpp>

#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

constexpr Seconds kNow = 1000000;

Value pod(std::string name, std::string node, std::string phase, bool ready, Seconds created,
          Seconds ready_since = 0, int restarts = 0, std::string cost = "") {
  Value p = Value::map_of({{"metadata", Value::map_of({{"name", Value(name)}, {"uid", Value("uid-" + name)},
                                                       {"creationTimestamp", Value(format_rfc3339(created))}})},
                           {"spec", Value::map_of({{"nodeName", Value(node)}})},
                           {"status", Value::map_of({{"phase", Value(phase)}})}});
  if (!cost.empty()) set_annotation(p, "controller.kubernetes.io/pod-deletion-cost", cost);
  Value cond = Value::map_of({{"type", "Ready"}, {"status", ready ? "True" : "False"}});
  if (ready) cond.set("lastTransitionTime", Value(format_rfc3339(ready_since)));
  p["status"].set("conditions", Value::list_of({cond}));
  p["status"].set("containerStatuses",
                  Value::list_of({Value::map_of({{"restartCount", Value::integer(restarts)}})}));
  return p;
}

}  // namespace

TEST_CASE("ActivePodsWithRanks order: who goes first on scale-down", "[ranking]") {
  // In deletion order, each pod preferred over the next by exactly one rule.
  const std::vector<Value> expected = {
      pod("unscheduled", "", "Pending", false, kNow - 10),
      pod("pending", "node-1", "Pending", false, kNow - 10),
      pod("unknown", "node-1", "Unknown", false, kNow - 10),
      pod("running-not-ready", "node-1", "Running", false, kNow - 10),
      pod("low-cost", "node-1", "Running", true, kNow - 10, kNow - 10, 0, "-10"),
      pod("doubled-up", "node-2", "Running", true, kNow - 100000, kNow - 100000),
      pod("ready-briefly", "node-3", "Running", true, kNow - 100000, kNow - 10),
      pod("many-restarts", "node-4", "Running", true, kNow - 100000, kNow - 100000, 5),
      pod("newer", "node-5", "Running", true, kNow - 1000, kNow - 100000),
      pod("older", "node-6", "Running", true, kNow - 100000, kNow - 100000),
  };
  // "doubled-up" shares node-2 with another related pod.
  std::vector<Value> related = expected;
  related.push_back(pod("neighbour", "node-2", "Running", true, kNow));
  std::vector<Value> shuffled(expected.rbegin(), expected.rend());
  const std::vector<Value> order = pods_to_delete(shuffled, related, expected.size() - 1, kNow);
  for (std::size_t i = 0; i < order.size(); ++i) {
    INFO(i);
    CHECK(name_of(order[i]) == name_of(expected[i]));
  }
  // Deleting all: no ranking needed, list order kept.
  CHECK(pods_to_delete(shuffled, related, shuffled.size(), kNow).size() == shuffled.size());
}

TEST_CASE("times within the same power-of-two bucket fall back to UID order", "[ranking]") {
  const RankedPod a{pod("a", "n", "Running", true, kNow - 1000, kNow - 1000), 1};
  const RankedPod b{pod("b", "n", "Running", true, kNow - 1001, kNow - 1001), 1};
  CHECK(delete_before(a, b, kNow));  // "uid-a" < "uid-b"
  CHECK_FALSE(delete_before(b, a, kNow));
}

}  // namespace capstan::orchestrator
