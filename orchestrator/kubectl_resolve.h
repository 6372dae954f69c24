// Shared by the kubectl commands: turning kubectl's resource arguments into types and names,
// fetching what they name, and kubectl's two kinds of error text ("error: ..." for the
// client's own complaints, "Error from server (Reason): ..." for the API's).
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "orchestrator/client.h"
#include "orchestrator/kubectl.h"

namespace capstan::orchestrator::kubectl {

// A complaint kubectl makes itself, printed as "error: <message>".
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ErrorKind::BadRequest, message) {}
};

struct Request {
  const ResourceType* type;
  std::vector<std::string> names;  // empty: list (by selector)
};

// "pods", "pod,rs,deploy" + names, "deployment/echo"..., "all". Throws UsageError.
std::vector<Request> parse_args(const Registry& registry, const std::vector<std::string>& args,
                                const char* verb);

struct Fetched {
  const ResourceType* type;
  std::vector<Value> objects;
};

// Fetches every request; objects that are not found become error lines in `err`.
std::vector<Fetched> fetch(Client& client, const Target& target, const std::vector<Request>& requests,
                           std::string& err, bool& failed);

// "deployment.apps/echo"
std::string kind_name(const ResourceType& type, const Value& object);
// The ResourceType of an object by apiVersion/kind, throwing kubectl's mapping error.
const ResourceType& type_of(const Client& client, const Value& object);

}  // namespace capstan::orchestrator::kubectl
