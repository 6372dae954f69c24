// A chart repository's index.yaml (Helm's pkg/repo/index.go): entries of chart versions with
// their metadata, URLs, digests and creation times. Loading is strict where Helm is (duplicate
// and unknown keys are errors in YAML, CVE-2020-15185) and tolerant where Helm is (null
// entries dropped, entries that fail validation skipped with a log line, CVE-2022-23525 and
// CVE-2021-21303); writing prints what sigs.k8s.io/yaml.Marshal prints for Helm's IndexFile.
//
// Chart versions hold string_views into storage the index owns (the file it was read from and
// an arena), so a 26 MB index costs little more than its own size in memory; the storage is
// shared between copies and indexes merged from it, and never changes once a view points in.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chart/chart.h"
#include "chart/log.h"
#include "core/value.h"

namespace capstan::repo {

inline constexpr std::string_view kApiVersionV1 = "v1";

struct IndexMaintainer {
  std::string_view name, email, url;
};

struct IndexDependency {
  std::string_view name, version, repository, condition, alias;
  std::vector<std::string_view> tags;
  bool enabled = false;
  Value import_values;  // a list, or null
};

// repo.ChartVersion: chart.Metadata inline, then the index's own fields.
struct ChartVersion {
  std::string_view name, home, version, description, icon, api_version, condition, tags,
      app_version, kube_version, type;
  std::vector<std::string_view> sources, keywords;
  std::vector<std::optional<IndexMaintainer>> maintainers;  // nullopt: a null node
  std::vector<std::pair<std::string_view, std::string_view>> annotations;  // sorted by key
  std::vector<std::optional<IndexDependency>> dependencies;                // nullopt: null
  bool deprecated = false;

  std::vector<std::string_view> urls;
  std::string_view created;  // RFC 3339 as written; "" = Go's zero time
  bool removed = false;
  std::string_view digest;
  // Deprecated fields Helm keeps so strict decoding accepts them.
  std::string_view checksum, engine, tiller_version, url;
};

// Helm's errors for index files.
inline constexpr std::string_view kErrNoApiVersion = "no API version specified";
inline constexpr std::string_view kErrEmptyIndex = "empty index.yaml file";
inline constexpr std::string_view kErrNoChartName = "no chart name found";
inline constexpr std::string_view kErrNoChartVersion = "no chart version found";

class IndexFile {
 public:
  // NewIndexFile: apiVersion v1, `generated` the given RFC 3339 time, no entries.
  explicit IndexFile(std::string generated = {});

  std::string api_version;
  std::string generated;  // RFC 3339 as written
  std::map<std::string, std::vector<ChartVersion>, std::less<>> entries;
  std::vector<std::string> public_keys;
  std::map<std::string, std::string> annotations;
  Value server_info;  // ChartMuseum's serverInfo, kept only to be written back

  // Copies `s` into the index's storage; the view stays valid as long as the index (or any
  // copy, or any index merged from it) lives.
  std::string_view store(std::string_view s);

  // MustAdd: validates (apiVersion defaults to v1) and appends a version; the URL is
  // base_url joined with the file's base name, or the file name itself without a base.
  // Throws Error "validate failed for FILE: validation: ...".
  void must_add(const chart::Metadata& md, std::string_view filename, std::string_view base_url,
                std::string_view digest, std::string_view created);

  // Has / Get: the version matching `version` exactly, else the newest satisfying it as a
  // SemVer constraint ("" = newest stable). Get throws Error with Helm's texts.
  bool has(std::string_view name, std::string_view version) const;
  const ChartVersion& get(std::string_view name, std::string_view version) const;

  // SortEntries: each chart's versions newest first (unparsable versions last).
  void sort_entries();

  // Merge: adds the versions of `other` whose name and version are not here yet.
  void merge(const IndexFile& other);

  // sigs.k8s.io/yaml.Marshal(IndexFile) and json.MarshalIndent(IndexFile, "", "  ").
  std::string to_yaml() const;
  std::string to_json() const;
  // The JSON object Helm marshals (keys as Go's json tags).
  Value to_value() const;

 private:
  friend class IndexBuilder;
  struct Storage {
    std::string buffer;             // the file the index was read from
    std::deque<std::string> arena;  // everything stored since
  };
  std::shared_ptr<Storage> storage_;
  std::vector<std::shared_ptr<Storage>> borrowed_;  // storage of indexes merged in
};

// The chart.Metadata a version describes (strings copied).
chart::Metadata to_metadata(const ChartVersion& cv);
// A version from chart metadata, its strings stored in `index`.
ChartVersion from_metadata(const chart::Metadata& md, IndexFile& index);
// The JSON object Helm writes for one version.
Value chart_version_value(const ChartVersion& cv);

struct LoadIndexOptions {
  std::string source;  // named in log lines ("skipping loading invalid entry ... from SOURCE")
  chart::Log log;      // Helm's log.Printf lines (location "index.go:NNN")
  // Read block YAML with the dedicated reader first (index_reader.h); results are the same
  // either way, tests turn it off to compare.
  bool fast_path = true;
};

// loadIndex: JSON when the text is valid JSON, else strict YAML; then the tolerant clean-up
// and sorting. Throws Error(kErrEmptyIndex) for empty text, the decoder's error, or
// kErrNoApiVersion.
IndexFile load_index(std::string text, const LoadIndexOptions& options = {});

// LoadIndexFile: reads `path`; errors are wrapped "error loading PATH: ...".
IndexFile load_index_file(const std::string& path, const chart::Log& log = {});

}  // namespace capstan::repo
