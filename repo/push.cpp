// Uploading charts to a ChartMuseum API.
#include "repo/push.h"

#include "chart/archive.h"
#include "core/error.h"
#include "core/json.h"
#include "repo/chart_repo.h"
#include "repo/digest.h"
#include "repo/repo_file.h"
#include "repo/url.h"

namespace capstan::repo {

namespace fs = std::filesystem;

std::string push_chart(const fs::path& chart, const std::string& target, const PushOptions& o,
                       const Settings& s) {
  std::error_code ec;
  if (!fs::is_regular_file(chart, ec))
    throw Error(ErrorKind::NotFound, "stat " + chart.string() + ": no such file or directory");
  const std::string content = read_file(chart);
  chart::load_archive(content);  // refuse what the server would refuse, before sending it
  GetterOptions http = o.http;
  std::string base = target;
  auto u = parse_url(target);
  if (!u || !u->is_abs()) {
    RepoFile rf;
    try {
      rf = load_repo_file(s.repository_config);
    } catch (const Error&) {
    }
    const Entry* e = rf.get(target);
    if (e == nullptr)
      throw Error(ErrorKind::NotFound, "repo " + target + " not found");
    base = e->url;
    GetterOptions from_repo = getter_options(*e);
    if (http.username.empty() && http.password.empty()) {
      http.username = from_repo.username;
      http.password = from_repo.password;
    }
    if (http.ca_file.empty()) http.ca_file = from_repo.ca_file;
    if (http.cert_file.empty()) http.cert_file = from_repo.cert_file;
    if (http.key_file.empty()) http.key_file = from_repo.key_file;
    http.insecure_skip_tls_verify = http.insecure_skip_tls_verify || from_repo.insecure_skip_tls_verify;
  }
  http.url = base;
  std::string api = resolve_reference_url(base, o.context_path.empty()
                                                    ? std::string("api/charts")
                                                    : o.context_path + "/api/charts");
  if (o.force)
    api += api.find('?') == std::string::npos ? "?force" : "&force";
  std::vector<MultipartPart> parts{{"chart", chart.filename().string(), "application/gzip", content}};
  fs::path prov = chart;
  prov += ".prov";
  if (fs::is_regular_file(prov, ec))
    parts.push_back({"prov", prov.filename().string(), "application/pgp-signature", read_file(prov)});
  std::string out = "Pushing " + chart.filename().string() + " to " + target + "...\n";
  const HttpResponse r = http_request("POST", api, http, {}, {}, parts);
  if (r.status != 201 && r.status != 200) {
    std::string why;
    try {
      const Value v = json::decode(r.body);
      if (const Value* e = v.is_map() ? v.find("error") : nullptr; e != nullptr && e->is_string())
        why = ": " + e->as_string();
    } catch (const Error&) {
    }
    throw Error(r.status == 409 ? ErrorKind::AlreadyExists : ErrorKind::Io,
                "failed to push " + chart.filename().string() + ": " + http_status_text(r.status) + why);
  }
  return out + "Done.\n";
}

}  // namespace capstan::repo
