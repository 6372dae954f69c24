// Printing results as Helm's cmd/helm does: gosuri/uitable tables with a MaxColWidth (cells
// cut to width-3 columns plus "..."), output.EncodeJSON (json.Encoder: compact, HTML-escaped,
// newline) of small structs in their Go field order, and output.EncodeYAML.
//
// The table is a copy of the uitable rules chart/table.h (another branch) and
// release/table.h implement; repo/ may use neither (release is above it, chart's is not
// merged yet). Fold them into one when both land.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace capstan::repo {

enum class OutputFormat { Table, Json, Yaml };

using Row = std::vector<std::string>;
// uitable.Table.String() + "\n" (Helm's EncodeTable); max_col_width 0 = unbounded.
std::string format_uitable(const std::vector<Row>& rows, std::size_t max_col_width);

// A list of structs with string fields, in declaration order: json.Encoder's line, and
// yaml.Marshal's text (keys sorted, as sigs.k8s.io/yaml writes them).
using Fields = std::vector<std::pair<std::string, std::string>>;
std::string encode_json_list(const std::vector<Fields>& items);
std::string encode_yaml_list(const std::vector<Fields>& items);

}  // namespace capstan::repo
