// Applying a release's objects to the cluster the way Helm 3 does.
#include "release/kube.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"
#include "release/merge_patch.h"
#include "release/strategic_merge.h"

namespace capstan::release {

namespace {

std::string map_string(const Value& object, std::string_view field, std::string_view key,
                       bool& found) {
  const Value* m = object.find_path({"metadata", field});
  const Value* v = m != nullptr && m->is_map() ? m->find(key) : nullptr;
  found = v != nullptr;
  return v != nullptr && v->is_string() ? v->as_string() : "";
}

void require_value(const Value& object, std::string_view field, std::string_view key,
                   const std::string& want, const char* what, std::vector<std::string>& errs) {
  bool found = false;
  const std::string actual = map_string(object, field, key, found);
  if (!found) {
    errs.push_back(std::string(what) + " validation error: missing key \"" + std::string(key) +
                   "\": must be set to \"" + want + "\"");
  } else if (actual != want) {
    errs.push_back(std::string(what) + " validation error: key \"" + std::string(key) +
                   "\" must equal \"" + want + "\": current value is \"" + actual + "\"");
  }
}

std::string multierror(const std::vector<std::string>& errs) {
  std::string out = errs.size() == 1 ? "1 error occurred:\n"
                                     : std::to_string(errs.size()) + " errors occurred:\n";
  for (const std::string& e : errs) out += "\t* " + e + "\n";
  return out + "\n";
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(sep) : "") + parts[i];
  return out;
}

const Resource* find_same(const std::vector<Resource>& list, const Resource& r) {
  for (const Resource& x : list) {
    if (x.same_object(r)) return &x;
  }
  return nullptr;
}

}  // namespace

ObjectKey key_of(const Resource& resource) {
  return {resource.api_version, resource.kind, resource.ns, resource.name};
}

void set_ownership_metadata(std::vector<Resource>& resources, const std::string& release_name,
                            const std::string& release_namespace) {
  for (Resource& r : resources) {
    Value& metadata = r.object["metadata"];
    Value& labels = metadata["labels"];
    if (!labels.is_map()) labels = Value::empty_map();
    labels.set(kManagedByLabel, kManagedByHelm);
    Value& annotations = metadata["annotations"];
    if (!annotations.is_map()) annotations = Value::empty_map();
    annotations.set(kReleaseNameAnnotation, release_name);
    annotations.set(kReleaseNamespaceAnnotation, release_namespace);
  }
}

std::string ownership_error(const Value& object, const std::string& release_name,
                            const std::string& release_namespace) {
  std::vector<std::string> errs;
  require_value(object, "labels", kManagedByLabel, kManagedByHelm, "label", errs);
  require_value(object, "annotations", kReleaseNameAnnotation, release_name, "annotation", errs);
  require_value(object, "annotations", kReleaseNamespaceAnnotation, release_namespace,
                "annotation", errs);
  if (errs.empty()) return "";
  return "invalid ownership metadata; " + join(errs, "; ");
}

bool keep_policy(const Value& object, bool normalize) {
  bool found = false;
  std::string policy = map_string(object, "annotations", kResourcePolicyAnnotation, found);
  if (normalize) {
    while (!policy.empty() && std::isspace(static_cast<unsigned char>(policy.back()))) {
      policy.pop_back();
    }
    std::size_t start = 0;
    while (start < policy.size() && std::isspace(static_cast<unsigned char>(policy[start]))) {
      ++start;
    }
    policy.erase(0, start);
    for (char& c : policy) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return found && policy == "keep";
}

std::vector<Resource> KubeClient::existing_resource_conflict(
    const std::vector<Resource>& resources, const std::string& release_name,
    const std::string& release_namespace) {
  std::vector<Resource> adopt;
  for (const Resource& r : resources) {
    const std::optional<Value> live = cluster_.get(key_of(r));
    if (!live) continue;
    const std::string err = ownership_error(*live, release_name, release_namespace);
    if (!err.empty()) {
      throw Error(ErrorKind::Conflict,
                  r.describe() + " exists and cannot be imported into the current release: " + err);
    }
    adopt.push_back(r);
  }
  return adopt;
}

std::vector<Resource> KubeClient::require_adoption(const std::vector<Resource>& resources) {
  std::vector<Resource> adopt;
  for (const Resource& r : resources) {
    if (cluster_.get(key_of(r))) adopt.push_back(r);
  }
  return adopt;
}

void KubeClient::create(const std::vector<Resource>& resources) {
  std::vector<std::string> errs;
  for (const Resource& r : resources) {
    try {
      cluster_.create(r.object);
    } catch (const Error& e) {
      errs.push_back(e.what());
    }
  }
  if (!errs.empty()) throw Error(ErrorKind::Invalid, multierror(errs));
}

Value KubeClient::updated_object(const Resource& target, const Value& original, const Value& live,
                                 const UpdateOptions& options) {
  if (options.force) {
    Value replacement = target.object.deep_copy();
    const Value* rv = live.find_path({"metadata", "resourceVersion"});
    if (rv != nullptr) replacement["metadata"].set("resourceVersion", *rv);
    return replacement;
  }
  try {
    if (strategic_kind(target.api_version, target.kind)) {
      return three_way_strategic_merge(original, target.object, live);
    }
    if (options.three_way_for_custom) {
      return apply_merge_patch(live, three_way_merge_patch(original, target.object, live));
    }
    // jsonpatch.CreateMergePatch(original, target): the live object only as the base.
    const Value empty = Value::empty_map();
    return apply_merge_patch(live, create_merge_patch(original.is_map() ? original : empty,
                                                      target.object));
  } catch (const Error& e) {
    throw Error(e.kind(), std::string("failed to create patch: ") + e.what());
  }
}

void KubeClient::update(const std::vector<Resource>& original, const std::vector<Resource>& target,
                        UpdateResult& result, const UpdateOptions& options) {
  std::vector<std::string> update_errors;
  for (const Resource& r : target) {
    const std::optional<Value> live = cluster_.get(key_of(r));
    if (!live) {
      result.created.push_back(r);
      try {
        cluster_.create(r.object);
      } catch (const Error& e) {
        throw Error(e.kind(), std::string("failed to create resource: ") + e.what());
      }
      continue;
    }
    const Resource* before = find_same(original, r);
    if (before == nullptr) {
      throw Error(ErrorKind::NotFound, "no " + r.kind + " with the name \"" + r.name + "\" found");
    }
    try {
      const Value next = updated_object(r, before->object, *live, options);
      if (!(next == *live)) {
        try {
          cluster_.update(next);
        } catch (const Error& e) {
          if (options.force) {
            throw Error(e.kind(), std::string("failed to replace object: ") + e.what());
          }
          throw Error(e.kind(), "cannot patch \"" + r.name + "\" with kind " + r.kind + ": " +
                                    e.what());
        }
      }
    } catch (const Error& e) {
      update_errors.push_back(e.what());
    }
    result.updated.push_back(r);
  }
  if (!update_errors.empty()) throw Error(ErrorKind::Invalid, join(update_errors, " && "));

  for (const Resource& old : original) {
    if (find_same(target, old) != nullptr) continue;
    const std::optional<Value> live = cluster_.get(key_of(old));
    if (!live || keep_policy(*live)) continue;
    try {
      cluster_.remove(key_of(old));
      result.deleted.push_back(old);
    } catch (const Error&) {
      // Helm logs "Failed to delete" and carries on.
    }
  }
}

std::vector<std::string> KubeClient::remove(const std::vector<Resource>& resources,
                                            Propagation propagation) {
  std::vector<std::string> errs;
  for (const Resource& r : resources) {
    try {
      cluster_.remove(key_of(r), propagation);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::NotFound) errs.push_back(e.what());
    }
  }
  return errs;
}

}  // namespace capstan::release
