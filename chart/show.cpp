// helm show (see show.h).
#include "chart/show.h"

#include "chart/loader.h"
#include "chart/locate.h"
#include "chart/metadata.h"
#include "core/yaml.h"

namespace capstan::chart {

namespace {

bool equal_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// findReadme: the first of the chart's files named like a README (top level only, since file
// names are paths), in load order.
const File* find_readme(const Chart& chart) {
  for (const File& f : chart.files) {
    for (const char* n : {"readme.md", "readme.txt", "readme"}) {
      if (equal_fold(f.name, n))
        return &f;
    }
  }
  return nullptr;
}

}  // namespace

std::string show(const Chart& chart, ShowFormat format) {
  const bool all = format == ShowFormat::All;
  std::string out;
  if (format == ShowFormat::Chart || all)
    out += yaml::encode(metadata_json(chart.metadata)) + "\n";
  // Helm prints values only when the chart has a values.yaml (Values != nil).
  if ((format == ShowFormat::Values || all) && !chart.values.is_null()) {
    if (all)
      out += "---\n";
    out += chart.values_raw + "\n";
  }
  if (format == ShowFormat::Readme || all) {
    if (const File* readme = find_readme(chart)) {
      if (all)
        out += "---\n";
      out += readme->data + "\n";
    }
  }
  if (format == ShowFormat::Crds || all) {
    const std::vector<CrdFile> crds = crd_objects(chart);
    if (!crds.empty()) {
      if (all && crds[0].file->data.compare(0, 3, "---") != 0)
        out += "---\n";
      for (const CrdFile& crd : crds) out += crd.file->data + "\n";
    }
  }
  return out;
}

std::string show_command(std::string_view path, ShowFormat format, const Log& log) {
  LoadOptions options;
  options.log = log;
  return show(*load(locate_local_chart(path), options), format);
}

}  // namespace capstan::chart
