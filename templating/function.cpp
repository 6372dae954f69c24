// Function signatures in Go syntax and the function map.
#include "templating/function.h"

#include "core/error.h"

namespace capstan::templating {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

[[noreturn]] void bad(std::string_view go_syntax) {
  throw Error(ErrorKind::Internal, "templating: malformed signature " + std::string(go_syntax));
}

}  // namespace

Signature Signature::parse(std::string_view go_syntax) {
  Signature sig;
  std::string_view s = trim(go_syntax);
  if (s.substr(0, 5) != "func(") bad(go_syntax);
  s.remove_prefix(5);
  const std::size_t close = s.find(')');
  if (close == std::string_view::npos) bad(go_syntax);
  std::string_view params = trim(s.substr(0, close));
  std::string_view results = trim(s.substr(close + 1));
  while (!params.empty()) {
    const std::size_t comma = params.find(',');
    std::string_view p = trim(params.substr(0, comma));
    params = comma == std::string_view::npos ? std::string_view() : trim(params.substr(comma + 1));
    if (p.substr(0, 3) == "...") {
      if (!params.empty()) bad(go_syntax);
      sig.variadic = true;
      sig.params.push_back(GoType::parse("[]" + std::string(p.substr(3))));
      sig.variadic_elem = GoType::parse(p.substr(3));
    } else {
      sig.params.push_back(GoType::parse(p));
    }
  }
  if (results.empty()) return sig;
  if (results.front() == '(') {
    if (results.back() != ')') bad(go_syntax);
    results = trim(results.substr(1, results.size() - 2));
    const std::size_t comma = results.find(',');
    if (comma == std::string_view::npos || trim(results.substr(comma + 1)) != "error") bad(go_syntax);
    sig.result = GoType::parse(trim(results.substr(0, comma)));
    sig.returns_error = true;
    return sig;
  }
  if (results == "error") {
    sig.returns_error = true;
    return sig;
  }
  sig.result = GoType::parse(results);
  return sig;
}

void FuncMap::add(std::string_view name, std::string_view signature, FuncImpl impl) {
  add(Function{std::string(name), Signature::parse(signature), std::move(impl)});
}

void FuncMap::add(Function function) {
  std::string name = function.name;
  functions_.insert_or_assign(std::move(name), std::move(function));
}

bool FuncMap::erase(std::string_view name) {
  auto it = functions_.find(name);
  if (it == functions_.end()) return false;
  functions_.erase(it);
  return true;
}

const Function* FuncMap::find(std::string_view name) const {
  auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : &it->second;
}

}  // namespace capstan::templating
