// Loading charts: what each file of a chart directory becomes, .helmignore, subcharts, archives,
// and the refusals (missing Chart.yaml, invalid metadata, escaping symlinks, irregular files).
#include "chart/loader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "chart/archive.h"
#include "chart/helmignore.h"
#include "chart/metadata.h"
#include "core/error.h"
#include "core/json.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
namespace fs = std::filesystem;
using capstan::Error;
using capstan::testing::TempDir;
using capstan::testing::write_file;

std::string load_error(const fs::path& dir, const chart::LoadOptions& options = {}) {
  try {
    chart::load(dir, options);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

std::vector<std::string> names(const std::vector<chart::File>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.name);
  return out;
}

TEST_CASE("loader: the demo chart's files go where Helm puts them") {
  auto c = chart::load(capstan::testing::testdata("charts/demo"));
  CHECK(c->name() == "demo");
  CHECK(c->metadata.version == "1.0.1");
  CHECK(c->metadata.api_version == "v2");
  CHECK(c->metadata.sources ==
        std::vector<std::string>{"https://github.com/cloudnativedevops/cloudnatived"});
  CHECK(names(c->templates) ==
        std::vector<std::string>{"templates/deployment.yaml", "templates/service.yaml"});
  CHECK(names(c->files) ==
        std::vector<std::string>{"production-values.yaml", "staging-values.yaml"});
  CHECK(
      capstan::json::encode(c->values) ==
      R"({"container":{"image":"cloudnatived/demo","name":"demo","port":8888,"tag":"hello"},"environment":"development","replicas":1})");
  CHECK(c->values.find("replicas")->type_name() == "float64");
  CHECK(c->dependencies().empty());
}

TEST_CASE("loader: subcharts load recursively, in name order, with their full paths") {
  auto c = chart::load(capstan::testing::testdata("charts/umbrella"));
  REQUIRE(c->dependencies().size() == 1);
  const auto& frontend = *c->dependencies()[0];
  CHECK(frontend.name() == "frontend");
  CHECK(frontend.parent() == c.get());
  REQUIRE(frontend.dependencies().size() == 1);
  CHECK(frontend.dependencies()[0]->full_path() == "umbrella/charts/frontend/charts/cache");
  CHECK(c->metadata.maintainers.size() == 1);
  CHECK(c->metadata.maintainers[0]->email == "ops@example.com");
  CHECK(c->metadata.annotations.at("category") == "demo");
}

TEST_CASE("loader: Chart.yaml is decoded as sigs.k8s.io/yaml decodes it into chart.Metadata") {
  auto decode = [](const std::string& yaml_text) {
    TempDir dir;
    write_file(dir.path() / "c/Chart.yaml", yaml_text);
    return chart::load(dir.path() / "c");
  };
  auto c = decode(
      "apiVersion: v2\nname: c\nversion: 1.0\nappVersion: 3.14159265358979\n"
      "keywords: [1, true, x]\nNAME: ignored\nName: c\ndeprecated: yes\n");
  CHECK(c->metadata.version == "1");
  CHECK(c->metadata.app_version == "3.1415927");
  CHECK(c->metadata.keywords == std::vector<std::string>{"1", "true", "x"});
  CHECK(c->metadata.name == "c");
  CHECK(c->metadata.deprecated);
  auto v1 = decode("name: c\nversion: 0.1.0\ndescription: \"a\\tb\\u0001c\"\n");
  CHECK(v1->metadata.api_version == "v1");
  CHECK(v1->metadata.description == "a bc");
}

TEST_CASE("loader: bad charts are refused with Helm's messages") {
  TempDir dir;
  auto chart_yaml = [&](const std::string& text) {
    write_file(dir.path() / "c/Chart.yaml", text);
    return load_error(dir.path() / "c");
  };
  CHECK(chart_yaml("apiVersion: v2\nversion: 1.0.0\n") ==
        "validation: chart.metadata.name is required");
  CHECK(chart_yaml("apiVersion: v2\nname: ../c\nversion: 1.0.0\n") ==
        "validation: chart.metadata.name \"../c\" is invalid");
  CHECK(chart_yaml("apiVersion: v2\nname: ..\nversion: 1.0.0\n") ==
        "validation: chart.metadata.name \"..\" is not allowed");
  CHECK(chart_yaml("apiVersion: v2\nname: c\nversion: abc\n") ==
        "validation: chart.metadata.version \"abc\" is invalid");
  CHECK(chart_yaml("apiVersion: v2\nname: c\n") ==
        "validation: chart.metadata.version is required");
  CHECK(chart_yaml("apiVersion: v2\nname: c\nversion: 1.0.0\ntype: foo\n") ==
        "validation: chart.metadata.type must be application or library");
  CHECK(chart_yaml("apiVersion: v2\nname: c\nversion: 1.0.0\nmaintainers: [null]\n") ==
        "validation: maintainers must not contain empty or null nodes");
  CHECK(chart_yaml("apiVersion: v2\nname: c\nversion: 1.0.0\nkeywords: [a, [b]]\nhome: [x]\n") ==
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot "
        "unmarshal array into Go struct field Metadata.home of type string");
  CHECK(
      chart_yaml("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies: [{name: x, tags: a}]\n") ==
      "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot "
      "unmarshal string into Go struct field Dependency.dependencies.tags of type []string");
  CHECK(chart_yaml("- a\n") ==
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot "
        "unmarshal array into Go value of type chart.Metadata");
  CHECK(chart_yaml(
            "apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- {name: a, alias: a/b}\n") ==
        "validation: dependency \"a\" has disallowed characters in the alias");
  CHECK(chart_yaml("apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- {name: a}\n- {name: "
                   "b, alias: a}\n") ==
        "validation: more than one dependency with name or alias \"a\"");
  fs::remove(dir.path() / "c/Chart.yaml");
  CHECK(load_error(dir.path() / "c") == "Chart.yaml file is missing");
  CHECK(load_error(dir.path() / "nope") ==
        "stat " + (dir.path() / "nope").string() + ": no such file or directory");
}

TEST_CASE("loader: a malformed values.yaml names the file and line") {
  CHECK(load_error(capstan::testing::testdata("charts/bad/values-syntax")) ==
        "cannot load values.yaml: error converting YAML to JSON: yaml: line 3: did not find "
        "expected key");
}

TEST_CASE("loader: .helmignore rules and the default templates/.?* rule") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  write_file(c / ".helmignore", "# comment\n*.bak  \n/docs/\nsecret/\n");
  write_file(c / "templates/a.yaml", "a");
  write_file(c / "templates/.hidden.yaml", "h");
  write_file(c / "notes.bak", "x");
  write_file(c / "docs/readme.md", "x");
  write_file(c / "sub/docs/readme.md", "x");
  write_file(c / "secret/key", "x");
  auto loaded = chart::load(c);
  CHECK(names(loaded->files) == std::vector<std::string>{".helmignore", "sub/docs/readme.md"});
  CHECK(names(loaded->templates) == std::vector<std::string>{"templates/a.yaml"});

  // Helm's reading of '!': a negated rule that does NOT match ignores the path, so "!x" keeps
  // only x (Chart.yaml included: such a chart does not load).
  chart::IgnoreRules negated = chart::IgnoreRules::parse("!keep.bak\n");
  CHECK_FALSE(negated.ignored("keep.bak", false));
  CHECK(negated.ignored("Chart.yaml", false));
  write_file(c / ".helmignore", "!keep.bak\n");
  CHECK(load_error(c) == "Chart.yaml file is missing");

  chart::IgnoreRules rules = chart::IgnoreRules::parse("*.bak\n/docs/\nsecret/\n");
  rules.add_defaults();
  CHECK(rules.ignored("a.bak", false));
  CHECK(rules.ignored("x/y/a.bak", false));
  CHECK(rules.ignored("docs", true));
  CHECK_FALSE(rules.ignored("docs", false));
  CHECK_FALSE(rules.ignored("sub/docs", true));
  CHECK(rules.ignored("templates/.x", false));
  CHECK_FALSE(rules.ignored("templates/x", false));
  CHECK_THROWS_WITH(chart::IgnoreRules::parse("a/**/b\n"),
                    "double-star (**) syntax is not supported");
  CHECK_THROWS_WITH(chart::IgnoreRules::parse("[\n"), "syntax error in pattern");
}

TEST_CASE("loader: a symlink inside the chart is followed and logged; one leaving it is refused") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  write_file(c / "files/real.txt", "real");
  write_file(dir.path() / "outside.txt", "secret");
  fs::create_directories(c / "templates");
  fs::create_symlink("../files/real.txt", c / "templates/inside.yaml");
  std::vector<std::string> logged;
  chart::LoadOptions options;
  options.log = [&](std::string_view where, std::string_view msg) {
    logged.push_back(std::string(where) + ": " + std::string(msg));
  };
  auto loaded = chart::load(c, options);
  REQUIRE(loaded->templates.size() == 1);
  CHECK(loaded->templates[0].data == "real");
  REQUIRE(logged.size() == 1);
  CHECK(logged[0].rfind("walk.go:75: found symbolic link in path: ", 0) == 0);

  fs::create_symlink("../../outside.txt", c / "templates/leak.yaml");
  const std::string error = load_error(c);
  CHECK(error.find("chart file templates/leak.yaml is a symbolic link to ") == 0);
  CHECK(error.find("outside the chart directory") != std::string::npos);
  options.follow_external_symlinks = true;
  auto followed = chart::load(c, options);
  CHECK(followed->templates.size() == 2);

  fs::remove(c / "templates/leak.yaml");
  fs::create_symlink(".", c / "templates/loop");
  CHECK(load_error(c) == "chart directory templates/loop is a symbolic link loop");
}

TEST_CASE("loader: irregular files and oversized files are refused") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  REQUIRE(::mkfifo((c / "pipe").c_str(), 0600) == 0);
  CHECK(load_error(c) == "cannot load irregular file " + (c / "pipe").string() +
                             " as it has file mode type bits set");
  fs::remove(c / "pipe");
  write_file(c / "big.bin", std::string(chart::kMaxFileSize + 1, 'x'));
  CHECK(load_error(c) == "chart file \"big.bin\" is larger than the maximum file size 5242880");
}

TEST_CASE("loader: links to devices and directories outside the chart are refused",
          "[safety]") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  write_file(dir.path() / "elsewhere/secret.txt", "secret");
  fs::create_directories(c / "templates");
  fs::create_symlink("/dev/null", c / "templates/null.yaml");
  CHECK(load_error(c).find("chart file templates/null.yaml is a symbolic link to /dev/null, "
                           "outside the chart directory") == 0);
  // Following external links (Helm's behaviour) still refuses what is not a regular file.
  chart::LoadOptions follow;
  follow.follow_external_symlinks = true;
  CHECK(load_error(c, follow) == "cannot load irregular file " +
                                     (c / "templates/null.yaml").string() +
                                     " as it has file mode type bits set");
  fs::remove(c / "templates/null.yaml");
  fs::create_symlink("../../elsewhere", c / "templates/dir");
  CHECK(load_error(c).find("chart file templates/dir is a symbolic link to ") == 0);
}

TEST_CASE("loader: a directory's files together are bounded", "[safety]") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  write_file(c / "a.bin", std::string(600, 'a'));
  write_file(c / "b.bin", std::string(600, 'b'));
  chart::LoadOptions small;
  small.max_chart_size = 1000;
  CHECK(load_error(c, small) == "chart directory " + c.string() +
                                    " is larger than the maximum chart size 1000");
  small.max_chart_size = 1300;
  CHECK(chart::load(c, small)->files.size() == 2);
  CHECK(chart::LoadOptions{}.max_chart_size == 100 * 1024 * 1024);
}

TEST_CASE("loader: charts/ entries that are not charts break loading as in Helm") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  write_file(c / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
  write_file(c / "charts/_skipped/x", "x");
  write_file(c / "charts/.hidden/x", "x");
  write_file(c / "charts/sub-1.0.0.tgz.prov", "signature");
  CHECK(chart::load(c)->files.size() == 1);
  write_file(c / "charts/README.md", "x");
  CHECK(load_error(c) == "error unpacking subchart README.md in c: Chart.yaml file is missing");
}

TEST_CASE("metadata: chart versions are accepted as Masterminds/semver's NewVersion does") {
  for (const char* ok : {"1", "1.2", "1.2.3", "v1.2.3", "01.2.3", "1.2.3-rc.1", "1.2.3+build.5",
                         "1.2.3-alpha-1.0+x-y", "1.2.3-0"}) {
    INFO(ok);
    CHECK(chart::is_chart_version(ok));
  }
  for (const char* bad : {"", "v", "1.2.3.4", "1.", "1.a", "1.2.3-", "1.2.3-01", "1.2.3+",
                          "1.2.3-a..b", "a1.2.3", "99999999999999999999.0.0", "1.2.3 "}) {
    INFO(bad);
    CHECK_FALSE(chart::is_chart_version(bad));
  }
}

}  // namespace
