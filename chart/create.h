// `helm create NAME` (cmd/helm/create.go, pkg/chartutil/create.go): a new chart directory with
// the structure Helm scaffolds (Chart.yaml, values.yaml, .helmignore, templates/ with
// _helpers.tpl, deployment, service, serviceaccount, ingress, httproute, hpa, NOTES.txt and
// tests/test-connection.yaml, and an empty charts/), written in capstan's own words
// (create_scaffold.inc). With a starter, the starter chart is copied instead (CreateFrom):
// its metadata replaced, "<CHARTNAME>" in templates and values.yaml replaced by the name.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace capstan::chart {

struct CreateOptions {
  std::string name;          // a path: the chart is created as filepath.Base(name) in Dir(name)
  std::string starter;       // -p/--starter: a name under starters_dir, or an absolute path
  std::string starters_dir;  // where named starters live
};

// Appends what Helm prints to `out` ("Creating NAME\n", "WARNING: File \"...\" already exists.
// Overwriting.\n") and returns the chart directory. Throws Error worded as Helm's ("chart name
// must match the regular expression \"^[a-zA-Z0-9._-]+$\"", "stat DIR: no such file or
// directory", "file X already exists and is not a directory"); `out` keeps the lines printed
// before the failure.
std::string create_chart(const CreateOptions& options, std::string& out);

// The scaffold's files for `name`, in the order Helm writes them: (relative path, content).
std::vector<std::pair<std::string, std::string>> scaffold_files(const std::string& name);

}  // namespace capstan::chart
