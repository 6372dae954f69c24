// get hooks/metadata/all and the live resources of status --show-resources.
#include "release/get.h"

#include <algorithm>
#include <set>

#include "core/json.h"
#include "core/json_text.h"
#include "core/yaml.h"
#include "release/manifest.h"
#include "release/release_json.h"
#include "templating/engine.h"

namespace capstan::release {

namespace {

const Value* chart_metadata(const Release& r) {
  const Value* md = r.chart.find("metadata");
  return md != nullptr && md->is_map() ? md : nullptr;
}

// k8s.io/apimachinery labels.Set.String(): sorted "k=v" joined by commas.
std::string label_set_string(const Value* annotations) {
  if (annotations == nullptr || !annotations->is_map()) return "";
  std::vector<std::string> items;
  for (const auto& [k, v] : annotations->map().entries) {
    items.push_back(k + "=" + (v.is_string() ? v.as_string() : json::encode(v)));
  }
  std::sort(items.begin(), items.end());
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
  return out;
}

std::string time_rfc3339(const Time& t) {
  // time.RFC3339 (no fractional seconds) in the time's own zone.
  std::string s = format_rfc3339_nano(Time::from_unix(t.unix_seconds, 0, t.offset_seconds));
  return t.is_zero() ? "0001-01-01T00:00:00Z" : s;
}

std::string go_time_string(const Time& t) {
  return t.is_zero() ? "0001-01-01 00:00:00 +0000 UTC" : format_go_string(t);
}

Value string_list_value(const std::vector<std::string>& items) {
  Value out = Value::empty_list();
  for (const std::string& s : items) out.push_back(s);
  return out;
}

// chart.Metadata as Go names its fields.
Value go_metadata(const Value* md) {
  if (md == nullptr) return Value();
  static const std::vector<std::pair<const char*, const char*>> kFields{
      {"Name", "name"},           {"Home", "home"},
      {"Sources", "sources"},     {"Version", "version"},
      {"Description", "description"}, {"Keywords", "keywords"},
      {"Maintainers", "maintainers"}, {"Icon", "icon"},
      {"APIVersion", "apiVersion"}, {"Condition", "condition"},
      {"Tags", "tags"},           {"AppVersion", "appVersion"},
      {"Deprecated", "deprecated"}, {"Annotations", "annotations"},
      {"KubeVersion", "kubeVersion"}, {"Dependencies", "dependencies"},
      {"Type", "type"}};
  Value out = Value::empty_map();
  for (const auto& [go, json_name] : kFields) {
    const Value* v = md->find(json_name);
    out.set(go, v != nullptr ? *v : Value(""));
  }
  return out;
}

// The selector of a workload whose pods status --show-resources lists (getSelectorFromObject).
std::optional<std::map<std::string, std::string>> pod_selector(const Value& object) {
  const std::string kind = object.get_string("kind");
  const Value* selector = nullptr;
  if (kind == "ReplicaSet" || kind == "Deployment" || kind == "StatefulSet" ||
      kind == "DaemonSet" || kind == "Job") {
    selector = object.find_path({"spec", "selector", "matchLabels"});
  } else if (kind == "ReplicationController") {
    selector = object.find_path({"spec", "selector"});
  } else {
    return std::nullopt;
  }
  std::map<std::string, std::string> out;
  if (selector != nullptr && selector->is_map()) {
    for (const auto& [k, v] : selector->map().entries) {
      if (v.is_string()) out[k] = v.as_string();
    }
  }
  return out;
}

}  // namespace

std::string format_hooks(const Release& r) {
  std::string out;
  for (const Hook& h : r.hooks) out += "---\n# Source: " + h.path + "\n" + h.manifest + "\n";
  return out;
}

std::string format_metadata(const Release& r, OutputFormat format) {
  const Value* md = chart_metadata(r);
  const std::string chart = md != nullptr ? md->get_string("name") : "";
  const std::string version = md != nullptr ? md->get_string("version") : "";
  const std::string app_version = md != nullptr ? md->get_string("appVersion") : "";
  const Value* annotations = md != nullptr ? md->find("annotations") : nullptr;
  const Value* deps = md != nullptr ? md->find("dependencies") : nullptr;
  const bool has_annotations = annotations != nullptr && annotations->is_map() &&
                               annotations->size() > 0;
  const bool has_deps = deps != nullptr && deps->is_list() && deps->size() > 0;
  const std::string deployed_at = time_rfc3339(r.info.last_deployed);
  if (format == OutputFormat::Table) {
    std::vector<std::string> names;
    if (has_deps) {
      for (const Value& d : deps->list().items) names.push_back(d.get_string("name"));
    }
    std::sort(names.begin(), names.end());
    std::string dep_names;
    for (std::size_t i = 0; i < names.size(); ++i) dep_names += (i ? "," : "") + names[i];
    return "NAME: " + r.name + "\nCHART: " + chart + "\nVERSION: " + version +
           "\nAPP_VERSION: " + app_version + "\nANNOTATIONS: " + label_set_string(annotations) +
           "\nDEPENDENCIES: " + dep_names + "\nNAMESPACE: " + r.ns +
           "\nREVISION: " + std::to_string(r.version) +
           "\nSTATUS: " + std::string(status_name(r.info.status)) +
           "\nDEPLOYED_AT: " + deployed_at + "\n";
  }
  // action.Metadata's JSON, in its field order (yaml sorts the keys itself).
  std::string out = "{\"name\":" + json::encode(Value(r.name)) +
                    ",\"chart\":" + json::encode(Value(chart)) +
                    ",\"version\":" + json::encode(Value(version)) +
                    ",\"appVersion\":" + json::encode(Value(app_version));
  if (has_annotations) out += ",\"annotations\":" + json::encode(*annotations);
  if (has_deps) {
    // chart.Dependency's JSON (field order and omitempty as the record writes it).
    out += ",\"dependencies\":" + encode_dependencies_json(*deps);
  }
  out += ",\"namespace\":" + json::encode(Value(r.ns)) +
         ",\"revision\":" + std::to_string(r.version) +
         ",\"status\":" + json::encode(Value(std::string(status_name(r.info.status)))) +
         ",\"deployedAt\":" + json::encode(Value(deployed_at)) + "}";
  if (format == OutputFormat::Json) return out + "\n";
  return yaml::encode(json::decode(out));
}

std::string format_get_all(const Release& r, const Value& computed_values) {
  StatusPrintOptions options;
  options.debug = true;
  options.show_metadata = true;
  options.computed_values = computed_values;
  return format_status(r, OutputFormat::Table, options);
}

Value release_template_data(const Release& r) {
  Value info = Value::map_of({{"FirstDeployed", go_time_string(r.info.first_deployed)},
                              {"LastDeployed", go_time_string(r.info.last_deployed)},
                              {"Deleted", go_time_string(r.info.deleted)},
                              {"Description", r.info.description},
                              {"Status", std::string(status_name(r.info.status))},
                              {"Notes", r.info.notes}});
  Value chart = Value::empty_map();
  if (r.chart.is_map()) {
    chart.set("Metadata", go_metadata(chart_metadata(r)));
    const Value* values = r.chart.find("values");
    chart.set("Values", values != nullptr ? *values : Value());
  }
  Value hooks = Value::empty_list();
  for (const Hook& h : r.hooks) {
    hooks.push_back(Value::map_of(
        {{"Name", h.name},
         {"Kind", h.kind},
         {"Path", h.path},
         {"Manifest", h.manifest},
         {"Events", string_list_value(h.events)},
         {"LastRun", Value::map_of({{"StartedAt", go_time_string(h.last_run.started_at)},
                                    {"CompletedAt", go_time_string(h.last_run.completed_at)},
                                    {"Phase", h.last_run.phase}})},
         {"Weight", h.weight},
         {"DeletePolicies", string_list_value(h.delete_policies)},
         {"OutputLogPolicies", string_list_value(h.output_log_policies)}}));
  }
  Value labels = Value::empty_map();
  for (const auto& [k, v] : r.labels) labels.set(k, v);
  return Value::map_of({{"Name", r.name},
                        {"Info", info},
                        {"Chart", chart},
                        {"Config", r.config.is_map() ? r.config : Value::empty_map()},
                        {"Manifest", r.manifest},
                        {"Hooks", hooks},
                        {"Version", r.version},
                        {"Namespace", r.ns},
                        {"Labels", labels}});
}

std::string render_release_template(const Release& r, std::string_view text) {
  templating::EngineOptions options;
  options.missing_key = templating::MissingKey::Default;
  templating::Engine engine(options);
  std::string out;
  templating::run_with_big_stack([&] {
    engine.parse("_", text);
    out = engine.execute("_", Value::map_of({{"Release", release_template_data(r)}}));
  });
  return out;
}

std::map<std::string, std::vector<Value>> release_resources(Cluster& cluster, const Release& r) {
  std::map<std::string, std::vector<Value>> out;
  std::vector<std::map<std::string, std::string>> selectors;
  for (const Resource& res : build_resources(r.manifest, r.ns)) {
    const std::optional<Value> live = cluster.get({res.api_version, res.kind, res.ns, res.name});
    if (!live) continue;
    const std::size_t slash = res.api_version.rfind('/');
    const std::string version =
        slash == std::string::npos ? res.api_version : res.api_version.substr(slash + 1);
    out[version + "/" + res.kind].push_back(*live);
    const auto selector = pod_selector(*live);
    if (!selector) continue;
    if (std::find(selectors.begin(), selectors.end(), *selector) != selectors.end()) continue;
    selectors.push_back(*selector);
    for (Value& pod : cluster.list("v1", "Pod", res.ns, *selector)) {
      out["v1/Pod(related)"].push_back(std::move(pod));
    }
  }
  return out;
}

}  // namespace capstan::release
