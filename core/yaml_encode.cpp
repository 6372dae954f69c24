// sigs.k8s.io/yaml.Marshal over Value: what encoding/json would write, re-read by yaml.v2 and
// printed by yaml.v2's encoder. This file holds what the JSON round trip does to a value
// (numbers, strings, key order, the errors on the way); core/yaml_emitter.cpp prints it.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "core/yaml_emitter.h"
#include "core/yaml_key_order.h"
#include "core/yaml_resolve.h"

namespace capstan::yaml {

namespace {

using detail::ScalarStyle;

// What sigs.k8s.io/yaml.Marshal can fail on before anything is printed, found in the order
// encoding/json writes the value (map keys in byte order): json.Marshal refuses NaN and
// infinities; yaml.v2, re-reading the JSON, refuses characters its reader does not accept
// (DEL, C1 controls, U+FFFE, U+FFFF, which encoding/json writes raw) and takes a raw NEL
// (U+0085) for a line break, so that a key holding one spans lines and a NEL followed by
// "---" or "..." reads as a document marker.
class MarshalCheck {
 public:
  explicit MarshalCheck(const json::ObjectValue& object_value) : object_value_(object_value) {}

  void value(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::Float: {
        const double f = v.as_float();
        if ((std::isnan(f) || std::isinf(f)) && json_error_.empty()) {
          json_error_ = "error marshaling into JSON: json: unsupported value: " +
                        strconv::format_float(f, 'g', -1, 64);
        }
        return;
      }
      case Value::Kind::String:
        text(v.as_string(), false);
        return;
      case Value::Kind::List:
        for (const Value& item : v.list().items) value(item);
        return;
      case Value::Kind::Map:
        for (const auto& [key, item] : v.map().entries) {
          text(key, true);
          value(item);
        }
        return;
      case Value::Kind::Object:
        if (object_value_)
          value(object_value_(*v.object()));
        return;
      default:
        return;
    }
  }

  void raise() const {
    if (!json_error_.empty())
      throw Error(ErrorKind::Values, json_error_);
    if (!yaml_error_.empty()) {
      throw Error(ErrorKind::Values, "error converting JSON to YAML: yaml: " + yaml_error_);
    }
  }

 private:
  void text(std::string_view s, bool key) {
    if (!yaml_error_.empty())
      return;
    const std::size_t before = lines_;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == 0x7F) {
        yaml_error_ = "control characters are not allowed";
        return;
      }
      if (c == 0xC2 && i + 1 < s.size()) {
        const auto d = static_cast<unsigned char>(s[i + 1]);
        if (d == 0x85) {
          ++lines_;
          // At column 0 after the break: "---" or "..." then a space or another break.
          std::string_view rest = s.substr(i + 2);
          if ((rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...") &&
              (rest.substr(3, 1) == " " || rest.substr(3, 2) == "\xC2\x85")) {
            yaml_error_ =
                "line " + std::to_string(lines_ + 1) + ": found unexpected document indicator";
            return;
          }
        } else if (d >= 0x80 && d < 0xA0) {
          yaml_error_ = "control characters are not allowed";
          return;
        }
      }
      if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
          (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
           static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
        yaml_error_ = "control characters are not allowed";
        return;
      }
    }
    if (key && lines_ > before) {
      // A flow key may not span lines: the ':' after it is where yaml.v2's parser stops.
      yaml_error_ = "line " + std::to_string(lines_) + ": did not find expected ',' or '}'";
    }
  }

  const json::ObjectValue& object_value_;
  std::string json_error_;
  std::string yaml_error_;
  std::size_t lines_ = 0;  // raw NELs so far: the JSON text's 0-based line
};

// How yaml.v2 reads back a double-quoted JSON string holding raw NELs (line breaks to it):
// spaces before a break are dropped, a single break folds into a space, further breaks stay
// as newlines, spaces after a break are dropped (yaml_parser_scan_flow_scalar; tabs are not
// blanks here: encoding/json writes them as \t escapes).
std::string fold_nel(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const bool blank = s[i] == ' ';
    const bool nel = s.substr(i, 2) == "\xC2\x85";
    if (!blank && !nel) {
      out += s[i++];
      continue;
    }
    std::string whitespace;
    bool leading_blanks = false;
    std::size_t breaks = 0;
    while (i < s.size()) {
      if (s[i] == ' ') {
        if (!leading_blanks)
          whitespace += s[i];
        ++i;
      } else if (s.substr(i, 2) == "\xC2\x85") {
        leading_blanks = true;
        ++breaks;
        i += 2;
      } else {
        break;
      }
    }
    if (!leading_blanks) {
      out += whitespace;
    } else if (breaks == 1) {
      out += ' ';
    } else {
      out.append(breaks - 1, '\n');
    }
  }
  return out;
}

// The text and style a leaf Value takes after encoding/json and yaml.v2's re-reading.
struct Scalar {
  std::string text;
  ScalarStyle style = ScalarStyle::Plain;
};

class Encoder {
 public:
  explicit Encoder(const EncodeOptions& options) : options_(options) {}

  std::string run(const Value& v) {
    MarshalCheck check(options_.object_value);
    check.value(v);
    check.raise();
    node(v);
    return emitter_.finish();
  }

 private:
  void node(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::List:
        if (v.list().items.empty()) {
          emitter_.empty_sequence();
          return;
        }
        emitter_.begin_sequence();
        for (const Value& item : v.list().items) {
          emitter_.item();
          node(item);
        }
        emitter_.end_sequence();
        return;
      case Value::Kind::Map:
        if (v.map().entries.empty()) {
          emitter_.empty_mapping();
          return;
        }
        emitter_.begin_mapping();
        for (const auto& [key, value] : sorted_entries(v.map())) {
          const Scalar k = string_scalar(key);
          emitter_.key(k.text, k.style);
          node(*value);
        }
        emitter_.end_mapping();
        return;
      case Value::Kind::Object:
        if (options_.object_value) {
          node(options_.object_value(*v.object()));
        } else {
          emitter_.scalar("null", ScalarStyle::Plain);
        }
        return;
      default: {
        const Scalar s = leaf(v);
        emitter_.scalar(s.text, s.style);
      }
    }
  }

  static Scalar leaf(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::Null:
        return {"null", ScalarStyle::Plain};
      case Value::Kind::Bool:
        return {v.as_bool() ? "true" : "false", ScalarStyle::Plain};
      case Value::Kind::Int:
        return {std::to_string(v.as_int()), ScalarStyle::Plain};
      case Value::Kind::Uint:
        return {std::to_string(v.as_uint()), ScalarStyle::Plain};
      case Value::Kind::Float:
        return {float_text(v), ScalarStyle::Plain};
      case Value::Kind::String:
        return string_scalar(json::coerce_utf8(v.as_string()));
      case Value::Kind::Bytes:
        return string_scalar(json::base64_encode(v.as_string()));
      default:
        return {"null", ScalarStyle::Plain};
    }
  }

  // encoding/json's number text read back by yaml.v2: integral texts become ints (printed
  // as written, "-0" as 0), the rest float64 printed with FormatFloat(f, 'g', -1, 64).
  static std::string float_text(const Value& v) {
    const double f = v.as_float();  // finite: MarshalCheck ran first
    const bool f32 = v.num_type() == NumType::Float32;
    const std::string text = json::format_float(f, f32 ? 32 : 64);
    detail::Resolved r = detail::resolve(detail::Tag::None, text);
    if (r.type == detail::Resolved::Type::Int)
      return std::to_string(r.i);
    if (r.type == detail::Resolved::Type::Uint)
      return std::to_string(r.u);
    return strconv::format_float(r.f, 'g', -1, 64);
  }

  // yaml.v2's stringv: a string that would read back as something else is double-quoted,
  // one with a line break asks for a literal block.
  static Scalar string_scalar(std::string s) {
    if (s.find("\xC2\x85") != std::string::npos)
      s = fold_nel(s);
    ScalarStyle style = ScalarStyle::DoubleQuoted;
    if (s.find('\n') != std::string::npos) {
      style = ScalarStyle::Literal;
    } else if (detail::resolve(detail::Tag::None, s).tag == detail::Tag::Str &&
               !detail::is_base60_float(s)) {
      style = ScalarStyle::Plain;
    }
    return {std::move(s), style};
  }

  // Map keys as encoding/json writes them (invalid UTF-8 replaced, which may merge two keys:
  // the later in byte order wins, as when yaml.v2 reads the duplicate back) in yaml.v2's
  // order.
  static std::vector<std::pair<std::string, const Value*>> sorted_entries(const Map& map) {
    std::vector<std::pair<std::string, const Value*>> entries;
    entries.reserve(map.entries.size());
    bool coerced = false;
    for (const auto& [key, value] : map.entries) {
      if (json::valid_utf8(key)) {
        entries.emplace_back(key, &value);
      } else {
        entries.emplace_back(json::coerce_utf8(key), &value);
        coerced = true;
      }
    }
    if (coerced) {
      std::stable_sort(entries.begin(), entries.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::vector<std::pair<std::string, const Value*>> unique;
      for (auto& e : entries) {
        if (!unique.empty() && unique.back().first == e.first) {
          unique.back().second = e.second;
        } else {
          unique.push_back(std::move(e));
        }
      }
      entries = std::move(unique);
    }
    auto less = [](const auto& a, const auto& b) { return detail::key_less(a.first, b.first); };
    bool ordered = true;
    for (std::size_t i = 1; i < entries.size() && ordered; ++i) {
      ordered = !less(entries[i], entries[i - 1]);
    }
    // A deterministic comparator keeps stable_sort memory-safe even where yaml.v2's order is
    // not a strict weak order (Go's result then depends on map iteration order anyway).
    if (!ordered)
      std::stable_sort(entries.begin(), entries.end(), less);
    return entries;
  }

  const EncodeOptions& options_;
  detail::Emitter emitter_;
};

}  // namespace

std::string encode(const Value& value, const EncodeOptions& options) {
  return Encoder(options).run(value);
}

}  // namespace capstan::yaml
