// The Deployment controller's arithmetic and bookkeeping, after
// pkg/controller/deployment/util/deployment_util.go: rolling-update fenceposts, how far the new
// ReplicaSet may scale up, proportional scaling, revisions and the annotations carried between
// a Deployment and its ReplicaSets, conditions, and the pod-template-hash. Pure functions over
// objects, so they can be table-tested with Kubernetes' own cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "orchestrator/clock.h"

namespace capstan::orchestrator::deployment {

inline constexpr std::string_view kRevision = "deployment.kubernetes.io/revision";
inline constexpr std::string_view kRevisionHistory = "deployment.kubernetes.io/revision-history";
inline constexpr std::string_view kDesiredReplicas = "deployment.kubernetes.io/desired-replicas";
inline constexpr std::string_view kMaxReplicas = "deployment.kubernetes.io/max-replicas";
inline constexpr std::string_view kHashLabel = "pod-template-hash";
inline constexpr std::string_view kChangeCause = "kubernetes.io/change-cause";
inline constexpr std::string_view kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

using Int = std::int64_t;

// intstr.GetScaledValueFromIntOrPercent: an int, or "N%" of total rounded up or down.
// Throws Error(Invalid) for anything else.
Int scaled_value(const Value& int_or_percent, Int total, bool round_up);

struct Fenceposts {
  Int surge = 0;
  Int unavailable = 0;
};
// ResolveFenceposts: surge rounds up, unavailable rounds down; both 0 => unavailable 1.
Fenceposts resolve_fenceposts(const Value* max_surge, const Value* max_unavailable, Int desired);

Int replicas(const Value& object);  // spec.replicas (defaulted to 1 when absent)
bool is_rolling_update(const Value& d);
Int max_unavailable(const Value& d);  // MaxUnavailable
Int max_surge(const Value& d);        // MaxSurge

// NewRSNewReplicas: the size the new ReplicaSet may have now.
Int new_rs_new_replicas(const Value& d, const std::vector<Value>& all_rss, const Value& new_rs);
bool is_saturated(const Value& d, const Value& rs);
// GetProportion for proportional scaling.
Int proportion(const Value& rs, const Value& d, Int to_add, Int added);

Int replica_count(const std::vector<Value>& rss);    // Σ spec.replicas
Int actual_count(const std::vector<Value>& rss);     // Σ status.replicas
Int ready_count(const std::vector<Value>& rss);      // Σ status.readyReplicas
Int available_count(const std::vector<Value>& rss);  // Σ status.availableReplicas
std::vector<Value> active(const std::vector<Value>& rss);  // spec.replicas > 0

// Orderings (stable; name breaks creation-time ties).
void sort_by_creation(std::vector<Value>& rss);
void sort_by_size_newer(std::vector<Value>& rss);  // larger first, then newer first
void sort_by_size_older(std::vector<Value>& rss);  // larger first, then older first
void sort_by_revision(std::vector<Value>& rss);

// Revisions
std::optional<Int> revision(const Value& object);  // nullopt when the annotation does not parse
Int max_revision(const std::vector<Value>& rss);
bool equal_ignore_hash(const Value& template1, const Value& template2);
const Value* find_new_rs(const Value& d, std::vector<Value>& rss);  // sorts rss by creation
// SetNewReplicaSetAnnotations; true when rs changed.
bool set_new_rs_annotations(const Value& d, Value& rs, const std::string& new_revision, bool exists);
bool set_replicas_annotations(Value& rs, Int desired, Int max);
bool replicas_annotations_need_update(const Value& rs, Int desired, Int max);
bool set_deployment_revision(Value& d, const std::string& revision);

// controller.ComputeHash: FNV-1a 32 of the template's canonical JSON (plus the collision count),
// printed in decimal and mapped through SafeEncodeString.
std::string compute_hash(const Value& pod_template, std::optional<Int> collision_count);

// Conditions (Deployment and ReplicaSet share the shape).
Value new_condition(std::string_view type, std::string_view status, std::string_view reason,
                    std::string_view message, Seconds now, bool with_update_time = true);
const Value* get_condition(const Value& status, std::string_view type);
void set_condition(Value& status, Value condition);  // SetDeploymentCondition
void remove_condition(Value& status, std::string_view type);

bool has_progress_deadline(const Value& d);
bool deployment_complete(const Value& d, const Value& new_status);
bool deployment_progressing(const Value& d, const Value& new_status);
bool deployment_timed_out(const Value& d, const Value& new_status, Seconds now);

}  // namespace capstan::orchestrator::deployment
