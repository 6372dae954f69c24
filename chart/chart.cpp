// The chart tree (see chart.h).
#include "chart/chart.h"

#include <algorithm>
#include <cctype>

namespace capstan::chart {

void Chart::add_dependency(std::shared_ptr<Chart> chart) {
  chart->parent_ = this;
  dependencies_.push_back(std::move(chart));
}

void Chart::set_dependencies(std::vector<std::shared_ptr<Chart>> charts) {
  dependencies_.clear();
  for (auto& chart : charts) add_dependency(std::move(chart));
}

std::string Chart::full_path() const {
  if (parent_ != nullptr)
    return parent_->full_path() + "/charts/" + name();
  return name();
}

namespace {

// filepath.Ext compared case-insensitively with .yaml, .yml, .json.
bool has_manifest_extension(const std::string& name) {
  std::size_t slash = name.rfind('/');
  std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return false;
  std::string ext = name.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

void collect_crds(const Chart& chart, std::vector<CrdFile>& out) {
  for (const File& f : chart.files) {
    if (f.name.rfind("crds/", 0) == 0 && has_manifest_extension(f.name)) {
      out.push_back({f.name, chart.full_path() + "/" + f.name, &f});
    }
  }
  for (const auto& dep : chart.dependencies()) collect_crds(*dep, out);
}

}  // namespace

std::vector<CrdFile> crd_objects(const Chart& chart) {
  std::vector<CrdFile> out;
  collect_crds(chart, out);
  return out;
}

}  // namespace capstan::chart
