// A set of named templates sharing functions and options: Go's *template.Template with its
// common map. Parse adds trees with AddParseTree's rules; a child set is Go's Clone (Helm's
// tpl parses into one so its defines are visible only inside that tpl call).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "templating/engine.h"
#include "templating/function.h"
#include "templating/parser.h"

namespace capstan::templating {

// An execution failure. what() is Go's error text. exec_error marks Go's ExecError (errors
// raised while walking a template), which Helm's cleanupExecError rewrites; other failures
// ("template: no template ... associated with ...") pass through unchanged.
class TemplateError : public std::runtime_error {
 public:
  TemplateError(const std::string& message, bool exec_error)
      : std::runtime_error(message), exec_error_(exec_error) {}
  bool exec_error() const { return exec_error_; }

 private:
  bool exec_error_;
};

class TemplateSet {
 public:
  // A root set named `name` ("gotpl" in Helm), calling `funcs` with `options`.
  TemplateSet(std::string name, const FuncMap& funcs, const EngineOptions& options);
  // A clone of `parent`: sees its templates; templates parsed here stay here.
  explicit TemplateSet(const TemplateSet& parent, int /*clone tag*/);

  const std::string& name() const { return name_; }
  const FuncMap& funcs() const { return funcs_; }
  const EngineOptions& options() const { return options_; }

  // Go's t.New(name).Parse(text). Returns the tree parsed for `name` itself (what
  // t.Execute would run, even when AddParseTree kept an earlier non-empty template of that
  // name). Throws ParseError with Go's text.
  std::shared_ptr<const Tree> parse(std::string_view name, std::string text);

  // Go's Lookup: nullptr when no template of that name exists.
  const Tree* lookup(std::string_view name) const;

  // Go's ExecuteTemplate(out, name, data): throws TemplateError.
  void execute_template(std::string& out, std::string_view name, const Value& data) const;

 private:
  std::string name_;
  const FuncMap& funcs_;
  const EngineOptions& options_;
  const TemplateSet* parent_ = nullptr;
  std::map<std::string, std::shared_ptr<const Tree>, std::less<>> templates_;
};

}  // namespace capstan::templating
