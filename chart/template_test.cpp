// `helm template`, `values` and `render` against the oracle: each testdata/chart/template/NAME.args is run
// from testdata/ (so paths in messages match), and stdout and stderr (Helm's log lines, then
// "Error: ..." on failure) must equal the oracle's NAME.stdout and NAME.stderr byte for byte.
#include "chart/template_command.h"

#include "chart/template_args_testing.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/json.h"
#include "tests/support/testing.h"

namespace {

namespace chart = capstan::chart;
namespace fs = std::filesystem;
using capstan::chart::testing::InDirectory;
using capstan::chart::testing::parse_args;
using capstan::chart::testing::read_lines;
using capstan::chart::testing::Invocation;

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
  CHECK(stderr_text == capstan::testing::read_file(base.string() + ".stderr"));
  CHECK(stdout_text == capstan::testing::read_file(base.string() + ".stdout"));
});

}  // namespace
