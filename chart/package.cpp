// helm package (see package.h).
#include "chart/package.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "chart/archive_writer.h"
#include "chart/dependencies.h"
#include "chart/loader.h"
#include "chart/lock.h"
#include "chart/metadata.h"
#include "chart/os_error.h"
#include "core/error.h"
#include "core/json.h"
#include "core/semver.h"
#include "core/strconv.h"
#include "core/yaml.h"

namespace capstan::chart {

namespace fs = std::filesystem;

namespace {

// writeTarContents: one chart under PREFIX/NAME/, then its subcharts under .../charts/.
void write_chart(TarWriter& tw, const Chart& c, const std::string& prefix) {
  if (c.name().empty() || c.name().find('/') != std::string::npos || c.name() == "." ||
      c.name() == "..") {
    throw Error(ErrorKind::Chart, strconv::quote(c.name()) + " is not a valid chart name");
  }
  const std::string base = prefix.empty() ? c.name() : prefix + "/" + c.name();
  Metadata md = c.metadata;
  if (md.api_version == kApiVersionV1) {
    // Helm drops v1 dependencies from Chart.yaml: they live in requirements.yaml.
    md.dependencies.clear();
  }
  tw.add_file(base + "/Chart.yaml", yaml::encode(metadata_json(md)));
  if (md.api_version == kApiVersionV2 && !c.lock.is_null())
    tw.add_file(base + "/Chart.lock", yaml::encode(lock_json(c.lock)));
  if (!c.values.is_null())
    tw.add_file(base + "/values.yaml", c.values_raw);
  if (c.has_schema) {
    try {
      json::decode(c.schema);
    } catch (const Error&) {
      throw Error(ErrorKind::Chart, "Invalid JSON in values.schema.json");
    }
    tw.add_file(base + "/values.schema.json", c.schema);
  }
  for (const File& f : c.templates) tw.add_file(base + "/" + f.name, f.data);
  for (const File& f : c.files) tw.add_file(base + "/" + f.name, f.data);
  for (const auto& dep : c.dependencies()) write_chart(tw, *dep, base + "/charts");
}

// Save's destination checks: a missing directory is created, a file is refused.
void ensure_directory(const std::string& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno != ENOENT)
      throw Error(ErrorKind::Chart, "stat " + dir + ": " + os_error("stat", dir, errno).what());
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
      throw os_error("mkdir", dir, ec.value());
  } else if (!S_ISDIR(st.st_mode)) {
    throw Error(ErrorKind::Chart, "is not a directory: " + dir);
  }
}

void write_atomically(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr)
    throw os_error("open", path, errno);
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed || std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    throw os_error("write", path, err);
  }
}

}  // namespace

std::string chart_tar(const Chart& chart) {
  TarWriter tw;
  write_chart(tw, chart, "");
  return tw.finish();
}

std::string chart_archive(const Chart& chart) {
  return gzip_compress(chart_tar(chart), helm_gzip_options());
}

std::string archive_file_name(const Chart& chart) {
  return chart.name() + "-" + chart.metadata.version + ".tgz";
}

std::string package_chart(const PackageOptions& o) {
  struct stat st {};
  if (::stat(o.chart_path.c_str(), &st) != 0)
    throw os_error("stat", o.chart_path, errno);
  if (o.dependency_update) {
    throw Error(ErrorKind::BadRequest,
                "--dependency-update is not supported by capstan package yet: run `capstan "
                "dependency update` first");
  }
  // LoadDir: a path that is not a directory yields no files.
  if (!S_ISDIR(st.st_mode))
    throw Error(ErrorKind::Chart, "Chart.yaml file is missing");
  LoadOptions load_options;
  load_options.log = o.log;
  std::shared_ptr<Chart> c = load_dir(fs::absolute(o.chart_path), load_options);
  if (!o.version.empty())
    c->metadata.version = o.version;
  semver::Version::parse(c->metadata.version);  // validateVersion: Masterminds' error text
  if (!o.app_version.empty())
    c->metadata.app_version = o.app_version;
  if (c->metadata.has_dependencies)
    check_dependencies(*c);
  std::string dest = o.destination;
  if (dest == ".")
    dest = fs::current_path().string();
  try {
    validate_metadata(c->metadata);  // Save: c.Validate()
  } catch (const Error& e) {
    throw Error(e.kind(), "failed to save: chart validation: " + std::string(e.what()));
  }
  std::string file = (fs::path(dest) / archive_file_name(*c)).lexically_normal().string();
  try {
    const std::string bytes = chart_archive(*c);
    const std::string dir = fs::path(file).parent_path().string();
    ensure_directory(dir.empty() ? "." : dir);
    write_atomically(file, bytes);
  } catch (const Error& e) {
    throw Error(e.kind(), "failed to save: " + std::string(e.what()));
  }
  return file;
}

}  // namespace capstan::chart
