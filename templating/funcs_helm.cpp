// Helm's own template functions (pkg/engine/funcs.go and engine.go): include, tpl, required,
// fail, lookup, getHostByName, and the YAML/JSON/TOML converters.
#include <cctype>

#include "core/error.h"
#include "core/json.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "templating/engine.h"
#include "templating/exec.h"
#include "templating/object.h"
#include "templating/sprig_objects.h"
#include "templating/toml.h"

namespace capstan::templating {

namespace {

std::string warn_wrap(std::string_view message) {
  return "HELM_ERR_START" + std::string(message) + "HELM_ERR_END";
}

void erase_no_value(std::string& s) {
  constexpr std::string_view kNoValue = "<no value>";
  for (std::size_t at = s.find(kNoValue); at != std::string::npos; at = s.find(kNoValue, at)) {
    s.erase(at, kNoValue.size());
  }
}

Value include(CallContext& ctx, Args& a) {
  const std::string name = a[0].as_string();
  auto& included = ctx.exec().shared().included;
  auto it = included.find(name);
  if (it != included.end()) {
    if (it->second > ctx.options().max_include_depth) {
      throw FuncError("rendering template has a nested reference name: " + name +
                      ": unable to execute template");
    }
    ++it->second;
  } else {
    it = included.emplace(name, 1).first;
  }
  const TemplateSet& set = ctx.exec().set();
  std::string out;
  try {
    const Tree* tree = set.lookup(name);
    if (tree == nullptr) {
      throw TemplateError("template: no template " + strconv::quote(name) +
                              " associated with template " + strconv::quote(set.name()),
                          false);
    }
    Exec nested(set, out, ctx.exec().shared());
    nested.run(*tree, a[1], !a[1].is_null());
  } catch (const TemplateError& e) {
    --included[name];
    throw FuncError(e.what());
  }
  --included[name];
  return Value(std::move(out));
}

Value tpl(CallContext& ctx, Args& a) {
  const std::string& text = a[0].as_string();
  const TemplateSet& parent = ctx.exec().set();
  // Helm clones the set and parses the text under the set's name, so defines inside the text
  // are visible to includes in it and to nothing else.
  TemplateSet clone(parent, 0);
  std::shared_ptr<const Tree> tree;
  try {
    tree = clone.parse(parent.name(), text);
  } catch (const ParseError& e) {
    throw FuncError("cannot parse template " + strconv::quote(text) + ": " + e.what());
  }
  std::string out;
  try {
    Exec nested(clone, out, ctx.exec().shared());
    nested.run(*tree, a[1], !a[1].is_null());
  } catch (const TemplateError& e) {
    throw FuncError("error during tpl function execution for " + strconv::quote(text) + ": " + e.what());
  }
  erase_no_value(out);
  return Value(std::move(out));
}

Value required(CallContext& ctx, Args& a) {
  const Value& val = a[1];
  if (val.is_null() || (val.is_string() && val.as_string().empty())) {
    if (ctx.options().lint_mode) {
      // Helm's engine.go logs from one line for nil and another for "".
      if (ctx.options().log)
        ctx.options().log(val.is_null() ? "engine.go:206" : "engine.go:214",
                          "[INFO] Missing required value: " + a[0].as_string());
      return Value(std::string());
    }
    throw FuncError(warn_wrap(a[0].as_string()));
  }
  return val;
}

Value fail(CallContext& ctx, Args& a) {
  if (ctx.options().lint_mode) {
    if (ctx.options().log) ctx.options().log("engine.go:227", "[INFO] Fail: " + a[0].as_string());
    return Value(std::string());
  }
  throw FuncError(warn_wrap(a[0].as_string()));
}

Value lookup(CallContext& ctx, Args& a) {
  if (!ctx.options().lookup) return Value::empty_map();
  Value found = ctx.options().lookup(a[0].as_string(), a[1].as_string(), a[2].as_string(),
                                     a[3].as_string());
  if (!found.is_map()) return Value::empty_map();
  return found;
}

// sigs.k8s.io/yaml.Marshal without the final newline; "" on error.
Value to_yaml(CallContext&, Args& a) {
  try {
    std::string out = yaml::encode(to_plain(a[0]));
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return Value(std::move(out));
  } catch (const Error&) {
    return Value(std::string());
  }
}

// yaml.v3's view of a Go object: a struct's exported fields in declaration order, each under
// its lowercased name (Helm's types carry json tags only, which yaml.v3 ignores, so no
// omitempty), an embedded struct as a field named by its lowercased type name (no yaml
// ",inline"); named types as their data. Types with a JSON hook (time.Time) encode as that
// value, where yaml.v3 would write a plain !!timestamp.
std::string yaml_v3_key(std::string_view go_name) {
  if (std::size_t dot = go_name.rfind('.'); dot != std::string_view::npos) go_name.remove_prefix(dot + 1);
  while (!go_name.empty() && go_name.front() == '*') go_name.remove_prefix(1);
  std::string key(go_name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

yaml::EncodeOptions yaml_v3_options() {
  yaml::EncodeOptions options;
  // encode.go's marshal checks time.Time before any Marshaler: timev writes RFC3339Nano plain.
  options.object_plain_scalar = [](const Object& object) -> std::optional<std::string> {
    const auto* o = dynamic_cast<const GoObject*>(&object);
    if (o == nullptr || o->type_name() != "time.Time") return std::nullopt;
    return std::any_cast<gotime::Time>(&o->payload())
        ->format("2006-01-02T15:04:05.999999999Z07:00");
  };
  options.object_fields = [](const Object& object) -> std::optional<yaml::EncodeOptions::Fields> {
    const auto* o = dynamic_cast<const GoObject*>(&object);
    // encode.go's marshal panics on kinds YAML has no form for; the template call reports it.
    if (o != nullptr && o->type_name() == "complex128")
      throw FuncError("cannot marshal type: complex128");
    if (o == nullptr || o->is_named() || o->type().json) return std::nullopt;
    yaml::EncodeOptions::Fields fields;
    for (const GoObject::Field& f : o->fields()) fields.emplace_back(yaml_v3_key(f.name), f.value);
    return fields;
  };
  options.object_value = [](const Object& object) -> Value {
    const auto* o = dynamic_cast<const GoObject*>(&object);
    if (o == nullptr) return Value();
    if (o->type().json) return o->type().json(*o);
    return o->underlying();
  };
  return options;
}

// toYamlPretty: yaml.v3's Encoder with SetIndent(2), without the final newline; "" on error.
Value to_yaml_pretty(CallContext&, Args& a) {
  try {
    std::string out = yaml::encode_v3(a[0], 2, yaml_v3_options());
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return Value(std::move(out));
  } catch (const Error&) {
    return Value(std::string());
  }
}

Value to_json(CallContext&, Args& a) {
  try {
    return Value(marshal_json(a[0]));
  } catch (const Error&) {
    return Value(std::string());
  }
}

const char* json_kind(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::List: return "array";
    case Value::Kind::Map: return "object";
    case Value::Kind::String: return "string";
    case Value::Kind::Bool: return "bool";
    default: return "number";
  }
}

// json.Unmarshal into map[string]interface{}; the error text under "Error".
Value from_json(CallContext&, Args& a) {
  Value m = Value::empty_map();
  try {
    Value v = json::decode(a[0].as_string());
    if (v.is_map()) return v;
    if (v.is_null()) return m;
    m.set("Error", Value("json: cannot unmarshal " + std::string(json_kind(v)) +
                         " into Go value of type map[string]interface {}"));
  } catch (const Error& e) {
    m.set("Error", Value(std::string(e.what())));
  }
  return m;
}

Value from_json_array(CallContext&, Args& a) {
  try {
    Value v = json::decode(a[0].as_string());
    if (v.is_list()) return v;
    if (v.is_null()) return Value::empty_list();
    return Value::list_of({Value("json: cannot unmarshal " + std::string(json_kind(v)) +
                                 " into Go value of type []interface {}")});
  } catch (const Error& e) {
    return Value::list_of({Value(std::string(e.what()))});
  }
}

// sigs.k8s.io/yaml.Unmarshal's error texts: YAML problems are "error converting YAML to JSON:
// ...", a document of the wrong shape fails in encoding/json.
std::string yaml_shape_error(const Value& v, std::string_view target) {
  return "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " +
         std::string(json_kind(v)) + " into Go value of type " + std::string(target);
}

std::string yaml_error_text(const Error& e) {
  std::string text = e.what();
  constexpr std::string_view kPrefix = "error converting YAML to JSON: ";
  if (text.rfind(kPrefix, 0) != 0) text = std::string(kPrefix) + text;
  return text;
}

Value from_yaml(CallContext&, Args& a) {
  Value m = Value::empty_map();
  try {
    Value v = yaml::decode(a[0].as_string());
    if (v.is_map()) return v;
    if (v.is_null()) return m;
    m.set("Error", Value(yaml_shape_error(v, "map[string]interface {}")));
  } catch (const Error& e) {
    m.set("Error", Value(yaml_error_text(e)));
  }
  return m;
}

Value from_yaml_array(CallContext&, Args& a) {
  try {
    Value v = yaml::decode(a[0].as_string());
    if (v.is_list()) return v;
    if (v.is_null()) return Value::empty_list();
    return Value::list_of({Value(yaml_shape_error(v, "[]interface {}"))});
  } catch (const Error& e) {
    return Value::list_of({Value(yaml_error_text(e))});
  }
}

// toToml: BurntSushi/toml's Encoder.Encode; an error's text is the result.
Value to_toml(CallContext&, Args& a) {
  try {
    return Value(toml::encode(a[0]));
  } catch (const toml::EncodeError& e) {
    return Value(std::string(e.what()));
  } catch (const toml::Panic& e) {
    throw FuncError(e.what());
  }
}

// fromToml: toml.Unmarshal into map[string]interface{}; a parse error's text under "Error".
Value from_toml(CallContext&, Args& a) {
  try {
    return toml::decode(a[0].as_string());
  } catch (const toml::ParseError& e) {
    return Value::map_of({{"Error", Value(e.text())}});
  } catch (const toml::Panic& e) {
    throw FuncError(e.what());
  }
}

}  // namespace

void register_helm_funcs(FuncMap& f) {
  f.add("include", "func(string, interface {}) (string, error)", include);
  f.add("tpl", "func(string, interface {}) (string, error)", tpl);
  f.add("required", "func(string, interface {}) (interface {}, error)", required);
  f.add("fail", "func(string) (string, error)", fail);
  f.add("lookup", "func(string, string, string, string) (map[string]interface {}, error)", lookup);
  // Without --enable-dns Helm answers every name with "".
  f.add("getHostByName", "func(string) string", [](CallContext&, Args&) { return Value(std::string()); });
  f.add("toToml", "func(interface {}) string", to_toml);
  f.add("fromToml", "func(string) map[string]interface {}", from_toml);
  f.add("toYaml", "func(interface {}) string", to_yaml);
  f.add("toYamlPretty", "func(interface {}) string", to_yaml_pretty);
  f.add("fromYaml", "func(string) map[string]interface {}", from_yaml);
  f.add("fromYamlArray", "func(string) []interface {}", from_yaml_array);
  f.add("toJson", "func(interface {}) string", to_json);
  f.add("fromJson", "func(string) map[string]interface {}", from_json);
  f.add("fromJsonArray", "func(string) []interface {}", from_json_array);
}

}  // namespace capstan::templating
