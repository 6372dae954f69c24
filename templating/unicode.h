// Go's unicode predicates and case mappings (unicode.IsLetter, IsDigit, IsSpace, ToUpper, ...)
// over tables generated from Go (unicode_tables.inc), for the lexer and the string functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace capstan::templating::unicode {

bool is_letter(std::int32_t r);
bool is_digit(std::int32_t r);
bool is_space(std::int32_t r);
bool is_upper(std::int32_t r);
bool is_lower(std::int32_t r);
bool is_title(std::int32_t r);
bool is_number(std::int32_t r);
bool is_punct(std::int32_t r);
bool is_mark(std::int32_t r);
bool is_symbol(std::int32_t r);

std::int32_t to_upper(std::int32_t r);
std::int32_t to_lower(std::int32_t r);
std::int32_t to_title(std::int32_t r);

// strings.ToUpper / ToLower (rune by rune; invalid UTF-8 bytes become U+FFFD as Go's
// strings.Map writes them).
std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);

}  // namespace capstan::templating::unicode
