// .helmignore rules, after Helm's pkg/ignore/rules.go (as the oracle models it).
#include "chart/helmignore.h"

#include "chart/path_match.h"
#include "core/error.h"

namespace capstan::chart {

namespace {

std::string_view trim_space(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view base_name(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos || path.size() == 1 ? path : path.substr(slash + 1);
}

}  // namespace

IgnoreRules IgnoreRules::parse(std::string_view text) {
  IgnoreRules rules;
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3);
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    // bufio.ScanLines drops a trailing '\r'.
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    rules.add(line);
    if (nl == std::string_view::npos)
      break;
    text.remove_prefix(nl + 1);
  }
  return rules;
}

void IgnoreRules::add(std::string_view line) {
  std::string_view rule = trim_space(line);
  if (rule.empty() || rule[0] == '#')
    return;
  if (rule.find("**") != std::string_view::npos) {
    throw Error(ErrorKind::Chart, "double-star (**) syntax is not supported");
  }
  if (path_match(rule, "abc") == MatchResult::BadPattern) {
    throw Error(ErrorKind::Chart, "syntax error in pattern");
  }
  Rule r;
  if (rule[0] == '!') {
    r.negate = true;
    rule.remove_prefix(1);
  }
  if (!rule.empty() && rule.back() == '/') {
    r.dir_only = true;
    rule.remove_suffix(1);
  }
  if (!rule.empty() && rule[0] == '/') {
    r.whole_path = true;
    rule.remove_prefix(1);
  } else if (rule.find('/') != std::string_view::npos) {
    r.whole_path = true;
  }
  r.glob = std::string(rule);
  rules_.push_back(std::move(r));
}

bool IgnoreRules::matches(const Rule& rule, std::string_view path) const {
  std::string_view name = rule.whole_path ? path : base_name(path);
  return path_match(rule.glob, name) == MatchResult::Match;
}

bool IgnoreRules::ignored(std::string_view path, bool is_dir) const {
  if (path.empty() || path == "." || path == "./")
    return false;
  for (const Rule& rule : rules_) {
    if (rule.negate) {
      if (rule.dir_only && !is_dir)
        return true;
      if (!matches(rule, path))
        return true;
      continue;
    }
    if (rule.dir_only && !is_dir)
      continue;
    if (matches(rule, path))
      return true;
  }
  return false;
}

}  // namespace capstan::chart
