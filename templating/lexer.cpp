// The template lexer: a port of the facts in Go's text/template/parse/lex.go (trim markers,
// comments, number syntax, error texts), written as a state machine driven by next_item().
#include "templating/lexer.h"

#include "core/strconv.h"
#include "templating/gofmt.h"
#include "templating/unicode.h"

namespace capstan::templating {

namespace {

constexpr std::int32_t kEof = -1;
constexpr std::string_view kLeftComment = "/*";
constexpr std::string_view kRightComment = "*/";
constexpr std::string_view kSpaceChars = " \t\r\n";
constexpr std::size_t kTrimMarkerLen = 2;  // marker plus the space before or after it

bool is_space(std::int32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }

bool is_alpha_numeric(std::int32_t r) {
  return r == '_' || unicode::is_letter(r) || unicode::is_digit(r);
}

bool has_left_trim_marker(std::string_view s) {
  return s.size() >= 2 && s[0] == '-' && is_space(static_cast<unsigned char>(s[1]));
}

bool has_right_trim_marker(std::string_view s) {
  return s.size() >= 2 && is_space(static_cast<unsigned char>(s[0])) && s[1] == '-';
}

std::size_t right_trim_length(std::string_view s) {
  const std::size_t end = s.find_last_not_of(kSpaceChars);
  return end == std::string_view::npos ? s.size() : s.size() - end - 1;
}

std::size_t left_trim_length(std::string_view s) {
  const std::size_t start = s.find_first_not_of(kSpaceChars);
  return start == std::string_view::npos ? s.size() : start;
}

int count_newlines(std::string_view s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

bool contains_rune(std::string_view valid, std::int32_t r) {
  return r >= 0 && r < 0x80 && valid.find(static_cast<char>(r)) != std::string_view::npos;
}

ItemType keyword(std::string_view word) {
  if (word == ".") return ItemType::Dot;
  if (word == "block") return ItemType::Block;
  if (word == "break") return ItemType::Break;
  if (word == "continue") return ItemType::Continue;
  if (word == "define") return ItemType::Define;
  if (word == "else") return ItemType::Else;
  if (word == "end") return ItemType::End;
  if (word == "if") return ItemType::If;
  if (word == "range") return ItemType::Range;
  if (word == "nil") return ItemType::Nil;
  if (word == "template") return ItemType::Template;
  if (word == "with") return ItemType::With;
  return ItemType::Error;  // not a keyword
}

}  // namespace

std::string Item::str() const {
  switch (type) {
    case ItemType::Eof: return "EOF";
    case ItemType::Error: return std::string(val);
    default: break;
  }
  if (type > ItemType::Keyword) return "<" + std::string(val) + ">";
  if (val.size() > 10) return gofmt::sprintf("%.10q...", {Value(std::string(val))});
  return strconv::quote(val);
}

Lexer::Lexer(std::string_view input, std::string_view left_delim, std::string_view right_delim,
             LexOptions options)
    : input_(input),
      left_delim_(left_delim.empty() ? "{{" : left_delim),
      right_delim_(right_delim.empty() ? "}}" : right_delim),
      options_(options) {}

std::int32_t Lexer::next() {
  if (pos_ >= input_.size()) {
    at_eof_ = true;
    return kEof;
  }
  const auto c = static_cast<unsigned char>(input_[pos_]);
  if (c < 0x80) {
    ++pos_;
    if (c == '\n') ++line_;
    return c;
  }
  const auto d = strconv::decode_rune(input_.substr(pos_));
  pos_ += static_cast<std::size_t>(d.width);
  return d.rune;
}

std::int32_t Lexer::peek() {
  const std::int32_t r = next();
  backup();
  return r;
}

void Lexer::backup() {
  if (at_eof_ || pos_ == 0) return;
  // Go's utf8.DecodeLastRuneInString: step over continuation bytes to the rune's start.
  std::size_t start = pos_ - 1;
  if (static_cast<unsigned char>(input_[start]) >= 0x80) {
    std::size_t lim = pos_ >= 4 ? pos_ - 4 : 0;
    std::size_t s = start;
    while (s > lim && (static_cast<unsigned char>(input_[s]) & 0xC0) == 0x80) --s;
    const auto d = strconv::decode_rune(input_.substr(s, pos_ - s));
    if (s + static_cast<std::size_t>(d.width) == pos_) start = s;
  }
  if (input_[start] == '\n') --line_;
  pos_ = start;
}

Item Lexer::this_item(ItemType t) {
  Item i{t, start_, input_.substr(start_, pos_ - start_), start_line_};
  start_ = pos_;
  start_line_ = line_;
  return i;
}

Lexer::State Lexer::emit(ItemType t) { return emit_item(this_item(t)); }

Lexer::State Lexer::emit_item(Item i) {
  item_ = i;
  return State::Done;
}

void Lexer::ignore() {
  line_ += count_newlines(input_.substr(start_, pos_ - start_));
  start_ = pos_;
  start_line_ = line_;
}

bool Lexer::accept(std::string_view valid) {
  if (contains_rune(valid, next())) return true;
  backup();
  return false;
}

void Lexer::accept_run(std::string_view valid) {
  while (contains_rune(valid, next())) {
  }
  backup();
}

Lexer::State Lexer::errorf(std::string message) {
  error_ = std::move(message);
  item_ = Item{ItemType::Error, start_, error_, start_line_};
  start_ = 0;
  pos_ = 0;
  input_ = input_.substr(0, 0);
  return State::Done;
}

Item Lexer::next_item() {
  item_ = Item{ItemType::Eof, pos_, "EOF", start_line_};
  State state = inside_action_ ? State::InsideAction : State::Text;
  while (state != State::Done) {
    switch (state) {
      case State::Text: state = lex_text(); break;
      case State::LeftDelim: state = lex_left_delim(); break;
      case State::Comment: state = lex_comment(); break;
      case State::RightDelim: state = lex_right_delim(); break;
      case State::InsideAction: state = lex_inside_action(); break;
      case State::Space: state = lex_space(); break;
      case State::Identifier: state = lex_identifier(); break;
      case State::Field: state = lex_field_or_variable(ItemType::Field); break;
      case State::Variable:
        state = at_terminator() ? emit(ItemType::Variable)
                                : lex_field_or_variable(ItemType::Variable);
        break;
      case State::Char: state = lex_char(); break;
      case State::Number: state = lex_number(); break;
      case State::Quote: state = lex_quote(); break;
      case State::RawQuote: state = lex_raw_quote(); break;
      case State::Done: break;
    }
  }
  return item_;
}

Lexer::State Lexer::lex_text() {
  const std::size_t x = input_.find(left_delim_, pos_);
  if (x != std::string_view::npos) {
    if (x > pos_) {
      pos_ = x;
      // Trim the spaces before a "{{- " action.
      std::size_t trim = 0;
      const std::size_t delim_end = pos_ + left_delim_.size();
      if (has_left_trim_marker(input_.substr(delim_end))) {
        trim = right_trim_length(input_.substr(start_, pos_ - start_));
      }
      pos_ -= trim;
      line_ += count_newlines(input_.substr(start_, pos_ - start_));
      Item i = this_item(ItemType::Text);
      pos_ += trim;
      ignore();
      if (!i.val.empty()) return emit_item(i);
    }
    return State::LeftDelim;
  }
  pos_ = input_.size();
  if (pos_ > start_) {
    line_ += count_newlines(input_.substr(start_, pos_ - start_));
    return emit(ItemType::Text);
  }
  return emit(ItemType::Eof);
}

bool Lexer::at_right_delim(bool& trim_spaces) const {
  const std::string_view rest = input_.substr(pos_);
  if (has_right_trim_marker(rest) && rest.substr(kTrimMarkerLen).substr(0, right_delim_.size()) == right_delim_) {
    trim_spaces = true;
    return true;
  }
  trim_spaces = false;
  return rest.substr(0, right_delim_.size()) == right_delim_;
}

Lexer::State Lexer::lex_left_delim() {
  pos_ += left_delim_.size();
  const bool trim_space = has_left_trim_marker(input_.substr(pos_));
  const std::size_t after_marker = trim_space ? kTrimMarkerLen : 0;
  if (input_.substr(pos_ + after_marker).substr(0, kLeftComment.size()) == kLeftComment) {
    pos_ += after_marker;
    ignore();
    return State::Comment;
  }
  Item i = this_item(ItemType::LeftDelim);
  inside_action_ = true;
  pos_ += after_marker;
  ignore();
  paren_depth_ = 0;
  return emit_item(i);
}

Lexer::State Lexer::lex_comment() {
  pos_ += kLeftComment.size();
  const std::size_t x = input_.find(kRightComment, pos_);
  if (x == std::string_view::npos) return errorf("unclosed comment");
  pos_ = x + kRightComment.size();
  bool trim_space;
  if (!at_right_delim(trim_space)) return errorf("comment ends before closing delimiter");
  line_ += count_newlines(input_.substr(start_, pos_ - start_));
  Item i = this_item(ItemType::Comment);
  if (trim_space) pos_ += kTrimMarkerLen;
  pos_ += right_delim_.size();
  if (trim_space) pos_ += left_trim_length(input_.substr(pos_));
  ignore();
  if (options_.emit_comment) return emit_item(i);
  return State::Text;
}

Lexer::State Lexer::lex_right_delim() {
  bool trim_space;
  at_right_delim(trim_space);
  if (trim_space) {
    pos_ += kTrimMarkerLen;
    ignore();
  }
  pos_ += right_delim_.size();
  Item i = this_item(ItemType::RightDelim);
  if (trim_space) {
    pos_ += left_trim_length(input_.substr(pos_));
    ignore();
  }
  inside_action_ = false;
  return emit_item(i);
}

Lexer::State Lexer::lex_inside_action() {
  bool trim;
  if (at_right_delim(trim)) {
    if (paren_depth_ == 0) return State::RightDelim;
    return errorf("unclosed left paren");
  }
  const std::int32_t r = next();
  if (r == kEof) return errorf("unclosed action");
  if (is_space(r)) {
    backup();  // put the space back in case we have " -}}"
    return State::Space;
  }
  switch (r) {
    case '=': return emit(ItemType::Assign);
    case ':':
      if (next() != '=') return errorf("expected :=");
      return emit(ItemType::Declare);
    case '|': return emit(ItemType::Pipe);
    case '"': return State::Quote;
    case '`': return State::RawQuote;
    case '$': return State::Variable;
    case '\'': return State::Char;
    case '.':
      // Special look-ahead for ".field" so we don't break backup().
      if (pos_ < input_.size()) {
        const char c = input_[pos_];
        if (c < '0' || c > '9') return State::Field;
      }
      backup();
      return State::Number;
    case '(':
      ++paren_depth_;
      return emit(ItemType::LeftParen);
    case ')':
      --paren_depth_;
      if (paren_depth_ < 0) return errorf("unexpected right paren");
      return emit(ItemType::RightParen);
    default: break;
  }
  if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
    backup();
    return State::Number;
  }
  if (is_alpha_numeric(r)) {
    backup();
    return State::Identifier;
  }
  if (r < 0x80 && strconv::is_print(r)) return emit(ItemType::Char);
  return errorf("unrecognized character in action: " + gofmt::sprintf("%#U", {Value::integer(r, NumType::Int32)}));
}

Lexer::State Lexer::lex_space() {
  int num_spaces = 0;
  while (is_space(peek())) {
    next();
    ++num_spaces;
  }
  // A trim-marked closing delimiter starts with a space: check for " -}}".
  const std::string_view rest = input_.substr(pos_ - 1);
  if (has_right_trim_marker(rest) &&
      rest.substr(kTrimMarkerLen).substr(0, right_delim_.size()) == right_delim_) {
    backup();  // before the space
    if (num_spaces == 1) return State::RightDelim;
  }
  return emit(ItemType::Space);
}

Lexer::State Lexer::lex_identifier() {
  while (true) {
    const std::int32_t r = next();
    if (is_alpha_numeric(r)) continue;
    backup();
    const std::string_view word = input_.substr(start_, pos_ - start_);
    if (!at_terminator()) {
      return errorf("bad character " + gofmt::sprintf("%#U", {Value::integer(r, NumType::Int32)}));
    }
    const ItemType key = keyword(word);
    if (key != ItemType::Error) {
      if ((key == ItemType::Break && !options_.break_ok) ||
          (key == ItemType::Continue && !options_.continue_ok)) {
        return emit(ItemType::Identifier);
      }
      return emit(key);
    }
    if (word[0] == '.') return emit(ItemType::Field);
    if (word == "true" || word == "false") return emit(ItemType::Bool);
    return emit(ItemType::Identifier);
  }
}

Lexer::State Lexer::lex_field_or_variable(ItemType type) {
  if (at_terminator()) {  // nothing interesting follows: "." or "$"
    return emit(type == ItemType::Variable ? ItemType::Variable : ItemType::Dot);
  }
  std::int32_t r;
  while (true) {
    r = next();
    if (!is_alpha_numeric(r)) {
      backup();
      break;
    }
  }
  if (!at_terminator()) {
    return errorf("bad character " + gofmt::sprintf("%#U", {Value::integer(r, NumType::Int32)}));
  }
  return emit(type);
}

bool Lexer::at_terminator() {
  const std::int32_t r = peek();
  if (is_space(r)) return true;
  switch (r) {
    case kEof:
    case '.':
    case ',':
    case '|':
    case ':':
    case ')':
    case '(': return true;
    default: break;
  }
  return input_.substr(pos_).substr(0, right_delim_.size()) == right_delim_;
}

Lexer::State Lexer::lex_char() {
  while (true) {
    const std::int32_t r = next();
    if (r == '\\') {
      const std::int32_t e = next();
      if (e != kEof && e != '\n') continue;
      return errorf("unterminated character constant");
    }
    if (r == kEof || r == '\n') return errorf("unterminated character constant");
    if (r == '\'') break;
  }
  return emit(ItemType::CharConstant);
}

Lexer::State Lexer::lex_number() {
  if (!scan_number()) {
    return errorf("bad number syntax: " + strconv::quote(input_.substr(start_, pos_ - start_)));
  }
  const std::int32_t sign = peek();
  if (sign == '+' || sign == '-') {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!scan_number() || input_[pos_ - 1] != 'i') {
      return errorf("bad number syntax: " + strconv::quote(input_.substr(start_, pos_ - start_)));
    }
    return emit(ItemType::Complex);
  }
  return emit(ItemType::Number);
}

bool Lexer::scan_number() {
  accept("+-");
  std::string_view digits = "0123456789_";
  if (accept("0")) {
    // Note: a leading 0 does not mean octal in floats.
    if (accept("xX")) {
      digits = "0123456789abcdefABCDEF_";
    } else if (accept("oO")) {
      digits = "01234567_";
    } else if (accept("bB")) {
      digits = "01_";
    }
  }
  accept_run(digits);
  if (accept(".")) accept_run(digits);
  if (digits.size() == 10 + 1 && accept("eE")) {
    accept("+-");
    accept_run("0123456789_");
  }
  if (digits.size() == 16 + 6 + 1 && accept("pP")) {
    accept("+-");
    accept_run("0123456789_");
  }
  accept("i");  // imaginary
  if (is_alpha_numeric(peek())) {
    next();
    return false;
  }
  return true;
}

Lexer::State Lexer::lex_quote() {
  while (true) {
    const std::int32_t r = next();
    if (r == '\\') {
      const std::int32_t e = next();
      if (e != kEof && e != '\n') continue;
      return errorf("unterminated quoted string");
    }
    if (r == kEof || r == '\n') return errorf("unterminated quoted string");
    if (r == '"') break;
  }
  return emit(ItemType::String);
}

Lexer::State Lexer::lex_raw_quote() {
  while (true) {
    const std::int32_t r = next();
    if (r == kEof) return errorf("unterminated raw quoted string");
    if (r == '`') break;
  }
  return emit(ItemType::RawString);
}

}  // namespace capstan::templating
