// Hook execution.
#include "release/hooks.h"

#include <algorithm>

#include "core/error.h"

namespace capstan::release {

namespace {

bool has_policy(const Hook& h, const std::string& policy) {
  return std::find(h.delete_policies.begin(), h.delete_policies.end(), policy) !=
         h.delete_policies.end();
}

void delete_by_policy(Configuration& cfg, const Hook& h, const std::string& policy,
                      const std::string& ns) {
  if (h.kind == "CustomResourceDefinition" || !has_policy(h, policy)) return;
  const std::vector<Resource> resources = build_resources(h.manifest, ns);
  const std::vector<std::string> errs = cfg.kube.remove(resources);
  if (!errs.empty()) throw Error(ErrorKind::Invalid, errs.front());
  cfg.kube.settle();
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

void exec_hooks(Configuration& cfg, Release& release, const std::string& event, bool record) {
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
  for (Hook* h : executing) {
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
    cfg.kube.settle();
    std::string failure;
    for (const Resource& r : resources) {
      const std::optional<Value> live = cfg.kube.cluster().get(key_of(r));
      if (!live) continue;
      bool done = false;
      failure = hook_failure(*live, done);
      if (!done) failure = "timed out waiting for the condition";
      if (!failure.empty()) break;
    }
    h->last_run.completed_at = cfg.clock.now();
    if (!failure.empty()) {
      h->last_run.phase = "Failed";
      delete_by_policy(cfg, *h, "hook-failed", release.ns);
      throw Error(ErrorKind::Invalid, failure);
    }
    h->last_run.phase = "Succeeded";
  }
  for (auto it = executing.rbegin(); it != executing.rend(); ++it) {
    delete_by_policy(cfg, **it, "hook-succeeded", release.ns);
  }
}

}  // namespace capstan::release
