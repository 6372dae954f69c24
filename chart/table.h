// Tables as Helm prints them with gosuri/uitable (`helm dependency list`): each column as wide
// as its widest cell, capped at MaxColWidth; shorter cells padded with spaces (the last column
// too), longer ones cut and ended with "..."; cells joined by a tab, rows by newlines, no
// newline after the last row.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace capstan::chart {

using TableRow = std::vector<std::string>;

// uitable.Table.String() with the given MaxColWidth (0: unbounded).
std::string format_uitable(const std::vector<TableRow>& rows, std::size_t max_col_width);

// Display width as go-runewidth counts it for the common cases: one column per code point,
// two for East Asian wide and fullwidth characters.
std::size_t display_width(const std::string& s);

}  // namespace capstan::chart
