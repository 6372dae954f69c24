#include "release/cleanup_on_fail.h"

namespace capstan::release {

std::optional<Error> cleanup_created(Configuration& cfg, const UpdateResult& result,
                                     const std::string& operation, const Error& original) {
  if (result.created.empty())
    return std::nullopt;
  cfg.log("Cleanup on fail set, cleaning up " + std::to_string(result.created.size()) +
          " resources");
  const std::vector<std::string> errs = cfg.kube.remove(result.created);
  cfg.kube.settle();
  if (errs.empty())
    return std::nullopt;
  std::string list;
  for (const std::string& x : errs) list += (list.empty() ? "" : ", ") + x;
  return Error(original.kind(), "an error occurred while cleaning up resources. original " +
                                    operation + " error: " + std::string(original.what()) +
                                    ": unable to cleanup resources: " + list);
}

}  // namespace capstan::release
