// uitable's layout (see table.h), after gosuri/uitable Table.String and strutil.Resize.
#include "chart/table.h"

#include <algorithm>

#include "core/json_text.h"

namespace capstan::chart {

namespace {

bool wide(char32_t r) {
  // The East Asian Wide (W) and Fullwidth (F) blocks that matter in practice.
  return (r >= 0x1100 && r <= 0x115F) || (r >= 0x2E80 && r <= 0x303E) ||
         (r >= 0x3041 && r <= 0x33FF) || (r >= 0x3400 && r <= 0x4DBF) ||
         (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0xA000 && r <= 0xA4CF) ||
         (r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF) ||
         (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
         (r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x1F300 && r <= 0x1F64F) ||
         (r >= 0x20000 && r <= 0x3FFFD);
}

// strutil.Resize: pad to `width`, or keep runes until the next one would reach width-3 and
// append "...".
std::string resize(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  if (w <= width)
    return s + std::string(width - w, ' ');
  std::string out;
  const long limit = static_cast<long>(width) - 3;
  long used = 0;
  for (std::size_t i = 0; i < s.size();) {
    const json::Rune r = json::decode_rune(s, i);
    out.append(s, i, static_cast<std::size_t>(r.size));
    i += static_cast<std::size_t>(r.size);
    const long rw = wide(r.rune) ? 2 : 1;
    if (used + rw >= limit)
      break;
    used += rw;
  }
  return out + "...";
}

}  // namespace

std::size_t display_width(const std::string& s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const json::Rune r = json::decode_rune(s, i);
    i += static_cast<std::size_t>(r.size);
    width += wide(r.rune) ? 2 : 1;
  }
  return width;
}

std::string format_uitable(const std::vector<TableRow>& rows, std::size_t max_col_width) {
  std::vector<std::size_t> widths;
  for (const TableRow& row : rows) {
    if (widths.size() < row.size())
      widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::size_t w = display_width(row[i]);
      if (max_col_width != 0 && w > max_col_width)
        w = max_col_width;
      widths[i] = std::max(widths[i], w);
    }
  }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (r > 0)
      out += '\n';
    for (std::size_t i = 0; i < rows[r].size(); ++i) {
      if (i > 0)
        out += '\t';
      // A zero width leaves the cell as it is (uitable's Cell.String).
      out += widths[i] == 0 ? rows[r][i] : resize(rows[r][i], widths[i]);
    }
  }
  return out;
}

}  // namespace capstan::chart
