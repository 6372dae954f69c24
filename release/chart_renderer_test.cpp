// Installing a real chart (testdata/charts/demo) through chart_renderer: the record keeps the
// chart and the user values, the manifest is the rendered one, upgrades re-render.
#include "release/chart_renderer.h"

#include <catch2/catch.hpp>

#include "chart/loader.h"
#include "release/chart_record.h"
#include "release/fake_cluster_test.h"
#include "release/install.h"
#include "release/release_json.h"
#include "release/upgrade.h"
#include "tests/support/testing.h"

namespace rel = capstan::release;
using capstan::Value;

namespace {

struct DemoEnv {
  rel::testing::FakeCluster cluster;
  rel::MemoryDriver driver{"default"};
  rel::Storage storage{driver};
  rel::KubeClient kube{cluster};
  rel::FixedClock clock{rel::Time::from_unix(1767225600)};
  rel::Configuration cfg{storage, kube, clock};

  rel::Renderer renderer() {
    auto chart = capstan::chart::load(capstan::testing::testdata("charts/demo"));
    rel::ChartRenderSettings settings;
    settings.lookup = &cluster;
    return rel::chart_renderer(chart, settings);
  }
};

}  // namespace

TEST_CASE("the demo chart installs with staging values", "[chart_renderer]") {
  DemoEnv env;
  rel::InstallOptions o;
  o.release_name = "demo";
  const rel::Release r = rel::install(env.cfg, env.renderer(),
                                      Value::map_of({{"environment", "staging"}}), o);
  CHECK(r.info.status == rel::Status::Deployed);
  CHECK(rel::format_chart_name(r.chart) == "demo-1.0.1");
  CHECK(r.config == Value::map_of({{"environment", "staging"}}));
  CHECK(r.manifest.rfind("---\n# Source: demo/templates/service.yaml\n", 0) == 0);
  CHECK(r.manifest.find("# Source: demo/templates/deployment.yaml") != std::string::npos);
  const auto dep = env.cluster.get({"apps/v1", "Deployment", "default", "demo"});
  REQUIRE(dep);
  CHECK(dep->find_path({"spec", "template", "metadata", "labels"})->get_string("environment") ==
        "staging");
  // The record's chart carries the templates as bytes and round-trips through JSON.
  const rel::Release back = rel::decode_release_json(rel::encode_release_json(r));
  CHECK(back.chart.find("templates")->size() == 2);
  CHECK(rel::coalesce_record_values(back.chart, back.config).get_string("environment") ==
        "staging");

  // Upgrading with --set replicas=3 keeps the staging values? No: Helm drops previous values
  // when new ones are given; --reuse-values keeps them.
  rel::UpgradeOptions reuse;
  reuse.reuse_values = true;
  rel::upgrade(env.cfg, "demo", env.renderer(), Value::map_of({{"replicas", 3}}), reuse,
               rel::coalesce_record_values);
  const auto dep2 = env.cluster.get({"apps/v1", "Deployment", "default", "demo"});
  CHECK(dep2->find_path({"spec", "replicas"})->number() == 3);
  CHECK(dep2->find_path({"spec", "template", "metadata", "labels"})->get_string("environment") ==
        "staging");
}

TEST_CASE("the record keeps Chart.lock as Helm's chart.Lock; crds/ are installed first",
          "[chart_renderer]") {
  DemoEnv env;
  auto chart = capstan::chart::load(capstan::testing::testdata("release/charts/locked"));
  rel::ChartRenderSettings settings;
  const rel::Renderer render = rel::chart_renderer(chart, settings);
  rel::InstallOptions o;
  o.release_name = "locked";
  const rel::Release r = rel::install(env.cfg, render, Value::empty_map(), o);
  const std::string json = rel::encode_release_json(r);
  CHECK(json.find(R"("lock":{"generated":"2025-03-04T05:06:07.123456789+01:00",)"
                  R"("digest":"sha256:0d8c1fa9a2b5d0e5b7a0b9b7e5f1b1f8f6f2f0f8e9d2c3b4a5968778695a4b3c",)"
                  R"("dependencies":[{"name":"common","version":"2.1.0",)"
                  R"("repository":"https://charts.example.com"}]})") != std::string::npos);
  CHECK(env.cluster.writes.front() ==
        "create CustomResourceDefinition things.example.com");
  // A CRD that exists already is skipped; --skip-crds does not touch it at all.
  rel::InstallOptions again;
  again.release_name = "locked2";
  rel::install(env.cfg, render, Value::empty_map(), again);
  CHECK(env.cluster.count("CustomResourceDefinition") == 1);
  env.cluster.writes.clear();
  rel::InstallOptions skip;
  skip.release_name = "locked3";
  skip.skip_crds = true;
  rel::install(env.cfg, render, Value::empty_map(), skip);
  CHECK(env.cluster.writes == std::vector<std::string>{"create ConfigMap default/locked3"});
}
