// Test support shared by every module's test binary: where the source tree is, temporary
// directories, golden files, and registering one Catch2 test case per data file.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace capstan::testing {

// The source tree (CAPSTAN_SOURCE_DIR if set, else the tree the tests were configured from).
std::filesystem::path source_dir();

// A path under testdata/.
std::filesystem::path testdata(std::string_view relative);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view content);

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Compares `actual` with the golden file; with CAPSTAN_UPDATE_GOLDEN=1 rewrites it instead.
// Only for goldens of capstan's own behaviour: oracle goldens are made by scripts, never here.
void check_golden(const std::filesystem::path& golden, std::string_view actual);

// Registers, at static-initialisation time, one test case per file under testdata/<dir>
// (recursively) whose name ends with `suffix`. Each case is named "<dir>/<relative path>" so
// it can be run alone: `templating_test "templating/conformance/if/else.case"`.
struct FileCases {
  using Runner = std::function<void(const std::filesystem::path& file)>;
  FileCases(std::string_view dir, std::string_view suffix, Runner runner,
            std::string_view tags = "[data]");
};

}  // namespace capstan::testing
