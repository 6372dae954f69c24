// chartutil.IsCompatibleRange against Masterminds/semver as the oracle builds it: every row of
// testdata/chart/semver/constraints.tsv (made by testdata/chart/gen/gen.sh with Go).
#include <catch2/catch.hpp>
#include <sstream>

#include "chart/dependencies.h"
#include "tests/support/testing.h"

namespace {

const capstan::testing::FileCases constraint_table(
    "chart/semver", ".tsv", [](const std::filesystem::path& file) {
      std::istringstream in(capstan::testing::read_file(file));
      int rows = 0;
      for (std::string line; std::getline(in, line); ++rows) {
        std::size_t a = line.find('\t');
        std::size_t b = line.find('\t', a + 1);
        const std::string constraint = line.substr(0, a);
        const std::string version = line.substr(a + 1, b - a - 1);
        const bool want = line.substr(b + 1) == "true";
        INFO("line " << rows + 1 << ": \"" << constraint << "\" ~ \"" << version << "\"");
        CHECK(capstan::chart::is_compatible_range(constraint, version) == want);
      }
      CHECK(rows > 1000);
    });

}  // namespace
