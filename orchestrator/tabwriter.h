// Go's text/tabwriter (the subset kubectl uses: left alignment, padding characters, no escapes
// or HTML filtering): tab-terminated cells in consecutive lines form a column whose width is the
// widest cell plus padding; the text after a line's last tab belongs to no column; a line
// without tabs ends every column block. kubectl prints `get` tables with (6, 4, 3, ' ') and
// `describe` and `rollout history` with (0, 8, 2, ' ').
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace capstan::orchestrator {

class TabWriter {
 public:
  TabWriter(int minwidth, int tabwidth, int padding, char padchar)
      : minwidth_(minwidth), tabwidth_(tabwidth), padding_(padding), padchar_(padchar) {}

  void write(std::string_view text);
  // Formats everything buffered so far (the partial last line included).
  void flush();
  // Flushes and returns everything written.
  std::string str();

 private:
  struct Cell {
    std::size_t size = 0;  // bytes
    int width = 0;         // runes
    bool htab = false;     // terminated by a tab
  };

  void terminate_cell(bool htab);
  void format(std::size_t line0, std::size_t line1);
  void write_lines(std::size_t line0, std::size_t line1);
  void write_padding(int textw, int cellw);

  int minwidth_, tabwidth_, padding_;
  char padchar_;
  std::string buf_;  // text of the buffered cells
  std::size_t pos_ = 0;  // read position in buf_ while formatting
  Cell cell_;
  std::vector<std::vector<Cell>> lines_{{}};
  std::vector<int> widths_;
  std::string out_;
};

}  // namespace capstan::orchestrator
