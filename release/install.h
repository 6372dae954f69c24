// helm install (pkg/action/install.go): validate the name and its availability, render,
// build the objects and refuse ones owned by someone else, all before anything is written;
// then record revision 1 as pending-install, create the objects, run hooks, let the cluster
// settle, and record the revision as deployed (or failed).
#pragma once

#include <map>
#include <cstdint>
#include <string>

#include "release/action.h"

namespace capstan::release {

struct InstallOptions {
  std::string release_name;
  std::string ns = "default";
  bool create_namespace = false;
  bool dry_run = false;
  bool replace = false;  // re-use the name of an uninstalled (kept) or failed release
  bool disable_hooks = false;
  bool take_ownership = false;
  bool skip_crds = false;
  std::int64_t timeout = 300;  // --timeout in seconds: each hook, each wait
  bool force = false;  // adopted objects are replaced instead of patched  // --skip-crds: do not install the chart's crds/ files
  std::string description;
  std::map<std::string, std::string> labels;  // release labels (-l)
};

// Returns the release as recorded (or, for a dry run, as it would be). Errors are Helm's,
// without the CLI's "INSTALLATION FAILED: " prefix.
Release install(Configuration& cfg, const Renderer& render, const Value& values,
                const InstallOptions& options);

}  // namespace capstan::release
