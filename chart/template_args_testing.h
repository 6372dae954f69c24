// Test support for chart's command-level tests: the oracle's command lines (one argument per
// line in NAME.args) turned into TemplateOptions, and running in another working directory.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "chart/template_command.h"

namespace capstan::chart::testing {

namespace fs = std::filesystem;

inline std::vector<std::string> read_lines(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// encoding/csv's one-record read, as the oracle splits -f and -a values.
inline std::vector<std::string> split_csv(const std::string& v) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : v) {
    if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!v.empty())
    out.push_back(cur);
  return out;
}

// The oracle's flag parsing, for the flags the cases use.
struct Invocation {
  std::string command;
  TemplateOptions options;
};

inline Invocation parse_args(const std::vector<std::string>& argv) {
  Invocation inv;
  inv.command = argv.at(0);
  std::vector<std::string> positional;
  auto& o = inv.options;
  for (std::size_t i = 1; i < argv.size(); ++i) {
    std::string a = argv[i];
    if (a.empty() || a[0] != '-') {
      positional.push_back(a);
      continue;
    }
    auto value = [&]() -> std::string { return argv.at(++i); };
    if (a == "--include-crds")
      o.include_crds = true;
    else if (a == "--is-upgrade")
      o.is_upgrade = true;
    else if (a == "--skip-tests")
      o.skip_tests = true;
    else if (a == "--no-hooks")
      o.no_hooks = true;
    else if (a == "--deterministic")
      o.engine.deterministic = true;
    else if (a == "-f" || a == "--values")
      for (auto& f : split_csv(value())) o.values.value_files.push_back(f);
    else if (a == "--set")
      o.values.values.push_back(value());
    else if (a == "--set-string")
      o.values.string_values.push_back(value());
    else if (a == "--set-json")
      o.values.json_values.push_back(value());
    else if (a == "--set-file")
      o.values.file_values.push_back(value());
    else if (a == "--set-literal")
      o.values.literal_values.push_back(value());
    else if (a == "-n" || a == "--namespace")
      o.namespace_ = value();
    else if (a == "--kube-version")
      o.kube_version = value();
    else if (a == "-a" || a == "--api-versions")
      for (auto& v : split_csv(value())) o.api_versions.push_back(v);
    else if (a == "-s" || a == "--show-only")
      o.show_only.push_back(value());
    else
      FAIL("unknown flag in case: " << a);
  }
  if (positional.size() == 1) {
    o.chart_path = positional[0];
  } else {
    REQUIRE(positional.size() == 2);
    o.release_name = positional[0];
    o.chart_path = positional[1];
  }
  return inv;
}

// Runs with the working directory set to testdata/, restored afterwards.
class InDirectory {
 public:
  explicit InDirectory(const fs::path& dir) : saved_(fs::current_path()) { fs::current_path(dir); }
  ~InDirectory() { fs::current_path(saved_); }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;

 private:
  fs::path saved_;
};

}  // namespace capstan::chart::testing
