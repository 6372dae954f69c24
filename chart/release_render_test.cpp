// render_release: what release/ gets for install and upgrade — coalesced values, manifests and
// hooks in install order, the root chart's notes, the manifest text — and which failures are
// RenderErrors (after the release object exists in Helm).
#include "chart/release_render.h"

#include <catch2/catch.hpp>

#include "chart/loader.h"
#include "chart/record.h"
#include "core/json.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
using capstan::Value;

chart::RenderOptions options_for(const std::string& name) {
  chart::RenderOptions o;
  o.release.name = name;
  o.release.namespace_ = "prod";
  return o;
}

TEST_CASE("release_render: the hooks chart renders notes, hooks and sorted manifests") {
  auto c = chart::load(capstan::testing::testdata("charts/hooks"));
  chart::RenderedRelease r = chart::render_release(*c, Value::empty_map(), options_for("h"));
  CHECK(r.notes ==
        "Thank you for installing hooks.\nRelease h in prod.\nMigrations run before install.\n");
  REQUIRE(r.hooks.size() == 3);
  CHECK(r.hooks[0].kind == "ConfigMap");
  CHECK(r.hooks[0].events == std::vector<std::string>{"post-install"});
  CHECK(r.hooks[0].weight == 10);
  CHECK(r.hooks[1].kind == "Pod");
  CHECK(r.hooks[1].path == "hooks/templates/tests/test-connection.yaml");
  CHECK(r.hooks[2].name == "h-migrate");
  CHECK(r.hooks[2].weight == -5);
  CHECK(r.hooks[2].delete_policies ==
        std::vector<std::string>{"before-hook-creation", "hook-succeeded"});
  std::vector<std::string> kinds;
  for (const auto& m : r.manifests) kinds.push_back(m.kind);
  CHECK(kinds == std::vector<std::string>{"Namespace", "ServiceAccount", "ConfigMap", "ClusterRole",
                                          "Service", "Deployment", "", "Gadget", "Widget",
                                          "Widget"});
  CHECK(r.manifest.rfind("---\n# Source: hooks/templates/workloads.yaml\napiVersion: v1\nkind: "
                         "Namespace\n",
                         0) == 0);
  CHECK(r.values.find("image")->as_string() == "busybox:1.36");
}

TEST_CASE("release_render: subchart NOTES.txt are dropped unless asked for") {
  capstan::testing::TempDir dir;
  auto write = [&](const std::string& path, const std::string& text) {
    capstan::testing::write_file(dir.path() / path, text);
  };
  write("p/Chart.yaml", "apiVersion: v2\nname: p\nversion: 1.0.0\n");
  write("p/templates/NOTES.txt", "parent {{ .Release.Revision }}");
  write("p/charts/s/Chart.yaml", "apiVersion: v2\nname: s\nversion: 1.0.0\n");
  write("p/charts/s/templates/NOTES.txt", "sub");
  auto c = chart::load(dir.path() / "p");
  chart::RenderOptions o = options_for("x");
  o.release.revision = 4;
  CHECK(chart::render_release(*c, Value(), o).notes == "parent 4");
  // Helm joins them in Go map order (random); here in path order.
  o.sub_notes = true;
  CHECK(chart::render_release(*c, Value(), o).notes == "sub\nparent 4");
}

TEST_CASE("release_render: kubeVersion and template failures are RenderErrors") {
  auto c = chart::load(capstan::testing::testdata("charts/hooks"));
  chart::RenderOptions o = options_for("h");
  o.capabilities.kube_version = chart::parse_kube_version("1.19.2");
  CHECK_THROWS_AS(chart::render_release(*c, Value(), o), chart::RenderError);
  CHECK_THROWS_WITH(chart::render_release(*c, Value(), o),
                    "chart requires kubeVersion: >=1.20.0-0 which is incompatible with "
                    "Kubernetes v1.19.2");
  auto bad = chart::load(capstan::testing::testdata("charts/bad/template-exec"));
  CHECK_THROWS_AS(chart::render_release(*bad, Value(), options_for("x")), chart::RenderError);
}

TEST_CASE("release_render: the chart record has Helm's chart JSON shape") {
  auto c = chart::load(capstan::testing::testdata("charts/demo"));
  Value record = chart::chart_record(*c);
  CHECK(
      capstan::json::encode(*record.find("metadata")) ==
      R"({"apiVersion":"v2","name":"demo","sources":["https://github.com/cloudnativedevops/cloudnatived"],"version":"1.0.1"})");
  CHECK(record.find("lock")->is_null());
  CHECK(record.find("schema")->is_null());
  REQUIRE(record.find("templates")->size() == 2);
  CHECK(record.find("templates")->list().items[0].get_string("name") ==
        "templates/deployment.yaml");
  CHECK(record.find("templates")->list().items[0].find("data")->is_bytes());
  CHECK(record.find("files")->size() == 2);
}

}  // namespace
