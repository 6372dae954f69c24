// Conversions Sprig's functions share: strval (a value as a string), strslice, empty, and
// spf13/cast's ToInt64/ToFloat64 as Sprig calls them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/value.h"

namespace capstan::templating::sprig {

// Sprig's strval: strings as they are, []byte as text, Stringers via String(), else %v.
std::string strval(const Value& v);
// Sprig's strslice: a list's non-nil items as strings; nil is []; anything else [strval(v)].
std::vector<std::string> strslice(const Value& v);
// Sprig's empty: the zero value of its type (nil, 0, "", false, empty list/map).
bool empty(const Value& v);
// spf13/cast ToInt64 / ToFloat64 (0 when the value does not convert).
std::int64_t to_int64(const Value& v);
double to_float64(const Value& v);
// A []string value.
Value string_list(std::vector<std::string> items);

}  // namespace capstan::templating::sprig
