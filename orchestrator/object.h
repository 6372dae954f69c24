// Helpers for Kubernetes objects held as capstan::Value maps shaped like their JSON: metadata
// access, owner references, pod readiness and availability, and apimachinery's semantic
// equality (a missing field, null, {} and [] are all "empty").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"
#include "orchestrator/clock.h"

namespace capstan::orchestrator {

// metadata.<field> as a string ("" when missing).
std::string meta_field(const Value& object, std::string_view field);
inline std::string name_of(const Value& o) { return meta_field(o, "name"); }
inline std::string namespace_of(const Value& o) { return meta_field(o, "namespace"); }
inline std::string uid_of(const Value& o) { return meta_field(o, "uid"); }
// metadata, created when missing.
Value& metadata(Value& object);
// metadata.labels / metadata.annotations as maps (a shared empty map when missing).
const Value& labels_of(const Value& object);
const Value& annotations_of(const Value& object);
std::string annotation(const Value& object, std::string_view key);
void set_annotation(Value& object, std::string_view key, std::string_view value);
bool has_deletion_timestamp(const Value& object);

// A nested value by path, nullptr when a step is missing.
const Value* at(const Value& v, std::initializer_list<std::string_view> path);
std::int64_t int_at(const Value& v, std::initializer_list<std::string_view> path,
                    std::int64_t fallback = 0);
std::string string_at(const Value& v, std::initializer_list<std::string_view> path,
                      std::string_view fallback = "");
bool bool_at(const Value& v, std::initializer_list<std::string_view> path, bool fallback = false);
std::optional<Seconds> time_at(const Value& v, std::initializer_list<std::string_view> path);
// A list at path (a shared empty list when missing).
const std::vector<Value>& list_at(const Value& v, std::initializer_list<std::string_view> path);

// apimachinery's equality.Semantic.DeepEqual over JSON: empty and missing are the same.
bool semantic_equal(const Value& a, const Value& b);
// A copy with empty maps/lists and nulls removed from maps, recursively (for hashing).
Value prune_empty(const Value& v);

// ownerReferences
const Value* controller_ref(const Value& object);  // the entry with controller: true
Value owner_reference(const Value& owner, bool controller);
bool is_controlled_by(const Value& object, const Value& owner);

// Pods
bool pod_ready(const Value& pod);   // Ready condition True
bool pod_active(const Value& pod);  // not Succeeded/Failed, not being deleted
// Ready for at least minReadySeconds (podutil.IsPodAvailable).
bool pod_available(const Value& pod, std::int64_t min_ready_seconds, Seconds now);
const Value* condition(const Value& object, std::string_view type);  // status.conditions[type]

}  // namespace capstan::orchestrator
