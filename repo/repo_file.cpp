// repositories.yaml (pkg/repo/repo.go, the Entry type of pkg/repo/chartrepo.go).
#include "repo/repo_file.h"

#include "chart/json_struct.h"
#include "core/error.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "repo/digest.h"
#include "repo/rfc3339.h"

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

using chart::JsonStructDecoder;
using Scope = JsonStructDecoder::Scope;

Entry decode_entry(JsonStructDecoder& d, const Value& v) {
  Entry e;
  if (!v.is_map()) {
    if (!v.is_null())
      d.type_error(v, "repo.Entry", Scope{"File", ""}, "repositories");
    return e;
  }
  const Scope scope{"Entry", "repositories"};
  for (const auto& [f, item] : JsonStructDecoder::match_fields(
           v, {"name", "url", "username", "password", "certFile", "keyFile", "caFile",
               "insecure_skip_tls_verify", "pass_credentials_all"})) {
    if (f == "name") d.string_field(item, e.name, scope, f);
    if (f == "url") d.string_field(item, e.url, scope, f);
    if (f == "username") d.string_field(item, e.username, scope, f);
    if (f == "password") d.string_field(item, e.password, scope, f);
    if (f == "certFile") d.string_field(item, e.cert_file, scope, f);
    if (f == "keyFile") d.string_field(item, e.key_file, scope, f);
    if (f == "caFile") d.string_field(item, e.ca_file, scope, f);
    if (f == "insecure_skip_tls_verify") d.bool_field(item, e.insecure_skip_tls_verify, scope, f);
    if (f == "pass_credentials_all") d.bool_field(item, e.pass_credentials_all, scope, f);
  }
  return e;
}

}  // namespace

const Entry* RepoFile::get(std::string_view name) const {
  for (const auto& e : repositories) {
    if (e.name == name)
      return &e;
  }
  return nullptr;
}

void RepoFile::update(const Entry& e) {
  for (auto& existing : repositories) {
    if (existing.name == e.name) {
      existing = e;
      return;
    }
  }
  repositories.push_back(e);
}

bool RepoFile::remove(std::string_view name) {
  const std::size_t before = repositories.size();
  std::erase_if(repositories, [&](const Entry& e) { return e.name == name; });
  return repositories.size() != before;
}

std::string RepoFile::to_yaml() const {
  Value out = Value::empty_map();
  out.set("apiVersion", Value(api_version));
  out.set("generated", Value(generated.empty()
                                 ? std::string(kZeroTime)
                                 : normalize_rfc3339(generated).value_or(generated)));
  Value list = Value::empty_list();
  for (const auto& e : repositories) {
    Value m = Value::empty_map();
    m.set("name", Value(e.name));
    m.set("url", Value(e.url));
    m.set("username", Value(e.username));
    m.set("password", Value(e.password));
    m.set("certFile", Value(e.cert_file));
    m.set("keyFile", Value(e.key_file));
    m.set("caFile", Value(e.ca_file));
    m.set("insecure_skip_tls_verify", Value(e.insecure_skip_tls_verify));
    m.set("pass_credentials_all", Value(e.pass_credentials_all));
    list.push_back(m);
  }
  // Every path that writes the file leaves a non-nil slice: [] when empty.
  out.set("repositories", list);
  return yaml::encode(out);
}

RepoFile parse_repo_file(std::string_view text) {
  RepoFile f;
  const Value doc = yaml::decode(text);
  JsonStructDecoder d;
  if (d.top_level_object(doc, "repo.File") && doc.is_map()) {
    const Scope scope{"File", ""};
    for (const auto& [field, v] :
         JsonStructDecoder::match_fields(doc, {"apiVersion", "generated", "repositories"})) {
      if (field == "apiVersion") {
        d.string_field(v, f.api_version, scope, field);
      } else if (field == "generated") {
        if (v.is_string() && normalize_rfc3339(v.as_string())) {
          f.generated = v.as_string();
        } else if (v.is_string()) {
          throw Error(ErrorKind::Parse,
                      "error unmarshaling JSON: while decoding JSON: parsing time " +
                          strconv::quote(v.as_string()) +
                          " as \"2006-01-02T15:04:05Z07:00\": cannot parse " +
                          strconv::quote(v.as_string()) + " as \"2006\"");
        } else if (!v.is_null()) {
          throw Error(ErrorKind::Parse, "error unmarshaling JSON: while decoding JSON: "
                                        "Time.UnmarshalJSON: input is not a JSON string");
        }
      } else if (field == "repositories") {
        if (v.is_list()) {
          for (const Value& item : v.list().items) {
            if (item.is_null())
              continue;  // Remove skips nil entries; nothing else reads them
            f.repositories.push_back(decode_entry(d, item));
          }
        } else if (!v.is_null()) {
          d.type_error(v, "[]*repo.Entry", scope, field);
        }
      }
    }
  }
  if (d.error())
    throw Error(ErrorKind::Parse, "error unmarshaling JSON: while decoding JSON: " + *d.error());
  return f;
}

RepoFile load_repo_file(const fs::path& path) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const Error& e) {
    throw Error(e.kind(),
                "couldn't load repositories file (" + path.string() + "): " + e.what());
  }
  return parse_repo_file(text);
}

void write_repo_file(const RepoFile& file, const fs::path& path) {
  std::error_code ec;
  if (path.has_parent_path())
    fs::create_directories(path.parent_path(), ec);
  atomic_write_file(path, file.to_yaml(), 0600);
}

}  // namespace capstan::repo
