// A configured chart repository and the `repo add|list|update|remove` actions (Helm's
// pkg/repo/chartrepo.go and cmd/helm/repo_*.go): downloading index.yaml into the cache as
// NAME-index.yaml and NAME-charts.txt, keeping repositories.yaml (under a file lock, as Helm
// does with gofrs/flock), and the messages Helm prints.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "repo/getter.h"
#include "repo/output.h"
#include "repo/repo_file.h"
#include "repo/settings.h"

namespace capstan::repo {

// The getter options a repository entry implies (WithURL, basic auth, TLS, pass-credentials).
GetterOptions getter_options(const Entry& entry,
                             std::chrono::seconds timeout = std::chrono::seconds(120));

// Fetches what `url` names with the getter its scheme needs (HTTP(S), or a git+ URL through
// git_source.h), with `options` for HTTP.
std::string fetch_url(const std::string& url, const GetterOptions& options, const Settings& s);

// ChartRepository.DownloadIndexFile: index.yaml resolved against the repository URL, fetched,
// loaded (so a bad index fails here), then the bytes as fetched written to the cache with the
// chart-name list beside them. Returns the cached index path.
std::filesystem::path download_index_file(const Entry& entry, const Settings& s,
                                          std::chrono::seconds timeout = std::chrono::seconds(120));

struct RepoAddOptions {
  Entry entry;
  bool force_update = false;
  bool allow_deprecated_repos = false;
  std::chrono::seconds timeout{120};
};
// Returns Helm's line ("\"NAME\" has been added to your repositories\n", or "... already
// exists with the same configuration, skipping\n"); throws Helm's errors.
std::string repo_add(const RepoAddOptions& options, const Settings& s);

// `repo list`: the table, or JSON/YAML of {name, url}. Throws "no repositories to show" for an
// empty table.
std::string repo_list(const Settings& s, OutputFormat format);

struct RepoUpdateOptions {
  std::vector<std::string> names;  // empty: every repository
  bool fail_on_repo_update_fail = false;
  std::chrono::seconds timeout{120};
};
// Prints progress to s.out as Helm does ("...Successfully got an update from the "NAME" chart
// repository"); repositories are fetched one after another (Helm: in parallel; the lines are
// then in repositories.yaml order instead of arrival order).
void repo_update(const RepoUpdateOptions& options, const Settings& s);

// `repo remove NAME...`: the lines Helm prints; stops at the first unknown name.
void repo_remove(const std::vector<std::string>& names, const Settings& s);

}  // namespace capstan::repo
