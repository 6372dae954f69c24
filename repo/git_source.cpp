// git+ URLs through libgit2: bare mirrors, checkouts by commit, generated indexes and archives.
#include "repo/git_source.h"

#include <fcntl.h>
#include <git2.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <mutex>

#include "chart/loader.h"
#include "core/error.h"
#include "repo/chart_archive.h"
#include "repo/digest.h"
#include "repo/index.h"
#include "repo/url.h"

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

void init_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

[[noreturn]] void git_fail(const std::string& what) {
  const git_error* e = git_error_last();
  throw Error(ErrorKind::Io, what + ": " + (e != nullptr && e->message != nullptr
                                                ? std::string(e->message)
                                                : std::string("unknown libgit2 error")));
}

template <typename T, void (*Free)(T*)>
struct Handle {
  T* p = nullptr;
  Handle() = default;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() {
    if (p != nullptr)
      Free(p);
  }
};
using Repository = Handle<git_repository, git_repository_free>;
using Remote = Handle<git_remote, git_remote_free>;
using Object = Handle<git_object, git_object_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Tree = Handle<git_tree, git_tree_free>;
using Reference = Handle<git_reference, git_reference_free>;
using Blob = Handle<git_blob, git_blob_free>;

class FileLock {
 public:
  explicit FileLock(const fs::path& path) {
    fd_ = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (fd_ >= 0)
      ::flock(fd_, LOCK_EX);
  }
  ~FileLock() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

bool is_hex(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c)))
      return false;
  }
  return true;
}

std::string oid_hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

// The commit `ref` names in the mirror, or "" if none.
std::string resolve_ref(git_repository* repo, const std::string& ref) {
  for (const std::string& name : {"refs/tags/" + ref, "refs/heads/" + ref}) {
    Object obj;
    if (git_revparse_single(&obj.p, repo, (name + "^{commit}").c_str()) == 0)
      return oid_hex(git_object_id(obj.p));
  }
  if (is_hex(ref) && ref.size() >= 4) {
    Object obj;
    if (git_revparse_single(&obj.p, repo, (ref + "^{commit}").c_str()) == 0)
      return oid_hex(git_object_id(obj.p));
  }
  return "";
}

void fetch(git_repository* repo, const GitUrl& url, std::string* default_branch) {
  Remote remote;
  if (git_remote_lookup(&remote.p, repo, "origin") != 0) {
    if (git_remote_create_with_fetchspec(&remote.p, repo, "origin", url.clone_url.c_str(),
                                         "+refs/heads/*:refs/heads/*") != 0)
      git_fail("git " + url.clone_url);
    git_remote_add_fetch(repo, "origin", "+refs/tags/*:refs/tags/*");
    git_remote_free(remote.p);
    remote.p = nullptr;
    if (git_remote_lookup(&remote.p, repo, "origin") != 0)
      git_fail("git " + url.clone_url);
  }
  if (default_branch != nullptr) {
    git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
    if (git_remote_connect(remote.p, GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr) != 0)
      git_fail("git " + url.clone_url);
    git_buf buf = GIT_BUF_INIT;
    if (git_remote_default_branch(&buf, remote.p) == 0) {
      std::string name(buf.ptr, buf.size);
      if (name.rfind("refs/heads/", 0) == 0)
        *default_branch = name.substr(11);
    }
    git_buf_dispose(&buf);
    git_remote_disconnect(remote.p);
  }
  git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
  options.prune = GIT_FETCH_PRUNE;
  options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL;
  if (git_remote_fetch(remote.p, nullptr, &options, nullptr) != 0)
    git_fail("git " + url.clone_url);
}

// Writes the tree under `dir`: blobs as files (executable bit kept), links as symbolic links
// (chart loading refuses the ones that leave the chart), submodules skipped.
void write_tree(git_repository* repo, git_tree* tree, const fs::path& dir) {
  fs::create_directories(dir);
  const std::size_t n = git_tree_entrycount(tree);
  for (std::size_t i = 0; i < n; ++i) {
    const git_tree_entry* e = git_tree_entry_byindex(tree, i);
    const std::string name = git_tree_entry_name(e);
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos)
      throw Error(ErrorKind::Chart, "git tree entry with an illegal name: " + name);
    const fs::path target = dir / name;
    const git_filemode_t mode = git_tree_entry_filemode(e);
    if (mode == GIT_FILEMODE_TREE) {
      Tree sub;
      if (git_tree_lookup(&sub.p, repo, git_tree_entry_id(e)) != 0)
        git_fail("git tree");
      write_tree(repo, sub.p, target);
    } else if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE ||
               mode == GIT_FILEMODE_LINK) {
      Blob blob;
      if (git_blob_lookup(&blob.p, repo, git_tree_entry_id(e)) != 0)
        git_fail("git blob");
      const std::string data(static_cast<const char*>(git_blob_rawcontent(blob.p)),
                             static_cast<std::size_t>(git_blob_rawsize(blob.p)));
      if (mode == GIT_FILEMODE_LINK) {
        fs::create_symlink(data, target);
      } else {
        std::ofstream out(target, std::ios::binary);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        out.close();
        fs::permissions(target, mode == GIT_FILEMODE_BLOB_EXECUTABLE
                                    ? fs::perms(0755)
                                    : fs::perms(0644));
      }
    }
  }
}

std::string query_param(std::string_view query, std::string_view key) {
  std::size_t i = 0;
  while (i <= query.size()) {
    std::size_t amp = query.find('&', i);
    std::string_view kv = query.substr(i, amp == std::string_view::npos ? std::string_view::npos : amp - i);
    std::size_t eq = kv.find('=');
    if (kv.substr(0, eq) == key)
      return eq == std::string_view::npos ? "" : std::string(kv.substr(eq + 1));
    if (amp == std::string_view::npos)
      break;
    i = amp + 1;
  }
  return "";
}

// The charts directly inside `dir` (each a directory with a Chart.yaml), name-sorted.
std::vector<fs::path> chart_dirs(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory() && fs::exists(it->path() / "Chart.yaml"))
      out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}


}  // namespace

bool is_git_url(std::string_view url) { return url.rfind("git+", 0) == 0; }

std::string GitUrl::str() const {
  return base + "@" + path + (raw_query.empty() ? "" : "?" + raw_query);
}

std::string git_join(std::string_view raw, std::string_view file) {
  GitUrl u = parse_git_url(raw);
  u.path = u.path.empty() ? std::string(file) : u.path + "/" + std::string(file);
  return u.str();
}

GitUrl parse_git_url(std::string_view raw) {
  auto bad = [&](const std::string& why) {
    throw Error(ErrorKind::BadRequest, "invalid git URL " + std::string(raw) + ": " + why);
  };
  if (!is_git_url(raw))
    bad("it must start with git+");
  std::string_view rest = raw.substr(4);
  const std::size_t sep = rest.find("://");
  if (sep == std::string_view::npos)
    bad("no scheme");
  GitUrl u;
  u.scheme = std::string(rest.substr(0, sep));
  if (u.scheme != "https" && u.scheme != "http" && u.scheme != "file" && u.scheme != "ssh")
    bad("unsupported transport git+" + u.scheme);
  rest = rest.substr(sep + 3);
  if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
    u.raw_query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  u.ref = query_param(u.raw_query, "ref");
  std::string_view authority;
  if (u.scheme != "file") {
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0)
      bad("no repository path");
    authority = rest.substr(0, slash);
    rest = rest.substr(slash);
  } else if (!rest.empty() && rest[0] != '/') {
    const std::size_t slash = rest.find('/');  // file://localhost/path
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  std::string_view repo_path = rest;
  std::string tree_path;
  u.base = std::string(raw.substr(0, raw.size() - rest.size() - (u.raw_query.empty() ? 0 : u.raw_query.size() + 1)));
  if (const std::size_t at = rest.find('@'); at != std::string_view::npos) {
    repo_path = rest.substr(0, at);
    tree_path = std::string(rest.substr(at + 1));
  }
  u.base += std::string(repo_path);
  if (repo_path.empty() || repo_path == "/")
    bad("no repository path");
  u.clone_url = u.scheme == "file" ? std::string(repo_path)
                                   : u.scheme + "://" + std::string(authority) + std::string(repo_path);
  for (std::size_t i = 0; i <= tree_path.size();) {
    const std::size_t slash = tree_path.find('/', i);
    const std::string part = tree_path.substr(i, slash == std::string::npos ? std::string::npos : slash - i);
    if (part == "..")
      bad("the path leaves the repository");
    if (slash == std::string::npos)
      break;
    i = slash + 1;
  }
  std::string cleaned = clean_path("/" + tree_path);
  u.path = cleaned == "/" ? "" : cleaned.substr(1);
  return u;
}

std::string git_url_at(std::string_view url, std::string_view commit) {
  std::string base(url);
  std::string query;
  if (const std::size_t q = base.find('?'); q != std::string::npos) {
    query = base.substr(q + 1);
    base.resize(q);
  }
  std::string out;
  bool set = false;
  std::size_t i = 0;
  while (!query.empty() && i <= query.size()) {
    const std::size_t amp = query.find('&', i);
    std::string kv = query.substr(i, amp == std::string::npos ? std::string::npos : amp - i);
    if (kv.rfind("ref=", 0) == 0 || kv == "ref") {
      kv = "ref=" + std::string(commit);
      set = true;
    }
    if (!kv.empty())
      out += (out.empty() ? "" : "&") + kv;
    if (amp == std::string::npos)
      break;
    i = amp + 1;
  }
  if (!set)
    out += (out.empty() ? "" : "&") + std::string("ref=") + std::string(commit);
  return base + "?" + out;
}

GitCheckout git_checkout(const GitUrl& url, const Settings& s) {
  init_libgit2();
  const fs::path mirrors = s.git_cache / "mirrors";
  fs::create_directories(mirrors);
  const std::string key = sha256_hex(url.clone_url).substr(0, 32);
  const fs::path mirror = mirrors / key;
  FileLock lock(mirrors / (key + ".lock"));
  Repository repo;
  if (git_repository_open_bare(&repo.p, mirror.c_str()) != 0) {
    if (git_repository_init(&repo.p, mirror.c_str(), 1) != 0)
      git_fail("git " + url.clone_url);
  }
  std::string commit;
  // A full commit id already mirrored needs no network.
  if (url.ref.size() == GIT_OID_HEXSZ && is_hex(url.ref))
    commit = resolve_ref(repo.p, url.ref);
  if (commit.empty()) {
    std::string default_branch;
    fetch(repo.p, url, url.ref.empty() ? &default_branch : nullptr);
    const std::string ref = url.ref.empty() ? default_branch : url.ref;
    if (ref.empty())
      throw Error(ErrorKind::NotFound, "git " + url.clone_url + ": no default branch");
    commit = resolve_ref(repo.p, ref);
    if (commit.empty()) {
      throw Error(ErrorKind::NotFound, "git " + url.clone_url + ": ref \"" + ref +
                                           "\" is not a branch, tag or commit");
    }
  }
  const fs::path root = s.git_cache / "checkouts" / commit;
  if (!fs::exists(root)) {
    git_oid oid;
    git_oid_fromstr(&oid, commit.c_str());
    Commit c;
    Tree tree;
    if (git_commit_lookup(&c.p, repo.p, &oid) != 0 || git_commit_tree(&tree.p, c.p) != 0)
      git_fail("git " + url.clone_url);
    const fs::path tmp = s.git_cache / "checkouts" / (commit + ".tmp-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(tmp, ec);
    write_tree(repo.p, tree.p, tmp);
    fs::rename(tmp, root, ec);  // another process may have won: its tree is the same
    if (ec)
      fs::remove_all(tmp, ec);
  }
  return GitCheckout{root, commit};
}

std::string git_fetch_file(const std::string& raw, const Settings& s) {
  const GitUrl url = parse_git_url(raw);
  const GitCheckout co = git_checkout(url, s);
  const fs::path target = co.root / url.path;
  const auto not_found = [&] {
    return Error(ErrorKind::NotFound, (url.path.empty() ? "/" : url.path) + " not found in " +
                                          url.clone_url + " at " + co.commit);
  };
  std::error_code ec;
  if (fs::is_regular_file(fs::symlink_status(target, ec)))
    return read_file(target);
  if (fs::is_directory(target) && fs::exists(target / "Chart.yaml"))
    return chart_archive(*chart::load_dir(target));
  const fs::path dir = target.parent_path();
  const std::string file = target.filename().string();
  // The directory holding the file, pinned to the commit: chart URLs of a generated index.
  GitUrl dir_url = url;
  const std::size_t slash = url.path.rfind('/');
  dir_url.path = slash == std::string::npos ? "" : url.path.substr(0, slash);
  const std::string pinned_dir = git_url_at(dir_url.str(), co.commit);
  if (file == "index.yaml") {
    IndexFile index(s.now());
    for (const auto& d : chart_dirs(dir)) {
      std::shared_ptr<chart::Chart> c;
      try {
        c = chart::load_dir(d);
      } catch (const Error&) {
        continue;  // as repo index skips what does not load
      }
      const std::string bytes = chart_archive(*c);
      const std::string name = c->metadata.name + "-" + c->metadata.version + ".tgz";
      index.must_add(c->metadata, name, "", sha256_hex(bytes), s.now());
      index.entries[c->metadata.name].back().urls = {index.store(git_join(pinned_dir, name))};
    }
    index.sort_entries();
    return index.to_yaml();
  }
  if (file.size() > 4 && file.compare(file.size() - 4, 4, ".tgz") == 0) {
    for (const auto& d : chart_dirs(dir)) {
      std::shared_ptr<chart::Chart> c;
      try {
        c = chart::load_dir(d);
      } catch (const Error&) {
        continue;
      }
      if (c->metadata.name + "-" + c->metadata.version + ".tgz" == file)
        return chart_archive(*c);
    }
  }
  throw not_found();
}

GitChart git_chart(const std::string& raw, const Settings& s) {
  const GitUrl url = parse_git_url(raw);
  const GitCheckout co = git_checkout(url, s);
  const fs::path dir = co.root / url.path;
  if (!fs::is_directory(dir) || !fs::exists(dir / "Chart.yaml")) {
    throw Error(ErrorKind::NotFound, "no chart at " + (url.path.empty() ? "/" : url.path) +
                                         " in " + url.clone_url + " at " + co.commit);
  }
  return GitChart{dir, co.commit, git_url_at(raw, co.commit)};
}

}  // namespace capstan::repo
