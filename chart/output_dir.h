// `helm template --output-dir`: rendered documents written to files instead of stdout, laid out
// as Helm lays them out (cmd/helm/template.go and action.renderResources' writeToFile): each
// document goes to DIR/<its source path> ("DIR/mychart/templates/x.yaml", subcharts under
// DIR/mychart/charts/sub/templates/...) as "---\n# Source: PATH\nDOC\n", several documents of
// one source appended to one file, and stdout gets a "wrote FILE" line per document.
#pragma once

#include <string>
#include <string_view>

namespace capstan::chart {

class OutputDir {
 public:
  // Appends "wrote DIR/NAME\n" to `out` after writing; `append` adds to an existing file
  // (created 0600 by Go's O_APPEND open), else the file is created or truncated. Parent
  // directories are created (0755). Throws Error worded as Go's *os.PathError.
  static void write(const std::string& dir, std::string_view name, std::string_view data,
                    bool append, std::string& out);
};

}  // namespace capstan::chart
