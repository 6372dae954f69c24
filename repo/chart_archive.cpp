// Chart archives written with libarchive (ustar entries, gzip).
#include "repo/chart_archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <map>

#include "chart/metadata.h"
#include "core/error.h"
#include "core/yaml.h"
#include "repo/digest.h"

namespace capstan::repo {

namespace {

void collect(const chart::Chart& c, const std::string& prefix,
             std::map<std::string, std::string>& out) {
  out[prefix + "Chart.yaml"] = yaml::encode(chart::metadata_json(c.metadata));
  if (!c.values_raw.empty() || c.values.is_map())
    out[prefix + "values.yaml"] = c.values_raw;
  if (c.has_schema)
    out[prefix + "values.schema.json"] = c.schema;
  if (!c.lock.is_null())
    out[prefix + "Chart.lock"] = yaml::encode(c.lock);
  for (const auto& f : c.templates) out[prefix + f.name] = f.data;
  for (const auto& f : c.files) out[prefix + f.name] = f.data;
  for (const auto& dep : c.dependencies()) collect(*dep, prefix + "charts/" + dep->name() + "/", out);
}

la_ssize_t append(struct archive*, void* data, const void* buffer, size_t length) {
  static_cast<std::string*>(data)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

}  // namespace

std::string chart_archive(const chart::Chart& c) {
  const std::string& name = c.metadata.name;
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos)
    throw Error(ErrorKind::Chart, "\"" + name + "\" is not a valid chart name");
  std::map<std::string, std::string> files;
  collect(c, name + "/", files);
  std::string out;
  struct archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_format_ustar(a);
  archive_write_set_bytes_in_last_block(a, 1);
  if (archive_write_open(a, &out, nullptr, append, nullptr) != ARCHIVE_OK) {
    const std::string why = archive_error_string(a) ? archive_error_string(a) : "archive error";
    archive_write_free(a);
    throw Error(ErrorKind::Io, why);
  }
  for (const auto& [path, data] : files) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, path.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 0, 0);
    archive_write_header(a, e);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

std::filesystem::path save_chart_archive(const chart::Chart& c, const std::filesystem::path& dir) {
  const std::string bytes = chart_archive(c);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto path = dir / (c.metadata.name + "-" + c.metadata.version + ".tgz");
  atomic_write_file(path, bytes, 0644);
  return path;
}

}  // namespace capstan::repo
