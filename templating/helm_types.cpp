// Helm's Go types for template data: their fields, methods, printing and JSON views, as
// Helm v3.21's chartutil, engine and chart packages define them.
#include "templating/helm_types.h"

#include <map>
#include <memory>

#include "core/error.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "templating/object.h"
#include "templating/sprig_values.h"

namespace capstan::templating::helm {

namespace {

std::vector<std::string> split_path(std::string_view s) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (true) {
    const std::size_t dot = s.find('.', from);
    out.emplace_back(s.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from));
    if (dot == std::string_view::npos) return out;
    from = dot + 1;
  }
}

std::string to_yaml_trimmed(const Value& v) {
  try {
    std::string out = yaml::encode(v);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  } catch (const Error&) {
    return "";
  }
}

const Value& self_data(CallContext& ctx) { return as_go_object(ctx.receiver())->underlying(); }

// chartutil's tableLookup: a nested map[string]interface{} (or Values).
bool table_lookup(Value& table, const std::string& key) {
  const Value* next = table.find(key);
  if (next == nullptr) return false;
  if (next->is_map()) {
    table = *next;
    return true;
  }
  if (const GoObject* o = as_go_object(*next); o != nullptr && o->is_named() && o->underlying().is_map()) {
    table = o->underlying();
    return true;
  }
  table = Value::empty_map();
  return false;
}

std::shared_ptr<GoTypeInfo> make_values_type();

const std::shared_ptr<const GoTypeInfo>& values_type() {
  static const std::shared_ptr<const GoTypeInfo> type = make_values_type();
  return type;
}

std::shared_ptr<GoTypeInfo> make_values_type() {
  auto t = std::make_shared<GoTypeInfo>();
  t->name = "chartutil.Values";
  t->kind = GoTypeInfo::Kind::Named;
  t->add_method("YAML", "func() (string, error)", [](CallContext& ctx, Args&) {
    return Value(yaml::encode(self_data(ctx)));
  });
  t->add_method("AsMap", "func() map[string]interface {}", [](CallContext& ctx, Args&) {
    const Value& d = self_data(ctx);
    return d.size() == 0 ? Value::empty_map() : d;
  });
  t->add_method("Table", "func(string) (chartutil.Values, error)", [](CallContext& ctx, Args& a) {
    Value table = self_data(ctx);
    for (const std::string& key : split_path(a[0].as_string())) {
      if (!table_lookup(table, key)) throw FuncError(strconv::quote(key) + " is not a table");
    }
    return values(table);
  });
  t->add_method("PathValue", "func(string) (interface {}, error)", [](CallContext& ctx, Args& a) {
    const std::string& path = a[0].as_string();
    if (path.empty()) throw FuncError("YAML path cannot be empty");
    std::vector<std::string> keys = split_path(path);
    const std::string key = keys.back();
    keys.pop_back();
    Value table = self_data(ctx);
    for (const std::string& k : keys) {
      if (!table_lookup(table, k)) throw FuncError(strconv::quote(key) + " is not a value");
    }
    const Value* v = table.find(key);
    if (v == nullptr || v->is_map()) throw FuncError(strconv::quote(key) + " is not a value");
    return *v;
  });
  return t;
}

// gobwas/glob, compiled on the fly: matches `pattern` against `name` from the given offsets.
class Glob {
 public:
  explicit Glob(std::string_view p) : p_(p) {}

  bool valid() const {
    int braces = 0;
    bool in_class = false;
    for (std::size_t i = 0; i < p_.size(); ++i) {
      const char c = p_[i];
      if (c == '\\') {
        ++i;
        if (i >= p_.size()) return false;
        continue;
      }
      if (in_class) {
        if (c == ']') in_class = false;
        continue;
      }
      if (c == '[') in_class = true;
      if (c == '{') ++braces;
      if (c == '}' && --braces < 0) return false;
    }
    return !in_class && braces == 0;
  }

  bool match(std::string_view name) const { return match_at(p_, name); }

 private:
  static bool match_at(std::string_view p, std::string_view s) {
    while (!p.empty()) {
      const char c = p[0];
      if (c == '*') {
        const bool super = p.size() > 1 && p[1] == '*';
        std::string_view rest = p.substr(super ? 2 : 1);
        for (std::size_t i = 0; i <= s.size(); ++i) {
          if (match_at(rest, s.substr(i))) return true;
          if (i < s.size() && !super && s[i] == '/') return false;
        }
        return false;
      }
      if (c == '{') {
        // Alternatives up to the matching brace, each followed by the rest of the pattern.
        int depth = 0;
        std::size_t close = 0;
        std::vector<std::string_view> alts;
        std::size_t start = 1;
        for (std::size_t i = 0; i < p.size(); ++i) {
          if (p[i] == '\\') {
            ++i;
            continue;
          }
          if (p[i] == '{') ++depth;
          if (p[i] == '}' && --depth == 0) {
            alts.push_back(p.substr(start, i - start));
            close = i;
            break;
          }
          if (p[i] == ',' && depth == 1) {
            alts.push_back(p.substr(start, i - start));
            start = i + 1;
          }
        }
        const std::string_view rest = p.substr(close + 1);
        for (std::string_view alt : alts) {
          if (match_at(std::string(alt) + std::string(rest), s)) return true;
        }
        return false;
      }
      if (s.empty()) return false;
      const auto d = strconv::decode_rune(s);
      if (c == '?') {
        if (s[0] == '/') return false;
        p.remove_prefix(1);
        s.remove_prefix(static_cast<std::size_t>(d.width));
        continue;
      }
      if (c == '[') {
        std::size_t i = 1;
        const bool negate = i < p.size() && p[i] == '!';
        if (negate) ++i;
        bool matched = false;
        while (i < p.size() && p[i] != ']') {
          const auto lo = strconv::decode_rune(p.substr(i));
          i += static_cast<std::size_t>(lo.width);
          std::int32_t hi = lo.rune;
          if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
            const auto h = strconv::decode_rune(p.substr(i + 1));
            hi = h.rune;
            i += 1 + static_cast<std::size_t>(h.width);
          }
          if (d.rune >= lo.rune && d.rune <= hi) matched = true;
        }
        if (matched == negate || s[0] == '/') return false;
        p.remove_prefix(i + 1);
        s.remove_prefix(static_cast<std::size_t>(d.width));
        continue;
      }
      std::size_t width = 1;
      char literal = c;
      if (c == '\\' && p.size() > 1) {
        literal = p[1];
        width = 2;
      }
      if (s[0] != literal) return false;
      p.remove_prefix(width);
      s.remove_prefix(1);
    }
    return s.empty();
  }

  std::string_view p_;
};

using FileList = std::map<std::string, std::string, std::less<>>;

std::shared_ptr<GoTypeInfo> make_files_type();

const std::shared_ptr<const GoTypeInfo>& files_type() {
  static const std::shared_ptr<const GoTypeInfo> type = make_files_type();
  return type;
}

Value files_value(const FileList& files) {
  auto map = std::make_shared<Map>();
  map->elem_type = "[]uint8";
  for (const auto& [name, data] : files) map->entries.emplace(name, Value::bytes(data));
  return GoObject::make_named(files_type(), Value(std::move(map)));
}

std::string base_name(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::shared_ptr<GoTypeInfo> make_files_type() {
  auto t = std::make_shared<GoTypeInfo>();
  t->name = "engine.files";
  t->kind = GoTypeInfo::Kind::Named;
  t->add_method("GetBytes", "func(string) []uint8", [](CallContext& ctx, Args& a) {
    const Value* v = self_data(ctx).find(a[0].as_string());
    return v != nullptr ? *v : Value::bytes("");
  });
  t->add_method("Get", "func(string) string", [](CallContext& ctx, Args& a) {
    const Value* v = self_data(ctx).find(a[0].as_string());
    return Value(v != nullptr ? v->as_string() : std::string());
  });
  t->add_method("Glob", "func(string) engine.files", [](CallContext& ctx, Args& a) {
    std::string pattern = a[0].as_string();
    if (!Glob(pattern).valid()) pattern = "**";
    FileList out;
    for (const auto& [name, data] : self_data(ctx).map().entries) {
      if (Glob(pattern).match(name)) out.emplace(name, data.as_string());
    }
    return files_value(out);
  });
  t->add_method("AsConfig", "func() string", [](CallContext& ctx, Args&) {
    auto m = std::make_shared<Map>();
    m->elem_type = "string";
    for (const auto& [name, data] : self_data(ctx).map().entries) m->entries[base_name(name)] = Value(data.as_string());
    return Value(to_yaml_trimmed(Value(std::move(m))));
  });
  t->add_method("AsSecrets", "func() string", [](CallContext& ctx, Args&) {
    static constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    auto m = std::make_shared<Map>();
    m->elem_type = "string";
    for (const auto& [name, data] : self_data(ctx).map().entries) {
      const std::string& in = data.as_string();
      std::string enc;
      for (std::size_t i = 0; i < in.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        if (i + 2 < in.size()) v |= static_cast<unsigned char>(in[i + 2]);
        enc += kB64[(v >> 18) & 63];
        enc += kB64[(v >> 12) & 63];
        enc += i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=';
        enc += i + 2 < in.size() ? kB64[v & 63] : '=';
      }
      m->entries[base_name(name)] = Value(enc);
    }
    return Value(to_yaml_trimmed(Value(std::move(m))));
  });
  t->add_method("Lines", "func(string) []string", [](CallContext& ctx, Args& a) {
    const Value* v = self_data(ctx).find(a[0].as_string());
    if (v == nullptr || v->as_string().empty()) return sprig::string_list({});
    std::string s = v->as_string();
    if (s.back() == '\n') s.pop_back();
    std::vector<std::string> lines;
    std::size_t from = 0;
    for (std::size_t at = s.find('\n'); at != std::string::npos; at = s.find('\n', from)) {
      lines.push_back(s.substr(from, at - from));
      from = at + 1;
    }
    lines.push_back(s.substr(from));
    return sprig::string_list(std::move(lines));
  });
  return t;
}

std::shared_ptr<const GoTypeInfo> struct_type(std::string name, GoTypeInfo::Kind kind = GoTypeInfo::Kind::Struct) {
  auto t = std::make_shared<GoTypeInfo>();
  t->name = std::move(name);
  t->kind = kind;
  return t;
}

std::string field_string(const Value& m, std::string_view key) { return m.get_string(key); }

// A list field absent from (or null in) Chart.yaml is a nil slice, as JSON decoding leaves it:
// %#v prints it as nil and toToml leaves it out.
bool absent(const Value& m, std::string_view key) {
  const Value* v = m.find(key);
  return v == nullptr || v->is_null();
}

Value nil_list(std::string_view elem_type) {
  List list({}, elem_type);
  list.nil = true;
  return Value(std::move(list));
}

Value field_strings(const Value& m, std::string_view key) {
  if (absent(m, key)) return nil_list("string");
  std::vector<std::string> out;
  if (const Value* v = m.find(key); v != nullptr && v->is_list()) {
    for (const Value& item : v->list().items) out.push_back(sprig::strval(item));
  }
  return sprig::string_list(std::move(out));
}

// A JSON object field, left out when empty and omit_empty (Go's omitempty).
void put(GoTypeInfo::JsonFields& out, std::string_view key, const Value& v, bool omit_empty = true) {
  if (omit_empty && sprig::empty(v)) return;
  out.emplace_back(std::string(key), v);
}

}  // namespace

Value values(Value map) {
  if (map.is_null()) map = Value::empty_map();
  return GoObject::make_named(values_type(), std::move(map));
}

Value files(std::vector<std::pair<std::string, std::string>> list) {
  FileList files;
  for (auto& [name, data] : list) files.insert_or_assign(std::move(name), std::move(data));
  return files_value(files);
}

Value capabilities(const KubeVersion& kube, std::vector<std::string> api_versions, const BuildInfo& helm) {
  static const auto kube_type = [] {
    auto t = std::make_shared<GoTypeInfo>();
    t->name = "chartutil.KubeVersion";
    t->string = [](const GoObject& o) { return o.fields()[0].value.as_string(); };
    t->string_on_pointer = true;
    t->add_method("String", "func() string", [](CallContext& ctx, Args&) {
      return as_go_object(ctx.receiver())->fields()[0].value;
    });
    t->add_method("GitVersion", "func() string", [](CallContext& ctx, Args&) {
      return as_go_object(ctx.receiver())->fields()[0].value;
    });
    return std::shared_ptr<const GoTypeInfo>(t);
  }();
  static const auto version_set_type = [] {
    auto t = std::make_shared<GoTypeInfo>();
    t->name = "chartutil.VersionSet";
    t->kind = GoTypeInfo::Kind::Named;
    t->add_method("Has", "func(string) bool", [](CallContext& ctx, Args& a) {
      for (const Value& v : self_data(ctx).list().items) {
        if (v.as_string() == a[0].as_string()) return Value(true);
      }
      return Value(false);
    });
    return std::shared_ptr<const GoTypeInfo>(t);
  }();
  static const auto build_info_type = [] {
    auto t = std::make_shared<GoTypeInfo>();
    t->name = "version.BuildInfo";
    t->json_fields = [](const GoObject& o) {
      GoTypeInfo::JsonFields out;
      put(out, "version", o.fields()[0].value);
      put(out, "git_commit", o.fields()[1].value);
      put(out, "git_tree_state", o.fields()[2].value);
      put(out, "go_version", o.fields()[3].value);
      return out;
    };
    return std::shared_ptr<const GoTypeInfo>(t);
  }();
  static const auto caps_type = struct_type("*chartutil.Capabilities", GoTypeInfo::Kind::PointerToStruct);

  Value kv = GoObject::make_struct(kube_type, {{"Version", Value(kube.version)},
                                               {"Major", Value(kube.major)},
                                               {"Minor", Value(kube.minor)}});
  Value versions = GoObject::make_named(version_set_type, sprig::string_list(std::move(api_versions)));
  Value bi = GoObject::make_struct(build_info_type, {{"Version", Value(helm.version)},
                                                     {"GitCommit", Value(helm.git_commit)},
                                                     {"GitTreeState", Value(helm.git_tree_state)},
                                                     {"GoVersion", Value(helm.go_version)}});
  return GoObject::make_struct(caps_type, {{"KubeVersion", kv}, {"APIVersions", versions}, {"HelmVersion", bi}});
}

Value chart(const Value& md, bool is_root) {
  static const auto maintainer_type = [] {
    auto t = std::make_shared<GoTypeInfo>();
    t->name = "*chart.Maintainer";
    t->kind = GoTypeInfo::Kind::PointerToStruct;
    t->json_fields = [](const GoObject& o) {
      GoTypeInfo::JsonFields out;
      put(out, "name", o.fields()[0].value);
      put(out, "email", o.fields()[1].value);
      put(out, "url", o.fields()[2].value);
      return out;
    };
    return std::shared_ptr<const GoTypeInfo>(t);
  }();
  static const auto dependency_type = [] {
    auto t = std::make_shared<GoTypeInfo>();
    t->name = "*chart.Dependency";
    t->kind = GoTypeInfo::Kind::PointerToStruct;
    t->json_fields = [](const GoObject& o) {
      GoTypeInfo::JsonFields out;
      const auto& f = o.fields();
      put(out, "name", f[0].value, false);
      put(out, "version", f[1].value);
      put(out, "repository", f[2].value, false);
      put(out, "condition", f[3].value);
      put(out, "tags", f[4].value);
      put(out, "enabled", f[5].value);
      put(out, "import-values", f[6].value);
      put(out, "alias", f[7].value);
      return out;
    };
    return std::shared_ptr<const GoTypeInfo>(t);
  }();
  static const auto metadata_type = [] {
    auto t = std::make_shared<GoTypeInfo>();
    t->name = "chart.Metadata";
    t->json_fields = [](const GoObject& o) {
      static constexpr std::string_view kTags[] = {
          "name", "home", "sources", "version", "description", "keywords", "maintainers", "icon",
          "apiVersion", "condition", "tags", "appVersion", "deprecated", "annotations",
          "kubeVersion", "dependencies", "type"};
      GoTypeInfo::JsonFields out;
      for (std::size_t i = 0; i < o.fields().size(); ++i) put(out, kTags[i], o.fields()[i].value);
      return out;
    };
    return std::shared_ptr<const GoTypeInfo>(t);
  }();
  static const auto chart_type = [] {
    auto t = std::make_shared<GoTypeInfo>();
    t->name = "struct { chart.Metadata; IsRoot bool }";
    t->json_fields = [](const GoObject& o) {
      const GoObject* md = as_go_object(o.fields()[0].value);
      GoTypeInfo::JsonFields out = md->type().json_fields(*md);
      out.emplace_back("IsRoot", o.fields()[1].value);
      return out;
    };
    return std::shared_ptr<const GoTypeInfo>(t);
  }();

  auto list_of = [](const Value& v, auto make) {
    auto list = std::make_shared<List>();
    if (v.is_list()) {
      for (const Value& item : v.list().items) list->items.push_back(make(item));
    }
    return list;
  };
  auto maintainers = list_of(md.find("maintainers") ? *md.find("maintainers") : Value(), [](const Value& m) {
    return GoObject::make_struct(maintainer_type, {{"Name", Value(field_string(m, "name"))},
                                                   {"Email", Value(field_string(m, "email"))},
                                                   {"URL", Value(field_string(m, "url"))}});
  });
  maintainers->elem_type = "*chart.Maintainer";
  auto dependencies = list_of(md.find("dependencies") ? *md.find("dependencies") : Value(), [](const Value& d) {
    const Value* iv = d.find("import-values");
    const Value* enabled = d.find("enabled");
    return GoObject::make_struct(
        dependency_type,
        {{"Name", Value(field_string(d, "name"))},
         {"Version", Value(field_string(d, "version"))},
         {"Repository", Value(field_string(d, "repository"))},
         {"Condition", Value(field_string(d, "condition"))},
         {"Tags", field_strings(d, "tags")},
         {"Enabled", Value(enabled != nullptr && enabled->is_bool() && enabled->as_bool())},
         {"ImportValues", iv != nullptr && iv->is_list() ? *iv : nil_list("interface {}")},
         {"Alias", Value(field_string(d, "alias"))}});
  });
  dependencies->elem_type = "*chart.Dependency";
  maintainers->nil = absent(md, "maintainers");
  dependencies->nil = absent(md, "dependencies");
  auto annotations = std::make_shared<Map>();
  annotations->elem_type = "string";
  annotations->nil = absent(md, "annotations");
  if (const Value* a = md.find("annotations"); a != nullptr && a->is_map()) {
    for (const auto& [k, v] : a->map().entries) annotations->entries[k] = Value(sprig::strval(v));
  }
  const Value* deprecated = md.find("deprecated");
  Value metadata = GoObject::make_struct(
      metadata_type,
      {{"Name", Value(field_string(md, "name"))},
       {"Home", Value(field_string(md, "home"))},
       {"Sources", field_strings(md, "sources")},
       {"Version", Value(field_string(md, "version"))},
       {"Description", Value(field_string(md, "description"))},
       {"Keywords", field_strings(md, "keywords")},
       {"Maintainers", Value(std::move(maintainers))},
       {"Icon", Value(field_string(md, "icon"))},
       {"APIVersion", Value(field_string(md, "apiVersion"))},
       {"Condition", Value(field_string(md, "condition"))},
       {"Tags", Value(field_string(md, "tags"))},
       {"AppVersion", Value(field_string(md, "appVersion"))},
       {"Deprecated", Value(deprecated != nullptr && deprecated->is_bool() && deprecated->as_bool())},
       {"Annotations", Value(std::move(annotations))},
       {"KubeVersion", Value(field_string(md, "kubeVersion"))},
       {"Dependencies", Value(std::move(dependencies))},
       {"Type", Value(field_string(md, "type"))}});
  return GoObject::make_struct(chart_type, {{"chart.Metadata", metadata, true}, {"IsRoot", Value(is_root)}});
}

bool glob_match(std::string_view pattern, std::string_view name, bool& valid) {
  Glob g(pattern);
  valid = g.valid();
  return valid && g.match(name);
}

}  // namespace capstan::templating::helm
