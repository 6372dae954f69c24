// Go's fmt (print.go: argument dispatch, Printf's format parsing, composite layout; format.go:
// padding, integers, floats, strings, quoting) over capstan::Value. Objects print through their
// Stringer or as Go structs ({a b}, &{a b}) and named types as their underlying data.
#include "templating/gofmt.h"

#include <charconv>
#include <cstdint>

#include "core/strconv.h"
#include "templating/go_type.h"
#include "templating/object.h"

namespace capstan::templating::gofmt {

namespace {

constexpr std::string_view kLowerDigits = "0123456789abcdefx";
constexpr std::string_view kUpperDigits = "0123456789ABCDEFX";

std::size_t rune_count(std::string_view s) {
  std::size_t n = 0;
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) {
      s.remove_prefix(1);
    } else {
      s.remove_prefix(static_cast<std::size_t>(strconv::decode_rune(s).width));
    }
    ++n;
  }
  return n;
}

bool too_large(long long x) { return x > 1000000 || x < -1000000; }

// format.go's fmt: the flags of one verb and the formatting primitives.
struct Fmt {
  std::string* buf = nullptr;
  bool wid_present = false, prec_present = false, minus = false, plus = false, sharp = false,
       space = false, zero = false, plus_v = false, sharp_v = false;
  int wid = 0, prec = 0;

  void clear_flags() {
    wid_present = prec_present = minus = plus = sharp = space = zero = plus_v = sharp_v = false;
    wid = prec = 0;
  }

  void write_padding(int n) {
    if (n <= 0) return;
    buf->append(static_cast<std::size_t>(n), zero && !minus ? '0' : ' ');
  }

  void pad(std::string_view b) {
    if (!wid_present || wid == 0) {
      buf->append(b);
      return;
    }
    const int width = wid - static_cast<int>(rune_count(b));
    if (!minus) {
      write_padding(width);
      buf->append(b);
    } else {
      buf->append(b);
      write_padding(width);
    }
  }

  void fmt_boolean(bool v) { pad(v ? "true" : "false"); }

  void fmt_unicode(std::uint64_t u) {
    int p = 4;
    if (prec_present && prec > 4) p = prec;
    std::string hex;
    std::uint64_t v = u;
    do {
      hex.insert(hex.begin(), kUpperDigits[v & 0xF]);
      v >>= 4;
    } while (v != 0);
    std::string out = "U+";
    if (static_cast<int>(hex.size()) < p) out.append(static_cast<std::size_t>(p) - hex.size(), '0');
    out += hex;
    if (sharp && u <= 0x10FFFF && strconv::is_print(static_cast<std::int32_t>(u))) {
      out += " '";
      strconv::append_rune(out, static_cast<std::int32_t>(u));
      out += '\'';
    }
    const bool old_zero = zero;
    zero = false;
    pad(out);
    zero = old_zero;
  }

  void fmt_integer(std::uint64_t u, int base, bool is_signed, char verb, std::string_view digits) {
    const bool negative = is_signed && static_cast<std::int64_t>(u) < 0;
    if (negative) u = 0 - u;
    int p = 0;
    if (prec_present) {
      p = prec;
      if (p == 0 && u == 0) {
        const bool old_zero = zero;
        zero = false;
        write_padding(wid);
        zero = old_zero;
        return;
      }
    } else if (zero && !minus && wid_present) {
      p = wid;
      if (negative || plus || space) --p;  // leave room for the sign
    }
    std::string out;
    do {
      out += digits[u % static_cast<unsigned>(base)];
      u /= static_cast<unsigned>(base);
    } while (u != 0);
    while (static_cast<int>(out.size()) < p) out += '0';
    if (sharp) {
      switch (base) {
        case 2: out += "b0"; break;
        case 8:
          if (out.back() != '0') out += '0';
          break;
        case 16:
          out += digits[16];
          out += '0';
          break;
        default: break;
      }
    }
    if (verb == 'O') out += "o0";
    if (negative) {
      out += '-';
    } else if (plus) {
      out += '+';
    } else if (space) {
      out += ' ';
    }
    std::string rev(out.rbegin(), out.rend());
    const bool old_zero = zero;
    zero = false;
    pad(rev);
    zero = old_zero;
  }

  std::string_view truncate(std::string_view s) const {
    if (prec_present) {
      int n = prec;
      std::size_t i = 0;
      while (i < s.size()) {
        if (--n < 0) return s.substr(0, i);
        const auto c = static_cast<unsigned char>(s[i]);
        i += c < 0x80 ? 1 : static_cast<std::size_t>(strconv::decode_rune(s.substr(i)).width);
      }
    }
    return s;
  }

  void fmt_s(std::string_view s) { pad(truncate(s)); }

  void fmt_sbx(std::string_view s, std::string_view digits) {
    int length = static_cast<int>(s.size());
    if (prec_present && prec < length) length = prec;
    int width = 2 * length;
    if (width > 0) {
      if (space) {
        if (sharp) width *= 2;
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (wid_present) write_padding(wid);
      return;
    }
    if (wid_present && wid > width && !minus) write_padding(wid - width);
    if (sharp) {
      *buf += '0';
      *buf += digits[16];
    }
    for (int i = 0; i < length; ++i) {
      if (space && i > 0) {
        *buf += ' ';
        if (sharp) {
          *buf += '0';
          *buf += digits[16];
        }
      }
      const auto c = static_cast<unsigned char>(s[static_cast<std::size_t>(i)]);
      *buf += digits[c >> 4];
      *buf += digits[c & 0xF];
    }
    if (wid_present && wid > width && minus) write_padding(wid - width);
  }

  static bool can_backquote(std::string_view s) {
    while (!s.empty()) {
      const auto d = strconv::decode_rune(s);
      s.remove_prefix(static_cast<std::size_t>(d.width));
      if (d.width > 1) {
        if (d.rune == 0xFEFF) return false;
        continue;
      }
      if (d.rune == 0xFFFD) return false;
      if ((d.rune < ' ' && d.rune != '\t') || d.rune == '`' || d.rune == 0x7F) return false;
    }
    return true;
  }

  void fmt_q(std::string_view s) {
    s = truncate(s);
    if (sharp && can_backquote(s)) {
      pad("`" + std::string(s) + "`");
      return;
    }
    std::string q;
    strconv::append_quoted(q, s, plus);
    pad(q);
  }

  void fmt_c(std::uint64_t c) {
    std::int32_t r = c > 0x10FFFF ? 0xFFFD : static_cast<std::int32_t>(c);
    std::string out;
    strconv::append_rune(out, r);
    pad(out);
  }

  void fmt_qc(std::uint64_t c) {
    std::int32_t r = c > 0x10FFFF ? 0xFFFD : static_cast<std::int32_t>(c);
    pad(plus ? strconv::quote_rune_to_ascii(r) : strconv::quote_rune(r));
  }

  void fmt_float(double v, int size, char verb, int p) {
    if (prec_present) p = prec;
    std::string num = "+" + strconv::format_float(v, verb, p, size);
    if (num[1] == '-' || num[1] == '+') {
      num.erase(0, 1);
    }
    if (space && num[0] == '+' && !plus) num[0] = ' ';
    if (num[1] == 'I' || num[1] == 'N') {
      const bool old_zero = zero;
      zero = false;
      if (num[1] == 'N' && !space && !plus) num.erase(0, 1);
      pad(num);
      zero = old_zero;
      return;
    }
    if (sharp && verb != 'b') {
      int digits = 0;
      switch (verb) {
        case 'v':
        case 'g':
        case 'G':
        case 'x':
          digits = p;
          if (digits == -1) digits = 6;
          break;
        default: break;
      }
      std::string tail;
      bool has_decimal_point = false, saw_nonzero_digit = false;
      for (std::size_t i = 1; i < num.size(); ++i) {
        const char c = num[i];
        if (c == '.') {
          has_decimal_point = true;
          continue;
        }
        if (c == 'p' || c == 'P') {
          tail = num.substr(i);
          num.resize(i);
          break;
        }
        if ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
          tail = num.substr(i);
          num.resize(i);
          break;
        }
        if (c != '0') saw_nonzero_digit = true;
        if (saw_nonzero_digit) --digits;
      }
      if (!has_decimal_point) {
        if (num.size() == 2 && num[1] == '0') --digits;
        num += '.';
      }
      while (digits > 0) {
        num += '0';
        --digits;
      }
      num += tail;
    }
    if (plus || num[0] != '+') {
      if (zero && !minus && wid_present && wid > static_cast<int>(num.size())) {
        *buf += num[0];
        write_padding(wid - static_cast<int>(num.size()));
        buf->append(num, 1);
        return;
      }
      pad(num);
      return;
    }
    pad(std::string_view(num).substr(1));
  }
};

// print.go's pp: one Sprint/Sprintf call.
class Printer {
 public:
  explicit Printer(std::string& out) : buf_(out) { fmt_.buf = &buf_; }

  void do_print(const std::vector<Value>& args) {
    bool prev_string = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const bool is_string = is_string_kind(args[i]);
      if (i > 0 && !is_string && !prev_string) buf_ += ' ';
      print_arg(args[i], 'v');
      prev_string = is_string;
    }
  }

  void do_println(const std::vector<Value>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i > 0) buf_ += ' ';
      print_arg(args[i], 'v');
    }
    buf_ += '\n';
  }

  void do_printf(std::string_view format, const std::vector<Value>& a);

  void print_arg(const Value& arg, std::int32_t verb) {
    arg_ = &arg;
    value_ = nullptr;
    if (arg.is_null()) {
      if (verb == 'T' || verb == 'v') {
        fmt_.pad("<nil>");
      } else {
        bad_verb(verb);
      }
      return;
    }
    if (verb == 'T') {
      fmt_.fmt_s(type_name(arg));
      return;
    }
    if (verb == 'p') {
      fmt_pointer(arg, verb);
      return;
    }
    switch (arg.kind()) {
      case Value::Kind::Bool: fmt_bool(arg.as_bool(), verb); return;
      case Value::Kind::Int: fmt_integer(static_cast<std::uint64_t>(arg.as_int()), true, verb); return;
      case Value::Kind::Uint: fmt_integer(arg.as_uint(), false, verb); return;
      case Value::Kind::Float:
        fmt_float(arg.as_float(), arg.num_type() == NumType::Float32 ? 32 : 64, verb);
        return;
      case Value::Kind::String: fmt_string(arg.as_string(), verb); return;
      case Value::Kind::Bytes: fmt_bytes(arg.as_string(), verb, "[]byte"); return;
      default: break;
    }
    if (const auto* c = as_complex(arg)) {
      fmt_complex(*c, verb);
      return;
    }
    if (!handle_methods(arg, verb)) print_value(arg, verb, 0, false);
  }

 private:
  static bool is_string_kind(const Value& v) {
    if (v.is_string()) return true;
    const GoObject* o = as_go_object(v);
    return o != nullptr && o->is_named() && o->underlying().is_string();
  }

  // A complex128 (a template's imaginary constant): a basic kind to fmt, not a Stringer.
  static const std::pair<double, double>* as_complex(const Value& v) {
    const GoObject* o = as_go_object(v);
    if (o == nullptr || o->type_name() != "complex128") return nullptr;
    return std::any_cast<std::pair<double, double>>(&o->payload());
  }

  // fmtComplex: both parts under the verb and the full width, the imaginary one always signed.
  void fmt_complex(const std::pair<double, double>& c, std::int32_t verb) {
    switch (verb) {
      case 'v':
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
      case 'f':
      case 'F':
      case 'e':
      case 'E': {
        const bool old_plus = fmt_.plus;
        buf_ += '(';
        fmt_float(c.first, 64, verb);
        fmt_.plus = true;
        fmt_float(c.second, 64, verb);
        buf_ += "i)";
        fmt_.plus = old_plus;
        break;
      }
      default: bad_verb(verb); break;
    }
  }

  // Go's handleMethods: error and Stringer values print their text for %v %s %x %X %q.
  bool handle_methods(const Value& v, std::int32_t verb) {
    if (erroring_ || as_complex(v) != nullptr) return false;
    const GoObject* o = as_go_object(v);
    if (o == nullptr || !o->type().string || o->type().string_on_pointer) return false;
    if (fmt_.sharp_v) return false;
    switch (verb) {
      case 'v':
      case 's':
      case 'x':
      case 'X':
      case 'q': fmt_string(o->type().string(*o), verb); return true;
      default: return false;
    }
  }

  void bad_verb(std::int32_t verb) {
    erroring_ = true;
    buf_ += "%!";
    strconv::append_rune(buf_, verb);
    buf_ += '(';
    if (arg_ != nullptr && !arg_->is_null()) {
      const Value* arg = arg_;
      buf_ += type_name(*arg);
      buf_ += '=';
      print_arg(*arg, 'v');
    } else if (value_ != nullptr) {
      const Value* value = value_;
      buf_ += type_name(*value);
      buf_ += '=';
      print_value(*value, 'v', 0, false);
    } else {
      buf_ += "<nil>";
    }
    buf_ += ')';
    erroring_ = false;
  }

  void fmt_bool(bool v, std::int32_t verb) {
    if (verb == 't' || verb == 'v') {
      fmt_.fmt_boolean(v);
    } else {
      bad_verb(verb);
    }
  }

  void fmt_integer(std::uint64_t v, bool is_signed, std::int32_t verb) {
    switch (verb) {
      case 'v':
        if (fmt_.sharp_v && !is_signed) {
          fmt_0x64(v, true);
        } else {
          fmt_.fmt_integer(v, 10, is_signed, 'v', kLowerDigits);
        }
        break;
      case 'd': fmt_.fmt_integer(v, 10, is_signed, 'd', kLowerDigits); break;
      case 'b': fmt_.fmt_integer(v, 2, is_signed, 'b', kLowerDigits); break;
      case 'o':
      case 'O': fmt_.fmt_integer(v, 8, is_signed, static_cast<char>(verb), kLowerDigits); break;
      case 'x': fmt_.fmt_integer(v, 16, is_signed, 'x', kLowerDigits); break;
      case 'X': fmt_.fmt_integer(v, 16, is_signed, 'X', kUpperDigits); break;
      case 'c': fmt_.fmt_c(v); break;
      case 'q': fmt_.fmt_qc(v); break;
      case 'U': fmt_.fmt_unicode(v); break;
      default: bad_verb(verb); break;
    }
  }

  void fmt_0x64(std::uint64_t v, bool leading0x) {
    const bool sharp = fmt_.sharp;
    fmt_.sharp = leading0x;
    fmt_.fmt_integer(v, 16, false, 'v', kLowerDigits);
    fmt_.sharp = sharp;
  }

  void fmt_float(double v, int size, std::int32_t verb) {
    switch (verb) {
      case 'v': fmt_.fmt_float(v, size, 'g', -1); break;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X': fmt_.fmt_float(v, size, static_cast<char>(verb), -1); break;
      case 'f':
      case 'e':
      case 'E': fmt_.fmt_float(v, size, static_cast<char>(verb), 6); break;
      case 'F': fmt_.fmt_float(v, size, 'f', 6); break;
      default: bad_verb(verb); break;
    }
  }

  void fmt_string(std::string_view v, std::int32_t verb) {
    switch (verb) {
      case 'v':
        if (fmt_.sharp_v) {
          fmt_.fmt_q(v);
        } else {
          fmt_.fmt_s(v);
        }
        break;
      case 's': fmt_.fmt_s(v); break;
      case 'x': fmt_.fmt_sbx(v, kLowerDigits); break;
      case 'X': fmt_.fmt_sbx(v, kUpperDigits); break;
      case 'q': fmt_.fmt_q(v); break;
      default: bad_verb(verb); break;
    }
  }

  void fmt_bytes(std::string_view v, std::int32_t verb, std::string_view type_string) {
    switch (verb) {
      case 'v':
      case 'd':
        if (fmt_.sharp_v) {
          buf_ += type_string;
          buf_ += '{';
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0) buf_ += ", ";
            fmt_0x64(static_cast<unsigned char>(v[i]), true);
          }
          buf_ += '}';
        } else {
          buf_ += '[';
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0) buf_ += ' ';
            fmt_.fmt_integer(static_cast<unsigned char>(v[i]), 10, false, static_cast<char>(verb),
                             kLowerDigits);
          }
          buf_ += ']';
        }
        break;
      case 's': fmt_.pad(fmt_.truncate(v)); break;
      case 'x': fmt_.fmt_sbx(v, kLowerDigits); break;
      case 'X': fmt_.fmt_sbx(v, kUpperDigits); break;
      case 'q': fmt_.fmt_q(v); break;
      default: {
        // Go prints each byte as a uint8 with the verb.
        buf_ += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (i > 0) buf_ += ' ';
          const Value b = Value::unsigned_integer(static_cast<unsigned char>(v[i]), NumType::Uint8);
          print_value(b, verb, 1, false);
        }
        buf_ += ']';
        break;
      }
    }
  }

  void fmt_pointer(const Value& v, std::int32_t verb) {
    // Go prints addresses, which are not reproducible; a fixed stand-in keeps output stable.
    const GoObject* o = as_go_object(v);
    const bool pointerish = v.is_list() || v.is_map() || (o != nullptr && o->is_pointer());
    if (!pointerish) {
      bad_verb(verb);
      return;
    }
    switch (verb) {
      case 'v':
        if (fmt_.sharp_v) {
          buf_ += '(';
          buf_ += type_name(v);
          buf_ += ")(0xc000010000)";
        } else {
          fmt_0x64(0xc000010000, !fmt_.sharp);
        }
        break;
      case 'p': fmt_0x64(0xc000010000, !fmt_.sharp); break;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X': fmt_integer(0xc000010000, false, verb); break;
      default: bad_verb(verb); break;
    }
  }

  // Go's printValue. `iface` marks a value read from an interface-typed slot ([]interface {},
  // map[string]interface {}): a Null there is a nil interface and prints <nil>.
  void print_value(const Value& v, std::int32_t verb, int depth, bool iface) {
    if (depth > 0 && !v.is_null()) {
      arg_ = &v;
      if (handle_methods(v, verb)) return;
    }
    arg_ = nullptr;
    value_ = &v;
    switch (v.kind()) {
      case Value::Kind::Null:
        if (iface || depth > 0) {
          if (fmt_.sharp_v) {
            buf_ += "interface {}(nil)";
          } else {
            buf_ += "<nil>";
          }
        } else {
          buf_ += "<invalid reflect.Value>";
        }
        return;
      case Value::Kind::Bool: fmt_bool(v.as_bool(), verb); return;
      case Value::Kind::Int: fmt_integer(static_cast<std::uint64_t>(v.as_int()), true, verb); return;
      case Value::Kind::Uint: fmt_integer(v.as_uint(), false, verb); return;
      case Value::Kind::Float:
        fmt_float(v.as_float(), v.num_type() == NumType::Float32 ? 32 : 64, verb);
        return;
      case Value::Kind::String: fmt_string(v.as_string(), verb); return;
      case Value::Kind::Bytes: fmt_bytes(v.as_string(), verb, "[]uint8"); return;
      case Value::Kind::List: print_list(v, v.list(), verb, depth, type_name(v)); return;
      case Value::Kind::Map: print_map(v.map(), verb, depth, type_name(v)); return;
      case Value::Kind::Object:
        if (const auto* c = as_complex(v)) {
          fmt_complex(*c, verb);
          return;
        }
        print_object(v, verb, depth);
        return;
    }
  }

  void print_list(const Value& self, const List& list, std::int32_t verb, int depth,
                  const std::string& type) {
    (void)self;
    const bool elems_iface = list.elem_type == "interface {}";
    if (fmt_.sharp_v) {
      buf_ += type;
      if (list.nil) {
        buf_ += "(nil)";
        return;
      }
      buf_ += '{';
      for (std::size_t i = 0; i < list.items.size(); ++i) {
        if (i > 0) buf_ += ", ";
        print_value(list.items[i], verb, depth + 1 + elems_iface, elems_iface);
      }
      buf_ += '}';
      return;
    }
    buf_ += '[';
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      if (i > 0) buf_ += ' ';
      print_value(list.items[i], verb, depth + 1 + elems_iface, elems_iface);
    }
    buf_ += ']';
  }

  void print_map(const Map& map, std::int32_t verb, int depth, const std::string& type) {
    const bool elems_iface = map.elem_type == "interface {}";
    if (fmt_.sharp_v) {
      buf_ += type;
      if (map.nil) {
        buf_ += "(nil)";
        return;
      }
      buf_ += '{';
    } else {
      buf_ += "map[";
    }
    bool first = true;
    for (const auto& [key, value] : map.entries) {
      if (!first) buf_ += fmt_.sharp_v ? ", " : " ";
      first = false;
      const Value k(key);
      print_value(k, verb, depth + 1, false);
      buf_ += ':';
      print_value(value, verb, depth + 1 + elems_iface, elems_iface);
    }
    buf_ += fmt_.sharp_v ? '}' : ']';
  }

  void print_object(const Value& v, std::int32_t verb, int depth) {
    const GoObject* obj = as_go_object(v);
    if (obj == nullptr) {
      buf_ += "{}";  // an Object that is not a GoObject has nothing Go could print
      return;
    }
    const GoObject& o = *obj;
    if (o.is_named()) {
      const Value& u = o.underlying();
      const std::string type = o.type_name();
      switch (u.kind()) {
        case Value::Kind::List: print_list(u, u.list(), verb, depth, type); return;
        case Value::Kind::Map: print_map(u.map(), verb, depth, type); return;
        default: print_value(u, verb, depth, false); return;
      }
    }
    if (o.is_pointer()) {
      if (depth == 0) {
        buf_ += '&';
        print_struct(o, verb, depth + 1);
        return;
      }
      fmt_pointer(v, verb);
      return;
    }
    print_struct(o, verb, depth);
  }

  void print_struct(const GoObject& o, std::int32_t verb, int depth) {
    if (fmt_.sharp_v) {
      std::string name = o.type_name();
      if (!name.empty() && name[0] == '*') name.erase(0, 1);
      buf_ += name;
    }
    buf_ += '{';
    for (std::size_t i = 0; i < o.fields().size(); ++i) {
      if (i > 0) buf_ += fmt_.sharp_v ? ", " : " ";
      const GoObject::Field& f = o.fields()[i];
      if (fmt_.plus_v || fmt_.sharp_v) {
        std::string_view name = f.name;
        if (f.embedded) {
          // An embedded field is named after its type (without the package).
          const std::size_t dot = name.rfind('.');
          if (dot != std::string_view::npos) name.remove_prefix(dot + 1);
        }
        buf_ += name;
        buf_ += ':';
      }
      print_value(f.value, verb, depth + 1, false);
    }
    buf_ += '}';
  }

  int arg_number(int arg_num, std::string_view format, std::size_t& i, int num_args,
                 bool& found);

  std::string& buf_;
  Fmt fmt_;
  const Value* arg_ = nullptr;
  const Value* value_ = nullptr;
  bool erroring_ = false;
  bool reordered_ = false;
  bool good_arg_num_ = true;
};

// parsenum: a decimal number in s[start:end); isnum false when there are no digits.
bool parse_num(std::string_view s, std::size_t start, std::size_t end, int& num, std::size_t& newi) {
  num = 0;
  newi = start;
  if (start >= end) {
    newi = end;
    return false;
  }
  bool isnum = false;
  for (; newi < end && s[newi] >= '0' && s[newi] <= '9'; ++newi) {
    if (too_large(num)) {
      num = 0;
      newi = end;
      return false;
    }
    num = num * 10 + (s[newi] - '0');
    isnum = true;
  }
  return isnum;
}

// intFromArg: the operand as an int for '*' widths and precisions.
bool int_from_arg(const std::vector<Value>& a, int& arg_num, int& num) {
  num = 0;
  bool is_int = false;
  if (arg_num < static_cast<int>(a.size())) {
    const Value& v = a[static_cast<std::size_t>(arg_num)];
    if (v.is_int()) {
      num = static_cast<int>(v.as_int());
      is_int = static_cast<std::int64_t>(num) == v.as_int();
    } else if (v.is_uint()) {
      const std::uint64_t u = v.as_uint();
      if (static_cast<std::int64_t>(u) >= 0 && u <= static_cast<std::uint64_t>(INT32_MAX) * 4) {
        num = static_cast<int>(u);
        is_int = static_cast<std::uint64_t>(num) == u;
      }
    }
    ++arg_num;
    if (too_large(num)) {
      num = 0;
      is_int = false;
    }
  }
  return is_int;
}

int Printer::arg_number(int arg_num, std::string_view format, std::size_t& i, int num_args,
                        bool& found) {
  found = false;
  if (format.size() <= i || format[i] != '[') return arg_num;
  reordered_ = true;
  // parseArgNumber: there must be at least 3 bytes: [n].
  std::string_view f = format.substr(i);
  int index = 0;
  std::size_t wid = 1;
  bool ok = false;
  if (f.size() >= 3) {
    for (std::size_t j = 1; j < f.size(); ++j) {
      if (f[j] == ']') {
        int width;
        std::size_t newi;
        const bool isnum = parse_num(f, 1, j, width, newi);
        if (!isnum || newi != j) {
          wid = j + 1;
          ok = false;
        } else {
          index = width - 1;
          wid = j + 1;
          ok = true;
        }
        break;
      }
    }
  }
  if (ok && index >= 0 && index < num_args) {
    i += wid;
    found = true;
    return index;
  }
  good_arg_num_ = false;
  i += wid;
  found = ok;
  return arg_num;
}

void Printer::do_printf(std::string_view format, const std::vector<Value>& a) {
  const std::size_t end = format.size();
  int arg_num = 0;
  bool after_index = false;
  reordered_ = false;
  const int num_args = static_cast<int>(a.size());
  std::size_t i = 0;
  while (i < end) {
    good_arg_num_ = true;
    const std::size_t lasti = i;
    while (i < end && format[i] != '%') ++i;
    if (i > lasti) buf_.append(format.substr(lasti, i - lasti));
    if (i >= end) break;
    ++i;  // skip '%'
    fmt_.clear_flags();
    bool simple_done = false;
    for (; i < end; ++i) {
      const char c = format[i];
      if (c == '#') {
        fmt_.sharp = true;
      } else if (c == '0') {
        fmt_.zero = true;
      } else if (c == '+') {
        fmt_.plus = true;
      } else if (c == '-') {
        fmt_.minus = true;
      } else if (c == ' ') {
        fmt_.space = true;
      } else {
        // Fast path: a lower-case verb right after the flags.
        if (c >= 'a' && c <= 'z' && arg_num < num_args) {
          if (c == 'v') {
            fmt_.sharp_v = fmt_.sharp;
            fmt_.sharp = false;
            fmt_.plus_v = fmt_.plus;
            fmt_.plus = false;
          }
          print_arg(a[static_cast<std::size_t>(arg_num)], c);
          ++arg_num;
          ++i;
          simple_done = true;
        }
        break;
      }
    }
    if (simple_done) continue;

    bool found;
    arg_num = arg_number(arg_num, format, i, num_args, found);
    after_index = found;

    if (i < end && format[i] == '*') {
      ++i;
      int w;
      fmt_.wid_present = int_from_arg(a, arg_num, w);
      fmt_.wid = w;
      if (!fmt_.wid_present) buf_ += "%!(BADWIDTH)";
      if (fmt_.wid < 0) {
        fmt_.wid = -fmt_.wid;
        fmt_.minus = true;
        fmt_.zero = false;
      }
      after_index = false;
    } else {
      int w;
      std::size_t newi;
      fmt_.wid_present = parse_num(format, i, end, w, newi);
      fmt_.wid = w;
      i = newi;
      if (after_index && fmt_.wid_present) good_arg_num_ = false;
    }

    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (after_index) good_arg_num_ = false;
      arg_num = arg_number(arg_num, format, i, num_args, found);
      after_index = found;
      if (i < end && format[i] == '*') {
        ++i;
        int p;
        fmt_.prec_present = int_from_arg(a, arg_num, p);
        fmt_.prec = p;
        if (fmt_.prec < 0) {
          fmt_.prec = 0;
          fmt_.prec_present = false;
        }
        if (!fmt_.prec_present) buf_ += "%!(BADPREC)";
        after_index = false;
      } else {
        int p;
        std::size_t newi;
        fmt_.prec_present = parse_num(format, i, end, p, newi);
        fmt_.prec = p;
        i = newi;
        if (!fmt_.prec_present) {
          fmt_.prec = 0;
          fmt_.prec_present = true;
        }
      }
    }

    if (!after_index) {
      arg_num = arg_number(arg_num, format, i, num_args, found);
      after_index = found;
    }

    if (i >= end) {
      buf_ += "%!(NOVERB)";
      break;
    }

    std::int32_t verb = static_cast<unsigned char>(format[i]);
    std::size_t size = 1;
    if (verb >= 0x80) {
      const auto d = strconv::decode_rune(format.substr(i));
      verb = d.rune;
      size = static_cast<std::size_t>(d.width);
    }
    i += size;

    if (verb == '%') {
      buf_ += '%';
    } else if (!good_arg_num_) {
      buf_ += "%!";
      strconv::append_rune(buf_, verb);
      buf_ += "(BADINDEX)";
    } else if (arg_num >= num_args) {
      buf_ += "%!";
      strconv::append_rune(buf_, verb);
      buf_ += "(MISSING)";
    } else {
      if (verb == 'v') {
        fmt_.sharp_v = fmt_.sharp;
        fmt_.sharp = false;
        fmt_.plus_v = fmt_.plus;
        fmt_.plus = false;
      }
      print_arg(a[static_cast<std::size_t>(arg_num)], verb);
      ++arg_num;
    }
  }

  if (!reordered_ && arg_num < num_args) {
    fmt_.clear_flags();
    buf_ += "%!(EXTRA ";
    for (std::size_t k = static_cast<std::size_t>(arg_num); k < a.size(); ++k) {
      if (k > static_cast<std::size_t>(arg_num)) buf_ += ", ";
      if (a[k].is_null()) {
        buf_ += "<nil>";
      } else {
        buf_ += type_name(a[k]);
        buf_ += '=';
        print_arg(a[k], 'v');
      }
    }
    buf_ += ')';
  }
}

}  // namespace

std::string sprint(const std::vector<Value>& args) {
  std::string out;
  Printer p(out);
  p.do_print(args);
  return out;
}

std::string sprintln(const std::vector<Value>& args) {
  std::string out;
  Printer p(out);
  p.do_println(args);
  return out;
}

std::string sprintf(std::string_view format, const std::vector<Value>& args) {
  std::string out;
  out.reserve(format.size() + 16);
  Printer p(out);
  p.do_printf(format, args);
  return out;
}

void append_print(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String: out += v.as_string(); return;
    case Value::Kind::Int: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.as_int());
      out.append(buf, r.ptr);
      return;
    }
    case Value::Kind::Float:
      out += strconv::format_float(v.as_float(), 'g', -1,
                                   v.num_type() == NumType::Float32 ? 32 : 64);
      return;
    case Value::Kind::Bool: out += v.as_bool() ? "true" : "false"; return;
    default: {
      Printer p(out);
      p.print_arg(v, 'v');
      return;
    }
  }
}

}  // namespace capstan::templating::gofmt
