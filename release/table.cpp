// Helm's release tables (list, history, status resources): uitable's layout, kept in chart/table.
#include "release/table.h"

#include "chart/table.h"

namespace capstan::release {

std::size_t display_width(const std::string& s) {
  return chart::display_width(s);
}

std::string format_table(const std::vector<TableRow>& rows) {
  return chart::format_uitable(rows, 0) + "\n";  // EncodeTable adds the newline
}

}  // namespace capstan::release
