// Go's strconv, as far as capstan needs it to print and parse numbers and strings exactly as
// Go does (fmt, encoding/json, yaml.v2 and the template lexer all build on these).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace capstan::strconv {

// strconv.FormatFloat(f, fmt, prec, bitSize): fmt is one of 'e', 'E', 'f', 'g', 'G';
// prec -1 means the shortest representation that reads back to the same value.
// NaN and infinities print "NaN", "+Inf", "-Inf".
std::string format_float(double f, char fmt, int prec, int bit_size = 64);

}  // namespace capstan::strconv
