// The compiled form of a JSON Schema as santhosh-tekuri/jsonschema v6 builds it (schema.go):
// one Schema per schema location, keywords resolved to typed fields and pointers to the
// subschemas they apply. Internal to chart/schema_*.cpp; schema.h is the public face.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "chart/schema_number.h"
#include "core/value.h"
#include "templating/sprig_regexp.h"

namespace capstan::chart::jsonschema {

struct Schema;

// JSON types as a bit set (jsonschema's jsonType).
enum JsonType : int {
  kInvalidType = 0,
  kNullType = 1 << 1,
  kBooleanType = 1 << 2,
  kNumberType = 1 << 3,
  kIntegerType = 1 << 4,
  kStringType = 1 << 5,
  kArrayType = 1 << 6,
  kObjectType = 1 << 7,
};

JsonType type_of(const Value& v);
JsonType type_from_string(std::string_view s);
std::string type_name(int t);
// The names in a type set, in jsonschema's fixed order (null, boolean, number, ...).
std::vector<std::string> type_names(int types);

// A JSON pointer into a document ("" is the whole document; "/a/0").
using JsonPointer = std::string;

// A schema location: a document URL and a pointer in it.
struct UrlPtr {
  std::string url;
  JsonPointer ptr;
  bool operator<(const UrlPtr& o) const { return url < o.url || (url == o.url && ptr < o.ptr); }
  bool operator==(const UrlPtr& o) const { return url == o.url && ptr == o.ptr; }
  // "URL#ENCODED-PTR", each token path-escaped.
  std::string string() const;
  // Location of a keyword below this one: "URL#PTR/TOKEN".
  std::string format(std::string_view token) const;
};

// A compiled regular expression with Go's syntax and its source text.
struct Pattern {
  std::string source;
  std::shared_ptr<templating::goregexp::Regexp> re;
};

// Draft-specific format checkers: nullopt when valid, else the reason.
struct Format {
  std::string name;
  std::optional<std::string> (*validate)(const Value& v) = nullptr;
};

// `additionalProperties` / `additionalItems`: absent, a boolean, or a schema.
struct Additional {
  bool present = false;
  bool allowed = true;          // the boolean form
  Schema* schema = nullptr;     // the schema form
};

struct Schema {
  UrlPtr up;
  Schema* resource = nullptr;
  std::map<std::string, Schema*> dynamic_anchors;
  bool all_props_evaluated = false;
  bool all_items_evaluated = false;
  std::size_t num_items_evaluated = 0;

  int draft_version = 0;
  std::string location;

  std::optional<bool> boolean;  // a boolean schema
  std::string id;
  Schema* ref = nullptr;
  std::string anchor;
  Schema* recursive_ref = nullptr;
  bool recursive_anchor = false;
  Schema* dynamic_ref = nullptr;
  std::string dynamic_ref_anchor;
  std::string dynamic_anchor;
  int types = 0;
  std::optional<std::vector<Value>> enum_values;
  int enum_types = 0;
  std::optional<Value> const_value;
  Schema* not_ = nullptr;
  std::vector<Schema*> all_of;
  std::vector<Schema*> any_of;
  std::vector<Schema*> one_of;
  Schema* if_ = nullptr;
  Schema* then_ = nullptr;
  Schema* else_ = nullptr;
  std::optional<Format> format;

  std::optional<std::int64_t> max_properties;
  std::optional<std::int64_t> min_properties;
  std::vector<std::string> required;
  Schema* property_names = nullptr;
  std::map<std::string, Schema*> properties;
  std::vector<std::pair<Pattern, Schema*>> pattern_properties;
  Additional additional_properties;
  // dependencies: a list of property names, or a schema.
  std::map<std::string, std::variant<std::vector<std::string>, Schema*>> dependencies;
  std::map<std::string, std::vector<std::string>> dependent_required;
  std::map<std::string, Schema*> dependent_schemas;
  Schema* unevaluated_properties = nullptr;

  std::optional<std::int64_t> min_items;
  std::optional<std::int64_t> max_items;
  bool unique_items = false;
  Schema* contains = nullptr;
  std::optional<std::int64_t> min_contains;
  std::optional<std::int64_t> max_contains;
  // items before 2020-12: absent, one schema, or a list of schemas.
  Schema* items = nullptr;
  std::optional<std::vector<Schema*>> items_list;
  Additional additional_items;
  std::vector<Schema*> prefix_items;
  Schema* items2020 = nullptr;
  Schema* unevaluated_items = nullptr;

  std::optional<std::int64_t> min_length;
  std::optional<std::int64_t> max_length;
  std::optional<Pattern> pattern;

  std::optional<Decimal> maximum;
  std::optional<Decimal> minimum;
  std::optional<Decimal> exclusive_maximum;
  std::optional<Decimal> exclusive_minimum;
  std::optional<Decimal> multiple_of;
};

// Format checkers by name (format.go), and the regex compiler ("regex" format).
const Format* find_format(std::string_view name);
std::optional<std::string> validate_regex_format(const Value& v);
// Compiles a pattern with Go's regexp syntax; nullopt and the error text on failure.
std::optional<Pattern> compile_pattern(const std::string& source, std::string& error);

// The value a JSON document at `ptr` holds, or nullptr.
const Value* lookup_pointer(const Value& doc, const JsonPointer& ptr, bool& bad_pointer);

// equals() with numbers compared exactly; Kind::Invalid values compare false.
bool json_equals(const Value& a, const Value& b);

}  // namespace capstan::chart::jsonschema
