// yaml.v2's emitter (emitterc.go): libyaml's state (column, indent stack, whitespace and
// indention flags) and its decisions, kept step for step so that output is byte-identical.
#include "core/yaml_emitter.h"

#include <algorithm>

#include "core/json_text.h"

namespace capstan::yaml::detail {

namespace {

// --- libyaml's byte classes (yamlprivateh.go). `i` may be at the end: Go would index past
// the string there only where the emitter's own rules make it impossible.
unsigned char at(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}
bool is_space(std::string_view s, std::size_t i) {
  return at(s, i) == ' ';
}
bool is_blank(std::string_view s, std::size_t i) {
  return at(s, i) == ' ' || at(s, i) == '\t';
}
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
  if ((c & 0x80) == 0x00)
    return 1;
  if ((c & 0xE0) == 0xC0)
    return 2;
  if ((c & 0xF0) == 0xE0)
    return 3;
  if ((c & 0xF8) == 0xF0)
    return 4;
  return 0;
}

}  // namespace

Emitter::Analysis Emitter::analyze(std::string_view v) const {
  Analysis a;
  if (v.empty())
    return a;
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
  bool tab_characters = false;
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
        case '#':
        case ',':
        case '[':
        case ']':
        case '{':
        case '}':
        case '&':
        case '*':
        case '!':
        case '|':
        case '>':
        case '\'':
        case '"':
        case '%':
        case '@':
        case '`':
          flow_indicators = true;
          block_indicators = true;
          break;
        case '?':
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace)
            block_indicators = true;
          break;
        case '-':
          if (followed_by_whitespace) {
            flow_indicators = true;
            block_indicators = true;
          }
          break;
        default:
          break;
      }
    } else {
      switch (c) {
        case ',':
        case '?':
        case '[':
        case ']':
        case '{':
        case '}':
          flow_indicators = true;
          break;
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace)
            block_indicators = true;
          break;
        case '#':
          if (preceded_by_whitespace) {
            flow_indicators = true;
            block_indicators = true;
          }
          break;
        default:
          break;
      }
    }
    if (v3_ && c == '\t') {
      tab_characters = true;  // yaml.v3: tabs are not left in plain or single-quoted scalars
    } else if (!is_printable(v, i)) {
      special_characters = true;
    }
    if (is_space(v, i)) {
      if (i == 0)
        leading_space = true;
      if (i + w == v.size())
        trailing_space = true;
      if (previous_break)
        break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (is_break(v, i)) {
      line_breaks = true;
      if (i == 0)
        leading_break = true;
      if (i + w == v.size())
        trailing_break = true;
      if (previous_space)
        space_break = true;
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
  if (trailing_space)
    a.block_allowed = false;
  if (break_space) {
    a.flow_plain_allowed = false;
    a.block_plain_allowed = false;
    a.single_quoted_allowed = false;
  }
  if (space_break || tab_characters || special_characters) {
    a.flow_plain_allowed = false;
    a.block_plain_allowed = false;
    a.single_quoted_allowed = false;
  }
  if (space_break || special_characters)
    a.block_allowed = false;
  if (line_breaks) {
    a.flow_plain_allowed = false;
    a.block_plain_allowed = false;
  }
  if (flow_indicators)
    a.flow_plain_allowed = false;
  if (block_indicators)
    a.block_plain_allowed = false;
  return a;
}

// --- output primitives (put, put_break, write, write_break)
void Emitter::put(char c) {
  out_ += c;
  ++column_;
}
void Emitter::put_break() {
  out_ += '\n';
  column_ = 0;
  if (v3_)
    indention_ = true;  // v3 sets it here and no longer in write_indent
}
// Copies one character (1-4 bytes) of s at i.
void Emitter::write(std::string_view s, std::size_t& i) {
  const std::size_t w = std::max<std::size_t>(width(at(s, i)), 1);
  out_.append(s.substr(i, w));
  ++column_;
  i += w;
}
void Emitter::write_break(std::string_view s, std::size_t& i) {
  if (s[i] == '\n') {
    put_break();
    ++i;
  } else {
    write(s, i);
    column_ = 0;
  }
}

void Emitter::write_indent() {
  const int indent = std::max(indent_, 0);
  if (!indention_ || column_ > indent || (column_ == indent && !whitespace_))
    put_break();
  while (column_ < indent) put(' ');
  whitespace_ = true;
  if (!v3_)
    indention_ = true;
}

void Emitter::write_indicator(std::string_view indicator, bool need_whitespace, bool is_whitespace,
                              bool is_indention) {
  if (need_whitespace && !whitespace_)
    put(' ');
  for (std::size_t i = 0; i < indicator.size();) write(indicator, i);
  whitespace_ = is_whitespace;
  indention_ = indention_ && is_indention;
}

void Emitter::increase_indent(bool flow, bool indentless) {
  indents_.push_back(indent_);
  if (indent_ < 0) {
    indent_ = flow ? best_indent_ : 0;
  } else if (!indentless) {
    if (!v3_) {
      indent_ += best_indent_;
    } else if (sequence_item_) {
      indent_ += 2;  // v3: the first indent inside a sequence skips the "- " indicator
    } else {
      indent_ = best_indent_ * ((indent_ + best_indent_) / best_indent_);
    }
  }
}
void Emitter::pop_indent() {
  indent_ = indents_.back();
  indents_.pop_back();
}

void Emitter::empty_collection(std::string_view open, std::string_view close) {
  write_indicator(open, true, true, false);
  increase_indent(true, false);
  pop_indent();
  write_indicator(close, false, false, false);
}

void Emitter::begin_sequence() {
  // v2 writes a sequence in a mapping at the key's indentation; v3 indents it.
  increase_indent(false, !v3_ && mapping_context_ && !indention_);
}

void Emitter::item() {
  write_indent();
  write_indicator("-", true, false, true);
  mapping_context_ = false;
  simple_key_context_ = false;
  sequence_item_ = true;
}

void Emitter::begin_mapping() {
  increase_indent(false, false);
}

void Emitter::key(std::string_view text, ScalarStyle style) {
  write_indent();
  sequence_item_ = false;
  const Analysis a = analyze(text);
  // yaml_emitter_check_simple_key: one line and at most 128 bytes, tag included.
  if (!a.multiline && text.size() + tag_.size() <= 128) {
    mapping_context_ = true;
    simple_key_context_ = true;
    scalar(text, style, a);
    write_indicator(":", false, false, false);
  } else {
    write_indicator("?", true, false, true);
    mapping_context_ = true;
    simple_key_context_ = false;
    scalar(text, style, a);
    write_indent();
    write_indicator(":", true, false, true);
  }
  // The value node.
  mapping_context_ = true;
  simple_key_context_ = false;
}

void Emitter::scalar(std::string_view text, ScalarStyle style) {
  scalar(text, style, analyze(text));
}

void Emitter::scalar(std::string_view text, ScalarStyle requested, const Analysis& a) {
  const ScalarStyle style = select_style(text, requested, a);
  if (!tag_.empty()) {
    // yaml_emitter_write_tag_handle and _content: after a space unless one is there.
    if (!whitespace_)
      put(' ');
    out_ += tag_;
    column_ += static_cast<int>(tag_.size());
    whitespace_ = false;
    indention_ = false;
    tag_.clear();
  }
  increase_indent(true, false);
  const bool allow_breaks = !simple_key_context_;
  switch (style) {
    case ScalarStyle::Plain:
      write_plain(text, allow_breaks);
      break;
    case ScalarStyle::SingleQuoted:
      write_single_quoted(text, allow_breaks);
      break;
    case ScalarStyle::DoubleQuoted:
      write_double_quoted(text, allow_breaks);
      break;
    case ScalarStyle::Literal:
      write_literal(text);
      break;
  }
  pop_indent();
}

std::string Emitter::finish() {
  write_indent();
  return std::move(out_);
}

// yaml_emitter_select_scalar_style (no tags, implicit scalars, block context).
ScalarStyle Emitter::select_style(std::string_view text, ScalarStyle requested,
                                  const Analysis& a) const {
  ScalarStyle style = requested;
  if (simple_key_context_ && a.multiline)
    style = ScalarStyle::DoubleQuoted;
  if (style == ScalarStyle::Plain) {
    if (!a.block_plain_allowed)
      style = ScalarStyle::SingleQuoted;
    if (text.empty() && simple_key_context_)
      style = ScalarStyle::SingleQuoted;
  }
  if (style == ScalarStyle::SingleQuoted && !a.single_quoted_allowed)
    style = ScalarStyle::DoubleQuoted;
  if (style == ScalarStyle::Literal && (!a.block_allowed || simple_key_context_)) {
    style = ScalarStyle::DoubleQuoted;
  }
  return style;
}

void Emitter::write_plain(std::string_view v, bool allow_breaks) {
  if (!whitespace_ && (!v3_ || !v.empty()))
    put(' ');
  bool spaces = false;
  bool breaks = false;
  for (std::size_t i = 0; i < v.size();) {
    if (is_space(v, i)) {
      if (allow_breaks && !spaces && column_ > best_width_ && !is_space(v, i + 1)) {
        write_indent();
        ++i;
      } else {
        write(v, i);
      }
      spaces = true;
    } else if (is_break(v, i)) {
      if (!breaks && v[i] == '\n')
        put_break();
      write_break(v, i);
      indention_ = true;
      breaks = true;
    } else {
      if (breaks)
        write_indent();
      write(v, i);
      indention_ = false;
      spaces = false;
      breaks = false;
    }
  }
  if (!v3_ || !v.empty())
    whitespace_ = false;
  indention_ = false;
}

void Emitter::write_single_quoted(std::string_view v, bool allow_breaks) {
  write_indicator("'", true, false, false);
  bool spaces = false;
  bool breaks = false;
  for (std::size_t i = 0; i < v.size();) {
    if (is_space(v, i)) {
      if (allow_breaks && !spaces && column_ > best_width_ && i > 0 && i < v.size() - 1 &&
          !is_space(v, i + 1)) {
        write_indent();
        ++i;
      } else {
        write(v, i);
      }
      spaces = true;
    } else if (is_break(v, i)) {
      if (!breaks && v[i] == '\n')
        put_break();
      write_break(v, i);
      indention_ = true;
      breaks = true;
    } else {
      if (breaks)
        write_indent();
      if (v[i] == '\'')
        put('\'');
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

void Emitter::write_double_quoted(std::string_view v, bool allow_breaks) {
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
        case 0x00:
          put('0');
          break;
        case 0x07:
          put('a');
          break;
        case 0x08:
          put('b');
          break;
        case 0x09:
          put('t');
          break;
        case 0x0A:
          put('n');
          break;
        case 0x0B:
          put('v');
          break;
        case 0x0C:
          put('f');
          break;
        case 0x0D:
          put('r');
          break;
        case 0x1B:
          put('e');
          break;
        case 0x22:
          put('"');
          break;
        case 0x5C:
          put('\\');
          break;
        case 0x85:
          put('N');
          break;
        case 0xA0:
          put('_');
          break;
        case 0x2028:
          put('L');
          break;
        case 0x2029:
          put('P');
          break;
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
      if (allow_breaks && !spaces && column_ > best_width_ && i > 0 && i < v.size() - 1) {
        write_indent();
        if (is_space(v, i + 1))
          put('\\');
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

void Emitter::write_block_scalar_hints(std::string_view v) {
  if (is_space(v, 0) || is_break(v, 0)) {
    const char hint[] = {static_cast<char>('0' + best_indent_), '\0'};
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
    if (is_break(v, i))
      chomp = '+';
  }
  if (chomp != 0) {
    const char hint[] = {chomp, '\0'};
    write_indicator(hint, false, false, false);
  }
}

void Emitter::write_literal(std::string_view v) {
  write_indicator("|", true, false, false);
  write_block_scalar_hints(v);
  if (!v3_) {
    put_break();
    indention_ = true;
  }
  whitespace_ = true;
  bool breaks = true;
  for (std::size_t i = 0; i < v.size();) {
    if (is_break(v, i)) {
      write_break(v, i);
      indention_ = true;
      breaks = true;
    } else {
      if (breaks)
        write_indent();
      write(v, i);
      indention_ = false;
      breaks = false;
    }
  }
}

}  // namespace capstan::yaml::detail
