// releaseutil: SplitManifests' separator regex and its quirks, the install-order kind sort,
// and hook detection (events, weights, delete policies, unknown hooks logged and skipped).
#include "chart/manifest.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace {

namespace chart = capstan::chart;
using Docs = std::vector<std::string>;

TEST_CASE("manifest: SplitManifests splits on Helm's separator regex") {
  CHECK(chart::split_manifests("a: 1\n---\nb: 2\n") == Docs{"a: 1", "b: 2"});
  CHECK(chart::split_manifests("---\na: 1\n--- \n\nb: 2\n---\n") == Docs{"a: 1", "b: 2"});
  CHECK(chart::split_manifests("  \n\t") == Docs{});
  // "---" glued to text still separates; inside a line it does not.
  CHECK(chart::split_manifests("a: 1\n---b: 2") == Docs{"a: 1", "b: 2"});
  CHECK(chart::split_manifests("a: x---y") == Docs{"a: x---y"});
  // The separator eats the blanks after it, so a second "---" right after stays in the
  // next document (Helm prints it that way).
  CHECK(chart::split_manifests("a: 1\n---\n---\nb: 2") == Docs{"a: 1", "---\nb: 2"});
  CHECK(chart::split_manifests("a: 1\n   \n---\nb: 2") == Docs{"a: 1", "b: 2"});
  CHECK(chart::split_manifests("a: 1\n----\nb") == Docs{"a: 1", "-\nb"});
}

TEST_CASE("manifest: kinds sort in Helm's InstallOrder, unknown kinds last alphabetically") {
  CHECK(chart::kind_less("Namespace", "Deployment"));
  CHECK(chart::kind_less("ConfigMap", "Service"));
  CHECK(chart::kind_less("APIService", "Widget"));
  CHECK_FALSE(chart::kind_less("Widget", "APIService"));
  CHECK(chart::kind_less("Gadget", "Widget"));
  CHECK_FALSE(chart::kind_less("Widget", "Widget"));
  CHECK(chart::install_order().front() == "PriorityClass");
  CHECK(chart::install_order().back() == "APIService");
}

TEST_CASE("manifest: SortManifests sets hooks apart and sorts both lists") {
  std::map<std::string, std::string> files = {
      {"c/templates/_helpers.tpl", "kind: Ignored"},
      {"c/templates/blank.yaml", "  \n"},
      {"c/templates/a.yaml",
       "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  namespace: ns1\n"
       "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n"},
      {"c/templates/hooks.yaml",
       "kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: Pre-Install, "
       "post-upgrade\n"
       "    helm.sh/hook-weight: \"-3\"\n    helm.sh/hook-delete-policy: "
       "hook-succeeded,Hook-Failed\n"
       "---\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test-success\n"
       "    helm.sh/hook-weight: heavy\n"
       "---\nkind: Secret\nmetadata:\n  name: s\n  annotations:\n    helm.sh/hook: crd-install\n"},
  };
  std::vector<std::string> logged;
  chart::SortedManifests sorted =
      chart::sort_manifests(files, [&](std::string_view where, std::string_view msg) {
        logged.push_back(std::string(where) + ": " + std::string(msg));
      });
  REQUIRE(sorted.manifests.size() == 2);
  CHECK(sorted.manifests[0].kind == "ConfigMap");
  CHECK(sorted.manifests[1].kind == "Deployment");
  CHECK(sorted.manifests[1].name == "d");
  CHECK(sorted.manifests[1].namespace_ == "ns1");
  CHECK(sorted.manifests[1].source == "c/templates/a.yaml");
  CHECK(sorted.manifests[1].object.find_path({"metadata", "name"})->as_string() == "d");
  REQUIRE(sorted.hooks.size() == 2);
  CHECK(sorted.hooks[0].kind == "Pod");
  CHECK(sorted.hooks[0].events == std::vector<std::string>{"test"});
  CHECK(sorted.hooks[0].weight == 0);
  CHECK(sorted.hooks[1].name == "j");
  CHECK(sorted.hooks[1].events == std::vector<std::string>{"pre-install", "post-upgrade"});
  CHECK(sorted.hooks[1].weight == -3);
  CHECK(sorted.hooks[1].delete_policies ==
        std::vector<std::string>{"hook-succeeded", "hook-failed"});
  CHECK(logged == std::vector<std::string>{
                      "manifest_sorter.go:199: info: skipping unknown hook: \"crd-install\""});
}

TEST_CASE("manifest: a document that is not YAML, or has the wrong head, names its file") {
  auto error = [](const std::string& doc) {
    try {
      chart::sort_manifests({{"c/templates/x.yaml", doc}});
    } catch (const capstan::Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(error("a: [\n") ==
        "YAML parse error on c/templates/x.yaml: error converting YAML to JSON: yaml: line 1: "
        "did not find expected node content");
  CHECK(error("kind: [A]\n") ==
        "YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: "
        "json: cannot unmarshal array into Go struct field SimpleHead.kind of type string");
  CHECK(error("metadata:\n  annotations:\n    a: [1]\n") ==
        "YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: "
        "json: cannot unmarshal array into Go struct field .metadata.annotations of type string");
  CHECK(error("just text\n") ==
        "YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: "
        "json: cannot unmarshal string into Go value of type releaseutil.SimpleHead");
}

}  // namespace
