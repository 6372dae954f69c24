// The ReplicaSet controller, after pkg/controller/replicaset/replica_set.go: claim pods by
// selector (adopt orphans, release strays), create or delete pods to match spec.replicas
// (creates in slow-start batches that stop at the first failure), and report status.
#include <algorithm>

#include "core/error.h"
#include "orchestrator/controllers.h"
#include "orchestrator/deployment_util.h"
#include "orchestrator/object.h"
#include "orchestrator/pod_ranking.h"

namespace capstan::orchestrator {

namespace {

const EventSource kSource{"replicaset-controller", ""};
constexpr std::int64_t kBurstReplicas = 500;

class ReplicaSetSync {
 public:
  ReplicaSetSync(ControllerContext& ctx, Value rs)
      : api_(ctx.api),
        events_(ctx.events),
        rs_(std::move(rs)),
        pod_type_(*api_.registry().by_kind("v1", "Pod")),
        rs_type_(*api_.registry().by_kind("apps/v1", "ReplicaSet")),
        now_(api_.clock().now()) {}

  void run() {
    const Value* sel = at(rs_, {"spec", "selector"});
    Selector selector = Selector::nothing();
    try {
      selector = label_selector_as_selector(sel ? *sel : Value());
    } catch (const Error&) {
      return;
    }
    std::vector<Value> pods = claim_pods(selector);
    std::optional<std::string> manage_error;
    if (!has_deletion_timestamp(rs_)) manage_error = manage_replicas(pods);
    update_status(pods, manage_error);
  }

 private:
  std::vector<Value> claim_pods(const Selector& selector) {
    std::vector<Value> out;
    const bool deleting = has_deletion_timestamp(rs_);
    // Only our pods and orphans we would adopt are worth copying.
    const std::string uid = uid_of(rs_);
    const auto relevant = [&](const Value& pod) {
      if (!pod_active(pod)) return false;  // FilterActivePods
      const Value* ref = controller_ref(pod);
      return ref != nullptr ? ref->get_string("uid") == uid : selector.matches(labels_of(pod));
    };
    for (Value& pod : api_.list_if(pod_type_, namespace_of(rs_), relevant)) {
      const Value* ref = controller_ref(pod);
      const bool matches = selector.matches(labels_of(pod));
      if (ref != nullptr) {
        if (ref->get_string("uid") != uid_of(rs_)) continue;
        if (matches) {
          out.push_back(std::move(pod));
        } else if (!deleting) {
          metadata(pod).erase("ownerReferences");
          api_.update(std::move(pod));
        }
      } else if (matches && !deleting) {
        metadata(pod)["ownerReferences"].push_back(owner_reference(rs_, true));
        out.push_back(api_.update(std::move(pod)));
      }
    }
    return out;
  }

  // Pods of every ReplicaSet with the same controller (getIndirectlyRelatedPods).
  std::vector<Value> related_pods() {
    std::vector<std::string> uids{uid_of(rs_)};
    if (const Value* owner = controller_ref(rs_)) {
      for (const Value& other : api_.list(rs_type_, namespace_of(rs_))) {
        const Value* ref = controller_ref(other);
        if (ref != nullptr && ref->get_string("uid") == owner->get_string("uid")) uids.push_back(uid_of(other));
      }
    }
    return api_.list_if(pod_type_, namespace_of(rs_), [&uids](const Value& pod) {
      const Value* ref = controller_ref(pod);
      return ref != nullptr && std::find(uids.begin(), uids.end(), ref->get_string("uid")) != uids.end();
    });
  }

  std::optional<std::string> manage_replicas(const std::vector<Value>& pods) {
    const std::int64_t diff = static_cast<std::int64_t>(pods.size()) - deployment::replicas(rs_);
    if (diff < 0) {
      std::int64_t to_create = std::min(-diff, kBurstReplicas);
      // slowStartBatch: 1, 2, 4, ... stopping after a batch with failures.
      std::int64_t batch = 1;
      while (to_create > 0) {
        const std::int64_t n = std::min(batch, to_create);
        std::optional<std::string> failure;
        for (std::int64_t i = 0; i < n; ++i) {
          try {
            const Value pod = api_.create(pod_from_template(rs_), namespace_of(rs_));
            events_.record(rs_, "Normal", "SuccessfulCreate", "Created pod: " + name_of(pod), kSource);
          } catch (const Error& e) {
            events_.record(rs_, "Warning", "FailedCreate", std::string("Error creating: ") + e.what(), kSource);
            if (!failure) failure = e.what();
          }
        }
        if (failure) return failure;
        to_create -= n;
        batch *= 2;
      }
    } else if (diff > 0) {
      const std::vector<Value> victims =
          pods_to_delete(pods, related_pods(), static_cast<std::size_t>(std::min(diff, kBurstReplicas)), now_);
      for (const Value& pod : victims) {
        api_.remove(pod_type_, namespace_of(pod), name_of(pod));
        events_.record(rs_, "Normal", "SuccessfulDelete", "Deleted pod: " + name_of(pod), kSource);
      }
    }
    return std::nullopt;
  }

  // calculateStatus + updateReplicaSetStatus: counts from the pods seen before this sync's
  // creates and deletes, as Kubernetes does.
  void update_status(const std::vector<Value>& pods, const std::optional<std::string>& manage_error) {
    const Value* status_now = rs_.find("status");
    Value status = status_now ? status_now->deep_copy() : Value::empty_map();
    if (!status.is_map()) status = Value::empty_map();
    const Value& tlabels = labels_of(*at(rs_, {"spec", "template"}));
    const Selector template_selector = selector_from_map(tlabels);
    std::int64_t fully = 0, ready = 0, available = 0;
    const std::int64_t min_ready = int_at(rs_, {"spec", "minReadySeconds"});
    for (const Value& pod : pods) {
      if (template_selector.matches(labels_of(pod))) ++fully;
      if (pod_ready(pod)) {
        ++ready;
        if (pod_available(pod, min_ready, now_)) {
          ++available;
        } else if (const std::optional<Seconds> since = time_at(*condition(pod, "Ready"), {"lastTransitionTime"})) {
          api_.wake_at(*since + min_ready + 1);  // available once ready for minReadySeconds
        }
      }
    }
    const Value* failure = deployment::get_condition(status, "ReplicaFailure");
    if (manage_error && failure == nullptr) {
      const std::int64_t diff = static_cast<std::int64_t>(pods.size()) - deployment::replicas(rs_);
      const std::string reason = diff < 0 ? "FailedCreate" : (diff > 0 ? "FailedDelete" : "");
      deployment::set_condition(
          status, deployment::new_condition("ReplicaFailure", "True", reason, *manage_error, now_, false));
    } else if (!manage_error && failure != nullptr) {
      deployment::remove_condition(status, "ReplicaFailure");
    }
    status.set("replicas", Value::integer(static_cast<std::int64_t>(pods.size())));
    const auto set_nonzero = [&status](std::string_view key, std::int64_t v) {
      if (v != 0) {
        status.set(key, Value::integer(v));
      } else {
        status.erase(key);  // omitempty
      }
    };
    set_nonzero("fullyLabeledReplicas", fully);
    set_nonzero("readyReplicas", ready);
    set_nonzero("availableReplicas", available);
    set_nonzero("observedGeneration", int_at(rs_, {"metadata", "generation"}));
    if (status_now != nullptr && status == *status_now) return;
    rs_.set("status", status);
    api_.update_status(rs_);
  }

  ApiServer& api_;
  EventRecorder& events_;
  Value rs_;
  const ResourceType& pod_type_;
  const ResourceType& rs_type_;
  Seconds now_;
};

}  // namespace

void run_replicaset_controller(ControllerContext& ctx) {
  const ResourceType& type = *ctx.api.registry().by_kind("apps/v1", "ReplicaSet");
  for (const Value& listed : ctx.api.list(type, std::nullopt)) {
    std::optional<Value> rs = ctx.api.get(type, namespace_of(listed), name_of(listed));
    if (rs) guarded([&] { ReplicaSetSync(ctx, std::move(*rs)).run(); });
  }
}

}  // namespace capstan::orchestrator
