// pkg/lint/rules/template.go and deprecations.go: the chart rendered as `helm lint` renders it
// (release "test-release", revision 0, neither install nor upgrade, lint mode: `required` and
// `fail` only log), then each of the root chart's templates checked: its extension, Helm 2
// leftovers, and for .yaml files each rendered document's YAML, object name, API deprecation,
// workload selector and List annotations.
//
// Rendered files are split into documents as apimachinery's YAMLOrJSONDecoder splits a YAML
// stream (a line starting with "---", followed only by spaces or a comment); a file whose first
// character is '{' (a JSON stream there) is read the same way here.
#include <sys/stat.h>

#include <algorithm>

#include "chart/coalesce.h"
#include "chart/dependencies.h"
#include "chart/go_format.h"
#include "chart/json_struct.h"
#include "chart/lint.h"
#include "chart/lint_validators.h"
#include "chart/loader.h"
#include "chart/release_render.h"
#include "chart/render.h"
#include "chart/values_schema.h"
#include "core/error.h"
#include "core/strconv.h"
#include "core/yaml.h"

namespace capstan::chart::lint {

namespace {

using Err = std::optional<std::string>;

struct Deprecation {
  const char* api_version;
  const char* kind;
  int deprecated_major, deprecated_minor;
  int removed_major, removed_minor;
  const char* replacement_api_version;
  const char* replacement_kind;
};

constexpr Deprecation kDeprecations[] = {
#include "chart/lint_deprecations.inc"
};

// K8sYamlStruct: what template.go decodes each document into.
struct K8sObject {
  std::string api_version;
  std::string kind;
  std::string name;
  std::string namespace_;
};

// filepath.Ext.
std::string_view extension(std::string_view name) {
  for (std::size_t i = name.size(); i > 0; --i) {
    if (name[i - 1] == '/')
      return {};
    if (name[i - 1] == '.')
      return name.substr(i - 1);
  }
  return {};
}

Err allowed_extension(std::string_view name) {
  const std::string_view ext = extension(name);
  for (const char* ok : {".yaml", ".yml", ".tpl", ".txt"}) {
    if (ext == ok)
      return std::nullopt;
  }
  return "file extension '" + std::string(ext) +
         "' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt";
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// crdHookSearch: `"?helm\.sh/hook"?:\s+crd-install`.
bool has_crd_hook(std::string_view data) {
  for (std::size_t at = data.find("helm.sh/hook"); at != std::string_view::npos;
       at = data.find("helm.sh/hook", at + 1)) {
    std::size_t i = at + 12;
    if (i < data.size() && data[i] == '"')
      ++i;
    if (i >= data.size() || data[i] != ':')
      continue;
    ++i;
    const std::size_t spaces = i;
    while (i < data.size() && is_space(data[i])) ++i;
    if (i > spaces && data.substr(i, 11) == "crd-install")
      return true;
  }
  return false;
}

// validateTopIndentLevel: the first non-blank line must not start with a space or tab.
Err top_indent(std::string_view content) {
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t nl = content.find('\n', start);
    std::string_view line = content.substr(start, nl == std::string_view::npos ? nl : nl - start);
    start = nl == std::string_view::npos ? content.size() : nl + 1;
    if (line.size() > 64 * 1024)
      return "bufio.Scanner: token too long";
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (go_trim_space(line).empty())
      continue;
    if (line[0] == ' ' || line[0] == '\t') {
      return "document starts with an illegal indent: " + strconv::quote(line) +
             ", which may cause parsing problems";
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// YAMLReader.Read: the documents of a stream, or the separator error.
std::vector<std::string> split_documents(std::string_view content, Err& error) {
  std::vector<std::string> docs;
  std::string buffer;
  std::size_t start = 0;
  while (start < content.size()) {
    const std::size_t nl = content.find('\n', start);
    std::string line(content.substr(start, nl == std::string_view::npos ? nl : nl - start));
    line += '\n';
    start = nl == std::string_view::npos ? content.size() : nl + 1;
    if (line.compare(0, 3, "---") == 0) {
      const std::string_view rest = go_trim_space(std::string_view(line).substr(3));
      if (!rest.empty() && rest[0] != '#') {
        error = "unable to parse YAML: invalid Yaml document separator: " + std::string(rest);
        return docs;
      }
      if (!buffer.empty()) {
        docs.push_back(std::move(buffer));
        buffer.clear();
      }
      continue;
    }
    buffer += line;
  }
  if (!buffer.empty())
    docs.push_back(std::move(buffer));
  return docs;
}

// sigs.k8s.io/yaml.Unmarshal of one document into *K8sYamlStruct: nullopt object for null.
std::optional<K8sObject> decode_object(const std::string& doc, Err& error) {
  Value v;
  try {
    yaml::DecodeOptions o;
    o.numbers = yaml::Numbers::Typed;
    v = yaml::decode(doc, o);
  } catch (const Error& e) {
    error = "unable to parse YAML: " + std::string(e.what());
    return std::nullopt;
  }
  JsonStructDecoder d;
  if (!d.top_level_object(v, "rules.K8sYamlStruct")) {
    error = "unable to parse YAML: error unmarshaling JSON: while decoding JSON: " + *d.error();
    return std::nullopt;
  }
  if (v.is_null())
    return std::nullopt;
  K8sObject obj;
  const JsonStructDecoder::Scope top{"K8sYamlStruct", ""};
  for (const auto& [f, item] :
       JsonStructDecoder::match_fields(v, {"apiVersion", "Kind", "Metadata"})) {
    if (f == "apiVersion")
      d.string_field(item, obj.api_version, top, f);
    if (f == "Kind")
      d.string_field(item, obj.kind, top, f);
    if (f == "Metadata") {
      if (item.is_map()) {
        const JsonStructDecoder::Scope meta{"k8sYamlMetadata", "Metadata"};
        for (const auto& [mf, mv] : JsonStructDecoder::match_fields(item, {"Namespace", "Name"})) {
          d.string_field(mv, mf == "Name" ? obj.name : obj.namespace_, meta, mf);
        }
      } else if (!item.is_null()) {
        d.type_error(item, "rules.k8sYamlMetadata", top, f);
      }
    }
  }
  if (d.error()) {
    error = "unable to parse YAML: error unmarshaling JSON: while decoding JSON: " + *d.error();
    return std::nullopt;
  }
  return obj;
}

// validateMetadataName.
Err metadata_name(const K8sObject& obj) {
  std::vector<std::string> errs;
  for (const std::string& detail : validate_object_name(obj.kind, obj.name)) {
    std::string e = "metadata.name: Invalid value: " + strconv::quote(obj.name) + ": " + detail;
    if (std::find(errs.begin(), errs.end(), e) == errs.end())
      errs.push_back(std::move(e));
  }
  if (errs.empty())
    return std::nullopt;
  std::string aggregate = errs[0];
  if (errs.size() > 1) {
    aggregate = "[";
    for (std::size_t i = 0; i < errs.size(); ++i) aggregate += (i > 0 ? ", " : "") + errs[i];
    aggregate += "]";
  }
  return "object name does not conform to Kubernetes naming requirements: " +
         strconv::quote(obj.name) + ": " + aggregate;
}

// validateNoDeprecations with deprecation.IsDeprecated and WarningMessage.
Err deprecation(const K8sObject& obj, const KubeVersion& kube) {
  if (obj.api_version.empty() || obj.kind.empty())
    return std::nullopt;
  const Deprecation* d = nullptr;
  for (const Deprecation& x : kDeprecations) {
    if (obj.api_version == x.api_version && obj.kind == x.kind)
      d = &x;
  }
  if (d == nullptr)
    return std::nullopt;  // not registered, or never deprecated
  const int major = std::stoi(kube.major);
  const int minor = std::stoi(kube.minor);
  const bool deprecated = (major == 0 && minor == 0) || d->deprecated_major < major ||
                          (d->deprecated_major == major && d->deprecated_minor <= minor);
  if (!deprecated)
    return std::nullopt;
  std::string msg = std::string(d->api_version) + " " + d->kind + " is deprecated in v" +
                    std::to_string(d->deprecated_major) + "." +
                    std::to_string(d->deprecated_minor) + "+";
  if (d->removed_major != 0 || d->removed_minor != 0) {
    msg += ", unavailable in v" + std::to_string(d->removed_major) + "." +
           std::to_string(d->removed_minor) + "+";
  }
  if (*d->replacement_kind != '\0')
    msg += std::string("; use ") + d->replacement_api_version + " " + d->replacement_kind;
  return msg;
}

Err match_selector(const K8sObject& obj, std::string_view manifest) {
  if (obj.kind != "Deployment" && obj.kind != "ReplicaSet" && obj.kind != "DaemonSet" &&
      obj.kind != "StatefulSet")
    return std::nullopt;
  if (manifest.find("matchLabels") != std::string_view::npos ||
      manifest.find("matchExpressions") != std::string_view::npos)
    return std::nullopt;
  return "a " + obj.kind + " must contain matchLabels or matchExpressions, and " +
         strconv::quote(obj.name) + " does not";
}

// validateListAnnotations: the file's first document read as a List.
Err list_annotations(const K8sObject& obj, const std::string& manifest) {
  if (obj.kind != "List")
    return std::nullopt;
  Value v;
  try {
    v = yaml::decode(manifest);
  } catch (const Error& e) {
    return "unable to parse YAML: " + std::string(e.what());
  }
  const Value* items = v.is_map() ? v.find("items") : nullptr;
  if (items == nullptr || !items->is_list())
    return std::nullopt;
  for (const Value& item : items->list().items) {
    const Value* meta = item.is_map() ? item.find("metadata") : nullptr;
    const Value* ann = meta != nullptr && meta->is_map() ? meta->find("annotations") : nullptr;
    if (ann != nullptr && ann->is_map() && ann->find("helm.sh/resource-policy") != nullptr)
      return "Annotation 'helm.sh/resource-policy' within List objects are ignored";
  }
  return std::nullopt;
}

}  // namespace

void templates(Linter& linter, const Context& ctx) {
  std::string fpath = "templates/";
  const std::string dir = linter.chart_dir + "/templates";
  struct stat st {};
  const bool not_dir = ::stat(dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode);
  // A missing templates/ passes (Helm: "Templates directory is optional for now").
  if (!linter.run(Severity::Warning, fpath, not_dir ? Err("not a directory") : std::nullopt))
    return;
  std::shared_ptr<Chart> chart;
  try {
    LoadOptions options;
    options.log = ctx.log;
    chart = load(linter.chart_dir, options);
  } catch (const Error& e) {
    linter.run(Severity::Error, fpath, std::string(e.what()));
    return;
  }
  Value values;
  try {
    // Lint processes dependencies (ignoring import-values failures) and coalesces, and
    // ToRenderValues coalesces once more: Helm's coalescing warnings come twice.
    process_dependencies(*chart, ctx.values, ctx.log);
    const Value cvals = coalesce_values(*chart, ctx.values, ctx.log);
    values = coalesce_values(*chart, cvals, ctx.log);
  } catch (const Error&) {
    return;
  }
  if (!ctx.skip_schema_validation) {
    try {
      check_values_schema(*chart, values, ctx.log);
    } catch (const Error& e) {
      linter.run(Severity::Error, fpath, std::string(e.what()));
      return;
    }
  }
  Capabilities caps = default_capabilities();
  if (ctx.kube_version)
    caps.kube_version = *ctx.kube_version;
  ReleaseInfo release;
  release.name = "test-release";
  release.namespace_ = ctx.namespace_;
  release.revision = 0;
  release.is_install = false;
  templating::EngineOptions engine;
  engine.lint_mode = true;
  engine.log = ctx.log;
  std::map<std::string, std::string> rendered;
  try {
    rendered = render_templates(*chart, to_render_values(values, release, caps), engine);
  } catch (const Error& e) {
    linter.run(Severity::Error, fpath, std::string(e.what()));
    return;
  }
  const KubeVersion kube = ctx.kube_version.value_or(default_lint_kube_version());
  for (const File& t : chart->templates) {
    fpath = t.name;
    linter.run(Severity::Error, fpath, allowed_extension(t.name));
    linter.run(Severity::Warning, fpath,
               has_crd_hook(t.data)
                   ? Err("manifest is a crd-install hook. This hook is no longer supported in v3 "
                         "and all CRDs should also exist the crds/ directory at the top level of "
                         "the chart")
                   : std::nullopt);
    linter.run(Severity::Error, fpath,
               t.data.find(".Release.Time") != std::string::npos
                   ? Err(".Release.Time has been removed in v3, please replace with the `now` "
                         "function in your templates")
                   : std::nullopt);
    if (extension(t.name) != ".yaml")
      continue;
    const auto it = rendered.find(chart->name() + "/" + t.name);
    const std::string content = it == rendered.end() ? "" : it->second;
    if (go_trim_space(content).empty())
      continue;
    linter.run(Severity::Warning, fpath, top_indent(content));
    Err split_error;
    const std::vector<std::string> docs = split_documents(content, split_error);
    for (const std::string& doc : docs) {
      Err error;
      const std::optional<K8sObject> obj = decode_object(doc, error);
      // A document that does not parse ends the whole rule, as in Helm (helm#11391).
      if (!linter.run(Severity::Error, fpath, error))
        return;
      if (!obj)
        continue;
      linter.run(Severity::Warning, fpath, metadata_name(*obj));
      linter.run(Severity::Warning, fpath, deprecation(*obj, kube));
      linter.run(Severity::Error, fpath, match_selector(*obj, content));
      linter.run(Severity::Error, fpath, list_annotations(*obj, content));
    }
    if (!linter.run(Severity::Error, fpath, split_error))
      return;
  }
}

}  // namespace capstan::chart::lint
