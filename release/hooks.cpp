// Hook execution.
#include "release/hooks.h"

#include <algorithm>

#include "core/error.h"

namespace capstan::release {

namespace {

bool has_policy(const std::vector<std::string>& policies, const std::string& policy) {
  return std::find(policies.begin(), policies.end(), policy) != policies.end();
}

void delete_by_policy(Configuration& cfg, const Hook& h, const std::string& policy,
                      const std::string& ns) {
  if (h.kind == "CustomResourceDefinition" || !has_policy(h.delete_policies, policy)) return;
  std::vector<Resource> resources;
  try {
    resources = build_resources(h.manifest, ns);
  } catch (const Error& e) {
    throw Error(e.kind(), "unable to build kubernetes object for deleting hook " + h.path + ": " +
                              e.what());
  }
  const std::vector<std::string> errs = cfg.kube.remove(resources);
  if (!errs.empty()) throw Error(ErrorKind::Invalid, errs.front());
  // WaitForDelete: the embedded cluster deletes (and collects dependents) as it settles.
  cfg.kube.settle();
}

// outputLogsByPolicy: the containers' logs of a Job's pods (job-name=NAME) or of the Pod,
// written to the hook output (Helm: the log writer, stderr).
void output_logs_by_policy(Configuration& cfg, const Hook& h, const std::string& ns,
                           const std::string& policy) {
  if (!has_policy(h.output_log_policies, policy) || !cfg.hook_output) return;
  std::vector<Value> pods;
  if (h.kind == "Job") {
    pods = cfg.kube.cluster().list("v1", "Pod", ns, {{"job-name", h.name}});
  } else if (h.kind == "Pod") {
    if (std::optional<Value> p = cfg.kube.cluster().get({"v1", "Pod", ns, h.name})) pods.push_back(*p);
  }
  for (const Value& pod : pods) {
    const Value* containers = pod.find_path({"spec", "containers"});
    if (containers == nullptr || !containers->is_list()) continue;
    const std::string pod_name = pod.find_path({"metadata", "name"})->as_string();
    for (const Value& c : containers->list().items) {
      try {
        cfg.hook_output(cfg.kube.cluster().logs(ns, pod_name, c.get_string("name")));
      } catch (const Error&) {
        cfg.hook_output("Failed to stream pod logs for pod: " + pod_name +
                        ", container: " + c.get_string("name") + "\n");
      }
    }
  }
}

}  // namespace

std::string hook_failure(const Value& object, bool& done) {
  const std::string kind = object.get_string("kind");
  const std::string name = object.find_path({"metadata", "name"}) != nullptr
                               ? object.find_path({"metadata", "name"})->as_string()
                               : "";
  done = true;
  if (kind == "Job") {
    const Value* conditions = object.find_path({"status", "conditions"});
    if (conditions != nullptr && conditions->is_list()) {
      for (const Value& c : conditions->list().items) {
        if (c.get_string("status") != "True") continue;
        if (c.get_string("type") == "Complete") return "";
        if (c.get_string("type") == "Failed") {
          return "job " + name + " failed: " + c.get_string("reason");
        }
      }
    }
    done = false;
    return "";
  }
  if (kind == "Pod") {
    const std::string phase =
        object.find("status") != nullptr ? object.find("status")->get_string("phase") : "";
    if (phase == "Succeeded") return "";
    if (phase == "Failed") return "pod " + name + " failed";
    done = false;
  }
  return "";
}

std::string watch_until_ready(Configuration& cfg, const std::vector<Resource>& resources,
                              std::int64_t timeout_seconds) {
  Cluster& cluster = cfg.kube.cluster();
  const std::int64_t deadline = cluster.now() + std::max<std::int64_t>(timeout_seconds, 0);
  for (const Resource& r : resources) {
    if (r.kind != "Job" && r.kind != "Pod") continue;
    while (true) {
      cluster.settle();
      const std::optional<Value> live = cluster.get(key_of(r));
      // A deleted object ends the watch (watch.Deleted).
      if (!live) break;
      bool done = false;
      const std::string failure = hook_failure(*live, done);
      if (done) {
        if (!failure.empty()) return failure;
        break;
      }
      if (cluster.now() >= deadline) return "timed out waiting for the condition";
      cluster.sleep(1);
    }
  }
  return "";
}

void exec_hooks(Configuration& cfg, Release& release, const std::string& event, bool record,
                std::int64_t timeout_seconds) {
  std::vector<Hook*> executing;
  for (Hook& h : release.hooks) {
    if (std::find(h.events.begin(), h.events.end(), event) != h.events.end()) {
      executing.push_back(&h);
    }
  }
  std::stable_sort(executing.begin(), executing.end(), [](const Hook* a, const Hook* b) {
    if (a->weight == b->weight) return a->name < b->name;
    return a->weight < b->weight;
  });
  for (std::size_t i = 0; i < executing.size(); ++i) {
    Hook* h = executing[i];
    if (h->delete_policies.empty()) h->delete_policies = {"before-hook-creation"};
    delete_by_policy(cfg, *h, "before-hook-creation", release.ns);
    std::vector<Resource> resources;
    try {
      resources = build_resources(h->manifest, release.ns);
    } catch (const Error& e) {
      throw Error(e.kind(), "unable to build kubernetes object for " + event + " hook " + h->path +
                                ": " + e.what());
    }
    h->last_run = HookExecution{cfg.clock.now(), Time{}, "Running"};
    if (record) cfg.releases.update(release);
    h->last_run.phase = "Unknown";
    try {
      cfg.kube.create(resources);
    } catch (const Error& e) {
      h->last_run.completed_at = cfg.clock.now();
      h->last_run.phase = "Failed";
      throw Error(e.kind(), "warning: Hook " + event + " " + h->path + " failed: " + e.what());
    }
    const std::string failure = watch_until_ready(cfg, resources, timeout_seconds);
    h->last_run.completed_at = cfg.clock.now();
    if (!failure.empty()) {
      h->last_run.phase = "Failed";
      output_logs_by_policy(cfg, *h, release.ns, "hook-failed");
      try {
        delete_by_policy(cfg, *h, "hook-failed", release.ns);
      } catch (const Error&) {
        // Helm logs "error deleting the hook resource on hook failure" and goes on.
      }
      // The hooks that already succeeded are cleaned up by their policy.
      for (std::size_t j = 0; j < i; ++j) {
        delete_by_policy(cfg, *executing[j], "hook-succeeded", release.ns);
      }
      throw Error(ErrorKind::Invalid, failure);
    }
    h->last_run.phase = "Succeeded";
  }
  for (auto it = executing.rbegin(); it != executing.rend(); ++it) {
    output_logs_by_policy(cfg, **it, release.ns, "hook-succeeded");
    delete_by_policy(cfg, **it, "hook-succeeded", release.ns);
  }
}

}  // namespace capstan::release
