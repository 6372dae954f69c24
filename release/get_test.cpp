// get hooks/metadata/all, get all --template and status --show-resources' live objects.
#include "release/get.h"

#include <catch2/catch.hpp>

#include "release/fake_cluster_test.h"

namespace rel = capstan::release;
using capstan::Value;

namespace {

rel::Release sample() {
  rel::Release r;
  r.name = "demo";
  r.ns = "default";
  r.version = 3;
  r.info.status = rel::Status::Deployed;
  r.info.description = "Upgrade complete";
  r.info.last_deployed = rel::Time::from_unix(1767225600);
  r.info.first_deployed = rel::Time::from_unix(1767225000);
  r.chart = Value::map_of(
      {{"metadata",
        Value::map_of({{"name", "demo"},
                       {"version", "1.0.1"},
                       {"appVersion", "2.0"},
                       {"annotations", Value::map_of({{"z", "1"}, {"a", "b"}})},
                       {"dependencies",
                        Value::list_of({Value::map_of({{"name", "redis"}, {"version", "1.x"},
                                                       {"repository", "file://r"}}),
                                        Value::map_of({{"name", "common"},
                                                       {"repository", ""}})})}})},
       {"values", Value::map_of({{"replicas", 1}})}});
  r.config = Value::map_of({{"replicas", 2}});
  r.manifest = "---\n# Source: demo/templates/svc.yaml\napiVersion: v1\nkind: Service\n"
               "metadata:\n  name: demo\nspec:\n  selector:\n    app: demo\n"
               "---\n# Source: demo/templates/deploy.yaml\napiVersion: apps/v1\nkind: Deployment\n"
               "metadata:\n  name: demo\nspec:\n  selector:\n    matchLabels:\n      app: demo\n"
               "---\n# Source: demo/templates/rs.yaml\napiVersion: apps/v1\nkind: ReplicaSet\n"
               "metadata:\n  name: demo-rs\nspec:\n  selector:\n    matchLabels:\n      app: demo\n"
               "---\n# Source: demo/templates/gone.yaml\napiVersion: v1\nkind: ConfigMap\n"
               "metadata:\n  name: gone\n";
  rel::Hook h;
  h.name = "demo-test";
  h.kind = "Pod";
  h.path = "demo/templates/test.yaml";
  h.manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo-test";
  h.events = {"test"};
  r.hooks = {h};
  return r;
}

}  // namespace

TEST_CASE("get hooks prints each hook as a YAML document", "[get]") {
  CHECK(rel::format_hooks(sample()) ==
        "---\n# Source: demo/templates/test.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n"
        "  name: demo-test\n");
}

TEST_CASE("get metadata in its three formats", "[get]") {
  const rel::Release r = sample();
  CHECK(rel::format_metadata(r, rel::OutputFormat::Table) ==
        "NAME: demo\nCHART: demo\nVERSION: 1.0.1\nAPP_VERSION: 2.0\nANNOTATIONS: a=b,z=1\n"
        "DEPENDENCIES: common,redis\nNAMESPACE: default\nREVISION: 3\nSTATUS: deployed\n"
        "DEPLOYED_AT: 2026-01-01T00:00:00Z\n");
  CHECK(rel::format_metadata(r, rel::OutputFormat::Json) ==
        R"({"name":"demo","chart":"demo","version":"1.0.1","appVersion":"2.0",)"
        R"("annotations":{"a":"b","z":"1"},"dependencies":[{"name":"redis","version":"1.x",)"
        R"("repository":"file://r"},{"name":"common","repository":""}],"namespace":"default",)"
        R"("revision":3,"status":"deployed","deployedAt":"2026-01-01T00:00:00Z"})"
        "\n");
  const std::string yaml = rel::format_metadata(r, rel::OutputFormat::Yaml);
  CHECK(yaml.rfind("annotations:\n  a: b\n  z: \"1\"\nappVersion: \"2.0\"\nchart: demo\n", 0) == 0);
  CHECK(yaml.find("\nrevision: 3\nstatus: deployed\nversion: 1.0.1\n") != std::string::npos);
}

TEST_CASE("get all shows metadata, values, hooks and manifest", "[get]") {
  const std::string out = rel::format_get_all(sample(), Value::map_of({{"replicas", 2}}));
  CHECK(out.rfind("NAME: demo\nLAST DEPLOYED: Thu Jan  1 00:00:00 2026\nNAMESPACE: default\n"
                  "STATUS: deployed\nREVISION: 3\nCHART: demo\nVERSION: 1.0.1\nAPP_VERSION: 2.0\n"
                  // A test hook that never ran prints nothing (not "TEST SUITE: None").
                  "USER-SUPPLIED VALUES:\nreplicas: 2\n\nCOMPUTED VALUES:\n"
                  "replicas: 2\n\nHOOKS:\n---\n# Source: demo/templates/test.yaml\n",
                  0) == 0);
  CHECK(out.find("MANIFEST:\n---\n# Source: demo/templates/svc.yaml\n") != std::string::npos);
}

TEST_CASE("get all --template sees the release as Go's structs", "[get]") {
  CHECK(rel::render_release_template(
            sample(), "{{.Release.Name}} r{{.Release.Version}} {{.Release.Info.Status}} "
                      "{{.Release.Chart.Metadata.Version}} {{.Release.Config.replicas}} "
                      "{{.Release.Info.LastDeployed}} {{range .Release.Hooks}}{{.Name}}{{end}}") ==
        "demo r3 deployed 1.0.1 2 2026-01-01 00:00:00 +0000 UTC demo-test");
  CHECK_THROWS_WITH(rel::render_release_template(sample(), "{{.Release.Name"),
                    Catch::Contains("unclosed action"));
}

TEST_CASE("status --show-resources gets live objects and their pods once per selector",
          "[get]") {
  rel::testing::FakeCluster cluster;
  auto obj = [](const std::string& api, const std::string& kind, const std::string& name,
                Value labels = Value::empty_map()) {
    return Value::map_of(
        {{"apiVersion", api},
         {"kind", kind},
         {"metadata", Value::map_of({{"name", name}, {"namespace", "default"}, {"labels", labels}})},
         {"spec", Value::map_of({{"selector",
                                  Value::map_of({{"matchLabels", Value::map_of({{"app", "demo"}})}})}})}});
  };
  cluster.put(obj("v1", "Service", "demo"));
  cluster.put(obj("apps/v1", "Deployment", "demo"));
  cluster.put(obj("apps/v1", "ReplicaSet", "demo-rs"));
  cluster.put(obj("v1", "Pod", "demo-1", Value::map_of({{"app", "demo"}})));
  cluster.put(obj("v1", "Pod", "other", Value::map_of({{"app", "other"}})));
  const auto resources = rel::release_resources(cluster, sample());
  std::vector<std::string> keys;
  for (const auto& [k, v] : resources) keys.push_back(k + ":" + std::to_string(v.size()));
  // The ConfigMap is gone from the cluster; the Deployment and ReplicaSet share a selector.
  CHECK(keys == std::vector<std::string>{"v1/Deployment:1", "v1/Pod(related):1", "v1/ReplicaSet:1",
                                         "v1/Service:1"});
}
