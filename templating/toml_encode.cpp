// toToml's encoder: BurntSushi/toml v1.6.0's Encoder (encode.go) over template values, with
// reflect's view of them: a Value's Go type (int, float64, []interface {}, map, nil) and Go
// objects as the library sees their types (structs by exported field name in declaration
// order, embedded structs' fields promoted, named types as their underlying data, time.Time
// and TextMarshalers as scalars, time.Duration as its String()). Helm's types have no `toml`
// tags, so tags (names, omitempty, omitzero, "-") never apply. Keys without sub-tables come
// first, then tables; maps in sorted key order.
#include <cmath>

#include "core/strconv.h"
#include "templating/object.h"
#include "templating/sprig_objects.h"
#include "templating/sprig_time.h"
#include "templating/toml.h"
#include "templating/toml_values.h"

namespace capstan::templating::toml {

namespace {

using Key = std::vector<std::string>;
using detail::key_string;

// tomlTypeOfGo's answers; None for nil.
enum class TomlType { None, Integer, Float, Datetime, String, Bool, Array, Hash, ArrayHash };

// How reflect sees a value: its kind, and for objects the object.
struct View {
  enum class Kind {
    Nil,
    Bool,
    Int,
    Uint,
    Float,
    String,
    Bytes,
    Slice,
    Map,
    Struct,
    Time,
    Text,
    Duration,
    Other
  };
  Kind kind = Kind::Nil;
  const Value* value = nullptr;  // the plain data (a Named object's underlying value)
  const GoObject* object = nullptr;
  std::string other;  // Kind::Other: reflect's kind name ("complex128")
};

View view(const Value& v) {
  View out;
  out.value = &v;
  switch (v.kind()) {
    case Value::Kind::Null:
      return out;
    case Value::Kind::Bool:
      out.kind = View::Kind::Bool;
      return out;
    case Value::Kind::Int:
      out.kind = View::Kind::Int;
      return out;
    case Value::Kind::Uint:
      out.kind = View::Kind::Uint;
      return out;
    case Value::Kind::Float:
      out.kind = View::Kind::Float;
      return out;
    case Value::Kind::String:
      out.kind = View::Kind::String;
      return out;
    case Value::Kind::Bytes:
      out.kind = View::Kind::Bytes;
      return out;
    // A nil slice or map is nil to isNil, and encodes (or not) as nil.
    case Value::Kind::List:
      out.kind = v.list().nil ? View::Kind::Nil : View::Kind::Slice;
      return out;
    case Value::Kind::Map:
      out.kind = v.map().nil ? View::Kind::Nil : View::Kind::Map;
      return out;
    case Value::Kind::Object:
      break;
  }
  if (sprig::as_time(v) != nullptr) {
    out.kind = View::Kind::Time;
    return out;
  }
  const GoObject* o = as_go_object(v);
  if (o == nullptr) {
    out.kind = View::Kind::Other;
    out.other = v.object()->type_name();
    return out;
  }
  out.object = o;
  if (o->type().text) {
    out.kind = View::Kind::Text;
  } else if (o->type().name == "time.Duration") {
    out.kind = View::Kind::Duration;
  } else if (o->type().name == "complex128") {
    out.kind = View::Kind::Other;
    out.other = "complex128";
  } else if (o->is_named()) {
    View inner = view(o->underlying());
    inner.object = o;
    return inner;
  } else {
    out.kind = View::Kind::Struct;
  }
  return out;
}

bool is_nil(const View& v) {
  return v.kind == View::Kind::Nil;
}

// A struct's fields as the encoder collects them: exported ones, embedded structs' fields in
// their place; `top` is the index of the field in the outermost struct (fieldIndex[0]).
struct StructField {
  std::size_t top;
  const std::string* name;
  const Value* value;
};

bool exported(std::string_view name) {
  return !name.empty() && !(name[0] >= 'a' && name[0] <= 'z') && name[0] != '_';
}

std::string floating(double f, int bits) {
  if (std::isnan(f))
    return std::signbit(f) ? "-nan" : "nan";
  if (std::isinf(f))
    return std::signbit(f) ? "-inf" : "inf";
  // 'g', not v1.2's 'f': 1e6 is "1e+06"; ".0" only where there is neither '.' nor an exponent.
  std::string s = strconv::format_float(f, 'g', -1, bits);
  if (s.find_first_of(".e") == std::string::npos)
    s += ".0";
  return s;
}

class Encoder {
 public:
  std::string run(const Value& v) {
    // Encode(nil): eindirect asks reflect for the type of the zero Value.
    if (v.is_null())
      throw Panic("reflect: call of reflect.Value.Type on zero Value");
    encode({}, v);
    return std::move(out_);
  }

 private:
  // A dict holding itself makes Go recurse until its 1 GB stack is gone (a fatal error that
  // ends Helm); here nesting is bounded and reported as that error's first line instead.
  // Keys are copied per level (as Go's key.add), so the bound also caps that memory.
  static constexpr int kMaxDepth = 2000;

  struct Depth {
    explicit Depth(int& d) : d_(d) {
      if (++d_ > kMaxDepth)
        throw Panic("runtime: goroutine stack exceeds 1000000000-byte limit");
    }
    ~Depth() { --d_; }
    int& d_;
  };

  void write(std::string_view s) {
    out_ += s;
    has_written_ = true;
  }
  void newline() {
    if (has_written_)
      write("\n");
  }
  static std::string indent(const Key& key) {
    std::string s;
    for (std::size_t i = 1; i < key.size(); ++i) s += "  ";
    return s;
  }

  void encode(const Key& key, const Value& v) {
    Depth depth(depth_);
    const View vw = view(v);
    switch (vw.kind) {
      case View::Kind::Time:
      case View::Kind::Text:
      case View::Kind::Bool:
      case View::Kind::Int:
      case View::Kind::Uint:
      case View::Kind::Float:
      case View::Kind::String:
      case View::Kind::Duration:
        write_key_value(key, v, false);
        return;
      case View::Kind::Bytes:
      case View::Kind::Slice:
        if (type_of(v) == TomlType::ArrayHash) {
          array_of_tables(key, *vw.value);
        } else {
          write_key_value(key, v, false);
        }
        return;
      case View::Kind::Nil:
        return;
      case View::Kind::Map:
      case View::Kind::Struct:
        table(key, v);
        return;
      case View::Kind::Other:
        throw EncodeError("unsupported type for key '" + key_string(key) + "': " + vw.other);
    }
  }

  // tomlTypeOfGo: what a value is in TOML terms (arrays are checked for nil elements here).
  static TomlType type_of(const Value& v) {
    const View vw = view(v);
    switch (vw.kind) {
      case View::Kind::Nil:
        return TomlType::None;
      case View::Kind::Time:
        return TomlType::Datetime;
      case View::Kind::Text:
        return TomlType::String;
      case View::Kind::Struct:
        return TomlType::Hash;
      case View::Kind::Bool:
        return TomlType::Bool;
      case View::Kind::Int:
      case View::Kind::Uint:
      case View::Kind::Duration:
        return TomlType::Integer;
      case View::Kind::Float:
        return TomlType::Float;
      case View::Kind::Bytes:
        return TomlType::Array;  // of uint8
      case View::Kind::Slice:
        return is_table_array(*vw.value) ? TomlType::ArrayHash : TomlType::Array;
      case View::Kind::String:
        return TomlType::String;
      case View::Kind::Map:
        return TomlType::Hash;
      case View::Kind::Other:
        break;
    }
    throw EncodeError("unsupported type: " + vw.other);
  }

  // isTableArray: non-empty, every element a table; any nil element is an error.
  static bool is_table_array(const Value& list) {
    const auto& items = list.list().items;
    if (items.empty())
      return false;
    bool all = true;
    for (const Value& item : items) {
      const TomlType t = type_of(item);
      if (t == TomlType::None)
        throw EncodeError("toml: cannot encode array with nil element");
      if (t != TomlType::Hash)
        all = false;
    }
    return all;
  }

  static bool is_table(TomlType t) { return t == TomlType::Hash || t == TomlType::ArrayHash; }

  // eElement: a value in place (after "key = ", in an array, in an inline table).
  void element(const Value& v) {
    Depth depth(depth_);
    const View vw = view(v);
    switch (vw.kind) {
      case View::Kind::Time:
        write(time_text(*sprig::as_time(v)));
        return;
      case View::Kind::Text:
        write(detail::quote(vw.object->type().text(*vw.object)));
        return;
      case View::Kind::Duration:
        write(detail::quote(gotime::duration_string(vw.object->underlying().as_int())));
        return;
      case View::Kind::String:
        write(detail::quote(vw.value->as_string()));
        return;
      case View::Kind::Bool:
        write(vw.value->as_bool() ? "true" : "false");
        return;
      case View::Kind::Int:
        write(strconv::format_int(vw.value->as_int()));
        return;
      case View::Kind::Uint:
        write(strconv::format_uint(vw.value->as_uint()));
        return;
      case View::Kind::Float:
        write(floating(vw.value->as_float(), vw.value->num_type() == NumType::Float32 ? 32 : 64));
        return;
      case View::Kind::Bytes: {  // []byte: an array of integers
        write("[");
        const std::string& b = vw.value->as_string();
        for (std::size_t i = 0; i < b.size(); ++i) {
          write(std::to_string(static_cast<unsigned char>(b[i])));
          if (i + 1 != b.size())
            write(", ");
        }
        write("]");
        return;
      }
      case View::Kind::Slice: {
        const auto& items = vw.value->list().items;
        write("[");
        for (std::size_t i = 0; i < items.size(); ++i) {
          element(items[i]);
          if (i + 1 != items.size())
            write(", ");
        }
        write("]");
        return;
      }
      case View::Kind::Struct:
        encode_struct({}, *vw.object, true);
        return;
      case View::Kind::Map:
        encode_map({}, *vw.value, true);
        return;
      case View::Kind::Nil:
        // Unreachable from the encoder (nil elements and fields are refused or skipped first).
        throw Panic("reflect: call of reflect.Value.Interface on zero Value");
      case View::Kind::Other:
        throw EncodeError("unexpected type: " + vw.other);
    }
  }

  // A datetime in RFC 3339, or in the format of the local datetime, date or time it was read as.
  static std::string time_text(const gotime::Time& t) {
    const std::string zone = t.location()->name;
    if (zone == kLocalDatetimeZone)
      return t.in(gotime::utc()).format("2006-01-02T15:04:05.999999999");
    if (zone == kLocalDateZone)
      return t.in(gotime::utc()).format("2006-01-02");
    if (zone == kLocalTimeZone)
      return t.in(gotime::utc()).format("15:04:05.999999999");
    return t.format("2006-01-02T15:04:05.999999999Z07:00");
  }

  void array_of_tables(const Key& key, const Value& list) {
    if (key.empty())
      throw EncodeError("toml: top-level values must be Go maps or structs");
    for (const Value& item : list.list().items) {
      const View vw = view(item);
      if (is_nil(vw))
        continue;
      newline();
      write(indent(key) + "[[" + key_string(key) + "]]");
      newline();
      map_or_struct(key, vw);
    }
  }

  void table(const Key& key, const Value& v) {
    if (key.size() == 1)
      newline();  // a blank line between top-level tables
    if (!key.empty()) {
      write(indent(key) + "[" + key_string(key) + "]");
      newline();
    }
    map_or_struct(key, view(v));
  }

  void map_or_struct(const Key& key, const View& vw) {
    if (vw.kind == View::Kind::Map) {
      encode_map(key, *vw.value, false);
    } else if (vw.kind == View::Kind::Struct) {
      encode_struct(key, *vw.object, false);
    } else {
      throw Panic("eTable: unhandled reflect.Value Kind");
    }
  }

  void encode_map(const Key& key, const Value& m, bool inline_) {
    std::vector<const std::pair<const std::string, Value>*> direct, sub;
    for (const auto& entry : m.map().entries)
      (is_table(type_of(entry.second)) ? sub : direct).push_back(&entry);
    if (inline_)
      write("{");
    auto write_keys = [&](const auto& entries, bool trailing_comma) {
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& [name, val] = *entries[i];
        if (is_nil(view(val)))
          continue;
        if (inline_) {
          write_key_value({name}, val, true);
          if (trailing_comma || i + 1 != entries.size())
            write(", ");
        } else {
          Key k = key;
          k.push_back(name);
          encode(k, val);
        }
      }
    };
    write_keys(direct, !sub.empty());
    write_keys(sub, false);
    if (inline_)
      write("}");
  }

  static void add_fields(const GoObject& o, std::size_t top, bool outer,
                         std::vector<StructField>& direct, std::vector<StructField>& sub) {
    const auto& fields = o.fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const GoObject::Field& f = fields[i];
      const std::size_t index = outer ? i : top;
      if (f.embedded) {
        // An embedded struct without a toml tag: its fields in its place.
        if (const GoObject* inner = as_go_object(f.value); inner != nullptr && !inner->is_named()) {
          add_fields(*inner, index, false, direct, sub);
          continue;
        }
      } else if (!exported(f.name)) {
        continue;
      }
      (is_table(type_of(f.value)) ? sub : direct).push_back(StructField{index, &f.name, &f.value});
    }
  }

  void encode_struct(const Key& key, const GoObject& o, bool inline_) {
    std::vector<StructField> direct, sub;
    add_fields(o, 0, true, direct, sub);
    const std::size_t total = direct.size() + sub.size();
    if (inline_)
      write("{");
    for (const auto* fields : {&direct, &sub}) {
      for (const StructField& f : *fields) {
        if (is_nil(view(*f.value)))
          continue;
        if (inline_) {
          write_key_value({*f.name}, *f.value, true);
          // v1.6 compares the outermost field index with the number of fields collected.
          if (f.top != total - 1)
            write(", ");
        } else {
          Key k = key;
          k.push_back(*f.name);
          encode(k, *f.value);
        }
      }
    }
    if (inline_)
      write("}");
  }

  void write_key_value(const Key& key, const Value& v, bool inline_) {
    if (key.empty()) {  // v1.6: a scalar or array at the top writes just the value
      element(v);
      return;
    }
    write(indent(key) + detail::maybe_quoted(key.back()) + " = ");
    element(v);
    if (!inline_)
      newline();
  }

  std::string out_;
  bool has_written_ = false;
  int depth_ = 0;
};

}  // namespace

std::string encode(const Value& v) {
  return Encoder().run(v);
}

}  // namespace capstan::templating::toml
