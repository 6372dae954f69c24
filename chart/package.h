// `helm package` (pkg/action/package.go, pkg/chartutil/save.go): a chart directory loaded as
// Helm loads it (.helmignore honoured), --version / --app-version applied, dependencies
// checked, and written as NAME-VERSION.tgz with every file under NAME/:
//
//   NAME/Chart.yaml           the metadata re-serialized (sigs.k8s.io/yaml.Marshal: sorted
//                             keys, Helm's omitempty fields; no dependencies for apiVersion v1)
//   NAME/Chart.lock           apiVersion v2 only, re-serialized likewise (see lock.h)
//   NAME/values.yaml          exactly as written (comments kept)
//   NAME/values.schema.json   exactly as written (must be valid JSON)
//   NAME/templates/...        in load order, then every other file (.helmignore included)
//   NAME/charts/SUB/...       each subchart the same way, expanded (archives included)
//
// Deterministic, unlike Helm (which stamps time.Now() on each entry): every entry has mtime 0
// (1970-01-01T00:00:00Z), mode 0644, uid/gid 0 and no owner names; subcharts come in name
// order (Helm's follow Go map order); gzip carries no timestamp. The same chart therefore
// always packs to the same bytes.
#pragma once

#include <string>

#include "chart/chart.h"
#include "chart/log.h"

namespace capstan::chart {

struct PackageOptions {
  std::string chart_path;
  std::string version;             // --version
  std::string app_version;         // --app-version
  std::string destination = ".";   // -d/--destination ("." is the working directory)
  bool dependency_update = false;  // -u: refused (chart repositories live in repo/)
  Log log;
};

// The path written (Helm's: relative to --destination as given, absolute for "."). The
// archive is written to a temporary file and renamed, so a failure leaves nothing behind.
std::string package_chart(const PackageOptions& options);

// The uncompressed tar stream chartutil.Save writes for `chart`.
std::string chart_tar(const Chart& chart);

// gzip(chart_tar(chart)) with Helm's gzip header.
std::string chart_archive(const Chart& chart);

// "NAME-VERSION.tgz".
std::string archive_file_name(const Chart& chart);

}  // namespace capstan::chart
