// Release records as Secrets in the release's namespace, as Helm's default driver keeps them
// (pkg/storage/driver/secrets.go): name sh.helm.release.v1.NAME.vN, type helm.sh/release.v1,
// labels name/owner=helm/status/version plus createdAt (on create) or modifiedAt (on update)
// in Unix seconds, and data.release = the record (base64 of gzip of JSON), itself base64 in
// the Secret's data as on the Kubernetes wire.
#pragma once

#include <string>

#include "release/clock.h"
#include "release/cluster.h"
#include "release/driver.h"

namespace capstan::release {

class SecretDriver final : public Driver {
 public:
  // `ns` is the namespace records are read from and written to; "" reads every namespace.
  SecretDriver(Cluster& cluster, Clock& clock, std::string ns)
      : cluster_(cluster), clock_(clock), ns_(std::move(ns)) {}

  std::string name() const override { return "Secret"; }
  std::optional<Release> get(const std::string& key) override;
  std::vector<Release> list(const std::function<bool(const Release&)>& filter) override;
  std::vector<Release> query(const Labels& labels) override;
  void create(const std::string& key, const Release& release) override;
  void update(const std::string& key, const Release& release) override;
  std::optional<Release> remove(const std::string& key) override;

  // The Secret Helm writes for `release` (exposed for tests).
  static Value secret_object(const std::string& key, const Release& release, Labels labels);

 private:
  std::string namespace_for(const Release& release) const;
  std::vector<Release> decode_all(const std::vector<Value>& secrets);

  Cluster& cluster_;
  Clock& clock_;
  std::string ns_;
};

}  // namespace capstan::release
