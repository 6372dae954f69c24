// JSON as Go's encoding/json reads and writes it: decoding into interface{} (numbers become
// float64 unless Typed), encoding with sorted map keys, HTML-safe escaping (<, >, & as
// \u003c...), U+2028/U+2029 escaped, invalid UTF-8 replaced by U+FFFD, and floats formatted
// as encoding/json formats them.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::json {

enum class Numbers {
  Float64,  // encoding/json into interface{}: every number is float64 (Helm's fromJson)
  Typed,    // integers that fit become int64, the rest float64 (Kubernetes objects)
};

struct DecodeOptions {
  std::string file;  // named in error messages
  Numbers numbers = Numbers::Float64;
  std::size_t max_depth = 10000;
};

// Malformed input throws ErrorKind::Parse worded as encoding/json words it.
Value decode(std::string_view text, const DecodeOptions& options = {});

struct EncodeOptions {
  bool escape_html = true;  // json.Marshal's default
  std::string prefix;       // json.MarshalIndent's prefix and indent; empty indent = compact
  std::string indent;
};

// json.Marshal / json.MarshalIndent. Objects encode as their JSON form (templating decides).
std::string encode(const Value& value, const EncodeOptions& options = {});

}  // namespace capstan::json
