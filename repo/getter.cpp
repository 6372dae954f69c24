// HTTP(S) for repositories on cpp-httplib (pkg/getter/httpgetter.go).
#include "repo/getter.h"

#include <httplib.h>

#include <memory>

#include "core/error.h"
#include "repo/url.h"

namespace capstan::repo {

namespace {

constexpr const char* kUserAgent = "Helm/3.21.4 (capstan)";
constexpr int kMaxRedirects = 10;

struct Target {
  std::string origin;  // scheme://host[:port]
  std::string path;    // path?query, as sent
  Url url;
};

Target target(const std::string& href) {
  auto u = parse_url(href);
  if (!u || !u->is_abs() || u->host.empty())
    throw Error(ErrorKind::BadRequest, "Unable to parse URL getting from: invalid URL " + href);
  if (u->scheme != "http" && u->scheme != "https")
    throw Error(ErrorKind::BadRequest, "could not find protocol handler for: " + u->scheme);
  Target t;
  t.url = *u;
  t.origin = u->scheme + "://" + u->host;
  t.path = u->path.empty() ? "/" : u->path;
  if (!u->raw_query.empty() || u->force_query)
    t.path += "?" + u->raw_query;
  return t;
}

std::unique_ptr<httplib::Client> client_for(const Target& t, const GetterOptions& o) {
  std::unique_ptr<httplib::Client> c;
  if (t.url.scheme == "https" && !o.cert_file.empty() && !o.key_file.empty()) {
    c = std::make_unique<httplib::Client>(t.origin, o.cert_file, o.key_file);
  } else {
    c = std::make_unique<httplib::Client>(t.origin);
  }
  if (!c->is_valid())
    throw Error(ErrorKind::Io, "can't create TLS config for client: cannot load " + o.cert_file +
                                   " / " + o.key_file);
  c->set_connection_timeout(o.timeout);
  c->set_read_timeout(o.timeout);
  c->set_write_timeout(o.timeout);
  c->set_follow_location(false);  // followed below, with the credential check per hop
  c->set_decompress(false);       // Go: DisableCompression, bytes as served
  if (t.url.scheme == "https") {
    if (!o.ca_file.empty())
      c->set_ca_cert_path(o.ca_file);
    c->enable_server_certificate_verification(!o.insecure_skip_tls_verify);
  }
  return c;
}

std::string transport_error(const std::string& method, const std::string& href,
                            httplib::Error e) {
  std::string why;
  switch (e) {
    case httplib::Error::Connection: why = "connect: connection refused"; break;
    case httplib::Error::ConnectionTimeout: why = "i/o timeout"; break;
    case httplib::Error::SSLServerVerification:
      why = "tls: failed to verify certificate: x509: certificate signed by unknown authority";
      break;
    case httplib::Error::SSLLoadingCerts: why = "tls: cannot load the CA or client certificates"; break;
    case httplib::Error::SSLConnection: why = "remote error: tls: handshake failure"; break;
    case httplib::Error::Read: why = "EOF"; break;
    default: why = httplib::to_string(e);
  }
  std::string m = method;
  for (std::size_t i = 1; i < m.size(); ++i) m[i] = static_cast<char>(std::tolower(m[i]));
  return m + " \"" + href + "\": " + why;
}

// One request per hop; returns the final response.
HttpResponse perform(const std::string& method, std::string href, const GetterOptions& o,
                     const std::string& body, const std::string& content_type,
                     const std::vector<MultipartPart>& parts) {
  for (int hop = 0;; ++hop) {
    const Target t = target(href);
    auto c = client_for(t, o);
    httplib::Headers headers{{"User-Agent", kUserAgent}};
    if (!o.accept.empty())
      headers.emplace("Accept", o.accept);
    if (credentials_apply(o, href) && !o.username.empty() && !o.password.empty()) {
      headers.emplace(httplib::make_basic_authentication_header(o.username, o.password));
    }
    std::string received;
    bool too_big = false;
    httplib::Result r{nullptr, httplib::Error::Unknown};
    if (method == "GET") {
      r = c->Get(
          t.path, headers, [&](const httplib::Response&) { return true; },
          [&](const char* data, std::size_t len) {
            if (received.size() + len > o.max_body) {
              too_big = true;
              return false;
            }
            received.append(data, len);
            return true;
          });
    } else if (method == "DELETE") {
      r = c->Delete(t.path, headers);
    } else if (!parts.empty()) {
      httplib::MultipartFormDataItems items;
      for (const auto& p : parts) items.push_back({p.name, p.data, p.filename, p.content_type});
      r = c->Post(t.path, headers, items);
    } else {
      r = c->Post(t.path, headers, body, content_type.empty() ? "application/octet-stream"
                                                              : content_type.c_str());
    }
    if (too_big) {
      throw Error(ErrorKind::Limit, "failed to fetch " + href + " : response larger than " +
                                        std::to_string(o.max_body) + " bytes");
    }
    if (!r)
      throw Error(ErrorKind::Io, transport_error(method, href, r.error()));
    const int status = r->status;
    if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) &&
        r->has_header("Location")) {
      if (hop + 1 >= kMaxRedirects)
        throw Error(ErrorKind::Io, "Get \"" + href + "\": stopped after 10 redirects");
      href = resolve_reference(t.url, parse_url(r->get_header_value("Location")).value_or(Url{})).str();
      continue;
    }
    HttpResponse out;
    out.status = status;
    out.reason = r->reason;
    out.body = method == "GET" ? std::move(received) : r->body;
    return out;
  }
}

}  // namespace

bool credentials_apply(const GetterOptions& o, std::string_view href) {
  if (o.pass_credentials_all)
    return true;
  auto a = parse_url(o.url);
  auto b = parse_url(href);
  if (!a || !b)
    return false;
  // URL.Host carries the port: a different port is a different service.
  return a->scheme == b->scheme && a->host == b->host;
}

std::string http_status_text(int status) {
  // Go's http.StatusText for the codes repositories answer with.
  static const std::map<int, const char*> kText = {
      {200, "OK"},           {201, "Created"},
      {202, "Accepted"},     {204, "No Content"},
      {301, "Moved Permanently"}, {302, "Found"},
      {304, "Not Modified"}, {400, "Bad Request"},
      {401, "Unauthorized"}, {403, "Forbidden"},
      {404, "Not Found"},    {405, "Method Not Allowed"},
      {409, "Conflict"},     {413, "Request Entity Too Large"},
      {415, "Unsupported Media Type"}, {429, "Too Many Requests"},
      {500, "Internal Server Error"}, {501, "Not Implemented"},
      {502, "Bad Gateway"},  {503, "Service Unavailable"},
      {504, "Gateway Timeout"}};
  auto it = kText.find(status);
  return std::to_string(status) + (it == kText.end() ? "" : std::string(" ") + it->second);
}

std::string http_get(const std::string& href, const GetterOptions& options) {
  HttpResponse r = perform("GET", href, options, {}, {}, {});
  if (r.status != 200) {
    throw Error(r.status == 404 ? ErrorKind::NotFound : ErrorKind::Io,
                "failed to fetch " + href + " : " + http_status_text(r.status));
  }
  return std::move(r.body);
}

HttpResponse http_request(const std::string& method, const std::string& href,
                          const GetterOptions& options, const std::string& body,
                          const std::string& content_type,
                          const std::vector<MultipartPart>& parts) {
  return perform(method, href, options, body, content_type, parts);
}

bool has_getter(std::string_view scheme) {
  return scheme == "http" || scheme == "https" || scheme == "git+https" || scheme == "git+http" ||
         scheme == "git+file" || scheme == "git+ssh";
}

}  // namespace capstan::repo
