// helm upgrade (pkg/action/upgrade.go): find the release's last and deployed revisions,
// decide which values apply (Helm's reuse rule, --reuse-values, --reset-values), render and
// check everything before writing; then record revision N+1 as pending-upgrade, apply it with
// the three-way merge against the previous manifest, settle, and mark the previous revision
// superseded and the new one deployed (or failed). History is pruned to --history-max.
#pragma once

#include <map>
#include <cstdint>
#include <string>

#include "release/action.h"

namespace capstan::release {

struct UpgradeOptions {
  bool dry_run = false;
  bool disable_hooks = false;
  bool reset_values = false;
  bool reuse_values = false;
  bool reset_then_reuse_values = false;
  bool take_ownership = false;
  bool force = false;            // replace objects instead of patching them
  std::int64_t timeout = 300;  // --timeout in seconds: each hook, each wait
  bool cleanup_on_fail = false;  // delete the objects this upgrade created when it fails
  int max_history = 10;  // 0: unlimited
  std::string description;
  std::map<std::string, std::string> labels;  // merged with the previous ones; "null" unsets
};

// `values` are the values given on the command line (an empty map when none). `coalesce` is
// needed for --reuse-values. Errors are Helm's, without the CLI's "UPGRADE FAILED: " prefix.
Release upgrade(Configuration& cfg, const std::string& name, const Renderer& render,
                const Value& values, const UpgradeOptions& options,
                const ValuesCoalescer& coalesce = nullptr);

// The values an upgrade renders with (Upgrade.reuseValues), and the chart defaults to use
// instead of the chart's own (set for --reuse-values).
struct UpgradeValues {
  Value values;
  std::optional<Value> chart_values;
};
UpgradeValues upgrade_values(const Release& current, const Value& values,
                             const UpgradeOptions& options, const ValuesCoalescer& coalesce);

}  // namespace capstan::release
