// Resource argument resolution and error text for the kubectl commands.
#include "orchestrator/kubectl_resolve.h"

#include "core/strconv.h"
#include "orchestrator/object.h"
#include "orchestrator/validation.h"

namespace capstan::orchestrator::kubectl {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at_sep = s.find(sep, start);
    out.push_back(s.substr(start, at_sep - start));
    if (at_sep == std::string::npos) return out;
    start = at_sep + 1;
  }
}

const ResourceType* lookup(const Registry& registry, const std::string& name) {
  const ResourceType* t = registry.lookup(name);
  if (t == nullptr) throw UsageError("the server doesn't have a resource type " + strconv::quote(name));
  return t;
}

}  // namespace

std::string error_text(const Error& error) {
  if (dynamic_cast<const UsageError*>(&error) != nullptr) return "error: " + std::string(error.what()) + "\n";
  const std::string message = error.what();
  switch (error.kind()) {
    case ErrorKind::Invalid:
      if (const auto* invalid = dynamic_cast<const InvalidError*>(&error)) {
        // kubectl: "The <Kind> \"<name>\" is invalid: " and one cause, or a list of them.
        const std::string head = "The " + invalid->kind() + " " + strconv::quote(invalid->name()) + " is invalid: ";
        if (invalid->causes().size() == 1) return head + invalid->causes()[0] + "\n";
        std::string out = head + "\n";
        for (const std::string& c : invalid->causes()) out += "* " + c + "\n";
        return out;
      }
      break;
    case ErrorKind::NotFound: return "Error from server (NotFound): " + message + "\n";
    case ErrorKind::AlreadyExists: return "Error from server (AlreadyExists): " + message + "\n";
    case ErrorKind::Conflict: return "Error from server (Conflict): " + message + "\n";
    case ErrorKind::Forbidden: return "Error from server (Forbidden): " + message + "\n";
    case ErrorKind::BadRequest: return "Error from server (BadRequest): " + message + "\n";
    default: break;
  }
  return "error: " + message + "\n";
}

std::vector<Request> parse_args(const Registry& registry, const std::vector<std::string>& args, const char* verb) {
  if (args.empty()) {
    throw UsageError(std::string("You must specify the type of resource to ") + verb +
                     ". Use \"kubectl api-resources\" for a complete list of supported resources.");
  }
  std::vector<Request> out;
  if (args[0].find('/') != std::string::npos) {
    for (const std::string& a : args) {
      const std::size_t slash = a.find('/');
      if (slash == std::string::npos) {
        throw UsageError("there is no need to specify a resource type as a separate argument when passing "
                         "arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead "
                         "of 'kubectl get resource resource/<resource_name>'");
      }
      const ResourceType* t = lookup(registry, a.substr(0, slash));
      if (!out.empty() && out.back().type == t) {
        out.back().names.push_back(a.substr(slash + 1));
      } else {
        out.push_back({t, {a.substr(slash + 1)}});
      }
    }
    return out;
  }
  for (const std::string& name : split(args[0], ',')) {
    if (name == "all") {
      for (const ResourceType* t : registry.category("all")) out.push_back({t, {}});
      continue;
    }
    out.push_back({lookup(registry, name), {}});
  }
  if (args.size() > 1) {
    if (out.size() > 1) throw UsageError("arguments in resource/name form must have a single resource and name");
    out[0].names.assign(args.begin() + 1, args.end());
  }
  return out;
}

std::vector<Fetched> fetch(Client& client, const Target& target, const std::vector<Request>& requests,
                           std::string& err, bool& failed) {
  std::vector<Fetched> out;
  for (const Request& r : requests) {
    Fetched f{r.type, {}};
    const std::string api_version = r.type->api_version();
    if (r.names.empty()) {
      std::optional<std::string_view> ns;
      if (r.type->namespaced && !target.all_namespaces) ns = target.ns;
      f.objects = client.list(api_version, r.type->kind, ns, target.selector);
    } else {
      for (const std::string& name : r.names) {
        std::optional<Value> o = client.get(api_version, r.type->kind, target.ns, name);
        if (o) {
          f.objects.push_back(std::move(*o));
        } else {
          err += "Error from server (NotFound): " + r.type->qualified_resource() + " " + strconv::quote(name) + " not found\n";
          failed = true;
        }
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string kind_name(const ResourceType& type, const Value& object) { return type.kind_prefix() + "/" + name_of(object); }

const ResourceType& type_of(const Client& client, const Value& object) {
  const ResourceType* t = client.registry().by_kind(object.get_string("apiVersion"), object.get_string("kind"));
  if (t == nullptr) {
    throw UsageError("resource mapping not found for name: " + strconv::quote(name_of(object)) + " namespace: " +
                     strconv::quote(namespace_of(object)) + ": no matches for kind " +
                     strconv::quote(object.get_string("kind")) + " in version " +
                     strconv::quote(object.get_string("apiVersion")) + "\nensure CRDs are installed first");
  }
  return *t;
}

}  // namespace capstan::orchestrator::kubectl
