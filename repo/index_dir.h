// `helm repo index`: an index of the packaged charts in a directory (Helm's IndexDirectory),
// optionally merged into an older index, written as index.yaml (or JSON) in that directory.
#pragma once

#include <filesystem>
#include <string>

#include "chart/log.h"
#include "repo/index.h"
#include "repo/rfc3339.h"

namespace capstan::repo {

// IndexDirectory: DIR/*.tgz, then DIR/*/*.tgz (Go's filepath.Glob of "**/*.tgz" matches one
// level), each name-sorted; archives that do not load as charts are skipped; each version's
// URL is base_url joined with its sub-directory and file name, its digest the archive's
// SHA-256, its `created` now(). Unsorted, as Helm leaves it. Throws Error "failed adding to
// FILE to index: validate failed for FILE: validation: ..." for a chart whose metadata Helm's
// MustAdd refuses.
IndexFile index_directory(const std::filesystem::path& dir, std::string_view base_url,
                          const Now& now);

struct RepoIndexOptions {
  std::filesystem::path dir;
  std::string url;    // --url
  std::string merge;  // --merge OLD ("" = none)
  bool json = false;  // --json
  Now now = system_now;
  chart::Log log;     // log lines from loading the merged index
};

// The whole command: index the directory, merge OLD (a missing OLD is first written as an
// empty index, as Helm does; its versions are added only for name+version pairs the
// directory does not have), sort, and write DIR/index.yaml atomically. Errors: "merge failed:
// error loading OLD: ...".
void repo_index(const RepoIndexOptions& options);

}  // namespace capstan::repo
