// helm package: each test chart's archive against the Go-computed golden
// (testdata/chart/package/NAME.members from regen.sh: members in Helm's order with sizes,
// hashes and the re-serialized Chart.yaml/Chart.lock, and the hash of the whole tar as Go's
// archive/tar writes it), loading the package back, determinism, the flags and the refusals.
#include "chart/package.h"

#include <openssl/sha.h>

#include <catch2/catch.hpp>

#include "chart/archive.h"
#include "chart/archive_writer.h"
#include "chart/loader.h"
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

std::string hex_sha256(const std::string& data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

// The golden's format, from the archive capstan writes.
std::string listing(const chart::Chart& c) {
  const std::string tar = chart::chart_tar(c);
  std::string out;
  for (const chart::File& f : chart::load_archive_files(chart::gzip_compress(tar))) {
    const std::string name = c.name() + "/" + f.name;
    out += name + " " + std::to_string(f.data.size()) + " " + hex_sha256(f.data) + "\n";
    const bool inline_text = f.name == "Chart.yaml" || f.name == "Chart.lock" ||
                             (f.name.size() > 11 &&
                              (f.name.ends_with("/Chart.yaml") || f.name.ends_with("/Chart.lock")));
    if (!inline_text)
      continue;
    std::size_t start = 0;
    while (start < f.data.size()) {
      std::size_t nl = f.data.find('\n', start);
      nl = nl == std::string::npos ? f.data.size() : nl + 1;
      out += "  | " + f.data.substr(start, nl - start);
      start = nl;
    }
  }
  return out + "tar " + std::to_string(tar.size()) + " " + hex_sha256(tar) + "\n";
}

capstan::testing::FileCases package_cases("chart/package", ".members", [](const fs::path& golden) {
  const std::string name = golden.stem().string();
  auto c = chart::load(capstan::testing::testdata("charts/" + name));
  CHECK(listing(*c) == capstan::testing::read_file(golden));
});

// Everything a loaded chart holds, for comparing a chart with its packaged copy.
std::string describe(const chart::Chart& c) {
  std::string out = capstan::json::encode(chart::metadata_json(c.metadata)) + "\n";
  out += "values " + capstan::json::encode(c.values) + "\nraw " + c.values_raw + "\n";
  out += "schema " + std::to_string(c.has_schema) + " " + c.schema + "\n";
  out += "lock " + capstan::json::encode(c.lock) + "\n";
  for (const auto& f : c.templates) out += "T " + f.name + " " + hex_sha256(f.data) + "\n";
  for (const auto& f : c.files) out += "F " + f.name + " " + hex_sha256(f.data) + "\n";
  for (const auto& d : c.dependencies()) out += "charts/" + d->name() + ":\n" + describe(*d);
  return out;
}

TEST_CASE("package: loading the archive back gives the same chart", "[package]") {
  for (const char* name : {"packaging", "umbrella", "deps", "with-archive", "hooks"}) {
    INFO(name);
    auto c = chart::load(capstan::testing::testdata(std::string("charts/") + name));
    auto back = chart::load_archive(chart::chart_archive(*c));
    // The lock is re-serialized (its time normalized); everything else is identical.
    if (std::string(name) == "packaging") {
      CHECK(back->lock.find("generated")->as_string() == "2024-03-05T10:20:30.12+01:00");
      back->lock = c->lock;
    }
    CHECK(describe(*back) == describe(*c));
  }
}

TEST_CASE("package: the same chart always packs to the same bytes", "[package]") {
  auto a = chart::load(capstan::testing::testdata("charts/packaging"));
  auto b = chart::load(capstan::testing::testdata("charts/packaging"));
  const std::string bytes = chart::chart_archive(*a);
  CHECK(bytes == chart::chart_archive(*b));
  // Go's gzip framing with Helm's header: FEXTRA and FCOMMENT, no mtime, OS 255.
  CHECK(bytes.substr(0, 10) == std::string("\x1f\x8b\x08\x14\0\0\0\0\0\xff", 10));
  CHECK(bytes.substr(12, 41) == "+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=");
  CHECK(bytes.substr(53, 5) == std::string("Helm\0", 5));
}

TEST_CASE("package: writes NAME-VERSION.tgz with --version, --app-version, -d", "[package]") {
  TempDir dir;
  chart::PackageOptions o;
  o.chart_path = capstan::testing::testdata("charts/demo").string();
  o.destination = (dir.path() / "out/nested").string();
  o.version = "2.0.0-rc.1";
  o.app_version = "9.9";
  const std::string written = chart::package_chart(o);
  CHECK(written == (dir.path() / "out/nested/demo-2.0.0-rc.1.tgz").string());
  auto c = chart::load(written);
  CHECK(c->metadata.version == "2.0.0-rc.1");
  CHECK(c->metadata.app_version == "9.9");
  // Nothing else is left in the destination (the temporary file was renamed).
  CHECK(std::distance(fs::directory_iterator(dir.path() / "out/nested"),
                      fs::directory_iterator{}) == 1);
  // A second run replaces the archive with the same bytes.
  const std::string first = capstan::testing::read_file(written);
  chart::package_chart(o);
  CHECK(capstan::testing::read_file(written) == first);
}

TEST_CASE("package: refusals worded as Helm's", "[package]") {
  TempDir dir;
  auto error = [](const chart::PackageOptions& o) {
    try {
      chart::package_chart(o);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  chart::PackageOptions o;
  o.destination = dir.path().string();
  o.chart_path = (dir.path() / "nope").string();
  CHECK(error(o) == "stat " + o.chart_path + ": no such file or directory");
  o.chart_path = capstan::testing::testdata("charts/packaged/demo-1.0.1.tgz").string();
  CHECK(error(o) == "Chart.yaml file is missing");
  o.chart_path = capstan::testing::testdata("charts/demo").string();
  o.version = "not-a-version";
  CHECK(error(o) == "Invalid Semantic Version");
  o.version.clear();
  o.dependency_update = true;
  CHECK(error(o).find("--dependency-update is not supported") == 0);
  o.dependency_update = false;
  o.chart_path = capstan::testing::testdata("charts/bad/missing-dep").string();
  CHECK(error(o).find("found in Chart.yaml, but missing in charts/ directory: ") == 0);
  write_file(dir.path() / "file", "x");
  o.chart_path = capstan::testing::testdata("charts/demo").string();
  o.destination = (dir.path() / "file").string();
  CHECK(error(o) == "failed to save: is not a directory: " + o.destination);
  const fs::path c = dir.path() / "badschema";
  write_file(c / "Chart.yaml", "apiVersion: v2\nname: badschema\nversion: 1.0.0\n");
  write_file(c / "values.schema.json", "{not json");
  o.chart_path = c.string();
  o.destination = dir.path().string();
  CHECK(error(o) == "failed to save: Invalid JSON in values.schema.json");
  CHECK_FALSE(fs::exists(dir.path() / "badschema-1.0.0.tgz"));
}

}  // namespace
