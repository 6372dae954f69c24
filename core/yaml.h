// YAML with the typing rules Helm gets from Go: decoding follows gopkg.in/yaml.v2 (YAML 1.1
// scalars: yes/no/on/off/y/n are booleans, 0x/0o/0b and underscores in numbers, merge keys)
// as seen through sigs.k8s.io/yaml; encoding is byte-for-byte what sigs.k8s.io/yaml.Marshal
// (Go's encoding/json, then yaml.v2's emitter) prints, i.e. Helm's toYaml and kubectl -o yaml.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace capstan::yaml {

enum class Numbers {
  // Every number becomes a float64, as when Helm reads values files and fromYaml runs
  // (sigs.k8s.io/yaml converts to JSON, and encoding/json decodes numbers into float64).
  Float64,
  // Integers become int64 and the rest float64, as Kubernetes objects decode (unstructured).
  Typed,
};

struct DecodeOptions {
  std::string file;  // named in error messages
  Numbers numbers = Numbers::Float64;
  std::size_t max_depth = 10000;             // nesting deeper than this is an ErrorKind::Limit
  std::size_t max_alias_expansion = 1000000;  // nodes produced by aliases ("billion laughs")
};

// Decodes one document (an empty document is null). Malformed input throws
// ErrorKind::Parse with the 1-based line and column in Error::where().
Value decode(std::string_view text, const DecodeOptions& options = {});

// Decodes every document of a multi-document stream ("---" separated); empty documents are
// kept as null entries.
std::vector<Value> decode_all(std::string_view text, const DecodeOptions& options = {});

// sigs.k8s.io/yaml.Marshal: sorted keys, yaml.v2's quoting and block styles; ends with "\n"
// (an empty map prints "{}\n", null prints "null\n").
std::string encode(const Value& value);

}  // namespace capstan::yaml
