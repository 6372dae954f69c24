// kubectl apply (client-side: last-applied-configuration annotation and three-way merge) and
// kubectl delete (by name, by manifest, by label selector).
#include "core/json.h"
#include "core/strconv.h"
#include "orchestrator/kubectl.h"
#include "orchestrator/kubectl_resolve.h"
#include "orchestrator/labels.h"
#include "orchestrator/object.h"
#include "orchestrator/strategic_merge.h"

namespace capstan::orchestrator::kubectl {

namespace {

constexpr const char* kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

// GetModifiedConfiguration: the manifest serialized without the annotation (leaving an empty
// annotations map, as kubectl does), then stored in it. runtime.Encode ends with a newline.
Value with_last_applied(Value object) {
  Value& meta = metadata(object);
  Value annotations = meta.find("annotations") && meta.find("annotations")->is_map()
                          ? meta.find("annotations")->deep_copy()
                          : Value::empty_map();
  annotations.erase(kLastApplied);
  meta.set("annotations", annotations);
  const std::string serialized = json::encode(object) + "\n";
  annotations.set(kLastApplied, Value(serialized));
  meta.set("annotations", annotations);
  return object;
}

}  // namespace

Output apply(Client& client, const std::vector<Value>& manifests, const ApplyOptions& options) {
  Output result;
  for (const Value& manifest : manifests) {
    try {
      Value object = manifest.deep_copy();
      const ResourceType& type = type_of(client, object);
      if (type.namespaced && namespace_of(object).empty()) metadata(object).set("namespace", Value(options.ns));
      if (!options.change_cause.empty()) set_annotation(object, "kubernetes.io/change-cause", options.change_cause);
      object = with_last_applied(std::move(object));
      const std::optional<Value> live =
          client.get(type.api_version(), type.kind, namespace_of(object), name_of(object));
      if (!live) {
        client.create(object);
        result.out += kind_name(type, object) + " created\n";
        continue;
      }
      Value original;
      const std::string last = annotation(*live, kLastApplied);
      if (!last.empty()) {
        json::DecodeOptions o;
        o.numbers = json::Numbers::Typed;
        try {
          original = json::decode(last, o);
        } catch (const Error&) {
          original = Value();
        }
      }
      Value merged = three_way_merge(original, object, *live, !type.custom);
      if (merged == *live) {
        result.out += kind_name(type, object) + " unchanged\n";
        continue;
      }
      client.update(merged);
      result.out += kind_name(type, object) + " configured\n";
    } catch (const Error& e) {
      result.err += error_text(e);
      result.exit_code = 1;
    }
  }
  return result;
}

Output delete_objects(Client& client, const DeleteOptions& options) {
  Output result;
  struct Victim {
    const ResourceType* type;
    std::string ns, name;
  };
  std::vector<Victim> victims;
  bool ignore_not_found = options.ignore_not_found;
  try {
    if (!options.manifests.empty()) {
      for (const Value& m : options.manifests) {
        const ResourceType& type = type_of(client, m);
        const std::string ns = type.namespaced ? (namespace_of(m).empty() ? options.ns : namespace_of(m)) : "";
        victims.push_back({&type, ns, name_of(m)});
      }
    } else {
      const std::vector<Request> requests = parse_args(client.registry(), options.args, "delete");
      bool names_given = false;
      for (const Request& r : requests) names_given = names_given || !r.names.empty();
      if (!names_given && options.selector.empty()) {
        throw UsageError("resource(s) were provided, but no name was specified");
      }
      if (!names_given) ignore_not_found = true;  // kubectl: implied by a selector
      for (const Request& r : requests) {
        if (r.names.empty()) {
          std::optional<std::string_view> ns;
          if (r.type->namespaced && !options.all_namespaces) ns = options.ns;
          for (const Value& o : client.list(r.type->api_version(), r.type->kind, ns, options.selector)) {
            victims.push_back({r.type, namespace_of(o), name_of(o)});
          }
        } else {
          for (const std::string& n : r.names) victims.push_back({r.type, r.type->namespaced ? options.ns : "", n});
        }
      }
    }
  } catch (const Error& e) {
    result.err = error_text(e);
    result.exit_code = 1;
    return result;
  }
  bool any = false;
  for (const Victim& v : victims) {
    try {
      client.remove(v.type->api_version(), v.type->kind, v.ns, v.name, options.propagation);
      result.out += v.type->kind_prefix() + " " + strconv::quote(v.name) + " deleted\n";
      any = true;
      if (options.wait) client.settle();
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::NotFound && ignore_not_found) continue;
      result.err += error_text(e);
      result.exit_code = 1;
    }
  }
  if (!any && victims.empty() && result.exit_code == 0 && options.manifests.empty()) {
    result.err += options.all_namespaces ? "No resources found\n" : "No resources found in " + options.ns + " namespace.\n";
  }
  return result;
}

}  // namespace capstan::orchestrator::kubectl
