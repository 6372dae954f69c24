// BurntSushi/toml v1.6.0's lexer (lex.go), the scalar states: basic, literal and multi-line
// strings with their escapes, numbers in every base, datetimes and booleans. Numbers and
// datetimes are lexed loosely; the parser (toml_values.cpp) validates them.
#include "templating/toml_lex.h"
#include "templating/unicode.h"

namespace capstan::templating::toml {

namespace {

bool has_suffix(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

using State = Lexer::State;

// The inside of a basic string, after its opening quote.
State States::string(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (r == kEof)
    return lx.errorf("unexpected EOF; expected '\"'");
  if (is_nl(r))
    return lx.error_prev_line("strings cannot contain newlines");
  if (r == '\\') {
    lx.push({string});
    return {string_escape};
  }
  if (r == '"') {
    lx.backup();
    if (lx.esc_) {
      lx.esc_ = false;
      lx.emit(ItemType::StringEsc);
    } else {
      lx.emit(ItemType::String);
    }
    lx.next();
    lx.ignore();
    return lx.pop();
  }
  return {string};
}

State States::multiline_string(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (r == kEof)
    return lx.errorf("unexpected EOF; expected '\"\"\"'");
  if (r == '\\')
    return {multiline_string_escape};
  if (r != '"')
    return {multiline_string};
  if (lx.accept('"')) {
    if (lx.accept('"')) {
      // The string may end in " or "" before the closing """; six quotes are too many.
      if (lx.peek() == '"') {
        if (has_suffix(lx.current(), "\"\"\"\"\"") && !has_suffix(lx.current(), "\\\"\"\"\"\"")) {
          return lx.errorf("unexpected '\"\"\"\"\"\"'");
        }
        lx.backup();
        lx.backup();
        return {multiline_string};
      }
      lx.backup();  // leave the closing """ out of the item
      lx.backup();
      lx.backup();
      lx.esc_ = false;
      lx.emit(ItemType::MultilineString);
      lx.next();
      lx.next();
      lx.next();
      lx.ignore();
      return lx.pop();
    }
    lx.backup();
  }
  return {multiline_string};
}

State States::raw_string(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (r == kEof)
    return lx.errorf("unexpected EOF; expected \"'\"");
  if (is_nl(r))
    return lx.error_prev_line("strings cannot contain newlines");
  if (r == '\'') {
    lx.backup();
    lx.emit(ItemType::RawString);
    lx.next();
    lx.ignore();
    return lx.pop();
  }
  return {raw_string};
}

State States::multiline_raw_string(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (r == kEof)
    return lx.errorf("unexpected EOF; expected \"'''\"");
  if (r != '\'')
    return {multiline_raw_string};
  if (lx.accept('\'')) {
    if (lx.accept('\'')) {
      if (lx.peek() == '\'') {
        if (has_suffix(lx.current(), "'''''"))
          return lx.errorf("unexpected \"''''''\"");
        lx.backup();
        lx.backup();
        return {multiline_raw_string};
      }
      lx.backup();
      lx.backup();
      lx.backup();
      lx.emit(ItemType::RawMultilineString);
      lx.next();
      lx.next();
      lx.next();
      lx.ignore();
      return lx.pop();
    }
    lx.backup();
  }
  return {multiline_raw_string};
}

State States::multiline_string_escape(Lexer& lx) {
  if (is_nl(lx.next()))
    return {multiline_string};  // a line-ending backslash
  lx.backup();
  lx.push({multiline_string});
  return string_escape(lx);
}

State States::string_escape(Lexer& lx) {
  lx.esc_ = true;
  const std::int32_t r = lx.next();
  switch (r) {
    case 'e':
    case 'b':
    case 't':
    case 'n':
    case 'f':
    case 'r':
    case '"':
    case ' ':  // in """ strings, whitespace may sit between a \ and the newline
    case '\t':
    case '\\':
      return lx.pop();
    case 'x':
      return {hex_escape};
    case 'u':
      return {short_unicode_escape};
    case 'U':
      return {long_unicode_escape};
    default:
      return lx.error("invalid escape in string '\\" + fmt_c(r) + "'");
  }
}

State States::hex_digits(Lexer& lx, int n, std::string_view count, char letter) {
  for (int i = 0; i < n; ++i) {
    if (!is_hex(lx.next())) {
      return lx.errorf("expected " + std::string(count) + " hexadecimal digits after '\\" + letter +
                       "', but got " + fmt_q(lx.current()) + " instead");
    }
  }
  return lx.pop();
}

State States::hex_escape(Lexer& lx) {
  return hex_digits(lx, 2, "two", 'x');
}

State States::short_unicode_escape(Lexer& lx) {
  return hex_digits(lx, 4, "four", 'u');
}

State States::long_unicode_escape(Lexer& lx) {
  return hex_digits(lx, 8, "eight", 'U');
}

State States::number_or_date_start(Lexer& lx) {
  if (lx.next() == '0')
    return {base_number_or_date};
  return {number_or_date};
}

State States::number_or_date(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_digit(r))
    return {number_or_date};
  switch (r) {
    case '-':
    case ':':
      return {datetime};
    case '_':
      return {decimal_number};
    case '.':
    case 'e':
    case 'E':
      return {float_};
    default:
      lx.backup();
      lx.emit(ItemType::Integer);
      return lx.pop();
  }
}

// A first approximation of a datetime; the parser validates it.
State States::datetime(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_digit(r))
    return {datetime};
  switch (r) {
    case '-':
    case ':':
    case 'T':
    case 't':
    case ' ':
    case '.':
    case 'Z':
    case 'z':
    case '+':
      return {datetime};
    default:
      lx.backup();
      lx.emit_trim(ItemType::Datetime);
      return lx.pop();
  }
}

State States::based_integer(Lexer& lx, bool (*digit)(std::int32_t), State self) {
  const std::int32_t r = lx.next();
  if (digit(r) || r == '_')
    return self;
  lx.backup();
  lx.emit(ItemType::Integer);
  return lx.pop();
}

State States::hex_integer(Lexer& lx) {
  return based_integer(lx, is_hex, {hex_integer});
}

State States::octal_integer(Lexer& lx) {
  return based_integer(lx, is_octal, {octal_integer});
}

State States::binary_integer(Lexer& lx) {
  return based_integer(lx, is_binary, {binary_integer});
}

State States::decimal_number(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_digit(r) || r == '_')
    return {decimal_number};
  if (r == '.' || r == 'e' || r == 'E')
    return {float_};
  lx.backup();
  lx.emit(ItemType::Integer);
  return lx.pop();
}

// After a sign: only decimal integers and floats (and inf, nan).
State States::decimal_number_start(Lexer& lx) {
  const std::int32_t r = lx.next();
  switch (r) {
    case 'i':
      if (!lx.accept('n') || !lx.accept('f'))
        return lx.errorf("invalid float: '" + std::string(lx.current()) + "'");
      lx.emit(ItemType::Float);
      return lx.pop();
    case 'n':
      if (!lx.accept('a') || !lx.accept('n'))
        return lx.errorf("invalid float: '" + std::string(lx.current()) + "'");
      lx.emit(ItemType::Float);
      return lx.pop();
    case '0': {
      const std::int32_t p = lx.peek();
      if (p == 'b' || p == 'o' || p == 'x') {
        return lx.errorf("cannot use sign with non-decimal numbers: '" + std::string(lx.current()) +
                         fmt_c(p) + "'");
      }
      break;
    }
    case '.':
      return lx.errorf("floats must start with a digit, not '.'");
    default:
      break;
  }
  if (is_digit(r))
    return {decimal_number};
  return lx.errorf("expected a digit but got " + fmt_q(r));
}

// After a leading '0': a base prefix, a float, a date, or just 0. The base-prefix errors are
// queued while lexing goes on, as in lex.go (the parser stops at the error).
State States::base_number_or_date(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_digit(r))
    return {number_or_date};
  switch (r) {
    case '_':
      return {decimal_number};
    case '.':
    case 'e':
    case 'E':
      return {float_};
    case 'b':
      if (const std::int32_t p = lx.peek(); !is_binary(p)) {
        lx.errorf("not a binary number: '" + std::string(lx.current()) + fmt_c(p) + "'");
      }
      return {binary_integer};
    case 'o':
      if (const std::int32_t p = lx.peek(); !is_octal(p)) {
        lx.errorf("not an octal number: '" + std::string(lx.current()) + fmt_c(p) + "'");
      }
      return {octal_integer};
    case 'x':
      if (const std::int32_t p = lx.peek(); !is_hex(p)) {
        lx.errorf("not a hexadecimal number: '" + std::string(lx.current()) + fmt_c(p) + "'");
      }
      return {hex_integer};
    default:
      lx.backup();
      lx.emit(ItemType::Integer);
      return lx.pop();
  }
}

// Any run of float-like characters; the parser validates it.
State States::float_(Lexer& lx) {
  const std::int32_t r = lx.next();
  if (is_digit(r))
    return {float_};
  switch (r) {
    case '_':
    case '.':
    case '-':
    case '+':
    case 'e':
    case 'E':
      return {float_};
    default:
      lx.backup();
      lx.emit(ItemType::Float);
      return lx.pop();
  }
}

State States::boolean(Lexer& lx) {
  std::string s;
  for (;;) {
    const std::int32_t r = lx.next();
    if (!unicode::is_letter(r)) {
      lx.backup();
      break;
    }
    strconv::append_rune(s, r);
  }
  if (s == "true" || s == "false") {
    lx.emit(ItemType::Bool);
    return lx.pop();
  }
  return lx.errorf("expected value but found " + fmt_q(s) + " instead");
}

}  // namespace capstan::templating::toml
