// The template set: parsing into it with AddParseTree's rules, lookups through clones, and
// ExecuteTemplate.
#include "templating/template_set.h"

#include "core/strconv.h"
#include "templating/exec.h"

namespace capstan::templating {

TemplateSet::TemplateSet(std::string name, const FuncMap& funcs, const EngineOptions& options)
    : name_(std::move(name)), funcs_(funcs), options_(options) {}

TemplateSet::TemplateSet(const TemplateSet& parent, int)
    : name_(parent.name_), funcs_(parent.funcs_), options_(parent.options_), parent_(&parent) {}

std::shared_ptr<const Tree> TemplateSet::parse(std::string_view name, std::string text) {
  ParseOptions options;
  options.has_function = [this](std::string_view fn) {
    return funcs_.contains(fn) || is_builtin_name(fn);
  };
  TreeSet trees = templating::parse(name, std::move(text), options);
  std::shared_ptr<const Tree> self;
  for (auto& [tree_name, tree] : trees) {
    if (tree_name == name) self = tree;
    // AddParseTree: an empty tree does not replace an existing template of that name.
    const Tree* old = lookup(tree_name);
    if (old != nullptr && is_empty_tree(tree->root.get()) && old->root) continue;
    templates_.insert_or_assign(tree_name, tree);
  }
  return self;
}

const Tree* TemplateSet::lookup(std::string_view name) const {
  for (const TemplateSet* s = this; s != nullptr; s = s->parent_) {
    auto it = s->templates_.find(name);
    if (it != s->templates_.end()) return it->second.get();
  }
  return nullptr;
}

void TemplateSet::execute_template(std::string& out, std::string_view name, const Value& data) const {
  const Tree* tree = lookup(name);
  if (tree == nullptr) {
    throw TemplateError("template: no template " + strconv::quote(name) +
                            " associated with template " + strconv::quote(name_),
                        false);
  }
  ExecShared shared;
  Exec exec(*this, out, shared);
  exec.run(*tree, data, !data.is_null());
}

}  // namespace capstan::templating
