// The controllers the embedded cluster runs, each one pass over every object it manages, in
// the order Cluster::step() calls them. Each reads current state through the ApiServer and
// writes through it, so a pass that changes nothing writes nothing (the reconcile loop's fixed
// point). See orchestrator/README.md for what each reproduces and where it simplifies.
#pragma once

#include "core/error.h"
#include "orchestrator/apiserver.h"
#include "orchestrator/events.h"
#include "orchestrator/kubelet.h"

namespace capstan::orchestrator {

struct ControllerContext {
  ApiServer& api;
  EventRecorder& events;
};

// Runs one object's sync; an API error abandons that sync only (the next pass retries it, as a
// controller's work queue would), so one bad object cannot stop the others. Store failures and
// bugs still propagate and roll the pass back.
template <typename Sync>
void guarded(Sync&& sync) {
  try {
    sync();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Io || e.kind() == ErrorKind::Internal) throw;
  }
}

// controller.GetPodFromTemplate: a pod from owner.spec.template, controlled by `owner`, named
// generateName "<name>-" unless `name` is given.
Value pod_from_template(const Value& owner, const std::string& name = "");

void run_namespace_controller(ControllerContext& ctx);
void run_garbage_collector(ControllerContext& ctx);
void run_deployment_controller(ControllerContext& ctx);
void run_replicaset_controller(ControllerContext& ctx);
void run_job_controller(ControllerContext& ctx);
void run_scheduler(ControllerContext& ctx);
void run_kubelet(ControllerContext& ctx, const KubeletConfig& config);
// Expires events older than an hour.
void run_event_ttl(ControllerContext& ctx);
void run_endpoints_controller(ControllerContext& ctx);

}  // namespace capstan::orchestrator
