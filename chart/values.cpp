// chartutil's Values helpers (see values.h).
#include "chart/values.h"

namespace capstan::chart {

bool is_table(const Value& v) {
  return v.is_map() && v.map().elem_type == "interface {}";
}

namespace {

std::vector<std::string_view> split_dots(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos)
      break;
    start = dot + 1;
  }
  return parts;
}

}  // namespace

std::optional<Value> table(const Value& values, std::string_view dotted_path) {
  Value at = values;
  for (std::string_view part : split_dots(dotted_path)) {
    const Value* next = at.find(part);
    if (next == nullptr || !next->is_map())
      return std::nullopt;
    at = *next;
  }
  return at;
}

std::optional<Value> path_value(const Value& values, std::string_view dotted_path) {
  if (dotted_path.empty())
    return std::nullopt;
  std::vector<std::string_view> parts = split_dots(dotted_path);
  Value at = values;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const Value* next = at.find(parts[i]);
    if (next == nullptr || !next->is_map())
      return std::nullopt;
    at = *next;
  }
  const Value* leaf = at.find(parts.back());
  if (leaf == nullptr || is_table(*leaf))
    return std::nullopt;
  return *leaf;
}

}  // namespace capstan::chart
