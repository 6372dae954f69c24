// Case layouts, the conformance format, known deviations and shrinking (see fuzz_case.h).
#include "tests/fuzz/fuzz_case.h"

#include <algorithm>
#include <regex>

namespace capstan::fuzz {

std::vector<std::pair<std::string, std::string>> generate_files(Rng& rng) {
  std::vector<std::pair<std::string, std::string>> files;
  auto lines = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += random_text(rng, 12, false) + "\n";
    if (rng.chance(0.3) && !s.empty())
      s.pop_back();  // no final newline
    return s;
  };
  if (rng.chance(0.8))
    files.emplace_back("files/a.txt", lines(static_cast<int>(rng.range(0, 4))));
  if (rng.chance(0.6))
    files.emplace_back("files/b.json", "{\"k\": [1, 2.5, \"x\"], \"n\": null}\n");
  if (rng.chance(0.6))
    files.emplace_back("files/c.yaml", "a: 1\nb:\n  - x\n  - y\n");
  if (rng.chance(0.5))
    files.emplace_back("conf/app.properties", "port=8080\nname=" + random_word(rng) + "\n");
  if (rng.chance(0.4))
    files.emplace_back("files/sub/d.txt", lines(2));
  if (rng.chance(0.2))
    files.emplace_back("files/e.txt", "");
  return files;
}

ChartSpec single_chart(const Case& c) {
  ChartSpec spec;
  spec.values_yaml = emit_yaml(c.values);
  spec.files = c.files;
  spec.templates.emplace_back("case.yaml", render(c.tmpl.main));
  const std::string partials = render(c.tmpl.partials);
  if (!partials.empty())
    spec.templates.emplace_back("_helpers.tpl", partials);
  return spec;
}

namespace {

void section(std::string& out, const std::string& name, const std::string& content) {
  if (!content.empty() && content.back() != '\n') {
    out += "-- " + name + " (no newline at end) --\n" + content + "\n";
  } else if (content.empty()) {
    out += (name == "output" || name == "error") ? "-- " + name + " (no newline at end) --\n"
                                                 : "-- " + name + " --\n";
  } else {
    out += "-- " + name + " --\n" + content;
  }
}

}  // namespace

std::string conformance_text(const Case& c, const RenderResult& oracle) {
  const ChartSpec spec = single_chart(c);
  std::string out;
  section(out, "template", spec.templates[0].second);
  section(out, "values.yaml", spec.values_yaml);
  if (spec.templates.size() > 1)
    section(out, "partials", spec.templates[1].second);
  for (const auto& [path, content] : spec.files) section(out, "file:" + path, content);
  if (oracle.status == RenderResult::Status::Ok) {
    auto it = oracle.files.find("conformance/templates/case.yaml");
    section(out, "output", it == oracle.files.end() ? "" : it->second);
  } else {
    section(out, "error", oracle.error);
  }
  return out;
}

std::string known_deviation(const Case& c, const RenderResult& oracle,
                            const RenderResult& capstan) {
  // Go 1.22 ranges over integers; Go 1.19 refuses.
  static const std::regex int_range("range can't iterate over -?[0-9]+$");
  if (oracle.status == RenderResult::Status::Error && std::regex_search(oracle.error, int_range) &&
      capstan.status != RenderResult::Status::Crash) {
    return "range over an integer (Go 1.22)";
  }
  // A cyclic value (`set . "k" $`) printed or merged: Go dies of a stack overflow, as does
  // capstan (on its 1 GB execution stack).
  if (oracle.status == RenderResult::Status::Crash &&
      oracle.error.find("stack overflow") != std::string::npos &&
      capstan.status == RenderResult::Status::Crash) {
    return "both overflow the stack";
  }
  // Go prints pointers (the root context's *chartutil.Capabilities) as heap addresses such as
  // 0xc000154090; capstan prints the fixed 0xc000010000 (templating/gofmt.cpp).
  // (or, with %d, 824633786368 and its neighbours; with %o, 14000000200000).
  static const std::regex go_pointer("c000[0-9a-f]{6}|8246[0-9]{8}|1400000[0-7]{7}", std::regex::icase);
  for (const RenderResult* r : {&oracle, &capstan}) {
    for (const auto& [path, text] : r->files) {
      if (std::regex_search(text, go_pointer))
        return "a pointer's address";
    }
  }
  // A time.Time under a verb that bypasses its String method (%d, %U, %08b...) prints its
  // unexported fields by reflection: wall, ext (seconds since year 1, 6xxxxxxxxxx for the
  // years charts see, or a monotonic reading) and loc (a *time.Location pointer). capstan's
  // time objects keep no such fields and print {}.
  static const std::regex time_internals("time\\.Location|\\b6[2-6][0-9]{9}\\b|EAFFF3A80|\\{[0-9]+ [0-9]{9,} [0<]",
                                         std::regex::icase);
  if (capstan.status != RenderResult::Status::Crash &&
      std::regex_search(oracle.error, time_internals))
    return "time.Time's unexported fields";
  for (const auto& [path, text] : oracle.files) {
    if (std::regex_search(text, time_internals))
      return "time.Time's unexported fields";
  }
  const ChartSpec spec = single_chart(c);
  std::string templates;
  for (const auto& [name, text] : spec.templates) templates += text;
  // Sprig's keys and values walk a Go map, whose order is random (the oracle's output differs
  // from run to run); capstan walks it sorted. Equal as multisets of bytes means only the
  // order differs.
  static const std::regex map_walk("(^|[^.A-Za-z0-9_])(keys|values)\\b");
  if (std::regex_search(templates, map_walk) && oracle.status == capstan.status) {
    auto bytes = [](const RenderResult& r) {
      std::string all = r.error;
      for (const auto& [path, text] : r.files) all += text;
      std::sort(all.begin(), all.end());
      return all;
    };
    if (bytes(oracle) == bytes(capstan))
      return "Go's map order (keys, values)";
  }
  // The oracle has BurntSushi/toml v1.2, Helm v1.6 (templating/README.md): v1.2 refuses a
  // top-level scalar or array (errNoKey) and writes large floats with 'f' where v1.6 uses 'g'.
  if (templates.find("Toml") != std::string::npos) {
    static const std::regex v12("top-level values must be Go maps or structs|[0-9]{17,}\\.0\\b");
    for (const auto& [path, text] : oracle.files) {
      if (std::regex_search(text, v12))
        return "BurntSushi/toml v1.2 (oracle) versus v1.6";
    }
    if (std::regex_search(oracle.error, v12))
      return "BurntSushi/toml v1.2 (oracle) versus v1.6";
  }
  return "";
}

Case shrink(const Case& start, const std::function<bool(const Case&)>& still_fails, int max_tests) {
  Case best = start;
  int tests = 0;
  auto attempt = [&](Case candidate) {
    if (tests >= max_tests)
      return false;
    ++tests;
    if (!still_fails(candidate))
      return false;
    best = std::move(candidate);
    return true;
  };
  bool progress = true;
  while (progress && tests < max_tests) {
    progress = false;
    // Files and values first: they are cheap to drop and make the template's paths clearer.
    for (std::size_t i = 0; i < best.files.size(); ++i) {
      Case c = best;
      c.files.erase(c.files.begin() + static_cast<long>(i));
      if (attempt(std::move(c))) {
        progress = true;
        --i;
      }
    }
    for (std::size_t i = 0; i < count_removable(best.values); ++i) {
      Case c = best;
      c.values = without_removable(best.values, i);
      if (attempt(std::move(c))) {
        progress = true;
        --i;
      }
    }
    for (Frag TemplateCase::*part : {&TemplateCase::partials, &TemplateCase::main}) {
      for (std::size_t k = 0;; ++k) {
        const std::vector<Edit> es = edits(best.tmpl.*part);
        if (k >= es.size() || tests >= max_tests)
          break;
        Case c = best;
        c.tmpl.*part = apply(best.tmpl.*part, es[k]);
        if (attempt(std::move(c))) {
          progress = true;
          --k;  // the edits list changed: look at the same position again
        }
      }
    }
  }
  return best;
}

}  // namespace capstan::fuzz
