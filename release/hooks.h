// Running a release's hooks for one event (Helm's Configuration.execHook): hooks ordered by
// weight then name, the default before-hook-creation delete policy, creation, waiting for
// Jobs and Pods to finish, last-run bookkeeping and the succeeded/failed delete policies.
#pragma once

#include <string>

#include "release/action.h"

namespace capstan::release {

// Runs the hooks of `release` registered for `event` ("pre-install", ...). Their last_run is
// updated in `release` (and recorded when `record` is set, as Helm records the release when
// a hook starts). Throws the hook's failure worded as Helm words it.
void exec_hooks(Configuration& cfg, Release& release, const std::string& event, bool record);

// The text Helm reports for a Job or Pod that has finished, "" while it runs or for kinds
// Helm does not wait for; `done` says whether the object reached a final state.
std::string hook_failure(const Value& object, bool& done);

}  // namespace capstan::release
