// JSON as Go's encoding/json reads and writes it: decoding into interface{} (numbers become
// float64 unless Typed), encoding with sorted map keys, HTML-safe escaping (<, >, & as
// \u003c...), U+2028/U+2029 escaped, invalid UTF-8 replaced by U+FFFD, and floats formatted
// as encoding/json formats them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::json {

enum class Numbers {
  Float64,  // encoding/json into interface{}: every number is float64 (Helm's fromJson)
  Typed,    // integers that fit become int64, the rest float64 (Kubernetes objects)
};

struct DecodeOptions {
  std::string file;  // named in Error::where()
  Numbers numbers = Numbers::Float64;
  std::size_t max_depth = 10000;  // encoding/json's own nesting limit
};

// json.Unmarshal into interface{}. Malformed input throws ErrorKind::Parse worded as
// encoding/json words it ("invalid character 'x' looking for beginning of value",
// "unexpected end of JSON input"); nesting deeper than max_depth throws ErrorKind::Limit
// ("invalid character '[' exceeded max depth"). Strings keep Go's rules: invalid UTF-8 and
// unpaired surrogate escapes become U+FFFD; later duplicate keys win.
Value decode(std::string_view text, const DecodeOptions& options = {});

// How a Value::Kind::Object is encoded: the plain Value it stands for (templating decides,
// e.g. a time.Time becomes its RFC 3339 string). Without a hook, objects encode as null.
using ObjectValue = std::function<Value(const Object&)>;

struct EncodeOptions {
  bool escape_html = true;  // json.Marshal's default
  std::string prefix;       // json.MarshalIndent's prefix and indent; empty indent = compact
  std::string indent;
  ObjectValue object_value;
};

// json.Marshal / json.MarshalIndent. NaN and infinities throw ErrorKind::Values with Go's
// text ("json: unsupported value: NaN"); Bytes encode as base64; null prints null.
std::string encode(const Value& value, const EncodeOptions& options = {});

// Appends json.Marshal's output for `value` (no indentation) to `out`.
void encode_to(std::string& out, const Value& value, const EncodeOptions& options = {});

// encoding/json's float64/float32 formatting: strconv 'f' unless the magnitude is below 1e-6
// or at least 1e21, then 'e' with a one-digit negative exponent ("1e-7", "1e+21").
// Finite values only.
std::string format_float(double f, int bit_size = 64);

}  // namespace capstan::json
