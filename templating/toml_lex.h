// The TOML lexer of BurntSushi/toml v1.6.0 (Helm v3.21.4's), lex.go: state functions over the
// input, items produced on demand. Error texts and positions are the library's, since fromToml
// returns them to templates ("toml: line 3 (last key \"a\"): ...").
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/strconv.h"
#include "templating/toml.h"

namespace capstan::templating::toml {

enum class ItemType : std::uint8_t {
  Error,
  Eof,
  Text,
  String,
  StringEsc,  // a basic string with escapes to replace
  RawString,
  MultilineString,
  RawMultilineString,
  Bool,
  Integer,
  Float,
  Datetime,
  Array,  // the start of an array
  ArrayEnd,
  TableStart,
  TableEnd,
  ArrayTableStart,
  ArrayTableEnd,
  KeyStart,
  KeyEnd,
  CommentStart,
  InlineTableStart,
  InlineTableEnd,
};

// toml.Position without the column (which Error() never prints).
struct Position {
  int line = 0;
  int start = 0;
  int len = 0;
};

struct Item {
  ItemType type = ItemType::Error;
  std::string val;
  std::string err;  // the error's text, for ItemType::Error
  Position pos;
};

class Lexer {
 public:
  explicit Lexer(std::string_view input) : input_(input) {}

  Item next_item();
  std::string_view input() const { return input_; }

  // One state function: does some work and names the next state.
  struct State {
    State (*fn)(Lexer&) = nullptr;
  };

 private:
  friend struct States;

  void push(State s) { stack_.push_back(s); }
  State pop();
  std::string_view current() const { return input_.substr(start_, pos_ - start_); }
  Position get_pos() const;
  void emit(ItemType type);
  void emit_trim(ItemType type);
  std::int32_t next();
  void ignore() { start_ = pos_; }
  void backup();
  bool accept(std::int32_t valid);
  std::int32_t peek();
  void skip(bool (*pred)(std::int32_t));
  State error(std::string err);
  State error_prev_line(std::string err);
  State error_pos(int start, int length, std::string err);
  State errorf(std::string err);

  std::string_view input_;
  int start_ = 0;
  int pos_ = 0;
  int line_ = 1;
  State state_;
  std::deque<Item> items_;
  bool esc_ = false;
  // Backing up over up to 4 runes (TOML has 3-rune tokens: """ and ''').
  int prev_widths_[4] = {0, 0, 0, 0};
  int nprev_ = 0;
  bool at_eof_ = false;  // after an eof: backup is allowed, next is not
  std::vector<State> stack_;
  bool started_ = false;
};

// The state functions of lex.go, under their Go names: toml_lex.cpp has the document's
// structure (tables, keys, values, arrays, inline tables, comments), toml_lex_scalars.cpp
// strings, escapes, numbers, datetimes and booleans.
struct States {
  using State = Lexer::State;
  static State skip_to(Lexer& lx, State next);
  static State top(Lexer& lx);
  static State top_end(Lexer& lx);
  static State table_start(Lexer& lx);
  static State table_end(Lexer& lx);
  static State array_table_end(Lexer& lx);
  static State table_name_start(Lexer& lx);
  static State table_name_end(Lexer& lx);
  static State bare_name(Lexer& lx);
  static State quoted_name(Lexer& lx);
  static State key_start(Lexer& lx);
  static State key_name_start(Lexer& lx);
  static State key_end(Lexer& lx);
  static State value(Lexer& lx);
  static State array_value(Lexer& lx);
  static State array_value_end(Lexer& lx);
  static State array_end(Lexer& lx);
  static State inline_table_value(Lexer& lx);
  static State inline_table_value_end(Lexer& lx);
  static State inline_table_end(Lexer& lx);
  static State string(Lexer& lx);
  static State multiline_string(Lexer& lx);
  static State raw_string(Lexer& lx);
  static State multiline_raw_string(Lexer& lx);
  static State multiline_string_escape(Lexer& lx);
  static State string_escape(Lexer& lx);
  static State hex_digits(Lexer& lx, int n, std::string_view count, char letter);
  static State hex_escape(Lexer& lx);
  static State short_unicode_escape(Lexer& lx);
  static State long_unicode_escape(Lexer& lx);
  static State number_or_date_start(Lexer& lx);
  static State number_or_date(Lexer& lx);
  static State datetime(Lexer& lx);
  static State based_integer(Lexer& lx, bool (*digit)(std::int32_t), State self);
  static State hex_integer(Lexer& lx);
  static State octal_integer(Lexer& lx);
  static State binary_integer(Lexer& lx);
  static State decimal_number(Lexer& lx);
  static State decimal_number_start(Lexer& lx);
  static State base_number_or_date(Lexer& lx);
  static State float_(Lexer& lx);
  static State boolean(Lexer& lx);
  static State comment_start(Lexer& lx);
  static State comment(Lexer& lx);
};

inline constexpr std::int32_t kEof = 0;  // what next() returns at the end

bool is_bare_key_char(std::int32_t r);
bool is_hex(std::int32_t r);
bool is_digit(std::int32_t r);
inline bool is_whitespace(std::int32_t r) {
  return r == '\t' || r == ' ';
}
inline bool is_nl(std::int32_t r) {
  return r == '\n' || r == '\r';
}
inline bool is_binary(std::int32_t r) {
  return r == '0' || r == '1';
}
inline bool is_octal(std::int32_t r) {
  return r >= '0' && r <= '7';
}

// fmt's %q of a rune and of a string, %c of a rune, for the lexer's messages.
inline std::string fmt_q(std::int32_t r) {
  return strconv::quote_rune(r);
}
inline std::string fmt_q(std::string_view s) {
  return strconv::quote(s);
}
inline std::string fmt_c(std::int32_t r) {
  std::string s;
  strconv::append_rune(s, r);
  return s;
}

}  // namespace capstan::templating::toml
