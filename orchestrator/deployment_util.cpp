// Deployment arithmetic and bookkeeping (see deployment_util.h).
#include "orchestrator/deployment_util.h"

#include <algorithm>
#include <charconv>

#include "core/error.h"
#include "core/json.h"
#include "orchestrator/object.h"
#include "orchestrator/random.h"

namespace capstan::orchestrator::deployment {

namespace {

constexpr Int kMaxInt32 = 2147483647;
const std::vector<std::string_view> kAnnotationsToSkip = {
    kLastApplied, kRevision, kRevisionHistory, kDesiredReplicas, kMaxReplicas,
    "deprecated.deployment.rollback.to"};

bool skip_annotation(std::string_view key) {
  return std::find(kAnnotationsToSkip.begin(), kAnnotationsToSkip.end(), key) != kAnnotationsToSkip.end();
}

std::optional<Int> parse_int(std::string_view s) {
  Int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

Seconds created(const Value& o) { return time_at(o, {"metadata", "creationTimestamp"}).value_or(0); }

bool older(const Value& a, const Value& b) {
  if (created(a) != created(b)) return created(a) < created(b);
  return name_of(a) < name_of(b);
}

Value& annotations_map(Value& object) {
  Value& a = metadata(object)["annotations"];
  if (!a.is_map()) a = Value::empty_map();
  return a;
}

}  // namespace

Int scaled_value(const Value& v, Int total, bool round_up) {
  if (v.is_number()) return v.integer_value();
  if (v.is_string()) {
    const std::string& s = v.as_string();
    if (!s.empty() && s.back() == '%') {
      if (auto pct = parse_int(std::string_view(s).substr(0, s.size() - 1))) {
        const Int num = *pct * total;
        return round_up ? (num + 99) / 100 : num / 100;
      }
    }
    throw Error(ErrorKind::Invalid, "invalid value for IntOrString: invalid type: string is not a percentage");
  }
  throw Error(ErrorKind::Invalid, "nil value for IntOrString");
}

Fenceposts resolve_fenceposts(const Value* max_surge, const Value* max_unavailable, Int desired) {
  const Value zero = Value::integer(0);
  Fenceposts f;
  f.surge = scaled_value(max_surge != nullptr && !max_surge->is_null() ? *max_surge : zero, desired, true);
  f.unavailable = scaled_value(
      max_unavailable != nullptr && !max_unavailable->is_null() ? *max_unavailable : zero, desired, false);
  // Validation forbids both being 0, but rounding down can get there: then allow one unavailable.
  if (f.surge == 0 && f.unavailable == 0) f.unavailable = 1;
  return f;
}

Int replicas(const Value& object) { return int_at(object, {"spec", "replicas"}, 1); }

bool is_rolling_update(const Value& d) {
  return string_at(d, {"spec", "strategy", "type"}) == "RollingUpdate";
}

static Fenceposts fenceposts_of(const Value& d) {
  const Value* ru = at(d, {"spec", "strategy", "rollingUpdate"});
  return resolve_fenceposts(ru ? ru->find("maxSurge") : nullptr, ru ? ru->find("maxUnavailable") : nullptr,
                            replicas(d));
}

Int max_unavailable(const Value& d) {
  if (!is_rolling_update(d) || replicas(d) == 0) return 0;
  return std::min(fenceposts_of(d).unavailable, replicas(d));
}

Int max_surge(const Value& d) {
  if (!is_rolling_update(d)) return 0;
  return fenceposts_of(d).surge;
}

Int replica_count(const std::vector<Value>& rss) {
  Int n = 0;
  for (const Value& rs : rss) n += int_at(rs, {"spec", "replicas"}, 1);
  return n;
}
Int actual_count(const std::vector<Value>& rss) {
  Int n = 0;
  for (const Value& rs : rss) n += int_at(rs, {"status", "replicas"});
  return n;
}
Int ready_count(const std::vector<Value>& rss) {
  Int n = 0;
  for (const Value& rs : rss) n += int_at(rs, {"status", "readyReplicas"});
  return n;
}
Int available_count(const std::vector<Value>& rss) {
  Int n = 0;
  for (const Value& rs : rss) n += int_at(rs, {"status", "availableReplicas"});
  return n;
}
std::vector<Value> active(const std::vector<Value>& rss) {
  std::vector<Value> out;
  for (const Value& rs : rss) {
    if (int_at(rs, {"spec", "replicas"}, 1) > 0) out.push_back(rs);
  }
  return out;
}

Int new_rs_new_replicas(const Value& d, const std::vector<Value>& all_rss, const Value& new_rs) {
  const std::string type = string_at(d, {"spec", "strategy", "type"});
  const Int new_replicas = int_at(new_rs, {"spec", "replicas"}, 1);
  if (type == "Recreate") return replicas(d);
  if (type != "RollingUpdate") {
    throw Error(ErrorKind::Invalid, "deployment type " + type + " isn't supported");
  }
  const Value* ru = at(d, {"spec", "strategy", "rollingUpdate"});
  const Value* surge_value = ru ? ru->find("maxSurge") : nullptr;
  const Int surge = scaled_value(surge_value ? *surge_value : Value::integer(0), replicas(d), true);
  const Int current = replica_count(all_rss);
  const Int max_total = replicas(d) + surge;
  if (current >= max_total) return new_replicas;  // cannot scale up
  const Int scale_up = std::min(max_total - current, replicas(d) - new_replicas);
  return new_replicas + scale_up;
}

bool is_saturated(const Value& d, const Value& rs) {
  const std::optional<Int> desired = parse_int(annotation(rs, kDesiredReplicas));
  return desired && int_at(rs, {"spec", "replicas"}, 1) == replicas(d) && *desired == replicas(d) &&
         int_at(rs, {"status", "availableReplicas"}) == replicas(d);
}

Int proportion(const Value& rs, const Value& d, Int to_add, Int added) {
  const Int rs_replicas = int_at(rs, {"spec", "replicas"}, 1);
  if (rs_replicas == 0 || to_add == 0 || to_add == added) return 0;
  // getReplicaSetFraction
  Int fraction;
  if (replicas(d) == 0) {
    fraction = -rs_replicas;
  } else {
    const Int deployment_replicas = replicas(d) + max_surge(d);
    Int annotated = int_at(d, {"status", "replicas"});
    if (auto a = parse_int(annotation(rs, kMaxReplicas))) annotated = *a;
    // Go: integer.RoundToInt32(float64(rs*dr) / float64(annotated)), rounding half away from 0.
    const double exact = static_cast<double>(rs_replicas * deployment_replicas) / static_cast<double>(annotated);
    fraction = static_cast<Int>(exact < 0 ? exact - 0.5 : exact + 0.5) - rs_replicas;
  }
  const Int allowed = to_add - added;
  return to_add > 0 ? std::min(fraction, allowed) : std::max(fraction, allowed);
}

void sort_by_creation(std::vector<Value>& rss) { std::stable_sort(rss.begin(), rss.end(), older); }

void sort_by_size_newer(std::vector<Value>& rss) {
  std::stable_sort(rss.begin(), rss.end(), [](const Value& a, const Value& b) {
    const Int x = int_at(a, {"spec", "replicas"}, 1), y = int_at(b, {"spec", "replicas"}, 1);
    if (x != y) return x > y;
    return older(b, a);
  });
}

void sort_by_size_older(std::vector<Value>& rss) {
  std::stable_sort(rss.begin(), rss.end(), [](const Value& a, const Value& b) {
    const Int x = int_at(a, {"spec", "replicas"}, 1), y = int_at(b, {"spec", "replicas"}, 1);
    if (x != y) return x > y;
    return older(a, b);
  });
}

void sort_by_revision(std::vector<Value>& rss) {
  std::stable_sort(rss.begin(), rss.end(), [](const Value& a, const Value& b) {
    const auto ra = revision(a), rb = revision(b);
    if (!ra || !rb || *ra == *rb) return older(a, b);
    return *ra < *rb;
  });
}

std::optional<Int> revision(const Value& object) {
  const Value& a = annotations_of(object);
  const Value* v = a.find(kRevision);
  if (v == nullptr) return Int{0};
  return v->is_string() ? parse_int(v->as_string()) : std::nullopt;
}

Int max_revision(const std::vector<Value>& rss) {
  Int max = 0;
  for (const Value& rs : rss) {
    if (auto r = revision(rs); r && *r > max) max = *r;
  }
  return max;
}

bool equal_ignore_hash(const Value& template1, const Value& template2) {
  Value a = template1.deep_copy(), b = template2.deep_copy();
  for (Value* t : {&a, &b}) {
    if (Value* labels = at(*t, {"metadata", "labels"}) ? (*t)["metadata"].find("labels") : nullptr) {
      if (labels->is_map()) labels->erase(kHashLabel);
    }
  }
  return semantic_equal(a, b);
}

const Value* find_new_rs(const Value& d, std::vector<Value>& rss) {
  sort_by_creation(rss);
  const Value* tmpl = at(d, {"spec", "template"});
  for (const Value& rs : rss) {
    const Value* t = at(rs, {"spec", "template"});
    if (tmpl != nullptr && t != nullptr && equal_ignore_hash(*t, *tmpl)) return &rs;
  }
  return nullptr;
}

bool set_replicas_annotations(Value& rs, Int desired, Int max) {
  bool updated = false;
  Value& a = annotations_map(rs);
  for (const auto& [key, value] : {std::pair{kDesiredReplicas, desired}, {kMaxReplicas, max}}) {
    const std::string text = std::to_string(value);
    if (a.get_string(key) != text || a.find(key) == nullptr) {
      a.set(key, Value(text));
      updated = true;
    }
  }
  return updated;
}

bool replicas_annotations_need_update(const Value& rs, Int desired, Int max) {
  const Value& a = annotations_of(rs);
  return a.find(kDesiredReplicas) == nullptr || a.get_string(kDesiredReplicas) != std::to_string(desired) ||
         a.find(kMaxReplicas) == nullptr || a.get_string(kMaxReplicas) != std::to_string(max);
}

bool set_new_rs_annotations(const Value& d, Value& rs, const std::string& new_revision, bool exists) {
  bool changed = false;
  Value& a = annotations_map(rs);
  // copyDeploymentAnnotationsToReplicaSet
  for (const auto& [k, v] : annotations_of(d).map().entries) {
    const Value* cur = a.find(k);
    if (skip_annotation(k) || (cur != nullptr && *cur == v)) continue;
    a.set(k, v);
    changed = true;
  }
  const Value* old_value = a.find(kRevision);
  const bool had = old_value != nullptr;
  const std::string old_revision = had && old_value->is_string() ? old_value->as_string() : "";
  std::optional<Int> old_int = old_revision.empty() ? std::optional<Int>(0) : parse_int(old_revision);
  if (!old_int) return false;  // Go: not an int, leave it
  const std::optional<Int> new_int = parse_int(new_revision);
  if (!new_int) return false;
  if (*old_int < *new_int) {
    a.set(kRevision, Value(new_revision));
    changed = true;
  }
  // Becoming the new ReplicaSet again (a rollback): remember the revisions it served before.
  if (had && *old_int < *new_int) {
    const std::string history = a.get_string(kRevisionHistory);
    if (history.empty()) {
      a.set(kRevisionHistory, Value(old_revision));
    } else {
      std::vector<std::string> parts;
      std::size_t start = 0;
      for (;;) {
        const std::size_t comma = history.find(',', start);
        parts.push_back(history.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      std::size_t total = history.size() + old_revision.size() + 1;
      std::size_t first = 0;
      while (total > 2000 && first < parts.size()) total -= parts[first++].size() + 1;
      if (total <= 2000) {
        std::string joined;
        for (std::size_t i = first; i < parts.size(); ++i) joined += parts[i] + ",";
        a.set(kRevisionHistory, Value(joined + old_revision));
      }
    }
  }
  if (!exists && set_replicas_annotations(rs, replicas(d), replicas(d) + max_surge(d))) changed = true;
  return changed;
}

bool set_deployment_revision(Value& d, const std::string& rev) {
  Value& a = annotations_map(d);
  if (a.find(kRevision) != nullptr && a.get_string(kRevision) == rev) return false;
  a.set(kRevision, Value(rev));
  return true;
}

std::string compute_hash(const Value& pod_template, std::optional<Int> collision_count) {
  std::uint32_t h = 2166136261u;
  const auto feed = [&h](std::string_view bytes) {
    for (unsigned char c : bytes) {
      h ^= c;
      h *= 16777619u;
    }
  };
  feed(json::encode(prune_empty(pod_template)));
  if (collision_count) {
    char buf[8] = {};
    const auto c = static_cast<std::uint32_t>(*collision_count);
    for (int i = 0; i < 4; ++i) buf[i] = static_cast<char>((c >> (8 * i)) & 0xff);
    feed(std::string_view(buf, 8));
  }
  return safe_encode_string(std::to_string(h));
}

Value new_condition(std::string_view type, std::string_view status, std::string_view reason,
                    std::string_view message, Seconds now, bool with_update_time) {
  Value c = Value::map_of({{"type", Value(type)},
                           {"status", Value(status)},
                           {"lastTransitionTime", Value(format_rfc3339(now))},
                           {"reason", Value(reason)},
                           {"message", Value(message)}});
  if (with_update_time) c.set("lastUpdateTime", Value(format_rfc3339(now)));
  return c;
}

const Value* get_condition(const Value& status, std::string_view type) {
  for (const Value& c : list_at(status, {"conditions"})) {
    if (c.get_string("type") == type) return &c;
  }
  return nullptr;
}

void remove_condition(Value& status, std::string_view type) {
  Value* conds = status.find("conditions");
  if (conds == nullptr || !conds->is_list()) return;
  Value kept = Value::empty_list();
  for (const Value& c : conds->list().items) {
    if (c.get_string("type") != type) kept.push_back(c);
  }
  if (kept.size() == 0) {
    status.erase("conditions");
  } else {
    status.set("conditions", kept);
  }
}

void set_condition(Value& status, Value condition) {
  const std::string type = condition.get_string("type");
  if (const Value* cur = get_condition(status, type)) {
    if (cur->get_string("status") == condition.get_string("status") &&
        cur->get_string("reason") == condition.get_string("reason")) {
      return;
    }
    // The transition time only moves when the status does.
    if (cur->get_string("status") == condition.get_string("status")) {
      condition.set("lastTransitionTime", cur->find("lastTransitionTime") ? *cur->find("lastTransitionTime") : Value());
    }
  }
  remove_condition(status, type);
  status["conditions"].push_back(std::move(condition));
}

bool has_progress_deadline(const Value& d) {
  const Value* pds = at(d, {"spec", "progressDeadlineSeconds"});
  return pds != nullptr && pds->is_number() && pds->integer_value() != kMaxInt32;
}

bool deployment_complete(const Value& d, const Value& s) {
  const Int want = replicas(d);
  return int_at(s, {"updatedReplicas"}) == want && int_at(s, {"replicas"}) == want &&
         int_at(s, {"availableReplicas"}) == want &&
         int_at(s, {"observedGeneration"}) >= int_at(d, {"metadata", "generation"});
}

bool deployment_progressing(const Value& d, const Value& s) {
  const Value* old = d.find("status");
  const Value empty = Value::empty_map();
  const Value& o = old != nullptr ? *old : empty;
  const Int old_old = int_at(o, {"replicas"}) - int_at(o, {"updatedReplicas"});
  const Int new_old = int_at(s, {"replicas"}) - int_at(s, {"updatedReplicas"});
  return int_at(s, {"updatedReplicas"}) > int_at(o, {"updatedReplicas"}) || new_old < old_old ||
         int_at(s, {"readyReplicas"}) > int_at(o, {"readyReplicas"}) ||
         int_at(s, {"availableReplicas"}) > int_at(o, {"availableReplicas"});
}

bool deployment_timed_out(const Value& d, const Value& s, Seconds now) {
  if (!has_progress_deadline(d)) return false;
  const Value* c = get_condition(s, "Progressing");
  if (c == nullptr) return false;
  const std::string reason = c->get_string("reason");
  if (reason == "NewReplicaSetAvailable") return false;
  if (reason == "ProgressDeadlineExceeded") return true;
  const std::optional<Seconds> from = time_at(*c, {"lastUpdateTime"});
  return from && *from + int_at(d, {"spec", "progressDeadlineSeconds"}) < now;
}

}  // namespace capstan::orchestrator::deployment
