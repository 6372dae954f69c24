// API server storage semantics (see apiserver.h).
#include "orchestrator/apiserver.h"

#include "core/error.h"
#include "core/strconv.h"
#include "orchestrator/defaults.h"
#include "orchestrator/object.h"
#include "orchestrator/quantity.h"
#include "orchestrator/service_alloc.h"
#include "orchestrator/validate.h"

namespace capstan::orchestrator {

namespace {

// Namespaces that always exist and cannot be deleted (NamespaceLifecycle).
bool immortal_namespace(const std::string& ns) {
  return ns == "default" || ns == "kube-system" || ns == "kube-public";
}

Error not_found(const ResourceType& type, std::string_view name) {
  return Error(ErrorKind::NotFound, type.qualified_resource() + " " + strconv::quote(name) + " not found");
}

Error conflict(const ResourceType& type, std::string_view name) {
  return Error(ErrorKind::Conflict, "Operation cannot be fulfilled on " + type.qualified_resource() +
                                        " " + strconv::quote(name) +
                                        ": the object has been modified; please apply your changes "
                                        "to the latest version and try again");
}

// What generation tracks: everything but metadata, and status when it is a subresource.
Value generation_view(const ResourceType& type, const Value& object) {
  Value v = object.deep_copy();
  v.erase("metadata");
  if (type.status_subresource || !type.group.empty()) v.erase("status");
  return v;
}

// Equal apart from the bookkeeping an update itself changes.
bool same_object(const Value& a, const Value& b) {
  Value x = a.deep_copy(), y = b.deep_copy();
  for (Value* v : {&x, &y}) {
    if (Value* m = v->find("metadata"); m != nullptr && m->is_map()) {
      m->erase("resourceVersion");
      m->erase("managedFields");
    }
  }
  return x == y;
}

}  // namespace

std::string pod_qos_class(const Value& pod) {
  bool any = false, guaranteed = true;
  for (const char* list : {"containers", "initContainers"}) {
    for (const Value& c : list_at(pod, {"spec", list})) {
      const Value* req = at(c, {"resources", "requests"});
      const Value* lim = at(c, {"resources", "limits"});
      if ((req && req->size() > 0) || (lim && lim->size() > 0)) any = true;
      for (const char* r : {"cpu", "memory"}) {
        const Value* l = lim ? lim->find(r) : nullptr;
        const Value* q = req ? req->find(r) : nullptr;
        if (l == nullptr) {
          guaranteed = false;
        } else if (q != nullptr) {
          const auto lq = quantity_of(*l), qq = quantity_of(*q);
          if (!lq || !qq || lq->milli != qq->milli) guaranteed = false;
        }
      }
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

const ResourceType& ApiServer::resolve(const Value& object) const {
  const std::string api_version = object.get_string("apiVersion");
  const std::string kind = object.get_string("kind");
  if (kind.empty()) throw Error(ErrorKind::BadRequest, "Object 'Kind' is missing in object");
  const ResourceType* type = registry_.by_kind(api_version, kind);
  if (type == nullptr) {
    throw Error(ErrorKind::NotFound,
                "no matches for kind " + strconv::quote(kind) + " in version " + strconv::quote(api_version));
  }
  return *type;
}

std::optional<Value> ApiServer::get(const ResourceType& type, std::string_view ns, std::string_view name) {
  return store_.get(type.qualified_resource(), type.namespaced ? ns : "", name);
}

Value ApiServer::get_existing(const ResourceType& type, std::string_view ns, std::string_view name) {
  std::optional<Value> v = get(type, ns, name);
  if (!v) throw not_found(type, name);
  return std::move(*v);
}

std::vector<Value> ApiServer::list(const ResourceType& type, std::optional<std::string_view> ns,
                                   const Selector* selector) {
  const std::optional<std::string_view> scope = type.namespaced ? ns : std::nullopt;
  if (selector == nullptr) return store_.list(type.qualified_resource(), scope);
  return store_.list_if(type.qualified_resource(), scope,
                        [selector](const Value& v) { return selector->matches(labels_of(v)); });
}

std::vector<Value> ApiServer::list_if(const ResourceType& type, std::optional<std::string_view> ns,
                                      const std::function<bool(const Value&)>& keep) {
  return store_.list_if(type.qualified_resource(), type.namespaced ? ns : std::nullopt, keep);
}

void ApiServer::scan(const ResourceType& type, std::optional<std::string_view> ns,
                     const std::function<void(const Value&)>& visit) {
  store_.list_if(type.qualified_resource(), type.namespaced ? ns : std::nullopt, [&](const Value& v) {
    visit(v);
    return false;
  });
}

void ApiServer::put(const ResourceType& type, Value& object) {
  metadata(object).set("resourceVersion", Value(std::to_string(store_.next_resource_version())));
  store_.put(type.qualified_resource(), object);
  ++writes_;
}

void ApiServer::check_namespace(const ResourceType& type, const std::string& ns, const std::string& name) {
  const ResourceType* ns_type = registry_.by_kind("v1", "Namespace");
  const std::optional<Value> namespace_object = store_.get(ns_type->qualified_resource(), "", ns);
  if (!namespace_object) throw not_found(*ns_type, ns);
  if (has_deletion_timestamp(*namespace_object)) {
    throw Error(ErrorKind::Forbidden, type.qualified_resource() + " " + strconv::quote(name) +
                                          " is forbidden: unable to create new content in namespace " +
                                          ns + " because it is being terminated");
  }
}

void ApiServer::check_service_account(const Value& pod, const std::string& display_name) {
  const std::string sa = string_at(pod, {"spec", "serviceAccountName"});
  const std::string ns = namespace_of(pod);
  const ResourceType* sa_type = registry_.by_kind("v1", "ServiceAccount");
  if (sa.empty() || store_.get(sa_type->qualified_resource(), ns, sa)) return;
  throw Error(ErrorKind::Forbidden, "pods " + strconv::quote(display_name) +
                                        " is forbidden: error looking up service account " + ns +
                                        "/" + sa + ": serviceaccount " + strconv::quote(sa) +
                                        " not found");
}

void ApiServer::prepare_status_on_create(const ResourceType& type, Value& object) {
  if (type.kind == "Node" && type.group.empty()) return;  // nodes register with their status
  if (type.kind == "Pod" && type.group.empty()) {
    object.set("status", Value::map_of({{"phase", "Pending"}, {"qosClass", Value(pod_qos_class(object))}}));
  } else if (type.kind == "Namespace" && type.group.empty()) {
    object.set("status", Value::map_of({{"phase", "Active"}}));
  } else if (type.kind == "Service" && type.group.empty()) {
    object.set("status", Value::map_of({{"loadBalancer", Value::empty_map()}}));
  } else if (type.custom) {
    if (type.status_subresource) object.erase("status");  // custom resources: only via /status
  } else if (type.status_subresource) {
    object.set("status", Value::empty_map());
  }
}

Value ApiServer::create(Value object, std::string_view default_namespace) {
  const ResourceType& type = resolve(object);
  Value& meta = metadata(object);
  std::string ns;
  if (type.namespaced) {
    ns = meta.get_string("namespace");
    if (ns.empty()) ns = std::string(default_namespace);
    meta.set("namespace", Value(ns));
  } else {
    meta.erase("namespace");
  }
  std::string name = meta.get_string("name");
  const std::string generate_name = meta.get_string("generateName");
  const std::string display_name = name.empty() ? generate_name : name;
  if (type.namespaced) check_namespace(type, ns, display_name);
  apply_defaults(type, object);
  if (type.kind == "Pod" && type.group.empty()) check_service_account(object, display_name);
  if (name.empty() && !generate_name.empty()) {
    // names.SimpleNameGenerator: base truncated to 58 characters, then 5 random ones.
    const std::string base = generate_name.substr(0, std::min<std::size_t>(generate_name.size(), 58));
    for (int attempt = 0; attempt < 16; ++attempt) {
      name = base + random_string(random_, 5);
      if (!get(type, ns, name)) break;
    }
    meta.set("name", Value(name));
  }
  bool uid_assigned = false;
  if (type.kind == "Job" && type.group == "batch" && !bool_at(object, {"spec", "manualSelector"})) {
    // The Job strategy's generateSelector: the job's uid (given now) selects its pods.
    meta.set("uid", Value(new_uid(random_)));
    uid_assigned = true;
    const std::string uid = meta.get_string("uid");
    Value& spec = object["spec"];
    Value& tmeta = spec["template"]["metadata"];
    if (!tmeta.is_map()) tmeta = Value::empty_map();
    Value& tlabels = tmeta["labels"];
    if (!tlabels.is_map()) tlabels = Value::empty_map();
    tlabels.set("batch.kubernetes.io/controller-uid", Value(uid));
    tlabels.set("batch.kubernetes.io/job-name", Value(name));
    tlabels.set("controller-uid", Value(uid));
    tlabels.set("job-name", Value(name));
    spec.set("selector", Value::map_of({{"matchLabels", Value::map_of({{"batch.kubernetes.io/controller-uid", Value(uid)}})}}));
  }
  if (std::vector<FieldError> errs = validate_object(type, object); !errs.empty()) {
    throw invalid_error(type.qualified_kind(), display_name, errs);
  }
  if (get(type, ns, name)) {
    throw Error(ErrorKind::AlreadyExists, type.qualified_resource() + " " + strconv::quote(name) + " already exists");
  }
  if (type.kind == "Service" && type.group.empty()) {
    std::vector<Value> others = store_.list(type.qualified_resource(), std::nullopt);
    allocate_service(object, nullptr, others, random_);
  }
  if (!uid_assigned) meta.set("uid", Value(new_uid(random_)));
  meta.set("creationTimestamp", Value(format_rfc3339(clock_.now())));
  meta.erase("deletionTimestamp");
  meta.erase("deletionGracePeriodSeconds");
  if (type.tracks_generation) {
    meta.set("generation", Value::integer(1));
  } else {
    meta.erase("generation");
  }
  prepare_status_on_create(type, object);
  put(type, object);
  if (type.kind == "CustomResourceDefinition") registry_.add_custom(object);
  if (type.kind == "Namespace" && type.group.empty()) {
    // The service account controller's "default" account, created with the namespace so pods
    // can be admitted straight away.
    create(Value::map_of({{"apiVersion", "v1"},
                          {"kind", "ServiceAccount"},
                          {"metadata", Value::map_of({{"name", "default"}, {"namespace", Value(name)}})}}));
  }
  return object;
}

Value ApiServer::update(Value object) {
  const ResourceType& type = resolve(object);
  Value& meta = metadata(object);
  const std::string ns = type.namespaced ? meta.get_string("namespace", "default") : "";
  const std::string name = meta.get_string("name");
  if (type.namespaced) {
    meta.set("namespace", Value(ns));
  } else {
    meta.erase("namespace");
  }
  const Value old = get_existing(type, ns, name);
  const std::string rv = meta.get_string("resourceVersion");
  if (!rv.empty() && rv != meta_field(old, "resourceVersion")) throw conflict(type, name);
  // Server-managed metadata is kept whatever the client sent.
  for (const char* field : {"uid", "creationTimestamp", "generation", "deletionTimestamp",
                            "deletionGracePeriodSeconds"}) {
    const Value* v = at(old, {"metadata", field});
    if (v != nullptr) {
      meta.set(field, *v);
    } else {
      meta.erase(field);
    }
  }
  if (type.status_subresource) {
    if (const Value* s = old.find("status")) {
      object.set("status", *s);
    } else {
      object.erase("status");
    }
  }
  apply_defaults(type, object);
  if (type.kind == "Service" && type.group.empty()) {
    std::vector<Value> others;
    for (Value& s : store_.list(type.qualified_resource(), std::nullopt)) {
      if (!(namespace_of(s) == ns && name_of(s) == name)) others.push_back(std::move(s));
    }
    allocate_service(object, &old, others, random_);
  }
  std::vector<FieldError> errs = validate_object(type, object);
  for (FieldError& e : validate_update(type, old, object)) errs.push_back(std::move(e));
  if (!errs.empty()) throw invalid_error(type.qualified_kind(), name, errs);
  if (type.tracks_generation && !semantic_equal(generation_view(type, old), generation_view(type, object))) {
    meta.set("generation", Value::integer(int_at(old, {"metadata", "generation"}, 1) + 1));
  }
  meta.set("resourceVersion", Value(meta_field(old, "resourceVersion")));
  if (same_object(old, object)) return old;
  // An object being deleted goes once its last finalizer is removed.
  if (has_deletion_timestamp(object) && list_at(object, {"metadata", "finalizers"}).empty()) {
    erase_now(type, ns, name);
    return object;
  }
  put(type, object);
  if (type.kind == "CustomResourceDefinition") registry_.add_custom(object);
  return object;
}

Value ApiServer::update_status(Value object, bool annotations) {
  const ResourceType& type = resolve(object);
  const std::string ns = type.namespaced ? namespace_of(object) : "";
  const std::string name = name_of(object);
  Value stored = get_existing(type, ns, name);
  const std::string rv = meta_field(object, "resourceVersion");
  if (!rv.empty() && rv != meta_field(stored, "resourceVersion")) throw conflict(type, name);
  const Value* status = object.find("status");
  const Value* old_status = stored.find("status");
  const bool same_status =
      (status == nullptr ? Value() : *status) == (old_status == nullptr ? Value() : *old_status);
  const bool same_annotations = !annotations || annotations_of(object) == annotations_of(stored);
  if (same_status && same_annotations) return stored;
  if (annotations) {
    if (annotations_of(object).size() == 0) {
      metadata(stored).erase("annotations");
    } else {
      metadata(stored).set("annotations", annotations_of(object).deep_copy());
    }
  }
  if (status != nullptr) {
    stored.set("status", *status);
  } else {
    stored.erase("status");
  }
  put(type, stored);
  return stored;
}

void ApiServer::orphan_dependents(const std::string& uid) {
  for (const ResourceType* type : registry_.all()) {
    for (Value& dep : store_.list(type->qualified_resource(), std::nullopt)) {
      const auto& refs = list_at(dep, {"metadata", "ownerReferences"});
      Value kept = Value::empty_list();
      for (const Value& r : refs) {
        if (r.get_string("uid") != uid) kept.push_back(r);
      }
      if (kept.size() == refs.size()) continue;
      Value& meta = metadata(dep);
      if (kept.size() == 0) {
        meta.erase("ownerReferences");
      } else {
        meta.set("ownerReferences", kept);
      }
      put(*type, dep);
    }
  }
}

void ApiServer::remove(const ResourceType& type, std::string_view ns_in, std::string_view name,
                       Propagation propagation) {
  const std::string ns = type.namespaced ? std::string(ns_in) : "";
  Value object = get_existing(type, ns, name);
  if (type.kind == "Namespace" && type.group.empty()) {
    if (immortal_namespace(std::string(name))) {
      throw Error(ErrorKind::Forbidden, "namespaces " + strconv::quote(name) +
                                            " is forbidden: this namespace may not be deleted");
    }
    if (has_deletion_timestamp(object)) return;
    // The namespace controller empties it, then removes it (see NamespaceController).
    metadata(object).set("deletionTimestamp", Value(format_rfc3339(clock_.now())));
    object["status"].set("phase", "Terminating");
    put(type, object);
    return;
  }
  if (has_deletion_timestamp(object)) return;
  if (propagation == Propagation::Orphan) orphan_dependents(uid_of(object));
  auto finalizers = list_at(object, {"metadata", "finalizers"});
  if (propagation == Propagation::Foreground) {
    bool present = false;
    for (const Value& f : finalizers) present = present || (f.is_string() && f.as_string() == "foregroundDeletion");
    if (!present) finalizers.push_back(Value("foregroundDeletion"));
  }
  if (finalizers.empty()) {
    erase_now(type, ns, name);
    return;
  }
  Value& meta = metadata(object);
  meta.set("finalizers", Value(List(finalizers)));
  meta.set("deletionTimestamp", Value(format_rfc3339(clock_.now())));
  meta.set("deletionGracePeriodSeconds", Value::integer(0));
  put(type, object);
}

void ApiServer::erase_now(const ResourceType& type, std::string_view ns, std::string_view name) {
  const std::string n = type.namespaced ? std::string(ns) : "";
  if (!get(type, n, name)) return;
  if (type.kind == "CustomResourceDefinition") {
    const std::optional<Value> crd = get(type, n, name);
    const std::string group = string_at(*crd, {"spec", "group"});
    const std::string plural = string_at(*crd, {"spec", "names", "plural"});
    if (const ResourceType* custom = registry_.lookup(plural + "." + group)) {
      for (const Value& cr : store_.list(custom->qualified_resource(), std::nullopt)) {
        store_.erase(custom->qualified_resource(), namespace_of(cr), name_of(cr));
      }
    }
    registry_.remove_custom(group, plural);
  }
  store_.erase(type.qualified_resource(), n, name);
  store_.next_resource_version();
  ++writes_;
}

}  // namespace capstan::orchestrator
