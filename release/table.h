// Tables as Helm prints them with gosuri/uitable: every cell padded with spaces to its
// column's width (the last column too), cells joined by a tab, rows by newlines, and a final
// newline (Helm's output.EncodeTable).
#pragma once

#include <string>
#include <vector>

namespace capstan::release {

using TableRow = std::vector<std::string>;

// "" for no rows (uitable prints nothing, EncodeTable then adds the newline: "\n").
std::string format_table(const std::vector<TableRow>& rows);

// Display width of a UTF-8 string, as go-runewidth counts it for the common cases: one column
// per code point, two for East Asian wide and fullwidth characters.
std::size_t display_width(const std::string& s);

}  // namespace capstan::release
