// helm rollback (pkg/action/rollback.go): a new revision that copies an earlier one (chart,
// values, manifest, hooks), described "Rollback to N"; applied with the three-way merge
// against the current manifest; every previously deployed revision becomes superseded.
#pragma once

#include <cstdint>
#include <string>

#include "release/action.h"

namespace capstan::release {

struct RollbackOptions {
  int version = 0;  // 0: the revision before the last
  bool dry_run = false;
  bool disable_hooks = false;
  bool force = false;            // replace objects instead of patching them
  std::int64_t timeout = 300;  // --timeout in seconds: each hook, each wait
  bool cleanup_on_fail = false;  // delete the objects this rollback created when it fails
  int max_history = 10;
};

Release rollback(Configuration& cfg, const std::string& name, const RollbackOptions& options);

}  // namespace capstan::release
