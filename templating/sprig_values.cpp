// Sprig's shared conversions.
#include "templating/sprig_values.h"

#include <openssl/rand.h>

#include <cmath>

#include "core/error.h"
#include "core/strconv.h"
#include "templating/engine.h"
#include "templating/function.h"
#include "templating/gofmt.h"
#include "templating/object.h"

namespace capstan::templating::sprig {

std::string strval(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String:
    case Value::Kind::Bytes:
      return v.as_string();
    default:
      break;
  }
  if (const GoObject* o = as_go_object(v); o != nullptr && o->type().string) {
    return o->type().string(*o);
  }
  return gofmt::sprintf("%v", {v});
}

const Value& data_of(const Value& v) {
  if (const GoObject* o = as_go_object(v); o != nullptr && o->is_named())
    return o->underlying();
  return v;
}

std::vector<std::string> strslice(const Value& v) {
  std::vector<std::string> out;
  const Value& d = data_of(v);
  if (d.is_list()) {
    out.reserve(d.list().items.size());
    for (const Value& item : d.list().items) {
      if (!item.is_null())
        out.push_back(strval(item));
    }
    return out;
  }
  if (d.is_bytes()) {
    for (char c : d.as_string()) out.push_back(std::to_string(static_cast<unsigned char>(c)));
    return out;
  }
  if (v.is_null())
    return out;
  out.push_back(strval(v));
  return out;
}

bool empty(const Value& v) {
  const Value& d = data_of(v);
  switch (d.kind()) {
    case Value::Kind::Null:
      return true;
    case Value::Kind::Bool:
      return !d.as_bool();
    case Value::Kind::Int:
      return d.as_int() == 0;
    case Value::Kind::Uint:
      return d.as_uint() == 0;
    case Value::Kind::Float:
      return d.as_float() == 0;
    case Value::Kind::String:
    case Value::Kind::Bytes:
    case Value::Kind::List:
    case Value::Kind::Map:
      return d.size() == 0;
    case Value::Kind::Object:
      return false;  // structs are never empty; pointers are non-nil
  }
  return false;
}

namespace {

// cast's trimZeroDecimal: "3.000" -> "3" (scanning from the end; a '.' without zeros after it
// is skipped, so "5.0." also becomes "5").
std::string trim_zero_decimal(const std::string& s) {
  bool found_zero = false;
  for (std::size_t i = s.size(); i > 0; --i) {
    const char c = s[i - 1];
    if (c == '.') {
      if (found_zero)
        return s.substr(0, i - 1);
    } else if (c == '0') {
      found_zero = true;
    } else {
      return s;
    }
  }
  return s;
}

// cast's toInt: int and the named ints time.Weekday and time.Month.
bool cast_int(const Value& v, std::int64_t& out) {
  if (v.is_int() && v.num_type() == NumType::Int) {
    out = v.as_int();
    return true;
  }
  if (const GoObject* o = as_go_object(v);
      o != nullptr && o->is_named() &&
      (o->type_name() == "time.Month" || o->type_name() == "time.Weekday")) {
    out = o->underlying().as_int();
    return true;
  }
  return false;
}

}  // namespace

std::int64_t float_to_int64(double f) {
  if (std::isnan(f) || f >= 9223372036854775808.0 || f < -9223372036854775808.0)
    return INT64_MIN;
  return static_cast<std::int64_t>(f);
}

std::int64_t to_int64(const Value& v) {
  std::int64_t i = 0;
  if (cast_int(v, i))
    return i;
  switch (v.kind()) {
    case Value::Kind::Int:
      return v.as_int();
    case Value::Kind::Uint:
      return static_cast<std::int64_t>(v.as_uint());
    case Value::Kind::Float: {
      double f = v.as_float();
      if (v.num_type() == NumType::Float32)
        f = static_cast<float>(f);
      return float_to_int64(f);
    }
    case Value::Kind::Bool:
      return v.as_bool() ? 1 : 0;
    case Value::Kind::String: {
      auto r = strconv::parse_int(trim_zero_decimal(v.as_string()), 0, 64);
      return r.ok() ? r.value : 0;
    }
    default:
      return 0;
  }
}

double to_float64(const Value& v) {
  std::int64_t i = 0;
  if (cast_int(v, i))
    return static_cast<double>(i);
  switch (v.kind()) {
    case Value::Kind::Int:
      return static_cast<double>(v.as_int());
    case Value::Kind::Uint:
      return static_cast<double>(v.as_uint());
    case Value::Kind::Float:
      return v.as_float();
    case Value::Kind::Bool:
      return v.as_bool() ? 1 : 0;
    case Value::Kind::String: {
      auto r = strconv::parse_float(v.as_string(), 64);
      return r.ok() ? r.value : 0;
    }
    default:
      return 0;
  }
}

Value string_list(std::vector<std::string> items) {
  auto list = std::make_shared<List>();
  list->elem_type = "string";
  list->items.reserve(items.size());
  for (std::string& s : items) list->items.emplace_back(std::move(s));
  return Value(std::move(list));
}

Value any_list(std::vector<Value> items) {
  return Value(std::make_shared<List>(std::move(items)));
}

std::string reflect_kind(const Value& v) {
  if (const GoObject* o = as_go_object(v)) {
    if (o->is_named())
      return reflect_kind(o->underlying());
    return o->is_pointer() || (!o->type_name().empty() && o->type_name()[0] == '*') ? "ptr"
                                                                                    : "struct";
  }
  switch (v.kind()) {
    case Value::Kind::Null:
      return "invalid";
    case Value::Kind::Bool:
      return "bool";
    case Value::Kind::Int:
    case Value::Kind::Uint:
    case Value::Kind::Float:
      return std::string(num_type_name(v.num_type()));
    case Value::Kind::String:
      return "string";
    case Value::Kind::Bytes:
    case Value::Kind::List:
      return "slice";
    case Value::Kind::Map:
      return "map";
    case Value::Kind::Object:
      return "struct";
  }
  return "invalid";
}

bool is_slice(const Value& v) {
  const Value& d = data_of(v);
  return d.is_list() || d.is_bytes();
}

std::vector<Value> slice_items(const Value& v) {
  const Value& d = data_of(v);
  if (d.is_list())
    return d.list().items;
  std::vector<Value> out;
  if (d.is_bytes()) {
    for (char c : d.as_string()) {
      out.push_back(Value::unsigned_integer(static_cast<unsigned char>(c), NumType::Uint8));
    }
  }
  return out;
}

bool deep_equal(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::Object || b.kind() == Value::Kind::Object) {
    const GoObject* x = as_go_object(a);
    const GoObject* y = as_go_object(b);
    if (x == nullptr || y == nullptr)
      return a.is_object() && b.is_object() && a.object() == b.object();
    if (x == y)
      return true;
    if (x->type_name() != y->type_name())
      return false;
    if (x->is_named())
      return deep_equal(x->underlying(), y->underlying());
    if (x->fields().size() != y->fields().size())
      return false;
    for (std::size_t i = 0; i < x->fields().size(); ++i) {
      if (!deep_equal(x->fields()[i].value, y->fields()[i].value))
        return false;
    }
    // Structs whose state is native data (time.Time, versions) compare by their printed form.
    if (x->type().string)
      return x->type().string(*x) == y->type().string(*y);
    return true;
  }
  if (a.kind() != b.kind() || type_name(a) != type_name(b))
    return false;
  switch (a.kind()) {
    case Value::Kind::Null:
      return true;
    case Value::Kind::Bool:
      return a.as_bool() == b.as_bool();
    case Value::Kind::Int:
      return a.as_int() == b.as_int();
    case Value::Kind::Uint:
      return a.as_uint() == b.as_uint();
    case Value::Kind::Float:
      return a.as_float() == b.as_float();
    case Value::Kind::String:
    case Value::Kind::Bytes:
      return a.as_string() == b.as_string();
    case Value::Kind::List: {
      if (a.list_ptr() == b.list_ptr())
        return true;
      if (a.list().nil != b.list().nil)
        return false;  // a nil slice differs from an empty one
      const auto& x = a.list().items;
      const auto& y = b.list().items;
      if (x.size() != y.size())
        return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!deep_equal(x[i], y[i]))
          return false;
      }
      return true;
    }
    case Value::Kind::Map: {
      if (a.map_ptr() == b.map_ptr())
        return true;
      if (a.map().nil != b.map().nil)
        return false;
      const auto& x = a.map().entries;
      const auto& y = b.map().entries;
      if (x.size() != y.size())
        return false;
      for (const auto& [key, value] : x) {
        auto it = y.find(key);
        if (it == y.end() || !deep_equal(value, it->second))
          return false;
      }
      return true;
    }
    case Value::Kind::Object:
      return false;
  }
  return false;
}

std::string slice_bounds_error(std::int64_t low, std::int64_t high, std::int64_t len, bool has_low,
                               bool has_high) {
  const std::string prefix = "runtime error: slice bounds out of range ";
  if (has_high && static_cast<std::uint64_t>(high) > static_cast<std::uint64_t>(len)) {
    if (high < 0)
      return prefix + "[:" + std::to_string(high) + "]";
    return prefix + "[:" + std::to_string(high) + "] with length " + std::to_string(len);
  }
  const std::int64_t hi = has_high ? high : len;
  if (has_low && static_cast<std::uint64_t>(low) > static_cast<std::uint64_t>(hi)) {
    if (low < 0)
      return prefix + "[" + std::to_string(low) + ":]";
    return prefix + "[" + std::to_string(low) + ":" + std::to_string(hi) + "]";
  }
  return "";
}

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string base64_encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size())
      v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view src, std::string* error) {
  auto decode_map = [](unsigned char c) -> int {
    if (c >= 'A' && c <= 'Z')
      return c - 'A';
    if (c >= 'a' && c <= 'z')
      return c - 'a' + 26;
    if (c >= '0' && c <= '9')
      return c - '0' + 52;
    if (c == '+')
      return 62;
    if (c == '/')
      return 63;
    return -1;
  };
  auto corrupt = [&](std::size_t at) -> std::optional<std::string> {
    if (error != nullptr)
      *error = "illegal base64 data at input byte " + std::to_string(at);
    return std::nullopt;
  };
  std::string out;
  std::size_t si = 0;
  while (true) {
    int dbuf[4] = {0, 0, 0, 0};
    int dlen = 4;
    bool done = false;
    for (int j = 0; j < 4; ++j) {
      if (si == src.size()) {
        if (j == 0)
          return out;
        return corrupt(si - static_cast<std::size_t>(j));  // padding is required
      }
      const auto in = static_cast<unsigned char>(src[si]);
      ++si;
      const int value = decode_map(in);
      if (value >= 0) {
        dbuf[j] = value;
        continue;
      }
      if (in == '\n' || in == '\r') {
        --j;
        continue;
      }
      if (in != '=')
        return corrupt(si - 1);
      // Padding: the end of the input.
      if (j == 0 || j == 1)
        return corrupt(si - 1);
      if (j == 2) {
        while (si < src.size() && (src[si] == '\n' || src[si] == '\r')) ++si;
        if (si == src.size())
          return corrupt(src.size());
        if (src[si] != '=')
          return corrupt(si - 1);
        ++si;
      }
      while (si < src.size() && (src[si] == '\n' || src[si] == '\r')) ++si;
      if (si < src.size())
        return corrupt(si);  // trailing garbage
      dlen = j;
      done = true;
      break;
    }
    const unsigned val = (static_cast<unsigned>(dbuf[0]) << 18) |
                         (static_cast<unsigned>(dbuf[1]) << 12) |
                         (static_cast<unsigned>(dbuf[2]) << 6) | static_cast<unsigned>(dbuf[3]);
    if (dlen >= 2)
      out += static_cast<char>((val >> 16) & 0xFF);
    if (dlen >= 3)
      out += static_cast<char>((val >> 8) & 0xFF);
    if (dlen >= 4)
      out += static_cast<char>(val & 0xFF);
    if (done)
      return out;
  }
}

std::uint64_t random_u64(CallContext& ctx) {
  if (ctx.options().random)
    return ctx.options().random();
  std::uint64_t v = 0;
  if (RAND_bytes(reinterpret_cast<unsigned char*>(&v), sizeof v) != 1) {
    throw FuncError("crypto/rand: failed to read random data");
  }
  return v;
}

std::uint64_t random_below(CallContext& ctx, std::uint64_t n) {
  // Rejection sampling keeps the distribution uniform.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  while (true) {
    const std::uint64_t v = random_u64(ctx);
    if (v < limit)
      return v % n;
  }
}

std::string random_bytes(CallContext& ctx, std::size_t n) {
  std::string out;
  out.reserve(n + 8);
  while (out.size() < n) {
    std::uint64_t v = random_u64(ctx);
    for (int i = 0; i < 8 && out.size() < n; ++i) {
      out += static_cast<char>(v & 0xFF);
      v >>= 8;
    }
  }
  return out;
}

}  // namespace capstan::templating::sprig
