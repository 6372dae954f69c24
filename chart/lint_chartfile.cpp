// pkg/lint/rules/chartfile.go: Chart.yaml read as chartutil.LoadChartfile reads it (no
// defaults, no cleaning), then each field checked, in Helm's order.
#include <sys/stat.h>

#include <cerrno>

#include "chart/lint.h"
#include "chart/lint_validators.h"
#include "chart/metadata.h"
#include "chart/os_error.h"
#include "core/error.h"
#include "core/semver.h"
#include "core/strconv.h"
#include "core/yaml.h"

namespace capstan::chart::lint {

namespace {

using Err = std::optional<std::string>;

// filepath.Base.
std::string base(std::string p) {
  if (p.empty())
    return ".";
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  if (p == "/")
    return "/";
  const std::size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

Err name_rule(const Metadata& md) {
  if (md.name.empty())
    return "name is required";
  if (base(md.name) != md.name)
    return "chart name " + strconv::quote(md.name) + " is invalid";
  return std::nullopt;
}

Err api_version_rule(const Metadata& md) {
  if (md.api_version.empty())
    return "apiVersion is required. The value must be either \"v1\" or \"v2\"";
  if (md.api_version != kApiVersionV1 && md.api_version != kApiVersionV2) {
    return "apiVersion '" + md.api_version +
           "' is not valid. The value must be either \"v1\" or \"v2\"";
  }
  return std::nullopt;
}

// isStringValue over the document decoded into map[string]interface{}: fmt's %T of the value.
Err string_type_rule(const Value& doc, std::string_view key) {
  const Value* v = doc.find(key);
  if (v == nullptr || v->is_string())
    return std::nullopt;
  const std::string type = v->is_null()   ? "<nil>"
                           : v->is_bool() ? "bool"
                           : v->is_list() ? "[]interface {}"
                           : v->is_map()  ? "map[string]interface {}"
                                          : "float64";
  return std::string(key) + " should be of type string but it's of type " + type;
}

Err version_rule(const Metadata& md) {
  if (md.version.empty())
    return "version is required";
  std::optional<semver::Version> v;
  try {
    v = semver::Version::parse(md.version);
  } catch (const Error&) {
    return "version '" + md.version + "' is not a valid SemVer";
  }
  const auto [ok, why] = semver::Constraints::parse(">0.0.0-0").validate(*v);
  if (!ok && !why.empty())
    return "version " + why[0];
  return std::nullopt;
}

Err maintainer_rule(const Metadata& md) {
  for (const auto& m : md.maintainers) {
    if (!m)
      return "a maintainer entry is empty";
    if (m->name.empty())
      return "each maintainer requires a name";
    if (!m->email.empty() && !is_email(m->email))
      return "invalid email '" + m->email + "' for maintainer '" + m->name + "'";
    if (!m->url.empty() && !is_url(m->url))
      return "invalid url '" + m->url + "' for maintainer '" + m->name + "'";
  }
  return std::nullopt;
}

Err sources_rule(const Metadata& md) {
  for (const std::string& s : md.sources) {
    if (s.empty() || !is_request_url(s))
      return "invalid source URL '" + s + "'";
  }
  return std::nullopt;
}

}  // namespace

void chartfile(Linter& linter) {
  const std::string file = "Chart.yaml";
  const std::string path = linter.chart_dir + "/" + file;
  struct stat st {};
  const bool is_dir = ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  linter.run(Severity::Error, file,
             is_dir ? Err("should be a file, not a directory") : std::nullopt);
  Metadata md;
  Value doc;
  Err load_error;
  try {
    const std::string text = read_os_file(path);
    yaml::DecodeOptions typed;
    typed.numbers = yaml::Numbers::Typed;
    decode_metadata(yaml::decode(text, typed), md);
    // loadChartFileForTypeCheck: the same text into map[string]interface{} (numbers float64).
    try {
      doc = yaml::decode(text);
    } catch (const Error&) {
    }
  } catch (const Error& e) {
    load_error = "unable to parse YAML\n\t" + std::string(e.what());
  }
  if (!linter.run(Severity::Error, file, load_error))
    return;
  linter.run(Severity::Error, file, name_rule(md));
  linter.run(Severity::Error, file, api_version_rule(md));
  linter.run(Severity::Error, file, string_type_rule(doc, "version"));
  linter.run(Severity::Error, file, version_rule(md));
  linter.run(Severity::Error, file, string_type_rule(doc, "appVersion"));
  linter.run(Severity::Error, file, maintainer_rule(md));
  linter.run(Severity::Error, file, sources_rule(md));
  linter.run(Severity::Info, file, md.icon.empty() ? Err("icon is recommended") : std::nullopt);
  linter.run(Severity::Error, file,
             !md.icon.empty() && !is_request_url(md.icon)
                 ? Err("invalid icon URL '" + md.icon + "'")
                 : std::nullopt);
  linter.run(Severity::Error, file,
             !md.type.empty() && md.api_version != kApiVersionV2
                 ? Err("chart type is not valid in apiVersion '" + md.api_version +
                       "'. It is valid in apiVersion 'v2'")
                 : std::nullopt);
  linter.run(Severity::Error, file,
             !md.dependencies.empty() && md.api_version != kApiVersionV2
                 ? Err("dependencies are not valid in the Chart file with apiVersion '" +
                       md.api_version + "'. They are valid in apiVersion 'v2'")
                 : std::nullopt);
}

}  // namespace capstan::chart::lint
