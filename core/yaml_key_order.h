// The order in which yaml.v2's encoder writes map keys (sorter.go's keyList.Less for string
// keys): letters after other characters, runs of digits compared as numbers ("a2" < "a10").
// Internal to core/.
#pragma once

#include <string_view>

namespace capstan::yaml::detail {

bool key_less(std::string_view a, std::string_view b);

// yaml.v3's keyList.Less for string keys: as yaml.v2's, except that where one string has a
// letter and the other not, right after equal digits, the letter sorts first.
bool key_less_v3(std::string_view a, std::string_view b);

}  // namespace capstan::yaml::detail
