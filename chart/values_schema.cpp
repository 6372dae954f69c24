// Helm's values.schema.json checks (see values_schema.h).
#include "chart/values_schema.h"

#include <mutex>
#include <set>

#include "chart/schema.h"
#include "chart/schema_url.h"
#include "core/error.h"
#include "core/strconv.h"

namespace capstan::chart {

namespace {

constexpr std::string_view kSchemaUrl = "file:///values.schema.json";

// Helm warns once per process about each unresolved URN (a sync.Map).
bool first_warning(const std::string& urn) {
  static std::mutex mu;
  static std::set<std::string> warned;
  std::lock_guard<std::mutex> lock(mu);
  return warned.insert(urn).second;
}

// The scheme loaders Helm registers (file, http, https, urn), minus the network and the disk.
jsonschema::UrlLoader helm_loader(const Log& log) {
  return [log](const std::string& url) -> Value {
    std::string scheme;
    try {
      scheme = jsonschema::parse_url(url).scheme;
    } catch (const Error& e) {
      throw Error(ErrorKind::Values, e.what());
    }
    if (scheme == "urn") {
      if (first_warning(url)) {
        log_to(log, "jsonschema.go:192",
               "WARNING: unresolved URN reference ignored; using permissive schema: " + url);
      }
      return Value(true);
    }
    if (scheme == "file" || scheme == "http" || scheme == "https") {
      throw Error(ErrorKind::Values,
                  "references outside values.schema.json are not loaded (offline, no local "
                  "files)");
    }
    throw Error(ErrorKind::Values, "no URLLoader registered for " + strconv::quote(url));
  };
}

// Go's %T of a decoded value.
std::string go_type(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String:
      return "string";
    case Value::Kind::Bool:
      return "bool";
    case Value::Kind::Int:
      return "int64";
    case Value::Kind::Uint:
      return "uint64";
    case Value::Kind::Float:
      return "float64";
    case Value::Kind::List:
      return "[]interface {}";
    case Value::Kind::Map:
      return "map[string]interface {}";
    default:
      return "<nil>";
  }
}

}  // namespace

std::optional<std::string> validate_against_single_schema(const Value& values,
                                                          std::string_view schema_json,
                                                          const Log& log) {
  try {
    Value schema = jsonschema::unmarshal_json(schema_json);
    jsonschema::Compiler compiler;
    compiler.use_loader(helm_loader(log));
    compiler.add_resource(std::string(kSchemaUrl), std::move(schema));
    const jsonschema::Schema& sch = compiler.compile(std::string(kSchemaUrl));
    std::optional<jsonschema::ValidationError> err =
        jsonschema::validate(sch, values.is_null() ? Value::empty_map() : values);
    if (!err)
      return std::nullopt;
    // JSONSchemaValidationError drops the root line and ends with a newline.
    std::string text = err->error();
    const std::string prefix = "jsonschema validation failed with 'file:///values.schema.json#'\n";
    if (text.compare(0, prefix.size(), prefix) == 0)
      text.erase(0, prefix.size());
    return text + "\n";
  } catch (const Error& e) {
    return std::string(e.what());
  }
}

std::string validate_against_schema(const Chart& chart, const Value& values, const Log& log) {
  std::string sb;
  if (chart.has_schema) {
    if (std::optional<std::string> err = validate_against_single_schema(values, chart.schema, log))
      sb += chart.name() + ":\n" + *err;
  }
  for (const auto& sub : chart.dependencies()) {
    if (!values.is_map())
      break;
    auto it = values.map().entries.find(sub->name());
    if (it == values.map().entries.end() || it->second.is_null())
      continue;
    if (!it->second.is_map()) {
      sb += sub->name() + ":\ninvalid type for values: expected object (map), got " +
            go_type(it->second) + "\n";
      continue;
    }
    sb += validate_against_schema(*sub, it->second, log);
  }
  return sb;
}

void check_values_schema(const Chart& chart, const Value& values, const Log& log) {
  const std::string err = validate_against_schema(chart, values, log);
  if (!err.empty()) {
    throw Error(ErrorKind::Values,
                "values don't meet the specifications of the schema(s) in the following "
                "chart(s):\n" +
                    err);
  }
}

}  // namespace capstan::chart
