// values.schema.json: each testdata/chart/schema/cases/NAME.schema.json with NAME.values.yaml
// against NAME.out, the text santhosh-tekuri/jsonschema v6 gives (written by
// testdata/chart/schema/regen.sh, never by capstan); then the model chart's schemas (a draft-07
// root, a 2020-12 subchart used twice under aliases) failing through `helm template`, with the
// per-chart report Helm assembles around those same texts.
#include "chart/values_schema.h"

#include <catch2/catch.hpp>

#include "chart/template_args_testing.h"
#include "chart/template_command.h"
#include "chart/value_options.h"
#include "core/error.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
namespace fs = std::filesystem;
using capstan::testing::read_file;
using capstan::testing::testdata;

const capstan::testing::FileCases cases(
    "chart/schema/cases", ".schema.json", [](const fs::path& schema) {
      std::string base = schema.string();
      base.resize(base.size() - std::string(".schema.json").size());
      const capstan::Value values = chart::read_values(read_file(base + ".values.yaml"));
      CHECK(chart::validate_against_single_schema(values, read_file(schema)).value_or("") ==
            read_file(base + ".out"));
    });

std::string v6(const std::string& name) {
  return read_file(testdata("chart/schema/cases/" + name + ".out"));
}

std::string template_error(const std::vector<std::string>& set,
                           const std::vector<std::string>& set_json = {}) {
  chart::TemplateOptions o;
  o.chart_path = "charts/model";
  o.values.values = set;
  o.values.json_values = set_json;
  chart::testing::InDirectory in(testdata(""));
  try {
    chart::template_command(o);
  } catch (const capstan::Error& e) {
    return e.what();
  }
  return "";
}

constexpr std::string_view kHeader =
    "values don't meet the specifications of the schema(s) in the following chart(s):\n";

TEST_CASE("schema: the model chart's schemas pass by default and fail per chart", "[schema]") {
  // Schema failures come before the release exists, so Helm adds no "--debug" hint.
  const std::string h(kHeader);
  CHECK(template_error({}).empty());
  CHECK(template_error({"global.env=staging"}) == h + "model:\n" + v6("model-env-staging"));
  CHECK(template_error({"replica.size=7"}) == h + "model:\n" + v6("model-replica-size-7"));
  // The subchart's schema applies to each alias's own values, reported under the alias.
  CHECK(template_error({"primary.size=0"}) == h + "primary:\n" + v6("db-size-0"));
  CHECK(template_error({"primary.size=null"}) == h + "primary:\n" + v6("db-size-missing"));
  // --set types only integers; 6.5 arrives as a number through --set-json.
  CHECK(template_error({"global.env=qa", "primary.size=abc"}, {"replica.size=6.5"}) ==
        h + "model:\n" + v6("model-env-and-size") + "primary:\n" + v6("db-size-string") +
            "replica:\n" + v6("db-size-float"));
  // Both aliases fail, reported in the parent's dependency order.
  CHECK(template_error({"primary.size=abc", "replica.size=abc"})
            .find("- at '/replica/size': got string, want integer\nprimary:\n" +
                  v6("db-size-string") + "replica:\n" + v6("db-size-string")) != std::string::npos);
  // A disabled alias is not validated.
  CHECK(template_error({"replica.enabled=false", "replica.size=abc"}) ==
        h + "model:\n- at '/replica/size': got string, want integer\n");
}

}  // namespace
