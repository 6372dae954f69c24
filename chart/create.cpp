// helm create (see create.h).
#include "chart/create.h"

#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "chart/archive_writer.h"
#include "chart/loader.h"
#include "chart/metadata.h"
#include "chart/os_error.h"
#include "chart/package.h"
#include "chart/value_options.h"
#include "core/error.h"
#include "core/strconv.h"
#include "core/yaml.h"

namespace capstan::chart {

namespace {

namespace fs = std::filesystem;

#include "chart/create_scaffold.inc"

constexpr std::size_t kMaxChartNameLength = 250;

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t hit; (hit = text.find(from, at)) != std::string_view::npos;
       at = hit + from.size()) {
    out.append(text.substr(at, hit - at));
    out.append(to);
  }
  out.append(text.substr(at));
  return out;
}

std::string transform(std::string_view text, const std::string& name) {
  return replace_all(text, "<CHARTNAME>", name);
}

// validateChartName: ^[a-zA-Z0-9._-]+$ and at most 250 bytes. Deliberate difference: "." and
// ".." (which the expression allows) are refused, since they would scaffold into the parent.
void validate_chart_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxChartNameLength) {
    throw Error(ErrorKind::BadRequest, "chart name must be between 1 and " +
                                           std::to_string(kMaxChartNameLength) + " characters");
  }
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) {
      throw Error(ErrorKind::BadRequest,
                  "chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\"");
    }
  }
  if (name == "." || name == "..")
    throw Error(ErrorKind::BadRequest, "chart name " + strconv::quote(name) + " is not allowed");
}

void write_file(const fs::path& path, std::string_view content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw os_error("mkdir", path.parent_path().string(), ec.value());
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f)
    throw os_error("open", path.string(), errno);
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!f)
    throw os_error("write", path.string(), errno);
}

// filepath.Dir and filepath.Base of the NAME argument.
std::pair<std::string, std::string> split_name(const std::string& name) {
  std::string n = name;
  while (n.size() > 1 && n.back() == '/') n.pop_back();
  const std::size_t slash = n.rfind('/');
  if (slash == std::string::npos)
    return {".", n.empty() ? "." : n};
  return {slash == 0 ? "/" : n.substr(0, slash), n.substr(slash + 1)};
}

// chartutil.SaveDir: the chart's files under DEST/NAME/, subcharts as archives in charts/.
void save_dir(const Chart& c, const fs::path& dest) {
  const fs::path outdir = dest / c.name();
  struct stat st {};
  if (::stat(outdir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
    throw Error(ErrorKind::Chart,
                "file " + outdir.string() + " already exists and is not a directory");
  }
  Metadata md = c.metadata;
  if (md.api_version == kApiVersionV1)
    md.dependencies.clear();
  write_file(outdir / "Chart.yaml", yaml::encode(metadata_json(md)));
  if (!c.values.is_null())
    write_file(outdir / "values.yaml", c.values_raw);
  if (c.has_schema)
    write_file(outdir / "values.schema.json", c.schema);
  for (const File& f : c.templates) write_file(outdir / f.name, f.data);
  for (const File& f : c.files) write_file(outdir / f.name, f.data);
  for (const auto& dep : c.dependencies())
    write_file(outdir / "charts" / archive_file_name(*dep), chart_archive(*dep));
}

std::string create_from(const std::string& name, const fs::path& dest, const std::string& starter) {
  std::shared_ptr<Chart> sc;
  try {
    sc = load(starter);
  } catch (const Error& e) {
    throw Error(e.kind(), "could not load " + starter + ": " + e.what());
  }
  // The metadata create.go builds for a starter.
  Metadata md;
  md.name = name;
  md.description = "A Helm chart for Kubernetes";
  md.type = "application";
  md.version = "0.1.0";
  md.app_version = "0.1.0";
  md.api_version = std::string(kApiVersionV2);
  sc->metadata = md;
  for (File& t : sc->templates) t.data = transform(t.data, name);
  try {
    sc->values = read_values(transform(yaml::encode(sc->values), name));
  } catch (const Error& e) {
    throw Error(e.kind(), "transforming values file: " + std::string(e.what()));
  }
  sc->values_raw = transform(sc->values_raw, name);
  save_dir(*sc, dest);
  return (dest / name).string();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> scaffold_files(const std::string& name) {
  return {
      {"Chart.yaml", replace_all(kChartfile, "<CHARTNAME>", name)},
      {"values.yaml", replace_all(kValues, "<CHARTNAME>", name)},
      {".helmignore", std::string(kIgnore)},
      {"templates/ingress.yaml", transform(kIngress, name)},
      {"templates/httproute.yaml", transform(kHTTPRoute, name)},
      {"templates/deployment.yaml", transform(kDeployment, name)},
      {"templates/service.yaml", transform(kService, name)},
      {"templates/serviceaccount.yaml", transform(kServiceAccount, name)},
      {"templates/hpa.yaml", transform(kHPA, name)},
      {"templates/NOTES.txt", transform(kNotes, name)},
      {"templates/_helpers.tpl", transform(kHelpers, name)},
      {"templates/tests/test-connection.yaml", transform(kTestConnection, name)},
  };
}

std::string create_chart(const CreateOptions& o, std::string& out) {
  out += "Creating " + o.name + "\n";
  const auto [dir, name] = split_name(o.name);
  validate_chart_name(name);
  const fs::path path = fs::absolute(dir).lexically_normal();
  std::string abs = path.string();
  while (abs.size() > 1 && abs.back() == '/') abs.pop_back();
  struct stat st {};
  if (::stat(abs.c_str(), &st) != 0)
    throw os_error("stat", abs, errno);
  if (!S_ISDIR(st.st_mode))
    throw Error(ErrorKind::BadRequest, "no such directory " + abs);
  if (!o.starter.empty()) {
    const std::string starter =
        o.starter[0] == '/' ? o.starter : (fs::path(o.starters_dir) / o.starter).string();
    return create_from(name, abs, starter);
  }
  const fs::path cdir = fs::path(abs) / name;
  if (::stat(cdir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
    throw Error(ErrorKind::Chart,
                "file " + cdir.string() + " already exists and is not a directory");
  }
  for (const auto& [rel, content] : scaffold_files(name)) {
    const fs::path p = cdir / rel;
    if (::stat(p.c_str(), &st) == 0)
      out += "WARNING: File " + strconv::quote(p.string()) + " already exists. Overwriting.\n";
    write_file(p, content);
  }
  std::error_code ec;
  fs::create_directories(cdir / "charts", ec);
  if (ec)
    throw os_error("mkdir", (cdir / "charts").string(), ec.value());
  return cdir.string();
}

}  // namespace capstan::chart
