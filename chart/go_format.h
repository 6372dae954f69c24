// The few Go formatting rules chart/ needs for Helm's messages: %q of a string or a []rune
// (strconv.Quote) and %v of plain data (maps as "map[k:v]", lists as "[a b]", nil as
// "<nil>", floats as %g). Values only; template objects are printed by templating/.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::chart {

// strconv.Quote: "\"a\\tb\"", invalid UTF-8 bytes as \xNN.
std::string go_quote(std::string_view s);

// fmt's %q of a []rune: each rune quoted as a Go character literal, "['a' 'b']".
std::string go_quote_runes(std::string_view utf8);

// fmt's %v of a decoded value.
std::string go_sprint(const Value& v);

}  // namespace capstan::chart
