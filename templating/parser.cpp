// The parser: Go's parse.go facts (three-token lookahead, variable scoping, else-if/else-with
// chains, define/block trees, break/continue inside range, error texts), one method per rule.
#include "templating/parser.h"

#include <cmath>
#include <vector>

#include "core/strconv.h"
#include "templating/gofmt.h"
#include "templating/lexer.h"

namespace capstan::templating {

namespace {

constexpr int kMaxStackDepth = 10000;     // nested parenthesized expressions
constexpr std::size_t kMaxPipelineCmds = 100000;

[[noreturn]] void fail(const std::string& message) { throw ParseError(message); }

class TreeParser {
 public:
  TreeParser(std::string name, std::shared_ptr<const Source> source, Lexer& lex, TreeSet& set,
             const ParseOptions& options)
      : name_(std::move(name)), source_(std::move(source)), lex_(lex), set_(set), options_(options) {}

  // Go's Tree.Parse body: parse(), then add().
  void parse_top() {
    parse();
    add();
  }

 private:
  const Source* src() const { return source_.get(); }

  // Token stream with Go's three-token lookahead.
  Item next() {
    if (peek_count_ > 0) {
      --peek_count_;
    } else {
      token_[0] = lex_.next_item();
    }
    return token_[peek_count_];
  }
  void backup() { ++peek_count_; }
  void backup2(const Item& t1) {
    token_[1] = t1;
    peek_count_ = 2;
  }
  void backup3(const Item& t2, const Item& t1) {
    token_[1] = t1;
    token_[2] = t2;
    peek_count_ = 3;
  }
  Item peek() {
    if (peek_count_ > 0) return token_[peek_count_ - 1];
    peek_count_ = 1;
    token_[0] = lex_.next_item();
    return token_[0];
  }
  Item next_non_space() {
    Item t;
    do {
      t = next();
    } while (t.type == ItemType::Space);
    return t;
  }
  Item peek_non_space() {
    Item t = next_non_space();
    backup();
    return t;
  }

  [[noreturn]] void errorf(const std::string& message) {
    fail("template: " + source_->name + ":" + std::to_string(token_[0].line) + ": " + message);
  }

  Item expect(ItemType expected, std::string_view context) {
    Item t = next_non_space();
    if (t.type != expected) unexpected(t, context);
    return t;
  }

  Item expect_one_of(ItemType a, ItemType b, std::string_view context) {
    Item t = next_non_space();
    if (t.type != a && t.type != b) unexpected(t, context);
    return t;
  }

  [[noreturn]] void unexpected(const Item& token, std::string_view context) {
    if (token.type == ItemType::Error) {
      std::string extra;
      if (action_line_ != 0 && action_line_ != token.line) {
        extra = " in action started at " + source_->name + ":" + std::to_string(action_line_);
        if (token.val.size() >= 7 && token.val.substr(token.val.size() - 7) == " action") {
          extra = extra.substr(10);  // avoid "action in action"
        }
      }
      errorf(token.str() + extra);
    }
    errorf("unexpected " + token.str() + " in " + std::string(context));
  }

  bool has_function(std::string_view name) const {
    return options_.has_function && options_.has_function(name);
  }

  void add() {
    auto it = set_.find(name_);
    if (it == set_.end() || is_empty_tree(it->second->root.get())) {
      auto tree = std::make_shared<Tree>();
      tree->name = name_;
      tree->source = source_;
      tree->root = std::move(root_);
      set_.insert_or_assign(name_, std::move(tree));
      return;
    }
    if (!is_empty_tree(root_.get())) {
      errorf("template: multiple definition of template " + strconv::quote(name_));
    }
  }

  void parse() {
    root_ = std::make_unique<ListNode>(peek().pos, src());
    while (peek().type != ItemType::Eof) {
      if (peek().type == ItemType::LeftDelim) {
        Item delim = next();
        if (next_non_space().type == ItemType::Define) {
          TreeParser def("definition", source_, lex_, set_, options_);
          def.parse_definition();
          continue;
        }
        backup2(delim);
      }
      NodePtr n = text_or_action();
      if (n->type == NodeType::End || n->type == NodeType::Else) {
        errorf("unexpected " + n->str());
      }
      root_->nodes.push_back(std::move(n));
    }
  }

  void parse_definition() {
    constexpr std::string_view context = "define clause";
    Item name = expect_one_of(ItemType::String, ItemType::RawString, context);
    auto unquoted = strconv::unquote(name.val);
    if (!unquoted) errorf("invalid syntax");
    name_ = *unquoted;
    expect(ItemType::RightDelim, context);
    NodePtr end;
    root_ = item_list(end);
    if (end->type != NodeType::End) errorf("unexpected " + end->str() + " in " + std::string(context));
    add();
  }

  std::unique_ptr<ListNode> item_list(NodePtr& next_node) {
    auto list = std::make_unique<ListNode>(peek_non_space().pos, src());
    while (peek_non_space().type != ItemType::Eof) {
      NodePtr n = text_or_action();
      if (n->type == NodeType::End || n->type == NodeType::Else) {
        next_node = std::move(n);
        return list;
      }
      list->nodes.push_back(std::move(n));
    }
    errorf("unexpected EOF");
  }

  NodePtr text_or_action() {
    Item token = next_non_space();
    switch (token.type) {
      case ItemType::Text: return std::make_unique<TextNode>(token.pos, src(), token.val);
      case ItemType::LeftDelim: {
        action_line_ = token.line;
        NodePtr n = action();
        action_line_ = 0;
        return n;
      }
      case ItemType::Comment: return std::make_unique<CommentNode>(token.pos, src(), token.val);
      default: unexpected(token, "input");
    }
  }

  NodePtr action() {
    Item token = next_non_space();
    switch (token.type) {
      case ItemType::Block: return block_control();
      case ItemType::Break: return break_control(token, NodeType::Break, "{{break}}");
      case ItemType::Continue: return break_control(token, NodeType::Continue, "{{continue}}");
      case ItemType::Else: return else_control();
      case ItemType::End: return std::make_unique<KeywordNode>(NodeType::End, expect(ItemType::RightDelim, "end").pos, src(), 0);
      case ItemType::If: return branch_control(NodeType::If, "if");
      case ItemType::Range: return branch_control(NodeType::Range, "range");
      case ItemType::Template: return template_control();
      case ItemType::With: return branch_control(NodeType::With, "with");
      default: break;
    }
    backup();
    Item t = peek();
    // Do not pop variables; they persist until "end".
    return std::make_unique<ActionNode>(t.pos, src(), t.line, pipeline("command", ItemType::RightDelim));
  }

  NodePtr break_control(const Item& token, NodeType type, std::string_view context) {
    Item t = next_non_space();
    if (t.type != ItemType::RightDelim) unexpected(t, context);
    if (range_depth_ == 0) errorf(std::string(context) + " outside {{range}}");
    return std::make_unique<KeywordNode>(type, token.pos, src(), token.line);
  }

  // The pipeline's declarations, "$x :=", "$x =" or "$i, $v :=".
  [[gnu::noinline]] void pipeline_decls(PipeNode* pipe, std::string_view context) {
  decls:
    if (Item v = peek_non_space(); v.type == ItemType::Variable) {
      next();
      // "$x foo" needs the token after the variable to tell an argument from a declaration.
      Item token_after_variable = peek();
      Item nxt = peek_non_space();
      if (nxt.type == ItemType::Assign || nxt.type == ItemType::Declare) {
        pipe->is_assign = nxt.type == ItemType::Assign;
        next_non_space();
        pipe->decl.push_back(std::make_unique<VariableNode>(v.pos, src(), v.val));
        vars_.emplace_back(v.val);
      } else if (nxt.type == ItemType::Char && nxt.val == ",") {
        next_non_space();
        pipe->decl.push_back(std::make_unique<VariableNode>(v.pos, src(), v.val));
        vars_.emplace_back(v.val);
        if (context == "range" && pipe->decl.size() < 2) {
          switch (peek_non_space().type) {
            case ItemType::Variable:
            case ItemType::RightDelim:
            case ItemType::RightParen: goto decls;  // second initialized variable in a range
            default: errorf("range can only initialize variables");
          }
        }
        errorf("too many declarations in " + std::string(context));
      } else if (token_after_variable.type == ItemType::Space) {
        backup3(v, token_after_variable);
      } else {
        backup2(v);
      }
    }
  }

  // Parenthesised pipelines recurse through pipeline, command, operand and term, up to
  // kMaxStackDepth levels deep; everything off that path lives in functions of its own
  // (never inlined) so each level's frames stay small, above all under AddressSanitizer.
  std::unique_ptr<PipeNode> pipeline(std::string_view context, ItemType end) {
    Item token = peek_non_space();
    auto pipe = std::make_unique<PipeNode>(token.pos, src(), token.line);
    pipeline_decls(pipe.get(), context);
    while (true) {
      Item t = next_non_space();
      if (t.type == end) {
        check_pipeline(*pipe, context);
        return pipe;
      }
      switch (t.type) {
        case ItemType::Bool:
        case ItemType::CharConstant:
        case ItemType::Complex:
        case ItemType::Dot:
        case ItemType::Field:
        case ItemType::Identifier:
        case ItemType::Number:
        case ItemType::Nil:
        case ItemType::RawString:
        case ItemType::String:
        case ItemType::Variable:
        case ItemType::LeftParen:
          backup();
          pipe->cmds.push_back(command());
          if (pipe->cmds.size() > kMaxPipelineCmds) errorf("pipeline too long");
          break;
        default: unexpected(t, context);
      }
    }
  }

  [[gnu::noinline]] void check_pipeline(const PipeNode& pipe, std::string_view context) {
    if (pipe.cmds.empty()) errorf("missing value for " + std::string(context));
    for (std::size_t i = 1; i < pipe.cmds.size(); ++i) {
      switch (pipe.cmds[i]->args[0]->type) {
        case NodeType::Bool:
        case NodeType::Dot:
        case NodeType::Nil:
        case NodeType::Number:
        case NodeType::String:
          errorf("non executable command in pipeline stage " + std::to_string(i + 1));
        default: break;
      }
    }
  }

  // if/range/with: the pipeline, the list, and an optional else (or else-if / else-with chain).
  NodePtr branch_control(NodeType type, std::string_view context) {
    const std::size_t vars_mark = vars_.size();
    auto pipe = pipeline(context, ItemType::RightDelim);
    if (type == NodeType::Range) ++range_depth_;
    NodePtr next_node;
    auto list = item_list(next_node);
    if (type == NodeType::Range) --range_depth_;
    std::unique_ptr<ListNode> else_list;
    if (next_node->type == NodeType::Else) {
      // {{if a}}_{{else if b}}_{{end}} is {{if a}}_{{else}}{{if b}}_{{end}}{{end}}; the same for
      // with. elseControl left the "if"/"with" token pending.
      if (context == "if" && peek().type == ItemType::If) {
        next();
        else_list = std::make_unique<ListNode>(next_node->pos, src());
        else_list->nodes.push_back(branch_control(NodeType::If, "if"));
      } else if (context == "with" && peek().type == ItemType::With) {
        next();
        else_list = std::make_unique<ListNode>(next_node->pos, src());
        else_list->nodes.push_back(branch_control(NodeType::With, "with"));
      } else {
        else_list = item_list(next_node);
        if (next_node->type != NodeType::End) errorf("expected end; found " + next_node->str());
      }
    }
    vars_.resize(vars_mark);
    auto node = std::make_unique<BranchNode>(type, pipe->pos, src(), pipe->line);
    node->pipe = std::move(pipe);
    node->list = std::move(list);
    node->else_list = std::move(else_list);
    return node;
  }

  NodePtr else_control() {
    Item p = peek_non_space();
    // "{{else if ..." and "{{else with ..." are treated as "{{else}}{{if ..." and
    // "{{else}}{{with ...": return the else node here.
    if (p.type == ItemType::If || p.type == ItemType::With) {
      return std::make_unique<KeywordNode>(NodeType::Else, p.pos, src(), p.line);
    }
    Item t = expect(ItemType::RightDelim, "else");
    return std::make_unique<KeywordNode>(NodeType::Else, t.pos, src(), t.line);
  }

  NodePtr block_control() {
    constexpr std::string_view context = "block clause";
    Item token = next_non_space();
    std::string name = parse_template_name(token, context);
    auto pipe = pipeline(context, ItemType::RightDelim);
    TreeParser block(name, source_, lex_, set_, options_);
    NodePtr end;
    block.root_ = block.item_list(end);
    if (end->type != NodeType::End) errorf("unexpected " + end->str() + " in " + std::string(context));
    block.add();
    return std::make_unique<TemplateNode>(token.pos, src(), token.line, name, std::move(pipe));
  }

  NodePtr template_control() {
    constexpr std::string_view context = "template clause";
    Item token = next_non_space();
    std::string name = parse_template_name(token, context);
    std::unique_ptr<PipeNode> pipe;
    if (next_non_space().type != ItemType::RightDelim) {
      backup();
      // Do not pop variables; they persist until "end".
      pipe = pipeline(context, ItemType::RightDelim);
    }
    return std::make_unique<TemplateNode>(token.pos, src(), token.line, name, std::move(pipe));
  }

  std::string parse_template_name(const Item& token, std::string_view context) {
    if (token.type == ItemType::String || token.type == ItemType::RawString) {
      auto s = strconv::unquote(token.val);
      if (!s) errorf("invalid syntax");
      return *s;
    }
    unexpected(token, context);
  }

  std::unique_ptr<CommandNode> command() {
    auto cmd = std::make_unique<CommandNode>(peek_non_space().pos, src());
    while (true) {
      peek_non_space();  // skip leading spaces
      if (NodePtr operand = this->operand()) cmd->args.push_back(std::move(operand));
      Item token = next();
      if (token.type == ItemType::Space) continue;
      if (token.type == ItemType::RightDelim || token.type == ItemType::RightParen) {
        backup();
      } else if (token.type != ItemType::Pipe) {
        unexpected(token, "operand");
      }
      break;
    }
    if (cmd->args.empty()) errorf("empty command");
    return cmd;
  }

  NodePtr operand() {
    NodePtr node = term();
    if (!node) return nullptr;
    if (peek().type == ItemType::Field) return field_chain(std::move(node));
    return node;
  }

  // A term followed by fields: a longer field or variable, or a ChainNode.
  [[gnu::noinline]] NodePtr field_chain(NodePtr node) {
    auto chain = std::make_unique<ChainNode>(peek().pos, src(), nullptr);
    std::string text;  // the chain's String(), for the Field/Variable forms
    while (peek().type == ItemType::Field) chain->add(next().val);
    // Compatibility with Go's API: fields on a field or variable extend it; literals can't
    // take fields; anything else keeps the chain.
    switch (node->type) {
      case NodeType::Field:
      case NodeType::Variable: {
        chain->node = std::move(node);
        text = chain->str();
        if (chain->node->type == NodeType::Field) {
          return std::make_unique<FieldNode>(chain->pos, src(), text);
        }
        return std::make_unique<VariableNode>(chain->pos, src(), text);
      }
      case NodeType::Bool:
      case NodeType::String:
      case NodeType::Number:
      case NodeType::Nil:
      case NodeType::Dot:
        errorf("unexpected . after term " + strconv::quote(node->str()));
      default:
        chain->node = std::move(node);
        return chain;
    }
  }

  NodePtr term() {
    Item token = next_non_space();
    if (token.type != ItemType::LeftParen) return literal_term(token);
    if (stack_depth_ >= kMaxStackDepth) errorf("max expression depth exceeded");
    ++stack_depth_;
    auto p = pipeline("parenthesized pipeline", ItemType::RightParen);
    --stack_depth_;
    return p;
  }

  // Every term but a parenthesised pipeline; nullptr (the token put back) when not a term.
  [[gnu::noinline]] NodePtr literal_term(const Item& token) {
    switch (token.type) {
      case ItemType::Identifier:
        if (!options_.skip_func_check && !has_function(token.val)) {
          errorf("function " + strconv::quote(token.val) + " not defined");
        }
        return std::make_unique<IdentifierNode>(token.pos, src(), token.val);
      case ItemType::Dot: return std::make_unique<DotNode>(token.pos, src());
      case ItemType::Nil: return std::make_unique<NilNode>(token.pos, src());
      case ItemType::Variable: return use_var(token.pos, token.val);
      case ItemType::Field: return std::make_unique<FieldNode>(token.pos, src(), token.val);
      case ItemType::Bool: return std::make_unique<BoolNode>(token.pos, src(), token.val == "true");
      case ItemType::CharConstant:
      case ItemType::Complex:
      case ItemType::Number: return new_number(token);
      case ItemType::String:
      case ItemType::RawString: {
        auto s = strconv::unquote(token.val);
        if (!s) errorf("invalid syntax");
        return std::make_unique<StringNode>(token.pos, src(), token.val, std::move(*s));
      }
      default: break;
    }
    backup();
    return nullptr;
  }

  NodePtr use_var(std::size_t pos, std::string_view name) {
    auto v = std::make_unique<VariableNode>(pos, src(), name);
    for (const std::string& var : vars_) {
      if (var == v->ident[0]) return v;
    }
    errorf("undefined variable " + strconv::quote(v->ident[0]));
  }

  // Go's newNumber: the value under every type that represents it.
  NodePtr new_number(const Item& token) {
    auto n = std::make_unique<NumberNode>(token.pos, src(), token.val);
    const std::string_view text = token.val;
    if (token.type == ItemType::CharConstant) {
      auto c = strconv::unquote_char(text.substr(1), text[0]);
      if (!c) errorf("invalid syntax");
      if (c->tail != "'") errorf("malformed character constant: " + std::string(text));
      n->int64 = c->value;
      n->is_int = true;
      n->uint64 = static_cast<std::uint64_t>(c->value);
      n->is_uint = true;
      n->float64 = c->value;  // odd but those are the rules
      n->is_float = true;
      return n;
    }
    if (token.type == ItemType::Complex) {
      // "re+imi": split at the sign that starts the imaginary part.
      std::size_t split = std::string_view::npos;
      for (std::size_t i = text.size() - 1; i > 0; --i) {
        if ((text[i] == '+' || text[i] == '-') && text[i - 1] != 'e' && text[i - 1] != 'E' &&
            text[i - 1] != 'p' && text[i - 1] != 'P') {
          split = i;
          break;
        }
      }
      if (split == std::string_view::npos) errorf("expected integer");
      auto re = strconv::parse_float(text.substr(0, split));
      auto im = strconv::parse_float(text.substr(split, text.size() - split - 1));
      if (!re.ok() || !im.ok()) errorf("expected integer");
      n->is_complex = true;
      n->complex_real = re.value;
      n->complex_imag = im.value;
      simplify_complex(*n);
      return n;
    }
    if (!text.empty() && text.back() == 'i') {
      auto f = strconv::parse_float(text.substr(0, text.size() - 1));
      if (f.ok()) {
        n->is_complex = true;
        n->complex_real = 0;
        n->complex_imag = f.value;
        simplify_complex(*n);
        return n;
      }
    }
    auto u = strconv::parse_uint(text, 0, 64);
    if (u.ok()) {
      n->is_uint = true;
      n->uint64 = u.value;
    }
    auto i = strconv::parse_int(text, 0, 64);
    if (i.ok()) {
      n->is_int = true;
      n->int64 = i.value;
      if (i.value == 0) {
        n->is_uint = true;  // in case of -0
        n->uint64 = u.value;
      }
    }
    if (n->is_int) {
      n->is_float = true;
      n->float64 = static_cast<double>(n->int64);
    } else if (n->is_uint) {
      n->is_float = true;
      n->float64 = static_cast<double>(n->uint64);
    } else {
      auto f = strconv::parse_float(text, 64);
      if (f.ok()) {
        // Parsed as a float but looks like an integer: too large for an int.
        if (text.find_first_of(".eEpP") == std::string_view::npos) {
          errorf("integer overflow: " + strconv::quote(text));
        }
        n->is_float = true;
        n->float64 = f.value;
        if (!n->is_int && fits_int64(f.value)) {
          n->is_int = true;
          n->int64 = static_cast<std::int64_t>(f.value);
        }
        if (!n->is_uint && fits_uint64(f.value)) {
          n->is_uint = true;
          n->uint64 = static_cast<std::uint64_t>(f.value);
        }
      }
    }
    if (!n->is_int && !n->is_uint && !n->is_float) {
      errorf("illegal number syntax: " + strconv::quote(text));
    }
    return n;
  }

  // float64(int64(f)) == f, without C++'s undefined conversion of out-of-range values.
  static bool fits_int64(double f) {
    return f >= -9223372036854775808.0 && f < 9223372036854775808.0 &&
           static_cast<double>(static_cast<std::int64_t>(f)) == f;
  }
  static bool fits_uint64(double f) {
    return f >= 0 && f < 18446744073709551616.0 &&
           static_cast<double>(static_cast<std::uint64_t>(f)) == f;
  }

  static void simplify_complex(NumberNode& n) {
    n.is_float = n.complex_imag == 0;
    if (n.is_float) {
      n.float64 = n.complex_real;
      n.is_int = fits_int64(n.float64);
      if (n.is_int) n.int64 = static_cast<std::int64_t>(n.float64);
      n.is_uint = fits_uint64(n.float64);
      if (n.is_uint) n.uint64 = static_cast<std::uint64_t>(n.float64);
    }
  }

  std::string name_;
  std::shared_ptr<const Source> source_;
  Lexer& lex_;
  TreeSet& set_;
  const ParseOptions& options_;
  std::unique_ptr<ListNode> root_;
  Item token_[3];
  int peek_count_ = 0;
  std::vector<std::string> vars_{"$"};
  int action_line_ = 0;
  int range_depth_ = 0;
  int stack_depth_ = 0;
};

}  // namespace

TreeSet parse(std::string_view name, std::string text, const ParseOptions& options) {
  auto source = std::make_shared<Source>();
  source->name = std::string(name);
  source->text = std::move(text);
  LexOptions lex_options;
  lex_options.emit_comment = options.parse_comments;
  lex_options.break_ok = !(options.has_function && options.has_function("break"));
  lex_options.continue_ok = !(options.has_function && options.has_function("continue"));
  Lexer lex(source->text, "{{", "}}", lex_options);
  TreeSet set;
  TreeParser top(std::string(name), source, lex, set, options);
  top.parse_top();
  return set;
}

}  // namespace capstan::templating
