// `helm search repo` (cmd/helm/search_repo.go and cmd/helm/search/search.go): every cached
// repository index, searched by literal text or regular expression (Go's RE2 syntax) over
// "name\vrepo/name\vdescription\vkeywords", scored by the field the match starts in, then
// filtered by a SemVer constraint (">0.0.0" by default, ">0.0.0-0" with --devel).
#pragma once

#include <string>
#include <vector>

#include "repo/output.h"
#include "repo/settings.h"

namespace capstan::repo {

struct SearchOptions {
  std::vector<std::string> terms;  // joined with spaces; none = every chart
  bool regexp = false;             // -r
  bool versions = false;           // -l: every version
  bool devel = false;
  std::string version;             // --version constraint
  std::size_t max_col_width = 50;
  bool fail_on_no_result = false;
  OutputFormat format = OutputFormat::Table;
};

// The output Helm prints. Cached indexes that are missing or corrupt are skipped with Helm's
// two warnings on s.warn ("WARNING: Repo "x" is corrupt or missing. Try 'helm repo update'.").
// Throws "no repositories configured", the regexp's error, "an invalid version/constraint
// format: ...", or "no results found" with fail_on_no_result.
std::string search_repo(const SearchOptions& options, const Settings& s);

}  // namespace capstan::repo
