// repositories.yaml (Helm's repo.File and repo.Entry): the configured chart repositories with
// their credentials and TLS settings. Read leniently as Helm does (sigs.k8s.io/yaml.Unmarshal),
// written with yaml.Marshal and mode 0600.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace capstan::repo {

struct Entry {
  std::string name;
  std::string url;
  std::string username;
  std::string password;
  std::string cert_file;
  std::string key_file;
  std::string ca_file;
  bool insecure_skip_tls_verify = false;
  bool pass_credentials_all = false;

  friend bool operator==(const Entry&, const Entry&) = default;
};

struct RepoFile {
  std::string api_version;  // "" when written by `repo add` on a fresh system, as Helm's
  std::string generated;    // RFC 3339; "" = Go's zero time
  std::vector<Entry> repositories;

  bool has(std::string_view name) const { return get(name) != nullptr; }
  const Entry* get(std::string_view name) const;
  // Update: replaces the entry of the same name, else appends.
  void update(const Entry& e);
  // Remove: whether an entry of that name was there.
  bool remove(std::string_view name);

  std::string to_yaml() const;
};

// LoadFile. A missing file throws Error(ErrorKind::NotFound) "couldn't load repositories file
// (PATH): open PATH: no such file or directory"; bad YAML throws the decoder's error.
RepoFile load_repo_file(const std::filesystem::path& path);
// Decodes the text (`repo add` reads the file itself and tolerates its absence).
RepoFile parse_repo_file(std::string_view text);
// WriteFile: creates the directory, writes with mode 0600.
void write_repo_file(const RepoFile& file, const std::filesystem::path& path);

}  // namespace capstan::repo
