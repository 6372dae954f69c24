// Helm's own template functions (pkg/engine/funcs.go and engine.go): include, tpl, required,
// fail, lookup, getHostByName, and the YAML/JSON converters.
#include "core/error.h"
#include "core/json.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "templating/engine.h"
#include "templating/exec.h"
#include "templating/object.h"

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

}  // namespace

void register_helm_funcs(FuncMap& f) {
  f.add("include", "func(string, interface {}) (string, error)", include);
  f.add("tpl", "func(string, interface {}) (string, error)", tpl);
  f.add("required", "func(string, interface {}) (interface {}, error)", required);
  f.add("fail", "func(string) (string, error)", fail);
  f.add("lookup", "func(string, string, string, string) (map[string]interface {}, error)", lookup);
  // Without --enable-dns Helm answers every name with "".
  f.add("getHostByName", "func(string) string", [](CallContext&, Args&) { return Value(std::string()); });
  f.add("toYaml", "func(interface {}) string", to_yaml);
  f.add("fromYaml", "func(string) map[string]interface {}", from_yaml);
  f.add("fromYamlArray", "func(string) []interface {}", from_yaml_array);
  f.add("toJson", "func(interface {}) string", to_json);
  f.add("fromJson", "func(string) map[string]interface {}", from_json);
  f.add("fromJsonArray", "func(string) []interface {}", from_json_array);
}

}  // namespace capstan::templating
