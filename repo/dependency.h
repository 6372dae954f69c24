// `helm dependency update` and `build` (pkg/downloader/manager.go, internal/resolver): resolve
// Chart.yaml's dependencies (https repositories, "@name"/"alias:name" for configured ones,
// file:// directories, charts already under charts/, and git+ URLs), download them into
// charts/ as archives, and keep Chart.lock: its digest is Helm's HashReq (sha256 of
// json.Marshal([requested, locked])), `build` refuses a lock out of sync with Chart.yaml, and
// neither writes through a symbolic link where Chart.lock should be (CVE-2025-53547).
//
// Git dependencies are locked at the commit their ref resolved to: the lock's repository is
// the same git+ URL with ref= that commit, so `build` reproduces exactly what `update` saw.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "chart/chart.h"
#include "repo/downloader.h"
#include "repo/settings.h"

namespace capstan::repo {

// A Chart.lock (chart.Lock).
struct Lock {
  std::string generated;  // RFC 3339
  std::string digest;     // "sha256:HEX"
  std::vector<chart::Dependency> dependencies;
};

// resolver.HashReq.
std::string hash_req(const std::vector<std::shared_ptr<chart::Dependency>>& req,
                     const std::vector<chart::Dependency>& lock);
// json.Marshal of []*chart.Dependency (nil for a null list), as HashReq hashes it.
std::string dependencies_json(const std::vector<const chart::Dependency*>& deps, bool nil);
// yaml.Marshal(lock).
std::string lock_yaml(const Lock& lock);
// Chart.lock's text decoded (sigs.k8s.io/yaml into chart.Lock).
Lock parse_lock(std::string_view text);

struct DependencyOptions {
  std::filesystem::path chart_path;
  bool skip_refresh = false;  // --skip-refresh: no repository index updates
  bool verify = false;        // --verify
  std::string keyring;        // --keyring
  bool debug = false;
};

// Manager.Update. Progress lines go to s.out as Helm prints them.
void dependency_update(const DependencyOptions& options, const Settings& s);
// Manager.Build (an Update when there is no lock).
void dependency_build(const DependencyOptions& options, const Settings& s);

}  // namespace capstan::repo
