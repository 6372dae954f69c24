// The executor, as Go's text/template exec.go: walks a tree over a data Value, evaluating
// pipelines, fields, variables and calls with Go's rules and error texts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "templating/node.h"
#include "templating/template_set.h"

namespace capstan::templating {

// A reflect.Value as the executor sees it: a Value, or no value at all (invalid), or a nil in
// a slot of some static type (Null with valid: a nil interface {}, map or slice).
struct Val {
  Value v;
  bool valid = true;
  std::string_view nil_type = "interface {}";  // static type of a Null
  bool iface = false;  // a non-Null value held in an interface {} slot (static type interface {})

  Val() = default;
  Val(Value value) : v(std::move(value)) {}  // NOLINT: a Value is a valid reflect.Value
  static Val invalid() {
    Val r;
    r.valid = false;
    return r;
  }
  bool is_nil_interface() const { return valid && v.is_null() && nil_type == "interface {}"; }
};

// State shared by the executions of one render: Helm's include counts and the stack guard.
struct ExecShared {
  std::map<std::string, int, std::less<>> included;  // Helm's includedNames
  std::uintptr_t stack_base = 0;
  std::size_t stack_budget = 0;
};

// A builtin (funcs.go): gets reflect.Values, so it sees invalid and nil values as Go's do.
struct Builtin {
  std::string_view name;
  Signature signature;  // reflect.Value parameters are spelled "reflect.Value"
  Val (*impl)(std::vector<Val>& args);
};
const Builtin* find_builtin(std::string_view name);
bool is_builtin_name(std::string_view name);

class Exec {
 public:
  Exec(const TemplateSet& set, std::string& out, ExecShared& shared);

  // Go's Template.execute for `tree` (whose name errors report) with data: an invalid dot when
  // `data_valid` is false (Go's reflect.ValueOf(nil)). Throws TemplateError.
  void run(const Tree& tree, const Value& data, bool data_valid = true);

  const TemplateSet& set() const { return set_; }
  ExecShared& shared() { return shared_; }
  const EngineOptions& options() const { return set_.options(); }

 private:
  enum class Flow : std::uint8_t { Normal, Break, Continue };
  struct Variable {
    std::string_view name;
    Val value;
  };

  [[noreturn]] void errorf(const std::string& message);
  void at(const Node* node) { node_ = node; }
  void check_stack();

  Flow walk(const Val& dot, const Node* node);
  Flow walk_list(const Val& dot, const ListNode* list);
  Flow walk_if_or_with(NodeType type, const Val& dot, const BranchNode* node);
  // A continue in the else list belongs to the enclosing range (Go's panic unwinds to it),
  // so it is returned; a break there ends only this range.
  Flow walk_range(const Val& dot, const BranchNode* node);
  void walk_template(const Val& dot, const TemplateNode* node);

  Val eval_pipeline(const Val& dot, const PipeNode* pipe);
  Val eval_command(const Val& dot, const CommandNode* cmd, const Val* final);
  void not_a_function(const std::vector<NodePtr>& args, std::size_t first, const Val* final);
  Val ideal_constant(const NumberNode* constant);
  Val eval_field_node(const Val& dot, const FieldNode* field, const std::vector<NodePtr>* args,
                      const Val* final);
  Val eval_chain_node(const Val& dot, const ChainNode* chain, const std::vector<NodePtr>* args,
                      const Val* final);
  Val eval_variable_node(const Val& dot, const VariableNode* variable,
                         const std::vector<NodePtr>* args, const Val* final);
  Val eval_field_chain(const Val& dot, Val receiver, const Node* node,
                       const std::vector<std::string>& ident, std::size_t first,
                       const std::vector<NodePtr>* args, const Val* final);
  Val eval_function(const Val& dot, const IdentifierNode* node, const Node* cmd,
                    const std::vector<NodePtr>* args, const Val* final);
  Val eval_field(const Val& dot, const std::string& name, const Node* node,
                 const std::vector<NodePtr>* args, const Val* final, const Val& receiver);
  Val eval_call(const Val& dot, const Function* fn, const Builtin* builtin, const Value* receiver,
                const Node* node, std::string_view name, const std::vector<NodePtr>* args,
                const Val* final);
  Val validate_type(Val value, const GoType* type);
  Val eval_arg(const Val& dot, const GoType* type, const Node* n);
  Val eval_empty_interface(const Val& dot, const Node* n);

  void print_value(const Node* node, const Val& v);
  Val var_value(std::string_view name);
  void set_var(std::string_view name, Val value);

  const TemplateSet& set_;
  std::string& out_;
  ExecShared& shared_;
  const Tree* tmpl_ = nullptr;  // the template being executed (its name is in errors)
  const Node* node_ = nullptr;  // current node, for errors
  std::vector<Variable> vars_;
  int depth_ = 0;
};

// The size of the stack this thread executes on when it is not the thread's own (Engine's big
// stack, entered with swapcontext); 0 restores the thread's. Exec's depth guard uses it.
void set_execution_stack_size(std::size_t size);

// Go's isTrue: whether v is non-zero, and whether it has a truth value at all.
bool is_true(const Val& v, bool& ok);

}  // namespace capstan::templating
