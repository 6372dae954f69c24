// Release storage drivers, after Helm's pkg/storage/driver: a record per revision under the
// key sh.helm.release.v1.NAME.vN, queried by the labels Helm puts on it (name, owner=helm,
// status, version). MemoryDriver is the test double; SecretDriver (secret_driver.h) keeps
// records in the cluster as Helm does.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "release/release.h"

namespace capstan::release {

using Labels = std::map<std::string, std::string>;

class Driver {
 public:
  virtual ~Driver() = default;
  virtual std::string name() const = 0;

  // The record under `key` (its custom labels only), or nullopt.
  virtual std::optional<Release> get(const std::string& key) = 0;
  // Every record of the driver's namespace (all namespaces when it has none) for which
  // `filter` holds; each carries all its storage labels, system ones included, as Helm's.
  virtual std::vector<Release> list(const std::function<bool(const Release&)>& filter) = 0;
  // Records whose labels include all of `labels` (empty when none: Helm's ErrReleaseNotFound).
  virtual std::vector<Release> query(const Labels& labels) = 0;
  // Throws ErrorKind::AlreadyExists "release: already exists" when the key is taken.
  virtual void create(const std::string& key, const Release& release) = 0;
  // Throws ErrorKind::NotFound "release: not found" when there is no such record.
  virtual void update(const std::string& key, const Release& release) = 0;
  // The removed record, or nullopt when there was none.
  virtual std::optional<Release> remove(const std::string& key) = 0;
};

// The labels Helm reserves on storage objects (driver.GetSystemLabels()).
const std::vector<std::string>& system_labels();
bool contains_system_labels(const Labels& labels);
Labels filter_system_labels(const Labels& labels);

// The labels a record is stored with: custom labels, then name, owner=helm, status and
// version (system labels win).
Labels record_labels(const Release& release);

// True when every key of `want` has the same value in `have`.
bool labels_match(const Labels& have, const Labels& want);

// In-memory records, keyed by namespace then key, for unit tests.
class MemoryDriver final : public Driver {
 public:
  // `ns` is the namespace the driver reads and writes; "" lists every namespace.
  explicit MemoryDriver(std::string ns = "default") : ns_(std::move(ns)) {}
  void set_namespace(std::string ns) { ns_ = std::move(ns); }

  std::string name() const override { return "Memory"; }
  std::optional<Release> get(const std::string& key) override;
  std::vector<Release> list(const std::function<bool(const Release&)>& filter) override;
  std::vector<Release> query(const Labels& labels) override;
  void create(const std::string& key, const Release& release) override;
  void update(const std::string& key, const Release& release) override;
  std::optional<Release> remove(const std::string& key) override;

 private:
  std::string ns_;
  std::map<std::string, std::map<std::string, Release>> records_;  // namespace -> key -> record
};

}  // namespace capstan::release
