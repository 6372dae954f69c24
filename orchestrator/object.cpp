// Object helpers (see object.h).
#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {
const Value& empty_map() {
  static const Value kEmpty = Value::empty_map();
  return kEmpty;
}
bool is_empty(const Value* v) {
  return v == nullptr || v->is_null() || ((v->is_map() || v->is_list()) && v->size() == 0);
}
}  // namespace

std::string meta_field(const Value& object, std::string_view field) {
  const Value* m = object.find("metadata");
  return m == nullptr ? std::string() : m->get_string(field);
}

Value& metadata(Value& object) {
  Value& m = object["metadata"];
  if (!m.is_map()) m = Value::empty_map();
  return m;
}

const Value& labels_of(const Value& object) {
  const Value* v = at(object, {"metadata", "labels"});
  return v != nullptr && v->is_map() ? *v : empty_map();
}

const Value& annotations_of(const Value& object) {
  const Value* v = at(object, {"metadata", "annotations"});
  return v != nullptr && v->is_map() ? *v : empty_map();
}

std::string annotation(const Value& object, std::string_view key) {
  return annotations_of(object).get_string(key);
}

void set_annotation(Value& object, std::string_view key, std::string_view value) {
  Value& a = metadata(object)["annotations"];
  if (!a.is_map()) a = Value::empty_map();
  a.set(key, Value(value));
}

bool has_deletion_timestamp(const Value& object) {
  const Value* v = at(object, {"metadata", "deletionTimestamp"});
  return v != nullptr && !v->is_null();
}

const Value* at(const Value& v, std::initializer_list<std::string_view> path) {
  const Value* cur = &v;
  for (std::string_view step : path) {
    cur = cur->find(step);
    if (cur == nullptr) return nullptr;
  }
  return cur;
}

std::int64_t int_at(const Value& v, std::initializer_list<std::string_view> path, std::int64_t fallback) {
  const Value* x = at(v, path);
  return x != nullptr && x->is_number() ? x->integer_value() : fallback;
}

std::string string_at(const Value& v, std::initializer_list<std::string_view> path,
                      std::string_view fallback) {
  const Value* x = at(v, path);
  return x != nullptr && x->is_string() ? x->as_string() : std::string(fallback);
}

bool bool_at(const Value& v, std::initializer_list<std::string_view> path, bool fallback) {
  const Value* x = at(v, path);
  return x != nullptr && x->is_bool() ? x->as_bool() : fallback;
}

std::optional<Seconds> time_at(const Value& v, std::initializer_list<std::string_view> path) {
  const Value* x = at(v, path);
  if (x == nullptr || !x->is_string()) return std::nullopt;
  return parse_rfc3339(x->as_string());
}

const std::vector<Value>& list_at(const Value& v, std::initializer_list<std::string_view> path) {
  static const std::vector<Value> kEmpty;
  const Value* x = at(v, path);
  return x != nullptr && x->is_list() ? x->list().items : kEmpty;
}

bool semantic_equal(const Value& a, const Value& b) {
  if (is_empty(&a) && is_empty(&b)) return true;
  if (a.is_map() && b.is_map()) {
    for (const auto& [k, v] : a.map().entries) {
      const Value* w = b.find(k);
      if (w == nullptr ? !is_empty(&v) : !semantic_equal(v, *w)) return false;
    }
    for (const auto& [k, w] : b.map().entries) {
      if (a.find(k) == nullptr && !is_empty(&w)) return false;
    }
    return true;
  }
  if (a.is_list() && b.is_list()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!semantic_equal(a.list().items[i], b.list().items[i])) return false;
    }
    return true;
  }
  return a == b;
}

Value prune_empty(const Value& v) {
  if (v.is_map()) {
    Value out = Value::empty_map();
    for (const auto& [k, x] : v.map().entries) {
      Value p = prune_empty(x);
      if (!is_empty(&p)) out.set(k, std::move(p));
    }
    return out;
  }
  if (v.is_list()) {
    Value out = Value::empty_list();
    for (const Value& x : v.list().items) out.push_back(prune_empty(x));
    return out;
  }
  return v;
}

const Value* controller_ref(const Value& object) {
  for (const Value& ref : list_at(object, {"metadata", "ownerReferences"})) {
    if (bool_at(ref, {"controller"})) return &ref;
  }
  return nullptr;
}

Value owner_reference(const Value& owner, bool controller) {
  Value ref = Value::map_of({{"apiVersion", Value(owner.get_string("apiVersion"))},
                             {"kind", Value(owner.get_string("kind"))},
                             {"name", Value(name_of(owner))},
                             {"uid", Value(uid_of(owner))}});
  if (controller) {
    ref.set("controller", true);
    ref.set("blockOwnerDeletion", true);
  }
  return ref;
}

bool is_controlled_by(const Value& object, const Value& owner) {
  const Value* ref = controller_ref(object);
  return ref != nullptr && ref->get_string("uid") == uid_of(owner);
}

const Value* condition(const Value& object, std::string_view type) {
  for (const Value& c : list_at(object, {"status", "conditions"})) {
    if (c.get_string("type") == type) return &c;
  }
  return nullptr;
}

bool pod_ready(const Value& pod) {
  const Value* c = condition(pod, "Ready");
  return c != nullptr && c->get_string("status") == "True";
}

bool pod_active(const Value& pod) {
  const std::string phase = string_at(pod, {"status", "phase"});
  return phase != "Succeeded" && phase != "Failed" && !has_deletion_timestamp(pod);
}

bool pod_available(const Value& pod, std::int64_t min_ready_seconds, Seconds now) {
  if (!pod_ready(pod)) return false;
  if (min_ready_seconds == 0) return true;
  const Value* c = condition(pod, "Ready");
  const std::optional<Seconds> since = time_at(*c, {"lastTransitionTime"});
  return since.has_value() && *since + min_ready_seconds < now;
}

}  // namespace capstan::orchestrator
