// The Deployment controller, after pkg/controller/deployment (deployment_controller.go, sync.go,
// rolling.go, recreate.go, progress.go): one syncDeployment per Deployment per pass. Longer than
// our usual file because it is one sync whose steps share state (the ReplicaSet list, the
// Deployment being written); the pure arithmetic lives in deployment_util.
#include <algorithm>

#include "core/error.h"
#include "core/strconv.h"
#include "orchestrator/controllers.h"
#include "orchestrator/deployment_util.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

using namespace deployment;

const EventSource kSource{"deployment-controller", ""};

class DeploymentSync {
 public:
  DeploymentSync(ControllerContext& ctx, Value d)
      : api_(ctx.api),
        events_(ctx.events),
        d_(std::move(d)),
        rs_type_(*api_.registry().by_kind("apps/v1", "ReplicaSet")),
        pod_type_(*api_.registry().by_kind("v1", "Pod")),
        now_(api_.clock().now()) {}

  void run() {
    const Value* selector_value = at(d_, {"spec", "selector"});
    Selector selector = Selector::nothing();
    try {
      selector = label_selector_as_selector(selector_value ? *selector_value : Value());
    } catch (const Error&) {
      return;  // validation keeps this from happening
    }
    if (selector.empty()) {
      events_.record(d_, "Warning", "SelectingAll",
                     "This deployment is selecting all pods. A non-empty selector is required.", kSource);
      if (int_at(d_, {"status", "observedGeneration"}) < int_at(d_, {"metadata", "generation"})) {
        d_["status"].set("observedGeneration", Value::integer(int_at(d_, {"metadata", "generation"})));
        write_status();
      }
      return;
    }
    claim_replica_sets(selector);
    if (has_deletion_timestamp(d_)) {
      sync_status_only();
      return;
    }
    check_paused_conditions();
    if (bool_at(d_, {"spec", "paused"})) {
      sync_scale();
      return;
    }
    if (is_scaling_event()) {
      sync_scale();
      return;
    }
    if (string_at(d_, {"spec", "strategy", "type"}) == "Recreate") {
      rollout_recreate(selector);
    } else {
      rollout_rolling();
    }
  }

 private:
  // getReplicaSetsForDeployment: adopt matching orphans, release owned ones that stopped matching.
  void claim_replica_sets(const Selector& selector) {
    const bool deleting = has_deletion_timestamp(d_);
    for (Value& rs : api_.list(rs_type_, namespace_of(d_))) {
      const Value* ref = controller_ref(rs);
      const bool matches = selector.matches(labels_of(rs));
      if (ref != nullptr) {
        if (ref->get_string("uid") != uid_of(d_)) continue;
        if (matches) {
          rs_list_.push_back(std::move(rs));
        } else if (!deleting) {
          Value released = rs.deep_copy();
          Value kept = Value::empty_list();
          for (const Value& r : list_at(rs, {"metadata", "ownerReferences"})) {
            if (r.get_string("uid") != uid_of(d_)) kept.push_back(r);
          }
          if (kept.size() == 0) {
            metadata(released).erase("ownerReferences");
          } else {
            metadata(released).set("ownerReferences", kept);
          }
          api_.update(std::move(released));
        }
      } else if (matches && !deleting && !has_deletion_timestamp(rs)) {
        metadata(rs)["ownerReferences"].push_back(owner_reference(d_, true));
        rs_list_.push_back(api_.update(std::move(rs)));
      }
    }
  }

  void write_status() { d_ = api_.update_status(d_, /*annotations=*/true); }

  void replace_rs(const Value& updated) {
    for (Value& rs : rs_list_) {
      if (uid_of(rs) == uid_of(updated)) rs = updated;
    }
  }

  // getAllReplicaSetsAndSyncRevision: (new, all old).
  std::pair<std::optional<Value>, std::vector<Value>> all_replica_sets(bool create) {
    const Value* found = find_new_rs(d_, rs_list_);
    std::optional<Value> existing = found ? std::optional<Value>(*found) : std::nullopt;
    std::vector<Value> old;
    for (const Value& rs : rs_list_) {
      if (!existing || uid_of(rs) != uid_of(*existing)) old.push_back(rs);
    }
    std::optional<Value> new_rs = get_new_replica_set(existing, old, create);
    return {new_rs, old};
  }

  std::optional<Value> get_new_replica_set(std::optional<Value> existing, const std::vector<Value>& old,
                                           bool create) {
    const std::string new_revision = std::to_string(max_revision(old) + 1);
    if (existing) {
      Value rs = existing->deep_copy();
      const bool annotations_updated = set_new_rs_annotations(d_, rs, new_revision, true);
      const Int min_ready = int_at(d_, {"spec", "minReadySeconds"});
      if (annotations_updated || int_at(rs, {"spec", "minReadySeconds"}) != min_ready) {
        if (min_ready == 0) {
          rs["spec"].erase("minReadySeconds");
        } else {
          rs["spec"].set("minReadySeconds", Value::integer(min_ready));
        }
        Value updated = api_.update(std::move(rs));
        replace_rs(updated);
        return updated;
      }
      bool needs_update = set_deployment_revision(d_, annotation(rs, kRevision));
      if (has_progress_deadline(d_) && get_condition(d_["status"], "Progressing") == nullptr) {
        set_condition(d_["status"], new_condition("Progressing", "True", "FoundNewReplicaSet",
                                                  "Found new replica set " + strconv::quote(name_of(rs)), now_));
        needs_update = true;
      }
      if (needs_update) write_status();
      return rs;
    }
    if (!create) return std::nullopt;
    Value tmpl = at(d_, {"spec", "template"})->deep_copy();
    std::optional<Int> collisions;
    if (const Value* c = at(d_, {"status", "collisionCount"})) collisions = c->integer_value();
    const std::string hash = compute_hash(tmpl, collisions);
    Value& tmeta = metadata(tmpl);
    if (!tmeta["labels"].is_map()) tmeta.set("labels", Value::empty_map());
    tmeta["labels"].set(kHashLabel, Value(hash));
    Value selector = at(d_, {"spec", "selector"})->deep_copy();
    if (!selector["matchLabels"].is_map()) selector.set("matchLabels", Value::empty_map());
    selector["matchLabels"].set(kHashLabel, Value(hash));
    Value spec = Value::map_of({{"replicas", Value::integer(0)}, {"selector", selector}, {"template", tmpl}});
    if (Int mrs = int_at(d_, {"spec", "minReadySeconds"})) spec.set("minReadySeconds", Value::integer(mrs));
    Value rs = Value::map_of(
        {{"apiVersion", "apps/v1"},
         {"kind", "ReplicaSet"},
         {"metadata", Value::map_of({{"name", Value(name_of(d_) + "-" + hash)},
                                     {"namespace", Value(namespace_of(d_))},
                                     {"labels", tmeta["labels"].deep_copy()},
                                     {"ownerReferences", Value::list_of({owner_reference(d_, true)})}})},
         {"spec", spec}});
    std::vector<Value> all = old;
    all.push_back(rs);
    const Int new_replicas = new_rs_new_replicas(d_, all, rs);
    rs["spec"].set("replicas", Value::integer(new_replicas));
    set_new_rs_annotations(d_, rs, new_revision, false);
    bool already_exists = false;
    Value created;
    try {
      created = api_.create(std::move(rs), namespace_of(d_));
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::AlreadyExists) {
        std::optional<Value> live = api_.get(rs_type_, namespace_of(d_), name_of(d_) + "-" + hash);
        const Value* live_tmpl = live ? at(*live, {"spec", "template"}) : nullptr;
        if (live && is_controlled_by(*live, d_) && live_tmpl && equal_ignore_hash(*live_tmpl, *at(d_, {"spec", "template"}))) {
          created = *live;
          already_exists = true;
        } else {
          // A hash collision: bump collisionCount and retry on the next pass.
          d_["status"].set("collisionCount", Value::integer(collisions.value_or(0) + 1));
          write_status();
          return std::nullopt;
        }
      } else {
        const std::string msg = "Failed to create new replica set " +
                                strconv::quote(name_of(d_) + "-" + hash) + ": " + e.what();
        if (has_progress_deadline(d_)) {
          set_condition(d_["status"], new_condition("Progressing", "False", "ReplicaSetCreateError", msg, now_));
          write_status();
        }
        events_.record(d_, "Warning", "ReplicaSetCreateError", msg, kSource);
        return std::nullopt;
      }
    }
    if (!already_exists) {
      rs_list_.push_back(created);
      if (new_replicas > 0) {
        events_.record(d_, "Normal", "ScalingReplicaSet",
                       "Scaled up replica set " + name_of(created) + " to " + std::to_string(new_replicas), kSource);
      }
    }
    bool needs_update = set_deployment_revision(d_, new_revision);
    if (!already_exists && has_progress_deadline(d_)) {
      set_condition(d_["status"], new_condition("Progressing", "True", "NewReplicaSetCreated",
                                                "Created new replica set " + strconv::quote(name_of(created)), now_));
      needs_update = true;
    }
    if (needs_update) write_status();
    return created;
  }

  // scaleReplicaSet: size and desired/max annotations; an event when the size changes.
  bool scale_rs(Value rs, Int new_scale, const std::string& operation) {
    const Int current = int_at(rs, {"spec", "replicas"}, 1);
    const bool size_changes = current != new_scale;
    const Int max = replicas(d_) + max_surge(d_);
    if (!size_changes && !replicas_annotations_need_update(rs, replicas(d_), max)) return false;
    rs["spec"].set("replicas", Value::integer(new_scale));
    set_replicas_annotations(rs, replicas(d_), max);
    Value updated = api_.update(std::move(rs));
    replace_rs(updated);
    if (size_changes) {
      events_.record(d_, "Normal", "ScalingReplicaSet",
                     "Scaled " + operation + " replica set " + name_of(updated) + " to " +
                         std::to_string(new_scale) + " from " + std::to_string(current),
                     kSource);
    }
    return size_changes;
  }

  bool scale_and_record(const Value& rs, Int new_scale) {
    const Int current = int_at(rs, {"spec", "replicas"}, 1);
    if (current == new_scale) return false;
    return scale_rs(rs, new_scale, current < new_scale ? "up" : "down");
  }

  const Value& latest(const Value& rs) {
    for (const Value& r : rs_list_) {
      if (uid_of(r) == uid_of(rs)) return r;
    }
    return rs;
  }

  std::vector<Value> refreshed(const std::vector<Value>& rss) {
    std::vector<Value> out;
    for (const Value& rs : rss) out.push_back(latest(rs));
    return out;
  }

  bool is_scaling_event() {
    auto [new_rs, old] = all_replica_sets(false);
    std::vector<Value> all = old;
    if (new_rs) all.push_back(*new_rs);
    for (const Value& rs : active(all)) {
      const std::string desired = annotation(rs, kDesiredReplicas);
      if (desired.empty()) continue;
      if (desired != std::to_string(replicas(d_))) return true;
    }
    return false;
  }

  // sync: scaling (proportional during a rollout) and history cleanup while paused.
  void sync_scale() {
    auto [new_rs, old] = all_replica_sets(false);
    scale(new_rs, old);
    if (bool_at(d_, {"spec", "paused"})) cleanup(refreshed(old));
    std::vector<Value> all = refreshed(old);
    if (new_rs) all.push_back(latest(*new_rs));
    sync_deployment_status(all, new_rs ? std::optional<Value>(latest(*new_rs)) : std::nullopt);
  }

  void scale(const std::optional<Value>& new_rs, std::vector<Value> old) {
    // FindActiveOrLatest
    std::vector<Value> by_newest = old;
    sort_by_creation(by_newest);
    std::reverse(by_newest.begin(), by_newest.end());
    std::vector<Value> candidates = by_newest;
    if (new_rs) candidates.push_back(*new_rs);
    std::vector<Value> act = active(candidates);
    std::optional<Value> active_or_latest;
    if (act.size() == 1) {
      active_or_latest = act[0];
    } else if (act.empty()) {
      if (new_rs) {
        active_or_latest = *new_rs;
      } else if (!by_newest.empty()) {
        active_or_latest = by_newest[0];
      }
    }
    if (active_or_latest) {
      if (int_at(*active_or_latest, {"spec", "replicas"}, 1) == replicas(d_)) return;
      scale_and_record(*active_or_latest, replicas(d_));
      return;
    }
    if (new_rs && is_saturated(d_, *new_rs)) {
      for (const Value& o : active(old)) scale_and_record(o, 0);
      return;
    }
    if (!is_rolling_update(d_)) return;
    std::vector<Value> all = old;
    if (new_rs) all.push_back(*new_rs);
    all = active(all);
    const Int all_replicas = replica_count(all);
    const Int allowed = replicas(d_) > 0 ? replicas(d_) + max_surge(d_) : 0;
    const Int to_add = allowed - all_replicas;
    std::string operation;
    if (to_add > 0) {
      sort_by_size_newer(all);
      operation = "up";
    } else if (to_add < 0) {
      sort_by_size_older(all);
      operation = "down";
    }
    Int added = 0;
    std::vector<Int> sizes;
    for (const Value& rs : all) {
      Int size = int_at(rs, {"spec", "replicas"}, 1);
      if (to_add != 0) {
        const Int p = proportion(rs, d_, to_add, added);
        size += p;
        added += p;
      }
      sizes.push_back(size);
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i == 0 && to_add != 0) sizes[0] = std::max<Int>(0, sizes[0] + to_add - added);
      scale_rs(all[i], sizes[i], operation);
    }
  }

  void rollout_rolling() {
    auto [new_rs, old] = all_replica_sets(true);
    if (!new_rs) return;
    std::vector<Value> all = old;
    all.push_back(*new_rs);
    if (reconcile_new(all, *new_rs)) {
      sync_rollout_status(refreshed(all), latest(*new_rs));
      return;
    }
    if (reconcile_old(refreshed(all), active(refreshed(old)), latest(*new_rs))) {
      sync_rollout_status(refreshed(all), latest(*new_rs));
      return;
    }
    if (deployment_complete(d_, d_["status"])) cleanup(refreshed(old));
    sync_rollout_status(refreshed(all), latest(*new_rs));
  }

  bool reconcile_new(const std::vector<Value>& all, const Value& new_rs) {
    const Int current = int_at(new_rs, {"spec", "replicas"}, 1);
    if (current == replicas(d_)) return false;
    if (current > replicas(d_)) return scale_and_record(new_rs, replicas(d_));
    return scale_and_record(new_rs, new_rs_new_replicas(d_, all, new_rs));
  }

  bool reconcile_old(const std::vector<Value>& all, std::vector<Value> old, const Value& new_rs) {
    if (replica_count(old) == 0) return false;
    const Int all_pods = replica_count(all);
    const Int min_available = replicas(d_) - max_unavailable(d_);
    const Int new_unavailable = int_at(new_rs, {"spec", "replicas"}, 1) - int_at(new_rs, {"status", "availableReplicas"});
    const Int max_scaled_down = all_pods - min_available - new_unavailable;
    if (max_scaled_down <= 0) return false;
    // cleanupUnhealthyReplicas: unavailable old pods go first, they cost no availability.
    sort_by_creation(old);
    Int cleaned = 0;
    for (Value& rs : old) {
      if (cleaned >= max_scaled_down) break;
      const Int spec = int_at(rs, {"spec", "replicas"}, 1);
      const Int available = int_at(rs, {"status", "availableReplicas"});
      if (spec == 0 || spec == available) continue;
      const Int down = std::min(max_scaled_down - cleaned, spec - available);
      scale_and_record(rs, spec - down);
      rs = latest(rs);
      cleaned += down;
    }
    // scaleDownOldReplicaSetsForRollingUpdate
    std::vector<Value> all_now = refreshed(all);
    const Int available = available_count(all_now);
    Int scaled = 0;
    if (available > min_available) {
      const Int total = available - min_available;
      for (const Value& rs : old) {
        if (scaled >= total) break;
        const Int spec = int_at(rs, {"spec", "replicas"}, 1);
        if (spec == 0) continue;
        const Int down = std::min(spec, total - scaled);
        scale_and_record(rs, spec - down);
        scaled += down;
      }
    }
    return cleaned + scaled > 0;
  }

  void rollout_recreate(const Selector& selector) {
    auto [new_rs, old] = all_replica_sets(false);
    bool scaled = false;
    for (const Value& rs : active(old)) scaled = scale_and_record(rs, 0) || scaled;
    std::vector<Value> all = refreshed(old);
    if (new_rs) all.push_back(latest(*new_rs));
    if (scaled) {
      sync_rollout_status(all, new_rs);
      return;
    }
    if (old_pods_running(new_rs, refreshed(old), selector)) {
      sync_rollout_status(all, new_rs);
      return;
    }
    if (!new_rs) {
      std::tie(new_rs, old) = all_replica_sets(true);
      if (!new_rs) return;
    }
    scale_and_record(latest(*new_rs), replicas(d_));
    if (deployment_complete(d_, d_["status"])) cleanup(refreshed(old));
    all = refreshed(old);
    all.push_back(latest(*new_rs));
    sync_rollout_status(all, latest(*new_rs));
  }

  bool old_pods_running(const std::optional<Value>& new_rs, const std::vector<Value>& old, const Selector& selector) {
    if (actual_count(old) > 0) return true;
    for (const Value& pod : api_.list(pod_type_, namespace_of(d_), &selector)) {
      const Value* ref = controller_ref(pod);
      if (ref == nullptr) continue;
      const std::string owner = ref->get_string("uid");
      if (new_rs && owner == uid_of(*new_rs)) continue;
      bool ours = false;
      for (const Value& rs : rs_list_) ours = ours || uid_of(rs) == owner;
      if (!ours) continue;
      const std::string phase = string_at(pod, {"status", "phase"});
      if (phase != "Failed" && phase != "Succeeded") return true;
    }
    return false;
  }

  // cleanupDeployment: keep revisionHistoryLimit old ReplicaSets, deleting the oldest empty ones.
  void cleanup(std::vector<Value> old) {
    const Value* limit_value = at(d_, {"spec", "revisionHistoryLimit"});
    if (limit_value == nullptr || !limit_value->is_number() || limit_value->integer_value() == 2147483647) return;
    std::vector<Value> cleanable;
    for (const Value& rs : old) {
      if (!has_deletion_timestamp(rs)) cleanable.push_back(rs);
    }
    const Int diff = static_cast<Int>(cleanable.size()) - limit_value->integer_value();
    if (diff <= 0) return;
    sort_by_revision(cleanable);
    for (Int i = 0; i < diff; ++i) {
      const Value& rs = cleanable[static_cast<std::size_t>(i)];
      if (int_at(rs, {"status", "replicas"}) != 0 || int_at(rs, {"spec", "replicas"}, 1) != 0 ||
          int_at(rs, {"metadata", "generation"}) > int_at(rs, {"status", "observedGeneration"})) {
        continue;
      }
      api_.remove(rs_type_, namespace_of(rs), name_of(rs));
    }
  }

  Value calculate_status(const std::vector<Value>& all, const std::optional<Value>& new_rs) {
    const Int available = available_count(all);
    const Int total = replica_count(all);
    Value status = Value::empty_map();
    const auto set_nonzero = [&status](std::string_view key, Int v) {
      if (v != 0) status.set(key, Value::integer(v));  // omitempty
    };
    set_nonzero("observedGeneration", int_at(d_, {"metadata", "generation"}));
    set_nonzero("replicas", actual_count(all));
    set_nonzero("updatedReplicas", new_rs ? int_at(*new_rs, {"status", "replicas"}) : 0);
    set_nonzero("readyReplicas", ready_count(all));
    set_nonzero("availableReplicas", available);
    set_nonzero("unavailableReplicas", std::max<Int>(0, total - available));
    if (const Value* c = at(d_, {"status", "collisionCount"})) status.set("collisionCount", *c);
    if (const Value* conds = at(d_, {"status", "conditions"})) status.set("conditions", conds->deep_copy());
    if (available >= replicas(d_) - max_unavailable(d_)) {
      set_condition(status, new_condition("Available", "True", "MinimumReplicasAvailable",
                                          "Deployment has minimum availability.", now_));
    } else {
      set_condition(status, new_condition("Available", "False", "MinimumReplicasUnavailable",
                                          "Deployment does not have minimum availability.", now_));
    }
    return status;
  }

  void sync_status_only() {
    auto [new_rs, old] = all_replica_sets(false);
    std::vector<Value> all = old;
    if (new_rs) all.push_back(*new_rs);
    sync_deployment_status(all, new_rs);
  }

  void sync_deployment_status(const std::vector<Value>& all, const std::optional<Value>& new_rs) {
    Value status = calculate_status(all, new_rs);
    if (d_.find("status") != nullptr && status == *d_.find("status")) return;
    d_.set("status", status);
    write_status();
  }

  // syncRolloutStatus (progress.go)
  void sync_rollout_status(const std::vector<Value>& all, const std::optional<Value>& new_rs) {
    Value status = calculate_status(all, new_rs);
    if (!has_progress_deadline(d_)) remove_condition(status, "Progressing");
    const Value* current = get_condition(d_["status"], "Progressing");
    const bool complete_before = int_at(status, {"replicas"}) == int_at(status, {"updatedReplicas"}) &&
                                 current != nullptr && current->get_string("reason") == "NewReplicaSetAvailable";
    if (has_progress_deadline(d_) && !complete_before) {
      const std::string subject = new_rs ? "ReplicaSet " + strconv::quote(name_of(*new_rs))
                                         : "Deployment " + strconv::quote(name_of(d_));
      if (deployment_complete(d_, status)) {
        set_condition(status, new_condition("Progressing", "True", "NewReplicaSetAvailable",
                                            subject + " has successfully progressed.", now_));
      } else if (deployment_progressing(d_, status)) {
        Value cond = new_condition("Progressing", "True", "ReplicaSetUpdated", subject + " is progressing.", now_);
        if (current != nullptr) {
          if (current->get_string("status") == "True") cond.set("lastTransitionTime", *current->find("lastTransitionTime"));
          remove_condition(status, "Progressing");
        }
        set_condition(status, std::move(cond));
      } else if (deployment_timed_out(d_, status, now_)) {
        set_condition(status, new_condition("Progressing", "False", "ProgressDeadlineExceeded",
                                            subject + " has timed out progressing.", now_));
      }
    }
    // Promote a ReplicaSet's ReplicaFailure condition (the new one's first).
    std::optional<Value> failure;
    std::vector<Value> search;
    if (new_rs) search.push_back(*new_rs);
    for (const Value& rs : all) search.push_back(rs);
    for (const Value& rs : search) {
      const Value* rs_status = rs.find("status");
      const Value* c = rs_status ? get_condition(*rs_status, "ReplicaFailure") : nullptr;
      if (c != nullptr && !failure) {
        Value dc = c->deep_copy();
        dc.set("lastUpdateTime", dc.find("lastTransitionTime") ? *dc.find("lastTransitionTime") : Value());
        failure = dc;
      }
    }
    if (failure) {
      set_condition(status, *failure);
    } else {
      remove_condition(status, "ReplicaFailure");
    }
    // The deadline passes with time alone: ask to run again just after it.
    if (const Value* p = get_condition(status, "Progressing"); p != nullptr && has_progress_deadline(d_)) {
      const std::string reason = p->get_string("reason");
      const std::optional<Seconds> from = time_at(*p, {"lastUpdateTime"});
      if (from && reason != "NewReplicaSetAvailable" && reason != "ProgressDeadlineExceeded") {
        api_.wake_at(*from + int_at(d_, {"spec", "progressDeadlineSeconds"}) + 1);
      }
    }
    if (d_.find("status") != nullptr && status == *d_.find("status")) return;
    d_.set("status", status);
    write_status();
  }

  void check_paused_conditions() {
    if (!has_progress_deadline(d_)) return;
    const Value* cond = get_condition(d_["status"], "Progressing");
    if (cond != nullptr && cond->get_string("reason") == "ProgressDeadlineExceeded") return;
    const bool paused_exists = cond != nullptr && cond->get_string("reason") == "DeploymentPaused";
    const bool paused = bool_at(d_, {"spec", "paused"});
    if (paused && !paused_exists) {
      set_condition(d_["status"], new_condition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now_));
    } else if (!paused && paused_exists) {
      set_condition(d_["status"], new_condition("Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", now_));
    } else {
      return;
    }
    write_status();
  }

  ApiServer& api_;
  EventRecorder& events_;
  Value d_;
  const ResourceType& rs_type_;
  const ResourceType& pod_type_;
  Seconds now_;
  std::vector<Value> rs_list_;
};

}  // namespace

void run_deployment_controller(ControllerContext& ctx) {
  const ResourceType& type = *ctx.api.registry().by_kind("apps/v1", "Deployment");
  for (Value& d : ctx.api.list(type, std::nullopt)) {
    // A deployment removed earlier in this pass (garbage collection) is skipped.
    std::optional<Value> fresh = ctx.api.get(type, namespace_of(d), name_of(d));
    if (!fresh) continue;
    guarded([&] { DeploymentSync(ctx, std::move(*fresh)).run(); });
  }
}

}  // namespace capstan::orchestrator
