// A generated template as a tree of fragments, so a failing case can be shrunk by structure
// (drop a statement, replace an expression by a part of it or a constant) rather than by
// characters, which mostly yields parse errors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace capstan::fuzz {

struct Frag {
  enum class Kind : std::uint8_t {
    Seq,     // parts in order
    Stmt,    // a statement or piped command: may be dropped
    Expr,    // an operand: may be replaced by a descendant Expr or a constant
    Text,    // literal text; `user_text` marks output text that may be shortened
    Quoted,  // parts rendered, then written as a Go string literal (tpl's text)
  };
  Kind kind = Kind::Seq;
  std::string text;
  bool user_text = false;
  std::vector<Frag> parts;

  static Frag lit(std::string s, bool user = false) {
    Frag f;
    f.kind = Kind::Text;
    f.text = std::move(s);
    f.user_text = user;
    return f;
  }
  static Frag of(Kind kind, std::vector<Frag> parts = {}) {
    Frag f;
    f.kind = kind;
    f.parts = std::move(parts);
    return f;
  }
  Frag& add(Frag f) {
    parts.push_back(std::move(f));
    return *this;
  }
  Frag& add(std::string s) { return add(lit(std::move(s))); }
};

std::string render(const Frag& f);

// Go's strconv.Quote for template string literals (valid UTF-8 is kept as is).
std::string go_quote(const std::string& s);

// Shrinking: the candidate edits of a tree, in pre-order, and the tree with one applied.
// Edit k of the list returned by edits(); each yields a strictly smaller rendering.
struct Edit {
  std::vector<std::size_t> path;  // child indices from the root
  enum class Op : std::uint8_t { Drop, Hoist, Constant, HalveText } op;
  std::size_t arg = 0;  // Hoist: which descendant Expr (pre-order); Constant: which constant
};
std::vector<Edit> edits(const Frag& root);
Frag apply(const Frag& root, const Edit& edit);

}  // namespace capstan::fuzz
