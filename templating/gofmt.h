// Go's fmt printing over Values: fmt.Sprint, Sprintf and Sprintln with every verb, flag,
// width, precision and argument index, Go's error forms (%!d(string=hi), %!(EXTRA int=1),
// %!s(MISSING), ...) and Go's layout of maps, slices, structs and nil.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace capstan::templating::gofmt {

// fmt.Sprint: operands printed with %v; a space between two operands when neither is a string.
std::string sprint(const std::vector<Value>& args);
// fmt.Sprintln: spaces between all operands and a final newline.
std::string sprintln(const std::vector<Value>& args);
// fmt.Sprintf.
std::string sprintf(std::string_view format, const std::vector<Value>& args);

// Appends fmt.Sprint(v) for one operand (the template executor's fast path). A Null prints
// "<nil>" (a nil interface).
void append_print(std::string& out, const Value& v);

}  // namespace capstan::templating::gofmt
