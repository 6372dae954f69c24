// --cleanup-on-fail (Helm's upgrade.go failRelease and rollback.go): delete what the failed
// operation created. Shared by upgrade and rollback.
#pragma once

#include <optional>
#include <string>

#include "core/error.h"
#include "release/action.h"
#include "release/kube.h"

namespace capstan::release {

// Deletes `result.created` (logging Helm's line) and settles. When some deletes fail, the error
// to report instead of `original`: "an error occurred while cleaning up resources. original
// OPERATION error: ...: unable to cleanup resources: ...".
std::optional<Error> cleanup_created(Configuration& cfg, const UpdateResult& result,
                                     const std::string& operation, const Error& original);

}  // namespace capstan::release
