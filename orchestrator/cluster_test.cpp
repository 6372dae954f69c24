// Scenario tests of the embedded cluster replaying the seeds' kubectl sessions: pods,
// ReplicaSets, deletion and scaling, persistence.
#include "orchestrator/cluster.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>

#include "orchestrator/cluster_testing.h"

namespace capstan::orchestrator {

using testing::manifest;
using testing::names;
using testing::TestCluster;

TEST_CASE("a fresh cluster has namespaces, nodes and the kubernetes service", "[cluster]") {
  TestCluster c;
  CHECK(names(c->list("v1", "Namespace", std::nullopt)) ==
        std::vector<std::string>{"default", "kube-node-lease", "kube-public", "kube-system"});
  const auto nodes = c->list("v1", "Node", std::nullopt);
  REQUIRE(names(nodes) == std::vector<std::string>{"node-1", "node-2", "node-3"});
  CHECK(string_at(nodes[0], {"status", "capacity", "cpu"}) == "4");
  CHECK(string_at(nodes[1], {"spec", "podCIDR"}) == "10.244.1.0/24");
  CHECK(labels_of(nodes[2]).get_string("kubernetes.io/hostname") == "node-3");
  const auto svc = c->get("v1", "Service", "default", "kubernetes");
  REQUIRE(svc);
  CHECK(string_at(*svc, {"spec", "clusterIP"}) == "10.96.0.1");
  CHECK(c->get("v1", "ServiceAccount", "kube-system", "default").has_value());
  CHECK(c->settle().converged);
}

TEST_CASE("a bare pod is scheduled and runs", "[cluster]") {
  TestCluster c;
  const Value pod = c->create(manifest("simple-pod.yaml"));
  CHECK(string_at(pod, {"status", "phase"}) == "Pending");
  CHECK(list_at(pod, {"spec", "containers"})[0].get_string("imagePullPolicy") == "Always");
  CHECK(string_at(pod, {"spec", "restartPolicy"}) == "Always");
  const SettleResult r = c->settle();
  CHECK(r.converged);
  const Value running = *c->get("v1", "Pod", "default", "simple-echo");
  CHECK(string_at(running, {"status", "phase"}) == "Running");
  CHECK(pod_ready(running));
  CHECK(string_at(running, {"spec", "nodeName"}) == "node-1");
  CHECK(string_at(running, {"status", "podIP"}) == "10.244.0.2");
  CHECK(list_at(running, {"status", "containerStatuses"}).size() == 2);
}

TEST_CASE("a ReplicaSet of 3 makes echo-xxxxx pods, replaces a deleted one, scales down", "[cluster]") {
  TestCluster c;
  c->create(manifest("simple-replicaset.yaml"));
  c->settle();
  auto pods = c->list("v1", "Pod", "default", "app=echo");
  REQUIRE(pods.size() == 3);
  for (const Value& p : pods) {
    CHECK(name_of(p).rfind("echo-", 0) == 0);
    CHECK(name_of(p).size() == 10);
    CHECK(string_at(p, {"status", "phase"}) == "Running");
  }
  const Value rs = *c->get("apps/v1", "ReplicaSet", "default", "echo");
  CHECK(int_at(rs, {"status", "readyReplicas"}) == 3);
  CHECK(int_at(rs, {"status", "availableReplicas"}) == 3);
  CHECK(int_at(rs, {"status", "observedGeneration"}) == 1);
  // Each pod landed on a different node (LeastAllocated spreads them).
  std::set<std::string> nodes;
  for (const Value& p : pods) nodes.insert(string_at(p, {"spec", "nodeName"}));
  CHECK(nodes.size() == 3);

  const std::string victim = name_of(pods[1]);
  c->remove("v1", "Pod", "default", victim);
  c->settle();
  auto after = names(c->list("v1", "Pod", "default", "app=echo"));
  CHECK(after.size() == 3);
  CHECK(std::find(after.begin(), after.end(), victim) == after.end());

  Value scaled = *c->get("apps/v1", "ReplicaSet", "default", "echo");
  scaled["spec"].set("replicas", Value::integer(2));
  c->update(scaled);
  c->settle();
  CHECK(c->list("v1", "Pod", "default", "app=echo").size() == 2);
  CHECK(int_at(*c->get("apps/v1", "ReplicaSet", "default", "echo"), {"metadata", "generation"}) == 2);
}

}  // namespace capstan::orchestrator

namespace capstan::orchestrator {

TEST_CASE("paused deployments scale but do not roll out", "[cluster][scenario]") {
  TestCluster c;
  Value d = manifest("simple-deployment.yaml");
  c->create(d);
  c->settle();
  c.clock->advance(60);
  Value paused = *c->get("apps/v1", "Deployment", "default", "echo");
  paused["spec"].set("paused", true);
  paused["spec"]["template"]["spec"]["containers"].mutable_list().items[1].set("image", "gihyodocker/echo:v2");
  paused["spec"].set("replicas", Value::integer(5));
  c->update(paused);
  REQUIRE(c->settle().converged);
  CHECK(c->list("apps/v1", "ReplicaSet", "default").size() == 1);
  CHECK(c->list("v1", "Pod", "default").size() == 5);
  const Value after = *c->get("apps/v1", "Deployment", "default", "echo");
  const Value* cond = condition(after, "Progressing");
  REQUIRE(cond != nullptr);
  CHECK(cond->get_string("status") == "Unknown");
  CHECK(cond->get_string("reason") == "DeploymentPaused");
  Value resumed = after.deep_copy();
  resumed["spec"].set("paused", false);
  c->update(resumed);
  REQUIRE(c->settle().converged);
  CHECK(c->list("apps/v1", "ReplicaSet", "default").size() == 2);
}

TEST_CASE("deleting a namespace removes what it holds", "[cluster]") {
  TestCluster c;
  c->create(Value::map_of({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", Value::map_of({{"name", "team"}})}}));
  Value rs = manifest("simple-replicaset.yaml");
  rs["metadata"].set("namespace", "team");
  c->create(rs);
  c->settle();
  CHECK(c->list("v1", "Pod", "team").size() == 3);
  c->remove("v1", "Namespace", "", "team");
  CHECK(string_at(*c->get("v1", "Namespace", "", "team"), {"status", "phase"}) == "Terminating");
  c->settle();
  CHECK_FALSE(c->get("v1", "Namespace", "", "team").has_value());
  CHECK(c->list("v1", "Pod", "team").empty());
}

TEST_CASE("custom resource definitions add types", "[cluster]") {
  TestCluster c;
  c->create(Value::map_of(
      {{"apiVersion", "apiextensions.k8s.io/v1"},
       {"kind", "CustomResourceDefinition"},
       {"metadata", Value::map_of({{"name", "widgets.example.com"}})},
       {"spec", Value::map_of({{"group", "example.com"},
                               {"scope", "Namespaced"},
                               {"names", Value::map_of({{"kind", "Widget"}, {"plural", "widgets"}, {"singular", "widget"},
                                                        {"shortNames", Value::list_of({"wd"})}})},
                               {"versions", Value::list_of({Value::map_of({{"name", "v1"}, {"served", true}, {"storage", true}})})}})}}));
  const Value w = c->create(Value::map_of({{"apiVersion", "example.com/v1"}, {"kind", "Widget"},
                                           {"metadata", Value::map_of({{"name", "w1"}})}, {"spec", Value::map_of({{"size", 3}})}}));
  CHECK(int_at(w, {"metadata", "generation"}) == 1);
  CHECK(c->registry().lookup("wd") != nullptr);
  CHECK(c->list("example.com/v1", "Widget", "default").size() == 1);
  c->remove("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.example.com");
  CHECK(c->registry().lookup("widgets") == nullptr);
}

TEST_CASE("options from the environment", "[cluster]") {
  ::setenv("CAPSTAN_FAKE_NOW", "2024-01-02T03:04:05Z", 1);
  ::setenv("CAPSTAN_SEED", "42", 1);
  ::setenv("CAPSTAN_NODES", "2", 1);
  ::setenv("CAPSTAN_NODE_CPU", "8", 1);
  ClusterOptions o = cluster_options_from_environment(":memory:");
  ::unsetenv("CAPSTAN_FAKE_NOW");
  ::unsetenv("CAPSTAN_SEED");
  ::unsetenv("CAPSTAN_NODES");
  ::unsetenv("CAPSTAN_NODE_CPU");
  REQUIRE(o.clock);
  CHECK(o.clock->now() == *parse_rfc3339("2024-01-02T03:04:05Z"));
  CHECK(o.seed == 42u);
  Cluster cluster(o);
  const auto nodes = cluster.list("v1", "Node", std::nullopt);
  REQUIRE(nodes.size() == 2);
  CHECK(string_at(nodes[0], {"status", "allocatable", "cpu"}) == "8");
  ::setenv("CAPSTAN_SEED", "x", 1);
  CHECK_THROWS_WITH(cluster_options_from_environment(":memory:"), "CAPSTAN_SEED: not a number: \"x\"");
  ::unsetenv("CAPSTAN_SEED");
}

}  // namespace capstan::orchestrator

namespace capstan::orchestrator {

TEST_CASE("a ReplicaSet adopts matching orphans and releases pods that stop matching", "[cluster][scenario]") {
  TestCluster c;
  Value orphan = manifest("simple-pod.yaml");
  orphan["metadata"].set("labels", Value::map_of({{"app", "echo"}}));
  c->create(orphan);
  c->settle();
  c.clock->advance(10);
  c->create(manifest("simple-replicaset.yaml"));
  c->settle();
  const auto pods = c->list("v1", "Pod", "default", "app=echo");
  REQUIRE(pods.size() == 3);
  const Value adopted = *c->get("v1", "Pod", "default", "simple-echo");
  REQUIRE(controller_ref(adopted) != nullptr);
  CHECK(controller_ref(adopted)->get_string("name") == "echo");
  // Relabelled, it is released and replaced.
  Value relabelled = adopted.deep_copy();
  relabelled["metadata"]["labels"].set("app", "other");
  c->update(relabelled);
  c->settle();
  CHECK(controller_ref(*c->get("v1", "Pod", "default", "simple-echo")) == nullptr);
  CHECK(c->list("v1", "Pod", "default", "app=echo").size() == 3);
}

TEST_CASE("services without a selector keep user-managed endpoints", "[cluster][service]") {
  TestCluster c;
  Value svc = manifest("simple-service.yaml");
  svc["spec"].erase("selector");
  c->create(svc);
  c->create(Value::map_of(
      {{"apiVersion", "v1"}, {"kind", "Endpoints"}, {"metadata", Value::map_of({{"name", "echo"}})},
       {"subsets", Value::list_of({Value::map_of({{"addresses", Value::list_of({Value::map_of({{"ip", "192.0.2.1"}})})},
                                                  {"ports", Value::list_of({Value::map_of({{"name", "http"}, {"port", Value::integer(80)}})})}})})}}));
  c->settle();
  const Value ep = *c->get("v1", "Endpoints", "default", "echo");
  CHECK(string_at(list_at(list_at(ep, {"subsets"})[0], {"addresses"})[0], {"ip"}) == "192.0.2.1");
}

}  // namespace capstan::orchestrator
