// pkg/lint/rules/dependencies.go (helm#7910): the chart loads, and Chart.yaml's dependencies
// and the charts under charts/ name each other, each name or alias once.
#include <algorithm>
#include <map>

#include "chart/lint.h"
#include "chart/loader.h"
#include "core/error.h"

namespace capstan::chart::lint {

namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i > 0 ? "," : "") + names[i];
  return out;
}

}  // namespace

void dependencies(Linter& linter, const Context& ctx) {
  std::shared_ptr<Chart> c;
  try {
    LoadOptions options;
    options.log = ctx.log;
    c = load_dir(linter.chart_dir, options);
  } catch (const Error& e) {
    linter.run(Severity::Error, "", "unable to load chart\n\t" + std::string(e.what()));
    return;
  }
  const auto& declared = c->metadata.dependencies;
  auto declared_name = [&](const std::string& n) {
    return std::any_of(declared.begin(), declared.end(),
                       [&](const auto& d) { return d->name == n; });
  };
  std::vector<std::string> undeclared;
  for (const auto& sub : c->dependencies()) {
    if (!declared_name(sub->name()))
      undeclared.push_back(sub->name());
  }
  linter.run(Severity::Error, linter.chart_dir,
             undeclared.empty()
                 ? std::nullopt
                 : std::optional<std::string>("chart metadata is missing these dependencies: " +
                                              join(undeclared)));
  std::map<std::string, int> seen;
  std::vector<std::string> shadowing;
  for (const auto& d : declared) {
    const std::string key = d->alias.empty() ? d->name : d->alias;
    if (seen[key]++ > 0)
      shadowing.push_back(key);
  }
  linter.run(Severity::Error, linter.chart_dir,
             shadowing.empty()
                 ? std::nullopt
                 : std::optional<std::string>("multiple dependencies with name or alias: " +
                                              join(shadowing)));
  std::vector<std::string> missing;
  for (const auto& d : declared) {
    const bool present = std::any_of(c->dependencies().begin(), c->dependencies().end(),
                                     [&](const auto& sub) { return sub->name() == d->name; });
    if (!present)
      missing.push_back(d->name);
  }
  linter.run(Severity::Warning, linter.chart_dir,
             missing.empty()
                 ? std::nullopt
                 : std::optional<std::string>("chart directory is missing these dependencies: " +
                                              join(missing)));
}

}  // namespace capstan::chart::lint
