// `helm template`, `values` and `render` against the oracle: each testdata/chart/template/NAME.args
// is run from testdata/ (so paths in messages match), and stdout and stderr (Helm's log lines, then
// "Error: ..." on failure) must equal the oracle's NAME.stdout and NAME.stderr byte for byte.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "chart/template_args_testing.h"
#include "chart/template_command.h"
#include "core/error.h"
#include "core/json.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
namespace fs = std::filesystem;
using capstan::chart::testing::InDirectory;
using capstan::chart::testing::Invocation;
using capstan::chart::testing::parse_args;
using capstan::chart::testing::read_lines;

std::string sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl == std::string::npos ? nl : nl - start + 1));
    if (nl == std::string::npos)
      break;
    start = nl + 1;
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l;
  return out;
}

const capstan::testing::FileCases cases("chart/template", ".args", [](const fs::path& file) {
  Invocation inv = parse_args(read_lines(file));
  std::string stderr_text;
  inv.options.log = [&](std::string_view where, std::string_view msg) {
    stderr_text += chart::log_line(where, msg);
  };
  std::string stdout_text;
  {
    InDirectory in(capstan::testing::testdata(""));
    try {
      if (inv.command == "values") {
        stdout_text = chart::values_command(inv.options);
      } else if (inv.command == "render") {
        // The oracle prints the map with Go's json.Encoder: no HTML escaping, one-space indent.
        capstan::Value files = capstan::Value::empty_map();
        for (const auto& [path, text] : chart::render_command(inv.options)) files.set(path, text);
        stdout_text = capstan::json::encode(files, {false, "", " ", {}}) + "\n";
      } else {
        stdout_text = chart::template_command(inv.options);
      }
    } catch (const capstan::Error& e) {
      stderr_text += "Error: " + std::string(e.what()) + "\n";
    }
  }
  fs::path base = file;
  base.replace_extension();
  std::string want_stderr = capstan::testing::read_file(base.string() + ".stderr");
  if (base.filename().string().rfind("random-", 0) == 0) {
    // Helm logs coalescing conflicts in Go's random map order: compare them as a set.
    stderr_text = sorted_lines(stderr_text);
    want_stderr = sorted_lines(want_stderr);
  }
  CHECK(stderr_text == want_stderr);
  CHECK(stdout_text == capstan::testing::read_file(base.string() + ".stdout"));
});

TEST_CASE("template_command: --name-template runs with Sprig and no data, errors as Go's") {
  CHECK(chart::render_name_template("{{ \"ABC\" | lower }}-{{ 1 | add 2 }}") == "abc-3");
  CHECK(chart::render_name_template("{{ .Foo }}") == "<no value>");
  CHECK_THROWS_WITH(chart::render_name_template("{{ x }}"),
                    "template: name-template:1: function \"x\" not defined");
  CHECK_THROWS_WITH(chart::render_name_template("{{ fail \"no\" }}"),
                    "template: name-template:1:3: executing \"name-template\" at <fail \"no\">: "
                    "error calling fail: no");
  CHECK_THROWS_WITH(chart::render_name_template("{{ include \"x\" . }}"),
                    "template: name-template:1: function \"include\" not defined");
}

}  // namespace
