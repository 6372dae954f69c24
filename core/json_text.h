// Go's text rules that encoding/json applies to strings (UTF-8 decoding with U+FFFD for
// invalid bytes, escaping, base64 for []byte). The YAML codecs use them too, because
// sigs.k8s.io/yaml sends every value through encoding/json.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace capstan::json {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Rune {
  char32_t rune;
  int size;  // bytes consumed: 1 for an invalid byte
};

// utf8.DecodeRuneInString(s[i:]): an invalid or truncated sequence, an overlong form, a
// surrogate or a code point above U+10FFFF decodes as (U+FFFD, 1). `i` must be < s.size().
Rune decode_rune(std::string_view s, std::size_t i);

// utf8.ValidString.
bool valid_utf8(std::string_view s);

// Every invalid byte replaced by U+FFFD, as json.Marshal then json.Unmarshal leave a string.
std::string coerce_utf8(std::string_view s);

// utf8.EncodeRune (surrogates and out-of-range values become U+FFFD).
void append_utf8(std::string& out, char32_t rune);

// The quoted JSON form of `s` as encoding/json writes it: \" \\ \n \r \t, other control
// bytes as \u00XX, <, > and & as \u003c, \u003e, \u0026 when escape_html, U+2028 and U+2029
// escaped, each invalid UTF-8 byte as \ufffd.
void append_quoted(std::string& out, std::string_view s, bool escape_html);

// strconv.ParseFloat(s, 64) for a decimal literal already known to be well formed
// ([+-]digits[.digits][e[+-]digits]): false, with `out` set to ±Inf, when the value overflows
// (Go's ErrRange); an underflow gives ±0 or a denormal, as in Go.
bool parse_decimal_float(std::string_view s, double& out);

// base64.StdEncoding.EncodeToString.
std::string base64_encode(std::string_view data);

// base64.StdEncoding.DecodeString: padding required, '\r' and '\n' ignored; nullopt when the
// input is not valid base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace capstan::json
