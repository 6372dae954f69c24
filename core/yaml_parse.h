// The YAML syntax layer: yaml-cpp's event parser turned into the node tree gopkg.in/yaml.v2
// decodes (parser.go's node), with libyaml's error wording and the libyaml errors yaml-cpp
// does not raise itself. Internal to core/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/yaml.h"

namespace capstan::yaml::detail {

struct Node {
  enum class Kind : std::uint8_t { Scalar, Sequence, Mapping, Alias };
  Kind kind = Kind::Scalar;
  // A plain scalar without a tag (yaml.v2's implicit): the only kind resolve() types.
  bool plain = false;
  // Reachable through an alias (anchored, or inside an anchored collection): decoded more
  // than once, so its text must stay in place.
  bool shared = false;
  int pos = 0;               // byte offset in the parsed text
  int line = 0;              // 0-based, as libyaml's marks
  int column = 0;            // 0-based
  std::string tag;           // long form ("tag:yaml.org,2002:str", "!custom"); empty when none
  std::string value;         // a scalar's text; an alias's anchor name
  std::string anchor;        // the anchor defined on this node, if any
  std::int32_t target = -1;  // an alias's node
  std::vector<std::int32_t> children;  // sequence items; mapping keys and values alternating
};

struct Document {
  std::vector<Node> nodes;
  std::int32_t root = -1;  // -1: an empty stream (no document)
};

// Reads the documents of a stream one at a time. Malformed input throws capstan::Error
// (ErrorKind::Parse, or Limit for nesting) worded as yaml.v2 words it, without
// kConvertErrorPrefix.
class Parser {
 public:
  // `first_only`: the caller reads one document, as yaml.Unmarshal does, so a later document
  // without "---" is not an error in itself.
  Parser(std::string_view text, const DecodeOptions& options, bool first_only = false);
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // The next document; false at the end of the stream.
  bool next(Document& doc);

  // After the first document, for yaml.Unmarshal, which reads only that one: the errors
  // libyaml still finds while ending it (what follows up to the next document's start).
  void check_after_first();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace capstan::yaml::detail
