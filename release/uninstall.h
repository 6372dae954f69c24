// helm uninstall (pkg/action/uninstall.go): mark the release uninstalling, delete its
// objects in reverse install order (except those annotated helm.sh/resource-policy: keep),
// run delete hooks, then either purge every record or, with --keep-history, keep them with
// the last one uninstalled.
#pragma once

#include <cstdint>
#include <string>

#include "release/action.h"

namespace capstan::release {

struct UninstallOptions {
  bool dry_run = false;
  bool disable_hooks = false;
  bool ignore_not_found = false;
  bool keep_history = false;
  std::int64_t timeout = 300;  // --timeout in seconds: each hook, each wait
  Propagation cascade = Propagation::Background;  // --cascade
  std::string description;
};

struct UninstallResult {
  std::optional<Release> release;  // nullopt: not found and ignored
  std::string info;                // "These resources were kept due to the resource policy:\n..."
};

UninstallResult uninstall(Configuration& cfg, const std::string& name,
                          const UninstallOptions& options);

}  // namespace capstan::release
