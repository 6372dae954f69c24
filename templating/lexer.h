// The template lexer, as Go's text/template/parse/lex.go: small state functions over the input,
// producing one item per call (Go 1.20+ lexes on demand, without a goroutine).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace capstan::templating {

enum class ItemType : std::uint8_t {
  Error,         // error occurred; value is the text of the error
  Bool,          // boolean constant
  Char,          // printable ASCII character; grab bag for comma etc.
  CharConstant,  // character constant
  Comment,       // comment text
  Complex,       // complex constant (1+2i); imaginary is just a number
  Assign,        // equals ('=') introducing an assignment
  Declare,       // colon-equals (':=') introducing a declaration
  Eof,
  Field,       // alphanumeric identifier starting with '.'
  Identifier,  // alphanumeric identifier not starting with '.'
  LeftDelim,   // left action delimiter
  LeftParen,   // '(' inside action
  Number,      // simple number, including imaginary
  Pipe,        // pipe symbol
  RawString,   // raw quoted string (includes quotes)
  RightDelim,  // right action delimiter
  RightParen,  // ')' inside action
  Space,       // run of spaces separating arguments
  String,      // quoted string (includes quotes)
  Text,        // plain text
  Variable,    // variable starting with '$', such as '$' or '$1' or '$hello'
  // Keywords appear after all the rest.
  Keyword,  // used only to delimit the keywords
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
};

struct Item {
  ItemType type = ItemType::Eof;
  std::size_t pos = 0;    // byte offset of the item in the input
  std::string_view val;   // points into the input (or into the lexer's error text)
  int line = 1;           // line number at the start of the item

  // Go's item.String(), used in parse errors: EOF, the error text, <keyword>, or the quoted
  // value (cut to 10 runes plus "..." when longer).
  std::string str() const;
};

struct LexOptions {
  bool emit_comment = false;  // emit ItemType::Comment items
  bool break_ok = true;       // "break" is a keyword (no function named break)
  bool continue_ok = true;    // "continue" is a keyword
};

class Lexer {
 public:
  // `input` must outlive the lexer and the items it returns.
  Lexer(std::string_view input, std::string_view left_delim = "{{",
        std::string_view right_delim = "}}", LexOptions options = {});

  Item next_item();
  // Go's lexer.lineNumber is not needed: items carry their line.

 private:
  enum class State : std::uint8_t { Text, LeftDelim, Comment, RightDelim, InsideAction, Space,
                                    Identifier, Field, Variable, Char, Number, Quote, RawQuote,
                                    Done };

  // Primitive moves (Go's next/peek/backup; runes decoded as UTF-8).
  std::int32_t next();
  std::int32_t peek();
  void backup();
  Item this_item(ItemType t);
  State emit(ItemType t);
  State emit_item(Item i);
  void ignore();
  bool accept(std::string_view valid);
  void accept_run(std::string_view valid);
  State errorf(std::string message);
  bool at_terminator();
  bool at_right_delim(bool& trim_spaces) const;
  bool scan_number();

  State lex_text();
  State lex_left_delim();
  State lex_comment();
  State lex_right_delim();
  State lex_inside_action();
  State lex_space();
  State lex_identifier();
  State lex_field_or_variable(ItemType type);
  State lex_char();
  State lex_number();
  State lex_quote();
  State lex_raw_quote();

  std::string_view input_;
  std::string_view left_delim_;
  std::string_view right_delim_;
  LexOptions options_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  bool at_eof_ = false;
  int paren_depth_ = 0;
  int line_ = 1;
  int start_line_ = 1;
  bool inside_action_ = false;
  int last_width_ = 0;  // width of the rune read by the last next(), for backup()
  Item item_;
  std::string error_;  // storage for the current error item's text
};

}  // namespace capstan::templating
