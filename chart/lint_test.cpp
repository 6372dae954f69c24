// helm lint: each testdata/chart/lint/NAME.args (the lint command line, one argument a line,
// run from testdata/) against NAME.stdout and NAME.stderr (log lines, then "Error: ..." as the
// CLI prints it). There is no lint oracle: the expected texts are capstan's, reviewed against
// Helm v3.21.4's pkg/lint rules and messages (CAPSTAN_UPDATE_GOLDEN=1 rewrites them); the
// bad-subcharts, deprecated-api, bad-chart-yaml and quiet cases reproduce Helm's own goldens
// (cmd/helm/testdata/output/lint-*.txt) over fixtures of the same shape.
#include "chart/lint.h"

#include <catch2/catch.hpp>

#include "chart/lint_validators.h"
#include "chart/template_args_testing.h"
#include "core/error.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
namespace fs = std::filesystem;
using capstan::chart::testing::InDirectory;
using capstan::chart::testing::read_lines;

chart::LintOptions parse(const std::vector<std::string>& argv) {
  chart::LintOptions o;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    auto next = [&]() -> const std::string& {
      REQUIRE(i + 1 < argv.size());
      return argv[++i];
    };
    if (a == "--strict") {
      o.strict = true;
    } else if (a == "--with-subcharts") {
      o.with_subcharts = true;
    } else if (a == "--quiet") {
      o.quiet = true;
    } else if (a == "--skip-schema-validation") {
      o.skip_schema_validation = true;
    } else if (a == "--kube-version") {
      o.kube_version = next();
    } else if (a == "-n") {
      o.namespace_ = next();
    } else if (a == "--set") {
      o.values.values.push_back(next());
    } else if (a == "--set-string") {
      o.values.string_values.push_back(next());
    } else if (a == "-f") {
      o.values.value_files.push_back(next());
    } else {
      REQUIRE(a.rfind("-", 0) != 0);
      o.paths.push_back(a);
    }
  }
  return o;
}

const capstan::testing::FileCases cases("chart/lint", ".args", [](const fs::path& file) {
  chart::LintOptions o = parse(read_lines(file));
  std::string err;
  o.log = [&err](std::string_view where, std::string_view msg) {
    err += chart::log_line(where, msg);
  };
  std::string out;
  {
    InDirectory in(capstan::testing::testdata(""));
    try {
      const chart::LintOutcome r = chart::lint_command(o);
      out = r.output;
      if (r.failed)
        err += "Error: " + r.summary + "\n";
    } catch (const capstan::Error& e) {
      err += "Error: " + std::string(e.what()) + "\n";
    }
  }
  // Absolute paths (the chart directory in dependency messages) read as $TESTDATA.
  const std::string root = capstan::testing::testdata("").string();
  for (std::string* s : {&out, &err}) {
    for (std::size_t at; (at = s->find(root)) != std::string::npos;)
      s->replace(at, root.size(), "$TESTDATA/");
  }
  fs::path base = file;
  base.replace_extension();
  capstan::testing::check_golden(base.string() + ".stdout", out);
  capstan::testing::check_golden(base.string() + ".stderr", err);
});

TEST_CASE("lint validators: govalidator's e-mail and URL rules", "[lint]") {
  namespace lint = chart::lint;
  for (const char* ok : {"ops@example.com", "a.b+c@sub.example.org", "x@localhost.localdomain"})
    CHECK(lint::is_email(ok));
  for (const char* bad : {"not-an-email", "a@", "@b.com", "a b@c.com"})
    CHECK_FALSE(lint::is_email(bad));
  for (const char* ok : {"https://example.com", "example.com/path", "http://1.2.3.4:8080/x",
                         "localhost:3000", "ftp://files.example.org"})
    CHECK(lint::is_url(ok));
  for (const char* bad : {"", "abc", ".example.com", "::nope", "http://", "javascript"})
    CHECK_FALSE(lint::is_url(bad));
  for (const char* ok : {"https://example.com/src", "mailto:x@example.com", "git+ssh://h/r"})
    CHECK(lint::is_request_url(ok));
  for (const char* bad : {"", "not a url", "example.com", "/only/path", "http://a b.com"})
    CHECK_FALSE(lint::is_request_url(bad));
}

TEST_CASE("lint validators: object names by kind, apimachinery's messages", "[lint]") {
  namespace lint = chart::lint;
  CHECK(lint::validate_object_name("Deployment", "web-1").empty());
  CHECK(
      lint::validate_object_name("Service", "1abc") ==
      std::vector<std::string>{
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "
          "with an alphabetic character, and end with an alphanumeric character (e.g. "
          "'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"});
  CHECK(lint::validate_object_name("namespace", "a.b") ==
        std::vector<std::string>{"must not contain dots"});
  CHECK(lint::validate_object_name("ClusterRoleBinding", "..") ==
        std::vector<std::string>{"may not be '..'"});
  CHECK(lint::validate_object_name("CertificateSigningRequest", "").empty());
  CHECK(lint::validate_object_name("Anything", std::string(254, 'a')) ==
        std::vector<std::string>{"must be no more than 253 characters"});
}

}  // namespace
