// BurntSushi/toml v1.6.0's lexer (lex.go): the machinery and the document's structure (the
// scalar states are in toml_lex_scalars.cpp). State for state: which state reads which rune
// decides every error's wording and line, so the states, their order of checks and the
// backup/peek bookkeeping follow the Go code exactly. v1.6 lexes TOML 1.1: newlines and a
// trailing comma inside inline tables, \e and \xHH escapes (the Debian v1.2 the oracle uses
// rejects them).
#include "templating/toml_lex.h"

#include <cstdio>

#include "core/strconv.h"
#include "templating/unicode.h"

namespace capstan::templating::toml {

namespace {

constexpr std::int32_t kRuneError = 0xFFFD;

bool is_control(std::int32_t r) {  // control characters except \t, \r, \n
  if (r == '\t' || r == '\r' || r == '\n')
    return false;
  return (r >= 0x00 && r <= 0x1f) || r == 0x7f;
}

std::string hex02(unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02x", v);
  return buf;
}

std::string err_utf8(unsigned char b) {
  return "invalid UTF-8 byte: 0x" + hex02(b);
}

std::string rune_or_eof(std::int32_t r) {
  return r == kEof ? "end of file" : "'" + fmt_c(r) + "'";
}

}  // namespace

bool is_digit(std::int32_t r) {
  return r >= '0' && r <= '9';
}
bool is_hex(std::int32_t r) {
  return (r >= '0' && r <= '9') || ((r | 0x20) >= 'a' && (r | 0x20) <= 'f');
}
bool is_bare_key_char(std::int32_t r) {
  return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '_' ||
         r == '-';
}

using State = Lexer::State;

State States::skip_to(Lexer& lx, State next) {  // lexSkip
  lx.ignore();
  return next;
}

State States::top(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_whitespace(r) || is_nl(r))
    return skip_to(lx, {top});
  switch (r) {
    case '#':
      lx.push({top});
      return {comment_start};
    case '[':
      return {table_start};
    case kEof:
      if (lx.pos_ > lx.start_)
        return lx.errorf("unexpected EOF");
      lx.emit(ItemType::Eof);
      return {};
    default:
      break;
  }
  // Only a key can start here.
  lx.backup();
  lx.push({top_end});
  return {key_start};
}

// After a top-level value or table header: only whitespace, a comment or a newline.
State States::top_end(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (r == '#') {
    lx.push({top});
    return {comment_start};
  }
  if (is_whitespace(r))
    return {top_end};
  if (is_nl(r)) {
    lx.ignore();
    return {top};
  }
  if (r == kEof) {
    lx.emit(ItemType::Eof);
    return {};
  }
  return lx.errorf("expected a top-level item to end with a newline, comment, or EOF, but got " +
                   fmt_q(r) + " instead");
}

State States::table_start(Lexer& lx) {
  if (lx.peek() == '[') {
    lx.next();
    lx.emit(ItemType::ArrayTableStart);
    lx.push({array_table_end});
  } else {
    lx.emit(ItemType::TableStart);
    lx.push({table_end});
  }
  return {table_name_start};
}

State States::table_end(Lexer& lx) {
  lx.emit(ItemType::TableEnd);
  return {top_end};
}

State States::array_table_end(Lexer& lx) {
  if (const std::int32_t r = lx.next(); r != ']') {
    return lx.errorf("expected end of table array name delimiter ']', but got " + fmt_q(r) +
                     " instead");
  }
  lx.emit(ItemType::ArrayTableEnd);
  return {top_end};
}

State States::table_name_start(Lexer& lx) {
  lx.skip(is_whitespace);
  const std::int32_t r = lx.peek();
  if (r == ']' || r == kEof)
    return lx.errorf("unexpected end of table name (table names cannot be empty)");
  if (r == '.')
    return lx.errorf("unexpected table separator (table names cannot be empty)");
  if (r == '"' || r == '\'') {
    lx.ignore();
    lx.push({table_name_end});
    return {quoted_name};
  }
  lx.push({table_name_end});
  return {bare_name};
}

State States::table_name_end(Lexer& lx) {
  lx.skip(is_whitespace);
  const std::int32_t r = lx.next();
  if (r == '.') {
    lx.ignore();
    return {table_name_start};
  }
  if (r == ']')
    return lx.pop();
  return lx.errorf("expected '.' or ']' to end table name, but got " + fmt_q(r) + " instead");
}

// One bare part of a key or table name ('a' in 'a.b').
State States::bare_name(Lexer& lx) {
  if (is_bare_key_char(lx.next()))
    return {bare_name};
  lx.backup();
  lx.emit(ItemType::Text);
  return lx.pop();
}

// One quoted part of a key or table name, from its quote.
State States::quoted_name(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (r == '"') {
    lx.ignore();
    return {string};
  }
  if (r == '\'') {
    lx.ignore();
    return {raw_string};
  }
  if (is_whitespace(r))
    return skip_to(lx, {value});
  if (r == kEof)
    return lx.errorf("unexpected EOF; expected value");
  return lx.errorf("expected value but found " + fmt_q(r) + " instead");
}

State States::key_start(Lexer& lx) {
  lx.skip(is_whitespace);
  const std::int32_t r = lx.peek();
  if (r == '=' || r == kEof)
    return lx.errorf("unexpected '=': key name appears blank");
  if (r == '.')
    return lx.errorf("unexpected '.': keys cannot start with a '.'");
  if (r == '"' || r == '\'')
    lx.ignore();
  lx.emit(ItemType::KeyStart);
  return {key_name_start};
}

State States::key_name_start(Lexer& lx) {
  lx.skip(is_whitespace);
  const std::int32_t r = lx.peek();
  if (r == '"' || r == '\'') {
    lx.ignore();
    lx.push({key_end});
    return {quoted_name};
  }
  if (r == '=' || r == kEof)
    return lx.errorf("unexpected '='");
  if (r == '.')
    return lx.errorf("unexpected '.'");
  lx.push({key_end});
  return {bare_name};
}

// The end of a key part: '.' for another part or '=' before the value.
State States::key_end(Lexer& lx) {
  lx.skip(is_whitespace);
  const std::int32_t r = lx.next();
  if (is_whitespace(r))
    return skip_to(lx, {key_end});
  if (r == kEof)
    return lx.errorf("unexpected EOF; expected key separator '='");
  if (r == '.') {
    lx.ignore();
    return {key_name_start};
  }
  if (r == '=') {
    lx.emit(ItemType::KeyEnd);
    return skip_to(lx, {value});
  }
  std::string msg = "expected '.' or '=', but got " + fmt_q(r) + " instead";
  if (r == '\n')
    return lx.error_prev_line(std::move(msg));
  return lx.errorf(std::move(msg));
}

// A value anywhere one is expected; afterwards the state on top of the stack continues.
State States::value(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_whitespace(r))
    return skip_to(lx, {value});
  if (is_digit(r)) {
    lx.backup();
    return {number_or_date_start};
  }
  switch (r) {
    case '[':
      lx.ignore();
      lx.emit(ItemType::Array);
      return {array_value};
    case '{':
      lx.ignore();
      lx.emit(ItemType::InlineTableStart);
      return {inline_table_value};
    case '"':
      if (lx.accept('"')) {
        if (lx.accept('"')) {
          lx.ignore();
          return {multiline_string};
        }
        lx.backup();
      }
      lx.ignore();
      return {string};
    case '\'':
      if (lx.accept('\'')) {
        if (lx.accept('\'')) {
          lx.ignore();
          return {multiline_raw_string};
        }
        lx.backup();
      }
      lx.ignore();
      return {raw_string};
    case '.':
      return lx.errorf("floats must start with a digit, not '.'");
    case 'i':
    case 'n':
      if ((lx.accept('n') && lx.accept('f')) || (lx.accept('a') && lx.accept('n'))) {
        lx.emit(ItemType::Float);
        return lx.pop();
      }
      break;
    case '-':
    case '+':
      return {decimal_number_start};
    default:
      break;
  }
  if (unicode::is_letter(r)) {
    // Permissive: lexBool words the error for `x = foo`.
    lx.backup();
    return {boolean};
  }
  if (r == kEof)
    return lx.errorf("unexpected EOF; expected value");
  std::string msg = "expected value but found " + fmt_q(r) + " instead";
  if (r == '\n')
    return lx.error_prev_line(std::move(msg));
  return lx.errorf(std::move(msg));
}

State States::array_value(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_whitespace(r) || is_nl(r))
    return skip_to(lx, {array_value});
  if (r == '#') {
    lx.push({array_value});
    return {comment_start};
  }
  if (r == ',')
    return lx.errorf("unexpected comma");
  if (r == ']')
    return {array_end};
  lx.backup();
  lx.push({array_value_end});
  return {value};
}

State States::array_value_end(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_whitespace(r) || is_nl(r))
    return skip_to(lx, {array_value_end});
  if (r == '#') {
    lx.push({array_value_end});
    return {comment_start};
  }
  if (r == ',') {
    lx.ignore();
    return {array_value};
  }
  if (r == ']')
    return {array_end};
  return lx.errorf("expected a comma (',') or array terminator (']'), but got " + rune_or_eof(r));
}

State States::array_end(Lexer& lx) {
  lx.ignore();
  lx.emit(ItemType::ArrayEnd);
  return lx.pop();
}

// One key/value pair of an inline table (TOML 1.1: newlines allowed).
State States::inline_table_value(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_whitespace(r) || is_nl(r))
    return skip_to(lx, {inline_table_value});
  if (r == '#') {
    lx.push({inline_table_value});
    return {comment_start};
  }
  if (r == ',')
    return lx.errorf("unexpected comma");
  if (r == '}')
    return {inline_table_end};
  lx.backup();
  lx.push({inline_table_value_end});
  return {key_start};
}

State States::inline_table_value_end(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_whitespace(r) || is_nl(r))
    return skip_to(lx, {inline_table_value_end});
  if (r == '#') {
    lx.push({inline_table_value_end});
    return {comment_start};
  }
  if (r == ',') {
    lx.ignore();
    lx.skip(is_whitespace);
    if (lx.peek() == '}')
      return {inline_table_value_end};  // TOML 1.1: a trailing comma
    return {inline_table_value};
  }
  if (r == '}')
    return {inline_table_end};
  return lx.errorf("expected a comma or an inline table terminator '}', but got " + rune_or_eof(r) +
                   " instead");
}

State States::inline_table_end(Lexer& lx) {
  lx.ignore();
  lx.emit(ItemType::InlineTableEnd);
  return lx.pop();
}

State States::comment_start(Lexer& lx) {
  lx.ignore();
  lx.emit(ItemType::CommentStart);
  return {comment};
}

// A comment up to (not including) its newline.
State States::comment(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_nl(r) || r == kEof) {
    lx.backup();
    lx.emit(ItemType::Text);
    return lx.pop();
  }
  return {comment};
}

Item Lexer::next_item() {
  if (!started_) {
    state_ = {States::top};
    started_ = true;
  }
  while (items_.empty()) {
    // lex.go would call a nil state function here; the parser never asks past EOF or an error.
    if (state_.fn == nullptr)
      throw Panic("runtime error: invalid memory address or nil pointer dereference");
    state_ = state_.fn(*this);
  }
  Item item = std::move(items_.front());
  items_.pop_front();
  return item;
}

Lexer::State Lexer::pop() {
  if (stack_.empty())
    throw Panic("BUG in lexer: no states to pop");
  State last = stack_.back();
  stack_.pop_back();
  return last;
}

Position Lexer::get_pos() const {
  Position p{line_, start_, pos_ - start_};
  if (p.len <= 0)
    p.len = 1;
  return p;
}

void Lexer::emit(ItemType type) {
  // A multiline string ending in an incomplete UTF-8 sequence backs up past its start.
  if (start_ > pos_) {
    if (pos_ >= static_cast<int>(input_.size())) {
      throw Panic("runtime error: index out of range [" + std::to_string(pos_) + "] with length " +
                  std::to_string(input_.size()));
    }
    error(err_utf8(static_cast<unsigned char>(input_[pos_])));
    return;
  }
  items_.push_back(Item{type, std::string(current()), {}, get_pos()});
  start_ = pos_;
}

void Lexer::emit_trim(ItemType type) {
  if (start_ > pos_) {
    throw Panic("runtime error: slice bounds out of range [" + std::to_string(start_) + ":" +
                std::to_string(pos_) + "]");
  }
  std::string_view v = current();
  // strings.TrimSpace; a datetime item holds no other whitespace than ' '.
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  items_.push_back(Item{type, std::string(v), {}, get_pos()});
  start_ = pos_;
}

std::int32_t Lexer::next() {
  if (at_eof_)
    throw Panic("BUG in lexer: next called after EOF");
  const int size = static_cast<int>(input_.size());
  if (pos_ >= size) {
    at_eof_ = true;
    return kEof;
  }
  if (input_[pos_] == '\n')
    ++line_;
  prev_widths_[3] = prev_widths_[2];
  prev_widths_[2] = prev_widths_[1];
  prev_widths_[1] = prev_widths_[0];
  if (nprev_ < 4)
    ++nprev_;

  const strconv::DecodedRune d = strconv::decode_rune(input_.substr(pos_));
  if (d.rune == kRuneError && d.width == 1) {
    error(err_utf8(static_cast<unsigned char>(input_[pos_])));
    return kRuneError;
  }
  if (is_control(d.rune) || (d.rune == '\r' && (size - 1 == pos_ || input_[pos_ + 1] != '\n'))) {
    error_pos(pos_ - 1, 1,
              "TOML files cannot contain control characters: '0x" +
                  hex02(static_cast<unsigned>(d.rune)) + "'");
    return kRuneError;
  }
  prev_widths_[0] = d.width;
  pos_ += d.width;
  return d.rune;
}

void Lexer::backup() {
  if (at_eof_) {
    at_eof_ = false;
    return;
  }
  if (nprev_ < 1)
    throw Panic("BUG in lexer: backed up too far");
  const int w = prev_widths_[0];
  prev_widths_[0] = prev_widths_[1];
  prev_widths_[1] = prev_widths_[2];
  prev_widths_[2] = prev_widths_[3];
  --nprev_;
  pos_ -= w;
  if (pos_ < static_cast<int>(input_.size()) && input_[pos_] == '\n')
    --line_;
}

bool Lexer::accept(std::int32_t valid) {
  if (next() == valid)
    return true;
  backup();
  return false;
}

std::int32_t Lexer::peek() {
  const std::int32_t r = next();
  backup();
  return r;
}

void Lexer::skip(bool (*pred)(std::int32_t)) {
  for (;;) {
    if (pred(next()))
      continue;
    backup();
    ignore();
    return;
  }
}

Lexer::State Lexer::error(std::string err) {
  if (at_eof_)
    return error_prev_line(std::move(err));
  items_.push_back(Item{ItemType::Error, {}, std::move(err), get_pos()});
  return {};
}

// Reported on the line before: unexpected EOF or newline errors do not show on a new blank line.
Lexer::State Lexer::error_prev_line(std::string err) {
  Position p = get_pos();
  --p.line;
  p.len = 1;
  p.start = pos_ - 1;
  items_.push_back(Item{ItemType::Error, {}, std::move(err), p});
  return {};
}

Lexer::State Lexer::error_pos(int start, int length, std::string err) {
  Position p = get_pos();
  p.start = start;
  p.len = length;
  items_.push_back(Item{ItemType::Error, {}, std::move(err), p});
  return {};
}

// v1.6 moves an error at EOF to the line before only when the input ends in a newline (v1.2
// always did, so "one" without a newline failed on "line 0").
Lexer::State Lexer::errorf(std::string err) {
  Position p = get_pos();
  if (at_eof_) {
    if (pos_ >= 1 && input_[pos_ - 1] == '\n')
      --p.line;
    p.len = 1;
    p.start = pos_ - 1;
  }
  items_.push_back(Item{ItemType::Error, {}, std::move(err), p});
  return {};
}

}  // namespace capstan::templating::toml
