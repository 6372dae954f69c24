// The template parser, as Go's text/template/parse/parse.go: builds one tree per template
// (the top-level one and every {{define}}/{{block}}) with Go's error texts.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "templating/node.h"

namespace capstan::templating {

struct Tree {
  std::string name;                      // the template's name
  std::shared_ptr<const Source> source;  // the file it came from (shared by its defines)
  std::unique_ptr<ListNode> root;
};

using TreeSet = std::map<std::string, std::shared_ptr<Tree>, std::less<>>;

// A parse failure; what() is Go's text: "template: NAME:LINE: MESSAGE".
class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ParseOptions {
  // Whether a function name is defined (Go checks at parse time: `function "x" not defined`).
  std::function<bool(std::string_view)> has_function;
  bool skip_func_check = false;  // Go's SkipFuncCheck mode
  bool parse_comments = false;   // Go's ParseComments mode
};

// Go's parse.Parse(name, text, "", "", funcs...): the trees of `text`, keyed by template name.
// Throws ParseError.
TreeSet parse(std::string_view name, std::string text, const ParseOptions& options);

}  // namespace capstan::templating
