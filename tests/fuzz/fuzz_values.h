// Random values.yaml documents: nested maps and lists, numbers in every YAML 1.1 form yaml.v2
// reads (0x, 0o, leading-zero octal, underscores, exponents, .inf), booleans (yes/no/on/off),
// nulls, quoted and block strings, unicode, anchors and merge keys. The tree remembers what
// each scalar decodes to, so the template generator can reach real paths of a known kind.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "tests/fuzz/fuzz_rng.h"

namespace capstan::fuzz {

enum class VKind : std::uint8_t { Null, Bool, Int, Float, String, Map, List };

struct VEntry;

struct VNode {
  VKind kind = VKind::Null;
  // Scalars: the YAML text. A block scalar's text is its indicator line ("|", ">-") followed by
  // its content lines, each ending in "\n" and not yet indented.
  std::string text;
  bool block = false;
  bool flow = false;    // a collection printed as {...} or [...]
  std::string anchor;  // "&name " printed before the value
  std::vector<VEntry> entries;  // maps
  std::vector<VNode> items;     // lists
};

struct VEntry {
  std::string key;       // as decoded
  std::string key_text;  // as written
  VNode value;
  std::string comment;  // a "# ..." line printed before the entry
};

// A path into the values that templates can use, with what it holds.
struct ValuePath {
  std::string expr;  // ".Values.a.b" or "(index .Values \"a-b\" 0)"
  const VNode* node;
};

// A random top-level map of at most `budget` nodes.
VNode generate_values(Rng& rng, int budget);

// The document as YAML text.
std::string emit_yaml(const VNode& root);

// Every reachable path below `root`, spelled from `base` (".Values", "$.Values", ".").
std::vector<ValuePath> value_paths(const VNode& root, const std::string& base);

// Shrinking: the number of removable entries/items, and a copy without the i-th (pre-order).
std::size_t count_removable(const VNode& root);
VNode without_removable(const VNode& root, std::size_t index);

// Go identifiers (what `.a.b` field syntax can reach).
bool is_identifier(const std::string& s);

// Random pieces shared with the template generator.
std::string random_word(Rng& rng);
std::string random_text(Rng& rng, int max_len, bool allow_newlines);

}  // namespace capstan::fuzz
