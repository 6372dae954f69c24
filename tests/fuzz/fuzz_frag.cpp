// Rendering and structural shrinking of fragment trees (see fuzz_frag.h).
#include "tests/fuzz/fuzz_frag.h"

#include <cstdio>

namespace capstan::fuzz {

namespace {

const char* const kConstants[] = {"1", "\"x\"", "."};

void render_to(const Frag& f, std::string& out) {
  switch (f.kind) {
    case Frag::Kind::Text: out += f.text; return;
    case Frag::Kind::Quoted: {
      std::string inner;
      for (const Frag& p : f.parts) render_to(p, inner);
      out += go_quote(inner);
      return;
    }
    default:
      for (const Frag& p : f.parts) render_to(p, out);
  }
}

void descendant_exprs(const Frag& f, std::vector<const Frag*>& out) {
  for (const Frag& p : f.parts) {
    if (p.kind == Frag::Kind::Expr) out.push_back(&p);
    // Inside a quoted text operands belong to another template: not hoistable out of it.
    if (p.kind != Frag::Kind::Quoted) descendant_exprs(p, out);
  }
}

void collect(const Frag& f, std::vector<std::size_t>& path, std::vector<Edit>& out) {
  switch (f.kind) {
    case Frag::Kind::Stmt: out.push_back({path, Edit::Op::Drop, 0}); break;
    case Frag::Kind::Expr: {
      std::vector<const Frag*> inner;
      descendant_exprs(f, inner);
      for (std::size_t i = 0; i < inner.size() && i < 6; ++i) out.push_back({path, Edit::Op::Hoist, i});
      const std::size_t size = render(f).size();
      for (std::size_t i = 0; i < 3; ++i) {
        if (std::string(kConstants[i]).size() < size) out.push_back({path, Edit::Op::Constant, i});
      }
      break;
    }
    case Frag::Kind::Text:
      if (f.user_text && f.text.size() > 1) out.push_back({path, Edit::Op::HalveText, 0});
      break;
    default: break;
  }
  for (std::size_t i = 0; i < f.parts.size(); ++i) {
    path.push_back(i);
    collect(f.parts[i], path, out);
    path.pop_back();
  }
}

}  // namespace

std::string render(const Frag& f) {
  std::string out;
  render_to(f, out);
  return out;
}

std::string go_quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::vector<Edit> edits(const Frag& root) {
  std::vector<Edit> out;
  std::vector<std::size_t> path;
  collect(root, path, out);
  return out;
}

Frag apply(const Frag& root, const Edit& edit) {
  Frag copy = root;
  Frag* node = &copy;
  for (std::size_t i : edit.path) node = &node->parts[i];
  switch (edit.op) {
    case Edit::Op::Drop: *node = Frag::of(Frag::Kind::Seq); break;
    case Edit::Op::Hoist: {
      std::vector<const Frag*> inner;
      descendant_exprs(*node, inner);
      Frag chosen = *inner[edit.arg];
      *node = std::move(chosen);
      break;
    }
    case Edit::Op::Constant: *node = Frag::of(Frag::Kind::Seq, {Frag::lit(kConstants[edit.arg])}); break;
    case Edit::Op::HalveText: node->text.resize(node->text.size() / 2); break;
  }
  return copy;
}

}  // namespace capstan::fuzz
