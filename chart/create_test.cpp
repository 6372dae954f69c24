// helm create: the scaffold written for a name is exactly testdata/charts/created/ (whose renders
// the template cases compare with the oracle: created-*.args, render-created*.args), Helm's
// messages and refusals, and starters.
#include "chart/create.h"

#include <catch2/catch.hpp>

#include "chart/loader.h"
#include "core/error.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
namespace fs = std::filesystem;
using capstan::Error;
using capstan::testing::read_file;
using capstan::testing::TempDir;
using capstan::testing::testdata;
using capstan::testing::write_file;

std::vector<std::string> tree(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    out.push_back(fs::relative(e.path(), root).string() + (e.is_directory() ? "/" : ""));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string create_error(const chart::CreateOptions& o, std::string* out = nullptr) {
  std::string printed;
  try {
    chart::create_chart(o, printed);
  } catch (const Error& e) {
    if (out != nullptr)
      *out = printed;
    return e.what();
  }
  return "";
}

TEST_CASE("create: writes the scaffold of testdata/charts/created", "[create]") {
  TempDir dir;
  std::string out;
  const std::string made = chart::create_chart({(dir.path() / "created").string(), "", ""}, out);
  CHECK(out == "Creating " + (dir.path() / "created").string() + "\n");
  CHECK(made == (dir.path() / "created").string());
  const fs::path golden = testdata("charts/created");
  std::vector<std::string> want = tree(golden);
  if (std::find(want.begin(), want.end(), "charts/") == want.end())
    want.push_back("charts/");  // empty, so not in git
  std::sort(want.begin(), want.end());
  CHECK(tree(made) == want);
  for (const std::string& rel : tree(golden)) {
    if (rel.back() == '/')
      continue;
    INFO(rel);
    CHECK(read_file(fs::path(made) / rel) == read_file(golden / rel));
  }
  // It loads as an application chart with Helm's default metadata.
  auto c = chart::load(made);
  CHECK(c->metadata.version == "0.1.0");
  CHECK(c->metadata.app_version == "1.16.0");
  CHECK(c->metadata.type == "application");
  CHECK(c->templates.size() == 9);
}

TEST_CASE("create: the name is the last path element, replaced everywhere", "[create]") {
  TempDir dir;
  fs::create_directories(dir.path() / "apps");
  std::string out;
  const std::string made =
      chart::create_chart({(dir.path() / "apps/my-app_2.x").string(), "", ""}, out);
  CHECK(read_file(fs::path(made) / "Chart.yaml").find("\nname: my-app_2.x\n") != std::string::npos);
  CHECK(read_file(fs::path(made) / "values.yaml").rfind("# Default values for my-app_2.x.\n", 0) ==
        0);
  CHECK(read_file(fs::path(made) / "templates/_helpers.tpl").find("<CHARTNAME>") ==
        std::string::npos);
  CHECK(read_file(fs::path(made) / "templates/_helpers.tpl")
            .find("{{- define \"my-app_2.x.fullname\" -}}") != std::string::npos);
  // Creating again warns for every file and overwrites it.
  write_file(fs::path(made) / "values.yaml", "changed: true\n");
  out.clear();
  chart::create_chart({(dir.path() / "apps/my-app_2.x").string(), "", ""}, out);
  CHECK(out.find("WARNING: File \"" + made + "/values.yaml\" already exists. Overwriting.\n") !=
        std::string::npos);
  CHECK(std::count(out.begin(), out.end(), '\n') == 13);
  CHECK(read_file(fs::path(made) / "values.yaml").rfind("# Default values", 0) == 0);
}

TEST_CASE("create: refusals worded as Helm's", "[create]") {
  TempDir dir;
  std::string printed;
  CHECK(create_error({(dir.path() / "bad name").string(), "", ""}, &printed) ==
        "chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\"");
  CHECK(printed == "Creating " + (dir.path() / "bad name").string() + "\n");
  CHECK(create_error({(dir.path() / std::string(251, 'a')).string(), "", ""}) ==
        "chart name must be between 1 and 250 characters");
  CHECK(create_error({(dir.path() / "..").string(), "", ""}) == "chart name \"..\" is not allowed");
  CHECK(create_error({(dir.path() / "missing/c").string(), "", ""}) ==
        "stat " + (dir.path() / "missing").string() + ": no such file or directory");
  write_file(dir.path() / "file", "x");
  CHECK(create_error({(dir.path() / "file/c").string(), "", ""}) ==
        "no such directory " + (dir.path() / "file").string());
  CHECK(create_error({(dir.path() / "file").string(), "", ""}) ==
        "file " + (dir.path() / "file").string() + " already exists and is not a directory");
}

TEST_CASE("create: from a starter, with the name put in", "[create]") {
  TempDir dir;
  const fs::path starters = dir.path() / "starters";
  write_file(starters / "web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 9.9.9\n");
  write_file(starters / "web/values.yaml", "# for <CHARTNAME>\nname: <CHARTNAME>\n");
  write_file(starters / "web/templates/cm.yaml", "name: {{ include \"<CHARTNAME>.x\" . }}\n");
  write_file(starters / "web/files/raw.txt", "<CHARTNAME> stays\n");
  write_file(starters / "web/charts/lib/Chart.yaml", "apiVersion: v2\nname: lib\nversion: 1.0.0\n");
  std::string out;
  const std::string made =
      chart::create_chart({(dir.path() / "shop").string(), "web", starters.string()}, out);
  CHECK(read_file(fs::path(made) / "Chart.yaml") ==
        "apiVersion: v2\nappVersion: 0.1.0\ndescription: A Helm chart for Kubernetes\nname: "
        "shop\ntype: application\nversion: 0.1.0\n");
  CHECK(read_file(fs::path(made) / "values.yaml") == "# for shop\nname: shop\n");
  CHECK(read_file(fs::path(made) / "templates/cm.yaml") == "name: {{ include \"shop.x\" . }}\n");
  CHECK(read_file(fs::path(made) / "files/raw.txt") == "<CHARTNAME> stays\n");
  CHECK(fs::exists(fs::path(made) / "charts/lib-1.0.0.tgz"));
  CHECK(chart::load(made)->dependencies().size() == 1);
  CHECK(create_error({(dir.path() / "x").string(), "nope", starters.string()})
            .rfind("could not load " + (starters / "nope").string() + ": stat ", 0) == 0);
}

}  // namespace
