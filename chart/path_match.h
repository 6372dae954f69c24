// Go's path.Match / filepath.Match (Unix): '*' matches any run of non-'/' bytes, '?' one
// non-'/' character, '[...]' a class ('^' negates, ranges, '\' escapes), '\' escapes.
// Used by .helmignore rules and `helm template --show-only`.
#pragma once

#include <string_view>

namespace capstan::chart {

enum class MatchResult { NoMatch, Match, BadPattern };

// filepath.Match(pattern, name) as Go 1.19 implements it; BadPattern is Go's ErrBadPattern
// ("syntax error in pattern"), reported only where Go's matcher notices it.
MatchResult path_match(std::string_view pattern, std::string_view name);

}  // namespace capstan::chart
