// Hostile charts and repositories: archives with "..", absolute and drive paths, Chart.yaml
// outside the base directory, decompression bombs (100 MiB in all, 5 MiB a file), symbolic
// links inside archives and in the destination, chart names "." and ".." (CVE-2026-35206) —
// refused by pull --untar with nothing written outside the destination, and by the server.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "repo/chart_repo.h"
#include "repo/expand.h"
#include "repo/getter.h"
#include "repo/pull.h"
#include "repo/test_support.h"

namespace {

namespace fs = std::filesystem;
namespace repo = capstan::repo;
using capstan::Error;
using capstan::testing::read_file;
using capstan::testing::testdata;
using capstan::testing::write_file;
using repo::testing::Home;
using repo::testing::make_tgz;
using repo::testing::ScriptedServer;

std::string hostile(const std::string& name) {
  return read_file(testdata("charts/packaged/" + name));
}

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(dir)) ++n;
  return n;
}

TEST_CASE("expand refuses hostile archives and writes nothing") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"traversal.tgz", "chart illegally references parent directory"},
      {"absolute.tgz", "chart illegally contains absolute paths"},
      {"drive.tgz", "chart contains illegally named files"},
      {"chart-yaml-outside.tgz", "chart illegally contains content outside the base directory: \"Chart.yaml\""},
      {"empty.tgz", "no files in chart archive"},
      {"big-file.tgz", "decompressed chart file \"evil/big.bin\" is larger than the maximum file size 5242880"},
      {"total-bomb.tgz", "decompressed chart is larger than the maximum file size 104857600"},
      {"not-gzip.tgz", "gzip: invalid header"},
  };
  for (const auto& [file, message] : cases) {
    INFO(file);
    capstan::testing::TempDir dest;
    CHECK_THROWS_WITH(repo::expand_archive(dest.path() / "out", hostile(file)), message);
    CHECK((!fs::exists(dest.path() / "out") || entries(dest.path() / "out") == 0));
    CHECK_FALSE(fs::exists(dest.path() / "escape.yaml"));
  }
}

TEST_CASE("expand: chart names that are not a directory name (CVE-2026-35206)") {
  capstan::testing::TempDir dest;
  for (const auto& [name, message] : std::vector<std::pair<std::string, std::string>>{
           {".", "chart name \".\" is not allowed"},
           {"..", "chart name \"..\" is not allowed"},
           {"a/b", "chart name \"a/b\" must not contain path separators"},
           {"", "chart name not specified"}}) {
    INFO(name);
    const std::string tgz = make_tgz({{"x/Chart.yaml", "apiVersion: v2\nname: \"" + name + "\"\nversion: 1.0.0\n"},
                                      {"x/values.yaml", "a: 1\n"}});
    CHECK_THROWS_WITH(repo::expand_archive(dest.path(), tgz), message);
    CHECK(entries(dest.path()) == 0);
  }
}

TEST_CASE("expand: a symbolic link entry leaving the chart is refused, never followed") {
  // Helm writes such an entry as an empty file; capstan's archive loader refuses links that
  // leave the chart (chart/archive.cpp), so nothing is written.
  capstan::testing::TempDir dest;
  const std::string tgz = make_tgz({{"c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n"},
                                    {"c/templates/passwd", "->/etc/passwd"}});
  CHECK_THROWS_WITH(repo::expand_archive(dest.path(), tgz),
                    "chart illegally contains a symbolic link leaving the chart: "
                    "\"c/templates/passwd\" -> \"/etc/passwd\"");
  CHECK(entries(dest.path()) == 0);
}

TEST_CASE("expand: a symbolic link already in the destination is not written through") {
  capstan::testing::TempDir dest, elsewhere;
  fs::create_symlink(elsewhere.path(), dest.path() / "c");
  const std::string tgz = make_tgz({{"c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n"}});
  CHECK_THROWS_WITH(repo::expand_archive(dest.path(), tgz),
                    "refusing to write through " + (dest.path() / "c").string() +
                        ": it is a symbolic link or not a directory");
  CHECK(entries(elsewhere.path()) == 0);
  fs::remove(dest.path() / "c");
  fs::create_directories(dest.path() / "c");
  fs::create_symlink(elsewhere.path() / "stolen", dest.path() / "c/Chart.yaml");
  CHECK_THROWS_WITH(repo::expand_archive(dest.path(), tgz),
                    "refusing to write through " + (dest.path() / "c/Chart.yaml").string() +
                        ": it is a symbolic link");
  CHECK_FALSE(fs::exists(elsewhere.path() / "stolen"));
}

TEST_CASE("pull --untar from a repository serving hostile archives") {
  ScriptedServer s;
  std::string index = "apiVersion: v1\nentries:\n";
  for (const char* name : {"traversal", "total-bomb", "absolute"}) {
    index += std::string("  ") + name + ":\n  - name: " + name + "\n    version: 0.1.0\n    urls:\n    - " +
             name + ".tgz\n";
    s.put(std::string("/") + name + ".tgz", hostile(std::string(name) + ".tgz"));
  }
  s.put("/index.yaml", index);
  Home h;
  repo::RepoAddOptions add;
  add.entry.name = "evil";
  add.entry.url = s.url();
  repo::repo_add(add, h.settings);
  repo::PullOptions o;
  o.dest_dir = h.path("out").string();
  o.untar = true;
  CHECK_THROWS_WITH(repo::pull("evil/traversal", o, h.settings), "chart illegally references parent directory");
  CHECK_THROWS_WITH(repo::pull("evil/total-bomb", o, h.settings),
                    "decompressed chart is larger than the maximum file size 104857600");
  CHECK_THROWS_WITH(repo::pull("evil/absolute", o, h.settings), "chart illegally contains absolute paths");
  CHECK_FALSE(fs::exists(h.path("escape.yaml")));
  CHECK_FALSE(fs::exists(h.path("out/evil")));
}

TEST_CASE("a response larger than the getter's bound is refused, not buffered") {
  ScriptedServer s;
  s.put("/big", std::string(2 * 1024 * 1024, 'x'));
  repo::GetterOptions o;
  o.max_body = 1024 * 1024;
  CHECK_THROWS_WITH(repo::http_get(s.url() + "/big", o),
                    "failed to fetch " + s.url() + "/big : response larger than 1048576 bytes");
}

TEST_CASE("the server refuses hostile uploads and keeps its index and files unchanged") {
  repo::testing::Served served;
  const std::string before = repo::http_get(served.url() + "/index.yaml", {});
  for (const char* name : {"traversal.tgz", "total-bomb.tgz", "absolute.tgz", "drive.tgz"}) {
    INFO(name);
    const auto r = repo::http_request("POST", served.url() + "/api/charts", {}, hostile(name),
                                      "application/gzip");
    CHECK(r.status == 500);
  }
  CHECK(repo::http_get(served.url() + "/index.yaml", {}) == before);
  CHECK_FALSE(fs::exists(served.dir.path() / "evil-0.1.0.tgz"));
}

}  // namespace
