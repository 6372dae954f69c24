// kubectl's view of a cluster, as library functions the thin CLI calls (and tests call without
// it): get, describe, scale, rollout status|history|undo, apply -f, delete. Each returns what
// kubectl would print on stdout and stderr and its exit code; output follows kubectl 1.32
// (tables from the API server's printers, describe layouts, messages such as
// "deployment.apps/echo created" and `pod "x" deleted`). Everything goes through the Client
// interface, so the same code serves the embedded cluster and a remote one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/value.h"
#include "orchestrator/client.h"

namespace capstan::orchestrator::kubectl {

struct Output {
  std::string out;
  std::string err;
  int exit_code = 0;
};

struct Target {
  std::vector<std::string> args;  // "pods" | "pod,rs,deploy" | "pod" "name"... | "deployment/echo"...
  std::string ns = "default";     // -n
  bool all_namespaces = false;    // -A
  // -l: kubectl's flag is a plain string, so of several -l flags the last one wins.
  std::string selector;
};

struct GetOptions : Target {
  std::string output;  // "" | "wide" | "yaml" | "json" | "name"
  bool show_kind = false;
  bool show_labels = false;
};
Output get(Client& client, const GetOptions& options);

Output describe(Client& client, const Target& target);

struct ScaleOptions : Target {
  std::int64_t replicas = 0;
};
Output scale(Client& client, const ScaleOptions& options);

struct RolloutOptions {
  std::string resource;  // "deployment/echo" or "deployment" with name
  std::string name;
  std::string ns = "default";
  std::int64_t revision = 0;  // history --revision / undo --to-revision / status --revision
};
// Settles the cluster, then reports as `kubectl rollout status` does once nothing changes.
Output rollout_status(Client& client, const RolloutOptions& options);
Output rollout_history(Client& client, const RolloutOptions& options);
Output rollout_undo(Client& client, const RolloutOptions& options);

struct ApplyOptions {
  std::string ns = "default";
  std::string change_cause;  // --record: the kubernetes.io/change-cause annotation, when set
};
// kubectl client-side apply of decoded manifests: create with the last-applied-configuration
// annotation, or a three-way strategic merge against the live object.
Output apply(Client& client, const std::vector<Value>& manifests, const ApplyOptions& options);

struct DeleteOptions : Target {
  std::vector<Value> manifests;  // -f: delete what these name
  Propagation propagation = Propagation::Background;  // --cascade
  bool ignore_not_found = false;
  bool wait = true;  // settle after each deletion, as kubectl waits for objects to go
};
Output delete_objects(Client& client, const DeleteOptions& options);

// Helm's `status --show-resources` tables: for each group (in the given order) "==> KEY\n",
// then each object printed as kubectl's human printer prints one server-side Table — its own
// tab-aligned block, the header only when the columns differ from the previous object's —
// and a blank line after the group.
std::string resource_tables(Client& client,
                            const std::vector<std::pair<std::string, std::vector<Value>>>& groups);

// How kubectl prints an API error: "Error from server (NotFound): pods \"x\" not found",
// "The Service \"x\" is invalid: ...".
std::string error_text(const Error& error);

}  // namespace capstan::orchestrator::kubectl
