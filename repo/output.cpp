// Tables, JSON and YAML lists as Helm prints them.
#include "repo/output.h"

#include "core/json_text.h"
#include "core/value.h"
#include "core/yaml.h"

namespace capstan::repo {

namespace {

// go-runewidth for the common cases: East Asian wide and fullwidth characters take two columns.
int rune_width(char32_t r) {
  const bool wide = (r >= 0x1100 && r <= 0x115F) || (r >= 0x2E80 && r <= 0xA4CF) ||
                    (r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF) ||
                    (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
                    (r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x1F300 && r <= 0x1F64F) ||
                    (r >= 0x20000 && r <= 0x3FFFD);
  return wide ? 2 : 1;
}

std::size_t width(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const json::Rune r = json::decode_rune(s, i);
    i += static_cast<std::size_t>(r.size);
    w += static_cast<std::size_t>(rune_width(r.rune));
  }
  return w;
}

// strutil.Resize(s, n, false): padded to n, or cut to n-3 columns and "...".
std::string resize(const std::string& s, std::size_t n) {
  const std::size_t w = width(s);
  if (w == n)
    return s;
  if (w < n)
    return s + std::string(n - w, ' ');
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < s.size();) {
    const json::Rune r = json::decode_rune(s, i);
    out.append(s, i, static_cast<std::size_t>(r.size));
    i += static_cast<std::size_t>(r.size);
    const std::size_t rw = static_cast<std::size_t>(rune_width(r.rune));
    if (used + rw + 3 >= n)
      break;
    used += rw;
  }
  return out + "...";
}

}  // namespace

std::string format_uitable(const std::vector<Row>& rows, std::size_t max_col_width) {
  std::vector<std::size_t> widths;
  for (const Row& row : rows) {
    if (widths.size() < row.size())
      widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::size_t w = width(row[i]);
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
      out += widths[i] > 0 ? resize(rows[r][i], widths[i]) : rows[r][i];
    }
  }
  return out + "\n";
}

std::string encode_json_list(const std::vector<Fields>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += ',';
    out += '{';
    for (std::size_t f = 0; f < items[i].size(); ++f) {
      if (f > 0)
        out += ',';
      json::append_quoted(out, items[i][f].first, true);
      out += ':';
      json::append_quoted(out, items[i][f].second, true);
    }
    out += '}';
  }
  return out + "]\n";
}

std::string encode_yaml_list(const std::vector<Fields>& items) {
  Value list = Value::empty_list();
  for (const auto& item : items) {
    Value m = Value::empty_map();
    for (const auto& [k, v] : item) m.set(k, Value(v));
    list.push_back(m);
  }
  return yaml::encode(list);
}

}  // namespace capstan::repo
