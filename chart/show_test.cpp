// helm show: each part as pkg/action/show.go prints it (Chart.yaml re-serialized, checked
// against the Go-computed package golden; values.yaml as written; README; CRDs; the "---"
// separators of `all`).
#include "chart/show.h"

#include <catch2/catch.hpp>

#include "chart/loader.h"
#include "core/error.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
using capstan::testing::TempDir;
using capstan::testing::testdata;
using capstan::testing::write_file;

// The root Chart.yaml text of a package golden ("  | " lines after NAME/Chart.yaml).
std::string golden_chart_yaml(const std::string& name) {
  const std::string golden =
      capstan::testing::read_file(testdata("chart/package/" + name + ".members"));
  std::string out;
  std::size_t at = golden.find(name + "/Chart.yaml ");
  at = golden.find('\n', at) + 1;
  while (golden.compare(at, 4, "  | ") == 0) {
    const std::size_t nl = golden.find('\n', at);
    out += golden.substr(at + 4, nl - at - 3);
    at = nl + 1;
  }
  return out;
}

TEST_CASE("show chart: the metadata as sigs.k8s.io/yaml re-serializes it", "[show]") {
  for (const char* name : {"packaging", "umbrella", "legacy-v1"}) {
    INFO(name);
    const std::string path = testdata(std::string("charts/") + name).string();
    const std::string shown = chart::show_command(path, chart::ShowFormat::Chart);
    if (std::string(name) != "legacy-v1") {
      CHECK(shown == golden_chart_yaml(name) + "\n");
    } else {
      // Unlike package, show keeps a v1 chart's requirements.yaml dependencies.
      CHECK(shown.find("dependencies:") != std::string::npos);
    }
  }
}

TEST_CASE("show values, readme, crds and all", "[show]") {
  const std::string path = testdata("charts/packaging").string();
  const std::string values = capstan::testing::read_file(testdata("charts/packaging/values.yaml"));
  const std::string readme = capstan::testing::read_file(testdata("charts/packaging/README.md"));
  const std::string crd =
      capstan::testing::read_file(testdata("charts/packaging/crds/widget.yaml"));
  CHECK(chart::show_command(path, chart::ShowFormat::Values) == values + "\n");
  CHECK(chart::show_command(path, chart::ShowFormat::Readme) == readme + "\n");
  CHECK(chart::show_command(path, chart::ShowFormat::Crds) == crd + "\n");
  CHECK(chart::show_command(path, chart::ShowFormat::All) == golden_chart_yaml("packaging") +
                                                                 "\n---\n" + values + "\n---\n" +
                                                                 readme + "\n---\n" + crd + "\n");
}

TEST_CASE("show: absent parts print nothing, subchart CRDs follow the chart's", "[show]") {
  TempDir dir;
  const auto c = dir.path() / "c";
  write_file(c / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  CHECK(chart::show_command(c.string(), chart::ShowFormat::Values).empty());
  CHECK(chart::show_command(c.string(), chart::ShowFormat::Readme).empty());
  CHECK(chart::show_command(c.string(), chart::ShowFormat::All) ==
        "apiVersion: v2\nname: c\nversion: 1.0.0\n\n");
  // An empty values.yaml is still a values file; README matching ignores case but not
  // directories; a CRD starting with "---" needs no separator in `all`.
  write_file(c / "values.yaml", "");
  write_file(c / "docs/README.md", "nested");
  write_file(c / "ReadMe", "top");
  write_file(c / "crds/a.yaml", "---\nkind: A\n");
  write_file(c / "charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 1.0.0\n");
  write_file(c / "charts/sub/crds/b.json", "{\"kind\": \"B\"}");
  CHECK(chart::show_command(c.string(), chart::ShowFormat::All) ==
        "apiVersion: v2\nname: c\nversion: 1.0.0\n\n---\n\n---\ntop\n---\nkind: A\n\n{\"kind\": "
        "\"B\"}\n");
  CHECK_THROWS_WITH(chart::show_command("./nope", chart::ShowFormat::All),
                    "path \"./nope\" not found");
  CHECK_THROWS_WITH(chart::show_command("stable/nope", chart::ShowFormat::All),
                    "repo stable not found");
}

}  // namespace
