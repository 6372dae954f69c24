// The in-memory chart: Chart.yaml metadata, templates, default values, other files, and the
// subcharts found under charts/. Shapes and field names follow Helm's pkg/chart (Metadata,
// Dependency, Maintainer, Chart), because templates see them as .Chart and toYaml prints them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/value.h"

namespace capstan::chart {

inline constexpr std::string_view kApiVersionV1 = "v1";
inline constexpr std::string_view kApiVersionV2 = "v2";

// One file of a chart, named relative to the chart root with '/' separators.
struct File {
  std::string name;
  std::string data;
};

struct Maintainer {
  std::string name;
  std::string email;
  std::string url;
};

// An entry of Chart.yaml's dependencies (requirements.yaml for apiVersion v1).
struct Dependency {
  std::string name;
  std::string version;
  std::string repository;
  std::string condition;
  std::vector<std::string> tags;
  bool enabled = false;
  Value import_values;  // a list of strings or {child, parent} maps, or null
  std::string alias;
};

// Chart.yaml. Maintainers and dependencies are shared pointers because they are pointers in Go
// (a YAML null is a nullptr that validation rejects; an aliased subchart shares its parent's
// Dependency objects, and Helm's dependency processing relies on that sharing).
struct Metadata {
  std::string name;
  std::string home;
  std::vector<std::string> sources;
  std::string version;
  std::string description;
  std::vector<std::string> keywords;
  std::vector<std::shared_ptr<Maintainer>> maintainers;
  std::string icon;
  std::string api_version;
  std::string condition;
  std::string tags;
  std::string app_version;
  bool deprecated = false;
  std::map<std::string, std::string> annotations;
  std::string kube_version;
  std::vector<std::shared_ptr<Dependency>> dependencies;
  // Go's Dependencies != nil: the key was present and not null (an empty list counts).
  bool has_dependencies = false;
  std::string type;
};

// A chart and its subcharts. Subcharts are owned by their parent; parent() is a non-owning
// back pointer, set by add_dependency.
class Chart {
 public:
  Chart() = default;
  // A shallow copy, as Go's `out := *c`: shares subcharts, values and Dependency objects.
  Chart(const Chart&) = default;
  Chart& operator=(const Chart&) = delete;

  Metadata metadata;
  std::vector<File> templates;  // templates/**, in load order
  Value values;                 // values.yaml (a map, or null without one)
  std::string values_raw;       // values.yaml as written (Helm's Raw entry: show, package)
  std::string schema;           // values.schema.json
  bool has_schema = false;      // values.schema.json exists (even empty: Helm's Schema != nil)
  Value lock;                   // Chart.lock, decoded (null without one)
  std::vector<File> files;      // everything else: .Files
  bool has_metadata = false;    // Chart.yaml (or requirements.yaml) was found

  const std::string& name() const { return metadata.name; }
  bool is_root() const { return parent_ == nullptr; }
  const Chart* parent() const { return parent_; }

  const std::vector<std::shared_ptr<Chart>>& dependencies() const { return dependencies_; }
  void add_dependency(std::shared_ptr<Chart> chart);
  void set_dependencies(std::vector<std::shared_ptr<Chart>> charts);

  // Where this chart's templates sit in rendered output: "root/charts/sub/charts/subsub".
  std::string full_path() const;

 private:
  Chart* parent_ = nullptr;
  std::vector<std::shared_ptr<Chart>> dependencies_;
};

// One crds/ file of a chart or a subchart (Helm's CRDObjects), in Helm's order.
struct CrdFile {
  std::string name;      // "crds/x.yaml"
  std::string filename;  // "root/charts/sub/crds/x.yaml", as printed in "# Source:"
  const File* file;      // owned by the chart
};
std::vector<CrdFile> crd_objects(const Chart& chart);

}  // namespace capstan::chart
