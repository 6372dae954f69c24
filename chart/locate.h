// Finding a local chart as Helm's ChartPathOptions.LocateChart does before it falls back to
// repositories (which belong to repo/): the trimmed name if it exists on disk, else Helm's
// errors for what it would have looked up remotely.
#pragma once

#include <string>
#include <string_view>

namespace capstan::chart {

// The path (whitespace trimmed) when it exists. Otherwise throws Error(ErrorKind::NotFound):
// `path "./x" not found` for absolute or dot-relative names, "non-absolute URLs should be in
// form of repo_name/path_to_chart, got: x" for a bare name, "repo r not found" for "r/x".
std::string locate_local_chart(std::string_view name);

}  // namespace capstan::chart
