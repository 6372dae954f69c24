// libyaml's directive lines ("%YAML 1.1", "%TAG ! tag:x,2000:"): scanning one, and checking
// those before a document as its parser does. Internal to core/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/yaml_errors.h"

namespace capstan::yaml::detail {

struct Directive {
  enum class Kind { Yaml, Tag } kind = Kind::Yaml;
  int major = 0, minor = 0;  // %YAML
  std::string handle;        // %TAG
  Pos start;                 // the '%'
};

// Whether the 0-based line starts with '%' (a directive where libyaml's scanner is at the
// start of a token).
bool is_directive_line(std::string_view text, int line);

// yaml_parser_scan_directive over the directive on `line`: throws libyaml's scanner error
// ("found unknown directive name", "did not find expected version number", ...).
Directive scan_directive(const Source& source, int line);

// yaml_parser_process_directives over directive lines, in order: each scanned, then checked
// (a second %YAML, a version other than 1.1, a repeated %TAG handle).
void process_directives(const Source& source, const std::vector<int>& lines);

}  // namespace capstan::yaml::detail
