// JSON Schema drafts and how documents are identified, as jsonschema v6 models them (draft.go,
// roots.go, root.go, loader.go): which keywords hold subschemas in each draft, `id`/`$id`,
// anchors, `$schema` and vocabularies, and the embedded metaschemas. Internal to the
// chart/schema_*.cpp files.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "chart/schema_model.h"

namespace capstan::chart::jsonschema {

// One step of a path to subschemas: every property ("*"), every item ("[]"), a property name
// or an item index.
struct Position {
  enum class Kind { AllProp, AllItem, Prop, Item } kind;
  std::string name;
  std::size_t index = 0;
};
using SchemaPath = std::vector<Position>;

struct Draft {
  int version;
  std::string url;
  std::string id_key;
  std::vector<SchemaPath> subschemas;
  std::string vocab_prefix;
  std::vector<std::string> all_vocabs;
  std::vector<std::string> default_vocabs;
};

const Draft& draft4();
const Draft& draft6();
const Draft& draft7();
const Draft& draft2019();
const Draft& draft2020();
const Draft* draft_for_version(int version);
// The draft a `$schema` URL names (http or https, no fragment), or nullptr.
const Draft* draft_from_url(const std::string& url);

// The compiled metaschema of a draft, and of its vocabularies (compiled once, shared).
const Schema& draft_metaschema(const Draft& d);
const Schema* vocab_metaschema(const Draft& d, const std::string& vocab);

// A draft plus the vocabularies a custom metaschema enables (nullopt: the draft's defaults).
struct Dialect {
  const Draft* draft = nullptr;
  std::optional<std::vector<std::string>> vocabs;
  bool has_vocab(const std::string& name) const;
};

// The embedded metaschema document for a json-schema.org URL, or nullptr.
const Value* embedded_metaschema(const std::string& url);
bool is_metaschema_url(const std::string& url);

// A schema resource: the subschema at `ptr` with its own base URI.
struct Resource {
  JsonPointer ptr;
  std::string id;
  Dialect dialect;
  std::map<std::string, JsonPointer> anchors;
  std::vector<std::string> dynamic_anchors;
};

// A loaded document and the resources found in it.
struct Root {
  std::string url;
  Value doc;
  std::map<JsonPointer, Resource> resources;
  std::set<JsonPointer> subschemas_processed;

  Resource& root_resource() { return resources.at(""); }
  // The innermost resource containing `ptr`.
  Resource& resource(const JsonPointer& ptr);
};

// URL and fragment helpers (util.go).
struct UrlFrag {
  std::string url;
  std::string frag;  // decoded
};
// "URL#fragment" split, fragment path-unescaped. Throws Error (ParseURLError).
UrlFrag split_fragment(const std::string& s);
// url.join: `ref` resolved against `base`. Throws Error (ParseURLError).
UrlFrag join_url(const std::string& base, const std::string& ref);
// Fragment encoding for printing: each "/"-separated token path-escaped.
std::string encode_fragment(const std::string& frag);

}  // namespace capstan::chart::jsonschema
