// The public entry point: Go's text/template (as Helm v3.21.4 builds it, Go 1.26) with Helm's
// engine conventions. One Engine holds one template set (Go's *template.Template "gotpl"):
// parse every file into it, then render files one by one with their data.
//
//   templating::Engine engine;                       // Helm's functions, missingkey=zero
//   engine.parse("demo/templates/_helpers.tpl", helpers);  // in Helm's parse order
//   engine.parse("demo/templates/svc.yaml", svc);
//   std::string out = engine.render("demo/templates/svc.yaml", data);  // "<no value>" erased
//
// Errors are capstan::Error with the message exactly as Helm prints it after "Error: ":
//   parse:   "parse error at (demo/templates/svc.yaml:3): function \"x\" not defined"
//   execute: "template: demo/templates/svc.yaml:3:7: executing \"demo/templates/svc.yaml\" at
//             <.Values.x>: nil pointer evaluating interface {}.x"
//   required/fail: "execution error at (demo/templates/svc.yaml:3:7): message"
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/value.h"
#include "templating/function.h"
#include "templating/object.h"

namespace capstan::templating {

// Go's missingkey option: what a missing map key evaluates to.
enum class MissingKey {
  Default,  // Go's default: an invalid value (prints "<no value>")
  Zero,     // Helm's default: the zero value of the map's element type
  Error,    // helm lint --strict: "map has no entry for key \"x\""
};

// Looks a Kubernetes object up for Helm's `lookup apiVersion kind namespace name`: returns the
// object as a map, or a List-shaped map when name is empty; an empty map when not found.
// Throw FuncError to fail the template.
using LookupFunc = std::function<Value(std::string_view api_version, std::string_view kind,
                                       std::string_view ns, std::string_view name)>;

struct EngineOptions {
  MissingKey missing_key = MissingKey::Zero;
  // Helm's LintMode: `required` and `fail` return "" instead of failing, and log what they
  // would have reported ("[INFO] Missing required value: ...", "[INFO] Fail: ...").
  bool lint_mode = false;
  // Where those lines go: the location in Helm v3.21.4's source ("engine.go:206"), as Go's log
  // with Lshortfile prints it, and the message. Null: dropped.
  std::function<void(std::string_view location, std::string_view message)> log;
  // Current time in Unix nanoseconds for Sprig's clock functions (now, date, ...).
  // Null: the system clock.
  std::function<std::int64_t()> now_unix_nanos;
  // Random 64-bit numbers for Sprig's rand*/uuid functions. Null: a non-deterministic source.
  std::function<std::uint64_t()> random;
  // The oracle's --deterministic stand-ins for random, clock and key-generation functions
  // (see shared/oracle/README.md); not Helm behaviour.
  bool deterministic = false;
  // Helm's lookup. Null: lookup returns an empty map (as `helm template` does).
  LookupFunc lookup;
  // Helm's include recursion limit (recursionMaxNums).
  int max_include_depth = 1000;
};

class TemplateSet;

class Engine {
 public:
  // An engine with Go's builtins, Sprig's functions (minus env/expandenv) and Helm's.
  explicit Engine(EngineOptions options = {});
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  const EngineOptions& options() const;

  // The functions templates may call. Add or replace functions before parsing templates that
  // use them (Go checks function names at parse time).
  FuncMap& funcs();

  // Go's t.New(name).Parse(text): adds template `name` and every {{define}} in it to the set.
  // A later definition of a name replaces an earlier one unless its body is only whitespace
  // (AddParseTree's rule), so parse in Helm's order. Throws Error(ErrorKind::Parse) worded as
  // Helm's cleanupParseError: "parse error at (NAME:LINE): MESSAGE".
  void parse(std::string_view name, std::string_view text);

  bool has_template(std::string_view name) const;

  // Executes template `name` with `data` as Helm renders one file: "<no value>" is erased from
  // the output. Throws Error(ErrorKind::Template) worded as Helm's cleanupExecError (required
  // and fail messages become "execution error at (NAME:LINE:COL): MESSAGE"; other execution
  // errors keep Go's "template: ..." text).
  std::string render(std::string_view name, const Value& data);

  // Go's ExecuteTemplate without Helm's post-processing: raw output, and on failure
  // Error(ErrorKind::Template) with Go's own message ("template: NAME:LINE:COL: executing ...").
  std::string execute(std::string_view name, const Value& data);

  // The underlying Go template set.
  TemplateSet& templates();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Runs f on a thread with a 1 GB stack (committed page by page), where Engine's parse, render
// and execute run directly instead of each spawning such a thread (Go's goroutine stacks grow to
// 1 GB; deep template recursion needs the room). Wrap a whole chart render in one call.
void run_with_big_stack(const std::function<void()>& f);

// Helm's cleanupParseError / cleanupExecError applied to Go's error text, for callers that run
// a TemplateSet themselves.
std::string helm_parse_error(std::string_view file, std::string_view go_message);
std::string helm_exec_error(std::string_view file, std::string_view go_message);

}  // namespace capstan::templating
