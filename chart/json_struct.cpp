// Go's json-into-struct rules for Chart.yaml and manifest heads (see json_struct.h).
#include "chart/json_struct.h"

#include "core/strconv.h"

namespace capstan::chart {

namespace {

bool equal_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z')
      y = static_cast<char>(y - 'A' + 'a');
    if (x != y)
      return false;
  }
  return true;
}

}  // namespace

std::string_view JsonStructDecoder::json_kind(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String:
    case Value::Kind::Bytes:
      return "string";
    case Value::Kind::Bool:
      return "bool";
    case Value::Kind::Int:
    case Value::Kind::Uint:
    case Value::Kind::Float:
      return "number";
    case Value::Kind::List:
      return "array";
    case Value::Kind::Map:
      return "object";
    default:
      return "null";
  }
}

std::optional<std::string> JsonStructDecoder::scalar_string(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String:
      return v.as_string();
    case Value::Kind::Bool:
      return std::string(v.as_bool() ? "true" : "false");
    case Value::Kind::Int:
      return std::to_string(v.as_int());
    case Value::Kind::Uint:
      return std::to_string(v.as_uint());
    case Value::Kind::Float:
      return strconv::format_float(v.as_float(), 'g', -1, 32);
    default:
      return std::nullopt;
  }
}

bool JsonStructDecoder::top_level_object(const Value& doc, std::string_view go_type) {
  if (doc.is_null() || doc.is_map())
    return true;
  if (!error_) {
    error_ = "json: cannot unmarshal " + std::string(json_kind(doc)) + " into Go value of type " +
             std::string(go_type);
  }
  return false;
}

std::vector<std::pair<std::string, Value>> JsonStructDecoder::match_fields(
    const Value& object, const std::vector<std::string_view>& fields) {
  std::vector<std::pair<std::string, Value>> out;
  if (!object.is_map())
    return out;
  for (const auto& [key, value] : object.map().entries) {
    std::string_view match;
    for (std::string_view f : fields) {
      if (f == key) {
        match = f;
        break;
      }
    }
    if (match.empty()) {
      for (std::string_view f : fields) {
        if (equal_fold(f, key)) {
          match = f;
          break;
        }
      }
    }
    if (!match.empty())
      out.emplace_back(std::string(match), value);
  }
  return out;
}

void JsonStructDecoder::type_error(const Value& v, std::string_view go_type, const Scope& scope,
                                   std::string_view name) {
  if (error_)
    return;
  error_ = "json: cannot unmarshal " + std::string(json_kind(v)) + " into Go struct field " +
           scope.struct_name + "." + scope.field(name) + " of type " + std::string(go_type);
}

void JsonStructDecoder::string_field(const Value& v, std::string& out, const Scope& scope,
                                     std::string_view name) {
  if (v.is_null())
    return;
  if (std::optional<std::string> s = scalar_string(v)) {
    out = *s;
    return;
  }
  type_error(v, "string", scope, name);
}

void JsonStructDecoder::bool_field(const Value& v, bool& out, const Scope& scope,
                                   std::string_view name) {
  if (v.is_null())
    return;
  if (v.is_bool()) {
    out = v.as_bool();
    return;
  }
  type_error(v, "bool", scope, name);
}

void JsonStructDecoder::string_list(const Value& v, std::vector<std::string>& out,
                                    const Scope& scope, std::string_view name) {
  if (v.is_null()) {
    out.clear();  // Go sets a slice to nil on null
    return;
  }
  if (!v.is_list()) {
    type_error(v, "[]string", scope, name);
    return;
  }
  out.clear();
  for (const Value& item : v.list().items) {
    std::string s;
    string_field(item, s, scope, name);
    out.push_back(std::move(s));
  }
}

void JsonStructDecoder::string_map(const Value& v, std::map<std::string, std::string>& out,
                                   const Scope& scope, std::string_view name) {
  if (v.is_null()) {
    out.clear();
    return;
  }
  if (!v.is_map()) {
    type_error(v, "map[string]string", scope, name);
    return;
  }
  for (const auto& [key, item] : v.map().entries) {
    std::string s;
    string_field(item, s, scope, name);
    out[key] = std::move(s);
  }
}

}  // namespace capstan::chart
