// Random, mostly valid Go templates covering the whole language as Helm uses it: text with
// trim markers, actions and pipelines, variables (declare, assign, scopes), if/else-if/else,
// range (lists, maps, strings of values, break/continue, else), with/else, define, template,
// block, include, tpl, comments, literals of every kind (runes, hex/octal/binary/underscored
// numbers, floats, complex, raw strings), Go's builtins, and Sprig's and Helm's functions with
// arguments of the types they expect (and sometimes not).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_frag.h"
#include "tests/fuzz/fuzz_rng.h"
#include "tests/fuzz/fuzz_values.h"

namespace capstan::fuzz {

// One generated case: the file templates/<name>.yaml and, when it defines templates, a
// partials file; every template it defines is named "<prefix>.<something>".
struct TemplateCase {
  Frag main;
  Frag partials;  // empty Seq when there are none
};

// What the chart around the templates holds (files for .Files, the values).
struct ChartContext {
  const VNode* values = nullptr;
  std::vector<std::string> files;  // chart-relative paths
};

struct GenLimits {
  int statements = 6;  // top-level statements of the main template
  int max_depth = 3;   // nesting of blocks and expressions
};

// `has_function` says whether both sides define a function name (the fuzzer asks capstan's
// engine; functions it lacks are left out, not reported).
TemplateCase generate_template(Rng& rng, const ChartContext& chart, const std::string& prefix,
                               const GenLimits& limits,
                               const std::function<bool(const std::string&)>& has_function);

// The names of every function the generator may call (for reporting which are missing).
std::vector<std::string> generator_function_names();

}  // namespace capstan::fuzz
