// Go's strconv, as far as capstan needs it to print and parse numbers and strings exactly as
// Go does (fmt, encoding/json, yaml.v2 and the template lexer all build on these).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace capstan::strconv {

// strconv.FormatFloat(f, fmt, prec, bitSize): fmt is one of 'e', 'E', 'f', 'g', 'G';
// prec -1 means the shortest representation that reads back to the same value.
// NaN and infinities print "NaN", "+Inf", "-Inf".
// Also 'b' (-ddddp±ddd), 'x' and 'X' (-0x1.23abcp+20, hexadecimal mantissa).
std::string format_float(double f, char fmt, int prec, int bit_size = 64);

// strconv.FormatInt / FormatUint in bases 2 to 36 (lower-case digits).
std::string format_int(std::int64_t i, int base = 10);
std::string format_uint(std::uint64_t u, int base = 10);

// Go's errors for the Parse* functions: ErrSyntax ("invalid syntax"), ErrRange ("value out of
// range"); invalid base or bit size are bugs (ErrorKind::Internal is thrown).
enum class NumError { None, Syntax, Range };

// "strconv.ParseInt: parsing \"x\": invalid syntax" as *strconv.NumError prints it.
std::string num_error_message(std::string_view func, std::string_view input, NumError err);

template <typename T>
struct Parsed {
  T value{};  // on Range errors, the clamped value Go returns
  NumError err = NumError::None;
  bool ok() const { return err == NumError::None; }
};

// strconv.ParseInt(s, base, bitSize): base 0 reads Go's prefixes (0x, 0o, 0b, 0 for octal) and
// allows underscores between digits; a leading sign is allowed.
Parsed<std::int64_t> parse_int(std::string_view s, int base = 10, int bit_size = 64);
// strconv.ParseUint: as parse_int, without a sign.
Parsed<std::uint64_t> parse_uint(std::string_view s, int base = 10, int bit_size = 64);
// strconv.ParseFloat(s, bitSize): decimal and hexadecimal (0x1.8p3) forms, underscores where
// Go allows them, "inf"/"infinity"/"nan" in any case. Correctly rounded. Out of range: ±Inf
// with NumError::Range.
Parsed<double> parse_float(std::string_view s, int bit_size = 64);
// strconv.ParseBool: 1 t T TRUE true True 0 f F FALSE false False.
Parsed<bool> parse_bool(std::string_view s);

// strconv.Quote: a double-quoted Go string literal; non-printable runes (per is_print) and
// invalid UTF-8 bytes are escaped (\a \b \f \n \r \t \v, \xNN, \uNNNN, \UNNNNNNNN).
std::string quote(std::string_view s);
// strconv.QuoteToASCII: as quote, and every non-ASCII rune is escaped too.
std::string quote_to_ascii(std::string_view s);
// strconv.QuoteRune / QuoteRuneToASCII: a single-quoted character literal ('a', '\n', '☺').
// Invalid runes (surrogates, > U+10FFFF) print as U+FFFD.
std::string quote_rune(std::int32_t r);
std::string quote_rune_to_ascii(std::int32_t r);
// Appends quote(s) to out (the common fast path for fmt's %q).
void append_quoted(std::string& out, std::string_view s, bool ascii_only = false);

// strconv.Unquote: a "double-quoted", `raw` or 'c' literal; nullopt on invalid syntax.
std::optional<std::string> unquote(std::string_view s);

// strconv.UnquoteChar: decodes the first character or escape of s inside a literal quoted by
// `quote` ('"', '\'' or 0). Returns nullopt on invalid syntax.
struct UnquotedChar {
  std::int32_t value = 0;
  bool multibyte = false;  // value must be written as UTF-8 (not a single \xNN byte)
  std::string_view tail;
};
std::optional<UnquotedChar> unquote_char(std::string_view s, char quote);

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space, as Go's
// tables define them (generated: core/strconv_isprint.inc).
bool is_print(std::int32_t r);

// UTF-8 as Go's unicode/utf8 reads it: decodes one rune from the front of s; an invalid or
// truncated sequence decodes as U+FFFD (RuneError) of width 1 (width 0 for empty input).
struct DecodedRune {
  std::int32_t rune;
  int width;
};
DecodedRune decode_rune(std::string_view s);
// Appends the UTF-8 encoding of r (U+FFFD for invalid runes), as utf8.AppendRune.
void append_rune(std::string& out, std::int32_t r);
// utf8.ValidString.
bool valid_utf8(std::string_view s);

}  // namespace capstan::strconv
