// Go's strings package, as far as Sprig's functions use it, with Go's UTF-8 rules (an invalid
// byte is one U+FFFD rune of width 1).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::templating::gostrings {

// strings.TrimSpace (unicode.IsSpace at both ends).
std::string trim_space(std::string_view s);
// strings.Trim(s, cutset): runes of cutset removed from both ends.
std::string trim_cutset(std::string_view s, std::string_view cutset);
// strings.Replace(s, old, new, -1).
std::string replace_all(std::string_view s, std::string_view old, std::string_view with);
// strings.SplitN(s, sep, n) (n < 0: all; n == 0: none).
std::vector<std::string> split_n(std::string_view s, std::string_view sep, std::int64_t n);
// strings.Fields: runs of non-space runes.
std::vector<std::string> fields(std::string_view s);
// strings.Title.
std::string title(std::string_view s);
// strings.Repeat: throws FuncError with Go's panic texts for a negative or overflowing count.
std::string repeat(std::string_view s, std::int64_t count);

// The runes of s ([]rune(s)) and back (string(runes): invalid runes become U+FFFD).
std::vector<std::int32_t> runes(std::string_view s);
std::string from_runes(const std::vector<std::int32_t>& runes);

}  // namespace capstan::templating::gostrings
