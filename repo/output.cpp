// Tables, JSON and YAML lists as Helm prints them.
#include "repo/output.h"

#include "chart/table.h"
#include "core/json_text.h"
#include "core/value.h"
#include "core/yaml.h"

namespace capstan::repo {

std::string format_uitable(const std::vector<Row>& rows, std::size_t max_col_width) {
  return chart::format_uitable(rows, max_col_width) + "\n";  // EncodeTable adds the newline
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
