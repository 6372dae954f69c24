// Storage: keys, history queries and pruning.
#include "release/storage.h"

#include <algorithm>

namespace capstan::release {

std::string make_key(const std::string& name, int version) {
  return "sh.helm.release.v1." + name + ".v" + std::to_string(version);
}

void sort_by_revision(std::vector<Release>& releases) {
  std::stable_sort(releases.begin(), releases.end(),
                   [](const Release& a, const Release& b) { return a.version < b.version; });
}

void sort_by_name(std::vector<Release>& releases) {
  std::stable_sort(releases.begin(), releases.end(),
                   [](const Release& a, const Release& b) { return a.name < b.name; });
}

void sort_by_date(std::vector<Release>& releases) {
  // releaseutil.SortByDate: ascending LastDeployed in whole seconds, ties by name.
  std::stable_sort(releases.begin(), releases.end(), [](const Release& a, const Release& b) {
    const std::int64_t ta = a.info.last_deployed.unix_seconds;
    const std::int64_t tb = b.info.last_deployed.unix_seconds;
    if (ta != tb) return ta < tb;
    return a.name < b.name;
  });
}

std::optional<Release> Storage::get(const std::string& name, int version) {
  return driver_.get(make_key(name, version));
}

void Storage::create(const Release& release) {
  if (max_history > 0) remove_least_recent(release.name, max_history - 1);
  driver_.create(make_key(release.name, release.version), release);
}

void Storage::update(const Release& release) {
  driver_.update(make_key(release.name, release.version), release);
}

std::optional<Release> Storage::remove(const std::string& name, int version) {
  return driver_.remove(make_key(name, version));
}

std::vector<Release> Storage::list_all() {
  return driver_.list([](const Release&) { return true; });
}

std::vector<Release> Storage::history(const std::string& name) {
  return driver_.query({{"name", name}, {"owner", "helm"}});
}

std::optional<Release> Storage::last(const std::string& name) {
  std::vector<Release> h = history(name);
  if (h.empty()) return std::nullopt;
  sort_by_revision(h);
  return h.back();
}

std::vector<Release> Storage::deployed_all(const std::string& name) {
  return driver_.query({{"name", name}, {"owner", "helm"}, {"status", "deployed"}});
}

std::optional<Release> Storage::deployed(const std::string& name) {
  std::vector<Release> ls = deployed_all(name);
  if (ls.empty()) return std::nullopt;
  // Concurrent runs can leave several deployed revisions; Helm takes the latest.
  sort_by_revision(ls);
  return ls.back();
}

void Storage::remove_least_recent(const std::string& name, int max) {
  if (max < 0) return;
  std::vector<Release> h = history(name);
  if (static_cast<int>(h.size()) <= max) return;
  sort_by_revision(h);
  const std::optional<Release> last_deployed = deployed(name);
  std::vector<int> to_delete;
  for (const Release& r : h) {
    if (static_cast<int>(h.size() - to_delete.size()) == max) break;
    if (!last_deployed || r.version != last_deployed->version) to_delete.push_back(r.version);
  }
  for (int version : to_delete) remove(name, version);
}

}  // namespace capstan::release
