// dependency update/build: Helm's lock digest (checked against Go's json.Marshal + sha256 in
// testdata/repo/lock/), resolving https, @alias and file:// dependencies from a real server,
// Chart.lock as Helm writes it, build refusing an out-of-sync lock, and a symlinked Chart.lock
// never written through (CVE-2025-53547).
#include "repo/dependency.h"

#include <catch2/catch.hpp>

#include "chart/loader.h"
#include "chart/metadata.h"
#include "core/error.h"
#include "core/yaml.h"
#include "repo/chart_repo.h"
#include "repo/test_support.h"

namespace {

namespace fs = std::filesystem;
namespace repo = capstan::repo;
using capstan::Error;
using capstan::testing::read_file;
using capstan::testing::write_file;
using repo::testing::Home;
using repo::testing::packaged;
using repo::testing::Served;

std::vector<std::shared_ptr<capstan::chart::Dependency>> deps_of(const capstan::Value& list) {
  capstan::Value md = capstan::Value::empty_map();
  md.set("dependencies", list);
  capstan::chart::Metadata m;
  capstan::chart::decode_metadata(md, m);
  return m.dependencies;
}

void run_lock_case(const fs::path& file) {
  const capstan::Value doc = capstan::yaml::decode(read_file(file));
  const auto req = deps_of(*doc.find("req"));
  std::vector<capstan::chart::Dependency> lock;
  for (const auto& d : deps_of(*doc.find("lock"))) lock.push_back(*d);
  std::vector<const capstan::chart::Dependency*> a, b;
  for (const auto& d : req) a.push_back(d.get());
  for (const auto& d : lock) b.push_back(&d);
  repo::Lock l;
  l.generated = repo::testing::kNow;
  l.digest = repo::hash_req(req, lock);
  l.dependencies = lock;
  const std::string got = "--- json\n[" + repo::dependencies_json(a, false) + "," +
                          repo::dependencies_json(b, false) + "]\n--- lock\n" + repo::lock_yaml(l);
  CHECK(got == read_file(fs::path(file).replace_extension(".want")));
}

const capstan::testing::FileCases kLockCases("repo/lock", ".yaml", run_lock_case);

struct Project {
  Home h;
  Served served;
  fs::path app;

  Project() {
    repo::RepoAddOptions add;
    add.entry.name = "myrepo";
    add.entry.url = served.url();
    repo::repo_add(add, h.settings);
    app = h.path("app");
    write_file(h.path("local/Chart.yaml"), "apiVersion: v2\nname: local\nversion: 0.3.0\n");
    write_file(h.path("local/templates/cm.yaml"), "kind: ConfigMap\n");
    write_chart_yaml("~0.1.0");
    write_file(app / "templates/cm.yaml", "kind: ConfigMap\n");
    h.take_out();
  }
  void write_chart_yaml(const std::string& alpine_range) {
    write_file(app / "Chart.yaml",
               "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n"
               "- name: alpine\n  version: \"" + alpine_range + "\"\n  repository: \"@myrepo\"\n"
               "- name: nginx\n  version: 1.2.3\n  repository: " + served.url() + "/\n"
               "- name: local\n  version: \">=0.1.0\"\n  repository: file://../local\n");
  }
  repo::DependencyOptions options() const {
    repo::DependencyOptions o;
    o.chart_path = app;
    return o;
  }
};

TEST_CASE("dependency update: resolves, downloads into charts/, writes Chart.lock") {
  Project p;
  repo::dependency_update(p.options(), p.h.settings);
  CHECK(p.h.take_out() ==
        "Hang tight while we grab the latest from your chart repositories...\n"
        "...Successfully got an update from the \"myrepo\" chart repository\n"
        "Update Complete. \u2388Happy Helming!\u2388\n"
        "Saving 3 charts\n"
        "Downloading alpine from repo " + p.served.url() + "\n"
        "Downloading nginx from repo " + p.served.url() + "/\n"
        "Deleting outdated charts\n");
  CHECK(read_file(p.app / "charts/alpine-0.1.0.tgz") == packaged("alpine-0.1.0.tgz"));
  CHECK(read_file(p.app / "charts/nginx-1.2.3.tgz") == packaged("nginx-1.2.3.tgz"));
  CHECK(capstan::chart::load(p.app / "charts/local-0.3.0.tgz")->metadata.version == "0.3.0");
  const std::string lock = read_file(p.app / "Chart.lock");
  const repo::Lock parsed = repo::parse_lock(lock);
  // The digest is HashReq over Chart.yaml's dependencies (the alias replaced by the URL) and
  // the locked ones.
  auto c = capstan::chart::load_dir(p.app);
  c->metadata.dependencies[0]->repository = p.served.url();
  CHECK(parsed.digest == repo::hash_req(c->metadata.dependencies, parsed.dependencies));
  CHECK(lock == "dependencies:\n- name: alpine\n  repository: " + p.served.url() +
                    "\n  version: 0.1.0\n- name: nginx\n  repository: " + p.served.url() +
                    "/\n  version: 1.2.3\n- name: local\n  repository: file://../local\n"
                    "  version: 0.3.0\ndigest: " + parsed.digest +
                    "\ngenerated: \"2026-01-01T00:00:00Z\"\n");
  // The chart now loads with its dependencies in place.
  CHECK(capstan::chart::load_dir(p.app)->dependencies().size() == 3);
}

TEST_CASE("dependency build: reproduces the lock, refuses one out of sync") {
  Project p;
  repo::dependency_update(p.options(), p.h.settings);
  fs::remove_all(p.app / "charts");
  p.h.take_out();
  repo::DependencyOptions o = p.options();
  o.skip_refresh = true;
  repo::dependency_build(o, p.h.settings);
  CHECK(p.h.take_out() ==
        "Saving 3 charts\nDownloading alpine from repo " + p.served.url() +
            "\nDownloading nginx from repo " + p.served.url() + "/\nDeleting outdated charts\n");
  CHECK(read_file(p.app / "charts/alpine-0.1.0.tgz") == packaged("alpine-0.1.0.tgz"));
  // Chart.yaml asks for something else now: the lock no longer answers it.
  p.write_chart_yaml("^0.2.0");
  CHECK_THROWS_WITH(repo::dependency_build(o, p.h.settings),
                    "the lock file (Chart.lock) is out of sync with the dependencies file "
                    "(Chart.yaml). Please update the dependencies");
  repo::dependency_update(p.options(), p.h.settings);
  CHECK(fs::exists(p.app / "charts/alpine-0.2.0.tgz"));
  CHECK_FALSE(fs::exists(p.app / "charts/alpine-0.1.0.tgz"));  // outdated, deleted
  CHECK(read_file(p.app / "Chart.lock").find("version: 0.2.0") != std::string::npos);
}

TEST_CASE("dependency update never writes through a symlinked Chart.lock (CVE-2025-53547)") {
  Project p;
  write_file(p.h.path("victim/.bashrc"), "# mine\n");
  fs::create_symlink(p.h.path("victim/.bashrc"), p.app / "Chart.lock");
  std::string error;
  try {
    repo::dependency_update(p.options(), p.h.settings);
  } catch (const Error& e) {
    error = e.what();
  }
  // Out of the chart: the loader refuses it before anything runs (capstan's CVE-2019-18658
  // rule); Helm would read it and refuse only the write.
  CHECK(error == "chart file Chart.lock is a symbolic link to " + p.h.path("victim/.bashrc").string() +
                     ", outside the chart directory " + p.app.string());
  CHECK(read_file(p.h.path("victim/.bashrc")) == "# mine\n");
  // Inside the chart: loaded, and the write is refused as Helm refuses it.
  fs::remove(p.app / "Chart.lock");
  write_file(p.app / "templates/notes.txt", "keep me\n");
  fs::create_symlink("templates/notes.txt", p.app / "Chart.lock");
  CHECK_THROWS_WITH(repo::dependency_update(p.options(), p.h.settings),
                    "the Chart.lock file is a symlink to \"templates/notes.txt\"");
  CHECK(read_file(p.app / "templates/notes.txt") == "keep me\n");
}

TEST_CASE("dependency update: the errors Helm gives") {
  Project p;
  write_file(p.app / "Chart.yaml",
             "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n"
             "- name: alpine\n  version: 9.x\n  repository: \"@myrepo\"\n");
  CHECK_THROWS_WITH(repo::dependency_update(p.options(), p.h.settings),
                    "can't get a valid version for 1 subchart(s): \"alpine\" (repository \"" +
                        p.served.url() + "\", version \"9.x\"). Make sure a matching chart "
                        "version exists in the repo, or change the version constraint in Chart.yaml");
  write_file(p.app / "Chart.yaml",
             "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n"
             "- name: alpine\n  version: 0.1.0\n  repository: stable\n");
  CHECK_THROWS_WITH(repo::dependency_update(p.options(), p.h.settings),
                    "no repository definition for stable. Please add them via 'helm repo add'\n"
                    "Note that repositories must be URLs or aliases. For example, to refer to the "
                    "\"example\"\nrepository, use \"https://charts.example.com/\" or \"@example\" "
                    "instead of\n\"example\". Don't forget to add the repo, too ('helm repo add').");
  write_file(p.app / "Chart.yaml",
             "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n"
             "- name: gone\n  version: 0.1.0\n  repository: file://../gone\n");
  CHECK_THROWS_WITH(repo::dependency_update(p.options(), p.h.settings),
                    "directory " + p.h.path("gone").string() + " not found");
  repo::DependencyOptions o = p.options();
  o.chart_path = p.h.path("nowhere");
  CHECK_THROWS_WITH(repo::dependency_update(o, p.h.settings),
                    "could not find " + o.chart_path.string() + ": stat " +
                        o.chart_path.string() + ": no such file or directory");
}

TEST_CASE("dependency update: a repository nobody added is fetched as helm-manager-SHA") {
  Project p;
  Served other;
  write_file(p.app / "Chart.yaml",
             "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n"
             "- name: nginx\n  version: \">=1.0.0\"\n  repository: " + other.url() + "\n");
  repo::DependencyOptions o = p.options();
  repo::dependency_update(o, p.h.settings);
  const std::string out = p.h.take_out();
  CHECK(out.rfind("Getting updates for unmanaged Helm repositories...\n...Successfully got an "
                  "update from the \"" + other.url() + "\" chart repository\n", 0) == 0);
  CHECK(fs::exists(p.app / "charts/nginx-1.2.3.tgz"));
  bool managed = false;
  for (const auto& e : fs::directory_iterator(p.h.settings.repository_cache))
    managed = managed || e.path().filename().string().rfind("helm-manager-", 0) == 0;
  CHECK(managed);
}

}  // namespace
