// The release record: one revision of a chart installed under a name, as Helm's
// pkg/release models it (Release, Info, Hook, Status). Its JSON form is Helm's, so records
// written by Helm can be read here and the other way round (release/record_codec.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "release/go_time.h"

namespace capstan::release {

enum class Status {
  Unknown,
  Deployed,
  Uninstalled,
  Superseded,
  Failed,
  Uninstalling,
  PendingInstall,
  PendingUpgrade,
  PendingRollback,
};

// "deployed", "pending-install", ... as Helm writes them.
std::string_view status_name(Status status);
// The status a name stands for; names Helm does not know read as Unknown.
Status parse_status(std::string_view name);
// Go: Status.IsPending.
bool is_pending(Status status);

struct HookExecution {
  Time started_at;
  Time completed_at;
  std::string phase;  // "Unknown", "Running", "Succeeded", "Failed" (or "" never run)
};

struct Hook {
  std::string name;
  std::string kind;
  std::string path;  // chart-relative template path
  std::string manifest;
  std::vector<std::string> events;  // "pre-install", ...
  HookExecution last_run;
  int weight = 0;
  std::vector<std::string> delete_policies;
  std::vector<std::string> output_log_policies;
};

struct Info {
  Time first_deployed;
  Time last_deployed;
  Time deleted;
  std::string description;
  Status status = Status::Unknown;
  std::string notes;
  // Live objects by "VERSION/KIND", filled only for `status --show-resources` output (Helm's
  // Info.Resources; never stored).
  std::map<std::string, std::vector<Value>> resources;
};

struct Release {
  std::string name;
  Info info;
  // The chart as Helm stores it in every revision: {metadata, lock, templates[{name, data}],
  // values, schema, files}, with file contents as Bytes. Null when the record has none.
  Value chart;
  Value config;  // the user-supplied values (a map, possibly empty)
  std::string manifest;
  std::vector<Hook> hooks;
  int version = 0;
  std::string ns;  // the namespace ("namespace" in JSON)
  // Custom release labels; kept in the storage object's labels, never in the JSON.
  std::map<std::string, std::string> labels;

  void set_status(Status status, std::string description) {
    info.status = status;
    info.description = std::move(description);
  }
};

// Chart fields shown by history and list.
std::string chart_name(const Value& chart);
std::string chart_version(const Value& chart);
std::string chart_app_version(const Value& chart);
// "<name>-<version>", or "MISSING" when the record has no chart metadata (Helm's
// formatChartName, helm#1347).
std::string format_chart_name(const Value& chart);
// The app version, or "MISSING" without metadata (formatAppVersion).
std::string format_app_version(const Value& chart);

}  // namespace capstan::release
