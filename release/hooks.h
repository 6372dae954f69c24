// Running a release's hooks for one event (Helm's Configuration.execHook): hooks ordered by
// weight then name, the default before-hook-creation delete policy, creation, waiting for
// Jobs to complete and Pods to succeed on the cluster's clock (other kinds are ready when
// created), last-run bookkeeping, the hook-succeeded/hook-failed delete policies and the
// hook-output-log-policy logs.
#pragma once

#include <cstdint>
#include <string>

#include "release/action.h"

namespace capstan::release {

// Helm's default --timeout (5m0s).
inline constexpr std::int64_t kDefaultTimeoutSeconds = 300;

// Runs the hooks of `release` registered for `event` ("pre-install", ...), each Job or Pod
// waited for at most `timeout_seconds`. Their last_run is updated in `release` (and recorded
// when `record` is set, as Helm records the release when a hook starts). Throws the hook's
// failure worded as Helm words it ("job x failed: BackoffLimitExceeded", "pod x failed",
// "timed out waiting for the condition").
void exec_hooks(Configuration& cfg, Release& release, const std::string& event, bool record,
                std::int64_t timeout_seconds = kDefaultTimeoutSeconds);

// The text Helm reports for a Job or Pod that has finished, "" while it runs or for kinds
// Helm does not wait for; `done` says whether the object reached a final state.
std::string hook_failure(const Value& object, bool& done);

// Waits (on the cluster's clock, polling every second as a watch would notice) until every
// Job and Pod among `resources` has finished; "" when all succeeded, else Helm's message.
std::string watch_until_ready(Configuration& cfg, const std::vector<Resource>& resources,
                              std::int64_t timeout_seconds);

}  // namespace capstan::release
