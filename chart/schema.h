// JSON Schema compilation and validation with the behaviour of santhosh-tekuri/jsonschema v6,
// the library Helm 3.21 validates values.schema.json with: drafts 4, 6, 7, 2019-09 and
// 2020-12 (2020-12 when a schema names none), the schema itself validated against its draft's
// metaschema first, Go's regexp syntax for `pattern`, formats asserted up to draft 7, content
// keywords not asserted, and the library's error texts (schema_errors.h).
//
// Safety: references are resolved within the documents given (and the embedded
// metaschemas); any other URL goes to the UrlLoader, and without one it is refused. Schema
// documents deeper than kMaxSchemaDepth and validations deeper than kMaxValidationDepth
// (through $ref chains) are errors, never a stack overflow (CVE-2025-32387 class).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "chart/schema_errors.h"
#include "core/value.h"

namespace capstan::chart::jsonschema {

struct Schema;

inline constexpr std::size_t kMaxSchemaDepth = 200;
inline constexpr std::size_t kMaxValidationDepth = 1000;

// Loads the document at a URL that was not added with add_resource. Throws capstan::Error
// whose message is the reason ("failing loading \"URL\": REASON" is added around it).
using UrlLoader = std::function<Value(const std::string& url)>;

class Compiler {
 public:
  Compiler();
  ~Compiler();
  Compiler(const Compiler&) = delete;
  Compiler& operator=(const Compiler&) = delete;

  void use_loader(UrlLoader loader);
  // Asserts `format` in every draft (v6's AssertFormat; the metaschemas use it).
  void assert_format();
  // The draft for documents without $schema: 4, 6, 7, 2019 or 2020 (default).
  void default_draft(int version);

  // AddResource. Throws Error ("resource for \"URL\" already exists").
  void add_resource(const std::string& url, Value doc);
  // Compile. Throws Error with v6's message ("\"URL\" is not valid against metaschema: ...",
  // "invalid regex ...", "json-pointer in \"URL\" not found", ...). The schema lives as long
  // as this compiler.
  const Schema& compile(const std::string& location);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Schema.Validate: nullopt when `instance` is valid.
std::optional<ValidationError> validate(const Schema& schema, const Value& instance);

// jsonschema.UnmarshalJSON: one JSON document (numbers kept exact as far as float64 allows).
// Throws Error with encoding/json's Decoder wording ("unexpected EOF", "EOF",
// "invalid character after top-level value").
Value unmarshal_json(std::string_view text);

}  // namespace capstan::chart::jsonschema
