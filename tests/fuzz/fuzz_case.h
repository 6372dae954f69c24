// One fuzz case (values, chart files, a template and its partials) in the layouts both
// renderers read: many cases per chart (a batch) or one case as a conformance case, plus the
// shrinker that minimises a mismatching case.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_runner.h"
#include "tests/fuzz/fuzz_template.h"
#include "tests/fuzz/fuzz_values.h"

namespace capstan::fuzz {

struct Case {
  VNode values;
  std::vector<std::pair<std::string, std::string>> files;
  TemplateCase tmpl;
  std::string id;  // "seed/batch/case"
};

// Random chart files for .Files (text only, so that a case stays a text conformance file).
std::vector<std::pair<std::string, std::string>> generate_files(Rng& rng);

// The chart of one case as testdata/templating/regen.py writes it: templates/case.yaml and
// templates/_helpers.tpl.
ChartSpec single_chart(const Case& c);

// testdata/templating/conformance's case format, with the oracle's result as expected.
std::string conformance_text(const Case& c, const RenderResult& oracle);

// Whether a mismatch is a known, documented difference between Helm v3.21.4 (which capstan
// follows) and the oracle (Go 1.19, Sprig 3.2.3): returns the reason, or "".
std::string known_deviation(const Case& c, const RenderResult& oracle, const RenderResult& capstan);

// Shrinks `c` while `still_fails` holds for the smaller case, trying at most `max_tests`.
Case shrink(const Case& c, const std::function<bool(const Case&)>& still_fails, int max_tests);

}  // namespace capstan::fuzz
