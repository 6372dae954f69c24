// Dependency resolution and Chart.lock (pkg/downloader/manager.go, internal/resolver/resolver.go).
#include "repo/dependency.h"

#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <ostream>
#include <set>

#include "chart/archive.h"
#include "chart/json_struct.h"
#include "chart/loader.h"
#include "chart/metadata.h"
#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"
#include "core/semver.h"
#include "core/yaml.h"
#include "repo/chart_archive.h"
#include "repo/chart_repo.h"
#include "repo/digest.h"
#include "repo/git_source.h"
#include "repo/index.h"
#include "repo/repo_file.h"
#include "repo/url.h"

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kManagerKeyPrefix = "helm-manager-";

void print(const Settings& s, const std::string& text) {
  if (s.out != nullptr)
    *s.out << text;
}

std::optional<semver::Version> version_of(std::string_view v) {
  try {
    return semver::Version::parse(v);
  } catch (const Error&) {
    return std::nullopt;
  }
}

RepoFile repo_config(const Settings& s) {
  try {
    return load_repo_file(s.repository_config);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::NotFound)
      return {};
    throw;
  }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string trim_suffix(std::string s, std::string_view suffix) {
  if (s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
    s.resize(s.size() - suffix.size());
  return s;
}

// resolver.GetLocalPath.
fs::path local_path(const std::string& repo, const fs::path& chart_path) {
  std::string p = repo.substr(std::string_view("file://").size());
  fs::path dep = !p.empty() && p[0] == '/' ? fs::path(p) : chart_path / p;
  std::error_code ec;
  if (!fs::exists(dep, ec))
    throw Error(ErrorKind::NotFound, "directory " + dep.lexically_normal().string() + " not found");
  return dep;
}

// url.ParseRequestURI succeeds: an absolute URL or an absolute path, no fragment.
bool is_request_uri(const std::string& s) {
  if (s.empty() || s.find('#') != std::string::npos)
    return false;
  if (s[0] == '/')
    return true;
  auto u = parse_url(s);
  return u && u->is_abs();
}

semver::Constraints constraint_of(const std::string& v, const std::string& name) {
  try {
    return semver::Constraints::parse(v);
  } catch (const Error& e) {
    throw Error(ErrorKind::BadRequest, "dependency \"" + name +
                                           "\" has an invalid version/constraint format: " +
                                           e.what());
  }
}

class Manager {
 public:
  Manager(const DependencyOptions& o, const Settings& s) : o_(o), s_(s) {}

  std::shared_ptr<chart::Chart> load_chart_dir() {
    std::error_code ec;
    if (!fs::exists(o_.chart_path, ec)) {
      throw Error(ErrorKind::NotFound, "could not find " + o_.chart_path.string() + ": stat " +
                                           o_.chart_path.string() + ": no such file or directory");
    }
    if (!fs::is_directory(o_.chart_path, ec))
      throw Error(ErrorKind::BadRequest, "only unpacked charts can be updated");
    chart::LoadOptions lo;
    lo.log = s_.log;
    return chart::load_dir(o_.chart_path, lo);
  }

  std::string lock_name(const chart::Chart& c) const {
    return c.metadata.api_version == chart::kApiVersionV1 ? "requirements.lock" : "Chart.lock";
  }

  std::optional<Lock> read_lock(const chart::Chart& c) const {
    const fs::path p = o_.chart_path / lock_name(c);
    std::error_code ec;
    if (!fs::exists(p, ec))
      return std::nullopt;
    return parse_lock(read_file(p));
  }

  // resolveRepoNames: the cache name of each dependency's repository; "@name" and
  // "alias:name" are replaced by the repository's URL in `req` (which the hash then sees).
  std::map<std::string, std::string> resolve_repo_names(
      std::vector<std::shared_ptr<chart::Dependency>>& req) {
    std::map<std::string, std::string> names;
    RepoFile rf = repo_config(s_);
    std::vector<std::string> missing;
    for (auto& dd : req) {
      if (!dd || dd->repository.empty())
        continue;
      if (starts_with(dd->repository, "file://")) {
        local_path(dd->repository, o_.chart_path);
        if (o_.debug)
          print(s_, "Repository from local path: " + dd->repository + "\n");
        names[dd->name] = dd->repository;
        continue;
      }
      if (starts_with(dd->repository, "oci://"))
        throw Error(ErrorKind::BadRequest,
                    "dependency \"" + dd->name + "\": OCI registries are not supported");
      if (is_git_url(dd->repository))
        continue;  // an unmanaged repository, fetched below
      bool found = false;
      for (const auto& repo : rf.repositories) {
        const bool alias = (starts_with(dd->repository, "@") && dd->repository.substr(1) == repo.name) ||
                           (starts_with(dd->repository, "alias:") && dd->repository.substr(6) == repo.name);
        if (alias) {
          dd->repository = repo.url;
          names[dd->name] = repo.name;
          found = true;
          break;
        }
        if (url_equal(repo.url, dd->repository)) {
          names[dd->name] = repo.name;
          found = true;
          break;
        }
      }
      if (!found) {
        if (is_request_uri(dd->repository)) {
          names[dd->repository] = dd->repository;  // Helm keys this one by the URL
          continue;
        }
        missing.push_back(dd->repository);
      }
    }
    if (!missing.empty()) {
      std::string list;
      bool non_url = false;
      for (std::size_t i = 0; i < missing.size(); ++i) {
        list += (i ? ", " : "") + missing[i];
        if (missing[i].find("//") == std::string::npos && !starts_with(missing[i], "@") &&
            !starts_with(missing[i], "alias:"))
          non_url = true;
      }
      std::string message =
          "no repository definition for " + list + ". Please add them via 'helm repo add'";
      if (non_url) {
        message +=
            "\nNote that repositories must be URLs or aliases. For example, to refer to the "
            "\"example\"\nrepository, use \"https://charts.example.com/\" or \"@example\" "
            "instead of\n\"example\". Don't forget to add the repo, too ('helm repo add').";
      }
      throw Error(ErrorKind::NotFound, message);
    }
    return names;
  }

  // ensureMissingRepos: repositories not configured get a cache entry "helm-manager-SHA256".
  void ensure_missing_repos(std::map<std::string, std::string>& names,
                            std::vector<std::shared_ptr<chart::Dependency>>& req) {
    std::vector<Entry> unmanaged;
    for (auto& dd : req) {
      if (!dd || dd->repository.empty() || names.count(dd->name) != 0)
        continue;
      if (is_git_url(dd->repository))
        pin_git(*dd);
      const std::string rn = std::string(kManagerKeyPrefix) + sha256_hex(dd->repository);
      names[dd->name] = rn;
      Entry e;
      e.name = rn;
      e.url = dd->repository;
      unmanaged.push_back(e);
    }
    if (!o_.skip_refresh && !unmanaged.empty()) {
      print(s_, "Getting updates for unmanaged Helm repositories...\n");
      update_entries(unmanaged);
    }
  }

  // A git repository's ref resolved once: everything after reads that commit.
  void pin_git(chart::Dependency& dd) {
    auto it = pinned_.find(dd.repository);
    if (it == pinned_.end()) {
      const GitCheckout co = git_checkout(parse_git_url(dd.repository), s_);
      it = pinned_.emplace(dd.repository, git_url_at(dd.repository, co.commit)).first;
    }
    git_repository_[dd.name] = it->second;
  }

  void update_entries(const std::vector<Entry>& entries) {
    for (const auto& e : entries) {
      const bool managed = starts_with(e.name, kManagerKeyPrefix);
      const std::string shown = managed ? e.url : e.name;
      Entry fetch = e;
      if (auto g = git_repository_of_url(e.url))
        fetch.url = *g;
      try {
        download_index_file(fetch, s_);
        print(s_, "...Successfully got an update from the \"" + shown + "\" chart repository\n");
      } catch (const Error& err) {
        print(s_, "...Unable to get an update from the \"" + shown + "\" chart repository" +
                      (managed ? std::string() : " (" + e.url + ")") + ":\n\t" + err.what() + "\n");
      }
    }
  }

  std::optional<std::string> git_repository_of_url(const std::string& url) const {
    auto it = pinned_.find(url);
    if (it == pinned_.end())
      return std::nullopt;
    return it->second;
  }

  void update_repositories() {
    const RepoFile rf = repo_config(s_);
    if (rf.repositories.empty())
      return;
    print(s_, "Hang tight while we grab the latest from your chart repositories...\n");
    update_entries(rf.repositories);
    print(s_, "Update Complete. \u2388Happy Helming!\u2388\n");
  }

  Lock resolve(const std::vector<std::shared_ptr<chart::Dependency>>& req,
               std::map<std::string, std::string>& names) {
    std::vector<chart::Dependency> locked(req.size());
    std::vector<std::string> missing;
    auto missing_entry = [](const chart::Dependency& d) {
      return "\"" + d.name + "\" (repository \"" + d.repository + "\", version \"" + d.version + "\")";
    };
    for (std::size_t i = 0; i < req.size(); ++i) {
      if (!req[i])
        throw Error(ErrorKind::Chart, "validation: dependencies must not contain empty or null nodes");
      const chart::Dependency& d = *req[i];
      const semver::Constraints constraint = constraint_of(d.version, d.name);
      if (d.repository.empty()) {
        local_path("file://charts/" + d.name, o_.chart_path);
        locked[i] = chart::Dependency{};
        locked[i].name = d.name;
        locked[i].version = d.version;
        continue;
      }
      if (starts_with(d.repository, "file://")) {
        const fs::path p = local_path(d.repository, o_.chart_path);
        auto ch = chart::load_dir(p);
        auto v = version_of(ch->metadata.version);
        if (!v)
          continue;  // Helm: "Not a legit entry." (the lock keeps an empty slot)
        if (!constraint.check(*v)) {
          missing.push_back(missing_entry(d));
          continue;
        }
        locked[i].name = d.name;
        locked[i].repository = d.repository;
        locked[i].version = ch->metadata.version;
        continue;
      }
      const std::string repository =
          git_repository_.count(d.name) != 0 ? git_repository_.at(d.name) : d.repository;
      const std::string repo_name = names.count(d.name) != 0 ? names.at(d.name) : "";
      locked[i].name = d.name;
      locked[i].repository = repository;
      if (repo_name.empty()) {
        locked[i].version = d.version;
        continue;
      }
      IndexFile idx;
      try {
        idx = load_index_file((s_.repository_cache / cache_index_file(repo_name)).string(), s_.log);
      } catch (const Error& e) {
        throw Error(e.kind(), "no cached repository for " + repo_name +
                                  " found. (try 'helm repo update'): " + e.what());
      }
      auto it = idx.entries.find(d.name);
      if (it == idx.entries.end())
        throw Error(ErrorKind::NotFound, d.name + " chart not found in repo " + d.repository);
      bool found = false;
      for (const auto& ver : it->second) {
        auto v = version_of(ver.version);
        if (!v || ver.urls.empty())
          continue;
        if (constraint.check(*v)) {
          found = true;
          locked[i].version = v->original();
          break;
        }
      }
      if (!found)
        missing.push_back(missing_entry(d));
    }
    if (!missing.empty()) {
      std::string list;
      for (std::size_t i = 0; i < missing.size(); ++i) list += (i ? ", " : "") + missing[i];
      throw Error(ErrorKind::NotFound,
                  "can't get a valid version for " + std::to_string(missing.size()) +
                      " subchart(s): " + list +
                      ". Make sure a matching chart version exists in the repo, or change the "
                      "version constraint in Chart.yaml");
    }
    Lock lock;
    lock.generated = s_.now();
    lock.dependencies = locked;
    lock.digest = hash_req(req, lock.dependencies);
    return lock;
  }

  // findChartURL: the chart's URL and the credentials of the configured repository it is in.
  struct Found {
    std::string url;
    GetterOptions options;
  };
  Found find_chart_url(const chart::Dependency& dep) {
    const RepoFile rf = repo_config(s_);
    for (const auto& cr : rf.repositories) {
      if (!url_equal(dep.repository, cr.url))
        continue;
      IndexFile idx = load_index_file((s_.repository_cache / cache_index_file(cr.name)).string(), s_.log);
      auto it = idx.entries.find(dep.name);
      if (it == idx.entries.end())
        throw Error(ErrorKind::NotFound, "entry not found");
      const ChartVersion* ve = nullptr;
      for (const auto& v : it->second) {
        if (v.urls.empty())
          continue;
        auto a = version_of(dep.version), b = version_of(v.version);
        const bool equal = a ? (b && a->compare(*b) == 0) : dep.version == v.version;
        if (dep.version.empty() || equal) {
          ve = &v;
          break;
        }
      }
      if (ve == nullptr)
        throw Error(ErrorKind::NotFound, "no matching version");
      Found f;
      f.url = normalize_url(dep.repository, std::string(ve->urls[0]));
      f.options = getter_options(cr);
      return f;
    }
    Found f;
    try {
      ChartPathOptions none;
      f.url = find_chart_in_repo_url(dep.repository, dep.name, dep.version, none, s_);
    } catch (const Error& e) {
      throw Error(e.kind(), "chart " + dep.name + " not found in " + dep.repository + ": " + e.what());
    }
    return f;
  }

  // normalizeURL: a relative chart path joined (path.Join) onto the repository URL.
  static std::string normalize_url(const std::string& base, const std::string& url_or_path) {
    auto u = parse_url(url_or_path);
    if (u && u->is_abs())
      return u->str();
    if (is_git_url(base))
      return git_join(base, url_or_path);
    auto b = parse_url(base);
    if (!b)
      throw Error(ErrorKind::BadRequest, "base URL failed to parse");
    b->path = join_path(b->path, url_or_path);
    return b->str();
  }

  void download_all(std::vector<chart::Dependency>& deps) {
    const fs::path dest = o_.chart_path / "charts";
    std::error_code ec;
    if (fs::exists(dest, ec)) {
      if (!fs::is_directory(dest, ec))
        throw Error(ErrorKind::BadRequest, "\"" + dest.string() + "\" is not a directory");
    } else {
      fs::create_directories(dest, ec);
    }
    const fs::path tmp = o_.chart_path / ("tmpcharts-" + std::to_string(::getpid()));
    fs::create_directories(tmp, ec);
    struct Cleanup {
      fs::path p;
      ~Cleanup() {
        std::error_code e;
        fs::remove_all(p, e);
      }
    } cleanup{tmp};
    print(s_, "Saving " + std::to_string(deps.size()) + " charts\n");
    std::optional<Error> save_error;
    std::set<std::string> urls;
    for (auto& dep : deps) {
      try {
        if (dep.repository.empty()) {
          print(s_, "Dependency " + dep.name +
                        " did not declare a repository. Assuming it exists in the charts "
                        "directory\n");
          const fs::path p = dest / dep.name;
          std::shared_ptr<chart::Chart> ch;
          try {
            ch = chart::load_dir(p);
          } catch (const Error& e) {
            throw Error(e.kind(), "unable to load chart '" + p.string() + "': " + e.what());
          }
          const semver::Constraints c = constraint_of(dep.version, dep.name);
          auto v = version_of(ch->metadata.version);
          if (!v) {
            throw Error(ErrorKind::BadRequest, "invalid version " + dep.version +
                                                   " for dependency " + dep.name);
          }
          if (!c.check(*v)) {
            save_error = Error(ErrorKind::BadRequest,
                               "dependency " + dep.name + " at version " +
                                   ch->metadata.version + " does not satisfy the constraint " +
                                   dep.version);
            break;
          }
          continue;
        }
        if (starts_with(dep.repository, "file://")) {
          if (o_.debug)
            print(s_, "Archiving " + dep.name + " from repo " + dep.repository + "\n");
          const fs::path p = local_path(dep.repository, o_.chart_path);
          auto ch = chart::load_dir(p);
          const semver::Constraints c = constraint_of(dep.version, dep.name);
          auto v = version_of(ch->metadata.version);
          if (!v || !c.check(*v)) {
            save_error = Error(ErrorKind::NotFound,
                               "can't get a valid version for dependency " + dep.name);
            break;
          }
          save_chart_archive(*ch, tmp);
          dep.version = ch->metadata.version;
          continue;
        }
        Found found;
        try {
          found = find_chart_url(dep);
        } catch (const Error& e) {
          save_error = Error(e.kind(), "could not find " + found.url + ": " + e.what());
          break;
        }
        if (urls.count(found.url) != 0) {
          print(s_, "Already downloaded " + dep.name + " from repo " + dep.repository + "\n");
          continue;
        }
        print(s_, "Downloading " + dep.name + " from repo " + dep.repository + "\n");
        ChartDownloader dl(s_, found.options);
        dl.keyring = o_.keyring;
        if (o_.verify)
          dl.verify = VerificationStrategy::Always;
        try {
          dl.download_to(found.url, "", tmp);
        } catch (const Error& e) {
          save_error = Error(e.kind(), "could not download " + found.url + ": " + e.what());
          break;
        }
        urls.insert(found.url);
      } catch (const Error& e) {
        save_error = e;
        break;
      }
    }
    if (save_error) {
      print(s_, std::string("Save error occurred:  ") + save_error->what() + "\n");
      throw *save_error;
    }
    safe_move_deps(deps, tmp, dest);
  }

  void safe_move_deps(const std::vector<chart::Dependency>& deps, const fs::path& source,
                      const fs::path& dest) {
    std::set<std::string> local;
    for (const auto& d : deps) {
      if (d.repository.empty())
        local.insert(d.name);
    }
    std::vector<fs::path> dest_files;
    for (const auto& e : fs::directory_iterator(dest)) {
      if (!e.is_directory())
        dest_files.push_back(e.path());
    }
    std::set<std::string> in_source;
    for (const auto& e : fs::directory_iterator(source)) {
      if (e.is_directory())
        continue;
      const std::string name = e.path().filename().string();
      in_source.insert(name);
      try {
        chart::load(e.path());
      } catch (const Error& err) {
        print(s_, "Could not verify " + e.path().string() + " for moving: " + err.what() +
                      " (Skipping)");
        continue;
      }
      std::error_code ec;
      fs::rename(e.path(), dest / name, ec);
      if (ec)
        print(s_, "Unable to move " + e.path().string() + " to charts dir " + ec.message() +
                      " (Skipping)");
    }
    print(s_, "Deleting outdated charts\n");
    for (const auto& f : dest_files) {
      if (in_source.count(f.filename().string()) != 0)
        continue;
      std::shared_ptr<chart::Chart> ch;
      try {
        ch = chart::load(f);
      } catch (const Error& err) {
        print(s_, "Could not verify " + f.string() + " for deletion: " + err.what() +
                      " (Skipping)\n");
        continue;
      }
      if (local.count(ch->name()) != 0)
        continue;
      std::error_code ec;
      fs::remove(f, ec);
    }
  }

  // hasAllRepos: every repository the lock names is configured (file://, oci://, git+ and
  // charts/ dependencies aside).
  void has_all_repos(const std::vector<chart::Dependency>& deps) {
    const RepoFile rf = repo_config(s_);
    std::vector<std::string> missing;
    for (const auto& d : deps) {
      if (d.repository.empty() || starts_with(d.repository, "file://") ||
          starts_with(d.repository, "oci://") || is_git_url(d.repository))
        continue;
      bool found = false;
      for (const auto& r : rf.repositories) found = found || url_equal(r.url, trim_suffix(d.repository, "/"));
      if (!found)
        missing.push_back(d.repository);
    }
    if (!missing.empty()) {
      std::string list;
      for (std::size_t i = 0; i < missing.size(); ++i) list += (i ? ", " : "") + missing[i];
      throw Error(ErrorKind::NotFound, "no repository definition for " + list);
    }
  }

  void write_lock(const Lock& lock, const chart::Chart& c) {
    const std::string name = lock_name(c);
    const fs::path dest = o_.chart_path / name;
    struct stat st {};
    if (::lstat(dest.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      std::error_code ec;
      const fs::path target = fs::read_symlink(dest, ec);
      throw Error(ErrorKind::Forbidden,
                  "the " + name + " file is a symlink to \"" + target.string() + "\"");
    }
    atomic_write_file(dest, lock_yaml(lock), 0644);
  }

  void update() {
    auto c = load_chart_dir();
    if (!c->metadata.has_dependencies)
      return;
    auto& req = c->metadata.dependencies;
    auto names = resolve_repo_names(req);
    ensure_missing_repos(names, req);
    if (!o_.skip_refresh)
      update_repositories();
    Lock lock = resolve(req, names);
    download_all(lock.dependencies);
    lock.digest = hash_req(req, lock.dependencies);
    if (auto old = read_lock(*c); old && old->digest == lock.digest)
      return;
    write_lock(lock, *c);
  }

  void build() {
    auto c = load_chart_dir();
    std::optional<Lock> lock = read_lock(*c);
    if (!lock) {
      update();
      return;
    }
    auto& req = c->metadata.dependencies;
    const bool v1 = c->metadata.api_version == chart::kApiVersionV1;
    std::string v2_sum;
    if (v1) {
      std::vector<const chart::Dependency*> ptrs;
      for (const auto& d : req) ptrs.push_back(d.get());
      v2_sum = "sha256:" + sha256_hex("{\"dependencies\":" +
                                      dependencies_json(ptrs, !c->metadata.has_dependencies) + "}");
    }
    resolve_repo_names(req);
    if (hash_req(req, lock->dependencies) != lock->digest) {
      if (!v1 || v2_sum != lock->digest) {
        throw Error(ErrorKind::Conflict,
                    v1 ? "the lock file (requirements.lock) is out of sync with the dependencies "
                         "file (requirements.yaml). Please update the dependencies"
                       : "the lock file (Chart.lock) is out of sync with the dependencies file "
                         "(Chart.yaml). Please update the dependencies");
      }
    }
    has_all_repos(lock->dependencies);
    if (!o_.skip_refresh)
      update_repositories();
    // Git dependencies come from their pinned commits (find_chart_url reads the index there).
    download_all(lock->dependencies);
  }

 private:
  const DependencyOptions& o_;
  const Settings& s_;
  std::map<std::string, std::string> pinned_;          // git repository URL -> pinned URL
  std::map<std::string, std::string> git_repository_;  // dependency name -> pinned URL
};

void dependency_fields(std::string& out, const chart::Dependency& d) {
  out += "{\"name\":";
  json::append_quoted(out, d.name, true);
  if (!d.version.empty()) {
    out += ",\"version\":";
    json::append_quoted(out, d.version, true);
  }
  out += ",\"repository\":";
  json::append_quoted(out, d.repository, true);
  if (!d.condition.empty()) {
    out += ",\"condition\":";
    json::append_quoted(out, d.condition, true);
  }
  if (!d.tags.empty()) {
    out += ",\"tags\":[";
    for (std::size_t i = 0; i < d.tags.size(); ++i) {
      if (i > 0)
        out += ',';
      json::append_quoted(out, d.tags[i], true);
    }
    out += ']';
  }
  if (d.enabled)
    out += ",\"enabled\":true";
  if (d.import_values.is_list() && d.import_values.size() > 0)
    out += ",\"import-values\":" + json::encode(d.import_values);
  if (!d.alias.empty()) {
    out += ",\"alias\":";
    json::append_quoted(out, d.alias, true);
  }
  out += '}';
}

}  // namespace

std::string dependencies_json(const std::vector<const chart::Dependency*>& deps, bool nil) {
  if (nil)
    return "null";
  std::string out = "[";
  for (std::size_t i = 0; i < deps.size(); ++i) {
    if (i > 0)
      out += ',';
    if (deps[i] == nullptr) {
      out += "null";
    } else {
      dependency_fields(out, *deps[i]);
    }
  }
  return out + "]";
}

std::string hash_req(const std::vector<std::shared_ptr<chart::Dependency>>& req,
                     const std::vector<chart::Dependency>& lock) {
  std::vector<const chart::Dependency*> a, b;
  for (const auto& d : req) a.push_back(d.get());
  for (const auto& d : lock) b.push_back(&d);
  const std::string data = "[" + dependencies_json(a, false) + "," + dependencies_json(b, false) + "]";
  return "sha256:" + sha256_hex(data);
}

std::string lock_yaml(const Lock& lock) {
  Value deps = Value::empty_list();
  for (const auto& d : lock.dependencies) {
    std::string text;
    dependency_fields(text, d);
    deps.push_back(json::decode(text));
  }
  Value out = Value::empty_map();
  out.set("dependencies", deps);
  out.set("digest", Value(lock.digest));
  out.set("generated", Value(lock.generated.empty() ? std::string(kZeroTime)
                                                    : normalize_rfc3339(lock.generated).value_or(lock.generated)));
  return yaml::encode(out);
}

Lock parse_lock(std::string_view text) {
  const Value doc = yaml::decode(text);
  Lock lock;
  if (!doc.is_map())
    return lock;
  chart::JsonStructDecoder d;
  const chart::JsonStructDecoder::Scope scope{"Lock", ""};
  for (const auto& [f, v] : chart::JsonStructDecoder::match_fields(doc, {"generated", "digest", "dependencies"})) {
    if (f == "generated" && v.is_string())
      lock.generated = v.as_string();
    if (f == "digest")
      d.string_field(v, lock.digest, scope, f);
    if (f == "dependencies" && v.is_list()) {
      // Decoded as Chart.yaml's dependencies are.
      Value md = Value::empty_map();
      md.set("dependencies", v);
      chart::Metadata m;
      chart::decode_metadata(md, m);
      for (const auto& dep : m.dependencies) {
        if (dep)
          lock.dependencies.push_back(*dep);
      }
    }
  }
  if (d.error())
    throw Error(ErrorKind::Parse, "error unmarshaling JSON: while decoding JSON: " + *d.error());
  return lock;
}

void dependency_update(const DependencyOptions& options, const Settings& s) {
  Manager(options, s).update();
}

void dependency_build(const DependencyOptions& options, const Settings& s) {
  Manager(options, s).build();
}

}  // namespace capstan::repo
