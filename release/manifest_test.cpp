// Kind order and object building.
#include "release/manifest.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace rel = capstan::release;

TEST_CASE("build_resources decodes objects and defaults namespaces", "[manifest]") {
  const auto rs = rel::build_resources(
      "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n---\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: 3\n"
      "---\n# only a comment\n",
      "team");
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].ns.empty());
  CHECK(rs[1].ns == "team");
  CHECK(rs[1].object.find_path({"metadata", "namespace"})->as_string() == "team");
  CHECK(rs[1].object.find_path({"spec", "replicas"})->is_int());
  CHECK(rs[1].group() == "apps");
  CHECK(rs[1].ref() == "deployment.apps/d");
  CHECK(rs[1].describe() == "Deployment \"d\" in namespace \"team\"");
  CHECK_THROWS_WITH(rel::build_resources("metadata:\n  name: x\n", "default"),
                    "error validating data: [apiVersion not set, kind not set]");
}

TEST_CASE("sort_by_kind uses Helm's install order, unknown kinds last", "[manifest]") {
  auto make = [](std::string kind, std::string name) {
    rel::Resource r;
    r.kind = std::move(kind);
    r.name = std::move(name);
    return r;
  };
  std::vector<rel::Resource> rs{make("Deployment", "d"), make("Zed", "z"), make("Alpha", "a"),
                                make("Service", "s2"), make("Namespace", "n"),
                                make("Service", "s1")};
  rel::sort_by_kind(rs, rel::install_order());
  std::vector<std::string> names;
  for (const auto& r : rs) names.push_back(r.name);
  CHECK(names == std::vector<std::string>{"n", "s2", "s1", "d", "a", "z"});
  rel::sort_by_kind(rs, rel::uninstall_order());
  names.clear();
  for (const auto& r : rs) names.push_back(r.name);
  CHECK(names == std::vector<std::string>{"s2", "s1", "d", "n", "a", "z"});
}
