// Running one chart through both renderers: the oracle as a process (`helm-oracle render`,
// deterministic), capstan in a forked child (chart::render_command with the same options), so
// a crash or a hang in capstan is a finding rather than the end of the run.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace capstan::fuzz {

struct ChartSpec {
  std::string values_yaml;
  std::vector<std::pair<std::string, std::string>> files;      // chart-relative path, content
  std::vector<std::pair<std::string, std::string>> templates;  // path under templates/, text
};

struct RenderResult {
  enum class Status { Ok, Error, Crash } status = Status::Ok;
  std::map<std::string, std::string> files;  // template path -> output
  std::string error;                         // Error's message, or how the child died
};

// Writes the chart `conformance` (version 0.1.0) into dir/conformance; returns that path.
std::filesystem::path write_chart(const std::filesystem::path& dir, const ChartSpec& spec);

RenderResult run_oracle(const std::string& oracle, const std::filesystem::path& chart);
RenderResult run_capstan(const std::filesystem::path& chart);

// Go's encoding/json replaces invalid UTF-8 with U+FFFD in the oracle's JSON output; capstan's
// raw output gets the same treatment before comparing.
std::string go_json_sanitize(const std::string& s);

// Go's heap addresses replaced by capstan's stand-in (%p, %v of pointers nested in maps).
std::string normalize_pointers(const std::string& s);

// Equal results: same status, same files and texts, or the same error message (addresses
// normalized).
bool same_result(const RenderResult& oracle, const RenderResult& capstan);

// A one-line description of a result, for reports.
std::string describe(const RenderResult& r);

}  // namespace capstan::fuzz
