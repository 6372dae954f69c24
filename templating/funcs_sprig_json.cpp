// Sprig's JSON functions (defaults.go): fromJson, mustFromJson, toJson, mustToJson, toPrettyJson,
// mustToPrettyJson, toRawJson, mustToRawJson. (Helm replaces fromJson and toJson with its own.)
#include <algorithm>

#include "core/error.h"
#include "core/json.h"
#include "templating/function.h"
#include "templating/object.h"

namespace capstan::templating {

namespace {

// json.Indent(dst, compact, "", "  ") over encoding/json's compact output: empty arrays and
// objects stay "[]" and "{}".
std::string indent(const std::string& compact) {
  std::string out;
  int depth = 0;
  bool in_string = false;
  auto newline = [&](int d) {
    out += '\n';
    for (int i = 0; i < d; ++i) out += "  ";
  };
  for (std::size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    if (in_string) {
      out += c;
      if (c == '\\') {
        out += compact[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
          out += compact[++i];
        } else {
          newline(++depth);
        }
        break;
      case '}':
      case ']':
        newline(--depth);
        out += c;
        break;
      case ',':
        out += c;
        newline(depth);
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// encoding/json with SetEscapeHTML(false): the encoder's \u003c, \u003e and \u0026 (which it
// writes only for <, > and &) become the characters again.
std::string unescape_html(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string && c == '\\') {
      const std::string_view esc(json.data() + i, std::min<std::size_t>(6, json.size() - i));
      if (esc == "\\u003c") {
        out += '<';
      } else if (esc == "\\u003e") {
        out += '>';
      } else if (esc == "\\u0026") {
        out += '&';
      } else {
        out += c;
        out += json[i + 1];
        ++i;
        continue;
      }
      i += 5;
      continue;
    }
    if (c == '"')
      in_string = !in_string;
    out += c;
  }
  return out;
}

Value must_from_json(const std::string& text) {
  try {
    return json::decode(text);
  } catch (const Error& e) {
    throw FuncError(e.what());
  }
}

std::string must_marshal(const Value& v) {
  try {
    return marshal_json(v);
  } catch (const Error& e) {
    throw FuncError(e.what());
  }
}

}  // namespace

void register_sprig_json(FuncMap& f) {
  f.add("fromJson", "func(string) interface {}", [](CallContext&, Args& a) {
    try {
      return json::decode(a[0].as_string());
    } catch (const Error&) {
      return Value();
    }
  });
  f.add("mustFromJson", "func(string) (interface {}, error)",
        [](CallContext&, Args& a) { return must_from_json(a[0].as_string()); });
  f.add("toJson", "func(interface {}) string", [](CallContext&, Args& a) {
    try {
      return Value(marshal_json(a[0]));
    } catch (const Error&) {
      return Value(std::string());
    }
  });
  f.add("mustToJson", "func(interface {}) (string, error)",
        [](CallContext&, Args& a) { return Value(must_marshal(a[0])); });
  f.add("toPrettyJson", "func(interface {}) string", [](CallContext&, Args& a) {
    try {
      return Value(indent(marshal_json(a[0])));
    } catch (const Error&) {
      return Value(std::string());
    }
  });
  f.add("mustToPrettyJson", "func(interface {}) (string, error)",
        [](CallContext&, Args& a) { return Value(indent(must_marshal(a[0]))); });
  // toRawJson panics where mustToRawJson returns the error; both read the same to a template.
  const auto raw = [](CallContext&, Args& a) { return Value(unescape_html(must_marshal(a[0]))); };
  f.add("toRawJson", "func(interface {}) string", raw);
  f.add("mustToRawJson", "func(interface {}) (string, error)", raw);
}

}  // namespace capstan::templating
