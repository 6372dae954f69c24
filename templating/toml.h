// TOML as Helm's toToml and fromToml use it: BurntSushi/toml v1.6.0 (Helm v3.21.4's), the
// encoder over template values and Go objects, and the decoder into map[string]interface{}
// with the Go types the library produces (int64, float64, time.Time, []interface {},
// []map[string]interface {} for arrays of tables). Error texts are the library's.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::templating::toml {

// toml.ParseError: Error() is "toml: line N: MSG" or "toml: line N (last key "K"): MSG".
// text() is the whole message, which may hold a NUL byte (what() stops there).
class ParseError : public std::runtime_error {
 public:
  explicit ParseError(std::string text) : std::runtime_error(text), text_(std::move(text)) {}
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// An error Encoder.Encode returns ("toml: cannot encode array with nil element", ...).
class EncodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A Go panic inside the library or reflect (a "BUG: ..." assertion; `reflect: call of
// reflect.Value.Type on zero Value` for encoding nil). text/template recovers a panic in a
// function as that function's error, so callers report it as a FuncError.
class Panic : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// toml.Unmarshal(data, &m) for m of type map[string]interface {}: the decoded map.
Value decode(std::string_view data);

// toml.NewEncoder(w).Encode(v) with the default two-space indent: what it writes.
std::string encode(const Value& v);

// The names of the local datetime, date and time locations of decoded values without an offset
// (internal.LocalDatetime etc.), which the encoder writes back in their own formats.
inline constexpr std::string_view kLocalDatetimeZone = "datetime-local";
inline constexpr std::string_view kLocalDateZone = "date-local";
inline constexpr std::string_view kLocalTimeZone = "time-local";

}  // namespace capstan::templating::toml
