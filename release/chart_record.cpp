// chart::Chart <-> the chart part of a release record.
#include "release/chart_record.h"

#include "chart/coalesce.h"
#include "release/go_time.h"

namespace capstan::release {

namespace {

Value string_list(const std::vector<std::string>& items) {
  Value out = Value::empty_list();
  for (const std::string& s : items) out.push_back(s);
  return out;
}

Value files_value(const std::vector<chart::File>& files) {
  if (files.empty()) return Value();  // a nil slice in Go: null
  Value out = Value::empty_list();
  for (const chart::File& f : files) {
    out.push_back(Value::map_of({{"name", f.name}, {"data", Value::bytes(f.data)}}));
  }
  return out;
}

Value dependency_value(const chart::Dependency& d) {
  return Value::map_of({{"name", d.name},
                        {"version", d.version},
                        {"repository", d.repository},
                        {"condition", d.condition},
                        {"tags", string_list(d.tags)},
                        {"enabled", d.enabled},
                        {"import-values", d.import_values},
                        {"alias", d.alias}});
}

Value metadata_value(const chart::Metadata& m) {
  Value maintainers = Value::empty_list();
  for (const auto& mt : m.maintainers) {
    if (mt == nullptr) continue;
    maintainers.push_back(
        Value::map_of({{"name", mt->name}, {"email", mt->email}, {"url", mt->url}}));
  }
  Value annotations = Value::empty_map();
  for (const auto& [k, v] : m.annotations) annotations.set(k, v);
  Value dependencies = Value::empty_list();
  for (const auto& d : m.dependencies) {
    if (d != nullptr) dependencies.push_back(dependency_value(*d));
  }
  return Value::map_of({{"name", m.name},
                        {"home", m.home},
                        {"sources", string_list(m.sources)},
                        {"version", m.version},
                        {"description", m.description},
                        {"keywords", string_list(m.keywords)},
                        {"maintainers", maintainers},
                        {"icon", m.icon},
                        {"apiVersion", m.api_version},
                        {"condition", m.condition},
                        {"tags", m.tags},
                        {"appVersion", m.app_version},
                        {"deprecated", m.deprecated},
                        {"annotations", annotations},
                        {"kubeVersion", m.kube_version},
                        {"dependencies", dependencies},
                        {"type", m.type}});
}

std::vector<chart::File> files_of(const Value* files) {
  std::vector<chart::File> out;
  if (files == nullptr || !files->is_list()) return out;
  for (const Value& f : files->list().items) {
    const Value* data = f.find("data");
    out.push_back({f.get_string("name"),
                   data != nullptr && (data->is_string() || data->is_bytes()) ? data->as_string()
                                                                              : ""});
  }
  return out;
}

// chart.Lock as Helm stores it: Chart.lock's fields, with `generated` re-marshalled as a Go
// time.Time (RFC 3339 with nanoseconds) and each dependency a chart.Dependency.
Value lock_value(const Value& lock) {
  if (!lock.is_map()) return Value();
  Value out = Value::empty_map();
  const Value* generated = lock.find("generated");
  std::string when = generated != nullptr && generated->is_string() ? generated->as_string() : "";
  if (const std::optional<Time> t = parse_rfc3339(when)) when = format_rfc3339_nano(*t);
  out.set("generated", when.empty() ? "0001-01-01T00:00:00Z" : when);
  out.set("digest", lock.get_string("digest"));
  const Value* deps = lock.find("dependencies");
  out.set("dependencies", deps != nullptr && deps->is_list() ? deps->deep_copy() : Value());
  return out;
}

}  // namespace

Value chart_record(const chart::Chart& c) {
  return Value::map_of({{"metadata", c.has_metadata ? metadata_value(c.metadata) : Value()},
                        {"lock", lock_value(c.lock)},
                        {"templates", files_value(c.templates)},
                        {"values", c.values.is_map() ? c.values.deep_copy() : Value()},
                        {"schema", c.schema.empty() ? Value() : Value::bytes(c.schema)},
                        {"files", files_value(c.files)}});
}

std::shared_ptr<chart::Chart> chart_from_record(const Value& record) {
  auto c = std::make_shared<chart::Chart>();
  if (const Value* md = record.find("metadata"); md != nullptr && md->is_map()) {
    c->has_metadata = true;
    c->metadata.name = md->get_string("name");
    c->metadata.version = md->get_string("version");
    c->metadata.app_version = md->get_string("appVersion");
    c->metadata.api_version = md->get_string("apiVersion");
    c->metadata.description = md->get_string("description");
    c->metadata.type = md->get_string("type");
  }
  c->templates = files_of(record.find("templates"));
  c->files = files_of(record.find("files"));
  const Value* values = record.find("values");
  c->values = values != nullptr && values->is_map() ? values->deep_copy() : Value();
  if (const Value* schema = record.find("schema");
      schema != nullptr && (schema->is_bytes() || schema->is_string())) {
    c->schema = schema->as_string();
  }
  return c;
}

Value coalesce_record_values(const Value& record, const Value& user_values) {
  return chart::coalesce_values(*chart_from_record(record),
                                user_values.is_map() ? user_values : Value::empty_map());
}

}  // namespace capstan::release
