// Release printers, line for line as Helm's cmd/helm writers.
#include "release/printers.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"
#include "core/json.h"
#include "core/yaml.h"
#include "release/release_json.h"
#include "release/table.h"

namespace capstan::release {

namespace {

std::string trim_space(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool equal_fold(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string time_or_empty(const Time& t) { return t.is_zero() ? "" : format_rfc3339_nano(t); }

// cmd/helm history.go releaseInfo, in its field order.
Value history_value(const std::vector<Release>& revisions) {
  Value out = Value::empty_list();
  for (const Release& r : revisions) {
    Value item = Value::empty_map();
    item.set("revision", r.version);
    item.set("updated", time_or_empty(r.info.last_deployed));
    item.set("status", std::string(status_name(r.info.status)));
    item.set("chart", format_chart_name(r.chart));
    item.set("app_version", format_app_version(r.chart));
    item.set("description", r.info.description);
    out.push_back(item);
  }
  return out;
}

void append_quoted(std::string& out, std::string_view key, const std::string& value, bool first) {
  if (!first) out += ',';
  out += json::encode(Value(key)) + ":" + json::encode(Value(value));
}

std::string list_updated(const Release& r, const std::string& layout) {
  if (r.info.last_deployed.is_zero()) return "-";
  return layout.empty() ? format_go_string(r.info.last_deployed)
                        : format_go_layout(r.info.last_deployed, layout);
}

}  // namespace

OutputFormat parse_output_format(std::string_view text) {
  if (text == "table") return OutputFormat::Table;
  if (text == "json") return OutputFormat::Json;
  if (text == "yaml") return OutputFormat::Yaml;
  throw Error(ErrorKind::BadRequest, "invalid format type");
}

std::string encode_json_line(const Value& value) { return json::encode(value) + "\n"; }

std::string format_history(const std::vector<Release>& revisions, OutputFormat format) {
  if (format == OutputFormat::Table) {
    std::vector<TableRow> rows{{"REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION",
                                "DESCRIPTION"}};
    for (const Release& r : revisions) {
      // A zero time prints Go's zero date (the releaseInfo keeps time.Time{}).
      rows.push_back({std::to_string(r.version),
                      r.info.last_deployed.is_zero() ? "Mon Jan  1 00:00:00 0001"
                                                     : format_ansic(r.info.last_deployed),
                      std::string(status_name(r.info.status)), format_chart_name(r.chart),
                      format_app_version(r.chart), r.info.description});
    }
    return format_table(rows);
  }
  if (format == OutputFormat::Yaml) return yaml::encode(history_value(revisions));
  // JSON in releaseInfo's field order.
  std::string out = "[";
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    const Release& r = revisions[i];
    if (i > 0) out += ',';
    out += "{\"revision\":" + std::to_string(r.version);
    append_quoted(out, "updated", time_or_empty(r.info.last_deployed), false);
    append_quoted(out, "status", std::string(status_name(r.info.status)), false);
    append_quoted(out, "chart", format_chart_name(r.chart), false);
    append_quoted(out, "app_version", format_app_version(r.chart), false);
    append_quoted(out, "description", r.info.description, false);
    out += '}';
  }
  return out + "]\n";
}

std::string format_list(const std::vector<Release>& releases, OutputFormat format,
                        const ListPrintOptions& options) {
  if (options.short_names) {
    if (format == OutputFormat::Table) {
      std::string out;
      for (const Release& r : releases) out += r.name + "\n";
      return out;
    }
    Value names = Value::empty_list();
    for (const Release& r : releases) names.push_back(r.name);
    if (format == OutputFormat::Yaml) return yaml::encode(names);
    // Go's nil slice of names encodes as null... but Helm makes it with capacity: "[]".
    return encode_json_line(names);
  }
  if (format == OutputFormat::Table) {
    std::vector<TableRow> rows;
    if (!options.no_headers) {
      rows.push_back({"NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART",
                      "APP VERSION"});
    }
    for (const Release& r : releases) {
      rows.push_back({r.name, r.ns, std::to_string(r.version), list_updated(r, options.time_format),
                      std::string(status_name(r.info.status)), format_chart_name(r.chart),
                      format_app_version(r.chart)});
    }
    return rows.empty() ? "\n" : format_table(rows);
  }
  if (format == OutputFormat::Yaml) {
    Value items = Value::empty_list();
    for (const Release& r : releases) {
      items.push_back(Value::map_of({{"name", r.name},
                                     {"namespace", r.ns},
                                     {"revision", std::to_string(r.version)},
                                     {"updated", list_updated(r, options.time_format)},
                                     {"status", std::string(status_name(r.info.status))},
                                     {"chart", format_chart_name(r.chart)},
                                     {"app_version", format_app_version(r.chart)}}));
    }
    return yaml::encode(items);
  }
  std::string out = "[";
  for (std::size_t i = 0; i < releases.size(); ++i) {
    const Release& r = releases[i];
    if (i > 0) out += ',';
    out += '{';
    append_quoted(out, "name", r.name, true);
    append_quoted(out, "namespace", r.ns, false);
    append_quoted(out, "revision", std::to_string(r.version), false);
    append_quoted(out, "updated", list_updated(r, options.time_format), false);
    append_quoted(out, "status", std::string(status_name(r.info.status)), false);
    append_quoted(out, "chart", format_chart_name(r.chart), false);
    append_quoted(out, "app_version", format_app_version(r.chart), false);
    out += '}';
  }
  return out + "]\n";
}

std::string format_status(const Release& r, OutputFormat format,
                          const StatusPrintOptions& options) {
  if (format == OutputFormat::Json) return encode_release_json(r) + "\n";
  if (format == OutputFormat::Yaml) return yaml::encode(release_as_value(r));
  std::string out = "NAME: " + r.name + "\n";
  if (!r.info.last_deployed.is_zero()) {
    out += "LAST DEPLOYED: " + format_ansic(r.info.last_deployed) + "\n";
  }
  out += "NAMESPACE: " + r.ns + "\n";
  out += "STATUS: " + std::string(status_name(r.info.status)) + "\n";
  out += "REVISION: " + std::to_string(r.version) + "\n";
  if (options.show_metadata) {
    out += "CHART: " + chart_name(r.chart) + "\n";
    out += "VERSION: " + chart_version(r.chart) + "\n";
    out += "APP_VERSION: " + chart_app_version(r.chart) + "\n";
  }
  if (options.show_description) out += "DESCRIPTION: " + r.info.description + "\n";
  if (options.show_resources && !r.info.resources.empty()) {
    out += "RESOURCES:\n" + options.resources_text + "\n";
  }
  // Test hooks that have run are listed; otherwise "None".
  bool any_test = false;
  std::string tests;
  for (const Hook& h : r.hooks) {
    if (std::find(h.events.begin(), h.events.end(), "test") == h.events.end()) continue;
    any_test = true;
    if (h.last_run.started_at.is_zero()) continue;
    tests += "TEST SUITE:     " + h.name + "\nLast Started:   " + format_ansic(h.last_run.started_at) +
             "\nLast Completed: " + format_ansic(h.last_run.completed_at) +
             "\nPhase:          " + h.last_run.phase + "\n";
  }
  out += any_test ? tests : "TEST SUITE: None\n";
  if (options.debug) {
    out += "USER-SUPPLIED VALUES:\n" + yaml::encode(r.config.is_null() ? Value::empty_map() : r.config) +
           "\n";
    out += "COMPUTED VALUES:\n" +
           yaml::encode(options.computed_values.is_null() ? Value::empty_map()
                                                          : options.computed_values) +
           "\n";
  }
  if (equal_fold(r.info.description, "Dry run complete") || options.debug) {
    out += "HOOKS:\n";
    for (const Hook& h : r.hooks) out += "---\n# Source: " + h.path + "\n" + h.manifest + "\n";
    out += "MANIFEST:\n" + r.manifest + "\n";
  }
  if (!options.hide_notes && !r.info.notes.empty()) {
    out += "NOTES:\n" + trim_space(r.info.notes) + "\n";
  }
  return out;
}

std::string format_values(const Value& values, bool all, OutputFormat format) {
  const Value& v = values.is_null() ? Value::empty_map() : values;
  switch (format) {
    case OutputFormat::Json:
      return encode_json_line(v);
    case OutputFormat::Yaml:
      return yaml::encode(v);
    case OutputFormat::Table:
      break;
  }
  return std::string(all ? "COMPUTED VALUES:\n" : "USER-SUPPLIED VALUES:\n") + yaml::encode(v);
}

}  // namespace capstan::release
