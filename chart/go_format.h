// The Go text rules chart/ needs beyond core/strconv and templating's fmt: %q of a []rune
// (strvals' messages), unicode.IsSpace, strings.TrimSpace and path.Clean.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::chart {

// fmt's %q of a []rune: each rune quoted as a Go character literal, "['a' 'b']".
std::string go_quote_runes(std::string_view utf8);

// unicode.IsSpace.
bool go_is_space(char32_t r);

// strings.TrimSpace.
std::string_view go_trim_space(std::string_view s);

// path.Clean (and filepath.Clean on Unix): "a/./b/../c/" is "a/c", "" is ".".
std::string go_path_clean(std::string_view p);

}  // namespace capstan::chart
