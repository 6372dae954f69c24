// json.Marshal and json.MarshalIndent over Value (Go's encoding/json encode.go and indent.go).
#include <cmath>
#include <string>

#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"
#include "core/strconv.h"

namespace capstan::json {

std::string format_float(double f, int bit_size) {
  // Go: ES6 number formatting, 'e' only for very small or very large magnitudes.
  const double abs = std::fabs(f);
  char fmt = 'f';
  if (abs != 0) {
    if (bit_size == 64 ? (abs < 1e-6 || abs >= 1e21)
                       : (static_cast<float>(abs) < 1e-6F || static_cast<float>(abs) >= 1e21F)) {
      fmt = 'e';
    }
  }
  std::string s = strconv::format_float(f, fmt, -1, bit_size);
  if (fmt == 'e') {
    // Go: clean up e-09 to e-9.
    const std::size_t n = s.size();
    if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') {
      s[n - 2] = s[n - 1];
      s.pop_back();
    }
  }
  return s;
}

namespace {

class Encoder {
 public:
  Encoder(std::string& out, const EncodeOptions& options)
      : out_(out),
        options_(options),
        indented_(!options.prefix.empty() || !options.indent.empty()) {}

  void value(const Value& v, int depth) {
    switch (v.kind()) {
      case Value::Kind::Null:
        out_ += "null";
        return;
      case Value::Kind::Bool:
        out_ += v.as_bool() ? "true" : "false";
        return;
      case Value::Kind::Int:
        out_ += std::to_string(v.as_int());
        return;
      case Value::Kind::Uint:
        out_ += std::to_string(v.as_uint());
        return;
      case Value::Kind::Float:
        number(v);
        return;
      case Value::Kind::String:
        append_quoted(out_, v.as_string(), options_.escape_html);
        return;
      case Value::Kind::Bytes:
        // Go: []byte encodes as a base64 string.
        out_ += '"';
        out_ += base64_encode(v.as_string());
        out_ += '"';
        return;
      case Value::Kind::List:
        list(v.list(), depth);
        return;
      case Value::Kind::Map:
        map(v.map(), depth);
        return;
      case Value::Kind::Object:
        if (options_.object_value) {
          value(options_.object_value(*v.object()), depth);
        } else {
          out_ += "null";
        }
        return;
    }
  }

 private:
  void number(const Value& v) {
    const double f = v.as_float();
    if (std::isnan(f) || std::isinf(f)) {
      throw Error(ErrorKind::Values,
                  "json: unsupported value: " + strconv::format_float(f, 'g', -1, 64));
    }
    out_ += format_float(f, v.num_type() == NumType::Float32 ? 32 : 64);
  }

  void list(const List& l, int depth) {
    out_ += '[';
    if (l.items.empty()) {
      out_ += ']';
      return;
    }
    bool first = true;
    for (const Value& item : l.items) {
      if (!first)
        out_ += ',';
      first = false;
      newline(depth + 1);
      value(item, depth + 1);
    }
    newline(depth);
    out_ += ']';
  }

  void map(const Map& m, int depth) {
    out_ += '{';
    if (m.entries.empty()) {
      out_ += '}';
      return;
    }
    // std::map orders keys byte-wise, as encoding/json sorts them.
    bool first = true;
    for (const auto& [key, item] : m.entries) {
      if (!first)
        out_ += ',';
      first = false;
      newline(depth + 1);
      append_quoted(out_, key, options_.escape_html);
      out_ += indented_ ? ": " : ":";
      value(item, depth + 1);
    }
    newline(depth);
    out_ += '}';
  }

  void newline(int depth) {
    if (!indented_)
      return;
    out_ += '\n';
    out_ += options_.prefix;
    for (int i = 0; i < depth; ++i) out_ += options_.indent;
  }

  std::string& out_;
  const EncodeOptions& options_;
  const bool indented_;
};

}  // namespace

void encode_to(std::string& out, const Value& value, const EncodeOptions& options) {
  EncodeOptions compact = options;
  compact.prefix.clear();
  compact.indent.clear();
  Encoder(out, compact).value(value, 0);
}

std::string encode(const Value& value, const EncodeOptions& options) {
  std::string out;
  Encoder(out, options).value(value, 0);
  return out;
}

}  // namespace capstan::json
