// Locating and downloading charts (pkg/downloader/chart_downloader.go, pkg/repo/chartrepo.go
// FindChartInAuthAndTLSAndPassRepoURL, pkg/action/install.go LocateChart).
#include "repo/downloader.h"

#include <ostream>
#include <random>

#include "chart/archive.h"
#include "chart/loader.h"
#include "core/error.h"
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

// loadRepoConfig: a missing repositories.yaml is an empty one.
RepoFile repo_config(const Settings& s) {
  try {
    return load_repo_file(s.repository_config);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::NotFound)
      return {};
    throw;
  }
}

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  const std::size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// scanReposForURL: the first repository whose cached index lists `u`.
const Entry* owner_of(const std::string& u, const RepoFile& rf, const Settings& s) {
  for (const auto& rc : rf.repositories) {
    IndexFile idx;
    try {
      idx = load_index_file((s.repository_cache / cache_index_file(rc.name)).string(), s.log);
    } catch (const Error& e) {
      throw Error(e.kind(), "no cached repo found. (try 'helm repo update'): " + std::string(e.what()));
    }
    for (const auto& [name, versions] : idx.entries) {
      for (const auto& v : versions) {
        for (auto dl : v.urls) {
          if (url_equal(u, dl))
            return &rc;
        }
      }
    }
  }
  return nullptr;
}

void apply_repo_settings(GetterOptions& o, const Entry& rc) {
  o.url = rc.url;
  if (!rc.cert_file.empty() || !rc.key_file.empty() || !rc.ca_file.empty()) {
    o.cert_file = rc.cert_file;
    o.key_file = rc.key_file;
    o.ca_file = rc.ca_file;
  }
  if (!rc.username.empty() && !rc.password.empty()) {
    o.username = rc.username;
    o.password = rc.password;
    o.pass_credentials_all = rc.pass_credentials_all;
  }
}

std::string base_of_path(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  const std::size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

}  // namespace

GetterOptions getter_options(const ChartPathOptions& c) {
  GetterOptions o;
  o.username = c.username;
  o.password = c.password;
  o.pass_credentials_all = c.pass_credentials_all;
  o.cert_file = c.cert_file;
  o.key_file = c.key_file;
  o.ca_file = c.ca_file;
  o.insecure_skip_tls_verify = c.insecure_skip_tls_verify;
  return o;
}

std::string ChartDownloader::resolve_chart_version(const std::string& ref,
                                                   const std::string& version) {
  if (is_git_url(ref))
    return ref;
  auto u = parse_url(ref);
  if (!u)
    throw Error(ErrorKind::BadRequest, "invalid chart URL format: " + ref);
  if (u->scheme == "oci")
    throw Error(ErrorKind::BadRequest, "OCI registries are not supported: " + ref);
  const RepoFile rf = repo_config(settings_);
  if (u->is_abs() && !u->host.empty() && !u->path.empty()) {
    if (const Entry* rc = owner_of(ref, rf, settings_)) {
      apply_repo_settings(options_, *rc);
    } else {
      options_.url = ref;  // ErrNoOwnerRepo: the URL itself is where the credentials belong
    }
    return ref;
  }
  const std::size_t slash = u->path.find('/');
  if (slash == std::string::npos) {
    throw Error(ErrorKind::BadRequest,
                "non-absolute URLs should be in form of repo_name/path_to_chart, got: " + u->str());
  }
  const std::string repo_name = u->path.substr(0, slash);
  const std::string chart_name = u->path.substr(slash + 1);
  const Entry* rc = rf.get(repo_name);
  if (rc == nullptr)
    throw Error(ErrorKind::NotFound, "repo " + repo_name + " not found");
  if (rc->url.empty())
    throw Error(ErrorKind::NotFound, "no URL found for repository " + repo_name);
  options_.url = rc->url;
  apply_repo_settings(options_, *rc);
  IndexFile idx;
  try {
    idx = load_index_file((settings_.repository_cache / cache_index_file(rc->name)).string(),
                          settings_.log);
  } catch (const Error& e) {
    throw Error(e.kind(), "no cached repo found. (try 'helm repo update'): " + std::string(e.what()));
  }
  const ChartVersion* cv = nullptr;
  try {
    cv = &idx.get(chart_name, version);
  } catch (const Error& e) {
    throw Error(ErrorKind::NotFound, "chart \"" + chart_name + "\" matching " + version +
                                         " not found in " + rc->name +
                                         " index. (try 'helm repo update'): " + e.what());
  }
  if (cv->urls.empty())
    throw Error(ErrorKind::NotFound, "chart \"" + ref + "\" has no downloadable URLs");
  try {
    return resolve_reference_url(rc->url, cv->urls[0]);
  } catch (const Error&) {
    throw Error(ErrorKind::BadRequest, "invalid chart URL format: " + ref);
  }
}

Download ChartDownloader::download_to(const std::string& ref, const std::string& version,
                                      const fs::path& dest) {
  Download out;
  out.source_url = resolve_chart_version(ref, version);
  GetterOptions o = options_;
  o.accept = "application/gzip,application/octet-stream";
  o.max_body = 200 * 1024 * 1024;  // a chart decompresses to at most 100 MiB
  std::string data;
  std::string name;
  if (is_git_url(out.source_url)) {
    const GitUrl g = parse_git_url(out.source_url);
    const GitCheckout co = git_checkout(g, settings_);
    out.git_commit = co.commit;
    data = git_fetch_file(git_url_at(out.source_url, co.commit), settings_);
    const fs::path in_tree = co.root / g.path;
    if (fs::is_directory(in_tree)) {
      auto c = chart::load_files(chart::load_archive_files(data));
      name = c->metadata.name + "-" + c->metadata.version + ".tgz";
    } else {
      name = base_of_path(g.path);
    }
  } else {
    data = http_get(out.source_url, o);
    name = base_of_path(parse_url(out.source_url)->path);
  }
  if (name.empty() || name == "." || name == ".." || name == "/")
    throw Error(ErrorKind::BadRequest, "invalid chart file name in " + out.source_url);
  std::error_code ec;
  fs::create_directories(dest, ec);
  out.file = dest / name;
  atomic_write_file(out.file, data, 0644);
  if (verify != VerificationStrategy::Never && !is_git_url(out.source_url)) {
    std::string prov;
    try {
      prov = http_get(out.source_url + ".prov", options_);
    } catch (const Error& e) {
      if (verify == VerificationStrategy::Always)
        throw Error(ErrorKind::NotFound, "failed to fetch provenance \"" + out.source_url + ".prov\"");
      if (settings_.out != nullptr)
        *settings_.out << "WARNING: Verification not found for " << ref << ": " << e.what() << "\n";
      return out;
    }
    fs::path prov_file = out.file;
    prov_file += ".prov";
    atomic_write_file(prov_file, prov, 0644);
    if (verify != VerificationStrategy::Later)
      out.verified = verify_chart(out.file, keyring);
  } else if (verify == VerificationStrategy::Always) {
    throw Error(ErrorKind::BadRequest,
                "failed to fetch provenance: charts from git carry no .prov (" + out.source_url + ")");
  }
  return out;
}

std::string find_chart_in_repo_url(const std::string& repo_url, const std::string& chart,
                                   const std::string& version, const ChartPathOptions& c,
                                   const Settings& s) {
  Entry e;
  e.url = repo_url;
  e.username = c.username;
  e.password = c.password;
  e.pass_credentials_all = c.pass_credentials_all;
  e.cert_file = c.cert_file;
  e.key_file = c.key_file;
  e.ca_file = c.ca_file;
  e.insecure_skip_tls_verify = c.insecure_skip_tls_verify;
  // A random cache name, removed afterwards (Helm: 20 random bytes, base64).
  std::random_device rd;
  e.name = "capstan-tmp-" + std::to_string(rd()) + std::to_string(rd());
  fs::path idx_file;
  try {
    idx_file = download_index_file(e, s);
  } catch (const Error& err) {
    throw Error(err.kind(), "looks like \"" + repo_url +
                                "\" is not a valid chart repository or cannot be reached: " +
                                err.what());
  }
  struct Cleanup {
    const Settings& s;
    std::string name;
    ~Cleanup() {
      std::error_code ec;
      fs::remove(s.repository_cache / cache_charts_file(name), ec);
      fs::remove(s.repository_cache / cache_index_file(name), ec);
    }
  } cleanup{s, e.name};
  const IndexFile idx = load_index_file(idx_file.string(), s.log);
  std::string what = "chart \"" + chart + "\"";
  if (!version.empty())
    what += " version \"" + version + "\"";
  const ChartVersion* cv = nullptr;
  try {
    cv = &idx.get(chart, version);
  } catch (const Error&) {
    throw Error(ErrorKind::NotFound, what + " not found in " + repo_url + " repository");
  }
  if (cv->urls.empty())
    throw Error(ErrorKind::NotFound, what + " has no downloadable URLs");
  try {
    return is_git_url(std::string(cv->urls[0])) ? std::string(cv->urls[0])
                                                 : resolve_reference_url(repo_url, cv->urls[0]);
  } catch (const Error& err) {
    throw Error(err.kind(), "failed to make chart URL absolute: " + std::string(err.what()));
  }
}

LocatedChart locate_chart(const std::string& raw_name, const ChartPathOptions& c,
                          const Settings& s) {
  std::string name = trim(raw_name);
  std::string version = trim(c.version);
  if (version.empty() && c.devel)
    version = ">0.0.0-0";
  LocatedChart out;
  std::error_code ec;
  if (fs::exists(name, ec)) {
    out.path = fs::absolute(name, ec);
    if (c.verify)
      out.verified = verify_chart(out.path, c.keyring);
    return out;
  }
  if (!name.empty() && (name[0] == '/' || name[0] == '.'))
    throw Error(ErrorKind::NotFound, "path \"" + name + "\" not found");
  if (is_git_url(name) && c.repo_url.empty()) {
    const GitUrl g = parse_git_url(name);
    const GitCheckout co = git_checkout(g, s);
    const fs::path dir = co.root / g.path;
    if (fs::is_directory(dir)) {
      if (c.verify)
        throw Error(ErrorKind::BadRequest, "unpacked charts cannot be verified");
      const GitChart gc = git_chart(name, s);
      out.path = gc.dir;
      out.source_url = gc.pinned_url;
      out.git_commit = gc.commit;
      return out;
    }
  }
  ChartPathOptions flags = c;
  if (!c.repo_url.empty()) {
    const std::string chart_url = find_chart_in_repo_url(c.repo_url, name, version, c, s);
    name = chart_url;
    // Credentials only to the repository's own scheme+host+port, or everywhere if asked.
    GetterOptions probe;
    probe.url = c.repo_url;
    probe.pass_credentials_all = c.pass_credentials_all;
    if (!credentials_apply(probe, chart_url)) {
      flags.username.clear();
      flags.password.clear();
    }
  }
  ChartDownloader dl(s, getter_options(flags));
  dl.keyring = c.keyring;
  if (c.verify)
    dl.verify = VerificationStrategy::Always;
  fs::create_directories(s.repository_cache, ec);
  Download d = dl.download_to(name, version, s.repository_cache);
  out.path = fs::absolute(d.file, ec);
  out.source_url = d.source_url;
  out.git_commit = d.git_commit;
  out.verified = d.verified;
  return out;
}

}  // namespace capstan::repo
