// Shared by repo/'s tests only: a throw-away $CAPSTAN_HOME, a real repository server on
// 127.0.0.1 (an ephemeral port) over a copy of testdata/repo/packages, a scripted HTTP(S)
// server that records what it was sent, certificates made on the spot, and archive builders
// for hostile inputs. Nothing here sleeps: servers are ready when their constructor returns.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "repo/server.h"
#include "repo/settings.h"
#include "tests/support/testing.h"

namespace capstan::repo::testing {

namespace fs = std::filesystem;

constexpr const char* kNow = "2026-01-01T00:00:00Z";

// A home directory for repository state, with output captured.
struct Home {
  capstan::testing::TempDir tmp;
  Settings settings;
  std::ostringstream out, warn;
  std::vector<std::string> logs;

  Home() {
    settings = Settings::under(tmp.path() / "home");
    settings.now = fixed_now(kNow);
    settings.out = &out;
    settings.warn = &warn;
    settings.log = [this](std::string_view where, std::string_view m) {
      logs.push_back(std::string(where) + ": " + std::string(m));
    };
  }
  fs::path path(const std::string& rel) const { return tmp.path() / rel; }
  std::string take_out() {
    std::string s = out.str();
    out.str("");
    return s;
  }
};

// `capstan repo serve` in-process over a copy of testdata/repo/packages (top level only).
struct Served {
  capstan::testing::TempDir dir;
  std::unique_ptr<RepoServer> server;

  explicit Served(ServerOptions options = {}, bool with_packages = true) {
    if (with_packages) {
      for (const auto& e : fs::directory_iterator(capstan::testing::testdata("repo/packages"))) {
        if (e.is_regular_file())
          fs::copy_file(e.path(), dir.path() / e.path().filename());
      }
    }
    options.dir = dir.path();
    options.port = 0;
    options.now = fixed_now(kNow);
    server = std::make_unique<RepoServer>(options);
    server->start_background();
  }
  std::string url() const { return server->url(); }
};

// A server answering from a table of paths, recording each request's Authorization header.
class ScriptedServer {
 public:
  explicit ScriptedServer(std::unique_ptr<httplib::Server> http = std::make_unique<httplib::Server>(),
                          bool tls = false)
      : http_(std::move(http)), tls_(tls) {
    http_->Get(R"(/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back({req.path, req.get_header_value("Authorization")});
      if (!user_.empty() &&
          req.get_header_value("Authorization") !=
              httplib::make_basic_authentication_header(user_, pass_).second) {
        res.status = 401;
        return;
      }
      auto it = files_.find(req.path);
      if (it == files_.end()) {
        res.status = 404;
        return;
      }
      if (it->second.rfind("REDIRECT ", 0) == 0) {
        res.set_redirect(it->second.substr(9));
        return;
      }
      res.set_content(it->second, "application/octet-stream");
    });
    port_ = http_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_->listen_after_bind(); });
    while (!http_->is_running()) std::this_thread::yield();
  }
  ~ScriptedServer() {
    http_->stop();
    thread_.join();
  }
  void put(const std::string& path, const std::string& body) {
    std::lock_guard<std::mutex> lock(mu_);
    files_[path] = body;
  }
  void require_auth(const std::string& user, const std::string& pass) {
    user_ = user;
    pass_ = pass;
  }
  std::string url() const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
  }
  // (path, Authorization) of every request so far.
  std::vector<std::pair<std::string, std::string>> requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  std::unique_ptr<httplib::Server> http_;
  bool tls_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::map<std::string, std::string> files_;
  std::vector<std::pair<std::string, std::string>> requests_;
  std::string user_, pass_;
};

// A CA, and certificates it signs, written as PEM files.
class Pki {
 public:
  explicit Pki(const fs::path& dir) : dir_(dir) {
    ca_key_ = new_key();
    ca_ = make_cert("capstan test CA", ca_key_, nullptr, nullptr, true, "");
    write(ca_, ca_key_, "ca");
  }
  ~Pki() {
    X509_free(ca_);
    EVP_PKEY_free(ca_key_);
  }
  Pki(const Pki&) = delete;
  Pki& operator=(const Pki&) = delete;
  // Writes NAME.crt and NAME.key; `ip` goes into the subjectAltName (servers).
  void issue(const std::string& name, const std::string& ip) {
    EVP_PKEY* key = new_key();
    X509* cert = make_cert(name, key, ca_, ca_key_, false, ip);
    write(cert, key, name);
    X509_free(cert);
    EVP_PKEY_free(key);
  }
  fs::path crt(const std::string& name) const { return dir_ / (name + ".crt"); }
  fs::path key(const std::string& name) const { return dir_ / (name + ".key"); }

 private:
  static EVP_PKEY* new_key() { return EVP_EC_gen("P-256"); }
  static X509* make_cert(const std::string& cn, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key,
                         bool ca, const std::string& ip) {
    X509* x = X509_new();
    X509_set_version(x, 2);
    static long serial = 1;
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial++);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600L * 24 * 365);
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
    X509_set_issuer_name(x, issuer != nullptr ? X509_get_subject_name(issuer) : name);
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer != nullptr ? issuer : x, x, nullptr, nullptr, 0);
    auto add = [&](int nid, const std::string& value) {
      X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
      X509_add_ext(x, ext, -1);
      X509_EXTENSION_free(ext);
    };
    add(NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE");
    if (ca)
      add(NID_key_usage, "critical,keyCertSign,cRLSign");
    if (!ip.empty())
      add(NID_subject_alt_name, "IP:" + ip);
    X509_sign(x, issuer_key != nullptr ? issuer_key : key, EVP_sha256());
    return x;
  }
  void write(X509* cert, EVP_PKEY* key, const std::string& name) {
    FILE* c = std::fopen(crt(name).c_str(), "w");
    PEM_write_X509(c, cert);
    std::fclose(c);
    FILE* k = std::fopen(this->key(name).c_str(), "w");
    PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(k);
  }
  fs::path dir_;
  EVP_PKEY* ca_key_ = nullptr;
  X509* ca_ = nullptr;
};

// A .tgz with exactly these entries (name, data; a data of "->TARGET" makes a symlink).
inline std::string make_tgz(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out;
  struct archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_format_pax_restricted(a);
  archive_write_open(
      a, &out, nullptr,
      [](struct archive*, void* d, const void* b, size_t n) -> la_ssize_t {
        static_cast<std::string*>(d)->append(static_cast<const char*>(b), n);
        return static_cast<la_ssize_t>(n);
      },
      nullptr);
  for (const auto& [name, data] : entries) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    if (data.rfind("->", 0) == 0) {
      archive_entry_set_filetype(e, AE_IFLNK);
      archive_entry_set_symlink(e, data.substr(2).c_str());
      archive_entry_set_size(e, 0);
    } else {
      archive_entry_set_filetype(e, AE_IFREG);
      archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    }
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    if (data.rfind("->", 0) != 0)
      archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

inline std::string packaged(const std::string& name) {
  return capstan::testing::read_file(capstan::testing::testdata("repo/packages/" + name));
}

}  // namespace capstan::repo::testing
