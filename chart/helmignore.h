// .helmignore (Helm's pkg/ignore): one rule per line, '#' comments, trailing spaces trimmed,
// '!' negates, a trailing '/' matches directories only, a leading '/' or any inner '/' matches
// the whole path relative to the chart root, otherwise the base name; Go's filepath.Match
// globs; "**" is an error. Helm's reading of '!' is kept: a negated rule that does NOT match
// ignores the path.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace capstan::chart {

class IgnoreRules {
 public:
  // Parses a .helmignore file (a UTF-8 BOM is skipped). Throws Error(ErrorKind::Chart):
  // "double-star (**) syntax is not supported", "syntax error in pattern".
  static IgnoreRules parse(std::string_view text);

  // Adds one rule line (the same syntax).
  void add(std::string_view rule);

  // Helm's default rule, added after the file's: templates/.?* (dot files under templates/).
  void add_defaults() { add("templates/.?*"); }

  // Whether `path` (relative to the chart root, '/' separators) is ignored.
  bool ignored(std::string_view path, bool is_dir) const;

 private:
  struct Rule {
    std::string glob;
    bool negate = false;
    bool dir_only = false;
    bool whole_path = false;  // else the base name is matched
  };
  bool matches(const Rule& rule, std::string_view path) const;

  std::vector<Rule> rules_;
};

}  // namespace capstan::chart
