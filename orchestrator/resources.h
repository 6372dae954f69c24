// The resource registry: which kinds exist, their REST names (plural, singular, short names),
// API group and versions, and whether they are namespaced. kubectl-style lookups ("deploy",
// "pods", "deployment.apps", "Deployment") and the API server's kind lookup both go through it.
// Built-in types are fixed; CustomResourceDefinitions add types at run time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capstan {
class Value;
}

namespace capstan::orchestrator {

struct ResourceType {
  std::string kind;                      // "Deployment"
  std::string resource;                  // "deployments"
  std::string singular;                  // "deployment"
  std::string group;                     // "" for the core group
  std::vector<std::string> versions;     // served versions, preferred first
  bool namespaced = true;
  std::vector<std::string> short_names;  // "deploy"
  std::vector<std::string> categories;   // "all"
  bool status_subresource = false;  // writes to the main resource keep .status, and back
  bool tracks_generation = false;   // metadata.generation is maintained (bumped on spec change)
  bool custom = false;              // declared by a CustomResourceDefinition

  std::string api_version() const;         // preferred: "v1", "apps/v1"
  std::string qualified_resource() const;  // "pods", "deployments.apps" (error messages)
  std::string qualified_kind() const;      // "Pod", "Deployment.apps" (Invalid errors)
  std::string kind_prefix() const;         // "pod", "deployment.apps" (kubectl's kind/name)
  bool serves(std::string_view api_version) const;
};

class Registry {
 public:
  Registry();  // the built-in types, in kubectl's discovery order

  // kubectl's resource argument: plural, singular, short name or kind, any case, optionally
  // qualified by group or version.group ("deployments.v1.apps"). nullptr when unknown.
  const ResourceType* lookup(std::string_view name) const;
  // By apiVersion and kind, as the API server maps a manifest. nullptr when not served.
  const ResourceType* by_kind(std::string_view api_version, std::string_view kind) const;
  // By kind alone (first match), for owner references and events.
  const ResourceType* by_kind(std::string_view kind) const;
  // Types in a category ("all"), in registry order.
  std::vector<const ResourceType*> category(std::string_view name) const;
  std::vector<const ResourceType*> all() const;

  // Registers (or replaces) the type a CustomResourceDefinition object declares; false when
  // the object is not a usable CRD.
  bool add_custom(const Value& crd);
  void remove_custom(std::string_view group, std::string_view resource);

 private:
  // unique_ptr keeps lookups stable while CRDs come and go.
  std::vector<std::unique_ptr<ResourceType>> types_;
};

}  // namespace capstan::orchestrator
