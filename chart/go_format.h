// The Go text rules chart/ needs for Helm's messages beyond core/strconv: %q of a []rune,
// %v of plain data (maps as "map[k:v]", lists as "[a b]", nil as "<nil>", floats as %g), and
// unicode.IsSpace. Values only; template objects are printed by templating/.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::chart {

// fmt's %q of a []rune: each rune quoted as a Go character literal, "['a' 'b']".
std::string go_quote_runes(std::string_view utf8);

// fmt's %v of a decoded value.
std::string go_sprint(const Value& v);

// unicode.IsSpace.
bool go_is_space(char32_t r);

// strings.TrimSpace.
std::string_view go_trim_space(std::string_view s);

}  // namespace capstan::chart
