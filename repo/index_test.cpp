// index.yaml: loading (strict YAML, Helm's tolerance, both readers), writing, generating from a
// directory, merging. Expectations under testdata/repo/index/ come from Go
// (testdata/repo/gen/generate.sh), never from capstan.
#include "repo/index.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.h"
#include "repo/index_dir.h"
#include "tests/support/testing.h"

namespace {

namespace fs = std::filesystem;
namespace repo = capstan::repo;
using capstan::Error;
using capstan::testing::read_file;
using capstan::testing::TempDir;

constexpr const char* kNow = "2026-01-01T00:00:00Z";

std::string load_case(const fs::path& file, bool fast) {
  std::vector<std::string> logs;
  repo::LoadIndexOptions options;
  options.source = file.filename().string();
  options.fast_path = fast;
  options.log = [&](std::string_view where, std::string_view message) {
    logs.push_back(std::string(where) + ": " + std::string(message));
  };
  std::string out;
  std::string body;
  try {
    repo::IndexFile index = repo::load_index(read_file(file), options);
    body = "--- yaml\n" + index.to_yaml();
  } catch (const Error& e) {
    body = "--- error\n" + std::string(e.what()) + "\n";
  }
  std::sort(logs.begin(), logs.end());
  out = "--- log\n";
  for (const auto& l : logs) out += l + "\n";
  return out + body;
}

void run_load_case(const fs::path& file) {
  const std::string want = read_file(fs::path(file).replace_extension(".want"));
  CHECK(load_case(file, true) == want);
  CHECK(load_case(file, false) == want);
}

const capstan::testing::FileCases kLoadYaml("repo/index/load", ".yaml", run_load_case);
const capstan::testing::FileCases kLoadJson("repo/index/load", ".json", run_load_case);

void copy_packages(const fs::path& to) {
  fs::copy(capstan::testing::testdata("repo/packages"), to, fs::copy_options::recursive);
}

void run_generate_case(const fs::path& file) {
  const std::string want = read_file(fs::path(file).replace_extension(".want"));
  std::istringstream args(read_file(file));
  repo::RepoIndexOptions options;
  options.now = repo::fixed_now(kNow);
  TempDir tmp;
  std::string word;
  std::string merge_name;
  while (args >> word) {
    if (word == "--url") {
      args >> options.url;
    } else if (word == "--merge") {
      args >> merge_name;
      const fs::path src = file.parent_path() / merge_name;
      options.merge = (tmp.path() / merge_name).string();
      if (fs::exists(src))
        fs::copy_file(src, options.merge);
    } else if (word == "--json") {
      options.json = true;
    }
  }
  options.dir = tmp.path() / "packages";
  copy_packages(options.dir);
  std::string got;
  try {
    repo::repo_index(options);
    got = read_file(options.dir / "index.yaml");
  } catch (const Error& e) {
    got = "--- error\n" + std::string(e.what()) + "\n";
    // The expectation names the merge file by its base name.
    const std::string full = tmp.path().string() + "/";
    for (std::size_t at; (at = got.find(full)) != std::string::npos;) got.erase(at, full.size());
  }
  CHECK(got == want);
  if (!merge_name.empty() && !fs::exists(file.parent_path() / merge_name)) {
    // Helm writes an empty index where the missing --merge file was.
    CHECK(read_file(options.merge) == "apiVersion: v1\nentries: {}\ngenerated: \"" +
                                          std::string(kNow) + "\"\n");
  }
}

const capstan::testing::FileCases kGenerate("repo/index/generate", ".args", run_generate_case);

TEST_CASE("index: Get picks the exact version first, else the newest matching the constraint") {
  repo::IndexFile index = repo::load_index(read_file(capstan::testing::testdata("repo/index/load/basic.yaml")));
  CHECK(index.get("alpine", "").version == "0.2.0");  // stable only
  CHECK(index.get("alpine", "^0.1").version == "0.1.0");
  CHECK(index.get("alpine", ">0.0.0-0").version == "1.0.0-rc.1");
  CHECK(index.get("nginx", "v1.2.3").version == "v1.2.3");
  CHECK(index.get("nginx", "1.2.3").version == "v1.2.3");
  CHECK_THROWS_WITH(index.get("alpine", "9.9.9"), "no chart version found for alpine-9.9.9");
  CHECK_THROWS_WITH(index.get("nope", ""), "no chart name found");
  CHECK_THROWS_WITH(index.get("alpine", "not a version"), "improper constraint: not a version");
  CHECK(index.has("alpine", "0.1.0"));
  CHECK_FALSE(index.has("alpine", "0.1.1"));
}

TEST_CASE("index: a chart whose metadata MustAdd refuses stops the indexing with Helm's words") {
  TempDir tmp;
  repo::IndexFile index("2026-01-01T00:00:00Z");
  capstan::chart::Metadata md;
  md.name = "bad";
  md.version = "not-semver";
  CHECK_THROWS_WITH(index.must_add(md, "bad-1.tgz", "", "", kNow),
                    "validate failed for bad-1.tgz: validation: chart.metadata.version "
                    "\"not-semver\" is invalid");
}

TEST_CASE("index: load_index_file names the file in its errors") {
  TempDir tmp;
  CHECK_THROWS_WITH(repo::load_index_file((tmp.path() / "missing.yaml").string()),
                    "open " + (tmp.path() / "missing.yaml").string() +
                        ": no such file or directory");
  capstan::testing::write_file(tmp.path() / "i.yaml", "entries: {}\n");
  CHECK_THROWS_WITH(repo::load_index_file((tmp.path() / "i.yaml").string()),
                    "error loading " + (tmp.path() / "i.yaml").string() +
                        ": no API version specified");
}

}  // namespace
