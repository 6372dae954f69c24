// `helm template` through chart::template_command, as a process to time against the oracle's
// whole process (bench/run.sh), and in-process timings of the same call.
//
//   capstan_template_bench CHART [--deterministic] [--render]   prints what `helm template`
//                                                               (or the oracle's `render`) prints
//   capstan_template_bench CHART --runs N [--render]            times N in-process renders
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "chart/template_command.h"
#include "core/error.h"
#include "core/json.h"

namespace {

int usage() {
  std::fprintf(stderr, "usage: capstan_template_bench CHART [--runs N] [--render] [--deterministic]\n");
  return 2;
}

// The oracle's `render` output: a JSON object of path -> text, indented by one space.
std::string render_json(const std::map<std::string, std::string>& files) {
  capstan::Value m = capstan::Value::empty_map();
  for (const auto& [path, text] : files) m.set(path, capstan::Value(text));
  return capstan::json::encode(m);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  capstan::chart::TemplateOptions options;
  options.chart_path = argv[1];
  options.log = [](std::string_view location, std::string_view message) {
    const std::string line = capstan::chart::log_line(location, message);
    std::fwrite(line.data(), 1, line.size(), stderr);
  };
  int runs = 0;
  bool render = false;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--render") == 0) {
      render = true;
    } else if (std::strcmp(argv[i], "--deterministic") == 0) {
      options.engine.deterministic = true;
    } else {
      return usage();
    }
  }
  try {
    if (runs <= 0) {
      const std::string out =
          render ? render_json(capstan::chart::render_command(options)) + "\n"
                 : capstan::chart::template_command(options);
      std::fwrite(out.data(), 1, out.size(), stdout);
      return 0;
    }
    std::vector<double> ms;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      const auto start = std::chrono::steady_clock::now();
      if (render) {
        bytes = capstan::chart::render_command(options).size();
      } else {
        bytes = capstan::chart::template_command(options).size();
      }
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%d runs: min %.2f ms, median %.2f ms (%zu %s)\n", runs, ms.front(), ms[ms.size() / 2],
                bytes, render ? "templates" : "bytes");
  } catch (const capstan::Error& e) {
    std::fprintf(stderr, "Error: %s\n", e.what());
    return 1;
  }
  return 0;
}
