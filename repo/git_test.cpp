// Charts from git: helm-git's URL form, refs (tags, branches, commits, the default branch),
// checkouts cached by commit, charts and generated indexes from a tree, pull, and git
// dependencies locked at their commit. Repositories are built here with libgit2; no network.
#include <git2.h>

#include <catch2/catch.hpp>

#include "chart/loader.h"
#include "core/error.h"
#include "repo/chart_repo.h"
#include "repo/dependency.h"
#include "repo/downloader.h"
#include "repo/git_source.h"
#include "repo/index.h"
#include "repo/pull.h"
#include "repo/search.h"
#include "repo/test_support.h"

namespace {

namespace fs = std::filesystem;
namespace repo = capstan::repo;
using capstan::testing::read_file;
using capstan::testing::write_file;
using repo::testing::Home;

// A working repository built commit by commit.
class GitRepo {
 public:
  explicit GitRepo(const fs::path& dir) : dir_(dir) {
    git_libgit2_init();
    git_repository_init_options o = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    o.initial_head = "main";
    o.flags |= GIT_REPOSITORY_INIT_MKPATH;
    REQUIRE(git_repository_init_ext(&repo_, dir.c_str(), &o) == 0);
  }
  ~GitRepo() {
    git_repository_free(repo_);
    git_libgit2_shutdown();
  }
  void write(const std::string& path, const std::string& content) { write_file(dir_ / path, content); }
  // Commits every file on HEAD's branch; returns the commit id.
  std::string commit(const std::string& message) {
    git_index* index = nullptr;
    REQUIRE(git_repository_index(&index, repo_) == 0);
    git_index_add_all(index, nullptr, 0, nullptr, nullptr);
    git_index_write(index);
    git_oid tree_id, commit_id;
    git_index_write_tree(&tree_id, index);
    git_index_free(index);
    git_tree* tree = nullptr;
    git_tree_lookup(&tree, repo_, &tree_id);
    git_signature* sig = nullptr;
    git_signature_new(&sig, "capstan", "capstan@example.com", 1767225600 + ++clock_, 0);
    git_commit* parent = nullptr;
    git_oid head;
    const bool has_parent = git_reference_name_to_id(&head, repo_, "HEAD") == 0;
    if (has_parent)
      git_commit_lookup(&parent, repo_, &head);
    const git_commit* parents[] = {parent};
    REQUIRE(git_commit_create(&commit_id, repo_, "HEAD", sig, sig, nullptr, message.c_str(), tree,
                              has_parent ? 1 : 0, parents) == 0);
    git_commit_free(parent);
    git_signature_free(sig);
    git_tree_free(tree);
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &commit_id);
    return hex;
  }
  void tag(const std::string& name, const std::string& commit) {
    git_oid id;
    git_oid_fromstr(&id, commit.c_str());
    git_object* obj = nullptr;
    git_object_lookup(&obj, repo_, &id, GIT_OBJECT_COMMIT);
    git_oid tag_id;
    git_signature* sig = nullptr;
    git_signature_new(&sig, "capstan", "capstan@example.com", 1767225600, 0);
    REQUIRE(git_tag_create(&tag_id, repo_, name.c_str(), obj, sig, "release", 0) == 0);
    git_signature_free(sig);
    git_object_free(obj);
  }
  void branch(const std::string& name, const std::string& commit) {
    git_oid id;
    git_oid_fromstr(&id, commit.c_str());
    git_reference* ref = nullptr;
    REQUIRE(git_reference_create(&ref, repo_, ("refs/heads/" + name).c_str(), &id, 1, nullptr) == 0);
    git_reference_free(ref);
  }
  std::string url(const std::string& path, const std::string& ref = "") const {
    return "git+file://" + dir_.string() + "@" + path + (ref.empty() ? "" : "?ref=" + ref);
  }

 private:
  fs::path dir_;
  git_repository* repo_ = nullptr;
  int clock_ = 0;
};

std::string chart_yaml(const std::string& name, const std::string& version) {
  return "apiVersion: v2\nname: " + name + "\nversion: " + version + "\ndescription: from git\n";
}

// charts/alpine at 0.1.0 (tagged v0.1.0), then 0.2.0 on main; a "dev" branch at the first.
struct Fixture {
  Home h;
  GitRepo git{h.path("src")};
  std::string first, second;
  Fixture() {
    git.write("charts/alpine/Chart.yaml", chart_yaml("alpine", "0.1.0"));
    git.write("charts/alpine/templates/cm.yaml", "kind: ConfigMap\nmetadata:\n  name: {{ .Chart.Version }}\n");
    git.write("charts/redis/Chart.yaml", chart_yaml("redis", "7.0.0"));
    git.write("README.md", "charts\n");
    first = git.commit("first");
    git.tag("v0.1.0", first);
    git.branch("dev", first);
    git.write("charts/alpine/Chart.yaml", chart_yaml("alpine", "0.2.0"));
    second = git.commit("second");
  }
};

TEST_CASE("git URLs: helm-git's form parsed, refs rewritten") {
  auto u = repo::parse_git_url("git+https://github.com/org/repo@path/to/chart?ref=v1.2.0&sparse=0");
  CHECK(u.clone_url == "https://github.com/org/repo");
  CHECK(u.path == "path/to/chart");
  CHECK(u.ref == "v1.2.0");
  CHECK(u.str() == "git+https://github.com/org/repo@path/to/chart?ref=v1.2.0&sparse=0");
  u = repo::parse_git_url("git+file:///srv/git/charts.git@charts/x?ref=main");
  CHECK(u.clone_url == "/srv/git/charts.git");
  CHECK(u.path == "charts/x");
  u = repo::parse_git_url("git+ssh://git@example.com/org/repo@charts");
  CHECK(u.clone_url == "ssh://git@example.com/org/repo");
  CHECK(u.ref.empty());
  CHECK(repo::parse_git_url("git+https://h/org/repo").path.empty());
  CHECK(repo::git_url_at("git+https://h/r@c?sparse=0&ref=main", "abc") == "git+https://h/r@c?sparse=0&ref=abc");
  CHECK(repo::git_url_at("git+https://h/r@c", "abc") == "git+https://h/r@c?ref=abc");
  CHECK(repo::git_join("git+https://h/r?ref=x", "index.yaml") == "git+https://h/r@index.yaml?ref=x");
  CHECK(repo::git_join("git+https://h/r@charts?ref=x", "a-1.tgz") == "git+https://h/r@charts/a-1.tgz?ref=x");
  CHECK_THROWS_WITH(repo::parse_git_url("git+https://h/r@charts/../../etc?ref=x"),
                    "invalid git URL git+https://h/r@charts/../../etc?ref=x: the path leaves the repository");
  CHECK_THROWS_WITH(repo::parse_git_url("git+ftp://h/r@c"),
                    "invalid git URL git+ftp://h/r@c: unsupported transport git+ftp");
}

TEST_CASE("git refs: tags, branches, commits, abbreviations, the default branch") {
  Fixture f;
  const auto commit_of = [&](const std::string& ref) {
    return repo::git_checkout(repo::parse_git_url(f.git.url("charts", ref)), f.h.settings).commit;
  };
  CHECK(commit_of("v0.1.0") == f.first);
  CHECK(commit_of("dev") == f.first);
  CHECK(commit_of("main") == f.second);
  CHECK(commit_of("") == f.second);  // the remote's HEAD
  CHECK(commit_of(f.first) == f.first);
  CHECK(commit_of(f.first.substr(0, 10)) == f.first);
  CHECK_THROWS_WITH(commit_of("nope"), "git " + f.h.path("src").string() +
                                           ": ref \"nope\" is not a branch, tag or commit");
  const auto co = repo::git_checkout(repo::parse_git_url(f.git.url("", "v0.1.0")), f.h.settings);
  CHECK(co.root == f.h.settings.git_cache / "checkouts" / f.first);
  CHECK(read_file(co.root / "charts/alpine/Chart.yaml") == chart_yaml("alpine", "0.1.0"));
}

TEST_CASE("git checkouts are cached by commit: a known commit needs no remote") {
  Fixture f;
  repo::git_checkout(repo::parse_git_url(f.git.url("charts", "main")), f.h.settings);
  fs::rename(f.h.path("src"), f.h.path("moved"));
  const auto co = repo::git_checkout(repo::parse_git_url(f.git.url("charts", f.second)), f.h.settings);
  CHECK(co.commit == f.second);
  CHECK(fs::exists(co.root / "charts/alpine/Chart.yaml"));
  // A branch must be fetched, and the remote is gone.
  CHECK_THROWS(repo::git_checkout(repo::parse_git_url(f.git.url("charts", "main")), f.h.settings));
}

TEST_CASE("locate_chart: a git+ URL naming a chart directory, with its commit") {
  Fixture f;
  repo::LocatedChart c = repo::locate_chart(f.git.url("charts/alpine", "v0.1.0"), {}, f.h.settings);
  CHECK(c.git_commit == f.first);
  CHECK(c.source_url == f.git.url("charts/alpine", f.first));
  CHECK(capstan::chart::load(c.path)->metadata.version == "0.1.0");
  c = repo::locate_chart(f.git.url("charts/alpine", "main"), {}, f.h.settings);
  CHECK(c.git_commit == f.second);
  CHECK(capstan::chart::load(c.path)->metadata.version == "0.2.0");
  CHECK_THROWS_WITH(repo::locate_chart(f.git.url("charts/none", "main"), {}, f.h.settings),
                    "charts/none not found in " + f.h.path("src").string() + " at " + f.second);
}

TEST_CASE("repo add of a git directory: an index generated from its charts, pinned") {
  Fixture f;
  repo::RepoAddOptions add;
  add.entry.name = "gitrepo";
  add.entry.url = f.git.url("charts", "main");
  CHECK(repo::repo_add(add, f.h.settings) == "\"gitrepo\" has been added to your repositories\n");
  const repo::IndexFile idx = repo::load_index_file(
      (f.h.settings.repository_cache / "gitrepo-index.yaml").string());
  const auto& v = idx.get("alpine", "");
  CHECK(v.version == "0.2.0");
  CHECK(v.urls[0] == f.git.url("charts/alpine-0.2.0.tgz", f.second));
  CHECK(idx.has("redis", "7.0.0"));
  repo::SearchOptions so;
  so.terms = {"redis"};
  so.format = repo::OutputFormat::Json;
  CHECK(repo::search_repo(so, f.h.settings).find("\"name\":\"gitrepo/redis\"") != std::string::npos);
  repo::PullOptions po;
  po.dest_dir = f.h.path("out").string();
  repo::pull("gitrepo/alpine", po, f.h.settings);
  const auto pulled = capstan::chart::load(f.h.path("out/alpine-0.2.0.tgz"));
  CHECK(pulled->metadata.description == "from git");
  CHECK(pulled->templates.size() == 1);
  // A chart directory URL pulls as an archive named after the chart.
  repo::pull(f.git.url("charts/alpine", "v0.1.0"), po, f.h.settings);
  CHECK(fs::exists(f.h.path("out/alpine-0.1.0.tgz")));
}

TEST_CASE("dependencies from git are locked at their commit") {
  Fixture f;
  write_file(f.h.path("app/Chart.yaml"),
             "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n- name: alpine\n"
             "  version: \">=0.1.0\"\n  repository: " + f.git.url("charts", "main") + "\n");
  repo::DependencyOptions o;
  o.chart_path = f.h.path("app");
  repo::dependency_update(o, f.h.settings);
  CHECK(capstan::chart::load(f.h.path("app/charts/alpine-0.2.0.tgz"))->metadata.version == "0.2.0");
  const repo::Lock lock = repo::parse_lock(read_file(f.h.path("app/Chart.lock")));
  REQUIRE(lock.dependencies.size() == 1);
  CHECK(lock.dependencies[0].repository == f.git.url("charts", f.second));
  CHECK(lock.dependencies[0].version == "0.2.0");
  // main moves on; build still gives what the lock says.
  f.git.write("charts/alpine/Chart.yaml", chart_yaml("alpine", "0.3.0"));
  f.git.commit("third");
  fs::remove_all(f.h.path("app/charts"));
  repo::dependency_build(o, f.h.settings);
  CHECK(fs::exists(f.h.path("app/charts/alpine-0.2.0.tgz")));
  CHECK_FALSE(fs::exists(f.h.path("app/charts/alpine-0.3.0.tgz")));
}

TEST_CASE("a git tree's symbolic link out of the chart is refused when the chart loads") {
  Home h;
  GitRepo git(h.path("src"));
  git.write("charts/evil/Chart.yaml", chart_yaml("evil", "1.0.0"));
  fs::create_directories(h.path("src/charts/evil/templates"));
  fs::create_symlink("/etc/passwd", h.path("src/charts/evil/templates/passwd.yaml"));
  git.commit("evil");
  const repo::LocatedChart c = repo::locate_chart(git.url("charts/evil", "main"), {}, h.settings);
  CHECK_THROWS_WITH(capstan::chart::load(c.path),
                    Catch::Contains("is a symbolic link to /etc/passwd, outside the chart directory"));
}

}  // namespace
