// sigs.k8s.io/yaml.Marshal over Value: what encoding/json would write, re-read by yaml.v2 and
// printed by yaml.v2's emitter (emitterc.go, a port of libyaml's). The emitter below keeps
// libyaml's state (column, indent stack, whitespace/indention flags) and its decisions, for
// the subset yaml.v2's encoder produces: block mappings and sequences, flow style only for
// empty collections, no anchors or tags, scalars plain, single- or double-quoted or literal.
// Lines fold at libyaml's best_width of 80; yaml.v2 never changes it.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "core/yaml_key_order.h"
#include "core/yaml_resolve.h"

namespace capstan::yaml {

namespace {

constexpr int kBestIndent = 2;
constexpr int kBestWidth = 80;

enum class Style { Plain, SingleQuoted, DoubleQuoted, Literal };

// --- libyaml's byte classes (yamlprivateh.go). `i` may be at the end: Go would index past
// the string there only where the emitter's own rules make it impossible.
unsigned char at(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}
bool is_space(std::string_view s, std::size_t i) { return at(s, i) == ' '; }
bool is_blank(std::string_view s, std::size_t i) { return at(s, i) == ' ' || at(s, i) == '\t'; }
bool is_break(std::string_view s, std::size_t i) {
  const unsigned char c = at(s, i);
  return c == '\r' || c == '\n' || (c == 0xC2 && at(s, i + 1) == 0x85) ||
         (c == 0xE2 && at(s, i + 1) == 0x80 && (at(s, i + 2) == 0xA8 || at(s, i + 2) == 0xA9));
}
bool is_blankz(std::string_view s, std::size_t i) {
  return is_blank(s, i) || is_break(s, i) || i >= s.size() || at(s, i) == 0;
}
bool is_printable(std::string_view s, std::size_t i) {
  const unsigned char c = at(s, i);
  const unsigned char c1 = at(s, i + 1);
  const unsigned char c2 = at(s, i + 2);
  return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) ||
         (c > 0xC2 && c < 0xED) || (c == 0xED && c1 < 0xA0) || c == 0xEE ||
         (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
}
std::size_t width(unsigned char c) {
  if ((c & 0x80) == 0x00) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 0;
}

// What yaml_emitter_analyze_scalar finds out about a scalar.
struct Analysis {
  bool multiline = false;
  bool flow_plain_allowed = false;
  bool block_plain_allowed = true;
  bool single_quoted_allowed = true;
  bool block_allowed = false;
};

Analysis analyze(std::string_view v) {
  Analysis a;
  if (v.empty()) return a;
  bool block_indicators = false;
  bool flow_indicators = false;
  bool line_breaks = false;
  bool special_characters = false;
  bool leading_space = false;
  bool leading_break = false;
  bool trailing_space = false;
  bool trailing_break = false;
  bool break_space = false;
  bool space_break = false;
  bool previous_space = false;
  bool previous_break = false;
  if (v.size() >= 3 && (v.substr(0, 3) == "---" || v.substr(0, 3) == "...")) {
    block_indicators = true;
    flow_indicators = true;
  }
  bool preceded_by_whitespace = true;
  for (std::size_t i = 0, w = 0; i < v.size(); i += w) {
    w = std::max<std::size_t>(width(at(v, i)), 1);
    const bool followed_by_whitespace = i + w >= v.size() || is_blank(v, i + w);
    const char c = v[i];
    if (i == 0) {
      switch (c) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
        case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
          flow_indicators = true;
          block_indicators = true;
          break;
        case '?': case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '-':
          if (followed_by_whitespace) {
            flow_indicators = true;
            block_indicators = true;
          }
          break;
        default: break;
      }
    } else {
      switch (c) {
        case ',': case '?': case '[': case ']': case '{': case '}':
          flow_indicators = true;
          break;
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '#':
          if (preceded_by_whitespace) {
            flow_indicators = true;
            block_indicators = true;
          }
          break;
        default: break;
      }
    }
    if (!is_printable(v, i)) special_characters = true;
    if (is_space(v, i)) {
      if (i == 0) leading_space = true;
      if (i + w == v.size()) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (is_break(v, i)) {
      line_breaks = true;
      if (i == 0) leading_break = true;
      if (i + w == v.size()) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = false;
      previous_break = false;
    }
    preceded_by_whitespace = is_blankz(v, i);
  }
  a.multiline = line_breaks;
  a.flow_plain_allowed = true;
  a.block_plain_allowed = true;
  a.single_quoted_allowed = true;
  a.block_allowed = true;
  if (leading_space || leading_break || trailing_space || trailing_break) {
    a.flow_plain_allowed = false;
    a.block_plain_allowed = false;
  }
  if (trailing_space) a.block_allowed = false;
  if (break_space) {
    a.flow_plain_allowed = false;
    a.block_plain_allowed = false;
    a.single_quoted_allowed = false;
  }
  if (space_break || special_characters) {
    a.flow_plain_allowed = false;
    a.block_plain_allowed = false;
    a.single_quoted_allowed = false;
    a.block_allowed = false;
  }
  if (line_breaks) {
    a.flow_plain_allowed = false;
    a.block_plain_allowed = false;
  }
  if (flow_indicators) a.flow_plain_allowed = false;
  if (block_indicators) a.block_plain_allowed = false;
  return a;
}

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
      case Value::Kind::String: text(v.as_string(), false); return;
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
        if (object_value_) value(object_value_(*v.object()));
        return;
      default: return;
    }
  }

  void raise() const {
    if (!json_error_.empty()) throw Error(ErrorKind::Values, json_error_);
    if (!yaml_error_.empty()) {
      throw Error(ErrorKind::Values, "error converting JSON to YAML: yaml: " + yaml_error_);
    }
  }

 private:
  void text(std::string_view s, bool key) {
    if (!yaml_error_.empty()) return;
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
            yaml_error_ = "line " + std::to_string(lines_ + 1) + ": found unexpected document indicator";
            return;
          }
        } else if (d >= 0x80 && d < 0xA0) {
          yaml_error_ = "control characters are not allowed";
          return;
        }
      }
      if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
          (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
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
        if (!leading_blanks) whitespace += s[i];
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
  Style style = Style::Plain;
};

class Emitter {
 public:
  explicit Emitter(const EncodeOptions& options) : options_(options) {}

  std::string run(const Value& v) {
    MarshalCheck check(options_.object_value);
    check.value(v);
    check.raise();
    out_.reserve(256);
    node(v, /*root=*/true, /*mapping=*/false, /*simple_key=*/false);
    // DOCUMENT-END (implicit): a final line break.
    write_indent();
    return std::move(out_);
  }

 private:
  // --- output primitives (put, put_break, write, write_break)
  void put(char c) {
    out_ += c;
    ++column_;
  }
  void put_break() {
    out_ += '\n';
    column_ = 0;
  }
  // Copies one character (1-4 bytes) of s at i.
  void write(std::string_view s, std::size_t& i) {
    const std::size_t w = std::max<std::size_t>(width(at(s, i)), 1);
    out_.append(s.substr(i, w));
    ++column_;
    i += w;
  }
  void write_break(std::string_view s, std::size_t& i) {
    if (s[i] == '\n') {
      put_break();
      ++i;
    } else {
      write(s, i);
      column_ = 0;
    }
  }

  void write_indent() {
    const int indent = std::max(indent_, 0);
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) put_break();
    while (column_ < indent) put(' ');
    whitespace_ = true;
    indention_ = true;
  }

  void write_indicator(std::string_view indicator, bool need_whitespace, bool is_whitespace,
                       bool is_indention) {
    if (need_whitespace && !whitespace_) put(' ');
    for (std::size_t i = 0; i < indicator.size();) write(indicator, i);
    whitespace_ = is_whitespace;
    indention_ = indention_ && is_indention;
  }

  void increase_indent(bool flow, bool indentless) {
    indents_.push_back(indent_);
    if (indent_ < 0) {
      indent_ = flow ? kBestIndent : 0;
    } else if (!indentless) {
      indent_ += kBestIndent;
    }
  }
  void pop_indent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }

  // --- nodes
  void node(const Value& v, bool root, bool mapping, bool simple_key) {
    mapping_context_ = mapping;
    simple_key_context_ = simple_key;
    switch (v.kind()) {
      case Value::Kind::List:
        if (v.list().items.empty()) {
          empty_collection("[", "]");
        } else {
          block_sequence(v.list());
        }
        return;
      case Value::Kind::Map:
        if (v.map().entries.empty()) {
          empty_collection("{", "}");
        } else {
          block_mapping(v.map());
        }
        return;
      case Value::Kind::Object:
        if (options_.object_value) {
          node(options_.object_value(*v.object()), root, mapping, simple_key);
        } else {
          scalar({"null", Style::Plain});
        }
        return;
      default: scalar(leaf(v)); return;
    }
  }

  static Scalar leaf(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::Null: return {"null", Style::Plain};
      case Value::Kind::Bool: return {v.as_bool() ? "true" : "false", Style::Plain};
      case Value::Kind::Int: return {std::to_string(v.as_int()), Style::Plain};
      case Value::Kind::Uint: return {std::to_string(v.as_uint()), Style::Plain};
      case Value::Kind::Float: return {float_text(v), Style::Plain};
      case Value::Kind::String: return string_scalar(json::coerce_utf8(v.as_string()));
      case Value::Kind::Bytes: return string_scalar(json::base64_encode(v.as_string()));
      default: return {"null", Style::Plain};
    }
  }

  // encoding/json's number text read back by yaml.v2: integral texts become ints (printed
  // as written, "-0" as 0), the rest float64 printed with FormatFloat(f, 'g', -1, 64).
  static std::string float_text(const Value& v) {
    const double f = v.as_float();  // finite: MarshalCheck ran first
    const bool f32 = v.num_type() == NumType::Float32;
    const std::string text = json::format_float(f, f32 ? 32 : 64);
    detail::Resolved r = detail::resolve(detail::Tag::None, text);
    if (r.type == detail::Resolved::Type::Int) return std::to_string(r.i);
    if (r.type == detail::Resolved::Type::Uint) return std::to_string(r.u);
    return strconv::format_float(r.f, 'g', -1, 64);
  }

  // yaml.v2's stringv: a string that would read back as something else is double-quoted,
  // one with a line break asks for a literal block.
  static Scalar string_scalar(std::string s) {
    if (s.find("\xC2\x85") != std::string::npos) s = fold_nel(s);
    Style style = Style::DoubleQuoted;
    if (s.find('\n') != std::string::npos) {
      style = Style::Literal;
    } else if (detail::resolve(detail::Tag::None, s).tag == detail::Tag::Str &&
               !detail::is_base60_float(s)) {
      style = Style::Plain;
    }
    return {std::move(s), style};
  }

  void empty_collection(std::string_view open, std::string_view close) {
    write_indicator(open, true, true, false);
    increase_indent(true, false);
    pop_indent();
    write_indicator(close, false, false, false);
  }

  void block_sequence(const List& list) {
    increase_indent(false, mapping_context_ && !indention_);
    for (const Value& item : list.items) {
      write_indent();
      write_indicator("-", true, false, true);
      node(item, false, false, false);
    }
    pop_indent();
  }

  void block_mapping(const Map& map) {
    increase_indent(false, false);
    for (const auto& [key, value] : sorted_entries(map)) {
      write_indent();
      Scalar k = string_scalar(key);
      const Analysis a = analyze(k.text);
      // yaml_emitter_check_simple_key: one line and at most 128 bytes.
      if (!a.multiline && k.text.size() <= 128) {
        mapping_context_ = true;
        simple_key_context_ = true;
        scalar(k, a);
        write_indicator(":", false, false, false);
      } else {
        write_indicator("?", true, false, true);
        mapping_context_ = true;
        simple_key_context_ = false;
        scalar(k, a);
        write_indent();
        write_indicator(":", true, false, true);
      }
      node(*value, false, true, false);
    }
    pop_indent();
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
    if (!ordered) std::stable_sort(entries.begin(), entries.end(), less);
    return entries;
  }

  void scalar(const Scalar& s) { scalar(s, analyze(s.text)); }

  void scalar(const Scalar& s, const Analysis& a) {
    const Style style = select_style(s, a);
    increase_indent(true, false);
    const bool allow_breaks = !simple_key_context_;
    switch (style) {
      case Style::Plain: write_plain(s.text, allow_breaks); break;
      case Style::SingleQuoted: write_single_quoted(s.text, allow_breaks); break;
      case Style::DoubleQuoted: write_double_quoted(s.text, allow_breaks); break;
      case Style::Literal: write_literal(s.text); break;
    }
    pop_indent();
  }

  // yaml_emitter_select_scalar_style (no tags, implicit scalars, block context).
  Style select_style(const Scalar& s, const Analysis& a) const {
    Style style = s.style;
    if (simple_key_context_ && a.multiline) style = Style::DoubleQuoted;
    if (style == Style::Plain) {
      if (!a.block_plain_allowed) style = Style::SingleQuoted;
      if (s.text.empty() && simple_key_context_) style = Style::SingleQuoted;
    }
    if (style == Style::SingleQuoted && !a.single_quoted_allowed) style = Style::DoubleQuoted;
    if (style == Style::Literal && (!a.block_allowed || simple_key_context_)) {
      style = Style::DoubleQuoted;
    }
    return style;
  }

  void write_plain(std::string_view v, bool allow_breaks) {
    if (!whitespace_) put(' ');
    bool spaces = false;
    bool breaks = false;
    for (std::size_t i = 0; i < v.size();) {
      if (is_space(v, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && !is_space(v, i + 1)) {
          write_indent();
          ++i;
        } else {
          write(v, i);
        }
        spaces = true;
      } else if (is_break(v, i)) {
        if (!breaks && v[i] == '\n') put_break();
        write_break(v, i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        write(v, i);
        indention_ = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace_ = false;
    indention_ = false;
  }

  void write_single_quoted(std::string_view v, bool allow_breaks) {
    write_indicator("'", true, false, false);
    bool spaces = false;
    bool breaks = false;
    for (std::size_t i = 0; i < v.size();) {
      if (is_space(v, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i < v.size() - 1 &&
            !is_space(v, i + 1)) {
          write_indent();
          ++i;
        } else {
          write(v, i);
        }
        spaces = true;
      } else if (is_break(v, i)) {
        if (!breaks && v[i] == '\n') put_break();
        write_break(v, i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        if (v[i] == '\'') put('\'');
        write(v, i);
        indention_ = false;
        spaces = false;
        breaks = false;
      }
    }
    write_indicator("'", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void write_double_quoted(std::string_view v, bool allow_breaks) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    // libyaml's is_bom() looks at the start of the value whatever the position, so a value
    // that starts with a BOM has every character escaped.
    const bool bom = v.size() >= 3 && v.substr(0, 3) == "\xEF\xBB\xBF";
    bool spaces = false;
    write_indicator("\"", true, false, false);
    for (std::size_t i = 0; i < v.size();) {
      const char c = v[i];
      if (!is_printable(v, i) || bom || is_break(v, i) || c == '"' || c == '\\') {
        json::Rune r = json::decode_rune(v, i);
        i += static_cast<std::size_t>(r.size);
        put('\\');
        switch (r.rune) {
          case 0x00: put('0'); break;
          case 0x07: put('a'); break;
          case 0x08: put('b'); break;
          case 0x09: put('t'); break;
          case 0x0A: put('n'); break;
          case 0x0B: put('v'); break;
          case 0x0C: put('f'); break;
          case 0x0D: put('r'); break;
          case 0x1B: put('e'); break;
          case 0x22: put('"'); break;
          case 0x5C: put('\\'); break;
          case 0x85: put('N'); break;
          case 0xA0: put('_'); break;
          case 0x2028: put('L'); break;
          case 0x2029: put('P'); break;
          default: {
            int digits = 8;
            if (r.rune <= 0xFF) {
              put('x');
              digits = 2;
            } else if (r.rune <= 0xFFFF) {
              put('u');
              digits = 4;
            } else {
              put('U');
            }
            for (int k = (digits - 1) * 4; k >= 0; k -= 4) put(kHex[(r.rune >> k) & 0xF]);
          }
        }
        spaces = false;
      } else if (is_space(v, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i < v.size() - 1) {
          write_indent();
          if (is_space(v, i + 1)) put('\\');
          ++i;
        } else {
          write(v, i);
        }
        spaces = true;
      } else {
        write(v, i);
        spaces = false;
      }
    }
    write_indicator("\"", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void write_block_scalar_hints(std::string_view v) {
    if (is_space(v, 0) || is_break(v, 0)) {
      const char hint[] = {static_cast<char>('0' + kBestIndent), '\0'};
      write_indicator(hint, false, false, false);
    }
    // Chomping: '-' without a final break, '+' with more than one (or only one).
    char chomp = 0;
    std::size_t i = v.size() - 1;
    while ((at(v, i) & 0xC0) == 0x80) --i;
    if (!is_break(v, i)) {
      chomp = '-';
    } else if (i == 0) {
      chomp = '+';
    } else {
      --i;
      while ((at(v, i) & 0xC0) == 0x80) --i;
      if (is_break(v, i)) chomp = '+';
    }
    if (chomp != 0) {
      const char hint[] = {chomp, '\0'};
      write_indicator(hint, false, false, false);
    }
  }

  void write_literal(std::string_view v) {
    write_indicator("|", true, false, false);
    write_block_scalar_hints(v);
    put_break();
    indention_ = true;
    whitespace_ = true;
    bool breaks = true;
    for (std::size_t i = 0; i < v.size();) {
      if (is_break(v, i)) {
        write_break(v, i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        write(v, i);
        indention_ = false;
        breaks = false;
      }
    }
  }

  const EncodeOptions& options_;
  std::string out_;
  int column_ = 0;
  int indent_ = -1;
  std::vector<int> indents_;
  bool whitespace_ = true;
  bool indention_ = true;
  bool mapping_context_ = false;
  bool simple_key_context_ = false;
};

}  // namespace

std::string encode(const Value& value, const EncodeOptions& options) {
  return Emitter(options).run(value);
}

}  // namespace capstan::yaml
