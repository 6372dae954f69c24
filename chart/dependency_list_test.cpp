// helm dependency list: the table layout of Helm's goldens (cmd/helm/testdata/output/
// dependency-list*.txt) and every status of pkg/action/dependency.go.
#include "chart/dependency_list.h"

#include <catch2/catch.hpp>

#include "chart/loader.h"
#include "chart/package.h"
#include "chart/table.h"
#include "core/error.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
namespace fs = std::filesystem;
using capstan::testing::TempDir;
using capstan::testing::write_file;

std::string chart_yaml(const std::string& name, const std::string& version) {
  return "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n";
}

// A packaged chart NAME-VERSION, written as charts/FILE.
void add_archive(const fs::path& parent, const std::string& file, const std::string& name,
                 const std::string& version) {
  TempDir tmp;
  write_file(tmp.path() / name / "Chart.yaml", chart_yaml(name, version));
  write_file(parent / "charts" / file, chart::chart_archive(*chart::load(tmp.path() / name)));
}

std::string list(const fs::path& p, std::size_t width = 80) {
  chart::DependencyListOptions o;
  o.chart_path = p.string();
  o.max_col_width = width;
  return chart::dependency_list(o);
}

TEST_CASE("dependency list: Helm's table, then charts/ entries Chart.yaml does not name",
          "[dependency]") {
  TempDir dir;
  const fs::path c = dir.path() / "reqtest";
  write_file(c / "Chart.yaml",
             chart_yaml("reqtest", "0.1.0") +
                 "dependencies:\n"
                 "- {name: reqsubchart, version: 0.1.0, repository: https://example.com/charts}\n"
                 "- {name: reqsubchart2, version: 0.2.0, repository: https://example.com/charts}\n"
                 "- {name: reqsubchart3, version: '>=0.1.0', repository: "
                 "https://example.com/charts}\n");
  write_file(c / "charts/reqsubchart/Chart.yaml", chart_yaml("reqsubchart", "0.1.0"));
  write_file(c / "charts/reqsubchart2/Chart.yaml", chart_yaml("reqsubchart2", "0.2.0"));
  add_archive(c, "reqsubchart3-0.2.0.tgz", "reqsubchart3", "0.2.0");
  // Helm's dependency-list.txt, byte for byte.
  CHECK(list(c) ==
        "NAME        \tVERSION\tREPOSITORY                \tSTATUS  \n"
        "reqsubchart \t0.1.0  \thttps://example.com/charts\tunpacked\n"
        "reqsubchart2\t0.2.0  \thttps://example.com/charts\tunpacked\n"
        "reqsubchart3\t>=0.1.0\thttps://example.com/charts\tok      \n"
        "\n");
  write_file(c / "charts/extra/Chart.yaml", chart_yaml("extra", "1.0.0"));
  // Neither a directory nor a .tgz: skipped (the chart's .helmignore keeps it from loading).
  write_file(c / "charts/notes.txt", "x");
  write_file(c / ".helmignore", "notes.txt\n");
  const std::string out = list(c);
  CHECK(out.substr(out.find("\n\n") + 2) ==
        "WARNING: \"" + (c / "charts/extra").string() + "\" is not in Chart.yaml.\n");
  // Cells are cut to --max-col-width with "...".
  CHECK(list(c, 10).substr(0, 78) ==
        "NAME      \tVERSION\tREPOSITORY\tSTATUS  \nreqsubc...\t0.1.0  \thttps:/...\tunpacked\n");
  chart::PackageOptions pack;
  pack.chart_path = c.string();
  pack.destination = dir.path().string();
  const std::string packed = chart::package_chart(pack);
  CHECK(list(packed).find("reqsubchart3\t>=0.1.0\thttps://example.com/charts\tunpacked") !=
        std::string::npos);
}

TEST_CASE("dependency list: every status Helm reports", "[dependency]") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "Chart.yaml", chart_yaml("c", "1.0.0") +
                                   "dependencies:\n"
                                   "- {name: ok, version: ^1.0.0, repository: r}\n"
                                   "- {name: misnamed, version: 1.0.0, repository: r}\n"
                                   "- {name: old, version: '>=2.0.0', repository: r}\n"
                                   "- {name: many, version: 1.x, repository: r}\n"
                                   "- {name: gone, version: 1.0.0, repository: r}\n"
                                   "- {name: dir, version: 1.0.0, repository: r}\n"
                                   "- {name: dirold, version: 2.x, repository: r}\n"
                                   "- {name: badc, version: 'not a constraint', repository: r}\n"
                                   "- {name: broken, version: 1.0.0, repository: r}\n"
                                   "- {name: onesemver, version: 1.0.0, repository: r}\n");
  add_archive(c, "ok-1.2.0.tgz", "ok", "1.2.0");
  add_archive(c, "misnamed-1.0.0.tgz", "other", "1.0.0");
  add_archive(c, "old-1.0.0.tgz", "old", "1.0.0");
  add_archive(c, "many-1.0.0.tgz", "many", "1.0.0");
  add_archive(c, "many-1.1.0.tgz", "many", "1.1.0");
  write_file(c / "charts/dir/Chart.yaml", chart_yaml("dir", "1.0.0"));
  write_file(c / "charts/dirold/Chart.yaml", chart_yaml("dirold", "1.0.0"));
  write_file(c / "charts/badc/Chart.yaml", chart_yaml("badc", "1.0.0"));
  // An archive the chart itself ignores, so that the chart still loads.
  write_file(c / ".helmignore", "broken-1.0.0.tgz\n");
  write_file(c / "charts/broken-1.0.0.tgz", "not a gzip stream");
  // Two archives, one of whose suffix is not a strict SemVer: the other one decides.
  add_archive(c, "onesemver-1.0.0.tgz", "onesemver", "1.0.0");
  add_archive(c, "onesemver-latest.tgz", "onesemver", "1.0.0");
  const std::string out = list(c);
  CHECK(out ==
        "NAME     \tVERSION         \tREPOSITORY\tSTATUS          \n"
        "ok       \t^1.0.0          \tr         \tok              \n"
        "misnamed \t1.0.0           \tr         \tmisnamed        \n"
        "old      \t>=2.0.0         \tr         \twrong version   \n"
        "many     \t1.x             \tr         \ttoo many matches\n"
        "gone     \t1.0.0           \tr         \tmissing         \n"
        "dir      \t1.0.0           \tr         \tunpacked        \n"
        "dirold   \t2.x             \tr         \twrong version   \n"
        "badc     \tnot a constraint\tr         \tinvalid version \n"
        "broken   \t1.0.0           \tr         \tcorrupt         \n"
        "onesemver\t1.0.0           \tr         \tok              \n"
        "\n"
        "WARNING: \"" +
            (c / "charts/broken-1.0.0.tgz").string() +
            "\" is not a chart.\n"
            "WARNING: \"" +
            (c / "charts/misnamed-1.0.0.tgz").string() + "\" is not in Chart.yaml.\n");
}

TEST_CASE("dependency list: no dependencies, and a missing chart", "[dependency]") {
  TempDir dir;
  write_file(dir.path() / "alpine/Chart.yaml", chart_yaml("alpine", "0.1.0"));
  // The argument is cleaned as filepath.Clean does.
  CHECK(list(dir.path() / "alpine/./") ==
        "WARNING: no dependencies at " + (dir.path() / "alpine/charts").string() + "\n");
  CHECK_THROWS_WITH(list("/no/such/chart"), "stat /no/such/chart: no such file or directory");
}

TEST_CASE("uitable: widths, padding and truncation", "[dependency]") {
  CHECK(chart::format_uitable({{"a", "bb"}, {"ccc", "d"}}, 0) == "a  \tbb\nccc\td ");
  CHECK(chart::format_uitable({{"abcdefghijk"}}, 8) == "abcde...");
  CHECK(chart::format_uitable({{"\xE6\x97\xA5\xE6\x9C\xAC", "x"}, {"ab", "y"}}, 0) ==
        "\xE6\x97\xA5\xE6\x9C\xAC\tx\nab  \ty");
}

}  // namespace
