// Release storage over a driver, after Helm's pkg/storage: revision keys, history, the last
// and the deployed revision, and pruning to a maximum history on create.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "release/driver.h"

namespace capstan::release {

// "sh.helm.release.v1.NAME.vVERSION"
std::string make_key(const std::string& name, int version);

class Storage {
 public:
  explicit Storage(Driver& driver) : driver_(driver) {}

  // Revisions kept per release, the new one included; 0 or less keeps everything.
  int max_history = 0;

  Driver& driver() { return driver_; }

  std::optional<Release> get(const std::string& name, int version);
  // Prunes the oldest revisions (never the deployed one) to make room, then stores.
  void create(const Release& release);
  void update(const Release& release);
  std::optional<Release> remove(const std::string& name, int version);

  std::vector<Release> list_all();
  // Every revision of `name`, in the driver's order (empty: Helm's "release: not found").
  std::vector<Release> history(const std::string& name);
  // The highest revision of `name`.
  std::optional<Release> last(const std::string& name);
  // The highest deployed revision / every deployed revision.
  std::optional<Release> deployed(const std::string& name);
  std::vector<Release> deployed_all(const std::string& name);

 private:
  void remove_least_recent(const std::string& name, int max);

  Driver& driver_;
};

// Sorting helpers (pkg/releaseutil): by revision ascending, by name, by last deployed.
void sort_by_revision(std::vector<Release>& releases);
void sort_by_name(std::vector<Release>& releases);
void sort_by_date(std::vector<Release>& releases);

}  // namespace capstan::release
