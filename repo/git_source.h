// Charts kept in git, through libgit2, with helm-git's URL form (aslafy-z/helm-git):
//
//   git+https://host/org/repo@path/in/repo?ref=v1.2.0
//   git+file:///srv/git/charts.git@charts/x?ref=main
//   git+ssh://git@host/org/repo@charts?ref=0f3c...     (ssh needs libgit2's ssh support)
//
// The part before '@' (after the authority) is the repository, the part after it a path in
// the tree; `ref` is a tag, a branch or a commit (full or abbreviated), resolved in git's order
// (tags before branches); without one, the remote's default branch. Repositories are mirrored
// bare under Settings::git_cache/mirrors/ and trees checked out once per commit under
// git_cache/checkouts/COMMIT/, so a commit is fetched and written once and reused offline.
//
// A path may name a file in the tree (index.yaml, a packaged .tgz), a chart directory, or a
// directory of charts used as a repository: its index.yaml is generated when the tree has none
// (each chart directory packaged by chart_archive.h, URLs pinned to the resolved commit), and
// PATH/NAME-VERSION.tgz is packaged on demand from the chart directory with that name and
// version, as helm-git does.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "repo/settings.h"

namespace capstan::repo {

struct GitUrl {
  std::string scheme;     // "https", "http", "file", "ssh" (after "git+")
  std::string clone_url;  // what libgit2 clones: "https://host/org/repo", "/srv/git/x.git"
  std::string path;       // in the tree, cleaned, no leading '/': "charts/x" ("" = the root)
  std::string ref;        // "" = the default branch
  std::string raw_query;  // the whole query, kept when the URL is rewritten
  std::string base;       // "git+https://host/org/repo": everything before '@'

  // base@path?query.
  std::string str() const;
};

// `file` appended to the URL's tree path: the URL of a file in the directory it names
// (index.yaml, NAME-VERSION.tgz), the query kept.
std::string git_join(std::string_view url, std::string_view file);

bool is_git_url(std::string_view url);

// Throws Error(ErrorKind::BadRequest) for a malformed URL, a path leaving the tree ("..") or
// an unsupported transport.
GitUrl parse_git_url(std::string_view url);

// The same URL with ref= set to `commit` (the form Chart.lock and generated indexes record).
std::string git_url_at(std::string_view url, std::string_view commit);

struct GitCheckout {
  std::filesystem::path root;  // the checked-out tree of the commit (read-only use)
  std::string commit;          // 40 hex digits
};

// Fetches (unless the ref is a commit already mirrored) and checks out the ref's commit.
// Errors are libgit2's messages, prefixed "git URL: ".
GitCheckout git_checkout(const GitUrl& url, const Settings& s);

// The bytes `url` names (see above). Throws Error(ErrorKind::NotFound) "PATH not found in
// REPO at COMMIT" when nothing matches.
std::string git_fetch_file(const std::string& url, const Settings& s);

struct GitChart {
  std::filesystem::path dir;  // the chart directory inside the cached checkout
  std::string commit;
  std::string pinned_url;     // the URL with ref= the commit
};
// A git+ URL naming a chart directory (install, template, show, pull).
GitChart git_chart(const std::string& url, const Settings& s);

}  // namespace capstan::repo
