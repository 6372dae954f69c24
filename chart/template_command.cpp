// `helm template` (Helm's cmd/helm/template.go over action.Install in client-only mode, as the
// oracle's main.go models it): the checks in Helm's order, then the release manifest, the
// hooks, and --show-only.
#include "chart/template_command.h"

#include <sys/stat.h>

#include <set>

#include "chart/dependencies.h"
#include "chart/go_format.h"
#include "chart/loader.h"
#include "chart/locate.h"
#include "chart/manifest.h"
#include "chart/output_dir.h"
#include "chart/path_match.h"
#include "chart/release_render.h"
#include "chart/render.h"
#include "core/error.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "templating/parser.h"
#include "templating/template_set.h"

namespace capstan::chart {

namespace {

constexpr std::string_view kReleaseNameRegex =
    "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

bool is_dns_subdomain(const std::string& name) {
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  std::size_t start = 0;
  while (true) {
    std::size_t dot = name.find('.', start);
    std::string label = name.substr(start, dot == std::string::npos ? dot : dot - start);
    if (label.empty() || !alnum(label.front()) || !alnum(label.back()))
      return false;
    for (char c : label) {
      if (!alnum(c) && c != '-')
        return false;
    }
    if (dot == std::string::npos)
      return true;
    start = dot + 1;
  }
}

struct Prepared {
  std::shared_ptr<Chart> chart;
  Value user_values;
  Capabilities caps;
};

// The oracle's prepare(): everything Helm checks before the release object exists.
Prepared prepare(const TemplateOptions& o) {
  Prepared p;
  p.caps = default_capabilities();
  if (!o.kube_version.empty()) {
    try {
      p.caps.kube_version = parse_kube_version(o.kube_version);
    } catch (const Error& e) {
      throw Error(ErrorKind::BadRequest,
                  "invalid kube version '" + o.kube_version + "': " + e.what());
    }
  }
  p.caps.api_versions.insert(p.caps.api_versions.end(), o.api_versions.begin(),
                             o.api_versions.end());
  const std::string chart_path = locate_local_chart(o.chart_path);
  p.user_values = merge_user_values(o.values, o.read_file);
  LoadOptions load_options;
  load_options.log = o.log;
  p.chart = load(chart_path, load_options);
  const std::string& type = p.chart->metadata.type;
  if (!type.empty() && type != "application") {
    throw Error(ErrorKind::Chart, type + " charts are not installable");
  }
  if (p.chart->metadata.deprecated)
    log_to(o.log, "", "WARNING: This chart is deprecated");
  if (p.chart->metadata.has_dependencies) {
    try {
      check_dependencies(*p.chart);
    } catch (const Error& e) {
      throw Error(e.kind(),
                  "An error occurred while checking for chart dependencies. You may need to run "
                  "`helm dependency build` to fetch missing dependencies: " +
                      std::string(e.what()));
    }
  }
  validate_release_name(o.release_name);
  return p;
}

bool is_test_hook(const Hook& h) {
  for (const std::string& e : h.events) {
    if (e == "test")
      return true;
  }
  return false;
}

// The path after the chart name in a document's "# Source: CHART/PATH" line (Helm's regex
// `# Source: [^/]+/(.+)`), or nullopt.
std::optional<std::string> source_path(const std::string& doc) {
  constexpr std::string_view kPrefix = "# Source: ";
  std::size_t from = 0;
  while ((from = doc.find(kPrefix, from)) != std::string::npos) {
    std::size_t start = from + kPrefix.size();
    std::size_t slash = doc.find('/', start);
    if (slash != std::string::npos && slash > start) {
      std::size_t end = doc.find('\n', slash + 1);
      std::string rest = doc.substr(slash + 1, end == std::string::npos ? end : end - slash - 1);
      if (!rest.empty())
        return rest;
    }
    ++from;
  }
  return std::nullopt;
}

}  // namespace

void validate_release_name(const std::string& name) {
  if (name.empty()) {
    throw Error(ErrorKind::BadRequest,
                "release name " + strconv::quote(name) + ": no name provided");
  }
  if (name.size() > 53 || !is_dns_subdomain(name)) {
    throw Error(ErrorKind::BadRequest, "release name " + strconv::quote(name) +
                                           ": invalid release name, must match regex " +
                                           std::string(kReleaseNameRegex) +
                                           " and the length must not be longer than 53");
  }
}

std::string render_name_template(std::string_view text) {
  templating::EngineOptions options;
  options.missing_key = templating::MissingKey::Default;  // template.New without Option()
  templating::Engine engine(options);
  // Helm parses the name template with Sprig's functions only: none of the engine's own, and
  // Sprig's plain `fail`.
  for (const char* helm_only : {"include", "tpl", "required", "lookup", "toYaml", "toYamlPretty",
                                "fromYaml", "fromYamlArray", "fromJson", "fromJsonArray", "toToml",
                                "fromToml"}) {
    engine.funcs().erase(helm_only);
  }
  engine.funcs().add("fail", "func(string) (string, error)",
                     [](templating::CallContext&, templating::Args& args) -> Value {
                       throw templating::FuncError(args[0].as_string());
                     });
  try {
    engine.templates().parse("name-template", std::string(text));
  } catch (const templating::ParseError& e) {
    throw Error(ErrorKind::Parse, e.what());
  }
  return engine.execute("name-template", Value());
}

std::string values_command(const TemplateOptions& options) {
  Prepared p = prepare(options);
  return yaml::encode(prepare_values(*p.chart, p.user_values, options.log));
}

std::map<std::string, std::string> render_command(const TemplateOptions& options) {
  Prepared p = prepare(options);
  Value values = prepare_values(*p.chart, p.user_values, options.log);
  ReleaseInfo release;
  release.name = options.release_name;
  release.namespace_ = options.namespace_;
  release.is_upgrade = options.is_upgrade;
  release.is_install = !options.is_upgrade;
  return render_templates(*p.chart, to_render_values(values, release, p.caps), options.engine);
}

namespace {
std::string print_rendered(const TemplateOptions& options, const Chart& chart,
                           const RenderedRelease& rel);
}  // namespace

std::string template_command(const TemplateOptions& options) {
  Prepared p = prepare(options);
  RenderOptions render;
  render.release.name = options.release_name;
  render.release.namespace_ = options.namespace_;
  render.release.is_upgrade = options.is_upgrade;
  render.release.is_install = !options.is_upgrade;
  render.capabilities = p.caps;
  render.engine = options.engine;
  render.engine.deterministic = render.engine.deterministic || options.deterministic;
  render.include_crds = options.include_crds;
  render.skip_schema_validation = options.skip_schema_validation;
  render.log = options.log;
  render.retain = options.retain;
  RenderedRelease rel;
  try {
    rel = render_release(*p.chart, p.user_values, render);
  } catch (const RenderError& e) {
    throw RenderError(e.kind(),
                      std::string(e.what()) + "\n\nUse --debug flag to render out invalid YAML");
  }
  std::string out = print_rendered(options, *p.chart, rel);
  if (options.retain != nullptr) {
    options.retain->keep(std::move(p));
    options.retain->keep(std::move(rel));
  }
  return out;
}

namespace {

// What `helm template` prints (or writes under --output-dir) for a rendered release.
std::string print_rendered(const TemplateOptions& options, const Chart& chart,
                           const RenderedRelease& rel) {
  // With --output-dir, action.renderResources writes CRDs (under DIR itself) and manifests
  // (under DIR or DIR/RELEASE) instead of the release manifest, and template.go then writes
  // the hooks, appending to any file that already exists, even from an earlier run.
  std::string wrote;
  std::string manifest = rel.manifest;
  if (!options.output_dir.empty()) {
    manifest.clear();
    const std::string dir = options.use_release_name
                                ? options.output_dir + "/" + options.release_name
                                : options.output_dir;
    std::set<std::string> written;
    if (options.include_crds) {
      for (const CrdFile& crd : crd_objects(chart)) {
        OutputDir::write(options.output_dir, crd.filename, crd.file->data,
                         !written.insert(crd.filename).second, wrote);
      }
    }
    written.clear();
    for (const Manifest& m : rel.manifests) {
      OutputDir::write(dir, m.source, m.content, !written.insert(m.source).second, wrote);
    }
    if (!options.no_hooks) {
      for (const Hook& h : rel.hooks) {
        if (options.skip_tests && is_test_hook(h))
          continue;
        struct stat st {};
        const bool exists = ::stat((dir + "/" + h.path).c_str(), &st) == 0;
        OutputDir::write(dir, h.path, h.manifest, exists, wrote);
      }
    }
  }
  std::string all = std::string(go_trim_space(manifest)) + "\n";
  if (!options.no_hooks && options.output_dir.empty()) {
    for (const Hook& h : rel.hooks) {
      if (options.skip_tests && is_test_hook(h))
        continue;
      all += "---\n# Source: " + h.path + "\n" + h.manifest + "\n";
    }
  }
  if (options.show_only.empty())
    return wrote + all;
  const std::vector<std::string> docs = split_manifests(all);
  std::vector<const std::string*> picked;
  for (const std::string& f : options.show_only) {
    bool found = false;
    for (const std::string& doc : docs) {
      std::optional<std::string> path = source_path(doc);
      if (!path || path_match(f, *path) != MatchResult::Match)
        continue;
      picked.push_back(&doc);
      found = true;
    }
    if (!found)
      throw Error(ErrorKind::NotFound, "could not find template " + f + " in chart");
  }
  std::string out = wrote;
  for (const std::string* doc : picked) out += "---\n" + *doc + "\n";
  return out;
}

}  // namespace

}  // namespace capstan::chart
