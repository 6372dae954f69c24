// Which pods a ReplicaSet deletes first when scaling down: controller.ActivePodsWithRanks.Less
// (pkg/controller/controller_utils.go) with PodDeletionCost and LogarithmicScaleDown on, as in
// current Kubernetes.
#pragma once

#include <cstddef>
#include <vector>

#include "core/value.h"
#include "orchestrator/clock.h"

namespace capstan::orchestrator {

struct RankedPod {
  Value pod;
  int rank = 0;  // active related pods on the same node
};

// true when `a` should be deleted before `b`.
bool delete_before(const RankedPod& a, const RankedPod& b, Seconds now);

// getPodsToDelete: the first `diff` of `pods` in deletion order; `related` are the pods of all
// ReplicaSets with the same owner (used for the co-location rank).
std::vector<Value> pods_to_delete(const std::vector<Value>& pods, const std::vector<Value>& related,
                                  std::size_t diff, Seconds now);

}  // namespace capstan::orchestrator
