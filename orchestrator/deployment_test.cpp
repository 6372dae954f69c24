// Deployment scenarios from the seeds: the echo Deployment, scaling without a new ReplicaSet, an
// image change rolling out step by step, rolling back by template, proportional scaling
// mid-rollout, Recreate, the progress deadline and cascading deletion.
#include <catch2/catch.hpp>

#include "orchestrator/cluster_testing.h"
#include "orchestrator/deployment_util.h"

namespace capstan::orchestrator {

using testing::manifest;
using testing::names;
using testing::TestCluster;

namespace {

std::vector<Value> replica_sets(Cluster& c) {
  std::vector<Value> rss = c.list("apps/v1", "ReplicaSet", "default");
  deployment::sort_by_creation(rss);
  return rss;
}

Value echo(Cluster& c) { return *c.get("apps/v1", "Deployment", "default", "echo"); }

// Changes the echo container's image a minute later (so ReplicaSets differ in age, as they would).
void set_image(TestCluster& tc, const std::string& image) {
  tc.clock->advance(60);
  Cluster& c = *tc;
  Value d = echo(c);
  d["spec"]["template"]["spec"]["containers"].mutable_list().items[1].set("image", Value(image));
  c.update(d);
}

}  // namespace

TEST_CASE("the echo Deployment makes one ReplicaSet and three pods", "[deployment][scenario]") {
  TestCluster c;
  c->create(manifest("simple-deployment.yaml"));
  REQUIRE(c->settle().converged);
  const auto rss = replica_sets(*c);
  REQUIRE(rss.size() == 1);
  const std::string hash = labels_of(rss[0]).get_string("pod-template-hash");
  CHECK(name_of(rss[0]) == "echo-" + hash);
  CHECK(annotation(rss[0], "deployment.kubernetes.io/revision") == "1");
  CHECK(string_at(rss[0], {"spec", "selector", "matchLabels", "pod-template-hash"}) == hash);
  const auto pods = c->list("v1", "Pod", "default", "app=echo");
  REQUIRE(pods.size() == 3);
  for (const Value& p : pods) {
    CHECK(name_of(p).rfind("echo-" + hash + "-", 0) == 0);
    CHECK(name_of(p).size() == name_of(rss[0]).size() + 6);
    CHECK(labels_of(p).get_string("pod-template-hash") == hash);
  }
  const Value d = echo(*c);
  CHECK(int_at(d, {"status", "readyReplicas"}) == 3);
  CHECK(int_at(d, {"status", "availableReplicas"}) == 3);
  CHECK(int_at(d, {"status", "updatedReplicas"}) == 3);
  CHECK(int_at(d, {"status", "observedGeneration"}) == 1);
  CHECK(at(d, {"status", "unavailableReplicas"}) == nullptr);  // omitempty
  CHECK(annotation(d, "deployment.kubernetes.io/revision") == "1");
  const auto& conds = list_at(d, {"status", "conditions"});
  REQUIRE(conds.size() == 2);
  CHECK(conds[0].get_string("type") == "Available");
  CHECK(conds[0].get_string("reason") == "MinimumReplicasAvailable");
  CHECK(conds[1].get_string("reason") == "NewReplicaSetAvailable");
  CHECK(conds[1].get_string("message") == "ReplicaSet \"" + name_of(rss[0]) + "\" has successfully progressed.");
  // Scaling 3 -> 4 keeps the ReplicaSet.
  Value scaled = echo(*c);
  scaled["spec"].set("replicas", Value::integer(4));
  c->update(scaled);
  c->settle();
  CHECK(names(replica_sets(*c)) == names(rss));
  CHECK(c->list("v1", "Pod", "default", "app=echo").size() == 4);
  CHECK(annotation(echo(*c), "deployment.kubernetes.io/revision") == "1");
}

TEST_CASE("an image change rolls out step by step and can be rolled back", "[deployment][scenario]") {
  TestCluster c;
  c->create(manifest("simple-deployment.yaml"));
  c->settle();
  const std::string first = name_of(replica_sets(*c)[0]);
  set_image(c, "gihyodocker/echo:patched");
  // (old, new) spec.replicas after each controller pass, repeats folded.
  std::vector<std::pair<std::int64_t, std::int64_t>> steps = {{3, 0}};
  for (int i = 0; i < 50 && c->step(); ++i) {
    const auto rss = replica_sets(*c);
    REQUIRE(rss.size() == 2);
    const std::pair<std::int64_t, std::int64_t> now{int_at(rss[0], {"spec", "replicas"}), int_at(rss[1], {"spec", "replicas"})};
    if (now != steps.back()) steps.push_back(now);
    // Never more than replicas + maxSurge pods wanted, never fewer than replicas - maxUnavailable available.
    CHECK(now.first + now.second <= 4);
    CHECK(int_at(echo(*c), {"status", "availableReplicas"}) >= 3);
  }
  const std::vector<std::pair<std::int64_t, std::int64_t>> expected = {
      {3, 0}, {3, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 3}, {0, 3}};
  CHECK(steps == expected);
  auto rss = replica_sets(*c);
  CHECK(name_of(rss[0]) == first);
  CHECK(annotation(rss[0], "deployment.kubernetes.io/revision") == "1");
  CHECK(annotation(rss[1], "deployment.kubernetes.io/revision") == "2");
  CHECK(annotation(echo(*c), "deployment.kubernetes.io/revision") == "2");
  CHECK(c->list("v1", "Pod", "default", "app=echo").size() == 3);
  for (const Value& p : c->list("v1", "Pod", "default", "app=echo")) {
    CHECK(name_of(p).rfind(name_of(rss[1]), 0) == 0);
  }
  // Restoring the old template reuses the first ReplicaSet as revision 3.
  set_image(c, "gihyodocker/echo:latest");
  REQUIRE(c->settle().converged);
  rss = replica_sets(*c);
  REQUIRE(rss.size() == 2);
  CHECK(name_of(rss[0]) == first);
  CHECK(int_at(rss[0], {"spec", "replicas"}) == 3);
  CHECK(int_at(rss[1], {"spec", "replicas"}) == 0);
  CHECK(annotation(rss[0], "deployment.kubernetes.io/revision") == "3");
  CHECK(annotation(rss[0], "deployment.kubernetes.io/revision-history") == "1");
  CHECK(annotation(echo(*c), "deployment.kubernetes.io/revision") == "3");
}

TEST_CASE("revisionHistoryLimit deletes the oldest empty ReplicaSets", "[deployment][scenario]") {
  TestCluster c;
  Value d = manifest("simple-deployment.yaml");
  d["spec"].set("revisionHistoryLimit", Value::integer(1));
  c->create(d);
  c->settle();
  for (const char* tag : {"v2", "v3", "v4"}) {
    set_image(c, std::string("gihyodocker/echo:") + tag);
    REQUIRE(c->settle().converged);
  }
  const auto rss = replica_sets(*c);
  REQUIRE(rss.size() == 2);  // the new one and one old one
  CHECK(annotation(rss[0], "deployment.kubernetes.io/revision") == "3");
  CHECK(annotation(rss[1], "deployment.kubernetes.io/revision") == "4");
}

TEST_CASE("scaling in the middle of a stuck rollout scales proportionally", "[deployment][scenario]") {
  KubeletConfig kubelet;
  kubelet.by_image["gihyodocker/echo:broken"] = RuntimeBehavior::NeverReady;
  TestCluster c(":memory:", 1, kubelet);
  Value d = manifest("simple-deployment.yaml");
  d["spec"].set("replicas", Value::integer(10));
  d["spec"].set("strategy", Value::map_of({{"type", "RollingUpdate"},
                                           {"rollingUpdate", Value::map_of({{"maxSurge", Value::integer(3)},
                                                                            {"maxUnavailable", Value::integer(2)}})}}));
  c->create(d);
  c->settle();
  set_image(c, "gihyodocker/echo:broken");
  REQUIRE(c->settle().converged);
  // Kubernetes' own example: old 8, new 5, and the crash-looping new pods block the rest.
  auto rss = replica_sets(*c);
  CHECK(int_at(rss[0], {"spec", "replicas"}) == 8);
  CHECK(int_at(rss[1], {"spec", "replicas"}) == 5);
  Value scaled = echo(*c);
  scaled["spec"].set("replicas", Value::integer(20));
  c->update(scaled);
  REQUIRE(c->settle().converged);
  rss = replica_sets(*c);
  CHECK(int_at(rss[0], {"spec", "replicas"}) == 14);
  CHECK(int_at(rss[1], {"spec", "replicas"}) == 9);
  CHECK(annotation(rss[0], "deployment.kubernetes.io/desired-replicas") == "20");
  CHECK(annotation(rss[1], "deployment.kubernetes.io/max-replicas") == "23");
  // Past the progress deadline the rollout is reported as failed.
  c.clock->advance(601);
  c->settle();
  const Value stuck = echo(*c);
  const Value* progressing = deployment::get_condition(*stuck.find("status"), "Progressing");
  REQUIRE(progressing != nullptr);
  CHECK(progressing->get_string("status") == "False");
  CHECK(progressing->get_string("reason") == "ProgressDeadlineExceeded");
  CHECK(progressing->get_string("message") == "ReplicaSet \"" + name_of(rss[1]) + "\" has timed out progressing.");
}

TEST_CASE("Recreate scales the old ReplicaSet to zero before the new one starts", "[deployment][scenario]") {
  TestCluster c;
  Value d = manifest("simple-deployment.yaml");
  d["spec"].set("strategy", Value::map_of({{"type", "Recreate"}}));
  c->create(d);
  c->settle();
  set_image(c, "gihyodocker/echo:patched");
  bool saw_gap = false;
  for (int i = 0; i < 20 && c->step(); ++i) {
    const auto pods = c->list("v1", "Pod", "default", "app=echo");
    if (pods.empty()) saw_gap = true;
    const auto rss = replica_sets(*c);
    if (rss.size() == 2) CHECK(int_at(rss[0], {"spec", "replicas"}) == 0);
  }
  CHECK(saw_gap);
  const auto rss = replica_sets(*c);
  REQUIRE(rss.size() == 2);
  CHECK(int_at(rss[1], {"spec", "replicas"}) == 3);
  CHECK(c->list("v1", "Pod", "default", "app=echo").size() == 3);
}

TEST_CASE("deleting a Deployment cascades; orphan keeps the ReplicaSet", "[deployment][scenario]") {
  TestCluster c;
  c->create(manifest("simple-deployment.yaml"));
  c->settle();
  c->remove("apps/v1", "Deployment", "default", "echo");
  c->settle();
  CHECK(replica_sets(*c).empty());
  CHECK(c->list("v1", "Pod", "default").empty());

  c->create(manifest("simple-deployment.yaml"));
  c->settle();
  c->remove("apps/v1", "Deployment", "default", "echo", Propagation::Orphan);
  c->settle();
  const auto rss = replica_sets(*c);
  REQUIRE(rss.size() == 1);
  CHECK(list_at(rss[0], {"metadata", "ownerReferences"}).empty());
  CHECK(c->list("v1", "Pod", "default").size() == 3);

  c->remove("apps/v1", "ReplicaSet", "default", name_of(rss[0]), Propagation::Foreground);
  CHECK(c->get("apps/v1", "ReplicaSet", "default", name_of(rss[0])).has_value());  // waits for pods
  c->settle();
  CHECK_FALSE(c->get("apps/v1", "ReplicaSet", "default", name_of(rss[0])).has_value());
  CHECK(c->list("v1", "Pod", "default").empty());
}

}  // namespace capstan::orchestrator
