// Services and endpoints (seed 000: spring/summer ReplicaSets behind a Service), NodePort
// allocation and its stability across updates, and the API server's service errors.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "orchestrator/cluster_testing.h"

namespace capstan::orchestrator {

using testing::manifest;
using testing::manifests;
using testing::TestCluster;

TEST_CASE("endpoints list only the pods the selector picks", "[service][scenario]") {
  TestCluster c;
  for (const Value& m : manifests("simple-replicaset-with-label.yaml")) c->create(m);
  const Value svc = c->create(manifest("simple-service.yaml"));
  const std::string ip = string_at(svc, {"spec", "clusterIP"});
  CHECK(ip.rfind("10.", 0) == 0);
  CHECK(ip != "10.96.0.1");
  CHECK(string_at(svc, {"spec", "type"}) == "ClusterIP");
  CHECK(string_at(svc, {"spec", "sessionAffinity"}) == "None");
  CHECK(int_at(list_at(svc, {"spec", "ports"})[0], {"targetPort"}) == 80);
  CHECK(list_at(svc, {"spec", "ports"})[0].get_string("protocol") == "TCP");
  REQUIRE(c->settle().converged);
  const Value ep = *c->get("v1", "Endpoints", "default", "echo");
  const auto& subsets = list_at(ep, {"subsets"});
  REQUIRE(subsets.size() == 1);
  const auto& addresses = list_at(subsets[0], {"addresses"});
  REQUIRE(addresses.size() == 2);
  for (const Value& a : addresses) {
    const std::string pod = string_at(a, {"targetRef", "name"});
    CHECK(pod.rfind("echo-summer-", 0) == 0);
    const Value p = *c->get("v1", "Pod", "default", pod);
    CHECK(a.get_string("ip") == string_at(p, {"status", "podIP"}));
    CHECK(a.get_string("nodeName") == string_at(p, {"spec", "nodeName"}));
  }
  const auto& ports = list_at(subsets[0], {"ports"});
  REQUIRE(ports.size() == 1);
  CHECK(ports[0].get_string("name") == "http");
  CHECK(int_at(ports[0], {"port"}) == 80);
  // Deleting the service takes its endpoints with it.
  c->remove("v1", "Service", "default", "echo");
  c->settle();
  CHECK_FALSE(c->get("v1", "Endpoints", "default", "echo").has_value());
}

TEST_CASE("NodePorts are allocated in range and stable across updates", "[service][scenario]") {
  TestCluster c;
  const Value svc = c->create(manifest("simple-service-nodeport.yaml"));
  const std::int64_t node_port = int_at(list_at(svc, {"spec", "ports"})[0], {"nodePort"});
  CHECK(node_port >= 30000);
  CHECK(node_port <= 32767);
  CHECK(string_at(svc, {"spec", "externalTrafficPolicy"}) == "Cluster");
  // Re-applying the manifest (no clusterIP, no nodePort) keeps both.
  Value again = manifest("simple-service-nodeport.yaml");
  again["metadata"].set("labels", Value::map_of({{"tier", "web"}}));
  const Value updated = c->update(again);
  CHECK(int_at(list_at(updated, {"spec", "ports"})[0], {"nodePort"}) == node_port);
  CHECK(string_at(updated, {"spec", "clusterIP"}) == string_at(svc, {"spec", "clusterIP"}));
  // Another service asking for the same port is refused.
  Value other = manifest("simple-service-nodeport.yaml");
  other["metadata"].set("name", "other");
  other["spec"]["ports"].mutable_list().items[0].set("nodePort", Value::integer(node_port));
  CHECK_THROWS_WITH(c->create(other), "Service \"other\" is invalid: spec.ports[0].nodePort: Invalid value: " +
                                          std::to_string(node_port) + ": provided port is already allocated");
  other["spec"]["ports"].mutable_list().items[0].set("nodePort", Value::integer(80));
  CHECK_THROWS_WITH(c->create(other),
                    "Service \"other\" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port "
                    "is not in the valid range. The range of valid ports is 30000-32767");
  other["spec"]["ports"].mutable_list().items[0].set("nodePort", Value::integer(31000));
  CHECK(int_at(list_at(c->create(other), {"spec", "ports"})[0], {"nodePort"}) == 31000);
  // Changing the cluster IP is refused; switching to ClusterIP releases the node port.
  Value moved = *c->get("v1", "Service", "default", "echo");
  moved["spec"].set("clusterIP", "10.96.0.50");
  moved["spec"].erase("clusterIPs");
  CHECK_THROWS_WITH(c->update(moved), "Service \"echo\" is invalid: spec.clusterIPs[0]: Invalid value: "
                                      "[]string{\"10.96.0.50\"}: may not change once set");
  Value plain = manifest("simple-service-nodeport.yaml");
  plain["spec"].set("type", "ClusterIP");
  CHECK(int_at(list_at(c->update(plain), {"spec", "ports"})[0], {"nodePort"}) == 0);
}

TEST_CASE("service names are DNS-1035 labels; LoadBalancer gets node ports", "[service]") {
  TestCluster c;
  Value bad = manifest("simple-service.yaml");
  bad["metadata"].set("name", "1echo");
  CHECK_THROWS_WITH(c->create(bad),
                    "Service \"1echo\" is invalid: metadata.name: Invalid value: \"1echo\": a DNS-1035 label "
                    "must consist of lower case alphanumeric characters or '-', start with an alphabetic "
                    "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex "
                    "used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  Value lb = manifest("simple-service.yaml");
  lb["spec"].set("type", "LoadBalancer");
  const Value created = c->create(lb);
  CHECK(int_at(list_at(created, {"spec", "ports"})[0], {"nodePort"}) >= 30000);
  CHECK(bool_at(created, {"spec", "allocateLoadBalancerNodePorts"}));
  Value two = manifest("simple-service.yaml");
  two["metadata"].set("name", "two");
  two["spec"]["ports"].push_back(Value::map_of({{"port", Value::integer(443)}}));
  CHECK_THROWS_WITH(c->create(two), "Service \"two\" is invalid: spec.ports[1].name: Required value");
}

}  // namespace capstan::orchestrator
