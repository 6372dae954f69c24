// API machinery: metadata bookkeeping, errors worded as the API server words them, optimistic
// concurrency, generation, transactions and persistence across processes.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "orchestrator/cluster_testing.h"

namespace capstan::orchestrator {

using testing::manifest;
using testing::TestCluster;

namespace {
std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("metadata is filled in on create", "[apiserver]") {
  TestCluster c;
  const Value d = c->create(manifest("simple-deployment.yaml"));
  CHECK(meta_field(d, "namespace") == "default");
  CHECK(meta_field(d, "uid").size() == 36);
  CHECK(meta_field(d, "creationTimestamp") == "2020-06-07T06:00:00Z");
  CHECK(int_at(d, {"metadata", "generation"}) == 1);
  CHECK(std::stoll(meta_field(d, "resourceVersion")) > 0);
  CHECK(int_at(d, {"spec", "revisionHistoryLimit"}) == 10);
  CHECK(int_at(d, {"spec", "progressDeadlineSeconds"}) == 600);
  CHECK(string_at(d, {"spec", "strategy", "rollingUpdate", "maxSurge"}) == "25%");
  CHECK(string_at(d, {"spec", "template", "spec", "dnsPolicy"}) == "ClusterFirst");
  CHECK(int_at(d, {"spec", "template", "spec", "terminationGracePeriodSeconds"}) == 30);
  const Value& container = list_at(d, {"spec", "template", "spec", "containers"})[0];
  CHECK(container.get_string("terminationMessagePath") == "/dev/termination-log");
  CHECK(list_at(container, {"ports"})[0].get_string("protocol") == "TCP");
  // Pods (not templates) get the admission plugins' defaults too.
  const Value pod = c->create(manifest("simple-pod.yaml"));
  CHECK(string_at(pod, {"spec", "serviceAccountName"}) == "default");
  CHECK(int_at(pod, {"spec", "priority"}) == 0);
  CHECK(list_at(pod, {"spec", "tolerations"}).size() == 2);
  CHECK(string_at(pod, {"status", "qosClass"}) == "BestEffort");
  CHECK(at(pod, {"metadata", "generation"}) == nullptr);
}

TEST_CASE("errors are worded as the API server words them", "[apiserver]") {
  TestCluster c;
  c->create(manifest("simple-deployment.yaml"));
  CHECK(message_of([&] { c->create(manifest("simple-deployment.yaml")); }) ==
        "deployments.apps \"echo\" already exists");
  CHECK(message_of([&] { c->remove("v1", "Pod", "default", "x"); }) == "pods \"x\" not found");
  Value elsewhere = manifest("simple-pod.yaml");
  elsewhere["metadata"].set("namespace", "nowhere");
  CHECK(message_of([&] { c->create(elsewhere); }) == "namespaces \"nowhere\" not found");
  Value upper = manifest("simple-deployment.yaml");
  upper["metadata"].set("name", "Echo");
  CHECK(message_of([&] { c->create(upper); }).rfind(
            "Deployment.apps \"Echo\" is invalid: metadata.name: Invalid value: \"Echo\": a lowercase RFC 1123 "
            "subdomain must consist of",
            0) == 0);
  Value unknown = Value::map_of({{"apiVersion", "example.com/v1"}, {"kind", "Widget"},
                                 {"metadata", Value::map_of({{"name", "w"}})}});
  CHECK(message_of([&] { c->create(unknown); }) == "no matches for kind \"Widget\" in version \"example.com/v1\"");
  Value mismatch = manifest("simple-deployment.yaml");
  mismatch["metadata"].set("name", "other");
  mismatch["spec"]["template"]["metadata"]["labels"].set("app", "nope");
  CHECK(message_of([&] { c->create(mismatch); }) ==
        "Deployment.apps \"other\" is invalid: spec.template.metadata.labels: Invalid value: "
        "map[string]string{\"app\":\"nope\"}: `selector` does not match template `labels`");
  Value reselect = *c->get("apps/v1", "Deployment", "default", "echo");
  reselect["spec"]["selector"]["matchLabels"].set("app", "echo2");
  reselect["spec"]["template"]["metadata"]["labels"].set("app", "echo2");
  CHECK(message_of([&] { c->update(reselect); }) ==
        "Deployment.apps \"echo\" is invalid: spec.selector: Invalid value: "
        "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"echo2\"}, "
        "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
  CHECK(message_of([&] { c->remove("v1", "Namespace", "", "default"); }) ==
        "namespaces \"default\" is forbidden: this namespace may not be deleted");
}

TEST_CASE("optimistic concurrency, generation and no-op updates", "[apiserver]") {
  TestCluster c;
  const Value created = c->create(manifest("simple-deployment.yaml"));
  Value stale = created.deep_copy();
  Value fresh = created.deep_copy();
  fresh["spec"].set("replicas", Value::integer(5));
  const Value v2 = c->update(fresh);
  CHECK(int_at(v2, {"metadata", "generation"}) == 2);
  stale["spec"].set("replicas", Value::integer(7));
  CHECK(message_of([&] { c->update(stale); }) ==
        "Operation cannot be fulfilled on deployments.apps \"echo\": the object has been modified; please "
        "apply your changes to the latest version and try again");
  // Metadata-only changes do not bump generation; identical updates write nothing.
  Value labelled = v2.deep_copy();
  labelled["metadata"]["labels"].set("tier", "web");
  const Value v3 = c->update(labelled);
  CHECK(int_at(v3, {"metadata", "generation"}) == 2);
  CHECK(meta_field(v3, "resourceVersion") != meta_field(v2, "resourceVersion"));
  const Value v4 = c->update(v3);
  CHECK(meta_field(v4, "resourceVersion") == meta_field(v3, "resourceVersion"));
  // Status written through the main resource is ignored.
  Value with_status = v4.deep_copy();
  with_status["status"].set("replicas", Value::integer(99));
  CHECK(int_at(c->update(with_status), {"status", "replicas"}) == 0);
}

TEST_CASE("generateName appends five characters to at most 58", "[apiserver]") {
  TestCluster c;
  Value p = manifest("simple-pod.yaml");
  p["metadata"].erase("name");
  p["metadata"].set("generateName", std::string(70, 'a') + "-");
  const Value created = c->create(p);
  CHECK(name_of(created).size() == 63);
  CHECK(name_of(created).substr(0, 58) == std::string(58, 'a'));
}

TEST_CASE("state survives reopening the file; seeded processes continue the sequence", "[apiserver][persistence]") {
  capstan::testing::TempDir dir;
  const std::string path = (dir.path() / "cluster.db").string();
  std::vector<std::string> first_pods;
  {
    TestCluster c(path, 7);
    c->create(manifest("simple-replicaset.yaml"));
    c->settle();
    first_pods = testing::names(c->list("v1", "Pod", "default"));
  }
  {
    TestCluster c(path, 7);
    CHECK(testing::names(c->list("v1", "Pod", "default")) == first_pods);
    CHECK(c->settle().steps == 0);  // settled before and nothing written since: no pass runs
    c->remove("v1", "Pod", "default", first_pods[0]);
    c->settle();
    CHECK(c->list("v1", "Pod", "default").size() == 3);
  }
  // Replaying both processes against a fresh file gives the same names.
  capstan::testing::TempDir dir2;
  const std::string path2 = (dir2.path() / "cluster.db").string();
  std::vector<std::string> replay;
  {
    TestCluster c(path2, 7);
    c->create(manifest("simple-replicaset.yaml"));
    c->settle();
  }
  {
    TestCluster c(path2, 7);
    c->remove("v1", "Pod", "default", first_pods[0]);
    c->settle();
    replay = testing::names(c->list("v1", "Pod", "default"));
  }
  TestCluster again(path, 7);
  CHECK(testing::names(again->list("v1", "Pod", "default")) == replay);
}

TEST_CASE("a failed transaction leaves nothing behind", "[apiserver][persistence]") {
  Store store(":memory:");
  CHECK_THROWS(store.transaction([&] {
    store.put("pods", Value::map_of({{"metadata", Value::map_of({{"name", "a"}, {"namespace", "x"}})}}));
    store.set_meta("k", "v");
    throw Error(ErrorKind::Internal, "crash");
  }));
  CHECK_FALSE(store.get("pods", "x", "a").has_value());
  CHECK_FALSE(store.meta("k").has_value());
  CHECK(store.empty());
}

}  // namespace capstan::orchestrator

namespace capstan::orchestrator {

TEST_CASE("two clusters on one file interleave without reusing random numbers", "[apiserver][persistence]") {
  capstan::testing::TempDir dir;
  const std::string path = (dir.path() / "cluster.db").string();
  testing::TestCluster a(path, 3);
  testing::TestCluster b(path, 3);
  Value p1 = testing::manifest("simple-pod.yaml");
  p1["metadata"].erase("name");
  p1["metadata"].set("generateName", "x-");
  const Value first = a->create(p1);
  const Value second = b->create(p1);  // b sees a's write and continues its sequence
  CHECK(name_of(first) != name_of(second));
  CHECK(uid_of(first) != uid_of(second));
  CHECK(a->list("v1", "Pod", "default").size() == 2);
}

}  // namespace capstan::orchestrator
