// Sprig's shared conversions.
#include "templating/sprig_values.h"

#include <cmath>

#include "core/strconv.h"
#include "templating/gofmt.h"
#include "templating/object.h"

namespace capstan::templating::sprig {

std::string strval(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String:
    case Value::Kind::Bytes: return v.as_string();
    default: break;
  }
  if (const GoObject* o = as_go_object(v); o != nullptr && o->type().string) {
    return o->type().string(*o);
  }
  return gofmt::sprintf("%v", {v});
}

std::vector<std::string> strslice(const Value& v) {
  std::vector<std::string> out;
  const GoObject* o = as_go_object(v);
  const Value& d = o != nullptr && o->is_named() ? o->underlying() : v;
  if (d.is_list()) {
    out.reserve(d.list().items.size());
    for (const Value& item : d.list().items) {
      if (!item.is_null()) out.push_back(strval(item));
    }
    return out;
  }
  if (d.is_bytes()) {
    for (char c : d.as_string()) out.push_back(std::to_string(static_cast<unsigned char>(c)));
    return out;
  }
  if (v.is_null()) return out;
  out.push_back(strval(v));
  return out;
}

bool empty(const Value& v) {
  const GoObject* o = as_go_object(v);
  const Value& d = o != nullptr && o->is_named() ? o->underlying() : v;
  switch (d.kind()) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return !d.as_bool();
    case Value::Kind::Int: return d.as_int() == 0;
    case Value::Kind::Uint: return d.as_uint() == 0;
    case Value::Kind::Float: return d.as_float() == 0;
    case Value::Kind::String:
    case Value::Kind::Bytes:
    case Value::Kind::List:
    case Value::Kind::Map: return d.size() == 0;
    case Value::Kind::Object: return false;  // structs are never empty; pointers are non-nil
  }
  return false;
}

namespace {

// cast's trimZeroDecimal: "3.000" -> "3".
std::string trim_zero_decimal(const std::string& s) {
  bool found_zero = false;
  for (std::size_t i = s.size(); i > 0; --i) {
    const char c = s[i - 1];
    if (c == '.') {
      if (found_zero) return s.substr(0, i - 1);
      return s;
    }
    if (c == '0') {
      found_zero = true;
    } else {
      return s;
    }
  }
  return s;
}

}  // namespace

std::int64_t to_int64(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Int: return v.as_int();
    case Value::Kind::Uint: return static_cast<std::int64_t>(v.as_uint());
    case Value::Kind::Float: {
      const double f = v.as_float();
      if (std::isnan(f) || f >= 9.3e18 || f <= -9.3e18) return INT64_MIN;  // Go's conversion
      return static_cast<std::int64_t>(f);
    }
    case Value::Kind::Bool: return v.as_bool() ? 1 : 0;
    case Value::Kind::String: {
      auto r = strconv::parse_int(trim_zero_decimal(v.as_string()), 0, 64);
      return r.ok() ? r.value : 0;
    }
    default: return 0;
  }
}

double to_float64(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Int: return static_cast<double>(v.as_int());
    case Value::Kind::Uint: return static_cast<double>(v.as_uint());
    case Value::Kind::Float: return v.as_float();
    case Value::Kind::Bool: return v.as_bool() ? 1 : 0;
    case Value::Kind::String: {
      auto r = strconv::parse_float(v.as_string(), 64);
      return r.ok() ? r.value : 0;
    }
    default: return 0;
  }
}

Value string_list(std::vector<std::string> items) {
  auto list = std::make_shared<List>();
  list->elem_type = "string";
  list->items.reserve(items.size());
  for (std::string& s : items) list->items.emplace_back(std::move(s));
  return Value(std::move(list));
}

}  // namespace capstan::templating::sprig
