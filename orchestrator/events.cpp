// Event recording and expiry (see events.h).
#include "orchestrator/events.h"

#include <cstdio>

#include "core/error.h"

#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {
// The string at `path` equals `want` (a missing field counts as "").
bool text_is(const Value& v, std::initializer_list<std::string_view> path, std::string_view want) {
  const Value* x = at(v, path);
  if (x == nullptr || !x->is_string()) return want.empty();
  return x->as_string() == want;
}
}  // namespace

void EventRecorder::record(const Value& involved, std::string_view type, std::string_view reason,
                           const std::string& message, const EventSource& source,
                           std::string_view field_path) {
  // Events are best effort, as client-go's recorder: failing to write one (say, into a namespace
  // being deleted) must not fail what the controller was doing.
  try {
    write(involved, type, reason, message, source, field_path);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Io || e.kind() == ErrorKind::Internal) throw;
  }
}

void EventRecorder::write(const Value& involved, std::string_view type, std::string_view reason,
                          const std::string& message, const EventSource& source,
                          std::string_view field_path) {
  const ResourceType* event_type = api_.registry().by_kind("v1", "Event");
  std::string ns = namespace_of(involved);
  if (ns.empty()) ns = "default";
  const std::string now = format_rfc3339(api_.clock().now());
  // Events are named "<object>.<suffix>": only those of this object need looking at.
  const std::string uid = uid_of(involved);
  const auto same = [&](const Value& e) {
    // Most selective first, without copying strings: an object can have thousands of events.
    return text_is(e, {"message"}, message) && text_is(e, {"reason"}, reason) &&
           text_is(e, {"involvedObject", "uid"}, uid) && text_is(e, {"involvedObject", "fieldPath"}, field_path) &&
           text_is(e, {"type"}, type) && text_is(e, {"source", "component"}, source.component);
  };
  for (Value& e : api_.store().list_if(event_type->qualified_resource(), ns, same, name_of(involved) + ".")) {
    {
      e.set("count", Value::integer(int_at(e, {"count"}, 1) + 1));
      e.set("lastTimestamp", Value(now));
      api_.update(std::move(e));
      return;
    }
  }
  // client-go names events "<name>.<unix nanos in hex>"; a persisted sequence keeps names unique
  // and reproducible under a fixed clock.
  const std::optional<std::string> seq_text = api_.store().meta("eventSequence");
  const std::uint64_t seq = seq_text ? std::stoull(*seq_text) + 1 : 1;
  api_.store().set_meta("eventSequence", std::to_string(seq));
  char suffix[24];
  std::snprintf(suffix, sizeof suffix, "%llx",
                static_cast<unsigned long long>(api_.clock().now()) * 1000000000ULL + seq);
  Value involved_ref = Value::map_of({{"apiVersion", Value(involved.get_string("apiVersion"))},
                                      {"kind", Value(involved.get_string("kind"))},
                                      {"name", Value(name_of(involved))},
                                      {"uid", Value(uid_of(involved))},
                                      {"resourceVersion", Value(meta_field(involved, "resourceVersion"))}});
  if (!namespace_of(involved).empty()) involved_ref.set("namespace", Value(namespace_of(involved)));
  if (!field_path.empty()) involved_ref.set("fieldPath", Value(field_path));
  Value src = Value::map_of({{"component", Value(source.component)}});
  if (!source.host.empty()) src.set("host", Value(source.host));
  Value event = Value::map_of({
      {"apiVersion", "v1"},
      {"kind", "Event"},
      {"metadata", Value::map_of({{"name", Value(name_of(involved) + "." + suffix)}, {"namespace", Value(ns)}})},
      {"involvedObject", involved_ref},
      {"reason", Value(reason)},
      {"message", Value(message)},
      {"type", Value(type)},
      {"source", src},
      {"firstTimestamp", Value(now)},
      {"lastTimestamp", Value(now)},
      {"count", Value::integer(1)},
      {"reportingComponent", Value(source.component)},
      {"reportingInstance", Value(source.host)},
      {"eventTime", Value()},
  });
  api_.create(std::move(event));
}

bool EventRecorder::expire(Seconds ttl) {
  const ResourceType* event_type = api_.registry().by_kind("v1", "Event");
  const Seconds now = api_.clock().now();
  const auto expired = [&](const Value& e) {
    const std::optional<Seconds> last = time_at(e, {"lastTimestamp"});
    if (last && *last + ttl >= now) api_.wake_at(*last + ttl + 1);
    return last && *last + ttl < now;
  };
  const std::vector<Value> old = api_.store().list_if(event_type->qualified_resource(), std::nullopt, expired);
  for (const Value& e : old) api_.erase_now(*event_type, namespace_of(e), name_of(e));
  return !old.empty();
}

}  // namespace capstan::orchestrator
