// Helm's template-facing Go values (see template_objects.h): chart.Metadata and friends with
// their Go field order and JSON tags, engine.files (pkg/engine/files.go), chartutil's
// Capabilities, KubeVersion, VersionSet and Values, and version.BuildInfo.
#include "chart/template_objects.h"

#include <memory>

#include "chart/glob.h"
#include "chart/metadata.h"
#include "chart/values.h"
#include "core/error.h"
#include "core/json_text.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "templating/function.h"
#include "templating/object.h"

namespace capstan::chart {

namespace t = templating;

namespace {

using Field = t::GoObject::Field;

Value string_list(const std::vector<std::string>& items) {
  Value out = Value::empty_list("string");
  for (const std::string& s : items) out.push_back(Value(s));
  return out;
}

Value string_map(const std::map<std::string, std::string>& items) {
  Value out = Value::empty_map("string");
  for (const auto& [k, v] : items) out.set(k, Value(v));
  return out;
}

// encoding/json's omitempty: false, 0, "", and empty maps and slices are left out.
bool is_empty(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return true;
    case Value::Kind::Bool:
      return !v.as_bool();
    case Value::Kind::String:
    case Value::Kind::Bytes:
    case Value::Kind::List:
    case Value::Kind::Map:
      return v.size() == 0;
    case Value::Kind::Int:
      return v.as_int() == 0;
    case Value::Kind::Uint:
      return v.as_uint() == 0;
    case Value::Kind::Float:
      return v.as_float() == 0;
    default:
      return false;
  }
}

// A JSON view from (json name, field name, omitempty) triples.
struct JsonTag {
  const char* json;
  const char* field;
  bool omitempty;
};

std::function<Value(const t::GoObject&)> json_view(std::vector<JsonTag> tags) {
  return [tags = std::move(tags)](const t::GoObject& o) {
    Value out = Value::empty_map();
    for (const JsonTag& tag : tags) {
      const Value* v = o.field(tag.field);
      Value plain = v == nullptr ? Value() : t::to_plain(*v);
      if (tag.omitempty && is_empty(plain))
        continue;
      out.set(tag.json, plain);
    }
    return out;
  };
}

std::shared_ptr<const t::GoTypeInfo> maintainer_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "*chart.Maintainer";
    info->kind = t::GoTypeInfo::Kind::PointerToStruct;
    info->json =
        json_view({{"name", "Name", true}, {"email", "Email", true}, {"url", "URL", true}});
    return info;
  }();
  return type;
}

std::shared_ptr<const t::GoTypeInfo> dependency_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "*chart.Dependency";
    info->kind = t::GoTypeInfo::Kind::PointerToStruct;
    info->json = json_view({{"name", "Name", false},
                            {"version", "Version", true},
                            {"repository", "Repository", false},
                            {"condition", "Condition", true},
                            {"tags", "Tags", true},
                            {"enabled", "Enabled", true},
                            {"import-values", "ImportValues", true},
                            {"alias", "Alias", true}});
    return info;
  }();
  return type;
}

std::shared_ptr<const t::GoTypeInfo> metadata_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "chart.Metadata";
    info->kind = t::GoTypeInfo::Kind::Struct;
    info->json = [](const t::GoObject& o) {
      return metadata_json(*std::any_cast<std::shared_ptr<const Metadata>>(o.payload()));
    };
    return info;
  }();
  return type;
}

std::shared_ptr<const t::GoTypeInfo> chart_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "struct { chart.Metadata; IsRoot bool }";
    info->kind = t::GoTypeInfo::Kind::Struct;
    info->json = [](const t::GoObject& o) {
      // The embedded Metadata's tagged fields, then IsRoot under its Go name.
      Value out = t::to_plain(o.fields()[0].value);
      if (!out.is_map())
        out = Value::empty_map();
      out.set("IsRoot", *o.field("IsRoot"));
      return out;
    };
    return info;
  }();
  return type;
}

Value maintainer_object(const Maintainer& m) {
  return t::GoObject::make_struct(
      maintainer_type(),
      {{"Name", Value(m.name)}, {"Email", Value(m.email)}, {"URL", Value(m.url)}});
}

Value dependency_object(const Dependency& d) {
  Value import_values = d.import_values.is_null() ? Value() : d.import_values;
  return t::GoObject::make_struct(dependency_type(), {{"Name", Value(d.name)},
                                                      {"Version", Value(d.version)},
                                                      {"Repository", Value(d.repository)},
                                                      {"Condition", Value(d.condition)},
                                                      {"Tags", string_list(d.tags)},
                                                      {"Enabled", Value(d.enabled)},
                                                      {"ImportValues", import_values},
                                                      {"Alias", Value(d.alias)}});
}

Value metadata_object(const Metadata& md) {
  auto payload = std::make_shared<const Metadata>(md);
  Value maintainers = Value::empty_list("*chart.Maintainer");
  for (const auto& m : md.maintainers) maintainers.push_back(m ? maintainer_object(*m) : Value());
  Value dependencies = Value::empty_list("*chart.Dependency");
  for (const auto& d : md.dependencies) dependencies.push_back(d ? dependency_object(*d) : Value());
  return t::GoObject::make_struct(metadata_type(),
                                  {
                                      {"Name", Value(md.name)},
                                      {"Home", Value(md.home)},
                                      {"Sources", string_list(md.sources)},
                                      {"Version", Value(md.version)},
                                      {"Description", Value(md.description)},
                                      {"Keywords", string_list(md.keywords)},
                                      {"Maintainers", maintainers},
                                      {"Icon", Value(md.icon)},
                                      {"APIVersion", Value(md.api_version)},
                                      {"Condition", Value(md.condition)},
                                      {"Tags", Value(md.tags)},
                                      {"AppVersion", Value(md.app_version)},
                                      {"Deprecated", Value(md.deprecated)},
                                      {"Annotations", string_map(md.annotations)},
                                      {"KubeVersion", Value(md.kube_version)},
                                      {"Dependencies", dependencies},
                                      {"Type", Value(md.type)},
                                  },
                                  payload);
}

// ---- .Files ----

const Value& receiver_data(t::CallContext& ctx) {
  const t::GoObject* o = t::as_go_object(ctx.receiver());
  if (o == nullptr)
    throw Error(ErrorKind::Internal, "files method without a receiver");
  return o->underlying();
}

std::string base_name(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::shared_ptr<const t::GoTypeInfo> files_type();

Value files_from_map(Value map) {
  return t::GoObject::make_named(files_type(), std::move(map));
}

// Helm's toYAML: sigs.k8s.io/yaml.Marshal without the final newline ("" on error).
std::string to_yaml(const Value& v) {
  try {
    std::string out = yaml::encode(v);
    if (!out.empty() && out.back() == '\n')
      out.pop_back();
    return out;
  } catch (const Error&) {
    return "";
  }
}

std::shared_ptr<const t::GoTypeInfo> files_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "engine.files";
    info->kind = t::GoTypeInfo::Kind::Named;
    info->add_method("GetBytes", "func(string) []uint8", [](t::CallContext& ctx, t::Args& args) {
      const Value* v = receiver_data(ctx).find(args[0].as_string());
      return v != nullptr ? *v : Value::bytes("");
    });
    info->add_method("Get", "func(string) string", [](t::CallContext& ctx, t::Args& args) {
      const Value* v = receiver_data(ctx).find(args[0].as_string());
      return Value(v != nullptr ? v->as_string() : std::string());
    });
    info->add_method("Glob", "func(string) engine.files", [](t::CallContext& ctx, t::Args& args) {
      const Glob glob(args[0].as_string());
      Value out = Value::empty_map("[]uint8");
      const Value& files = receiver_data(ctx);
      if (files.is_map()) {
        for (const auto& [name, data] : files.map().entries) {
          if (glob.match(name))
            out.set(name, data);
        }
      }
      return files_from_map(out);
    });
    info->add_method("AsConfig", "func() string", [](t::CallContext& ctx, t::Args&) {
      const Value& files = receiver_data(ctx);
      if (!files.is_map())
        return Value("");
      Value m = Value::empty_map("string");
      for (const auto& [name, data] : files.map().entries) {
        m.set(base_name(name), Value(data.as_string()));
      }
      return Value(to_yaml(m));
    });
    info->add_method("AsSecrets", "func() string", [](t::CallContext& ctx, t::Args&) {
      const Value& files = receiver_data(ctx);
      if (!files.is_map())
        return Value("");
      Value m = Value::empty_map("string");
      for (const auto& [name, data] : files.map().entries) {
        m.set(base_name(name), Value(json::base64_encode(data.as_string())));
      }
      return Value(to_yaml(m));
    });
    info->add_method("Lines", "func(string) []string", [](t::CallContext& ctx, t::Args& args) {
      Value out = Value::empty_list("string");
      const Value* v = receiver_data(ctx).find(args[0].as_string());
      if (v == nullptr || v->as_string().empty())
        return out;
      std::string s = v->as_string();
      if (s.back() == '\n')
        s.pop_back();
      std::size_t start = 0;
      while (true) {
        std::size_t nl = s.find('\n', start);
        out.push_back(Value(s.substr(start, nl == std::string::npos ? nl : nl - start)));
        if (nl == std::string::npos)
          break;
        start = nl + 1;
      }
      return out;
    });
    return info;
  }();
  return type;
}

// ---- .Capabilities ----

std::shared_ptr<const t::GoTypeInfo> kube_version_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "chartutil.KubeVersion";
    info->kind = t::GoTypeInfo::Kind::Struct;
    // String and GitVersion are declared on *KubeVersion.
    info->string = [](const t::GoObject& o) { return o.field("Version")->as_string(); };
    info->string_on_pointer = true;
    auto version = [](t::CallContext& ctx, t::Args&) {
      return *t::as_go_object(ctx.receiver())->field("Version");
    };
    info->add_method("String", "func() string", version);
    info->add_method("GitVersion", "func() string", version);
    return info;
  }();
  return type;
}

std::shared_ptr<const t::GoTypeInfo> version_set_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "chartutil.VersionSet";
    info->kind = t::GoTypeInfo::Kind::Named;
    info->add_method("Has", "func(string) bool", [](t::CallContext& ctx, t::Args& args) {
      const Value& list = receiver_data(ctx);
      if (list.is_list()) {
        for (const Value& v : list.list().items) {
          if (v.as_string() == args[0].as_string())
            return Value(true);
        }
      }
      return Value(false);
    });
    return info;
  }();
  return type;
}

std::shared_ptr<const t::GoTypeInfo> build_info_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "version.BuildInfo";
    info->kind = t::GoTypeInfo::Kind::Struct;
    info->json = json_view({{"version", "Version", true},
                            {"git_commit", "GitCommit", true},
                            {"git_tree_state", "GitTreeState", true},
                            {"go_version", "GoVersion", true}});
    return info;
  }();
  return type;
}

std::shared_ptr<const t::GoTypeInfo> capabilities_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "*chartutil.Capabilities";
    info->kind = t::GoTypeInfo::Kind::PointerToStruct;
    return info;
  }();
  return type;
}

// ---- chartutil.Values ----

std::shared_ptr<const t::GoTypeInfo> values_type() {
  static const auto type = [] {
    auto info = std::make_shared<t::GoTypeInfo>();
    info->name = "chartutil.Values";
    info->kind = t::GoTypeInfo::Kind::Named;
    info->add_method("YAML", "func() (string, error)", [](t::CallContext& ctx, t::Args&) {
      try {
        return Value(yaml::encode(t::to_plain(receiver_data(ctx))));
      } catch (const Error& e) {
        throw t::FuncError(e.what());
      }
    });
    info->add_method("AsMap", "func() map[string]interface {}", [](t::CallContext& ctx, t::Args&) {
      const Value& m = receiver_data(ctx);
      return m.size() == 0 ? Value::empty_map() : m;
    });
    info->add_method("Table", "func(string) (chartutil.Values, error)",
                     [](t::CallContext& ctx, t::Args& args) {
                       const std::string& name = args[0].as_string();
                       std::optional<Value> found = table(receiver_data(ctx), name);
                       if (!found) {
                         // ErrNoTable names the first missing step.
                         std::string key = name;
                         Value at = receiver_data(ctx);
                         std::size_t start = 0;
                         while (true) {
                           std::size_t dot = name.find('.', start);
                           key = name.substr(start, dot == std::string::npos ? dot : dot - start);
                           const Value* next = at.find(key);
                           if (next == nullptr || !next->is_map())
                             break;
                           at = *next;
                           start = dot + 1;
                         }
                         throw t::FuncError(strconv::quote(key) + " is not a table");
                       }
                       return make_values_object(*found);
                     });
    info->add_method(
        "PathValue", "func(string) (interface {}, error)", [](t::CallContext& ctx, t::Args& args) {
          const std::string& p = args[0].as_string();
          if (p.empty())
            throw t::FuncError("YAML path cannot be empty");
          std::optional<Value> v = path_value(receiver_data(ctx), p);
          if (!v) {
            std::size_t dot = p.rfind('.');
            throw t::FuncError(strconv::quote(dot == std::string::npos ? p : p.substr(dot + 1)) +
                               " is not a value");
          }
          return *v;
        });
    return info;
  }();
  return type;
}

}  // namespace

Value make_chart_object(const Metadata& metadata, bool is_root) {
  return t::GoObject::make_struct(chart_type(),
                                  {Field{"chart.Metadata", metadata_object(metadata), true},
                                   Field{"IsRoot", Value(is_root), false}});
}

Value make_files_object(const std::vector<File>& files) {
  Value m = Value::empty_map("[]uint8");
  for (const File& f : files) m.set(f.name, Value::bytes(f.data));
  return files_from_map(m);
}

Value make_capabilities_object(const Capabilities& caps) {
  Value kube =
      t::GoObject::make_struct(kube_version_type(), {{"Version", Value(caps.kube_version.version)},
                                                     {"Major", Value(caps.kube_version.major)},
                                                     {"Minor", Value(caps.kube_version.minor)}});
  Value api_versions = t::GoObject::make_named(version_set_type(), string_list(caps.api_versions));
  Value helm = t::GoObject::make_struct(build_info_type(),
                                        {{"Version", Value(caps.helm_version.version)},
                                         {"GitCommit", Value(caps.helm_version.git_commit)},
                                         {"GitTreeState", Value(caps.helm_version.git_tree_state)},
                                         {"GoVersion", Value(caps.helm_version.go_version)}});
  return t::GoObject::make_struct(
      capabilities_type(),
      {{"KubeVersion", kube}, {"APIVersions", api_versions}, {"HelmVersion", helm}});
}

Value make_values_object(Value map) {
  if (!map.is_map())
    map = Value::empty_map();
  return t::GoObject::make_named(values_type(), std::move(map));
}

Value values_map(const Value& v) {
  if (const t::GoObject* o = t::as_go_object(v); o != nullptr && o->is_named()) {
    return o->underlying();
  }
  return v;
}

}  // namespace capstan::chart
