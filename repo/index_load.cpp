// Loading index files as Helm's loadIndex does: JSON or strict YAML, then null entries dropped,
// missing apiVersions defaulted, invalid versions skipped with a log line, versions sorted.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "chart/json_struct.h"
#include "chart/metadata.h"
#include "core/error.h"
#include "core/json.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "repo/index.h"
#include "repo/index_reader.h"
#include "repo/rfc3339.h"

namespace capstan::repo {

using detail::RawEntries;

// Access to IndexFile's storage for loading.
class IndexBuilder {
 public:
  static std::string_view adopt(IndexFile& index, std::string text) {
    index.storage_->buffer = std::move(text);
    return index.storage_->buffer;
  }
  static std::string_view text(const IndexFile& index) { return index.storage_->buffer; }
};

namespace {

using chart::JsonStructDecoder;
using Scope = JsonStructDecoder::Scope;

bool equal_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// encoding/json's field matching: exact, else case-insensitive; "" for an unknown key.
std::string_view match(std::string_view key, const std::vector<std::string_view>& fields) {
  for (auto f : fields) {
    if (f == key)
      return f;
  }
  for (auto f : fields) {
    if (equal_fold(f, key))
      return f;
  }
  return {};
}

const std::vector<std::string_view> kMetadataFields = {
    "name",       "home",      "sources",     "version",     "description",  "keywords",
    "maintainers", "icon",     "apiVersion",  "condition",   "tags",         "appVersion",
    "deprecated", "annotations", "kubeVersion", "dependencies", "type"};
const std::vector<std::string_view> kVersionFields = {"urls",     "created", "removed",
                                                      "digest",   "checksum", "engine",
                                                      "tillerVersion", "url"};
const std::vector<std::string_view> kIndexFields = {"serverInfo", "apiVersion", "generated",
                                                    "entries",    "publicKeys", "annotations"};

// Errors in key order, the first one kept: encoding/json's saveError.
class Decoder {
 public:
  // `convert`: sigs.k8s.io/yaml's scalar conversion applies (YAML input); JSON input is
  // decoded by encoding/json alone.
  Decoder(bool strict, bool convert) : strict_(strict), convert_(convert) {}
  JsonStructDecoder d;

  void note(const std::string& message) {
    sync();
    if (!error_)
      error_ = message;
  }
  void sync() {
    if (!error_ && d.error())
      error_ = *d.error();
  }
  void unknown(std::string_view key) {
    if (strict_)
      note("json: unknown field " + strconv::quote(key));
  }
  const std::optional<std::string>& error() {
    sync();
    return error_;
  }
  // A string field of ChartVersion or IndexFile themselves.
  void string_field(const Value& v, std::string& out, const Scope& scope, std::string_view f) {
    if (!convert_ && !v.is_null() && !v.is_string()) {
      d.type_error(v, "string", scope, f);
      return;
    }
    d.string_field(v, out, scope, f);
  }
  void string_list(const Value& v, std::vector<std::string>& out, const Scope& scope,
                   std::string_view f) {
    if (!convert_ && v.is_list()) {
      for (const Value& item : v.list().items) {
        if (!item.is_null() && !item.is_string() && !item.is_list() && !item.is_map()) {
          d.type_error(item, "string", scope, f);
          return;
        }
      }
    }
    d.string_list(v, out, scope, f);
  }

 private:
  bool strict_;
  bool convert_;
  std::optional<std::string> error_;
};

bool is_scalar(const Value& v) { return !v.is_null() && !v.is_string() && !v.is_list() && !v.is_map(); }

// The fields of the embedded *chart.Metadata get no conversion from sigs.k8s.io/yaml (it
// looks the key up on ChartVersion, finds the embedded pointer, and a struct is not a string
// target), so a number or bool where Metadata has a string is encoding/json's type error, as
// it is in JSON. chart::decode_metadata converts them as Chart.yaml needs; this walk, in key
// order, finds such a scalar before any error decode_metadata would report (nullopt: none,
// or a structural error comes first and decode_metadata words it).
class UnconvertedScalars {
 public:
  std::optional<std::string> metadata(const Value& md) {
    for (const auto& [key, v] : md.map().entries) {
      std::string_view f = match(key, kMetadataFields);
      if (f.empty())
        continue;
      if (f == "sources" || f == "keywords") {
        if (!string_list(v, "ChartVersion", "entries." + std::string(f)))
          return result();
      } else if (f == "annotations") {
        if (v.is_null())
          continue;
        if (!v.is_map())
          return result();
        for (const auto& [k, item] : v.map().entries) {
          if (!string_value(item, "ChartVersion", "entries.annotations"))
            return result();
        }
      } else if (f == "deprecated") {
        if (!v.is_null() && !v.is_bool())
          return result();
      } else if (f == "maintainers" || f == "dependencies") {
        if (!structs(v, f))
          return result();
      } else if (!string_value(v, "ChartVersion", "entries." + std::string(f))) {
        return result();
      }
    }
    return result();
  }

 private:
  std::optional<std::string> result() const { return error_; }

  // false: stop (an error recorded, or a structural mismatch for decode_metadata).
  bool string_value(const Value& v, std::string_view type, const std::string& field) {
    if (v.is_null() || v.is_string())
      return true;
    if (is_scalar(v)) {
      error_ = "json: cannot unmarshal " + std::string(JsonStructDecoder::json_kind(v)) +
               " into Go struct field " + std::string(type) + "." + field + " of type string";
    }
    return false;
  }
  bool string_list(const Value& v, std::string_view type, const std::string& field) {
    if (v.is_null())
      return true;
    if (!v.is_list())
      return false;
    for (const Value& item : v.list().items) {
      if (!string_value(item, type, field))
        return false;
    }
    return true;
  }
  bool structs(const Value& v, std::string_view list) {
    if (v.is_null())
      return true;
    if (!v.is_list())
      return false;
    const bool maintainers = list == "maintainers";
    const std::string type = maintainers ? "Maintainer" : "Dependency";
    for (const Value& item : v.list().items) {
      if (item.is_null())
        continue;
      if (!item.is_map())
        return false;
      for (const auto& [key, value] : item.map().entries) {
        static const std::vector<std::string_view> kMaintainer = {"name", "email", "url"};
        static const std::vector<std::string_view> kDependency = {
            "name", "version", "repository", "condition", "tags", "enabled", "import-values",
            "alias"};
        std::string_view f = match(key, maintainers ? kMaintainer : kDependency);
        const std::string field = "entries." + std::string(list) + "." + std::string(f);
        if (f.empty() || f == "import-values")
          continue;
        if (f == "enabled") {
          if (!value.is_null() && !value.is_bool())
            return false;
        } else if (f == "tags") {
          if (!string_list(value, type, field))
            return false;
        } else if (!string_value(value, type, field)) {
          return false;
        }
      }
    }
    return true;
  }

  std::optional<std::string> error_;
};

// decode_metadata words its errors for Chart.yaml (struct Metadata at the top); inside an
// index the same fields sit under ChartVersion at "entries".
std::string index_field_error(std::string message) {
  for (const char* type : {"Metadata", "Maintainer", "Dependency"}) {
    const std::string from = std::string("Go struct field ") + type + ".";
    const std::string to = std::string("Go struct field ") +
                           (std::string(type) == "Metadata" ? "ChartVersion" : type) +
                           ".entries.";
    if (std::size_t at = message.find(from); at != std::string::npos)
      message.replace(at, from.size(), to);
  }
  return message;
}

// A time.Time field: Time.UnmarshalJSON's checks, the text kept as written.
void time_field(Decoder& dec, const Value& v, std::string& out) {
  if (v.is_null())
    return;
  if (!v.is_string()) {
    dec.note("Time.UnmarshalJSON: input is not a JSON string");
    return;
  }
  if (!normalize_rfc3339(v.as_string())) {
    dec.note("parsing time " + strconv::quote(v.as_string()) +
             " as \"2006-01-02T15:04:05Z07:00\": cannot parse " + strconv::quote(v.as_string()) +
             " as \"2006\"");
    return;
  }
  out = v.as_string();
}

ChartVersion decode_version(Decoder& dec, const Value& v, IndexFile& index) {
  const Scope scope{"ChartVersion", "entries"};
  Value metadata = Value::empty_map();
  std::vector<std::string> urls;
  std::string created, digest, checksum, engine, tiller, url;
  bool removed = false;
  bool metadata_done = false;
  chart::Metadata md;
  // encoding/json fills fields in key order and keeps the first error; the metadata fields
  // are gathered and decoded at the first of them, which is where their first error falls.
  auto decode_metadata = [&] {
    if (metadata_done)
      return;
    metadata_done = true;
    if (auto error = UnconvertedScalars().metadata(v)) {
      dec.note(*error);
      return;
    }
    for (const auto& [key, item] : v.map().entries) {
      if (!match(key, kMetadataFields).empty())
        metadata.set(key, item);
    }
    try {
      chart::decode_metadata(metadata, md);
    } catch (const Error& e) {
      std::string message = e.what();
      const std::string prefix = "error unmarshaling JSON: while decoding JSON: ";
      if (message.rfind(prefix, 0) == 0)
        message = message.substr(prefix.size());
      dec.note(index_field_error(message));
    }
  };
  for (const auto& [key, item] : v.map().entries) {
    if (std::string_view f = match(key, kMetadataFields); !f.empty()) {
      decode_metadata();
      continue;
    }
    std::string_view f = match(key, kVersionFields);
    if (f.empty()) {
      dec.unknown(key);
    } else if (f == "urls") {
      dec.string_list(item, urls, scope, f);
    } else if (f == "created") {
      time_field(dec, item, created);
    } else if (f == "removed") {
      dec.d.bool_field(item, removed, scope, f);
    } else if (f == "digest") {
      dec.string_field(item, digest, scope, f);
    } else if (f == "checksum") {
      dec.string_field(item, checksum, scope, f);
    } else if (f == "engine") {
      dec.string_field(item, engine, scope, f);
    } else if (f == "tillerVersion") {
      dec.string_field(item, tiller, scope, f);
    } else if (f == "url") {
      dec.string_field(item, url, scope, f);
    }
    dec.sync();
  }
  ChartVersion cv = from_metadata(md, index);
  for (const auto& u : urls) cv.urls.push_back(index.store(u));
  cv.created = index.store(created);
  cv.removed = removed;
  cv.digest = index.store(digest);
  cv.checksum = index.store(checksum);
  cv.engine = index.store(engine);
  cv.tiller_version = index.store(tiller);
  cv.url = index.store(url);
  return cv;
}

// The generic path: a decoded document into the index's fields.
std::optional<std::string> decode_document(const Value& doc, bool strict, IndexFile& index,
                                           RawEntries& entries) {
  // Strict decoding is the YAML path, where sigs.k8s.io/yaml converts scalars.
  Decoder dec(strict, strict);
  if (!dec.d.top_level_object(doc, "repo.IndexFile") || doc.is_null())
    return dec.error();
  const Scope scope{"IndexFile", ""};
  index.api_version.clear();
  for (const auto& [key, v] : doc.map().entries) {
    std::string_view f = match(key, kIndexFields);
    if (f.empty()) {
      dec.unknown(key);
    } else if (f == "apiVersion") {
      dec.string_field(v, index.api_version, scope, f);
    } else if (f == "generated") {
      time_field(dec, v, index.generated);
    } else if (f == "publicKeys") {
      dec.string_list(v, index.public_keys, scope, f);
    } else if (f == "annotations") {
      dec.d.string_map(v, index.annotations, scope, f);
    } else if (f == "serverInfo") {
      if (v.is_map() || v.is_null()) {
        index.server_info = v;
      } else {
        dec.d.type_error(v, "map[string]interface {}", scope, f);
      }
    } else if (f == "entries") {
      if (v.is_null())
        continue;
      if (!v.is_map()) {
        dec.d.type_error(v, "map[string]repo.ChartVersions", scope, f);
        continue;
      }
      for (const auto& [name, versions] : v.map().entries) {
        auto& out = entries[name];
        if (versions.is_null())
          continue;
        if (!versions.is_list()) {
          dec.d.type_error(versions, "repo.ChartVersions", scope, f);
          continue;
        }
        for (const Value& item : versions.list().items) {
          if (item.is_null()) {
            out.emplace_back();
          } else if (!item.is_map()) {
            dec.d.type_error(item, "repo.ChartVersion", scope, f);
          } else {
            out.emplace_back(decode_version(dec, item, index));
          }
        }
      }
    }
    dec.sync();
  }
  return dec.error();
}

bool plain_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7e)
      return false;
  }
  return true;
}

// Whether Metadata.Validate's sanitizeString would leave every string as it is.
bool already_clean(const ChartVersion& cv) {
  for (auto s : {cv.name, cv.description, cv.home, cv.icon, cv.condition, cv.tags, cv.app_version,
                 cv.kube_version}) {
    if (!plain_ascii(s))
      return false;
  }
  for (const auto* list : {&cv.sources, &cv.keywords}) {
    for (auto s : *list) {
      if (!plain_ascii(s))
        return false;
    }
  }
  for (const auto& m : cv.maintainers) {
    if (m && !(plain_ascii(m->name) && plain_ascii(m->email) && plain_ascii(m->url)))
      return false;
  }
  for (const auto& d : cv.dependencies) {
    if (!d)
      continue;
    if (!(plain_ascii(d->name) && plain_ascii(d->version) && plain_ascii(d->repository) &&
          plain_ascii(d->condition)))
      return false;
    for (auto t : d->tags) {
      if (!plain_ascii(t))
        return false;
    }
  }
  return true;
}

std::string_view base_of(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path.empty())
    return ".";
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos || path == "/" ? path : path.substr(slash + 1);
}

// Metadata.Validate's checks for a version whose strings are already clean (the common case:
// no copies); the same messages as chart::validate_metadata, which handles the rest.
std::optional<std::string> quick_validate(const ChartVersion& cv) {
  auto invalid = [](const std::string& m) { return std::optional<std::string>("validation: " + m); };
  if (cv.api_version.empty())
    return invalid("chart.metadata.apiVersion is required");
  if (cv.name.empty())
    return invalid("chart.metadata.name is required");
  if (cv.name == "." || cv.name == "..")
    return invalid("chart.metadata.name " + strconv::quote(cv.name) + " is not allowed");
  if (cv.name != base_of(cv.name))
    return invalid("chart.metadata.name " + strconv::quote(cv.name) + " is invalid");
  if (cv.version.empty())
    return invalid("chart.metadata.version is required");
  if (!chart::is_chart_version(cv.version))
    return invalid("chart.metadata.version " + strconv::quote(cv.version) + " is invalid");
  if (!cv.type.empty() && cv.type != "application" && cv.type != "library")
    return invalid("chart.metadata.type must be application or library");
  for (const auto& m : cv.maintainers) {
    if (!m)
      return invalid("maintainers must not contain empty or null nodes");
  }
  std::vector<std::string_view> seen;
  for (const auto& d : cv.dependencies) {
    if (!d)
      return invalid("dependencies must not contain empty or null nodes");
    bool alias_ok = true;
    for (char c : d->alias) {
      alias_ok = alias_ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '_' || c == '-');
    }
    if (!d->alias.empty() && !alias_ok) {
      return invalid("dependency " + strconv::quote(d->name) +
                     " has disallowed characters in the alias");
    }
    std::string_view key = d->alias.empty() ? d->name : d->alias;
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      return invalid("more than one dependency with name or alias " + strconv::quote(key));
    seen.push_back(key);
  }
  return std::nullopt;
}

// Metadata.Validate on a version (sanitising its strings in place), with Helm's
// ignoreSkippableChartValidationError: nullopt when the version may stay.
std::optional<std::string> validate(ChartVersion& cv, IndexFile& index) {
  std::optional<std::string> error;
  if (already_clean(cv)) {
    error = quick_validate(cv);
  } else {
    chart::Metadata md = to_metadata(cv);
    try {
      chart::validate_metadata(md);
    } catch (const Error& e) {
      error = e.what();
    }
    ChartVersion cleaned = from_metadata(md, index);
    cleaned.urls = std::move(cv.urls);
    cleaned.created = cv.created;
    cleaned.removed = cv.removed;
    cleaned.digest = cv.digest;
    cleaned.checksum = cv.checksum;
    cleaned.engine = cv.engine;
    cleaned.tiller_version = cv.tiller_version;
    cleaned.url = cv.url;
    cv = std::move(cleaned);
  }
  // helm#12748: JFrog strips the alias field, leaving duplicate names.
  if (error && error->rfind("validation: more than one dependency with name or alias", 0) == 0)
    return std::nullopt;
  return error;
}

void finish(IndexFile& index, RawEntries& raw, const LoadIndexOptions& options) {
  for (auto& [name, versions] : raw) {
    std::vector<ChartVersion> kept;
    std::vector<bool> keep(versions.size(), false);
    // Helm walks each chart's versions from the last to the first.
    for (std::size_t i = versions.size(); i-- > 0;) {
      if (!versions[i]) {
        chart::log_to(options.log, "index.go:359",
                      "skipping loading invalid entry for chart " + strconv::quote(name) +
                          " from " + options.source + ": empty entry");
        continue;
      }
      ChartVersion& cv = *versions[i];
      if (cv.api_version.empty())
        cv.api_version = chart::kApiVersionV1;
      if (auto error = validate(cv, index)) {
        chart::log_to(options.log, "index.go:371",
                      "skipping loading invalid entry for chart " + strconv::quote(name) + " " +
                          strconv::quote(cv.version) + " from " + options.source + ": " + *error);
        continue;
      }
      keep[i] = true;
    }
    kept.reserve(versions.size());
    for (std::size_t i = 0; i < versions.size(); ++i) {
      if (keep[i])
        kept.push_back(std::move(*versions[i]));
    }
    index.entries.emplace(name, std::move(kept));
  }
  index.sort_entries();
}

bool is_json(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
    ++i;
  // json.Valid of anything but an object fails the later decode as a type error; only text
  // that can be JSON at all is tried (cheap rejection of YAML).
  return i < text.size() && (text[i] == '{' || text[i] == '[' || text[i] == '"' ||
                             text[i] == '-' || (text[i] >= '0' && text[i] <= '9') ||
                             text[i] == 't' || text[i] == 'f' || text[i] == 'n');
}

}  // namespace

IndexFile load_index(std::string text, const LoadIndexOptions& options) {
  if (text.empty())
    throw Error(ErrorKind::Parse, std::string(kErrEmptyIndex));
  IndexFile index;
  index.api_version.clear();
  const std::string_view view = IndexBuilder::adopt(index, std::move(text));
  RawEntries raw;
  bool done = false;
  if (is_json(view)) {
    std::optional<Value> doc;
    try {
      doc = json::decode(view);
    } catch (const Error&) {
      // Not valid JSON: YAML below.
    }
    if (doc) {
      if (auto error = decode_document(*doc, false, index, raw))
        throw Error(ErrorKind::Parse, *error);
      done = true;
    }
  }
  if (!done && options.fast_path) {
    done = detail::read_block_index(view, index, raw);
    if (!done) {
      // Start over; what the reader stored in the arena is simply unused.
      index.api_version.clear();
      index.generated.clear();
      index.public_keys.clear();
      index.annotations.clear();
      index.server_info = Value();
      raw.clear();
    }
  }
  if (!done) {
    yaml::DecodeOptions yo;
    yo.strict = true;
    const Value doc = yaml::decode(IndexBuilder::text(index), yo);
    if (auto error = decode_document(doc, true, index, raw)) {
      throw Error(ErrorKind::Parse, "error unmarshaling JSON: while decoding JSON: " + *error);
    }
  }
  finish(index, raw, options);
  if (index.api_version.empty())
    throw Error(ErrorKind::Parse, std::string(kErrNoApiVersion));
  return index;
}

IndexFile load_index_file(const std::string& path, const chart::Log& log) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw Error(err == ENOENT ? ErrorKind::NotFound : ErrorKind::Io,
                "open " + path + ": " + std::string(err == ENOENT ? "no such file or directory"
                                                                   : std::strerror(err)));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LoadIndexOptions options;
  options.source = path;
  options.log = log;
  try {
    return load_index(std::move(text), options);
  } catch (const Error& e) {
    throw Error(e.kind(), "error loading " + path + ": " + std::string(e.what()));
  }
}

}  // namespace capstan::repo
