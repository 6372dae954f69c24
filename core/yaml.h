// YAML with the typing rules Helm gets from Go: decoding follows gopkg.in/yaml.v2 (YAML 1.1
// scalars: yes/no/on/off/y/n are booleans, 0x/0o/0b and underscores in numbers, merge keys)
// as seen through sigs.k8s.io/yaml; encoding is byte-for-byte what sigs.k8s.io/yaml.Marshal
// (Go's encoding/json, then yaml.v2's emitter) prints, i.e. Helm's toYaml and kubectl -o yaml.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json.h"
#include "core/value.h"

namespace capstan::yaml {

enum class Numbers {
  // Every number becomes a float64, as when Helm reads values files and fromYaml runs
  // (sigs.k8s.io/yaml converts to JSON, and encoding/json decodes numbers into float64).
  Float64,
  // Integers become int64 and the rest float64, as Kubernetes objects decode (unstructured):
  // the JSON text decides, so 1.0 and 1e3 are int64 too.
  Typed,
};

struct DecodeOptions {
  std::string file;  // named in Error::where()
  Numbers numbers = Numbers::Float64;
  // yaml.v2.UnmarshalStrict (sigs.k8s.io/yaml.UnmarshalStrict): a key set twice in a mapping
  // is an error, as Helm requires of index.yaml and plugin.yaml.
  bool strict = false;
  std::size_t max_depth = 10000;              // nesting deeper than this is ErrorKind::Limit
  std::size_t max_alias_expansion = 1000000;  // nodes produced by aliases ("billion laughs")
  // Read plain block YAML with the fast reader (core/yaml_fast.h) before the full parser.
  // Results are the same either way; tests turn it off to compare the two.
  bool fast_path = true;
};

// Every decoding error reads as sigs.k8s.io/yaml words it: this prefix, then yaml.v2's own
// text ("yaml: line 3: mapping values are not allowed in this context", "yaml: unknown
// anchor 'x' referenced") or the JSON step's ("json: unsupported value: NaN").
inline constexpr std::string_view kConvertErrorPrefix = "error converting YAML to JSON: ";

// The message of a decoding error without kConvertErrorPrefix: yaml.v2's own error text, for
// callers that word it as Helm does when it calls yaml.v2 directly.
std::string_view yaml_reason(const std::exception& error);

// sigs.k8s.io/yaml.Unmarshal into interface{}: the first document only (an empty one, or
// none, is null; later documents are not read). Malformed input throws ErrorKind::Parse
// with the 1-based line and column in Error::where(); limits throw ErrorKind::Limit.
Value decode(std::string_view text, const DecodeOptions& options = {});

// Every document of a multi-document stream ("---" separated), as yaml.v2's Decoder returns
// them one by one; empty documents are kept as null entries.
std::vector<Value> decode_all(std::string_view text, const DecodeOptions& options = {});

struct EncodeOptions {
  // How a Value::Kind::Object prints (its plain-Value form); without one, objects print null.
  json::ObjectValue object_value;
  // encode_v3 only: a Go struct's fields in declaration order under their YAML keys, which
  // yaml.v3 keeps (maps it sorts); nullopt for objects that are not structs (object_value).
  using Fields = std::vector<std::pair<std::string, Value>>;
  std::function<std::optional<Fields>(const Object&)> object_fields;
  // encode_v3 only: objects yaml.v3 writes as a plain scalar of their own text (time.Time as
  // RFC3339Nano, untagged and unquoted even though it reads back as a timestamp).
  std::function<std::optional<std::string>(const Object&)> object_plain_scalar;
};

// sigs.k8s.io/yaml.Marshal: sorted keys, yaml.v2's quoting and block styles; ends with "\n"
// (an empty map prints "{}\n", null prints "null\n"). NaN, infinities and strings that
// yaml.v2 cannot read back (DEL, C1 controls, U+FFFE/U+FFFF) throw ErrorKind::Values with
// sigs.k8s.io/yaml's text, where Helm's toYaml would print "".
std::string encode(const Value& value, const EncodeOptions& options = {});

// gopkg.in/yaml.v3's Encoder with SetIndent(indent) over the value as Go holds it (Helm's
// toYamlPretty): no JSON step, so float64 prints as strconv 'g' (1e+06) and ints as decimals;
// strings plain when they read back as strings, literal blocks when multi-line, double-quoted
// otherwise; sequences indented under their keys; no line folding. Ends with "\n". Objects
// encode as options.object_value gives them. Invalid UTF-8 strings go out as !!binary base64.
std::string encode_v3(const Value& value, int indent = 2, const EncodeOptions& options = {});

}  // namespace capstan::yaml
