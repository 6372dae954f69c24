// The read-only release commands: history, status, list and get (pkg/action history.go,
// status.go, list.go, get.go, get_values.go).
#pragma once

#include <string>
#include <vector>

#include "release/action.h"

namespace capstan::release {

// Every revision of `name`, oldest first, at most the newest `max` (helm history --max).
// Throws "release: not found" when there are none.
std::vector<Release> history(Storage& storage, const std::string& name, int max = 256);

// The release at `revision` (0: the last one) — status, get manifest/notes/values.
Release release_content(Storage& storage, const std::string& name, int revision = 0);

struct ListOptions {
  bool all = false;  // every state
  bool uninstalled = false;
  bool superseded = false;
  bool uninstalling = false;
  bool deployed = false;
  bool failed = false;
  bool pending = false;
  bool by_date = false;
  bool reverse = false;
  int limit = 256;
  int offset = 0;
  std::string filter;    // RE2 regular expression on the name
  std::string selector;  // label query over the records' labels (=, ==, !=, key, !key)
};

// The latest revision of each release whose state is selected (default: deployed and
// failed), sorted by name (or date), paged by offset and limit.
std::vector<Release> list(Storage& storage, const ListOptions& options);

}  // namespace capstan::release
