// The three-way strategic merge, one case per file under testdata/release/strategic/: the
// previous manifest object, the new one, the live one, and the object the API server ends up
// with after Helm's patch (or the error).
#include "release/strategic_merge.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/json.h"
#include "core/yaml.h"
#include "release/kube.h"
#include "tests/support/testing.h"

namespace rel = capstan::release;
using capstan::Value;

namespace {

Value decode(const std::string& text) {
  capstan::yaml::DecodeOptions options;
  options.numbers = capstan::yaml::Numbers::Typed;
  return capstan::yaml::decode(text, options);
}

const capstan::testing::FileCases kCases(
    "release/strategic", ".yaml",
    [](const std::filesystem::path& file) {
      const Value c = decode(capstan::testing::read_file(file));
      const Value* error = c.find("error");
      if (error != nullptr) {
        CHECK_THROWS_WITH(rel::three_way_strategic_merge(*c.find("original"), *c.find("modified"),
                                                         *c.find("current")),
                          error->as_string());
        return;
      }
      const Value got = rel::three_way_strategic_merge(*c.find("original"), *c.find("modified"),
                                                       *c.find("current"));
      INFO("got:      " << capstan::json::encode(got));
      INFO("expected: " << capstan::json::encode(*c.find("expected")));
      CHECK(capstan::json::encode(got) == capstan::json::encode(*c.find("expected")));
    },
    "[strategic]");

rel::Resource resource(const std::string& yaml) {
  auto rs = rel::build_resources(yaml, "default");
  REQUIRE(rs.size() == 1);
  return rs[0];
}

}  // namespace

TEST_CASE("built-in groups get strategic merge patches, custom resources JSON merge patches",
          "[strategic]") {
  CHECK(rel::strategic_kind("v1", "Service"));
  CHECK(rel::strategic_kind("apps/v1", "Deployment"));
  CHECK(rel::strategic_kind("networking.k8s.io/v1", "Ingress"));
  CHECK_FALSE(rel::strategic_kind("apiextensions.k8s.io/v1", "CustomResourceDefinition"));
  CHECK_FALSE(rel::strategic_kind("example.com/v1", "Widget"));
}

TEST_CASE("custom resources: a two-way merge patch, three-way with --take-ownership",
          "[strategic]") {
  const rel::Resource old_cr =
      resource("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n"
               "  size: 1\n  list: [a]\n");
  const rel::Resource new_cr =
      resource("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n"
               "  size: 1\n  list: [b]\n");
  const Value live = decode(
      "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: default\n"
      "spec:\n  size: 7\n  list: [a, live]\n  extra: x\n");
  // Two-way (old manifest -> new manifest): size unchanged between manifests stays 7 live;
  // lists are replaced whole.
  const Value two = rel::KubeClient::updated_object(new_cr, old_cr.object, live, {});
  CHECK(capstan::json::encode(*two.find("spec")) == R"({"extra":"x","list":["b"],"size":7})");
  // Three-way: the manifest's size wins over the live value.
  rel::KubeClient::UpdateOptions three;
  three.three_way_for_custom = true;
  const Value t = rel::KubeClient::updated_object(new_cr, old_cr.object, live, three);
  CHECK(capstan::json::encode(*t.find("spec")) == R"({"extra":"x","list":["b"],"size":1})");
  // --force replaces the object with the manifest, keeping only the live resourceVersion.
  Value live_rv = live.deep_copy();
  live_rv["metadata"].set("resourceVersion", "42");
  rel::KubeClient::UpdateOptions force;
  force.force = true;
  const Value f = rel::KubeClient::updated_object(new_cr, old_cr.object, live_rv, force);
  CHECK(capstan::json::encode(f) ==
        R"({"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","namespace":"default","resourceVersion":"42"},"spec":{"list":["b"],"size":1}})");
}
