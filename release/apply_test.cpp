// Upgrade's apply options against the fake cluster: --cleanup-on-fail deletes exactly the
// objects the failed upgrade created, --force replaces objects, live-only fields survive the
// strategic merge.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "release/fake_cluster_test.h"
#include "release/install.h"
#include "release/query.h"
#include "release/upgrade.h"

namespace rel = capstan::release;
using capstan::Value;
using rel::testing::FakeCluster;

namespace {

struct Env {
  FakeCluster cluster;
  rel::MemoryDriver driver{"default"};
  rel::Storage storage{driver};
  rel::KubeClient kube{cluster};
  rel::FixedClock clock{rel::Time::from_unix(1767225600)};
  rel::Configuration cfg{storage, kube, clock};
  std::string manifest;

  rel::Renderer render() {
    return [this](const rel::RenderRequest&) {
      rel::RenderedChart out;
      out.chart = Value::map_of({{"metadata", Value::map_of({{"name", "c"}, {"version", "1"}})}});
      out.manifest = manifest;
      return out;
    };
  }
};

const char* kDeployment =
    "---\n# Source: c/templates/d.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
    "  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n"
    "        image: app:1\n";

}  // namespace

TEST_CASE("--cleanup-on-fail deletes the objects a failed upgrade created", "[upgrade]") {
  Env env;
  env.manifest = kDeployment;
  rel::InstallOptions io;
  io.release_name = "r";
  rel::install(env.cfg, env.render(), Value::empty_map(), io);
  env.manifest = std::string(kDeployment) +
                 "---\n# Source: c/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n"
                 "metadata:\n  name: new\n---\n# Source: c/templates/s.yaml\napiVersion: v1\n"
                 "kind: Service\nmetadata:\n  name: bad\n";
  env.cluster.fail_create_kind = "Service";
  rel::UpgradeOptions uo;
  uo.cleanup_on_fail = true;
  CHECK_THROWS_WITH(rel::upgrade(env.cfg, "r", env.render(), Value::empty_map(), uo),
                    "failed to create resource: Service \"bad\" is invalid: injected");
  CHECK(env.cluster.count("ConfigMap") == 0);
  CHECK(env.cluster.count("Deployment") == 1);
  CHECK(rel::history(env.storage, "r").back().info.status == rel::Status::Failed);
  // Without the flag the created ConfigMap stays behind.
  uo.cleanup_on_fail = false;
  CHECK_THROWS(rel::upgrade(env.cfg, "r", env.render(), Value::empty_map(), uo));
  CHECK(env.cluster.count("ConfigMap") == 1);
}

TEST_CASE("upgrade keeps a live sidecar; --force replaces the object", "[upgrade]") {
  Env env;
  env.manifest = kDeployment;
  rel::InstallOptions io;
  io.release_name = "r";
  rel::install(env.cfg, env.render(), Value::empty_map(), io);
  Value live = *env.cluster.get({"apps/v1", "Deployment", "default", "d"});
  live["spec"].set("replicas", 4);
  live["spec"]["template"]["spec"]["containers"].push_back(
      Value::map_of({{"name", "sidecar"}, {"image", "proxy"}}));
  env.cluster.put(live);
  env.manifest = std::string(kDeployment).replace(std::string(kDeployment).find("app:1"), 5, "app:2");
  rel::upgrade(env.cfg, "r", env.render(), Value::empty_map(), {});
  Value after = *env.cluster.get({"apps/v1", "Deployment", "default", "d"});
  CHECK(after.find_path({"spec", "replicas"})->number() == 4);
  const Value& containers = *after.find_path({"spec", "template", "spec", "containers"});
  REQUIRE(containers.size() == 2);
  CHECK(containers.list().items[0].get_string("image") == "app:2");
  CHECK(containers.list().items[1].get_string("name") == "sidecar");

  rel::UpgradeOptions force;
  force.force = true;
  rel::upgrade(env.cfg, "r", env.render(), Value::empty_map(), force);
  after = *env.cluster.get({"apps/v1", "Deployment", "default", "d"});
  CHECK(after.find_path({"spec", "replicas"}) == nullptr);
  CHECK(after.find_path({"spec", "template", "spec", "containers"})->size() == 1);
  CHECK(after.find_path({"metadata", "labels"})->get_string("app.kubernetes.io/managed-by") ==
        "Helm");
}
