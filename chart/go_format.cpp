// Go's %q and %v for chart messages (see go_format.h).
#include "chart/go_format.h"

#include <cstdio>

#include "core/json_text.h"
#include "core/strconv.h"

namespace capstan::chart {

namespace {

// unicode.IsPrint for the runes that show up in practice: ASCII graphic characters and
// space, and every non-ASCII rune except the C1 controls and the format characters Go
// treats as unprintable (soft hyphen, line/paragraph separators, BOM).
bool is_print(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r < 0xa0) return false;
  return r != 0xad && r != 0x2028 && r != 0x2029 && r != 0xfeff && !(r >= 0x200b && r <= 0x200f);
}

void append_hex(std::string& out, const char* format, unsigned value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, format, value);
  out += buf;
}

// One rune inside quotes delimited by `quote` (strconv.appendEscapedRune).
void append_escaped(std::string& out, char32_t r, char quote) {
  if (r == static_cast<char32_t>(quote) || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
    return;
  }
  if (is_print(r)) {
    json::append_utf8(out, r);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r < ' ' || r == 0x7f) {
    append_hex(out, "\\x%02x", static_cast<unsigned>(r));
  } else if (r < 0x10000) {
    append_hex(out, "\\u%04x", static_cast<unsigned>(r));
  } else {
    append_hex(out, "\\U%08x", static_cast<unsigned>(r));
  }
}

}  // namespace

std::string go_quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    json::Rune r = json::decode_rune(s, i);
    if (r.rune == json::kReplacementChar && r.size == 1) {
      append_hex(out, "\\x%02x", static_cast<unsigned char>(s[i]));
    } else {
      append_escaped(out, r.rune, '"');
    }
    i += static_cast<std::size_t>(r.size);
  }
  out += '"';
  return out;
}

std::string go_quote_runes(std::string_view utf8) {
  std::string out = "[";
  for (std::size_t i = 0; i < utf8.size();) {
    json::Rune r = json::decode_rune(utf8, i);
    if (i > 0) out += ' ';
    out += '\'';
    append_escaped(out, r.rune, '\'');
    out += '\'';
    i += static_cast<std::size_t>(r.size);
  }
  out += ']';
  return out;
}

std::string go_sprint(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: return "<nil>";
    case Value::Kind::Bool: return v.as_bool() ? "true" : "false";
    case Value::Kind::Int: return std::to_string(v.as_int());
    case Value::Kind::Uint: return std::to_string(v.as_uint());
    case Value::Kind::Float:
      return strconv::format_float(v.as_float(), 'g', -1,
                                   v.num_type() == NumType::Float32 ? 32 : 64);
    case Value::Kind::String: return v.as_string();
    case Value::Kind::Bytes: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.as_string().size(); ++i) {
        if (i > 0) out += ' ';
        out += std::to_string(static_cast<unsigned char>(v.as_string()[i]));
      }
      return out + "]";
    }
    case Value::Kind::List: {
      std::string out = "[";
      bool first = true;
      for (const Value& item : v.list().items) {
        if (!first) out += ' ';
        first = false;
        out += go_sprint(item);
      }
      return out + "]";
    }
    case Value::Kind::Map: {
      std::string out = "map[";
      bool first = true;
      for (const auto& [key, item] : v.map().entries) {
        if (!first) out += ' ';
        first = false;
        out += key + ":" + go_sprint(item);
      }
      return out + "]";
    }
    case Value::Kind::Object: return "{" + v.object()->type_name() + "}";
  }
  return "";
}

}  // namespace capstan::chart
