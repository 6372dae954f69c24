// The executor's walk and evaluation: Go's exec.go facts (variable scoping, range/with/if
// semantics, field and map access with missingkey, nil handling, error positions and texts).
#include "templating/exec.h"

#include <pthread.h>

#include <algorithm>

#include "core/strconv.h"
#include "templating/gofmt.h"
#include "templating/object.h"

namespace capstan::templating {

namespace {

// Go's maxExecDepth: nesting of {{template}} calls.
constexpr int kMaxExecDepth = 100000;

// A Go-kind view of a value: objects of named types behave as their underlying data.
const Value& data_of(const Value& v) {
  if (const GoObject* o = as_go_object(v); o != nullptr && o->is_named()) return o->underlying();
  return v;
}

std::string static_type_name(const Val& v) {
  if (!v.valid) return "<invalid reflect.Value>";
  if (v.v.is_null()) return std::string(v.nil_type);
  if (v.iface) return "interface {}";
  return type_name(v.v);
}

// Go's %v of a reflect.Value in messages ("range can't iterate over %v").
std::string sprint_val(const Val& v) {
  if (!v.valid) return "<invalid reflect.Value>";
  if (v.v.is_null()) return "<nil>";
  return gofmt::sprint({v.v});
}

// The value of an element in a slot of type `elem` (interface slots can hold nil).
Val slot(const Value& v, std::string_view elem) {
  Val r(v);
  if (v.is_null()) {
    r.nil_type = elem;
  } else {
    r.iface = elem == "interface {}";
  }
  return r;
}

std::uintptr_t frame_address() {
  return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
}

thread_local std::size_t tl_execution_stack = 0;

// The usable size of the current thread's stack (or of the big stack it runs on).
std::size_t thread_stack_size() {
  if (tl_execution_stack != 0) return tl_execution_stack;
  pthread_attr_t attr;
  std::size_t size = 8u << 20;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstacksize(&attr, &size);
    pthread_attr_destroy(&attr);
  }
  return size;
}

// A complex128 constant: printed as Go's %v prints one, "(1+2i)".
Value complex_value(double re, double im) {
  static const std::shared_ptr<const GoTypeInfo> type = [] {
    auto t = std::make_shared<GoTypeInfo>();
    t->name = "complex128";
    t->json_unsupported = true;
    t->string = [](const GoObject& o) {
      const auto& parts = std::any_cast<const std::pair<double, double>&>(o.payload());
      std::string im = strconv::format_float(parts.second, 'g', -1);
      if (im[0] != '-' && im[0] != '+') im.insert(im.begin(), '+');
      return "(" + strconv::format_float(parts.first, 'g', -1) + im + "i)";
    };
    return std::shared_ptr<const GoTypeInfo>(t);
  }();
  return GoObject::make_struct(type, {}, std::make_pair(re, im));
}

}  // namespace

void set_execution_stack_size(std::size_t size) { tl_execution_stack = size; }

bool is_true(const Val& val, bool& ok) {
  ok = true;
  if (!val.valid) return false;
  const Value& v = data_of(val.v);
  switch (v.kind()) {
    case Value::Kind::Null: return false;  // nil interface, map, slice or pointer
    case Value::Kind::Bool: return v.as_bool();
    case Value::Kind::Int: return v.as_int() != 0;
    case Value::Kind::Uint: return v.as_uint() != 0;
    case Value::Kind::Float: return v.as_float() != 0;
    case Value::Kind::String:
    case Value::Kind::Bytes: return !v.as_string().empty();
    case Value::Kind::List: return !v.list().items.empty();
    case Value::Kind::Map: return !v.map().entries.empty();
    case Value::Kind::Object: return true;  // structs are always true; pointers are non-nil
  }
  ok = false;
  return false;
}

Exec::Exec(const TemplateSet& set, std::string& out, ExecShared& shared)
    : set_(set), out_(out), shared_(shared) {
  if (shared_.stack_base == 0) {
    shared_.stack_base = frame_address();
    const std::size_t size = thread_stack_size();
    // Leave room below the budget for the frames of one evaluation step and the error path
    // (sanitizer builds use far bigger frames).
    shared_.stack_budget = size > (2u << 20) ? size - (1536u << 10) : size / 2;
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer cannot unwind an exception through a stack of hundreds of megabytes
    // (it reports false positives), and its frames are several times larger anyway.
    shared_.stack_budget = std::min<std::size_t>(shared_.stack_budget, std::size_t{48} << 20);
#endif
  }
}

void Exec::check_stack() {
  const std::uintptr_t here = frame_address();
  const std::uintptr_t base = shared_.stack_base;
  if (base > here && base - here > shared_.stack_budget) {
    // Go's own guard is a depth of 100000 nested templates; C++ frames run out earlier, so
    // report the same error where the stack would overflow.
    errorf("exceeded maximum template depth (" + std::to_string(kMaxExecDepth) + ")");
  }
}

void Exec::errorf(const std::string& message) {
  const std::string& name = tmpl_ != nullptr ? tmpl_->name : set_.name();
  std::string text = "template: ";
  if (node_ == nullptr) {
    text += name + ": " + message;
  } else {
    // Go's ErrorContext: PARSENAME:LINE:COL (column counted in bytes from 0).
    const Source& src = *node_->src;
    const std::string_view before = std::string_view(src.text).substr(0, node_->pos);
    const std::size_t nl = before.rfind('\n');
    const std::size_t col = nl == std::string_view::npos ? node_->pos : node_->pos - (nl + 1);
    const long line = 1 + std::count(before.begin(), before.end(), '\n');
    text += src.name + ":" + std::to_string(line) + ":" + std::to_string(col) + ": executing " +
            strconv::quote(name) + " at <" + node_->str() + ">: " + message;
  }
  throw TemplateError(text, true);
}

void Exec::run(const Tree& tree, const Value& data, bool data_valid) {
  check_stack();
  tmpl_ = &tree;
  Val dot = data_valid ? Val(data) : Val::invalid();
  vars_.clear();
  vars_.push_back({"$", dot});
  if (!tree.root) {
    node_ = nullptr;
    errorf(strconv::quote(tree.name) + " is an incomplete or empty template");
  }
  walk(dot, tree.root.get());
}

Exec::Flow Exec::walk_list(const Val& dot, const ListNode* list) {
  for (const NodePtr& n : list->nodes) {
    Flow f = walk(dot, n.get());
    if (f != Flow::Normal) return f;
  }
  return Flow::Normal;
}

Exec::Flow Exec::walk(const Val& dot, const Node* node) {
  at(node);
  switch (node->type) {
    case NodeType::Action: {
      // Variables declared by an action persist until the enclosing end; a declaration prints
      // nothing.
      const auto* action = static_cast<const ActionNode*>(node);
      Val val = eval_pipeline(dot, action->pipe.get());
      if (action->pipe->decl.empty()) print_value(node, val);
      return Flow::Normal;
    }
    case NodeType::Break: return Flow::Break;
    case NodeType::Continue: return Flow::Continue;
    case NodeType::Comment: return Flow::Normal;
    case NodeType::If:
    case NodeType::With:
      return walk_if_or_with(node->type, dot, static_cast<const BranchNode*>(node));
    case NodeType::List: return walk_list(dot, static_cast<const ListNode*>(node));
    case NodeType::Range: return walk_range(dot, static_cast<const BranchNode*>(node));
    case NodeType::Template: walk_template(dot, static_cast<const TemplateNode*>(node)); return Flow::Normal;
    case NodeType::Text: out_ += static_cast<const TextNode*>(node)->text; return Flow::Normal;
    default: errorf("unknown node: " + node->str());
  }
}

Exec::Flow Exec::walk_if_or_with(NodeType type, const Val& dot, const BranchNode* node) {
  const std::size_t mark = vars_.size();
  Val val = eval_pipeline(dot, node->pipe.get());
  bool ok;
  const bool truth = is_true(val, ok);
  if (!ok) errorf("if/with can't use " + sprint_val(val));
  Flow f = Flow::Normal;
  if (truth) {
    f = walk_list(type == NodeType::With ? val : dot, node->list.get());
  } else if (node->else_list) {
    f = walk_list(dot, node->else_list.get());
  }
  vars_.resize(mark);
  return f;
}

Exec::Flow Exec::walk_range(const Val& dot, const BranchNode* r) {
  at(r);
  const std::size_t outer_mark = vars_.size();
  Val val = eval_pipeline(dot, r->pipe.get());
  const std::size_t mark = vars_.size();
  const auto& decl = r->pipe->decl;
  bool stop = false;
  auto one_iteration = [&](const Val& index, const Val& elem) {
    if (!decl.empty()) {
      if (r->pipe->is_assign) {
        // With two variables the index comes first; with one, the element.
        set_var(decl[0]->ident[0], decl.size() > 1 ? index : elem);
      } else {
        vars_[vars_.size() - 1].value = elem;
      }
    }
    if (decl.size() > 1) {
      if (r->pipe->is_assign) {
        set_var(decl[1]->ident[0], elem);
      } else {
        vars_[vars_.size() - 2].value = index;
      }
    }
    Flow f = walk_list(elem, r->list.get());
    vars_.resize(mark);
    if (f == Flow::Break) stop = true;
  };

  const Value& v = val.valid ? data_of(val.v) : val.v;
  bool ran = false;
  if (val.valid) {
    switch (v.kind()) {
      case Value::Kind::Int:
      case Value::Kind::Uint: {
        // Go 1.22: range over an integer counts from 0, each value of the integer's type.
        if (decl.size() > 1) {
          errorf("can't use " + sprint_val(val) + " to iterate over more than one variable");
        }
        const bool is_signed = v.is_int();
        const std::uint64_t n = is_signed ? (v.as_int() > 0 ? static_cast<std::uint64_t>(v.as_int()) : 0) : v.as_uint();
        for (std::uint64_t i = 0; i < n && !stop; ++i) {
          ran = true;
          Val elem = is_signed ? Val(Value::integer(static_cast<std::int64_t>(i), v.num_type()))
                               : Val(Value::unsigned_integer(i, v.num_type()));
          one_iteration(Val::invalid(), elem);
        }
        break;
      }
      case Value::Kind::List: {
        // Keep the list alive while iterating: the body may replace the value it came from.
        const std::shared_ptr<List> list = v.list_ptr();
        const std::string_view elem_type = list->elem_type;
        for (std::size_t i = 0; i < list->items.size() && !stop; ++i) {
          ran = true;
          one_iteration(Val(Value(static_cast<int>(i))), slot(list->items[i], elem_type));
        }
        break;
      }
      case Value::Kind::Bytes: {
        const std::string bytes = v.as_string();
        for (std::size_t i = 0; i < bytes.size() && !stop; ++i) {
          ran = true;
          one_iteration(Val(Value(static_cast<int>(i))),
                        Val(Value::unsigned_integer(static_cast<unsigned char>(bytes[i]), NumType::Uint8)));
        }
        break;
      }
      case Value::Kind::Map: {
        const std::shared_ptr<Map> map = v.map_ptr();
        const std::string_view elem_type = map->elem_type;
        // Go ranges over a sorted snapshot of the keys.
        std::vector<std::pair<std::string, Value>> entries(map->entries.begin(), map->entries.end());
        for (const auto& [key, item] : entries) {
          if (stop) break;
          ran = true;
          one_iteration(Val(Value(key)), slot(item, elem_type));
        }
        break;
      }
      case Value::Kind::Null:
        break;  // a nil map or slice acts as empty
      default: errorf("range can't iterate over " + sprint_val(val));
    }
  }
  Flow flow = Flow::Normal;
  if (!ran && r->else_list) flow = walk_list(dot, r->else_list.get());
  vars_.resize(outer_mark);
  // walkRange's own recover consumes a break (the range is over anyway); a continue reaches
  // the enclosing range's iteration.
  return flow == Flow::Continue ? Flow::Continue : Flow::Normal;
}

void Exec::walk_template(const Val& dot, const TemplateNode* t) {
  at(t);
  const Tree* tmpl = set_.lookup(t->name);
  if (tmpl == nullptr) errorf("template " + strconv::quote(t->name) + " not defined");
  if (depth_ == kMaxExecDepth) {
    errorf("exceeded maximum template depth (" + std::to_string(kMaxExecDepth) + ")");
  }
  check_stack();
  // Variables declared by the pipeline persist.
  Val new_dot = eval_pipeline(dot, t->pipe.get());
  // No dynamic scoping: template invocations inherit no variables.
  std::vector<Variable> saved_vars;
  saved_vars.swap(vars_);
  vars_.push_back({"$", new_dot});
  const Tree* saved_tmpl = tmpl_;
  tmpl_ = tmpl;
  ++depth_;
  walk(new_dot, tmpl->root.get());
  --depth_;
  tmpl_ = saved_tmpl;
  vars_.swap(saved_vars);
}

Val Exec::eval_pipeline(const Val& dot, const PipeNode* pipe) {
  if (pipe == nullptr) return Val::invalid();
  at(pipe);
  Val value;
  bool have = false;
  for (const auto& cmd : pipe->cmds) {
    value = eval_command(dot, cmd.get(), have ? &value : nullptr);
    have = true;
    // A value of type interface {} is replaced by what it holds (a nil one by no value).
    if (value.is_nil_interface()) value = Val::invalid();
    value.iface = false;
  }
  for (const auto& variable : pipe->decl) {
    if (pipe->is_assign) {
      set_var(variable->ident[0], value);
    } else {
      vars_.push_back({variable->ident[0], value});
    }
  }
  return value;
}

void Exec::not_a_function(const std::vector<NodePtr>& args, std::size_t first, const Val* final) {
  if (args.size() > first + 1 || final != nullptr) {
    errorf("can't give argument to non-function " + args[first]->str());
  }
}

Val Exec::eval_command(const Val& dot, const CommandNode* cmd, const Val* final) {
  const Node* first = cmd->args[0].get();
  switch (first->type) {
    case NodeType::Field:
      return eval_field_node(dot, static_cast<const FieldNode*>(first), &cmd->args, final);
    case NodeType::Chain:
      return eval_chain_node(dot, static_cast<const ChainNode*>(first), &cmd->args, final);
    case NodeType::Identifier:
      return eval_function(dot, static_cast<const IdentifierNode*>(first), cmd, &cmd->args, final);
    case NodeType::Pipe:
      // A parenthesized pipeline takes no arguments.
      not_a_function(cmd->args, 0, final);
      return eval_pipeline(dot, static_cast<const PipeNode*>(first));
    case NodeType::Variable:
      return eval_variable_node(dot, static_cast<const VariableNode*>(first), &cmd->args, final);
    default: break;
  }
  at(first);
  not_a_function(cmd->args, 0, final);
  switch (first->type) {
    case NodeType::Bool: return Val(Value(static_cast<const BoolNode*>(first)->value));
    case NodeType::Dot: return dot;
    case NodeType::Nil: errorf("nil is not a command");
    case NodeType::Number: return ideal_constant(static_cast<const NumberNode*>(first));
    case NodeType::String: return Val(Value(static_cast<const StringNode*>(first)->text));
    default: break;
  }
  errorf("can't evaluate command " + strconv::quote(first->str()));
}

Val Exec::ideal_constant(const NumberNode* constant) {
  at(constant);
  const std::string& text = constant->text;
  const bool is_hex_int = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') &&
                          text.find_first_of("pP") == std::string::npos;
  const bool is_rune_int = !text.empty() && text[0] == '\'';
  if (constant->is_complex) return Val(complex_value(constant->complex_real, constant->complex_imag));
  if (constant->is_float && !is_hex_int && !is_rune_int &&
      text.find_first_of(".eEpP") != std::string::npos) {
    return Val(Value::floating(constant->float64));
  }
  if (constant->is_int) return Val(Value::integer(constant->int64, NumType::Int));
  if (constant->is_uint) errorf(text + " overflows int");
  return Val::invalid();
}

Val Exec::eval_field_node(const Val& dot, const FieldNode* field, const std::vector<NodePtr>* args,
                          const Val* final) {
  at(field);
  return eval_field_chain(dot, dot, field, field->ident, 0, args, final);
}

Val Exec::eval_chain_node(const Val& dot, const ChainNode* chain, const std::vector<NodePtr>* args,
                          const Val* final) {
  at(chain);
  if (chain->field.empty()) errorf("internal error: no fields in evalChainNode");
  if (chain->node->type == NodeType::Nil) {
    errorf("indirection through explicit nil in " + chain->str());
  }
  // (pipe).Field1.Field2: evaluate the pipeline, then the fields.
  Val pipe = eval_arg(dot, nullptr, chain->node.get());
  return eval_field_chain(dot, pipe, chain, chain->field, 0, args, final);
}

Val Exec::eval_variable_node(const Val& dot, const VariableNode* variable,
                             const std::vector<NodePtr>* args, const Val* final) {
  at(variable);
  Val value = var_value(variable->ident[0]);
  if (variable->ident.size() == 1) {
    if (args != nullptr) not_a_function(*args, 0, final);
    else if (final != nullptr) errorf("can't give argument to non-function " + variable->str());
    return value;
  }
  return eval_field_chain(dot, std::move(value), variable, variable->ident, 1, args, final);
}

Val Exec::eval_field_chain(const Val& dot, Val receiver, const Node* node,
                           const std::vector<std::string>& ident, std::size_t first,
                           const std::vector<NodePtr>* args, const Val* final) {
  const std::size_t n = ident.size();
  for (std::size_t i = first; i + 1 < n; ++i) {
    receiver = eval_field(dot, ident[i], node, nullptr, nullptr, receiver);
  }
  // Now if it's a method, it gets the arguments.
  return eval_field(dot, ident[n - 1], node, args, final, receiver);
}

Val Exec::eval_function(const Val& dot, const IdentifierNode* node, const Node* cmd,
                        const std::vector<NodePtr>* args, const Val* final) {
  at(node);
  const std::string& name = node->ident;
  // Template functions shadow the builtins (Go's findFunction looks at execFuncs first).
  if (const Function* fn = set_.funcs().find(name)) {
    return eval_call(dot, fn, nullptr, nullptr, cmd, name, args, final);
  }
  if (const Builtin* b = find_builtin(name)) {
    return eval_call(dot, nullptr, b, nullptr, cmd, name, args, final);
  }
  errorf(strconv::quote(name) + " is not a defined function");
}

Val Exec::eval_field(const Val& dot, const std::string& name, const Node* node,
                     const std::vector<NodePtr>* args, const Val* final, const Val& receiver) {
  if (!receiver.valid) {
    if (options().missing_key == MissingKey::Error) {
      errorf("nil data; no entry for key " + strconv::quote(name));
    }
    return Val::invalid();
  }
  if (receiver.v.is_null()) {
    // Calling a method on, or reading a field of, a nil interface or pointer.
    errorf("nil pointer evaluating " + static_type_name(receiver) + "." + name);
  }
  const GoObject* object = as_go_object(receiver.v);
  if (object != nullptr) {
    if (const Function* method = object->method(name)) {
      return eval_call(dot, method, nullptr, &receiver.v, node, name, args, final);
    }
  }
  const bool has_args = (args != nullptr && args->size() > 1) || final != nullptr;
  const Value& data = data_of(receiver.v);
  if (object != nullptr && !object->is_named()) {
    if (const Value* field = object->field(name)) {
      if (has_args) errorf(name + " has arguments but cannot be invoked as function");
      // Fields have concrete types; only a missing (nil) one reads as a nil interface.
      return field->is_null() ? slot(*field, "interface {}") : Val(*field);
    }
  } else if (data.is_map()) {
    if (has_args) errorf(name + " is not a method but has arguments");
    const Map& map = data.map();
    auto it = map.entries.find(name);
    if (it != map.entries.end()) return slot(it->second, map.elem_type);
    switch (options().missing_key) {
      case MissingKey::Default: return Val::invalid();
      case MissingKey::Zero: {
        const GoType elem = GoType::parse(map.elem_type);
        return slot(elem.zero(), map.elem_type);
      }
      case MissingKey::Error: errorf("map has no entry for key " + strconv::quote(name));
    }
  }
  errorf("can't evaluate field " + name + " in type " + static_type_name(receiver));
}

void Exec::print_value(const Node* node, const Val& v) {
  at(node);
  if (!v.valid || (v.v.is_null() && v.nil_type == "interface {}")) {
    out_ += "<no value>";
    return;
  }
  if (v.v.is_null()) {
    // A typed nil: Go prints the zero of its type (map[] or []).
    gofmt::append_print(out_, GoType::parse(v.nil_type).kind() == GoType::Kind::Map
                                  ? Value::empty_map()
                                  : Value::empty_list());
    return;
  }
  if (const GoObject* o = as_go_object(v.v)) {
    // printableValue: pointers are dereferenced (so &{..} prints as {..}) and addressable
    // values use String() declared on the pointer too.
    if (o->type().string) {
      out_ += o->type().string(*o);
      return;
    }
    if (o->is_pointer()) {
      std::string printed = gofmt::sprint({v.v});
      out_.append(printed, printed.empty() || printed[0] != '&' ? 0 : 1);
      return;
    }
  }
  gofmt::append_print(out_, v.v);
}

Val Exec::var_value(std::string_view name) {
  for (std::size_t i = vars_.size(); i-- > 0;) {
    if (vars_[i].name == name) return vars_[i].value;
  }
  errorf("undefined variable: " + std::string(name));
}

void Exec::set_var(std::string_view name, Val value) {
  for (std::size_t i = vars_.size(); i-- > 0;) {
    if (vars_[i].name == name) {
      vars_[i].value = std::move(value);
      return;
    }
  }
  errorf("undefined variable: " + std::string(name));
}

const Value& CallContext::receiver() const {
  static const Value kNull;
  return receiver_ != nullptr ? *receiver_ : kNull;
}

const EngineOptions& CallContext::options() const { return exec_.options(); }

}  // namespace capstan::templating
