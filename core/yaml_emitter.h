// yaml.v2's emitter (emitterc.go, a port of libyaml's) for what yaml.v2's encoder produces:
// block mappings and sequences, flow style only for empty collections, no anchors or tags,
// scalars plain, single- or double-quoted or literal, lines folded at best_width 80.
// Internal to core/ (core/yaml_encode.cpp drives it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace capstan::yaml::detail {

// The style yaml.v2's encoder asks for; the emitter may fall back to a quoted one.
enum class ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal };

// One document, written as a stream of libyaml events. Nodes are emitted depth first: after
// begin_mapping(), each entry is key() then one node; after begin_sequence(), each entry is
// item() then one node.
class Emitter {
 public:
  Emitter() = default;
  // yaml.v3's emitter (gopkg.in/yaml.v3 3.0.1, Helm's toYamlPretty) with best_indent
  // `indent`: sequences indented under their keys, no folding of long lines, tabs quoted, the
  // indention flag kept as v3 keeps it (set by line breaks only), literal blocks without their
  // own first line break.
  static Emitter v3(int indent) {
    Emitter e;
    e.v3_ = true;
    e.best_indent_ = indent;
    e.best_width_ = 0x7fffffff;
    return e;
  }

  void scalar(std::string_view text, ScalarStyle style);
  // A tag ("!!binary") written before the next scalar or key (yaml.v3's invalid UTF-8).
  void tag(std::string_view shorthand) { tag_ = shorthand; }
  void empty_sequence() { empty_collection("[", "]"); }
  void empty_mapping() { empty_collection("{", "}"); }
  void begin_sequence();
  void item();
  void end_sequence() { pop_indent(); }
  void begin_mapping();
  void key(std::string_view text, ScalarStyle style);
  void end_mapping() { pop_indent(); }
  // DOCUMENT-END: the final line break; returns the text.
  std::string finish();

 private:
  struct Analysis {
    bool multiline = false;
    bool flow_plain_allowed = false;
    bool block_plain_allowed = true;
    bool single_quoted_allowed = true;
    bool block_allowed = false;
  };
  Analysis analyze(std::string_view v) const;

  void put(char c);
  void put_break();
  void write(std::string_view s, std::size_t& i);
  void write_break(std::string_view s, std::size_t& i);
  void write_indent();
  void write_indicator(std::string_view indicator, bool need_whitespace, bool is_whitespace,
                       bool is_indention);
  void increase_indent(bool flow, bool indentless);
  void pop_indent();
  void empty_collection(std::string_view open, std::string_view close);
  void scalar(std::string_view text, ScalarStyle style, const Analysis& a);
  ScalarStyle select_style(std::string_view text, ScalarStyle style, const Analysis& a) const;
  void write_plain(std::string_view v, bool allow_breaks);
  void write_single_quoted(std::string_view v, bool allow_breaks);
  void write_double_quoted(std::string_view v, bool allow_breaks);
  void write_block_scalar_hints(std::string_view v);
  void write_literal(std::string_view v);

  std::string out_;
  std::string tag_;  // pending tag of the next scalar (empty: none)
  int column_ = 0;
  int indent_ = -1;
  std::vector<int> indents_;
  bool whitespace_ = true;
  bool indention_ = true;
  // The context of the next node, as yaml_emitter_emit_node records it.
  bool mapping_context_ = false;
  bool simple_key_context_ = false;
  bool v3_ = false;
  int best_indent_ = 2;
  int best_width_ = 80;
  // v3: the node being started is an item of a block sequence (the state on top of libyaml's
  // state stack is BLOCK_SEQUENCE_ITEM), which its increase_indent treats differently.
  bool sequence_item_ = false;
};

}  // namespace capstan::yaml::detail
