// Go's text/template builtins (funcs.go): and, or, not, len, index, slice, print, printf,
// println, html, js, urlquery, call and the comparisons, with Go's errors.
#include <array>
#include <cmath>

#include "core/strconv.h"
#include "templating/exec.h"
#include "templating/gofmt.h"
#include "templating/object.h"

namespace capstan::templating {

namespace {

// indirectInterface: the value inside an interface (a nil one is no value).
Val indirect_interface(const Val& v) {
  if (v.is_nil_interface()) return Val::invalid();
  return v;
}

// Objects of named types act as their data.
const Value& data(const Value& v) {
  if (const GoObject* o = as_go_object(v); o != nullptr && o->is_named()) return o->underlying();
  return v;
}

std::string val_type(const Val& v) {
  if (v.v.is_null()) return std::string(v.nil_type);
  return type_name(v.v);
}

Val b_not(std::vector<Val>& a) {
  bool ok;
  return Val(Value(!is_true(indirect_interface(a[0]), ok)));
}

Val b_len(std::vector<Val>& a) {
  const Val& item = a[0];
  if (!item.valid) throw FuncError("reflect: call of reflect.Value.Type on zero Value");
  if (item.v.is_null()) throw FuncError("len of nil pointer");
  const Value& v = data(item.v);
  switch (v.kind()) {
    case Value::Kind::String:
    case Value::Kind::Bytes:
    case Value::Kind::List:
    case Value::Kind::Map: return Val(Value(static_cast<int>(v.size())));
    default: throw FuncError("len of type " + val_type(item));
  }
}

// indexArg: an integer index within [0, cap].
std::int64_t index_arg(const Val& index, std::size_t cap) {
  std::int64_t x;
  if (!index.valid) throw FuncError("cannot index slice/array with nil");
  if (index.v.is_int()) {
    x = index.v.as_int();
  } else if (index.v.is_uint()) {
    x = static_cast<std::int64_t>(index.v.as_uint());
  } else {
    throw FuncError("cannot index slice/array with type " + val_type(index));
  }
  if (x < 0 || static_cast<std::uint64_t>(x) > cap) {
    throw FuncError("index out of range: " + std::to_string(x));
  }
  return x;
}

Val b_index(std::vector<Val>& a) {
  Val item = indirect_interface(a[0]);
  if (!item.valid) throw FuncError("index of untyped nil");
  for (std::size_t k = 1; k < a.size(); ++k) {
    const Val index = indirect_interface(a[k]);
    if (item.v.is_null()) throw FuncError("index of nil pointer");
    const Value& v = data(item.v);
    switch (v.kind()) {
      case Value::Kind::List: {
        const std::int64_t x = index_arg(index, v.list().items.size());
        if (static_cast<std::size_t>(x) == v.list().items.size()) {
          throw FuncError("reflect: slice index out of range");
        }
        const Value& elem = v.list().items[static_cast<std::size_t>(x)];
        Val next(elem);
        if (elem.is_null()) next.nil_type = v.list().elem_type;
        next.iface = !elem.is_null() && v.list().elem_type == "interface {}";
        item = std::move(next);
        break;
      }
      case Value::Kind::String:
      case Value::Kind::Bytes: {
        const std::int64_t x = index_arg(index, v.as_string().size());
        if (static_cast<std::size_t>(x) == v.as_string().size()) {
          throw FuncError(v.is_string() ? "reflect: string index out of range"
                                        : "reflect: slice index out of range");
        }
        item = Val(Value::unsigned_integer(static_cast<unsigned char>(v.as_string()[static_cast<std::size_t>(x)]),
                                           NumType::Uint8));
        break;
      }
      case Value::Kind::Map: {
        // prepareArg: the key must be assignable to string.
        if (!index.valid) throw FuncError("value is nil; should be of type string");
        if (!index.v.is_string()) {
          throw FuncError("value has type " + val_type(index) + "; should be string");
        }
        const Map& m = v.map();
        auto it = m.entries.find(index.v.as_string());
        Val next = it != m.entries.end() ? Val(it->second) : Val(GoType::parse(m.elem_type).zero());
        if (next.v.is_null()) next.nil_type = m.elem_type;
        next.iface = !next.v.is_null() && m.elem_type == "interface {}";
        item = std::move(next);
        break;
      }
      default: throw FuncError("can't index item of type " + val_type(item));
    }
  }
  return item;
}

Val b_slice(std::vector<Val>& a) {
  const Val item = indirect_interface(a[0]);
  if (!item.valid) throw FuncError("slice of untyped nil");
  const std::size_t nidx = a.size() - 1;
  if (nidx > 3) throw FuncError("too many slice indexes: " + std::to_string(nidx));
  const Value& v = data(item.v);
  std::size_t len;
  switch (v.kind()) {
    case Value::Kind::String:
      if (nidx == 3) throw FuncError("cannot 3-index slice a string");
      len = v.as_string().size();
      break;
    case Value::Kind::Bytes: len = v.as_string().size(); break;
    case Value::Kind::List: len = v.list().items.size(); break;
    default: throw FuncError("can't slice item of type " + val_type(item));
  }
  std::array<std::int64_t, 3> idx{0, static_cast<std::int64_t>(len), 0};
  for (std::size_t k = 0; k < nidx; ++k) idx[k] = index_arg(indirect_interface(a[k + 1]), len);
  if (idx[0] > idx[1]) {
    throw FuncError("invalid slice index: " + std::to_string(idx[0]) + " > " + std::to_string(idx[1]));
  }
  if (nidx == 3 && idx[1] > idx[2]) {
    throw FuncError("invalid slice index: " + std::to_string(idx[1]) + " > " + std::to_string(idx[2]));
  }
  const auto from = static_cast<std::size_t>(idx[0]);
  const auto to = static_cast<std::size_t>(idx[1]);
  if (v.is_string()) return Val(Value(v.as_string().substr(from, to - from)));
  if (v.is_bytes()) return Val(Value::bytes(v.as_string().substr(from, to - from)));
  auto out = std::make_shared<List>();
  out->elem_type = v.list().elem_type;
  out->items.assign(v.list().items.begin() + static_cast<std::ptrdiff_t>(from),
                    v.list().items.begin() + static_cast<std::ptrdiff_t>(to));
  return Val(Value(std::move(out)));
}

std::vector<Value> values(const std::vector<Val>& a, std::size_t from = 0) {
  std::vector<Value> out;
  out.reserve(a.size());
  for (std::size_t i = from; i < a.size(); ++i) out.push_back(a[i].v);
  return out;
}

Val b_print(std::vector<Val>& a) { return Val(Value(gofmt::sprint(values(a)))); }
Val b_println(std::vector<Val>& a) { return Val(Value(gofmt::sprintln(values(a)))); }
Val b_printf(std::vector<Val>& a) { return Val(Value(gofmt::sprintf(a[0].v.as_string(), values(a, 1)))); }

// evalArgs: one string argument as is, else fmt.Sprint of the arguments, each first made
// printable (printableValue): a nil interface is "<no value>", a pointer prints what it
// points to, a Stringer its String(). Sprint puts a space between operands when neither is
// a string, so "<no value>" takes none.
std::string eval_args(const std::vector<Val>& a) {
  if (a.size() == 1 && a[0].v.is_string()) return a[0].v.as_string();
  std::string out;
  bool previous_string = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Val& arg = a[i];
    std::string piece;
    bool is_string = false;
    if (!arg.valid || arg.is_nil_interface()) {
      piece = "<no value>";
      is_string = true;
    } else if (const GoObject* o = as_go_object(arg.v)) {
      is_string = o->is_named() && o->underlying().is_string();
      if (o->type().string && (!o->type().string_on_pointer || o->is_pointer())) {
        piece = o->type().string(*o);
      } else {
        piece = gofmt::sprint({arg.v});
        if (o->is_pointer() && !piece.empty() && piece[0] == '&') piece.erase(0, 1);
      }
    } else if (arg.v.is_null()) {
      // A typed nil prints as the zero of its type (map[] or []).
      piece = gofmt::sprint({GoType::parse(arg.nil_type).kind() == GoType::Kind::Map
                                 ? Value::empty_map()
                                 : Value::empty_list()});
    } else {
      is_string = arg.v.is_string();
      piece = gofmt::sprint({arg.v});
    }
    if (i > 0 && !is_string && !previous_string) out += ' ';
    out += piece;
    previous_string = is_string;
  }
  return out;
}

Val b_html(std::vector<Val>& a) {
  const std::string s = eval_args(a);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\0': out += "\xEF\xBF\xBD"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c; break;
    }
  }
  return Val(Value(out));
}

Val b_js(std::vector<Val>& a) {
  const std::string s = eval_args(a);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  std::string_view rest = s;
  while (!rest.empty()) {
    const auto c = static_cast<unsigned char>(rest[0]);
    if (c < 0x80) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        case '"': out += "\\\""; break;
        case '<': out += "\\u003C"; break;
        case '>': out += "\\u003E"; break;
        case '&': out += "\\u0026"; break;
        case '=': out += "\\u003D"; break;
        default:
          if (c < ' ') {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
          } else {
            out += static_cast<char>(c);
          }
          break;
      }
      rest.remove_prefix(1);
      continue;
    }
    const auto d = strconv::decode_rune(rest);
    if (strconv::is_print(d.rune)) {
      out.append(rest.substr(0, static_cast<std::size_t>(d.width)));
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(d.rune));
      out += buf;
    }
    rest.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return Val(Value(out));
}

Val b_urlquery(std::vector<Val>& a) {
  const std::string s = eval_args(a);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return Val(Value(out));
}

Val b_call(std::vector<Val>& a) {
  // There are no function values in template data: only the error paths remain.
  const std::string& name = a[0].v.as_string();
  const Val fn = indirect_interface(a[1]);
  if (!fn.valid) throw FuncError("call of nil");
  throw FuncError("non-function " + name + " of type " + val_type(fn));
}

enum class Kind { Invalid, Bool, Complex, Float, Int, String, Uint };

Kind basic_kind(const Val& v) {
  if (!v.valid) return Kind::Invalid;
  switch (v.v.kind()) {
    case Value::Kind::Bool: return Kind::Bool;
    case Value::Kind::Int: return Kind::Int;
    case Value::Kind::Uint: return Kind::Uint;
    case Value::Kind::Float: return Kind::Float;
    case Value::Kind::String: return Kind::String;
    case Value::Kind::Object: {
      const Value& d = data(v.v);
      if (d.is_string()) return Kind::String;
      return Kind::Invalid;
    }
    default: return Kind::Invalid;
  }
}

const char* kBadComparisonType = "invalid type for comparison";
const char* kBadComparison = "incompatible types for comparison";

bool is_nil(const Val& v) { return !v.valid || v.v.is_null(); }

// reflect.Kind as far as eq's canCompare needs it: 0 for an invalid value.
int reflect_kind(const Val& v) {
  if (!v.valid) return 0;
  if (v.v.is_null()) return 100 + static_cast<int>(GoType::parse(v.nil_type).kind());
  const Value& d = data(v.v);
  if (const GoObject* o = as_go_object(v.v); o != nullptr && !o->is_named()) return o->is_pointer() ? 2 : 3;
  switch (d.kind()) {
    case Value::Kind::List:
    case Value::Kind::Bytes: return 4;
    case Value::Kind::Map: return 5;
    default: return 6 + static_cast<int>(d.kind());
  }
}

// Go's canCompare: the same kind, or one of them invalid.
bool can_compare(const Val& a, const Val& b) {
  const int ka = reflect_kind(a);
  const int kb = reflect_kind(b);
  if (a.valid && a.v.is_null() && b.valid && !b.v.is_null()) {
    // a typed nil has the kind of its type
    const GoType t = GoType::parse(a.nil_type);
    return (t.kind() == GoType::Kind::Slice && kb == 4) || (t.kind() == GoType::Kind::Map && kb == 5) ||
           t.kind() == GoType::Kind::Interface;
  }
  if (b.valid && b.v.is_null() && a.valid && !a.v.is_null()) return can_compare(b, a);
  return ka == kb || ka == 0 || kb == 0;
}

// reflect.Type.Comparable: maps, slices and structs holding them are not.
bool comparable(const Val& v) {
  const Value& d = data(v.v);
  if (const GoObject* o = as_go_object(v.v); o != nullptr && !o->is_named()) return true;
  return !(d.is_list() || d.is_map() || d.is_bytes());
}

bool eq_impl(const Val& arg1_in, const std::vector<Val>& rest, std::size_t from) {
  const Val arg1 = indirect_interface(arg1_in);
  if (from >= rest.size()) throw FuncError("missing argument for comparison");
  const Kind k1 = basic_kind(arg1);
  for (std::size_t i = from; i < rest.size(); ++i) {
    const Val arg = indirect_interface(rest[i]);
    const Kind k2 = basic_kind(arg);
    bool truth = false;
    if (k1 != k2) {
      if (k1 == Kind::Int && k2 == Kind::Uint) {
        truth = arg1.v.as_int() >= 0 && static_cast<std::uint64_t>(arg1.v.as_int()) == arg.v.as_uint();
      } else if (k1 == Kind::Uint && k2 == Kind::Int) {
        truth = arg.v.as_int() >= 0 && arg1.v.as_uint() == static_cast<std::uint64_t>(arg.v.as_int());
      } else if (arg1.valid && arg.valid) {
        throw FuncError(kBadComparison);
      }
    } else {
      switch (k1) {
        case Kind::Bool: truth = arg1.v.as_bool() == arg.v.as_bool(); break;
        case Kind::Float: truth = arg1.v.as_float() == arg.v.as_float(); break;
        case Kind::Int: truth = arg1.v.as_int() == arg.v.as_int(); break;
        case Kind::Uint: truth = arg1.v.as_uint() == arg.v.as_uint(); break;
        case Kind::String: truth = data(arg1.v).as_string() == data(arg.v).as_string(); break;
        default:
          if (!can_compare(arg1, arg)) {
            throw FuncError(gofmt::sprintf("non-comparable types %s: %v, %s: %v",
                                           {arg1.v, Value(val_type(arg1)), Value(val_type(arg)), arg.v}));
          }
          if (is_nil(arg1) || is_nil(arg)) {
            truth = is_nil(arg) == is_nil(arg1);
          } else if (!comparable(arg)) {
            throw FuncError("non-comparable type " + gofmt::sprintf("%s", {arg.v}) + ": " + val_type(arg));
          } else {
            truth = arg1.v == arg.v;  // structs: identity of the shared object
          }
          break;
      }
    }
    if (truth) return true;
  }
  return false;
}

Val b_eq(std::vector<Val>& a) { return Val(Value(eq_impl(a[0], a, 1))); }
Val b_ne(std::vector<Val>& a) { return Val(Value(!eq_impl(a[0], a, 1))); }

bool lt_impl(const Val& a1, const Val& a2) {
  const Val arg1 = indirect_interface(a1);
  const Kind k1 = basic_kind(arg1);
  if (k1 == Kind::Invalid) throw FuncError(kBadComparisonType);
  const Val arg2 = indirect_interface(a2);
  const Kind k2 = basic_kind(arg2);
  if (k2 == Kind::Invalid) throw FuncError(kBadComparisonType);
  if (k1 != k2) {
    if (k1 == Kind::Int && k2 == Kind::Uint) {
      return arg1.v.as_int() < 0 || static_cast<std::uint64_t>(arg1.v.as_int()) < arg2.v.as_uint();
    }
    if (k1 == Kind::Uint && k2 == Kind::Int) {
      return arg2.v.as_int() >= 0 && arg1.v.as_uint() < static_cast<std::uint64_t>(arg2.v.as_int());
    }
    throw FuncError(kBadComparison);
  }
  switch (k1) {
    case Kind::Float: return arg1.v.as_float() < arg2.v.as_float();
    case Kind::Int: return arg1.v.as_int() < arg2.v.as_int();
    case Kind::Uint: return arg1.v.as_uint() < arg2.v.as_uint();
    case Kind::String: return data(arg1.v).as_string() < data(arg2.v).as_string();
    default: throw FuncError(kBadComparisonType);
  }
}

Val b_lt(std::vector<Val>& a) { return Val(Value(lt_impl(a[0], a[1]))); }
Val b_le(std::vector<Val>& a) {
  if (lt_impl(a[0], a[1])) return Val(Value(true));
  return Val(Value(eq_impl(a[0], a, 1)));
}
Val b_gt(std::vector<Val>& a) {
  if (lt_impl(a[0], a[1])) return Val(Value(false));
  return Val(Value(!eq_impl(a[0], a, 1)));
}
Val b_ge(std::vector<Val>& a) { return Val(Value(!lt_impl(a[0], a[1]))); }

Val b_unused(std::vector<Val>&) { return Val::invalid(); }  // and/or are evaluated by eval_call

const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> table = [] {
    auto b = [](std::string_view name, std::string_view sig, Val (*impl)(std::vector<Val>&)) {
      return Builtin{name, Signature::parse(sig), impl};
    };
    return std::vector<Builtin>{
        b("and", "func(reflect.Value, ...reflect.Value) reflect.Value", b_unused),
        b("call", "func(reflect.Value, ...reflect.Value) (reflect.Value, error)", b_call),
        b("eq", "func(reflect.Value, ...reflect.Value) (bool, error)", b_eq),
        b("ge", "func(reflect.Value, reflect.Value) (bool, error)", b_ge),
        b("gt", "func(reflect.Value, reflect.Value) (bool, error)", b_gt),
        b("html", "func(...interface {}) string", b_html),
        b("index", "func(reflect.Value, ...reflect.Value) (reflect.Value, error)", b_index),
        b("js", "func(...interface {}) string", b_js),
        b("le", "func(reflect.Value, reflect.Value) (bool, error)", b_le),
        b("len", "func(reflect.Value) (int, error)", b_len),
        b("lt", "func(reflect.Value, reflect.Value) (bool, error)", b_lt),
        b("ne", "func(reflect.Value, reflect.Value) (bool, error)", b_ne),
        b("not", "func(reflect.Value) bool", b_not),
        b("or", "func(reflect.Value, ...reflect.Value) reflect.Value", b_unused),
        b("print", "func(...interface {}) string", b_print),
        b("printf", "func(string, ...interface {}) string", b_printf),
        b("println", "func(...interface {}) string", b_println),
        b("slice", "func(reflect.Value, ...reflect.Value) (reflect.Value, error)", b_slice),
        b("urlquery", "func(...interface {}) string", b_urlquery),
    };
  }();
  return table;
}

}  // namespace

const Builtin* find_builtin(std::string_view name) {
  for (const Builtin& b : builtins()) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

bool is_builtin_name(std::string_view name) { return find_builtin(name) != nullptr; }

}  // namespace capstan::templating
