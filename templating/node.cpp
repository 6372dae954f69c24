// Node printing as Go's String() methods.
#include "templating/node.h"

#include "core/strconv.h"
#include "templating/unicode.h"

namespace capstan::templating {

namespace {

std::vector<std::string> split_dots(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    out.emplace_back(s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

}  // namespace

std::string Node::str() const {
  std::string out;
  write_to(out);
  return out;
}

void ListNode::write_to(std::string& out) const {
  for (const NodePtr& n : nodes) n->write_to(out);
}

void TextNode::write_to(std::string& out) const { out += text; }

void CommentNode::write_to(std::string& out) const {
  out += "{{";
  out += text;
  out += "}}";
}

VariableNode::VariableNode(std::size_t p, const Source* s, std::string_view i)
    : Node(NodeType::Variable, p, s), ident(split_dots(i)) {}

void VariableNode::write_to(std::string& out) const {
  for (std::size_t i = 0; i < ident.size(); ++i) {
    if (i > 0) out += '.';
    out += ident[i];
  }
}

void CommandNode::write_to(std::string& out) const {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += ' ';
    if (args[i]->type == NodeType::Pipe) {
      out += '(';
      args[i]->write_to(out);
      out += ')';
      continue;
    }
    args[i]->write_to(out);
  }
}

void PipeNode::write_to(std::string& out) const {
  if (!decl.empty()) {
    for (std::size_t i = 0; i < decl.size(); ++i) {
      if (i > 0) out += ", ";
      decl[i]->write_to(out);
    }
    // Go's PipeNode.String prints " := " for assignments too.
    out += " := ";
  }
  for (std::size_t i = 0; i < cmds.size(); ++i) {
    if (i > 0) out += " | ";
    cmds[i]->write_to(out);
  }
}

void ActionNode::write_to(std::string& out) const {
  out += "{{";
  pipe->write_to(out);
  out += "}}";
}

void IdentifierNode::write_to(std::string& out) const { out += ident; }
void DotNode::write_to(std::string& out) const { out += '.'; }
void NilNode::write_to(std::string& out) const { out += "nil"; }

FieldNode::FieldNode(std::size_t p, const Source* s, std::string_view i)
    : Node(NodeType::Field, p, s), ident(split_dots(i.substr(1))) {}

void FieldNode::write_to(std::string& out) const {
  for (const std::string& id : ident) {
    out += '.';
    out += id;
  }
}

void ChainNode::add(std::string_view f) { field.emplace_back(f.substr(1)); }

void ChainNode::write_to(std::string& out) const {
  if (node->type == NodeType::Pipe) {
    out += '(';
    node->write_to(out);
    out += ')';
  } else {
    node->write_to(out);
  }
  for (const std::string& f : field) {
    out += '.';
    out += f;
  }
}

void BoolNode::write_to(std::string& out) const { out += value ? "true" : "false"; }
void NumberNode::write_to(std::string& out) const { out += text; }
void StringNode::write_to(std::string& out) const { out += quoted; }

void BranchNode::write_to(std::string& out) const {
  out += "{{";
  out += type == NodeType::If ? "if" : type == NodeType::Range ? "range" : "with";
  out += ' ';
  pipe->write_to(out);
  out += "}}";
  list->write_to(out);
  if (else_list) {
    out += "{{else}}";
    else_list->write_to(out);
  }
  out += "{{end}}";
}

void TemplateNode::write_to(std::string& out) const {
  out += "{{template ";
  out += strconv::quote(name);
  if (pipe) {
    out += ' ';
    pipe->write_to(out);
  }
  out += "}}";
}

void KeywordNode::write_to(std::string& out) const {
  switch (type) {
    case NodeType::Break: out += "{{break}}"; break;
    case NodeType::Continue: out += "{{continue}}"; break;
    case NodeType::Else: out += "{{else}}"; break;
    default: out += "{{end}}"; break;
  }
}

bool is_empty_tree(const Node* n) {
  if (n == nullptr) return true;
  switch (n->type) {
    case NodeType::Comment: return true;
    case NodeType::List:
      for (const NodePtr& c : static_cast<const ListNode*>(n)->nodes) {
        if (!is_empty_tree(c.get())) return false;
      }
      return true;
    case NodeType::Text: {
      // bytes.TrimSpace leaves nothing: every rune is Unicode white space.
      std::string_view t = static_cast<const TextNode*>(n)->text;
      while (!t.empty()) {
        const auto d = strconv::decode_rune(t);
        if (!unicode::is_space(d.rune) || (d.rune == 0xFFFD && d.width == 1)) return false;
        t.remove_prefix(static_cast<std::size_t>(d.width));
      }
      return true;
    }
    default: return false;
  }
}

}  // namespace capstan::templating
