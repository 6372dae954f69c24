// Indexing a directory of packaged charts (pkg/repo/index.go IndexDirectory, cmd/helm/repo_index.go).
#include "repo/index_dir.h"

#include <algorithm>
#include <system_error>

#include "chart/loader.h"
#include "core/error.h"
#include "repo/digest.h"
#include "repo/url.h"

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

// The names in `dir` ending in ".tgz", sorted (filepath.Glob: "*" matches dot files too).
std::vector<std::string> tgz_names(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() >= 4 && name.compare(name.size() - 4, 4, ".tgz") == 0)
      out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> sub_dirs(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec))
      out.push_back(it->path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

IndexFile index_directory(const fs::path& dir, std::string_view base_url, const Now& now) {
  // (sub-directory, file name) in Glob order: the top level first, then one level down.
  std::vector<std::pair<std::string, std::string>> archives;
  for (auto& name : tgz_names(dir)) archives.emplace_back("", name);
  for (const auto& sub : sub_dirs(dir)) {
    for (auto& name : tgz_names(dir / sub)) archives.emplace_back(sub, name);
  }
  IndexFile index(now());
  for (const auto& [parent, file] : archives) {
    const fs::path path = parent.empty() ? dir / file : dir / parent / file;
    const std::string parent_url =
        url_join(base_url, parent).value_or(join_path(base_url, parent));
    std::shared_ptr<chart::Chart> c;
    try {
      c = chart::load(path);
    } catch (const Error&) {
      continue;  // Helm: "Assume this is not a chart."
    }
    const std::string digest = digest_file(path);
    try {
      index.must_add(c->metadata, file, parent_url, digest, now());
    } catch (const Error& e) {
      throw Error(e.kind(), "failed adding to " + file + " to index: " + std::string(e.what()));
    }
  }
  return index;
}

void repo_index(const RepoIndexOptions& options) {
  std::error_code ec;
  fs::path dir = fs::absolute(options.dir, ec);
  if (ec)
    dir = options.dir;
  const fs::path out = dir / "index.yaml";
  IndexFile index = index_directory(dir, options.url, options.now);
  auto write = [&](const IndexFile& i, const fs::path& path) {
    atomic_write_file(path, options.json ? i.to_json() : i.to_yaml(), 0644);
  };
  if (!options.merge.empty()) {
    if (!fs::exists(options.merge, ec)) {
      // Helm writes an empty index there first (and merges it: nothing is added).
      write(IndexFile(options.now()), options.merge);
    } else {
      try {
        index.merge(load_index_file(options.merge, options.log));
      } catch (const Error& e) {
        throw Error(e.kind(), "merge failed: " + std::string(e.what()));
      }
    }
  }
  index.sort_entries();
  write(index, out);
}

}  // namespace capstan::repo
