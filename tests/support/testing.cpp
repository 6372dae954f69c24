// Test support: Catch2's main lives here, with file-driven case registration.
#define CATCH_CONFIG_MAIN
#include "tests/support/testing.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace capstan::testing {

namespace fs = std::filesystem;

fs::path source_dir() {
  if (const char* env = std::getenv("CAPSTAN_SOURCE_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return CAPSTAN_DEFAULT_SOURCE_DIR;
}

fs::path testdata(std::string_view relative) { return source_dir() / "testdata" / relative; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const fs::path& path, std::string_view content) {
  if (path.has_parent_path()) {
    fs::create_directories(path.parent_path());
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "capstan-test-XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (::mkdtemp(buf.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  path_ = buf.data();
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

void check_golden(const fs::path& golden, std::string_view actual) {
  const char* update = std::getenv("CAPSTAN_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    write_file(golden, actual);
    return;
  }
  INFO("golden file " << golden.string() << " (rewrite with CAPSTAN_UPDATE_GOLDEN=1)");
  REQUIRE(fs::exists(golden));
  CHECK(read_file(golden) == std::string(actual));
}

namespace {

class FileInvoker : public Catch::ITestInvoker {
 public:
  FileInvoker(fs::path file, FileCases::Runner runner)
      : file_(std::move(file)), runner_(std::move(runner)) {}
  void invoke() const override { runner_(file_); }

 private:
  fs::path file_;
  FileCases::Runner runner_;
};

}  // namespace

FileCases::FileCases(std::string_view dir, std::string_view suffix, Runner runner,
                     std::string_view tags) {
  const fs::path root = testdata(dir);
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_regular_file() && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  const std::string tag_string(tags);
  for (const fs::path& file : files) {
    const std::string name = std::string(dir) + "/" + fs::relative(file, root).generic_string();
    // AutoReg copies the name and tags into the registry; the file name must be static.
    Catch::AutoReg(new FileInvoker(file, runner), Catch::SourceLineInfo(__FILE__, __LINE__),
                   Catch::StringRef(), Catch::NameAndTags{name, tag_string});
  }
}

}  // namespace capstan::testing
