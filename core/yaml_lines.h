// Reading YAML source text the way libyaml's scanner sees it (lines, indentation, comments,
// block scalar headers, open flow brackets), for the error rules in core/yaml_errors.cpp and
// core/yaml_syntax.cpp. These are approximations of libyaml's state from the text alone.
// Internal to core/.
#pragma once

#include <cstddef>
#include <string_view>

namespace capstan::yaml::detail {

// A blank, a line break or the end of the text at i.
bool is_blankz_at(std::string_view s, std::size_t i);
// The 0-based line `line` without its line break ("" past the end).
std::string_view line_at(std::string_view text, int line);
// A line without its comment and trailing blanks.
std::string_view content_of(std::string_view line);
int indent_of(std::string_view line);
// Whether a line's content ends with a block scalar header: "|", ">", "|-", ">+2"...
bool ends_with_block_header(std::string_view content);
// Whether `line` lies inside a block scalar, judged from the lines above it.
bool in_block_scalar(std::string_view text, int line);
// Whether the content line above `line` ends with a plain scalar value.
bool after_plain_scalar(std::string_view text, int line);
// The previous line with content (not blank, not only a comment) before `line`, or -1.
int previous_content_line(std::string_view text, int line);
// Whether a line's content is a lone plain scalar (what libyaml takes for a key).
bool bare_plain_scalar(std::string_view content);
// The last character before `pos` that is not white space or part of a comment ('\n': none).
char previous_significant(std::string_view text, std::size_t pos);
// The innermost flow collection ('[' or '{') still open at `pos`, or 0.
char innermost_bracket(std::string_view text, std::size_t pos);

}  // namespace capstan::yaml::detail
