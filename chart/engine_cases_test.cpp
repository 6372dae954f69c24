// Helm's engine, funcs and chartutil test cases as the oracle ported them
// (testdata/chart/engine/*.json): each case is a chart written to a temporary directory and
// rendered through the whole pipeline; the expected file outputs or error come from Helm.
#include <catch2/catch.hpp>
#include <map>

#include "chart/template_args_testing.h"
#include "chart/template_command.h"
#include "core/error.h"
#include "core/json.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
namespace fs = std::filesystem;
using capstan::chart::testing::Invocation;
using capstan::chart::testing::parse_args;

void run_engine_case(const capstan::Value& c) {
  using capstan::Value;
  namespace json = capstan::json;
  capstan::testing::TempDir dir;
  const std::string name = c.get_string("chart", "c");
  std::map<std::string, std::string> files;
  if (const Value* f = c.find("files")) {
    for (const auto& [k, v] : f->map().entries) files[k] = v.as_string();
  }
  std::map<std::string, std::string> expect;
  if (const Value* e = c.find("expect_files")) {
    for (const auto& [k, v] : e->map().entries) expect[k] = v.as_string();
  }
  if (const Value* tpl = c.find("tpl")) {
    files["values.yaml"] = json::encode(Value::map_of({{"dot", *c.find("dot")}}));
    files["templates/_t.tpl"] = "{{- define \"t\" -}}" + tpl->as_string() + "{{- end -}}";
    files["templates/t"] = "{{- template \"t\" .Values.dot -}}";
    expect = {{name + "/templates/t", c.get_string("expect")}};
  }
  if (files.count("Chart.yaml") == 0) {
    files["Chart.yaml"] = "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n";
  }
  const fs::path root = dir.path() / name;
  for (const auto& [path, text] : files) {
    capstan::testing::write_file(path == "user.yaml" ? dir.path() / path : root / path, text);
  }
  std::vector<std::string> argv = {"render"};
  bool first = true;
  std::vector<std::string> rest;
  if (const Value* args = c.find("args")) {
    for (const Value& a : args->list().items) {
      std::string arg = a.as_string();
      if (!arg.empty() && arg[0] == '@')
        arg = (dir.path() / arg.substr(1)).string();
      if (first && !arg.empty() && arg[0] != '-') {
        argv.push_back(arg);
      } else {
        rest.push_back(arg);
      }
      first = false;
    }
  }
  argv.push_back(root.string());
  argv.insert(argv.end(), rest.begin(), rest.end());
  Invocation inv = parse_args(argv);
  std::map<std::string, std::string> out;
  std::string error;
  bool failed = false;
  try {
    out = chart::render_command(inv.options);
  } catch (const capstan::Error& e) {
    failed = true;
    error = e.what();
  }
  if (const Value* want = c.find("error")) {
    CHECK(failed);
    CHECK(error == want->as_string());
    return;
  }
  if (const Value* want = c.find("error_contains")) {
    CHECK(failed);
    CHECK(error.find(want->as_string()) != std::string::npos);
    return;
  }
  REQUIRE(error == "");
  for (const auto& [path, text] : expect) {
    INFO(path);
    REQUIRE(out.count(path) == 1);
    CHECK(out[path] == text);
  }
  if (const Value* absent = c.find("absent_files")) {
    for (const Value& path : absent->list().items) {
      INFO(path.as_string());
      CHECK(out.count(path.as_string()) == 0);
    }
  }
}

const capstan::testing::FileCases engine_cases("chart/engine", ".json", [](const fs::path& file) {
  capstan::Value cases = capstan::json::decode(capstan::testing::read_file(file));
  for (const capstan::Value& c : cases.list().items) {
    SECTION(c.get_string("case")) {
      run_engine_case(c);
    }
  }
});

}  // namespace
