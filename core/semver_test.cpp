// Masterminds/semver v3.2.0 compatibility: testdata/core/semver/*.tsv hold what Go says
// (testdata/core/gen/semvercases).
#include "core/semver.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/json_testing.h"

namespace {

using capstan::Error;
using capstan::semver::Constraints;
using capstan::semver::Version;
namespace ct = capstan::codec_testing;

std::string describe(const std::function<Version()>& parse) {
  try {
    Version v = parse();
    return v.str() + "|" + v.original() + "|" + std::to_string(v.major()) + "|" +
           std::to_string(v.minor()) + "|" + std::to_string(v.patch()) + "|" + v.prerelease() +
           "|" + v.metadata();
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

// The version follows the last tab (a constraint may hold tabs).
std::pair<std::string, std::string> split_tab(const std::string& s) {
  const std::size_t tab = s.rfind('\t');
  if (tab == std::string::npos)
    return {s, ""};
  return {s.substr(0, tab), s.substr(tab + 1)};
}

const capstan::testing::FileCases versions("core/semver", "versions.tsv", [](const auto& file) {
  for (const ct::Row& row : ct::read_table(file)) {
    INFO("line " << row.line << ": " << row.cols[0]);
    CHECK(describe([&] { return Version::parse(row.cols[0]); }) == row.cols[1]);
    CHECK(describe([&] { return Version::parse_strict(row.cols[0]); }) == row.cols[2]);
  }
});

const capstan::testing::FileCases compare("core/semver", "compare.tsv", [](const auto& file) {
  for (const ct::Row& row : ct::read_table(file)) {
    auto [a, b] = split_tab(row.cols[0]);
    INFO("line " << row.line << ": " << a << " vs " << b);
    CHECK(std::to_string(Version::parse(a).compare(Version::parse(b))) == row.cols[1]);
  }
});

const capstan::testing::FileCases constraints(
    "core/semver", "constraints.tsv", [](const auto& file) {
      for (const ct::Row& row : ct::read_table(file)) {
        auto [text, version] = split_tab(row.cols[0]);
        INFO("line " << row.line << ": " << ct::escape(text) << " with " << version);
        REQUIRE(row.cols.size() == 4);
        try {
          Constraints c = Constraints::parse(text);
          CHECK(c.str() == row.cols[1]);
          if (version.empty())
            continue;
          const Version v = Version::parse(version);
          CHECK((c.check(v) ? "true" : "false") == row.cols[2]);
          auto [ok, errors] = c.validate(v);
          std::string joined = ok ? "true " : "false ";
          for (std::size_t i = 0; i < errors.size(); ++i) joined += (i > 0 ? "; " : "") + errors[i];
          CHECK(joined == row.cols[3]);
        } catch (const Error& e) {
          CHECK(std::string("error: ") + e.what() == row.cols[1]);
        }
      }
    });

TEST_CASE("semver: ordering puts prereleases before their release", "[semver]") {
  CHECK(Version::parse("1.0.0-rc.1") < Version::parse("1.0.0"));
  CHECK(Version::parse("1.0.0+a") == Version::parse("1.0.0+b"));
  CHECK(Version(1, 2, 3, "beta", "x").original() == "1.2.3-beta+x");
}

}  // namespace
