// Chart.yaml decoding and validation, after Helm's pkg/chart/metadata.go and dependency.go.
#include "chart/metadata.h"

#include "chart/go_format.h"
#include "chart/json_struct.h"
#include "core/error.h"
#include "core/json_text.h"
#include "core/semver.h"
#include "core/strconv.h"

namespace capstan::chart {

namespace {

using Scope = JsonStructDecoder::Scope;

void decode_maintainer(JsonStructDecoder& d, const Value& v, std::shared_ptr<Maintainer>& out,
                       const Scope& parent) {
  if (v.is_null()) {
    out = nullptr;
    return;
  }
  if (!v.is_map()) {
    d.type_error(v, "chart.Maintainer", parent, "maintainers");
    return;
  }
  if (!out)
    out = std::make_shared<Maintainer>();
  const Scope scope{"Maintainer", parent.field("maintainers")};
  for (const auto& [f, item] : JsonStructDecoder::match_fields(v, {"name", "email", "url"})) {
    std::string& target = f == "name" ? out->name : f == "email" ? out->email : out->url;
    // Field errors name the struct's own fields below the slice: Maintainer.maintainers.email.
    d.string_field(item, target, Scope{scope.struct_name, parent.path}, "maintainers." + f);
  }
}

void decode_dependency(JsonStructDecoder& d, const Value& v, std::shared_ptr<Dependency>& out,
                       const Scope& parent) {
  if (v.is_null()) {
    out = nullptr;
    return;
  }
  if (!v.is_map()) {
    d.type_error(v, "chart.Dependency", parent, "dependencies");
    return;
  }
  if (!out)
    out = std::make_shared<Dependency>();
  const Scope scope{"Dependency", parent.path};
  const auto fields = JsonStructDecoder::match_fields(
      v,
      {"name", "version", "repository", "condition", "tags", "enabled", "import-values", "alias"});
  for (const auto& [f, item] : fields) {
    const std::string name = "dependencies." + f;
    if (f == "name")
      d.string_field(item, out->name, scope, name);
    if (f == "version")
      d.string_field(item, out->version, scope, name);
    if (f == "repository")
      d.string_field(item, out->repository, scope, name);
    if (f == "condition")
      d.string_field(item, out->condition, scope, name);
    if (f == "alias")
      d.string_field(item, out->alias, scope, name);
    if (f == "tags")
      d.string_list(item, out->tags, scope, name);
    if (f == "enabled")
      d.bool_field(item, out->enabled, scope, name);
    if (f == "import-values") {
      if (item.is_null() || item.is_list()) {
        out->import_values = item;
      } else {
        d.type_error(item, "[]interface {}", scope, name);
      }
    }
  }
}

// A slice of pointers to structs ([]*Maintainer, []*Dependency): Go reuses the existing
// elements when it decodes into a slice that already has them (requirements.yaml after
// Chart.yaml), and sets the slice to nil on null.
template <typename T, typename Decode>
void decode_pointer_list(JsonStructDecoder& d, const Value& v, std::vector<std::shared_ptr<T>>& out,
                         std::string_view field, std::string_view elem_type, const Scope& scope,
                         Decode decode) {
  if (v.is_null()) {
    out.clear();
    return;
  }
  if (!v.is_list()) {
    d.type_error(v, "[]*" + std::string(elem_type), scope, field);
    return;
  }
  const auto& items = v.list().items;
  out.resize(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) decode(d, items[i], out[i], scope);
}

// Helm's sanitizeString: whitespace becomes ' ', unprintable runes are dropped.
std::string clean(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    json::Rune r = json::decode_rune(s, i);
    if (go_is_space(r.rune)) {
      out += ' ';
    } else if (strconv::is_print(r.rune)) {
      json::append_utf8(out, r.rune);
    }
    i += static_cast<std::size_t>(r.size);
  }
  return out;
}

[[noreturn]] void invalid(const std::string& message) {
  throw Error(ErrorKind::Chart, "validation: " + message);
}

bool is_alias_name(const std::string& s) {
  if (s.empty())
    return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-';
    if (!ok)
      return false;
  }
  return true;
}

// filepath.Base for a Unix path.
std::string base_name(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.empty())
    return ".";
  if (path == "/")
    return "/";
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

void decode_metadata(const Value& doc, Metadata& md) {
  JsonStructDecoder d;
  if (d.top_level_object(doc, "chart.Metadata")) {
    const Scope scope{"Metadata", ""};
    const auto fields = JsonStructDecoder::match_fields(
        doc, {"name", "home", "sources", "version", "description", "keywords", "maintainers",
              "icon", "apiVersion", "condition", "tags", "appVersion", "deprecated", "annotations",
              "kubeVersion", "dependencies", "type"});
    for (const auto& [f, v] : fields) {
      if (f == "name")
        d.string_field(v, md.name, scope, f);
      if (f == "home")
        d.string_field(v, md.home, scope, f);
      if (f == "version")
        d.string_field(v, md.version, scope, f);
      if (f == "description")
        d.string_field(v, md.description, scope, f);
      if (f == "icon")
        d.string_field(v, md.icon, scope, f);
      if (f == "apiVersion")
        d.string_field(v, md.api_version, scope, f);
      if (f == "condition")
        d.string_field(v, md.condition, scope, f);
      if (f == "tags")
        d.string_field(v, md.tags, scope, f);
      if (f == "appVersion")
        d.string_field(v, md.app_version, scope, f);
      if (f == "kubeVersion")
        d.string_field(v, md.kube_version, scope, f);
      if (f == "type")
        d.string_field(v, md.type, scope, f);
      if (f == "sources")
        d.string_list(v, md.sources, scope, f);
      if (f == "keywords")
        d.string_list(v, md.keywords, scope, f);
      if (f == "deprecated")
        d.bool_field(v, md.deprecated, scope, f);
      if (f == "annotations")
        d.string_map(v, md.annotations, scope, f);
      if (f == "maintainers") {
        decode_pointer_list(d, v, md.maintainers, f, "chart.Maintainer", scope, decode_maintainer);
      }
      if (f == "dependencies") {
        decode_pointer_list(d, v, md.dependencies, f, "chart.Dependency", scope, decode_dependency);
        md.has_dependencies = v.is_list();
      }
    }
  }
  if (d.error()) {
    throw Error(ErrorKind::Chart, "error unmarshaling JSON: while decoding JSON: " + *d.error());
  }
}

void validate_metadata(Metadata& md) {
  for (std::string* s : {&md.name, &md.description, &md.home, &md.icon, &md.condition, &md.tags,
                         &md.app_version, &md.kube_version}) {
    *s = clean(*s);
  }
  for (auto& s : md.sources) s = clean(s);
  for (auto& s : md.keywords) s = clean(s);
  if (md.api_version.empty())
    invalid("chart.metadata.apiVersion is required");
  if (md.name.empty())
    invalid("chart.metadata.name is required");
  if (md.name == "." || md.name == "..") {
    invalid("chart.metadata.name " + strconv::quote(md.name) + " is not allowed");
  }
  if (md.name != base_name(md.name)) {
    invalid("chart.metadata.name " + strconv::quote(md.name) + " is invalid");
  }
  if (md.version.empty())
    invalid("chart.metadata.version is required");
  if (!is_chart_version(md.version)) {
    invalid("chart.metadata.version " + strconv::quote(md.version) + " is invalid");
  }
  if (!md.type.empty() && md.type != "application" && md.type != "library") {
    invalid("chart.metadata.type must be application or library");
  }
  for (auto& m : md.maintainers) {
    if (!m)
      invalid("maintainers must not contain empty or null nodes");
    m->name = clean(m->name);
    m->email = clean(m->email);
    m->url = clean(m->url);
  }
  std::vector<std::string> seen;
  for (auto& dep : md.dependencies) {
    if (!dep)
      invalid("dependencies must not contain empty or null nodes");
    dep->name = clean(dep->name);
    dep->version = clean(dep->version);
    dep->repository = clean(dep->repository);
    dep->condition = clean(dep->condition);
    for (auto& t : dep->tags) t = clean(t);
    if (!dep->alias.empty() && !is_alias_name(dep->alias)) {
      invalid("dependency " + strconv::quote(dep->name) +
              " has disallowed characters in the alias");
    }
    const std::string& key = dep->alias.empty() ? dep->name : dep->alias;
    for (const auto& s : seen) {
      if (s == key)
        invalid("more than one dependency with name or alias " + strconv::quote(key));
    }
    seen.push_back(key);
  }
}

namespace {

void set_if(Value& out, std::string_view key, const std::string& v) {
  if (!v.empty())
    out.set(key, Value(v));
}

void set_if(Value& out, std::string_view key, const std::vector<std::string>& v) {
  if (v.empty())
    return;
  Value list = Value::empty_list("string");
  for (const auto& s : v) list.push_back(Value(s));
  out.set(key, list);
}

}  // namespace

Value metadata_json(const Metadata& md) {
  Value out = Value::empty_map();
  set_if(out, "name", md.name);
  set_if(out, "home", md.home);
  set_if(out, "sources", md.sources);
  set_if(out, "version", md.version);
  set_if(out, "description", md.description);
  set_if(out, "keywords", md.keywords);
  if (!md.maintainers.empty()) {
    Value list = Value::empty_list();
    for (const auto& m : md.maintainers) {
      if (!m) {
        list.push_back(Value());
        continue;
      }
      Value entry = Value::empty_map();
      set_if(entry, "name", m->name);
      set_if(entry, "email", m->email);
      set_if(entry, "url", m->url);
      list.push_back(entry);
    }
    out.set("maintainers", list);
  }
  set_if(out, "icon", md.icon);
  set_if(out, "apiVersion", md.api_version);
  set_if(out, "condition", md.condition);
  set_if(out, "tags", md.tags);
  set_if(out, "appVersion", md.app_version);
  if (md.deprecated)
    out.set("deprecated", Value(true));
  if (!md.annotations.empty()) {
    Value m = Value::empty_map("string");
    for (const auto& [k, v] : md.annotations) m.set(k, Value(v));
    out.set("annotations", m);
  }
  set_if(out, "kubeVersion", md.kube_version);
  if (!md.dependencies.empty()) {
    Value list = Value::empty_list();
    for (const auto& d : md.dependencies) {
      if (!d) {
        list.push_back(Value());
        continue;
      }
      Value entry = Value::empty_map();
      entry.set("name", Value(d->name));
      set_if(entry, "version", d->version);
      entry.set("repository", Value(d->repository));
      set_if(entry, "condition", d->condition);
      set_if(entry, "tags", d->tags);
      if (d->enabled)
        entry.set("enabled", Value(true));
      if (d->import_values.is_list() && d->import_values.size() > 0) {
        entry.set("import-values", d->import_values);
      }
      set_if(entry, "alias", d->alias);
      list.push_back(entry);
    }
    out.set("dependencies", list);
  }
  set_if(out, "type", md.type);
  return out;
}

bool is_chart_version(std::string_view version) {
  try {
    semver::Version::parse(version);
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace capstan::chart
