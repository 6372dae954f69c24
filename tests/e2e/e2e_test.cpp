// Registers every script under testdata/e2e/ as its own test case.
#include <catch2/catch.hpp>

#include "tests/e2e/script.h"
#include "tests/support/testing.h"

namespace {

const capstan::testing::FileCases kScripts(
    "e2e", ".txt",
    [](const std::filesystem::path& file) {
      try {
        capstan::e2e::run_script(file, CAPSTAN_BINARY, capstan::testing::testdata(""));
      } catch (const std::exception& e) {
        FAIL(e.what());
      }
    },
    "[e2e]");

}  // namespace
