// `helm dependency list` (pkg/action/dependency.go List): a NAME VERSION REPOSITORY STATUS table
// of Chart.yaml's dependencies (requirements.yaml for apiVersion v1) with each one's status
// against what charts/ holds, then a warning for every chart under charts/ that Chart.yaml
// does not name.
//
// Statuses, in the order Helm decides them: an archive charts/NAME-*.tgz decides first ("ok",
// "misnamed", "wrong version", "invalid version", "corrupt"; several archives whose suffix is
// a strict SemVer: "too many matches"); otherwise the loaded subchart of that name:
// "unpacked", "wrong version", "invalid version", or "missing".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "chart/log.h"

namespace capstan::chart {

struct DependencyListOptions {
  std::string chart_path = ".";    // filepath.Clean'ed, as Helm cleans the argument
  std::size_t max_col_width = 80;  // --max-col-width
  Log log;
};

// The command's output. Errors are the loader's ("stat x: no such file or directory").
std::string dependency_list(const DependencyListOptions& options);

}  // namespace capstan::chart
