// kubectl's view replayed from the seeds' sessions, pinned by goldens of capstan's own output
// (rewrite with CAPSTAN_UPDATE_GOLDEN=1 and review the diff), plus checks of individual texts.
#include "orchestrator/kubectl.h"

#include <catch2/catch.hpp>

#include "orchestrator/cluster_testing.h"

namespace capstan::orchestrator {

using testing::manifest;
using testing::manifests;
using testing::TestCluster;

namespace {

// A shell-like transcript: each command, then what it printed (stderr lines marked).
struct Transcript {
  std::string text;
  kubectl::Output run(const std::string& command, const kubectl::Output& out) {
    text += "$ kubectl " + command + "\n" + out.out;
    std::size_t start = 0;
    while (start < out.err.size()) {
      const std::size_t nl = out.err.find('\n', start);
      text += "[stderr] " + out.err.substr(start, nl - start) + "\n";
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    if (out.exit_code != 0) text += "[exit " + std::to_string(out.exit_code) + "]\n";
    return out;
  }
};

kubectl::GetOptions get_args(std::vector<std::string> args, std::string selector = "", std::string output = "") {
  kubectl::GetOptions o;
  o.args = std::move(args);
  o.selector = std::move(selector);
  o.output = std::move(output);
  return o;
}

kubectl::RolloutOptions rollout(std::string resource, std::string name, std::int64_t revision = 0) {
  kubectl::RolloutOptions o;
  o.resource = std::move(resource);
  o.name = std::move(name);
  o.revision = revision;
  return o;
}

kubectl::Target target(std::vector<std::string> args) {
  kubectl::Target t;
  t.args = std::move(args);
  return t;
}

}  // namespace

TEST_CASE("seed 000: pods, ReplicaSets, Deployments and Services as kubectl shows them", "[kubectl][golden]") {
  TestCluster c;
  Transcript t;
  const auto apply = [&](const std::string& file, const std::string& cause = "") {
    kubectl::ApplyOptions o;
    o.change_cause = cause;
    const auto out = t.run("apply -f " + file + (cause.empty() ? "" : " --record"), kubectl::apply(*c, manifests(file), o));
    c->settle();
    return out;
  };
  apply("simple-pod.yaml");
  c.clock->advance(14 * 60);
  t.run("get pod", kubectl::get(*c, get_args({"pod"})));
  t.run("get pod -o wide", kubectl::get(*c, get_args({"pod"}, "", "wide")));
  kubectl::DeleteOptions del;
  del.args = {"pod", "simple-echo"};
  t.run("delete pod simple-echo", kubectl::delete_objects(*c, del));

  apply("simple-replicaset.yaml");
  c.clock->advance(98);
  t.run("get pod", kubectl::get(*c, get_args({"pod"})));
  kubectl::ScaleOptions scale;
  scale.args = {"rs", "echo"};
  scale.replicas = 2;
  t.run("scale rs echo --replicas=2", kubectl::scale(*c, scale));
  c->settle();
  c.clock->advance(11 * 60);
  t.run("get pod", kubectl::get(*c, get_args({"pod"})));
  kubectl::DeleteOptions del_rs;
  del_rs.manifests = manifests("simple-replicaset.yaml");
  t.run("delete -f simple-replicaset.yaml", kubectl::delete_objects(*c, del_rs));

  const std::string cause1 = "kubectl apply --filename=simple-deployment.yaml --record=true";
  apply("simple-deployment.yaml", cause1);
  c.clock->advance(14 * 60);
  t.run("get pod,replicaset,deployment --selector app=echo",
        kubectl::get(*c, get_args({"pod,replicaset,deployment"}, "app=echo")));
  t.run("rollout history deployment echo", kubectl::rollout_history(*c, rollout("deployment", "echo")));
  c.clock->advance(99 * 60);
  Value four = manifest("simple-deployment.yaml");
  four["spec"].set("replicas", Value::integer(4));
  t.run("apply -f simple-deployment.yaml (replicas: 4)", kubectl::apply(*c, {four}, {}));
  c->settle();
  c.clock->advance(79);
  t.run("get pod", kubectl::get(*c, get_args({"pod"})));
  t.run("rollout history deployment echo", kubectl::rollout_history(*c, rollout("deployment", "echo")));
  c.clock->advance(6 * 60);
  Value patched = four.deep_copy();
  patched["spec"]["template"]["spec"]["containers"].mutable_list().items[1].set("image", "gihyodocker/echo:patched");
  kubectl::ApplyOptions record;
  record.change_cause = "kubectl apply --filename=simple-deployment.yaml --record=true";
  t.run("apply -f simple-deployment.yaml --record (image: gihyodocker/echo:patched)", kubectl::apply(*c, {patched}, record));
  t.run("rollout status deployment echo", kubectl::rollout_status(*c, rollout("deployment", "echo")));
  c.clock->advance(46);
  t.run("get pod", kubectl::get(*c, get_args({"pod"})));
  t.run("rollout history deployment echo", kubectl::rollout_history(*c, rollout("deployment", "echo")));
  t.run("rollout history deployment echo --revision=1", kubectl::rollout_history(*c, rollout("deployment", "echo", 1)));
  t.run("describe deployment echo", kubectl::describe(*c, target({"deployment", "echo"})));
  t.run("rollout undo deployment echo", kubectl::rollout_undo(*c, rollout("deployment", "echo")));
  c->settle();
  t.run("rollout history deployment echo", kubectl::rollout_history(*c, rollout("deployment", "echo")));
  t.run("rollout undo deployment echo --to-revision=3", kubectl::rollout_undo(*c, rollout("deployment", "echo", 3)));
  t.run("get rs -o wide", kubectl::get(*c, get_args({"rs"}, "", "wide")));
  kubectl::DeleteOptions del_d;
  del_d.manifests = {four};
  t.run("delete -f simple-deployment.yaml", kubectl::delete_objects(*c, del_d));
  t.run("get pod", kubectl::get(*c, get_args({"pod"})));

  apply("simple-replicaset-with-label.yaml");
  c.clock->advance(176);
  t.run("get pod -l app=echo -l release=spring", kubectl::get(*c, get_args({"pod"}, "release=spring")));
  t.run("get pod -l app=echo -l release=summer", kubectl::get(*c, get_args({"pod"}, "release=summer")));
  apply("simple-service.yaml");
  c.clock->advance(225);
  t.run("get svc echo", kubectl::get(*c, get_args({"svc", "echo"})));
  t.run("get endpoints echo", kubectl::get(*c, get_args({"endpoints", "echo"})));
  t.run("describe svc echo", kubectl::describe(*c, target({"svc", "echo"})));
  kubectl::DeleteOptions del_svc;
  del_svc.args = {"svc", "echo"};
  t.run("delete svc echo", kubectl::delete_objects(*c, del_svc));
  apply("simple-service-nodeport.yaml");
  c.clock->advance(19);
  t.run("get svc echo", kubectl::get(*c, get_args({"svc", "echo"})));
  t.run("get svc -o wide", kubectl::get(*c, get_args({"svc"}, "", "wide")));
  apply("simple-service-nodeport.yaml");
  t.run("get svc echo", kubectl::get(*c, get_args({"svc", "echo"})));
  capstan::testing::check_golden(capstan::testing::testdata("orchestrator/golden/seed-000.txt"), t.text);
}

TEST_CASE("describe pod, replicaset and node as kubectl lays them out", "[kubectl][golden]") {
  TestCluster c;
  kubectl::apply(*c, manifests("simple-replicaset-with-label.yaml"), {});
  c->settle();
  c.clock->advance(3 * 60 + 14);
  Transcript t;
  const auto pods = c->list("v1", "Pod", "default", "release=spring");
  t.run("describe pod " + name_of(pods[0]), kubectl::describe(*c, target({"pod", name_of(pods[0])})));
  t.run("describe rs echo-summer", kubectl::describe(*c, target({"rs", "echo-summer"})));
  t.run("describe node node-1", kubectl::describe(*c, target({"node", "node-1"})));
  t.run("get nodes", kubectl::get(*c, get_args({"nodes"})));
  t.run("get nodes -o wide", kubectl::get(*c, get_args({"nodes"}, "", "wide")));
  t.run("get namespaces", kubectl::get(*c, get_args({"namespaces"})));
  t.run("get events", kubectl::get(*c, get_args({"events"})));
  kubectl::apply(*c, {manifest("pod-with-configmap.yaml")}, {});
  c->settle();
  t.run("get pod configured", kubectl::get(*c, get_args({"pod", "configured"})));
  t.run("describe pod configured", kubectl::describe(*c, target({"pod", "configured"})));
  capstan::testing::check_golden(capstan::testing::testdata("orchestrator/golden/describe.txt"), t.text);
}

TEST_CASE("kubectl messages and errors", "[kubectl]") {
  TestCluster c;
  auto out = kubectl::get(*c, get_args({"pods"}));
  CHECK(out.out.empty());
  CHECK(out.err == "No resources found in default namespace.\n");
  out = kubectl::get(*c, get_args({"pod", "missing"}));
  CHECK(out.err == "Error from server (NotFound): pods \"missing\" not found\n");
  CHECK(out.exit_code == 1);
  out = kubectl::get(*c, get_args({"widgets"}));
  CHECK(out.err == "error: the server doesn't have a resource type \"widgets\"\n");
  out = kubectl::get(*c, get_args({"pods"}, "a in (b"));
  CHECK(out.err == "Error from server (BadRequest): unable to parse requirement: found '', expected: ',' or ')'\n");
  // apply: created, unchanged, configured; the last-applied annotation is kubectl's.
  CHECK(kubectl::apply(*c, {manifest("simple-deployment.yaml")}, {}).out == "deployment.apps/echo created\n");
  CHECK(kubectl::apply(*c, {manifest("simple-deployment.yaml")}, {}).out == "deployment.apps/echo unchanged\n");
  c->settle();
  CHECK(kubectl::apply(*c, {manifest("simple-deployment.yaml")}, {}).out == "deployment.apps/echo unchanged\n");
  const Value d = *c->get("apps/v1", "Deployment", "default", "echo");
  const std::string last = annotation(d, "kubectl.kubernetes.io/last-applied-configuration");
  CHECK(last.rfind("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"echo\"},\"name\":\"echo\",\"namespace\":\"default\"},\"spec\":{\"replicas\":3,", 0) == 0);
  CHECK(last.back() == '\n');
  // A field dropped from the manifest goes; a server default stays.
  Value labelled = manifest("simple-deployment.yaml");
  labelled["metadata"]["labels"].set("tier", "web");
  CHECK(kubectl::apply(*c, {labelled}, {}).out == "deployment.apps/echo configured\n");
  CHECK(kubectl::apply(*c, {manifest("simple-deployment.yaml")}, {}).out == "deployment.apps/echo configured\n");
  const Value after = *c->get("apps/v1", "Deployment", "default", "echo");
  CHECK(labels_of(after).find("tier") == nullptr);
  CHECK(int_at(after, {"spec", "progressDeadlineSeconds"}) == 600);
  CHECK(int_at(after, {"metadata", "generation"}) == 1);
  // Switching to Recreate drops rollingUpdate (retainKeys).
  Value recreate = manifest("simple-deployment.yaml");
  recreate["spec"].set("strategy", Value::map_of({{"type", "Recreate"}}));
  CHECK(kubectl::apply(*c, {recreate}, {}).out == "deployment.apps/echo configured\n");
  CHECK(at(*c->get("apps/v1", "Deployment", "default", "echo"), {"spec", "strategy", "rollingUpdate"}) == nullptr);
  // Invalid objects print as kubectl prints them.
  Value bad = manifest("simple-service.yaml");
  bad["metadata"].set("name", "two");
  bad["spec"]["ports"].push_back(Value::map_of({{"port", Value::integer(443)}}));
  bad["spec"]["ports"].push_back(Value::map_of({{"port", Value::integer(70000)}, {"name", "x"}}));
  CHECK(kubectl::apply(*c, {bad}, {}).err ==
        "The Service \"two\" is invalid: \n* spec.ports[1].name: Required value\n* spec.ports[2].port: Invalid value: "
        "70000: must be between 1 and 65535, inclusive\n* spec.ports[2].targetPort: Invalid value: 70000: must be "
        "between 1 and 65535, inclusive\n");
  Value unknown = Value::map_of({{"apiVersion", "example.com/v1"}, {"kind", "Widget"},
                                 {"metadata", Value::map_of({{"name", "w"}})}});
  CHECK(kubectl::apply(*c, {unknown}, {}).err ==
        "error: resource mapping not found for name: \"w\" namespace: \"\": no matches for kind \"Widget\" in version "
        "\"example.com/v1\"\nensure CRDs are installed first\n");
  // Other output formats.
  CHECK(kubectl::get(*c, get_args({"deploy", "echo"}, "", "name")).out == "deployment.apps/echo\n");
  const std::string yaml = kubectl::get(*c, get_args({"svc", "kubernetes"}, "", "yaml")).out;
  CHECK(yaml.rfind("apiVersion: v1\nkind: Service\nmetadata:\n", 0) == 0);
  CHECK(yaml.find("\n  clusterIP: 10.96.0.1\n") != std::string::npos);
  const std::string list = kubectl::get(*c, get_args({"ns"}, "", "json")).out;
  CHECK(list.rfind("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n", 0) == 0);
  CHECK(list.find("\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n") !=
        std::string::npos);
  CHECK(kubectl::get(*c, get_args({"ns"}, "", "table")).err ==
        "error: unable to match a printer suitable for the output format \"table\", allowed formats are: "
        "json,name,wide,yaml\n");
  auto all_ns = get_args({"pods"});
  all_ns.all_namespaces = true;
  CHECK(kubectl::get(*c, all_ns).out.rfind("NAMESPACE   NAME", 0) == 0);
  CHECK(kubectl::get(*c, get_args({"all"})).out.find("service/kubernetes") != std::string::npos);
  // delete all --selector skips what garbage collection already took (seed 002).
  kubectl::apply(*c, {manifest("simple-service.yaml")}, {});
  Value svc = manifest("simple-service.yaml");
  svc["metadata"]["labels"] = Value::map_of({{"app", "echo"}});
  kubectl::apply(*c, {svc}, {});
  c->settle();
  kubectl::DeleteOptions all;
  all.args = {"all"};
  all.selector = "app=echo";
  const auto deleted = kubectl::delete_objects(*c, all);
  CHECK(deleted.out.find("service \"echo\" deleted\n") != std::string::npos);
  CHECK(deleted.out.find("deployment.apps \"echo\" deleted\n") != std::string::npos);
  CHECK(deleted.out.find("replicaset.apps") == std::string::npos);
  CHECK(c->list("v1", "Pod", "default").empty());
}

}  // namespace capstan::orchestrator
