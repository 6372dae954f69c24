// Function and method calls: Go's evalCall, evalArg and validateType (argument counts,
// conversions of constants to parameter types, assignability, the and/or short circuit).
#include "templating/exec.h"

#include "core/error.h"
#include "core/strconv.h"
#include "templating/object.h"

namespace capstan::templating {

namespace {

const GoType& reflect_value_type() {
  static const GoType t = GoType::parse("reflect.Value");
  return t;
}

std::string static_type(const Val& v) {
  if (v.v.is_null()) return std::string(v.nil_type);
  return type_name(v.v);
}

// The zero value of a nil-able type as reflect.Zero gives it.
Val nil_of(const GoType& type) {
  if (type.is_reflect_value()) return Val::invalid();
  Val r;
  r.nil_type = type.kind() == GoType::Kind::Interface ? std::string_view("interface {}")
                                                      : std::string_view(type.name());
  return r;
}

std::int64_t truncate_int(std::int64_t v, NumType t) {
  switch (t) {
    case NumType::Int8: return static_cast<std::int8_t>(v);
    case NumType::Int16: return static_cast<std::int16_t>(v);
    case NumType::Int32: return static_cast<std::int32_t>(v);
    default: return v;
  }
}

std::uint64_t truncate_uint(std::uint64_t v, NumType t) {
  switch (t) {
    case NumType::Uint8: return static_cast<std::uint8_t>(v);
    case NumType::Uint16: return static_cast<std::uint16_t>(v);
    case NumType::Uint32: return static_cast<std::uint32_t>(v);
    default: return v;
  }
}

bool truth(const Val& v) {
  bool ok;
  return is_true(v, ok);
}

}  // namespace

Val Exec::validate_type(Val value, const GoType* type) {
  if (!value.valid) {
    if (type == nullptr) return value;  // an untyped nil interface {}: accept as nil
    if (type->can_be_nil()) return nil_of(*type);
    errorf("invalid value; expected " + type->name());
  }
  if (type == nullptr || type->is_reflect_value()) return value;
  if (value.v.is_null()) {
    if (type->kind() == GoType::Kind::Interface || type->name() == value.nil_type) return value;
    errorf("wrong type for value; expected " + type->name() + "; got " + static_type(value));
  }
  if (!assignable(value.v, *type)) {
    errorf("wrong type for value; expected " + type->name() + "; got " + static_type(value));
  }
  // A named map or slice passed as its unnamed type is converted to it.
  if (type->kind() == GoType::Kind::Map || type->kind() == GoType::Kind::Slice) {
    if (const GoObject* o = as_go_object(value.v); o != nullptr && o->is_named()) {
      return Val(o->underlying());
    }
  }
  return value;
}

Val Exec::eval_arg(const Val& dot, const GoType* type, const Node* n) {
  at(n);
  switch (n->type) {
    case NodeType::Dot: return validate_type(dot, type);
    case NodeType::Nil:
      if (type != nullptr && type->can_be_nil()) return nil_of(*type);
      errorf("cannot assign nil to " + (type != nullptr ? type->name() : std::string("<nil>")));
    case NodeType::Field:
      return validate_type(eval_field_node(dot, static_cast<const FieldNode*>(n), nullptr, nullptr), type);
    case NodeType::Variable:
      return validate_type(
          eval_variable_node(dot, static_cast<const VariableNode*>(n), nullptr, nullptr), type);
    case NodeType::Pipe:
      return validate_type(eval_pipeline(dot, static_cast<const PipeNode*>(n)), type);
    case NodeType::Identifier: {
      const auto* ident = static_cast<const IdentifierNode*>(n);
      return validate_type(eval_function(dot, ident, ident, nullptr, nullptr), type);
    }
    case NodeType::Chain:
      return validate_type(eval_chain_node(dot, static_cast<const ChainNode*>(n), nullptr, nullptr), type);
    default: break;
  }
  if (type == nullptr) errorf("can't handle " + n->str() + " for arg of type <nil>");
  const auto* number = n->type == NodeType::Number ? static_cast<const NumberNode*>(n) : nullptr;
  switch (type->kind()) {
    case GoType::Kind::Bool:
      if (n->type == NodeType::Bool) return Val(Value(static_cast<const BoolNode*>(n)->value));
      errorf("expected bool; found " + n->str());
    case GoType::Kind::Complex128:
      errorf("expected complex; found " + n->str());
    case GoType::Kind::Float32:
    case GoType::Kind::Float64:
      if (number != nullptr && number->is_float) {
        double f = number->float64;
        if (type->kind() == GoType::Kind::Float32) f = static_cast<float>(f);
        return Val(Value::floating(f, type->num_type()));
      }
      errorf("expected float; found " + n->str());
    case GoType::Kind::Interface: return eval_empty_interface(dot, n);
    case GoType::Kind::Struct:
      if (type->is_reflect_value()) return eval_empty_interface(dot, n);
      break;
    case GoType::Kind::String:
      if (n->type == NodeType::String) return Val(Value(static_cast<const StringNode*>(n)->text));
      errorf("expected string; found " + n->str());
    default: break;
  }
  if (type->is_integer()) {
    if (number != nullptr && number->is_int) {
      return Val(Value::integer(truncate_int(number->int64, type->num_type()), type->num_type()));
    }
    errorf("expected integer; found " + n->str());
  }
  if (type->is_unsigned()) {
    if (number != nullptr && number->is_uint) {
      return Val(Value::unsigned_integer(truncate_uint(number->uint64, type->num_type()), type->num_type()));
    }
    errorf("expected unsigned integer; found " + n->str());
  }
  errorf("can't handle " + n->str() + " for arg of type " + type->name());
}

Val Exec::eval_empty_interface(const Val& dot, const Node* n) {
  at(n);
  switch (n->type) {
    case NodeType::Bool: return Val(Value(static_cast<const BoolNode*>(n)->value));
    case NodeType::Dot: return dot;
    case NodeType::Field: return eval_field_node(dot, static_cast<const FieldNode*>(n), nullptr, nullptr);
    case NodeType::Identifier: {
      const auto* ident = static_cast<const IdentifierNode*>(n);
      return eval_function(dot, ident, ident, nullptr, nullptr);
    }
    case NodeType::Nil: errorf("evalEmptyInterface: nil (can't happen)");
    case NodeType::Number: return ideal_constant(static_cast<const NumberNode*>(n));
    case NodeType::String: return Val(Value(static_cast<const StringNode*>(n)->text));
    case NodeType::Variable:
      return eval_variable_node(dot, static_cast<const VariableNode*>(n), nullptr, nullptr);
    case NodeType::Pipe: return eval_pipeline(dot, static_cast<const PipeNode*>(n));
    default: break;
  }
  errorf("can't handle assignment of " + n->str() + " to empty interface argument");
}

Val Exec::eval_call(const Val& dot, const Function* fn, const Builtin* builtin,
                    const Value* receiver, const Node* node, std::string_view name,
                    const std::vector<NodePtr>* args, const Val* final) {
  const Signature& sig = fn != nullptr ? fn->signature : builtin->signature;
  // args[0] is the function (or field) itself; the rest are its arguments.
  const std::size_t nargs = args != nullptr && !args->empty() ? args->size() - 1 : 0;
  auto arg_node = [&](std::size_t i) { return (*args)[i + 1].get(); };
  const std::size_t num_params = sig.params.size();
  const std::size_t num_in = nargs + (final != nullptr ? 1 : 0);
  std::size_t num_fixed = nargs;
  auto fname = [name] { return std::string(name); };
  if (sig.variadic) {
    num_fixed = num_params - 1;
    if (num_in < num_fixed) {
      errorf("wrong number of args for " + fname() + ": want at least " + std::to_string(num_params - 1) +
             " got " + std::to_string(nargs));
    }
  } else if (num_in != num_params) {
    errorf("wrong number of args for " + fname() + ": want " + std::to_string(num_params) + " got " +
           std::to_string(num_in));
  }

  // The builtins and and or short-circuit and return the deciding value.
  if (builtin != nullptr && (name == "and" || name == "or")) {
    const bool is_or = name == "or";
    Val v = Val::invalid();
    for (std::size_t i = 0; i < nargs; ++i) {
      v = eval_arg(dot, &reflect_value_type(), arg_node(i));
      if (truth(v) == is_or) return v;
    }
    if (final != nullptr) v = validate_type(*final, &reflect_value_type());
    return v;
  }

  std::vector<Val> argv(num_in);
  std::size_t i = 0;
  for (; i < num_fixed && i < nargs; ++i) argv[i] = eval_arg(dot, &sig.params[i], arg_node(i));
  if (sig.variadic) {
    for (; i < nargs; ++i) argv[i] = eval_arg(dot, &sig.variadic_elem, arg_node(i));
  }
  if (final != nullptr) {
    const GoType* t = &sig.params[num_params - 1];
    if (sig.variadic) t = num_in - 1 < num_fixed ? &sig.params[num_in - 1] : &sig.variadic_elem;
    argv[i] = validate_type(*final, t);
  }

  try {
    if (builtin != nullptr) {
      if (name == "call") {
        // The callee's name (its node's text) goes first, for the error texts.
        // Go's reflect.Value.String(): the string itself, else "<T Value>".
        const std::string callee =
            nargs > 0 ? arg_node(0)->str()
                      : final->v.is_string() ? final->v.as_string() : "<" + static_type(*final) + " Value>";
        argv.insert(argv.begin(), Val(Value(callee)));
      }
      return builtin->impl(argv);
    }
    Args values;
    values.reserve(num_params);
    const std::size_t fixed = sig.variadic ? num_params - 1 : argv.size();
    for (std::size_t k = 0; k < fixed && k < argv.size(); ++k) values.push_back(std::move(argv[k].v));
    if (sig.variadic) {
      // The variadic tail reaches the body as one slice, as in Go.
      auto tail = std::make_shared<List>();
      tail->elem_type = intern_type_name(sig.variadic_elem.name());
      for (std::size_t k = fixed; k < argv.size(); ++k) tail->items.push_back(std::move(argv[k].v));
      values.emplace_back(std::move(tail));
    }
    CallContext ctx(*this, name, receiver);
    Value result = fn->impl(ctx, values);
    Val r(std::move(result));
    if (r.v.is_null() && sig.result.kind() == GoType::Kind::Slice) {
      // A nil slice: empty, but not a nil interface once passed on (kindOf is "slice").
      auto nil = std::make_shared<List>();
      nil->elem_type = intern_type_name(sig.result.elem());
      nil->nil = true;
      r.v = Value(std::move(nil));
    } else if (r.v.is_null() && sig.result.kind() == GoType::Kind::Map) {
      auto nil = std::make_shared<Map>();
      nil->elem_type = intern_type_name(sig.result.elem());
      nil->nil = true;
      r.v = Value(std::move(nil));
    } else if (r.v.is_null() && sig.result.kind() != GoType::Kind::Interface &&
               sig.result.kind() != GoType::Kind::Invalid) {
      r.nil_type = sig.result.name();
    }
    r.iface = !r.v.is_null() && sig.result.kind() == GoType::Kind::Interface;
    return r;
  } catch (const FuncError& e) {
    at(node);
    errorf("error calling " + fname() + ": " + e.what());
  } catch (const TemplateError& e) {
    at(node);
    errorf("error calling " + fname() + ": " + e.what());
  } catch (const capstan::Error& e) {
    at(node);
    errorf("error calling " + fname() + ": " + e.what());
  }
}

}  // namespace capstan::templating
