// A port of the column algorithm of Go's text/tabwriter (see tabwriter.h for the subset).
#include "orchestrator/tabwriter.h"

#include <algorithm>

namespace capstan::orchestrator {

namespace {

int rune_count(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) {
    if ((c & 0xc0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

void TabWriter::terminate_cell(bool htab) {
  cell_.htab = htab;
  lines_.back().push_back(cell_);
  cell_ = Cell{};
}

void TabWriter::write(std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch != '\t' && ch != '\v' && ch != '\n' && ch != '\f') continue;
    const std::string_view piece = text.substr(start, i - start);
    buf_ += piece;
    cell_.size += piece.size();
    cell_.width += rune_count(piece);
    start = i + 1;
    terminate_cell(ch == '\t');
    if (ch == '\n' || ch == '\f') {
      const std::size_t ncells = lines_.back().size();
      lines_.emplace_back();
      // A line with a single cell cannot affect later columns: flush (Go does the same).
      if (ch == '\f' || ncells == 1) flush();
    }
  }
  const std::string_view rest = text.substr(start);
  buf_ += rest;
  cell_.size += rest.size();
  cell_.width += rune_count(rest);
}

void TabWriter::flush() {
  if (cell_.size > 0) terminate_cell(false);
  pos_ = 0;
  format(0, lines_.size());
  buf_.clear();
  pos_ = 0;
  cell_ = Cell{};
  lines_.assign(1, {});
  widths_.clear();
}

std::string TabWriter::str() {
  flush();
  return out_;
}

void TabWriter::format(std::size_t line0, std::size_t line1) {
  const std::size_t column = widths_.size();
  for (std::size_t current = line0; current < line1; ++current) {
    if (column + 1 >= lines_[current].size()) continue;
    // A cell exists in this column: print the lines before the block, then find its extent.
    write_lines(line0, current);
    line0 = current;
    int width = minwidth_;
    for (; current < line1; ++current) {
      const std::vector<Cell>& line = lines_[current];
      if (column + 1 >= line.size()) break;
      width = std::max(width, line[column].width + padding_);
    }
    widths_.push_back(width);
    format(line0, current);
    widths_.pop_back();
    line0 = current;
    // The loop's increment skips the line that ended the block: it has no cell here either.
  }
  write_lines(line0, line1);
}

void TabWriter::write_lines(std::size_t line0, std::size_t line1) {
  for (std::size_t i = line0; i < line1; ++i) {
    const std::vector<Cell>& line = lines_[i];
    for (std::size_t j = 0; j < line.size(); ++j) {
      const Cell& c = line[j];
      if (c.size > 0) {
        out_.append(buf_, pos_, c.size);
        pos_ += c.size;
      }
      if (j < widths_.size()) write_padding(c.width, widths_[j]);
    }
    if (i + 1 == lines_.size()) {
      // The last buffered line has no newline yet: write any outstanding text.
      out_.append(buf_, pos_, cell_.size);
      pos_ += cell_.size;
    } else {
      out_ += '\n';
    }
  }
}

void TabWriter::write_padding(int textw, int cellw) {
  if (padchar_ == '\t') {
    if (tabwidth_ == 0) return;
    cellw = (cellw + tabwidth_ - 1) / tabwidth_ * tabwidth_;
    out_.append(static_cast<std::size_t>((cellw - textw + tabwidth_ - 1) / tabwidth_), '\t');
    return;
  }
  if (cellw > textw) out_.append(static_cast<std::size_t>(cellw - textw), padchar_);
}

}  // namespace capstan::orchestrator
