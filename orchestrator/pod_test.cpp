// Pods the scheduler cannot place and containers the kubelet cannot configure, with the messages
// Kubernetes reports.
#include <catch2/catch.hpp>

#include "orchestrator/cluster_testing.h"

namespace capstan::orchestrator {

using testing::manifest;
using testing::TestCluster;

namespace {
Value pod(Cluster& c, const std::string& name) { return *c.get("v1", "Pod", "default", name); }

std::vector<Value> events_for(Cluster& c, const std::string& name) {
  std::vector<Value> out;
  for (Value& e : c.list("v1", "Event", "default")) {
    if (string_at(e, {"involvedObject", "name"}) == name) out.push_back(std::move(e));
  }
  return out;
}
}  // namespace

TEST_CASE("a pod whose nodeSelector matches no node stays Pending", "[pod][scenario]") {
  TestCluster c;
  Value p = manifest("simple-pod.yaml");
  p["spec"].set("nodeSelector", Value::map_of({{"disktype", "ssd"}}));
  c->create(p);
  REQUIRE(c->settle().converged);
  const Value pending = pod(*c, "simple-echo");
  CHECK(string_at(pending, {"status", "phase"}) == "Pending");
  CHECK(string_at(pending, {"spec", "nodeName"}).empty());
  const Value* cond = condition(pending, "PodScheduled");
  REQUIRE(cond != nullptr);
  CHECK(cond->get_string("status") == "False");
  CHECK(cond->get_string("reason") == "Unschedulable");
  const std::string message =
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 "
      "nodes are available: 3 Preemption is not helpful for scheduling.";
  CHECK(cond->get_string("message") == message);
  const auto events = events_for(*c, "simple-echo");
  REQUIRE(events.size() == 1);
  CHECK(events[0].get_string("reason") == "FailedScheduling");
  CHECK(events[0].get_string("type") == "Warning");
  CHECK(events[0].get_string("message") == message);
  CHECK(string_at(events[0], {"source", "component"}) == "default-scheduler");
  // Labelling a node makes room.
  Value node = *c->get("v1", "Node", "", "node-2");
  node["metadata"]["labels"].set("disktype", "ssd");
  c->update(node);
  c->settle();
  CHECK(string_at(pod(*c, "simple-echo"), {"spec", "nodeName"}) == "node-2");
  CHECK(string_at(pod(*c, "simple-echo"), {"status", "phase"}) == "Running");
}

TEST_CASE("requests that fit nowhere report Insufficient cpu", "[pod][scenario]") {
  TestCluster c;
  Value p = manifest("simple-pod.yaml");
  p["spec"]["containers"].mutable_list().items[0].set(
      "resources", Value::map_of({{"requests", Value::map_of({{"cpu", "3"}, {"memory", "1Gi"}})}}));
  c->create(p);
  Value second = p.deep_copy();
  second["metadata"].set("name", "second");
  c.clock->advance(1);
  c->create(second);
  c.clock->advance(1);
  Value third = p.deep_copy();
  third["metadata"].set("name", "third");
  c->create(third);
  c.clock->advance(1);
  Value fourth = p.deep_copy();
  fourth["metadata"].set("name", "fourth");
  c->create(fourth);
  c->settle();
  const Value fourth_pod = pod(*c, "fourth");
  const Value* cond = condition(fourth_pod, "PodScheduled");
  REQUIRE(cond != nullptr);
  CHECK(cond->get_string("message") ==
        "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No "
        "preemption victims found for incoming pod.");
  CHECK(string_at(pod(*c, "third"), {"status", "phase"}) == "Running");
  CHECK(string_at(pod(*c, "third"), {"status", "qosClass"}) == "Burstable");
}

TEST_CASE("a missing ConfigMap holds the container in CreateContainerConfigError", "[pod][scenario]") {
  TestCluster c;
  c->create(manifest("pod-with-configmap.yaml"));
  REQUIRE(c->settle().converged);
  Value p = pod(*c, "configured");
  CHECK(string_at(p, {"status", "phase"}) == "Pending");
  const Value& cs = list_at(p, {"status", "containerStatuses"})[0];
  CHECK(string_at(cs, {"state", "waiting", "reason"}) == "CreateContainerConfigError");
  CHECK(string_at(cs, {"state", "waiting", "message"}) == "configmap \"settings\" not found");
  CHECK_FALSE(string_at(p, {"status", "podIP"}).empty());
  const Value* ready = condition(p, "Ready");
  CHECK(ready->get_string("reason") == "ContainersNotReady");
  CHECK(ready->get_string("message") == "containers with unready status: [app]");
  bool saw_failed = false;
  for (const Value& e : events_for(*c, "configured")) {
    if (e.get_string("reason") == "Failed") {
      saw_failed = true;
      CHECK(e.get_string("message") == "Error: configmap \"settings\" not found");
      CHECK(string_at(e, {"involvedObject", "fieldPath"}) == "spec.containers{app}");
    }
  }
  CHECK(saw_failed);
  // Creating it lets the container start.
  c.clock->advance(30);
  c->create(manifest("settings-configmap.yaml"));
  c->settle();
  p = pod(*c, "configured");
  CHECK(string_at(p, {"status", "phase"}) == "Running");
  CHECK(pod_ready(p));
}

TEST_CASE("a missing key and a missing volume source", "[pod][scenario]") {
  TestCluster c;
  Value cm = manifest("settings-configmap.yaml");
  cm["data"] = Value::map_of({{"other", "x"}});
  c->create(cm);
  c->create(manifest("pod-with-configmap.yaml"));
  Value vol = manifest("simple-pod.yaml");
  vol["metadata"].set("name", "mounted");
  vol["spec"].set("volumes", Value::list_of({Value::map_of(
                                 {{"name", "config"}, {"configMap", Value::map_of({{"name", "absent"}})}})}));
  c->create(vol);
  c->settle();
  const Value configured = pod(*c, "configured");
  const Value& cs = list_at(configured, {"status", "containerStatuses"})[0];
  CHECK(string_at(cs, {"state", "waiting", "message"}) == "couldn't find key greeting in ConfigMap default/settings");
  const Value mounted = pod(*c, "mounted");
  CHECK(string_at(list_at(mounted, {"status", "containerStatuses"})[0], {"state", "waiting", "reason"}) ==
        "ContainerCreating");
  CHECK(string_at(mounted, {"status", "podIP"}).empty());
  bool failed_mount = false;
  for (const Value& e : events_for(*c, "mounted")) {
    if (e.get_string("reason") == "FailedMount") {
      failed_mount = true;
      CHECK(e.get_string("message") == "MountVolume.SetUp failed for volume \"config\" : configmap \"absent\" not found");
    }
  }
  CHECK(failed_mount);
}

TEST_CASE("a runtime told to fail: ImagePullBackOff", "[pod][scenario]") {
  TestCluster c;
  Value p = manifest("simple-pod.yaml");
  set_annotation(p, kRuntimeAnnotation, "ImagePullBackOff");
  c->create(p);
  REQUIRE(c->settle().converged);
  const Value pulled = pod(*c, "simple-echo");
  const Value& cs = list_at(pulled, {"status", "containerStatuses"})[0];
  CHECK(string_at(cs, {"state", "waiting", "reason"}) == "ImagePullBackOff");
  CHECK(string_at(cs, {"state", "waiting", "message"}) == "Back-off pulling image \"gihyodocker/nginx:latest\"");
}

}  // namespace capstan::orchestrator
