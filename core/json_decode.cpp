// json.Unmarshal into interface{}, written by hand rather than on nlohmann-json: Go accepts
// what nlohmann rejects (invalid UTF-8 and unpaired surrogates become U+FFFD), keeps "-0" as
// -0.0, and words every error by the byte its scanner stops at (encoding/json scanner.go).
// The parser below walks the same states as Go's scanner, so the first error is the one Go
// reports; errors Go only finds while decoding (a number out of float64 range) are reported
// after the whole text proved well formed, as Go's checkValid-then-decode order does.
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"

namespace capstan::json {

namespace {

// strconv.Quote of the byte read as a rune, in single quotes (Go's quoteChar).
std::string quote_char(unsigned char c) {
  if (c == '\'')
    return "'\\''";
  if (c == '"')
    return "'\"'";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s = "'";
  switch (c) {
    case '\a':
      s += "\\a";
      break;
    case '\b':
      s += "\\b";
      break;
    case '\f':
      s += "\\f";
      break;
    case '\n':
      s += "\\n";
      break;
    case '\r':
      s += "\\r";
      break;
    case '\t':
      s += "\\t";
      break;
    case '\v':
      s += "\\v";
      break;
    case '\\':
      s += "\\\\";
      break;
    default:
      if (c < 0x20 || c == 0x7F) {
        s += "\\x";
        s += kHex[c >> 4];
        s += kHex[c & 0xF];
      } else if (c < 0x80) {
        s += static_cast<char>(c);
      } else if (c < 0xA1 || c == 0xAD) {
        // U+0080..U+00A0 and the soft hyphen are not printable for strconv.IsPrint.
        s += "\\u00";
        s += kHex[c >> 4];
        s += kHex[c & 0xF];
      } else {
        append_utf8(s, c);
      }
  }
  return s + "'";
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

class Parser {
 public:
  Parser(std::string_view text, const DecodeOptions& options) : s_(text), options_(options) {}

  Value run() {
    Value top;
    bool have_top = false;
    for (;;) {
      // Here a value is expected (stateBeginValue and friends).
      skip_space();
      Value v;
      if (i_ >= s_.size())
        syntax("unexpected end of JSON input");
      const char c = s_[i_];
      if (c == '{' || c == '[') {
        if (frames_.size() >= options_.max_depth) {
          throw Error(ErrorKind::Limit,
                      "invalid character " + quote_char(c) + " exceeded max depth", where());
        }
        ++i_;
        Frame f;
        f.is_map = c == '{';
        f.value = f.is_map ? Value::empty_map() : Value::empty_list();
        frames_.push_back(std::move(f));
        skip_space();
        if (i_ < s_.size() && s_[i_] == (c == '{' ? '}' : ']')) {
          ++i_;
          v = pop();
        } else if (c == '{') {
          begin_key();
          continue;
        } else {
          continue;
        }
      } else {
        v = scalar();
      }
      // A value is complete: hand it to its container and close what ends after it
      // (stateEndValue).
      for (;;) {
        if (frames_.empty()) {
          top = std::move(v);
          have_top = true;
          break;
        }
        Frame& f = frames_.back();
        if (f.is_map) {
          f.value.mutable_map().entries.insert_or_assign(std::move(f.key), std::move(v));
        } else {
          f.value.mutable_list().items.push_back(std::move(v));
        }
        skip_space();
        if (i_ >= s_.size())
          syntax("unexpected end of JSON input");
        const char e = s_[i_];
        if (e == ',') {
          ++i_;
          if (f.is_map)
            begin_key();
          break;
        }
        if (e == (f.is_map ? '}' : ']')) {
          ++i_;
          v = pop();
          continue;
        }
        invalid(e, f.is_map ? "after object key:value pair" : "after array element");
      }
      if (have_top)
        break;
    }
    // stateEndTop: only white space may follow.
    skip_space();
    if (i_ < s_.size())
      invalid(s_[i_], "after top-level value");
    if (!deferred_.empty())
      throw Error(ErrorKind::Parse, deferred_, {options_.file, 0, 0});
    return top;
  }

 private:
  struct Frame {
    bool is_map = false;
    Value value;
    std::string key;  // the key whose value is being read
  };

  Value pop() {
    Value v = std::move(frames_.back().value);
    frames_.pop_back();
    return v;
  }

  // After '{' or ',' inside an object: a key string and a colon.
  void begin_key() {
    skip_space();
    if (i_ >= s_.size())
      syntax("unexpected end of JSON input");
    if (s_[i_] != '"')
      invalid(s_[i_], "looking for beginning of object key string");
    frames_.back().key = string_literal();
    skip_space();
    if (i_ >= s_.size())
      syntax("unexpected end of JSON input");
    if (s_[i_] != ':')
      invalid(s_[i_], "after object key");
    ++i_;
  }

  Value scalar() {
    const char c = s_[i_];
    if (c == '"')
      return Value(string_literal());
    if (c == '-' || is_digit(c))
      return number();
    if (c == 't')
      return literal("true", Value(true));
    if (c == 'f')
      return literal("false", Value(false));
    if (c == 'n')
      return literal("null", Value());
    invalid(c, "looking for beginning of value");
  }

  Value literal(std::string_view word, Value v) {
    for (std::size_t k = 1; k < word.size(); ++k) {
      // Go's eof() feeds the scanner a space, so a truncated literal reports ' '.
      const char c = i_ + k < s_.size() ? s_[i_ + k] : ' ';
      if (c != word[k]) {
        i_ += k;
        invalid(c, "in literal " + std::string(word) + " (expecting '" + word[k] + "')");
      }
    }
    i_ += word.size();
    return v;
  }

  Value number() {
    const std::size_t start = i_;
    auto peek = [&] { return i_ < s_.size() ? s_[i_] : ' '; };
    bool integer = true;
    if (peek() == '-')
      ++i_;
    if (peek() == '0') {
      ++i_;
    } else if (is_digit(peek())) {
      while (is_digit(peek())) ++i_;
    } else {
      invalid(peek(), "in numeric literal");
    }
    if (peek() == '.') {
      integer = false;
      ++i_;
      if (!is_digit(peek()))
        invalid(peek(), "after decimal point in numeric literal");
      while (is_digit(peek())) ++i_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integer = false;
      ++i_;
      if (peek() == '+' || peek() == '-')
        ++i_;
      if (!is_digit(peek()))
        invalid(peek(), "in exponent of numeric literal");
      while (is_digit(peek())) ++i_;
    }
    const std::string_view text = s_.substr(start, i_ - start);
    if (integer && options_.numbers == Numbers::Typed) {
      std::int64_t n = 0;
      auto r = std::from_chars(text.data(), text.data() + text.size(), n);
      if (r.ec == std::errc() && r.ptr == text.data() + text.size())
        return Value::integer(n);
    }
    double f = 0;
    if (!parse_decimal_float(text, f) && deferred_.empty()) {
      deferred_ =
          "json: cannot unmarshal number " + std::string(text) + " into Go value of type float64";
    }
    return Value::floating(f);
  }

  // A string literal starting at the opening quote; Go's scanner rules for what may appear,
  // Go's unquote rules for what it means.
  std::string string_literal() {
    ++i_;
    const std::size_t start = i_;
    // Fast path: plain ASCII without escapes.
    while (i_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        return std::string(s_.substr(start, i_++ - start));
      }
      if (c == '\\' || c < 0x20 || c >= 0x80)
        break;
      ++i_;
    }
    std::string out(s_.substr(start, i_ - start));
    while (i_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return out;
      }
      if (c < 0x20)
        invalid(static_cast<char>(c), "in string literal");
      if (c == '\\') {
        escape(out);
        continue;
      }
      if (c < 0x80) {
        out += static_cast<char>(c);
        ++i_;
        continue;
      }
      Rune r = decode_rune(s_, i_);
      if (r.rune == kReplacementChar && r.size == 1) {
        out += "\xEF\xBF\xBD";
      } else {
        out.append(s_.substr(i_, static_cast<std::size_t>(r.size)));
      }
      i_ += static_cast<std::size_t>(r.size);
    }
    syntax("unexpected end of JSON input");
  }

  // Reads four hex digits after "\u" at i_ (scanner errors name the offending byte).
  char32_t hex4() {
    char32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      if (i_ >= s_.size())
        invalid(' ', "in \\u hexadecimal character escape");  // Go's eof()
      int h = hex_value(s_[i_]);
      if (h < 0)
        invalid(s_[i_], "in \\u hexadecimal character escape");
      v = v << 4 | static_cast<char32_t>(h);
      ++i_;
    }
    return v;
  }

  void escape(std::string& out) {
    ++i_;  // the backslash
    if (i_ >= s_.size())
      invalid(' ', "in string escape code");  // Go's eof() feeds a space
    const char e = s_[i_++];
    switch (e) {
      case '"':
        out += '"';
        return;
      case '\\':
        out += '\\';
        return;
      case '/':
        out += '/';
        return;
      case 'b':
        out += '\b';
        return;
      case 'f':
        out += '\f';
        return;
      case 'n':
        out += '\n';
        return;
      case 'r':
        out += '\r';
        return;
      case 't':
        out += '\t';
        return;
      case 'u':
        break;
      default:
        --i_;
        invalid(e, "in string escape code");
    }
    char32_t r = hex4();
    if (r >= 0xD800 && r < 0xDC00) {
      // Go: a high surrogate combines with a following \u low surrogate; otherwise it
      // becomes U+FFFD and what follows is read on its own.
      if (i_ + 6 <= s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
        bool hex = true;
        char32_t lo = 0;
        for (std::size_t k = 2; k < 6; ++k) {
          int h = hex_value(s_[i_ + k]);
          if (h < 0)
            hex = false;
          lo = lo << 4 | static_cast<char32_t>(h < 0 ? 0 : h);
        }
        if (hex && lo >= 0xDC00 && lo < 0xE000) {
          i_ += 6;
          append_utf8(out, 0x10000 + ((r - 0xD800) << 10) + (lo - 0xDC00));
          return;
        }
      }
      r = kReplacementChar;
    }
    append_utf8(out, r);  // a lone low surrogate becomes U+FFFD here
  }

  void skip_space() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }

  Location where() const {
    // 1-based line and column of the offending byte, for callers that show a location
    // (Go's SyntaxError only has a byte offset).
    Location loc{options_.file, 1, 1};
    for (std::size_t k = 0; k < i_ && k < s_.size(); ++k) {
      if (s_[k] == '\n') {
        ++loc.line;
        loc.column = 1;
      } else {
        ++loc.column;
      }
    }
    return loc;
  }

  [[noreturn]] void invalid(char c, const std::string& context) {
    syntax("invalid character " + quote_char(static_cast<unsigned char>(c)) + " " + context);
  }

  [[noreturn]] void syntax(const std::string& message) {
    throw Error(ErrorKind::Parse, message, where());
  }

  std::string_view s_;
  const DecodeOptions& options_;
  std::size_t i_ = 0;
  std::vector<Frame> frames_;
  std::string deferred_;  // first decode-time error, reported if the syntax is valid
};

}  // namespace

Value decode(std::string_view text, const DecodeOptions& options) {
  return Parser(text, options).run();
}

}  // namespace capstan::json
