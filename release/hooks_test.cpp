// Hooks: run in weight order around install, recorded with their last run, deleted by policy.
#include "release/hooks.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "release/fake_cluster_test.h"
#include "release/install.h"

namespace rel = capstan::release;
using capstan::Value;
using rel::testing::FakeCluster;

namespace {

rel::Hook job_hook(const std::string& name, const std::string& event, int weight,
                   std::vector<std::string> policies = {}) {
  rel::Hook h;
  h.name = name;
  h.kind = "Job";
  h.path = "demo/templates/" + name + ".yaml";
  h.manifest = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: " + name + "\n";
  h.events = {event};
  h.weight = weight;
  h.delete_policies = std::move(policies);
  return h;
}

// Jobs finish when the cluster settles: Complete, or Failed when named "bad".
void finish_jobs(FakeCluster& c) {
  for (Value job : c.list("batch/v1", "Job", "", {})) {
    if (job.find("status") != nullptr) continue;
    const bool bad = job.find_path({"metadata", "name"})->as_string() == "bad";
    job.set("status",
            Value::map_of({{"conditions",
                            Value::list_of({Value::map_of(
                                {{"type", bad ? "Failed" : "Complete"},
                                 {"status", "True"},
                                 {"reason", bad ? "BackoffLimitExceeded" : ""}})})}}));
    c.put(job);
  }
}

struct Env {
  FakeCluster cluster;
  rel::MemoryDriver driver{"default"};
  rel::Storage storage{driver};
  rel::KubeClient kube{cluster};
  rel::FixedClock clock{rel::Time::from_unix(1767225600)};
  rel::Configuration cfg{storage, kube, clock};
  Env() { cluster.on_settle = finish_jobs; }
};

rel::Renderer with_hooks(std::vector<rel::Hook> hooks) {
  return [hooks](const rel::RenderRequest&) {
    rel::RenderedChart out;
    out.manifest = "---\n# Source: demo/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n"
                   "metadata:\n  name: cm\n";
    out.hooks = hooks;
    return out;
  };
}

}  // namespace

TEST_CASE("pre- and post-install hooks run in weight order around the objects", "[hooks]") {
  Env env;
  rel::InstallOptions o;
  o.release_name = "demo";
  const rel::Release r = rel::install(
      env.cfg,
      with_hooks({job_hook("post", "post-install", 0), job_hook("second", "pre-install", 5),
                  job_hook("first", "pre-install", -5, {"hook-succeeded"})}),
      Value::empty_map(), o);
  CHECK(env.cluster.writes == std::vector<std::string>{
                                  "create Job default/first", "create Job default/second",
                                  "delete Job default/first", "create ConfigMap default/cm",
                                  "create Job default/post"});
  for (const rel::Hook& h : r.hooks) {
    INFO(h.name);
    CHECK(h.last_run.phase == "Succeeded");
    CHECK_FALSE(h.last_run.started_at.is_zero());
  }
  // before-hook-creation (the default) deletes the previous run's object first.
  CHECK(r.hooks[0].delete_policies == std::vector<std::string>{"before-hook-creation"});
}

TEST_CASE("a failing hook fails the install and is recorded", "[hooks]") {
  Env env;
  rel::InstallOptions o;
  o.release_name = "demo";
  CHECK_THROWS_WITH(
      rel::install(env.cfg, with_hooks({job_hook("bad", "pre-install", 0)}), Value::empty_map(), o),
      "failed pre-install: job bad failed: BackoffLimitExceeded");
  const auto r = env.storage.get("demo", 1);
  REQUIRE(r);
  CHECK(r->info.status == rel::Status::Failed);
  CHECK(r->info.description ==
        "Release \"demo\" failed: failed pre-install: job bad failed: BackoffLimitExceeded");
  CHECK(env.cluster.count("ConfigMap") == 0);
}

TEST_CASE("hook_failure reads Job conditions and Pod phases", "[hooks]") {
  bool done = false;
  CHECK(rel::hook_failure(Value::map_of({{"kind", "Pod"},
                                         {"metadata", Value::map_of({{"name", "p"}})},
                                         {"status", Value::map_of({{"phase", "Failed"}})}}),
                          done) == "pod p failed");
  CHECK(done);
  rel::hook_failure(Value::map_of({{"kind", "Pod"}, {"status", Value::map_of({{"phase", "Running"}})}}),
                    done);
  CHECK_FALSE(done);
  rel::hook_failure(Value::map_of({{"kind", "ConfigMap"}}), done);
  CHECK(done);
}
