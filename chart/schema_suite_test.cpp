// The official JSON Schema Test Suite through chart/schema.h, counted per draft and compared
// with the pinned counts in testdata/chart/schema/suite-counts.txt, so a regression fails.
//
// Suites: Debian's json-schema-test-suite package (/usr/share/json-schema-test-suite, drafts
// 4, 6 and 7; `apt-get install json-schema-test-suite`), and, when CAPSTAN_JSON_SCHEMA_SUITE
// names a checkout of json-schema-org/JSON-Schema-Test-Suite, that one too (all five drafts).
// A suite that is not installed is skipped with a warning.
//
// Configuration as Helm's: formats asserted up to draft 7 (the library's default), content
// keywords never; the optional/ tests are counted apart, with formats asserted as v6's own
// suite run does. Remote references (http://localhost:1234/) come from the suite's remotes/.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "chart/schema.h"
#include "core/error.h"
#include "core/json.h"
#include "core/strconv.h"
#include "tests/support/testing.h"

namespace capstan::chart::jsonschema {
namespace {

namespace fs = std::filesystem;

struct Count {
  int passed = 0;
  int total = 0;
};

// Files v6's own suite run skips: ECMA-262 regular expressions (Go's syntax is used),
// zero-terminated floats, internationalised formats.
bool skipped(const std::string& name) {
  return name == "ecmascript-regex.json" || name == "zeroTerminatedFloats.json" ||
         name == "idn-email.json" || name == "idn-hostname.json";
}

Value read_json(const fs::path& p) {
  json::DecodeOptions options;
  options.numbers = json::Numbers::Typed;
  return json::decode(capstan::testing::read_file(p), options);
}

void run_file(const fs::path& suite, const fs::path& file, int draft, bool optional, Count& count,
              std::vector<std::string>& failures) {
  const Value groups = read_json(file);
  for (const Value& group : groups.list().items) {
    const auto& g = group.map().entries;
    const Value& tests = g.at("tests");
    std::optional<std::string> compile_error;
    Compiler compiler;
    compiler.default_draft(draft);
    if (optional)
      compiler.assert_format();
    compiler.use_loader([&suite](const std::string& url) -> Value {
      const std::string prefix = "http://localhost:1234/";
      if (url.compare(0, prefix.size(), prefix) != 0)
        throw Error(ErrorKind::NotFound, "no internet");
      const fs::path p = suite / "remotes" / url.substr(prefix.size());
      if (!fs::exists(p))
        throw Error(ErrorKind::NotFound, "open " + p.string() + ": no such file or directory");
      return unmarshal_json(capstan::testing::read_file(p));
    });
    const Schema* schema = nullptr;
    try {
      compiler.add_resource("http://testsuites.com/schema.json", g.at("schema"));
      schema = &compiler.compile("http://testsuites.com/schema.json");
    } catch (const Error& e) {
      compile_error = e.what();
    }
    for (const Value& test : tests.list().items) {
      const auto& t = test.map().entries;
      ++count.total;
      bool ok = false;
      if (schema != nullptr) {
        const bool valid = !validate(*schema, t.at("data")).has_value();
        ok = valid == t.at("valid").as_bool();
      }
      if (ok) {
        ++count.passed;
      } else {
        failures.push_back(fs::relative(file, suite / "tests").string() + ": " +
                           g.at("description").as_string() + " / " +
                           t.at("description").as_string() +
                           (compile_error ? " (compile: " + *compile_error + ")" : ""));
      }
    }
  }
}

void run_dir(const fs::path& suite, const fs::path& dir, int draft, bool optional, Count& count,
             std::vector<std::string>& failures) {
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    if (fs::is_directory(p)) {
      if (p.filename() == "optional" && !optional) {
        continue;
      }
      run_dir(suite, p, draft, optional, count, failures);
      continue;
    }
    if (p.extension() != ".json" || skipped(p.filename().string()))
      continue;
    run_file(suite, p, draft, optional, count, failures);
  }
}

// "draft7 mandatory 905/915" lines for one suite.
std::string measure(const fs::path& suite, std::vector<std::string>& failures) {
  std::ostringstream out;
  const std::pair<const char*, int> drafts[] = {
      {"draft4", 4}, {"draft6", 6}, {"draft7", 7}, {"draft2019-09", 2019}, {"draft2020-12", 2020}};
  for (const auto& [name, version] : drafts) {
    const fs::path dir = suite / "tests" / name;
    if (!fs::exists(dir))
      continue;
    Count mandatory;
    run_dir(suite, dir, version, false, mandatory, failures);
    out << name << " mandatory " << mandatory.passed << "/" << mandatory.total << "\n";
    if (fs::exists(dir / "optional")) {
      Count optional;
      run_dir(suite, dir / "optional", version, true, optional, failures);
      out << name << " optional " << optional.passed << "/" << optional.total << "\n";
    }
  }
  return out.str();
}

void check_suite(const fs::path& suite, const std::string& counts_file) {
  if (!fs::exists(suite / "tests")) {
    WARN("JSON Schema Test Suite not found at " << suite << "; skipped");
    return;
  }
  std::vector<std::string> failures;
  const std::string counts = measure(suite, failures);
  for (const std::string& f : failures) UNSCOPED_INFO("fails: " << f);
  capstan::testing::check_golden(capstan::testing::testdata("chart/schema/" + counts_file), counts);
}

// What our validator says about one suite test, worded as the v6 generator's TSV: the verdict
// ("valid", "invalid", "compile-error") and the error text.
std::pair<std::string, std::string> verdict(const fs::path& suite, const Value& group,
                                            const Value& data, int draft, bool optional) {
  Compiler compiler;
  compiler.default_draft(draft);
  if (optional)
    compiler.assert_format();
  compiler.use_loader([&suite](const std::string& url) -> Value {
    const std::string prefix = "http://localhost:1234/";
    if (url.compare(0, prefix.size(), prefix) != 0)
      throw Error(ErrorKind::NotFound, "no internet");
    return unmarshal_json(
        capstan::testing::read_file(suite / "remotes" / url.substr(prefix.size())));
  });
  try {
    compiler.add_resource("http://testsuites.com/schema.json", group.map().entries.at("schema"));
    const Schema& schema = compiler.compile("http://testsuites.com/schema.json");
    if (std::optional<ValidationError> err = validate(schema, data))
      return {"invalid", err->error()};
    return {"valid", ""};
  } catch (const Error& e) {
    return {"compile-error", e.what()};
  }
}

int draft_of(const std::string& rel) {
  if (rel.rfind("draft4/", 0) == 0)
    return 4;
  if (rel.rfind("draft6/", 0) == 0)
    return 6;
  if (rel.rfind("draft7/", 0) == 0)
    return 7;
  if (rel.rfind("draft2019-09/", 0) == 0)
    return 2019;
  return 2020;
}

// Compares every verdict and error text of `tsv` (the v6 generator's output for `suite`) with
// ours; returns (compared, differing). `verdicts_only` counts a test as differing only when the
// verdict differs (the error texts still go to `diffs`).
std::pair<int, int> compare_with_v6(const fs::path& suite, const std::string& tsv_text,
                                    std::string& diffs, bool verdicts_only = false) {
  std::istringstream tsv(tsv_text);
  std::map<std::string, Value> files;
  int compared = 0;
  int differ = 0;
  for (std::string line; std::getline(tsv, line);) {
    std::vector<std::string> cols;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      cols.push_back(line.substr(start, tab - start));
    cols.push_back(line.substr(start));
    REQUIRE(cols.size() == 5);
    const std::string& rel = cols[0];
    if (!files.count(rel))
      files[rel] = read_json(suite / "tests" / rel);
    const Value& group = files[rel].list().items.at(std::stoul(cols[1]));
    const Value& test = group.map().entries.at("tests").list().items.at(std::stoul(cols[2]));
    const bool optional = rel.find("/optional/") != std::string::npos;
    const auto [got_verdict, got_text] =
        verdict(suite, group, test.map().entries.at("data"), draft_of(rel), optional);
    const std::string want_text = *strconv::unquote(cols[4]);
    ++compared;
    if (got_verdict != cols[3] || got_text != want_text) {
      if (!verdicts_only || got_verdict != cols[3])
        ++differ;
      diffs += rel + " group " + cols[1] + " test " + cols[2] + ": want " + cols[3] + " " +
               strconv::quote(want_text) + "\n   got " + got_verdict + " " +
               strconv::quote(got_text) + "\n";
    }
  }
  return {compared, differ};
}

TEST_CASE("schema errors agree with jsonschema v6 on Debian's suite", "[schema][suite]") {
  const fs::path suite = "/usr/share/json-schema-test-suite";
  if (!fs::exists(suite / "tests")) {
    WARN("JSON Schema Test Suite not found at " << suite << "; skipped");
    return;
  }
  std::string diffs;
  const auto [compared, differ] = compare_with_v6(
      suite,
      capstan::testing::read_file(capstan::testing::testdata("chart/schema/suite-v6-debian.tsv")),
      diffs);
  INFO(diffs);
  INFO(differ << " of " << compared << " suite verdicts differ from jsonschema v6");
  CHECK(differ == 0);
}

// With CAPSTAN_JSON_SCHEMA_SUITE and CAPSTAN_JSON_SCHEMA_SUITE_V6 (the v6 generator's TSV for
// that checkout: `schema-gen suite DIR`, built as testdata/chart/schema/regen.sh builds it), the
// same comparison over the upstream suite, all five drafts. Verdicts must all agree; texts may
// differ where v6 prints a schema number as written (json.Number): const -2.0 reads "-2.0" there
// and "-2" here (12 tests of the 2026-08 suite, const.json group 12), which the WARN lists.
TEST_CASE("schema errors agree with jsonschema v6 on an upstream suite", "[schema][suite]") {
  const char* dir = std::getenv("CAPSTAN_JSON_SCHEMA_SUITE");
  const char* tsv = std::getenv("CAPSTAN_JSON_SCHEMA_SUITE_V6");
  if (dir == nullptr || *dir == '\0' || tsv == nullptr || *tsv == '\0') {
    WARN("CAPSTAN_JSON_SCHEMA_SUITE or CAPSTAN_JSON_SCHEMA_SUITE_V6 not set; skipped");
    return;
  }
  std::string diffs;
  const auto [compared, differ] =
      compare_with_v6(dir, capstan::testing::read_file(tsv), diffs, true);
  if (!diffs.empty())
    WARN("error texts that differ from jsonschema v6:\n" << diffs);
  INFO(differ << " of " << compared << " upstream suite verdicts differ from jsonschema v6");
  CHECK(differ == 0);
}

TEST_CASE("JSON Schema Test Suite (Debian json-schema-test-suite)", "[schema][suite]") {
  check_suite("/usr/share/json-schema-test-suite", "suite-counts-debian.txt");
}

TEST_CASE("JSON Schema Test Suite (upstream checkout in CAPSTAN_JSON_SCHEMA_SUITE)",
          "[schema][suite]") {
  const char* dir = std::getenv("CAPSTAN_JSON_SCHEMA_SUITE");
  if (dir == nullptr || *dir == '\0') {
    WARN("CAPSTAN_JSON_SCHEMA_SUITE not set; upstream suite skipped");
    return;
  }
  check_suite(dir, "suite-counts-upstream.txt");
}

}  // namespace
}  // namespace capstan::chart::jsonschema
