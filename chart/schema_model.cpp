// Types, locations, equality and patterns of the compiled schema model (see schema_model.h).
#include "chart/schema_model.h"

#include "chart/schema_draft.h"
#include "chart/schema_url.h"
#include "core/strconv.h"

namespace capstan::chart::jsonschema {

JsonType type_of(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return kNullType;
    case Value::Kind::Bool:
      return kBooleanType;
    case Value::Kind::Int:
    case Value::Kind::Uint:
    case Value::Kind::Float:
      return kNumberType;
    case Value::Kind::String:
      return kStringType;
    case Value::Kind::List:
      return kArrayType;
    case Value::Kind::Map:
      return kObjectType;
    default:
      return kInvalidType;
  }
}

JsonType type_from_string(std::string_view s) {
  if (s == "null")
    return kNullType;
  if (s == "boolean")
    return kBooleanType;
  if (s == "number")
    return kNumberType;
  if (s == "integer")
    return kIntegerType;
  if (s == "string")
    return kStringType;
  if (s == "array")
    return kArrayType;
  if (s == "object")
    return kObjectType;
  return kInvalidType;
}

std::string type_name(int t) {
  switch (t) {
    case kNullType:
      return "null";
    case kBooleanType:
      return "boolean";
    case kNumberType:
      return "number";
    case kIntegerType:
      return "integer";
    case kStringType:
      return "string";
    case kArrayType:
      return "array";
    case kObjectType:
      return "object";
    default:
      return "";
  }
}

std::vector<std::string> type_names(int types) {
  std::vector<std::string> out;
  for (int t : {kNullType, kBooleanType, kNumberType, kIntegerType, kStringType, kArrayType,
                kObjectType}) {
    if (types & t)
      out.push_back(type_name(t));
  }
  return out;
}

std::string UrlPtr::string() const { return url + "#" + encode_fragment(ptr); }

std::string UrlPtr::format(std::string_view token) const {
  return url + "#" + encode_fragment(ptr) + "/" + encode_fragment(pointer_escape(token));
}

const Value* lookup_pointer(const Value& doc, const JsonPointer& ptr, bool& bad_pointer) {
  bad_pointer = false;
  const Value* v = &doc;
  if (ptr.empty())
    return v;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = ptr.find('/', start);
    const std::string raw = ptr.substr(start, slash == std::string::npos ? slash : slash - start);
    std::optional<std::string> tok = pointer_unescape(raw);
    if (!tok) {
      bad_pointer = true;
      return nullptr;
    }
    if (v->is_map()) {
      auto it = v->map().entries.find(*tok);
      if (it == v->map().entries.end())
        return nullptr;
      v = &it->second;
    } else if (v->is_list()) {
      strconv::Parsed<std::int64_t> index = strconv::parse_int(*tok);
      const auto& items = v->list().items;
      if (!index.ok() || index.value < 0 || static_cast<std::size_t>(index.value) >= items.size())
        return nullptr;
      v = &items[static_cast<std::size_t>(index.value)];
    } else {
      return nullptr;
    }
    if (slash == std::string::npos)
      return v;
    start = slash + 1;
  }
}

bool json_equals(const Value& a, const Value& b) {
  const JsonType ta = type_of(a);
  if (ta == kNumberType) {
    std::optional<Decimal> x = Decimal::of(a);
    std::optional<Decimal> y = Decimal::of(b);
    return x && y && x->compare(*y) == 0;
  }
  if (ta != type_of(b) || ta == kInvalidType)
    return false;
  switch (ta) {
    case kNullType:
      return true;
    case kBooleanType:
      return a.as_bool() == b.as_bool();
    case kStringType:
      return a.as_string() == b.as_string();
    case kArrayType: {
      const auto& x = a.list().items;
      const auto& y = b.list().items;
      if (x.size() != y.size())
        return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!json_equals(x[i], y[i]))
          return false;
      }
      return true;
    }
    case kObjectType: {
      const auto& x = a.map().entries;
      const auto& y = b.map().entries;
      if (x.size() != y.size())
        return false;
      for (const auto& [k, v] : x) {
        auto it = y.find(k);
        if (it == y.end() || !json_equals(v, it->second))
          return false;
      }
      return true;
    }
    default:
      return false;
  }
}

std::optional<Pattern> compile_pattern(const std::string& source, std::string& error) {
  try {
    return Pattern{source, std::make_shared<templating::goregexp::Regexp>(source)};
  } catch (const templating::goregexp::SyntaxError& e) {
    error = e.what();
    return std::nullopt;
  }
}

}  // namespace capstan::chart::jsonschema
