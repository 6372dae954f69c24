// Template functions and methods: a Go signature (for Go's argument conversion rules and error
// texts) plus a C++ body. Function families live in funcs_*.cpp and register into a FuncMap.
#pragma once

#include <functional>
#include <map>
#include <unordered_map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "templating/go_type.h"

namespace capstan::templating {

class CallContext;
class Exec;
struct EngineOptions;

// Arguments after Go's conversions: each has the dynamic type its parameter accepts
// (a Null is a nil interface/map/slice).
using Args = std::vector<Value>;
using FuncImpl = std::function<Value(CallContext& ctx, Args& args)>;

// A Go function type: func(int, string) string, func(string, ...interface {}) (string, error).
struct Signature {
  std::vector<GoType> params;  // with variadic, the last one is the slice type ([]interface {})
  bool variadic = false;
  GoType variadic_elem;        // with variadic, the element type of the last parameter
  GoType result;               // GoType::invalid() when the function returns nothing usable
  bool returns_error = false;  // (T, error): the body throws FuncError to return an error

  // Parses Go syntax: "func(int, string) string", "func(...interface {}) (string, error)".
  // Throws Error(ErrorKind::Internal) on malformed input (a bug in a registration).
  static Signature parse(std::string_view go_syntax);
};

struct Function {
  std::string name;
  Signature signature;
  FuncImpl impl;
};

// Thrown by a function body to return a Go error; the executor reports it as Go does:
// `error calling NAME: MESSAGE`.
class FuncError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a function body can reach besides its arguments. Created by the executor per call.
class CallContext {
 public:
  CallContext(Exec& exec, std::string_view name, const Value* receiver)
      : exec_(exec), name_(name), receiver_(receiver) {}

  // The name the template called (the method name for methods).
  std::string_view name() const { return name_; }
  // For a method: the object it was called on; Null for plain functions.
  const Value& receiver() const;
  const EngineOptions& options() const;
  // The executor running the caller (include and tpl use its template set and state).
  Exec& exec() { return exec_; }

 private:
  Exec& exec_;
  std::string_view name_;
  const Value* receiver_;
};

// Functions by name (Go's template.FuncMap). Adding a name again replaces it, as Funcs() does.
class FuncMap {
 public:
  void add(std::string_view name, std::string_view signature, FuncImpl impl);
  void add(Function function);
  bool erase(std::string_view name);
  const Function* find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }
  std::size_t size() const { return functions_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Looked up on every call a template makes: hashed, with string_view lookups.
  std::unordered_map<std::string, Function, Hash, std::equal_to<>> functions_;
};

// Function families. Go's builtins (funcs_builtin.cpp) are always present and are not in a
// FuncMap; Sprig's and Helm's are added by the Engine. A new family adds its register_* call to
// funcs.cpp (one line) and nothing else.
void register_helm_funcs(FuncMap& funcs);   // funcs_helm.cpp: include, tpl, required, toYaml, ...
void register_sprig_funcs(FuncMap& funcs);  // funcs.cpp: every funcs_sprig_*.cpp family

}  // namespace capstan::templating
