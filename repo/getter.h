// Fetching repository files over HTTP(S) as Helm's getter.HTTPGetter does: basic auth only
// for the scheme+host+port the credentials belong to unless pass_credentials_all
// (CVE-2021-32690), TLS client certificates, a CA bundle or no verification, a User-Agent and
// an Accept header, non-200 answers as Helm's "failed to fetch URL : 404 Not Found".
// Redirects are followed here (at most 10, like Go's client) and the credential check is made
// again for every hop, so a redirect to another host never carries the password (Go strips
// Authorization on such redirects too). git+ URLs are served by git_source.h through
// fetch_url().
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::repo {

struct GetterOptions {
  std::string url;  // getter.WithURL: the repository URL the credentials belong to
  std::string username, password;
  bool pass_credentials_all = false;
  std::string cert_file, key_file, ca_file;
  bool insecure_skip_tls_verify = false;
  std::string accept;  // Accept header ("" = none)
  std::chrono::seconds timeout{120};  // getter.DefaultHTTPTimeout
  // Bodies past this many bytes are refused (a hostile server cannot exhaust memory).
  std::size_t max_body = std::size_t{1} << 30;
};

// Whether credentials for `options.url` go with a request to `href` (the CVE-2021-32690 rule).
bool credentials_apply(const GetterOptions& options, std::string_view href);

// GET href (http or https). Throws Error(ErrorKind::NotFound) for 404, ErrorKind::Io otherwise,
// worded as Helm: "failed to fetch HREF : 401 Unauthorized".
std::string http_get(const std::string& href, const GetterOptions& options);

// A request other than GET, for push and the ChartMuseum API client.
struct HttpResponse {
  int status = 0;
  std::string reason;
  std::string body;
};
struct MultipartPart {
  std::string name, filename, content_type, data;
};
HttpResponse http_request(const std::string& method, const std::string& href,
                          const GetterOptions& options, const std::string& body = {},
                          const std::string& content_type = {},
                          const std::vector<MultipartPart>& parts = {});

// The status text Go prints after the code ("404 Not Found").
std::string http_status_text(int status);

// Schemes a getter exists for: http, https, and git+https / git+http / git+file / git+ssh.
bool has_getter(std::string_view scheme);

}  // namespace capstan::repo
