// Parse tree nodes, as Go's text/template/parse/node.go: typed nodes with byte positions into
// their source; str() prints a node as Go's String() does (used in error contexts and tests).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::templating {

// The text a tree was parsed from and the name errors report (Go's ParseName and text).
struct Source {
  std::string name;
  std::string text;
};

enum class NodeType : std::uint8_t {
  Text, Action, Bool, Chain, Command, Dot, Else, End, Field, Identifier, If, List, Nil, Number,
  Pipe, Range, String, Template, Variable, With, Comment, Break, Continue,
};

struct Node {
  Node(NodeType t, std::size_t p, const Source* s) : type(t), pos(p), src(s) {}
  virtual ~Node() = default;
  virtual void write_to(std::string& out) const = 0;
  std::string str() const;

  NodeType type;
  std::size_t pos;    // byte offset in src->text
  const Source* src;  // owned by the tree's shared Source
};

using NodePtr = std::unique_ptr<Node>;

struct ListNode final : Node {
  ListNode(std::size_t p, const Source* s) : Node(NodeType::List, p, s) {}
  void write_to(std::string& out) const override;
  std::vector<NodePtr> nodes;
};

struct TextNode final : Node {
  TextNode(std::size_t p, const Source* s, std::string_view t) : Node(NodeType::Text, p, s), text(t) {}
  void write_to(std::string& out) const override;
  std::string_view text;  // points into src->text
};

struct CommentNode final : Node {
  CommentNode(std::size_t p, const Source* s, std::string_view t)
      : Node(NodeType::Comment, p, s), text(t) {}
  void write_to(std::string& out) const override;
  std::string_view text;
};

struct VariableNode final : Node {
  VariableNode(std::size_t p, const Source* s, std::string_view ident);
  void write_to(std::string& out) const override;
  std::vector<std::string> ident;  // variable name ($x) and fields, in order
};

struct CommandNode final : Node {
  CommandNode(std::size_t p, const Source* s) : Node(NodeType::Command, p, s) {}
  void write_to(std::string& out) const override;
  std::vector<NodePtr> args;
};

struct PipeNode final : Node {
  PipeNode(std::size_t p, const Source* s, int l) : Node(NodeType::Pipe, p, s), line(l) {}
  void write_to(std::string& out) const override;
  int line;
  bool is_assign = false;
  std::vector<std::unique_ptr<VariableNode>> decl;
  std::vector<std::unique_ptr<CommandNode>> cmds;
};

struct ActionNode final : Node {
  ActionNode(std::size_t p, const Source* s, int l, std::unique_ptr<PipeNode> pp)
      : Node(NodeType::Action, p, s), line(l), pipe(std::move(pp)) {}
  void write_to(std::string& out) const override;
  int line;
  std::unique_ptr<PipeNode> pipe;
};

struct IdentifierNode final : Node {
  IdentifierNode(std::size_t p, const Source* s, std::string_view i)
      : Node(NodeType::Identifier, p, s), ident(i) {}
  void write_to(std::string& out) const override;
  std::string ident;
};

struct DotNode final : Node {
  DotNode(std::size_t p, const Source* s) : Node(NodeType::Dot, p, s) {}
  void write_to(std::string& out) const override;
};

struct NilNode final : Node {
  NilNode(std::size_t p, const Source* s) : Node(NodeType::Nil, p, s) {}
  void write_to(std::string& out) const override;
};

struct FieldNode final : Node {
  FieldNode(std::size_t p, const Source* s, std::string_view ident);  // ident starts with '.'
  void write_to(std::string& out) const override;
  std::vector<std::string> ident;
};

struct ChainNode final : Node {
  ChainNode(std::size_t p, const Source* s, NodePtr n) : Node(NodeType::Chain, p, s), node(std::move(n)) {}
  void write_to(std::string& out) const override;
  void add(std::string_view field);  // field starts with '.'
  NodePtr node;
  std::vector<std::string> field;
};

struct BoolNode final : Node {
  BoolNode(std::size_t p, const Source* s, bool v) : Node(NodeType::Bool, p, s), value(v) {}
  void write_to(std::string& out) const override;
  bool value;
};

// A number constant stored under every type that can represent it (Go's ideal constants).
struct NumberNode final : Node {
  NumberNode(std::size_t p, const Source* s, std::string_view t) : Node(NodeType::Number, p, s), text(t) {}
  void write_to(std::string& out) const override;
  bool is_int = false, is_uint = false, is_float = false, is_complex = false;
  std::int64_t int64 = 0;
  std::uint64_t uint64 = 0;
  double float64 = 0;
  double complex_real = 0, complex_imag = 0;
  std::string text;
};

struct StringNode final : Node {
  StringNode(std::size_t p, const Source* s, std::string_view q, std::string t)
      : Node(NodeType::String, p, s), quoted(q), text(std::move(t)) {}
  void write_to(std::string& out) const override;
  std::string quoted;  // original text, with quotes
  std::string text;    // after unquoting
};

// if, range and with.
struct BranchNode final : Node {
  BranchNode(NodeType t, std::size_t p, const Source* s, int l) : Node(t, p, s), line(l) {}
  void write_to(std::string& out) const override;
  int line;
  std::unique_ptr<PipeNode> pipe;
  std::unique_ptr<ListNode> list;
  std::unique_ptr<ListNode> else_list;  // null when absent
};

struct TemplateNode final : Node {
  TemplateNode(std::size_t p, const Source* s, int l, std::string n, std::unique_ptr<PipeNode> pp)
      : Node(NodeType::Template, p, s), line(l), name(std::move(n)), pipe(std::move(pp)) {}
  void write_to(std::string& out) const override;
  int line;
  std::string name;
  std::unique_ptr<PipeNode> pipe;  // null when absent
};

// break, continue, and the parser-internal else and end.
struct KeywordNode final : Node {
  KeywordNode(NodeType t, std::size_t p, const Source* s, int l) : Node(t, p, s), line(l) {}
  void write_to(std::string& out) const override;
  int line;
};

// Go's IsEmptyTree: only whitespace text and comments.
bool is_empty_tree(const Node* n);

}  // namespace capstan::templating
