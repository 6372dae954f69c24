// The index model: adding, looking up, sorting, merging and writing versions (pkg/repo/index.go).
#include "repo/index.h"

#include <algorithm>

#include "chart/metadata.h"
#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"
#include "core/semver.h"
#include "core/yaml.h"
#include "repo/rfc3339.h"
#include "repo/url.h"

namespace capstan::repo {

namespace {

std::string base_name(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::vector<std::string> strings(const std::vector<std::string_view>& v) {
  return {v.begin(), v.end()};
}

void set_if(Value& out, std::string_view key, std::string_view v) {
  if (!v.empty())
    out.set(key, Value(v));
}

void set_if(Value& out, std::string_view key, const std::vector<std::string_view>& v) {
  if (v.empty())
    return;
  Value list = Value::empty_list("string");
  for (auto s : v) list.push_back(Value(s));
  out.set(key, list);
}

std::optional<semver::Version> parse_version(std::string_view v) {
  try {
    return semver::Version::parse(v);
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace

IndexFile::IndexFile(std::string generated_time)
    : api_version(kApiVersionV1),
      generated(std::move(generated_time)),
      storage_(std::make_shared<Storage>()) {}

std::string_view IndexFile::store(std::string_view s) {
  if (s.empty())
    return {};
  storage_->arena.emplace_back(s);
  return storage_->arena.back();
}

chart::Metadata to_metadata(const ChartVersion& cv) {
  chart::Metadata md;
  md.name = cv.name;
  md.home = cv.home;
  md.sources = strings(cv.sources);
  md.version = cv.version;
  md.description = cv.description;
  md.keywords = strings(cv.keywords);
  for (const auto& m : cv.maintainers) {
    md.maintainers.push_back(
        m ? std::make_shared<chart::Maintainer>(
                chart::Maintainer{std::string(m->name), std::string(m->email), std::string(m->url)})
          : nullptr);
  }
  md.icon = cv.icon;
  md.api_version = cv.api_version;
  md.condition = cv.condition;
  md.tags = cv.tags;
  md.app_version = cv.app_version;
  md.deprecated = cv.deprecated;
  for (const auto& [k, v] : cv.annotations) md.annotations[std::string(k)] = std::string(v);
  md.kube_version = cv.kube_version;
  md.has_dependencies = !cv.dependencies.empty();
  for (const auto& d : cv.dependencies) {
    if (!d) {
      md.dependencies.push_back(nullptr);
      continue;
    }
    auto dep = std::make_shared<chart::Dependency>();
    dep->name = d->name;
    dep->version = d->version;
    dep->repository = d->repository;
    dep->condition = d->condition;
    dep->tags = strings(d->tags);
    dep->enabled = d->enabled;
    dep->import_values = d->import_values;
    dep->alias = d->alias;
    md.dependencies.push_back(dep);
  }
  md.type = cv.type;
  return md;
}

ChartVersion from_metadata(const chart::Metadata& md, IndexFile& index) {
  ChartVersion cv;
  auto s = [&](const std::string& v) { return index.store(v); };
  auto list = [&](const std::vector<std::string>& v) {
    std::vector<std::string_view> out;
    for (const auto& x : v) out.push_back(s(x));
    return out;
  };
  cv.name = s(md.name);
  cv.home = s(md.home);
  cv.sources = list(md.sources);
  cv.version = s(md.version);
  cv.description = s(md.description);
  cv.keywords = list(md.keywords);
  for (const auto& m : md.maintainers) {
    if (!m) {
      cv.maintainers.emplace_back();
      continue;
    }
    cv.maintainers.push_back(IndexMaintainer{s(m->name), s(m->email), s(m->url)});
  }
  cv.icon = s(md.icon);
  cv.api_version = s(md.api_version);
  cv.condition = s(md.condition);
  cv.tags = s(md.tags);
  cv.app_version = s(md.app_version);
  cv.deprecated = md.deprecated;
  for (const auto& [k, v] : md.annotations) cv.annotations.emplace_back(s(k), s(v));
  cv.kube_version = s(md.kube_version);
  for (const auto& d : md.dependencies) {
    if (!d) {
      cv.dependencies.emplace_back();
      continue;
    }
    IndexDependency dep;
    dep.name = s(d->name);
    dep.version = s(d->version);
    dep.repository = s(d->repository);
    dep.condition = s(d->condition);
    dep.tags = list(d->tags);
    dep.enabled = d->enabled;
    dep.import_values = d->import_values;
    dep.alias = s(d->alias);
    cv.dependencies.push_back(std::move(dep));
  }
  cv.type = s(md.type);
  return cv;
}

Value chart_version_value(const ChartVersion& cv) {
  Value out = Value::empty_map();
  set_if(out, "name", cv.name);
  set_if(out, "home", cv.home);
  set_if(out, "sources", cv.sources);
  set_if(out, "version", cv.version);
  set_if(out, "description", cv.description);
  set_if(out, "keywords", cv.keywords);
  if (!cv.maintainers.empty()) {
    Value list = Value::empty_list();
    for (const auto& m : cv.maintainers) {
      if (!m) {
        list.push_back(Value());
        continue;
      }
      Value e = Value::empty_map();
      set_if(e, "name", m->name);
      set_if(e, "email", m->email);
      set_if(e, "url", m->url);
      list.push_back(e);
    }
    out.set("maintainers", list);
  }
  set_if(out, "icon", cv.icon);
  set_if(out, "apiVersion", cv.api_version);
  set_if(out, "condition", cv.condition);
  set_if(out, "tags", cv.tags);
  set_if(out, "appVersion", cv.app_version);
  if (cv.deprecated)
    out.set("deprecated", Value(true));
  if (!cv.annotations.empty()) {
    Value m = Value::empty_map("string");
    for (const auto& [k, v] : cv.annotations) m.set(k, Value(v));
    out.set("annotations", m);
  }
  set_if(out, "kubeVersion", cv.kube_version);
  if (!cv.dependencies.empty()) {
    Value list = Value::empty_list();
    for (const auto& d : cv.dependencies) {
      if (!d) {
        list.push_back(Value());
        continue;
      }
      Value e = Value::empty_map();
      e.set("name", Value(d->name));
      set_if(e, "version", d->version);
      e.set("repository", Value(d->repository));
      set_if(e, "condition", d->condition);
      set_if(e, "tags", d->tags);
      if (d->enabled)
        e.set("enabled", Value(true));
      if (d->import_values.is_list() && d->import_values.size() > 0)
        e.set("import-values", d->import_values);
      set_if(e, "alias", d->alias);
      list.push_back(e);
    }
    out.set("dependencies", list);
  }
  set_if(out, "type", cv.type);
  if (cv.urls.empty()) {
    out.set("urls", Value());
  } else {
    Value urls = Value::empty_list("string");
    for (auto u : cv.urls) urls.push_back(Value(u));
    out.set("urls", urls);
  }
  std::string created = std::string(kZeroTime);
  if (!cv.created.empty())
    created = normalize_rfc3339(cv.created).value_or(std::string(cv.created));
  out.set("created", Value(created));
  if (cv.removed)
    out.set("removed", Value(true));
  set_if(out, "digest", cv.digest);
  set_if(out, "checksum", cv.checksum);
  set_if(out, "engine", cv.engine);
  set_if(out, "tillerVersion", cv.tiller_version);
  set_if(out, "url", cv.url);
  return out;
}

void IndexFile::must_add(const chart::Metadata& md_in, std::string_view filename,
                         std::string_view base_url, std::string_view digest,
                         std::string_view created) {
  chart::Metadata md = md_in;
  if (md.api_version.empty())
    md.api_version = chart::kApiVersionV1;
  try {
    chart::validate_metadata(md);
  } catch (const Error& e) {
    throw Error(ErrorKind::Chart,
                "validate failed for " + std::string(filename) + ": " + std::string(e.what()));
  }
  std::string u(filename);
  if (!base_url.empty()) {
    const std::string file = base_name(filename);
    u = url_join(base_url, file).value_or(join_path(base_url, file));
  }
  ChartVersion cv = from_metadata(md, *this);
  cv.urls.push_back(store(u));
  cv.digest = store(digest);
  cv.created = store(created);
  entries[md.name].push_back(std::move(cv));
}

const ChartVersion& IndexFile::get(std::string_view name, std::string_view version) const {
  auto it = entries.find(name);
  if (it == entries.end())
    throw Error(ErrorKind::NotFound, std::string(kErrNoChartName));
  const auto& vs = it->second;
  if (vs.empty())
    throw Error(ErrorKind::NotFound, std::string(kErrNoChartVersion));
  const semver::Constraints constraint = semver::Constraints::parse(version.empty() ? "*" : version);
  if (!version.empty()) {
    for (const auto& v : vs) {
      if (v.version == version)
        return v;
    }
  }
  for (const auto& v : vs) {
    auto parsed = parse_version(v.version);
    if (parsed && constraint.check(*parsed))
      return v;
  }
  throw Error(ErrorKind::NotFound, "no chart version found for " + std::string(name) + "-" +
                                       std::string(version));
}

bool IndexFile::has(std::string_view name, std::string_view version) const {
  try {
    get(name, version);
    return true;
  } catch (const Error&) {
    return false;
  }
}

void IndexFile::sort_entries() {
  for (auto& [name, versions] : entries) {
    std::vector<std::pair<std::optional<semver::Version>, ChartVersion>> keyed;
    keyed.reserve(versions.size());
    for (auto& v : versions) keyed.emplace_back(parse_version(v.version), std::move(v));
    // sort.Sort(sort.Reverse(versions)): newest first, unparsable versions last.
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
      if (!a.first || !b.first)
        return a.first.has_value() && !b.first.has_value();
      return b.first->compare(*a.first) < 0;
    });
    versions.clear();
    for (auto& [k, v] : keyed) versions.push_back(std::move(v));
  }
}

void IndexFile::merge(const IndexFile& other) {
  bool used = false;
  for (const auto& [name, versions] : other.entries) {
    for (const auto& cv : versions) {
      if (!has(cv.name, cv.version)) {
        entries[std::string(cv.name)].push_back(cv);
        used = true;
      }
    }
  }
  if (used) {
    borrowed_.push_back(other.storage_);
    borrowed_.insert(borrowed_.end(), other.borrowed_.begin(), other.borrowed_.end());
  }
}

Value IndexFile::to_value() const {
  Value out = Value::empty_map();
  if (server_info.is_map() && server_info.size() > 0)
    out.set("serverInfo", server_info);
  out.set("apiVersion", Value(api_version));
  out.set("generated",
          Value(generated.empty() ? std::string(kZeroTime)
                                  : normalize_rfc3339(generated).value_or(generated)));
  Value e = Value::empty_map("repo.ChartVersions");
  for (const auto& [name, versions] : entries) {
    Value list = Value::empty_list();
    for (const auto& cv : versions) list.push_back(chart_version_value(cv));
    e.set(name, list);
  }
  out.set("entries", e);
  if (!public_keys.empty()) {
    Value keys = Value::empty_list("string");
    for (const auto& k : public_keys) keys.push_back(Value(k));
    out.set("publicKeys", keys);
  }
  if (!annotations.empty()) {
    Value a = Value::empty_map("string");
    for (const auto& [k, v] : annotations) a.set(k, Value(v));
    out.set("annotations", a);
  }
  return out;
}

std::string IndexFile::to_yaml() const { return yaml::encode(to_value()); }

namespace {

// json.MarshalIndent keeps struct fields in declaration order, which a Value map (sorted)
// cannot: the order of each struct's fields as Helm declares them.
const std::vector<std::string_view>& field_order(std::string_view type) {
  static const std::vector<std::string_view> index = {"serverInfo", "apiVersion", "generated",
                                                      "entries", "publicKeys", "annotations"};
  static const std::vector<std::string_view> version = {
      "name",        "home",   "sources",     "version",     "description", "keywords",
      "maintainers", "icon",   "apiVersion",  "condition",   "tags",        "appVersion",
      "deprecated",  "annotations", "kubeVersion", "dependencies", "type", "urls",
      "created",     "removed", "digest",     "checksum",    "engine",      "tillerVersion",
      "url"};
  static const std::vector<std::string_view> maintainer = {"name", "email", "url"};
  static const std::vector<std::string_view> dependency = {
      "name", "version", "repository", "condition", "tags", "enabled", "import-values", "alias"};
  static const std::vector<std::string_view> none;
  if (type == "index")
    return index;
  if (type == "version")
    return version;
  if (type == "maintainer")
    return maintainer;
  if (type == "dependency")
    return dependency;
  return none;
}

void write_json(std::string& out, const Value& v, std::string_view type, const std::string& indent);

void write_struct(std::string& out, const Value& v, std::string_view type,
                  const std::string& indent) {
  const std::string inner = indent + "  ";
  out += "{";
  bool first = true;
  for (auto field : field_order(type)) {
    const Value* f = v.find(field);
    if (f == nullptr)
      continue;
    out += first ? "\n" : ",\n";
    first = false;
    out += inner;
    json::append_quoted(out, field, true);
    out += ": ";
    std::string_view sub;
    if (type == "index" && field == "entries")
      sub = "entries";
    if (type == "version" && field == "maintainers")
      sub = "maintainers";
    if (type == "version" && field == "dependencies")
      sub = "dependencies";
    write_json(out, *f, sub, inner);
  }
  out += first ? "}" : "\n" + indent + "}";
}

void write_json(std::string& out, const Value& v, std::string_view type,
                const std::string& indent) {
  const std::string inner = indent + "  ";
  if (type == "index" || type == "version" || type == "maintainer" || type == "dependency") {
    write_struct(out, v, type, indent);
    return;
  }
  if (type == "entries" && v.is_map()) {
    out += v.size() == 0 ? "{" : "{\n";
    bool first = true;
    for (const auto& [name, versions] : v.map().entries) {
      if (!first)
        out += ",\n";
      first = false;
      out += inner;
      json::append_quoted(out, name, true);
      out += ": ";
      if (!versions.is_list() || versions.size() == 0) {
        out += versions.is_list() ? "[]" : "null";
        continue;
      }
      out += "[\n";
      const std::string item = inner + "  ";
      for (std::size_t i = 0; i < versions.size(); ++i) {
        out += item;
        write_struct(out, versions.list().items[i], "version", item);
        out += i + 1 < versions.size() ? ",\n" : "\n";
      }
      out += inner + "]";
    }
    out += v.size() == 0 ? "}" : "\n" + indent + "}";
    return;
  }
  if ((type == "maintainers" || type == "dependencies") && v.is_list() && v.size() > 0) {
    out += "[\n";
    const std::string elem = type == "maintainers" ? "maintainer" : "dependency";
    for (std::size_t i = 0; i < v.size(); ++i) {
      out += inner;
      const Value& item = v.list().items[i];
      if (item.is_null()) {
        out += "null";
      } else {
        write_struct(out, item, elem, inner);
      }
      out += i + 1 < v.size() ? ",\n" : "\n";
    }
    out += indent + "]";
    return;
  }
  json::EncodeOptions options;
  options.prefix = indent;
  options.indent = "  ";
  out += json::encode(v, options);
}

}  // namespace

std::string IndexFile::to_json() const {
  std::string out;
  write_json(out, to_value(), "index", "");
  return out;
}

}  // namespace capstan::repo
