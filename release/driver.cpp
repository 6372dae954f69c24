// Storage labels and the in-memory driver.
#include "release/driver.h"

#include <algorithm>

#include "core/error.h"

namespace capstan::release {

namespace {

Release copy_of(const Release& r) {
  Release out = r;
  out.chart = r.chart.deep_copy();
  out.config = r.config.deep_copy();
  return out;
}

const std::string& namespace_of(const Release& r) {
  static const std::string kDefault = "default";
  return r.ns.empty() ? kDefault : r.ns;
}

}  // namespace

const std::vector<std::string>& system_labels() {
  static const std::vector<std::string> kLabels{"name",    "owner",     "status",
                                                "version", "createdAt", "modifiedAt"};
  return kLabels;
}

bool contains_system_labels(const Labels& labels) {
  for (const std::string& key : system_labels()) {
    if (labels.count(key) > 0) return true;
  }
  return false;
}

Labels filter_system_labels(const Labels& labels) {
  Labels out;
  for (const auto& [k, v] : labels) {
    const auto& sys = system_labels();
    if (std::find(sys.begin(), sys.end(), k) == sys.end()) out.emplace(k, v);
  }
  return out;
}

Labels record_labels(const Release& release) {
  Labels out = release.labels;
  out["name"] = release.name;
  out["owner"] = "helm";
  out["status"] = std::string(status_name(release.info.status));
  out["version"] = std::to_string(release.version);
  return out;
}

bool labels_match(const Labels& have, const Labels& want) {
  for (const auto& [k, v] : want) {
    auto it = have.find(k);
    // Go's map lookup yields "" for a missing key, so a wanted "" matches an absent label.
    const std::string& actual = it == have.end() ? std::string() : it->second;
    if (actual != v) return false;
  }
  return true;
}

std::optional<Release> MemoryDriver::get(const std::string& key) {
  for (auto& [ns, records] : records_) {
    if (!ns_.empty() && ns != ns_) continue;
    auto it = records.find(key);
    if (it != records.end()) {
      Release out = copy_of(it->second);
      out.labels = filter_system_labels(out.labels);
      return out;
    }
  }
  return std::nullopt;
}

std::vector<Release> MemoryDriver::list(const std::function<bool(const Release&)>& filter) {
  std::vector<Release> out;
  for (auto& [ns, records] : records_) {
    if (!ns_.empty() && ns != ns_) continue;
    for (auto& [key, r] : records) {
      Release copy = copy_of(r);
      copy.labels = record_labels(r);
      if (filter(copy)) out.push_back(std::move(copy));
    }
  }
  return out;
}

std::vector<Release> MemoryDriver::query(const Labels& labels) {
  return list([&](const Release& r) { return labels_match(r.labels, labels); });
}

void MemoryDriver::create(const std::string& key, const Release& release) {
  auto& records = records_[namespace_of(release)];
  if (records.count(key) > 0) throw Error(ErrorKind::AlreadyExists, "release: already exists");
  records.emplace(key, copy_of(release));
}

void MemoryDriver::update(const std::string& key, const Release& release) {
  auto& records = records_[namespace_of(release)];
  auto it = records.find(key);
  if (it == records.end()) throw Error(ErrorKind::NotFound, "release: not found");
  it->second = copy_of(release);
}

std::optional<Release> MemoryDriver::remove(const std::string& key) {
  for (auto& [ns, records] : records_) {
    if (!ns_.empty() && ns != ns_) continue;
    auto it = records.find(key);
    if (it != records.end()) {
      Release out = std::move(it->second);
      records.erase(it);
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace capstan::release
