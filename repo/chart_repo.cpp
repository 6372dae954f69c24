// Configured repositories: index downloads and the repo subcommands.
#include "repo/chart_repo.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <ostream>

#include "core/error.h"
#include "repo/digest.h"
#include "repo/git_source.h"
#include "repo/index.h"
#include "repo/url.h"

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

// gofrs/flock on repositories.lock beside repositories.yaml (Helm: the file name with its
// extension replaced by .lock).
class FileLock {
 public:
  explicit FileLock(const fs::path& repo_file) {
    fs::path lock = repo_file;
    lock.replace_extension(".lock");
    std::error_code ec;
    fs::create_directories(lock.parent_path(), ec);
    fd_ = ::open(lock.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (fd_ >= 0)
      ::flock(fd_, LOCK_EX);
  }
  ~FileLock() {
    if (fd_ >= 0) {
      ::flock(fd_, LOCK_UN);
      ::close(fd_);
    }
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

void print(const Settings& s, const std::string& text) {
  if (s.out != nullptr)
    *s.out << text;
}

// repo.LoadFile for the commands that need an existing file: nullopt when it is missing.
std::optional<RepoFile> load_existing(const Settings& s) {
  try {
    return load_repo_file(s.repository_config);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::NotFound)
      return std::nullopt;
    throw;
  }
}

}  // namespace

GetterOptions getter_options(const Entry& e, std::chrono::seconds timeout) {
  GetterOptions o;
  o.url = e.url;
  o.username = e.username;
  o.password = e.password;
  o.pass_credentials_all = e.pass_credentials_all;
  o.cert_file = e.cert_file;
  o.key_file = e.key_file;
  o.ca_file = e.ca_file;
  o.insecure_skip_tls_verify = e.insecure_skip_tls_verify;
  o.timeout = timeout;
  return o;
}

std::string fetch_url(const std::string& url, const GetterOptions& options, const Settings& s) {
  if (is_git_url(url))
    return git_fetch_file(url, s);
  return http_get(url, options);
}

fs::path download_index_file(const Entry& e, const Settings& s, std::chrono::seconds timeout) {
  auto u = parse_url(e.url);
  if (!u)
    throw Error(ErrorKind::BadRequest, "invalid chart URL format: " + e.url);
  if (!has_getter(u->scheme))
    throw Error(ErrorKind::BadRequest, "could not find protocol handler for: " + u->scheme);
  const std::string index_url = is_git_url(e.url) ? git_join(e.url, "index.yaml")
                                                  : resolve_reference_url(e.url, "index.yaml");
  std::string bytes = fetch_url(index_url, getter_options(e, timeout), s);
  LoadIndexOptions lo;
  lo.source = e.url;
  lo.log = s.log;
  const IndexFile index = load_index(bytes, lo);
  std::string names;
  for (const auto& [name, versions] : index.entries) names += name + "\n";
  std::error_code ec;
  fs::create_directories(s.repository_cache, ec);
  atomic_write_file(s.repository_cache / cache_charts_file(e.name), names, 0644);
  const fs::path file = s.repository_cache / cache_index_file(e.name);
  atomic_write_file(file, bytes, 0644);
  return file;
}

std::string repo_add(const RepoAddOptions& o, const Settings& s) {
  const Entry& c = o.entry;
  if (!o.allow_deprecated_repos) {
    static const std::pair<const char*, const char*> kDeprecated[] = {
        {"//kubernetes-charts.storage.googleapis.com", "https://charts.helm.sh/stable"},
        {"//kubernetes-charts-incubator.storage.googleapis.com",
         "https://charts.helm.sh/incubator"}};
    for (const auto& [old_url, new_url] : kDeprecated) {
      if (c.url.find(old_url) != std::string::npos) {
        throw Error(ErrorKind::BadRequest, "repo \"" + c.url + "\" is no longer available; try \"" +
                                               new_url + "\" instead");
      }
    }
  }
  FileLock lock(s.repository_config);
  RepoFile f;
  std::error_code ec;
  if (fs::exists(s.repository_config, ec))
    f = parse_repo_file(read_file(s.repository_config));
  if (c.name.find('/') != std::string::npos) {
    throw Error(ErrorKind::BadRequest, "repository name (" + c.name +
                                           ") contains '/', please specify a different name "
                                           "without '/'");
  }
  if (!o.force_update && f.has(c.name)) {
    if (!(*f.get(c.name) == c)) {
      throw Error(ErrorKind::AlreadyExists,
                  "repository name (" + c.name +
                      ") already exists, please specify a different name");
    }
    return "\"" + c.name + "\" already exists with the same configuration, skipping\n";
  }
  try {
    download_index_file(c, s, o.timeout);
  } catch (const Error& e) {
    throw Error(e.kind(), "looks like \"" + c.url +
                              "\" is not a valid chart repository or cannot be reached: " +
                              e.what());
  }
  f.update(c);
  write_repo_file(f, s.repository_config);
  return "\"" + c.name + "\" has been added to your repositories\n";
}

std::string repo_list(const Settings& s, OutputFormat format) {
  RepoFile f;
  try {
    f = load_repo_file(s.repository_config);
  } catch (const Error&) {
    // Helm ignores the error: a missing or broken file lists nothing.
  }
  std::vector<Fields> items;
  for (const auto& e : f.repositories) items.push_back({{"name", e.name}, {"url", e.url}});
  if (format == OutputFormat::Json)
    return encode_json_list(items);
  if (format == OutputFormat::Yaml)
    return encode_yaml_list(items);
  if (items.empty())
    throw Error(ErrorKind::NotFound, "no repositories to show");
  std::vector<Row> rows{{"NAME", "URL"}};
  for (const auto& e : f.repositories) rows.push_back({e.name, e.url});
  return format_uitable(rows, 0);
}

void repo_update(const RepoUpdateOptions& o, const Settings& s) {
  const std::string no_repos = "no repositories found. You must add one before updating";
  std::optional<RepoFile> f;
  try {
    f = load_existing(s);
  } catch (const Error& e) {
    throw Error(e.kind(), "failed loading file: " + s.repository_config.string() + ": " + e.what());
  }
  if (!f || f->repositories.empty())
    throw Error(ErrorKind::NotFound, no_repos);
  for (const auto& name : o.names) {
    if (!f->has(name)) {
      throw Error(ErrorKind::NotFound, "no repositories found matching '" + name +
                                           "'.  Nothing will be updated");
    }
  }
  print(s, "Hang tight while we grab the latest from your chart repositories...\n");
  std::vector<std::string> failed;
  for (const auto& e : f->repositories) {
    if (!o.names.empty() && std::find(o.names.begin(), o.names.end(), e.name) == o.names.end())
      continue;
    try {
      download_index_file(e, s, o.timeout);
      print(s, "...Successfully got an update from the \"" + e.name + "\" chart repository\n");
    } catch (const Error& err) {
      print(s, "...Unable to get an update from the \"" + e.name + "\" chart repository (" +
                   e.url + "):\n\t" + err.what() + "\n");
      failed.push_back(e.url);
    }
  }
  if (!failed.empty() && o.fail_on_repo_update_fail) {
    std::string list;
    for (std::size_t i = 0; i < failed.size(); ++i) list += (i ? " " : "") + failed[i];
    throw Error(ErrorKind::Io, "Failed to update the following repositories: [" + list + "]");
  }
  print(s, "Update Complete. \u2388Happy Helming!\u2388\n");
}

void repo_remove(const std::vector<std::string>& names, const Settings& s) {
  std::optional<RepoFile> f = load_existing(s);
  if (!f || f->repositories.empty())
    throw Error(ErrorKind::NotFound, "no repositories configured");
  for (const auto& name : names) {
    if (!f->remove(name))
      throw Error(ErrorKind::NotFound, "no repo named \"" + name + "\" found");
    write_repo_file(*f, s.repository_config);
    std::error_code ec;
    fs::remove(s.repository_cache / cache_charts_file(name), ec);
    fs::remove(s.repository_cache / cache_index_file(name), ec);
    print(s, "\"" + name + "\" has been removed from your repositories\n");
  }
}

}  // namespace capstan::repo
