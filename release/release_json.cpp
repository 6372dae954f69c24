// Release JSON in Go's field order. Each struct is a table of (field, omitempty, zero value);
// a field that is absent from a Value prints its Go zero value unless it is omitempty.
#include "release/release_json.h"

#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"

namespace capstan::release {

namespace {

struct Field {
  std::string_view name;
  bool omitempty;
  std::string_view zero;      // JSON of the Go zero value, written when absent and not omitempty
  const struct Shape* shape;  // nested struct (or list of structs); nullptr for plain values
  bool list = false;          // the field is a slice of `shape` structs
};

struct Shape {
  std::vector<Field> fields;
};

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) { out_ += '{'; }
  ~Writer() { out_ += '}'; }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void key(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    json::append_quoted(out_, name, true);
    out_ += ':';
  }
  void value(std::string_view name, const Value& v) {
    key(name);
    json::encode_to(out_, v);
  }
  void string(std::string_view name, std::string_view s) {
    key(name);
    json::append_quoted(out_, s, true);
  }
  void raw(std::string_view name, std::string_view text) {
    key(name);
    out_ += text;
  }
  std::string& out() { return out_; }

 private:
  std::string& out_;
  bool first_ = true;
};

// Go's isEmptyValue for what a JSON-shaped Value can hold.
bool is_empty(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return true;
    case Value::Kind::Bool:
      return !v.as_bool();
    case Value::Kind::Int:
    case Value::Kind::Uint:
    case Value::Kind::Float:
      return v.number() == 0;
    case Value::Kind::String:
    case Value::Kind::Bytes:
    case Value::Kind::List:
    case Value::Kind::Map:
      return v.size() == 0;
    case Value::Kind::Object:
      return false;
  }
  return false;
}

void write_struct(std::string& out, const Value& v, const Shape& shape);

void write_field_value(std::string& out, const Value& v, const Field& f) {
  if (f.shape == nullptr) {
    json::encode_to(out, v);
  } else if (!f.list) {
    if (v.is_null()) {
      out += "null";
    } else {
      write_struct(out, v, *f.shape);
    }
  } else if (!v.is_list()) {
    out += "null";
  } else {
    out += '[';
    bool first = true;
    for (const Value& item : v.list().items) {
      if (!first) out += ',';
      first = false;
      if (item.is_null()) {
        out += "null";
      } else {
        write_struct(out, item, *f.shape);
      }
    }
    out += ']';
  }
}

void write_struct(std::string& out, const Value& v, const Shape& shape) {
  Writer w(out);
  for (const Field& f : shape.fields) {
    const Value* field = v.find(f.name);
    if (field == nullptr || (f.omitempty && is_empty(*field))) {
      if (!f.omitempty) w.raw(f.name, f.zero);
      continue;
    }
    w.key(f.name);
    write_field_value(w.out(), *field, f);
  }
}

// pkg/chart: Maintainer, Dependency, Metadata, Lock, File.
const Shape kMaintainer{{{"name", true, "", nullptr},
                         {"email", true, "", nullptr},
                         {"url", true, "", nullptr}}};
const Shape kDependency{{{"name", false, "\"\"", nullptr},
                         {"version", true, "", nullptr},
                         {"repository", false, "\"\"", nullptr},
                         {"condition", true, "", nullptr},
                         {"tags", true, "", nullptr},
                         {"enabled", true, "", nullptr},
                         {"import-values", true, "", nullptr},
                         {"alias", true, "", nullptr}}};
const Shape kMetadata{{{"name", true, "", nullptr},
                       {"home", true, "", nullptr},
                       {"sources", true, "", nullptr},
                       {"version", true, "", nullptr},
                       {"description", true, "", nullptr},
                       {"keywords", true, "", nullptr},
                       {"maintainers", true, "", &kMaintainer, true},
                       {"icon", true, "", nullptr},
                       {"apiVersion", true, "", nullptr},
                       {"condition", true, "", nullptr},
                       {"tags", true, "", nullptr},
                       {"appVersion", true, "", nullptr},
                       {"deprecated", true, "", nullptr},
                       {"annotations", true, "", nullptr},
                       {"kubeVersion", true, "", nullptr},
                       {"dependencies", true, "", &kDependency, true},
                       {"type", true, "", nullptr}}};
const Shape kLock{{{"generated", false, "\"0001-01-01T00:00:00Z\"", nullptr},
                   {"digest", false, "\"\"", nullptr},
                   {"dependencies", false, "null", &kDependency, true}}};
const Shape kFile{{{"name", false, "\"\"", nullptr}, {"data", false, "null", nullptr}}};
const Shape kChart{{{"metadata", false, "null", &kMetadata},
                    {"lock", false, "null", &kLock},
                    {"templates", false, "null", &kFile, true},
                    {"values", false, "null", nullptr},
                    {"schema", false, "null", nullptr},
                    {"files", false, "null", &kFile, true}}};

void write_time(Writer& w, std::string_view name, const Time& t) {
  // helm's time.Time marshals its zero value as "" (pkg/time).
  w.string(name, t.is_zero() ? std::string() : format_rfc3339_nano(t));
}

void write_string_list(Writer& w, std::string_view name, const std::vector<std::string>& items) {
  w.key(name);
  std::string& out = w.out();
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    json::append_quoted(out, items[i], true);
  }
  out += ']';
}

void write_hook(std::string& out, const Hook& h) {
  Writer w(out);
  if (!h.name.empty()) w.string("name", h.name);
  if (!h.kind.empty()) w.string("kind", h.kind);
  if (!h.path.empty()) w.string("path", h.path);
  if (!h.manifest.empty()) w.string("manifest", h.manifest);
  if (!h.events.empty()) write_string_list(w, "events", h.events);
  {
    w.key("last_run");
    Writer run(w.out());
    write_time(run, "started_at", h.last_run.started_at);
    write_time(run, "completed_at", h.last_run.completed_at);
    run.string("phase", h.last_run.phase);
  }
  if (h.weight != 0) w.raw("weight", std::to_string(h.weight));
  if (!h.delete_policies.empty()) write_string_list(w, "delete_policies", h.delete_policies);
  if (!h.output_log_policies.empty()) {
    write_string_list(w, "output_log_policies", h.output_log_policies);
  }
}

// ---- decoding ----

std::string str(const Value& m, std::string_view key) { return m.get_string(key); }

Time time_field(const Value& m, std::string_view key) {
  const Value* v = m.find(key);
  if (v == nullptr || !v->is_string() || v->as_string().empty()) return Time{};
  const std::optional<Time> t = parse_rfc3339(v->as_string());
  if (!t) {
    throw Error(ErrorKind::Parse, "parsing time \"" + v->as_string() + "\" as \"" +
                                      "2006-01-02T15:04:05Z07:00\": cannot parse");
  }
  return *t;
}

std::vector<std::string> string_list(const Value& m, std::string_view key) {
  std::vector<std::string> out;
  const Value* v = m.find(key);
  if (v == nullptr || !v->is_list()) return out;
  for (const Value& item : v->list().items) {
    if (item.is_string()) out.push_back(item.as_string());
  }
  return out;
}

// []byte fields arrive as base64 strings.
Value bytes_field(const Value& v) {
  if (!v.is_string()) return Value();
  std::optional<std::string> data = json::base64_decode(v.as_string());
  if (!data) throw Error(ErrorKind::Parse, "illegal base64 data in release record");
  return Value::bytes(std::move(*data));
}

Value decode_files(const Value* files) {
  if (files == nullptr || !files->is_list()) return Value();
  Value out = Value::empty_list();
  for (const Value& f : files->list().items) {
    Value file = Value::map_of({{"name", f.get_string("name")}});
    const Value* data = f.find("data");
    file.set("data", data == nullptr ? Value() : bytes_field(*data));
    out.push_back(file);
  }
  return out;
}

Value decode_chart(const Value& c) {
  if (!c.is_map()) return Value();
  Value chart = Value::empty_map();
  for (std::string_view key : {"metadata", "lock", "values"}) {
    const Value* v = c.find(key);
    chart.set(key, v == nullptr ? Value() : *v);
  }
  chart.set("templates", decode_files(c.find("templates")));
  const Value* schema = c.find("schema");
  chart.set("schema", schema == nullptr ? Value() : bytes_field(*schema));
  chart.set("files", decode_files(c.find("files")));
  return chart;
}

Hook decode_hook(const Value& h) {
  Hook hook;
  hook.name = str(h, "name");
  hook.kind = str(h, "kind");
  hook.path = str(h, "path");
  hook.manifest = str(h, "manifest");
  hook.events = string_list(h, "events");
  if (const Value* run = h.find("last_run"); run != nullptr && run->is_map()) {
    hook.last_run.started_at = time_field(*run, "started_at");
    hook.last_run.completed_at = time_field(*run, "completed_at");
    hook.last_run.phase = str(*run, "phase");
  }
  if (const Value* w = h.find("weight"); w != nullptr && w->is_number()) {
    hook.weight = static_cast<int>(w->integer_value());
  }
  hook.delete_policies = string_list(h, "delete_policies");
  hook.output_log_policies = string_list(h, "output_log_policies");
  return hook;
}

}  // namespace

void encode_chart_json(std::string& out, const Value& chart) {
  if (chart.is_null()) {
    out += "null";
    return;
  }
  write_struct(out, chart, kChart);
}

std::string encode_dependencies_json(const Value& dependencies) {
  std::string out;
  write_field_value(out, dependencies, Field{"dependencies", false, "null", &kDependency, true});
  return out;
}

std::string encode_release_json(const Release& r) {
  std::string out;
  {
    Writer w(out);
    if (!r.name.empty()) w.string("name", r.name);
    {
      w.key("info");
      Writer info(w.out());
      write_time(info, "first_deployed", r.info.first_deployed);
      write_time(info, "last_deployed", r.info.last_deployed);
      write_time(info, "deleted", r.info.deleted);
      if (!r.info.description.empty()) info.string("description", r.info.description);
      info.string("status", status_name(r.info.status));
      if (!r.info.notes.empty()) info.string("notes", r.info.notes);
      if (!r.info.resources.empty()) {
        // map[string][]runtime.Object: keys sorted, as Go marshals maps.
        info.key("resources");
        std::string& out = info.out();
        out += '{';
        bool first = true;
        for (const auto& [key, objects] : r.info.resources) {
          if (!first) out += ',';
          first = false;
          json::append_quoted(out, key, true);
          out += ":[";
          for (std::size_t i = 0; i < objects.size(); ++i) {
            if (i > 0) out += ',';
            json::encode_to(out, objects[i]);
          }
          out += ']';
        }
        out += '}';
      }
    }
    if (!r.chart.is_null()) {
      w.key("chart");
      encode_chart_json(w.out(), r.chart);
    }
    if (r.config.is_map() && r.config.size() > 0) w.value("config", r.config);
    if (!r.manifest.empty()) w.string("manifest", r.manifest);
    if (!r.hooks.empty()) {
      w.key("hooks");
      w.out() += '[';
      for (std::size_t i = 0; i < r.hooks.size(); ++i) {
        if (i > 0) w.out() += ',';
        write_hook(w.out(), r.hooks[i]);
      }
      w.out() += ']';
    }
    if (r.version != 0) w.raw("version", std::to_string(r.version));
    if (!r.ns.empty()) w.string("namespace", r.ns);
  }
  return out;
}

Release decode_release_json(std::string_view text) {
  const Value v = json::decode(text);
  if (!v.is_map() && !v.is_null()) {
    // encoding/json's UnmarshalTypeError names the JSON kind it found.
    const char* kind = v.is_list() ? "array" : v.is_string() ? "string" : v.is_bool() ? "bool"
                                                                          : "number";
    throw Error(ErrorKind::Parse,
                std::string("json: cannot unmarshal ") + kind + " into Go value of type release.Release");
  }
  Release r;
  r.name = str(v, "name");
  if (const Value* info = v.find("info"); info != nullptr && info->is_map()) {
    r.info.first_deployed = time_field(*info, "first_deployed");
    r.info.last_deployed = time_field(*info, "last_deployed");
    r.info.deleted = time_field(*info, "deleted");
    r.info.description = str(*info, "description");
    r.info.status = parse_status(str(*info, "status"));
    r.info.notes = str(*info, "notes");
  }
  if (const Value* chart = v.find("chart")) r.chart = decode_chart(*chart);
  const Value* config = v.find("config");
  r.config = config != nullptr && config->is_map() ? *config : Value::empty_map();
  r.manifest = str(v, "manifest");
  if (const Value* hooks = v.find("hooks"); hooks != nullptr && hooks->is_list()) {
    for (const Value& h : hooks->list().items) {
      if (h.is_map()) r.hooks.push_back(decode_hook(h));
    }
  }
  if (const Value* version = v.find("version"); version != nullptr && version->is_number()) {
    r.version = static_cast<int>(version->integer_value());
  }
  r.ns = str(v, "namespace");
  return r;
}

Value release_as_value(const Release& release) {
  return json::decode(encode_release_json(release));
}

}  // namespace capstan::release
