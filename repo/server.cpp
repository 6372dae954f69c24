// The repository server (ChartMuseum's API over a local directory).
#include "repo/server.h"

#include <httplib.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "chart/archive.h"
#include "chart/loader.h"
#include "chart/metadata.h"
#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"
#include "core/yaml.h"
#include "repo/digest.h"
#include "repo/index.h"

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

std::string json_error(const std::string& message) {
  std::string out = "{\"error\":";
  json::append_quoted(out, message, true);
  return out + "}";
}

void reply(httplib::Response& res, int status, const std::string& body,
           const char* type = "application/json; charset=utf-8") {
  res.status = status;
  res.set_content(body, type);
}

bool plain_name(const std::string& n) {
  return !n.empty() && n != "." && n != ".." && n.find('/') == std::string::npos &&
         n.find('\\') == std::string::npos;
}

// ChartPackageFilenameFromContent: NAME-VERSION.tgz from the archive's validated metadata.
std::pair<std::string, chart::Metadata> chart_of(const std::string& content) {
  auto c = chart::load_archive(content);
  return {c->metadata.name + "-" + c->metadata.version + ".tgz", c->metadata};
}

// ProvenanceFilenameFromContent: the signed message's Chart.yaml part names the chart.
std::string prov_name_of(const std::string& content) {
  const std::size_t start = content.find("\n\n");
  const std::size_t sep = content.find("\n...\n");
  if (content.rfind("-----BEGIN PGP SIGNED MESSAGE-----", 0) != 0 || start == std::string::npos ||
      sep == std::string::npos || sep < start)
    throw Error(ErrorKind::Parse, "could not parse provenance file");
  chart::Metadata md;
  chart::decode_metadata(yaml::decode(content.substr(start + 2, sep - start - 2)), md);
  if (md.name.empty() || md.version.empty())
    throw Error(ErrorKind::Parse, "could not parse provenance file");
  return md.name + "-" + md.version + ".tgz.prov";
}

}  // namespace

struct RepoServer::State {
  ServerOptions options;
  httplib::Server http;
  int port = 0;
  std::thread thread;
  std::mutex mu;  // the index, and the files in dir
  IndexFile index;
  std::string index_yaml;

  explicit State(ServerOptions o) : options(std::move(o)), index(options.now()) {}

  void log(const std::string& message) { chart::log_to(options.log, "", message); }

  // Recomputes the served text; mu held.
  void publish() {
    index.generated = options.now();
    index.sort_entries();
    index_yaml = index.to_yaml();
  }

  void add_to_index(const chart::Metadata& md, const std::string& file, const std::string& content) {
    remove_from_index(md.name, md.version);
    index.must_add(md, file, "charts", sha256_hex(content), options.now());
  }

  void remove_from_index(const std::string& name, const std::string& version) {
    auto it = index.entries.find(name);
    if (it == index.entries.end())
      return;
    std::erase_if(it->second, [&](const ChartVersion& v) { return v.version == version; });
    if (it->second.empty())
      index.entries.erase(it);
  }

  void load_dir() {
    std::error_code ec;
    fs::create_directories(options.dir, ec);
    std::vector<fs::path> files;
    for (fs::directory_iterator it(options.dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".tgz")
        files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      try {
        const std::string content = read_file(f);
        auto [name, md] = chart_of(content);
        add_to_index(md, f.filename().string(), content);
      } catch (const Error& e) {
        log("skipping " + f.string() + ": " + e.what());
      }
    }
    publish();
  }

  bool authorized(const httplib::Request& req) {
    if (options.username.empty() || options.password.empty())
      return true;
    if (options.auth_anonymous_get && (req.method == "GET" || req.method == "HEAD"))
      return true;
    const std::string want =
        httplib::make_basic_authentication_header(options.username, options.password).second;
    return req.get_header_value("Authorization") == want;
  }

  // uploadChartPackage / the multipart handler's checks; mu held. Returns the HTTP status.
  int store(const std::string& file, const std::string& content, bool force, std::string& error) {
    const fs::path path = options.dir / file;
    std::error_code ec;
    if (fs::exists(path, ec) && !options.allow_overwrite &&
        (options.disable_force_overwrite || !force)) {
      error = "file already exists";
      return 409;
    }
    atomic_write_file(path, content, 0644);
    return 201;
  }

  void post_charts(const httplib::Request& req, httplib::Response& res) {
    const bool force = req.has_param("force");
    std::vector<std::pair<std::string, std::string>> parts;  // (field, content)
    if (req.is_multipart_form_data()) {
      for (const char* field : {"chart", "chartfile", "prov", "provfile"}) {
        if (req.has_file(field))
          parts.emplace_back(field, req.get_file_value(field).content);
      }
      if (parts.empty()) {
        reply(res, 400, json_error("no package or provenance file found in form fields chart and prov"));
        return;
      }
    } else {
      parts.emplace_back("chart", req.body);
    }
    // Validate everything before anything is stored.
    struct Item {
      std::string file, content;
      bool is_chart;
      chart::Metadata md;
    };
    std::vector<Item> items;
    for (auto& [field, content] : parts) {
      Item item;
      item.is_chart = field == "chart" || field == "chartfile";
      try {
        if (item.is_chart) {
          auto [file, md] = chart_of(content);
          item.file = file;
          item.md = md;
        } else {
          item.file = prov_name_of(content);
        }
      } catch (const Error& e) {
        reply(res, req.is_multipart_form_data() ? 400 : 500, json_error(e.what()));
        return;
      }
      if (!plain_name(item.md.name.empty() ? item.file : item.md.name)) {
        reply(res, 400, json_error(item.file + " is improperly formatted"));
        return;
      }
      item.content = std::move(content);
      items.push_back(std::move(item));
    }
    std::lock_guard<std::mutex> lock(mu);
    for (const auto& item : items) {
      std::error_code ec;
      if (fs::exists(options.dir / item.file, ec) && !options.allow_overwrite &&
          (options.disable_force_overwrite || !force)) {
        reply(res, 409, json_error(req.is_multipart_form_data() ? "chart already exists"
                                                                : "file already exists"));
        return;
      }
    }
    for (const auto& item : items) {
      std::string error;
      store(item.file, item.content, true, error);
      if (item.is_chart)
        add_to_index(item.md, item.file, item.content);
    }
    publish();
    reply(res, 201, "{\"saved\":true}");
  }

  void post_prov(const httplib::Request& req, httplib::Response& res) {
    std::string file;
    try {
      file = prov_name_of(req.body);
    } catch (const Error& e) {
      reply(res, 500, json_error(e.what()));
      return;
    }
    std::lock_guard<std::mutex> lock(mu);
    std::string error;
    const int status = store(file, req.body, req.has_param("force"), error);
    if (status != 201) {
      reply(res, status, json_error(error));
      return;
    }
    reply(res, 201, "{\"saved\":true}");
  }

  void delete_chart(const std::string& name, const std::string& version, httplib::Response& res) {
    const std::string file = name + "-" + version + ".tgz";
    if (!plain_name(name) || !plain_name(version)) {
      reply(res, 400, json_error(file + " is improperly formatted"));
      return;
    }
    std::lock_guard<std::mutex> lock(mu);
    std::error_code ec;
    if (!fs::remove(options.dir / file, ec)) {
      reply(res, 404, json_error("remove " + (options.dir / file).string() + ": no such file or directory"));
      return;
    }
    fs::remove(options.dir / (file + ".prov"), ec);
    remove_from_index(name, version);
    publish();
    reply(res, 200, "{\"deleted\":true}");
  }

  std::string versions_json(const std::vector<ChartVersion>& vs) {
    Value list = Value::empty_list();
    for (const auto& v : vs) list.push_back(chart_version_value(v));
    return json::encode(list);
  }

  void routes() {
    http.set_payload_max_length(options.max_upload_size);
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (req.path == "/health" || authorized(req))
        return httplib::Server::HandlerResponse::Unhandled;
      res.set_header("WWW-Authenticate", "Basic realm=\"ChartMuseum\"");
      reply(res, 401, json_error("unauthorized"));
      return httplib::Server::HandlerResponse::Handled;
    });
    http.Get("/health", [](const httplib::Request&, httplib::Response& res) {
      reply(res, 200, "{\"healthy\":true}");
    });
    http.Get("/index.yaml", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      reply(res, 200, index_yaml, "application/x-yaml");
    });
    http.Get(R"(/charts/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string file = req.matches[1];
      const bool prov = file.size() > 9 && file.compare(file.size() - 9, 9, ".tgz.prov") == 0;
      const bool tgz = file.size() > 4 && file.compare(file.size() - 4, 4, ".tgz") == 0;
      if (!plain_name(file) || (!prov && !tgz)) {
        reply(res, 404, json_error("object not found"));
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      std::error_code ec;
      if (!fs::is_regular_file(options.dir / file, ec)) {
        reply(res, 404, json_error("object not found"));
        return;
      }
      reply(res, 200, read_file(options.dir / file),
            prov ? "application/pgp-signature" : "application/x-tar");
    });
    http.Get("/api/charts", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      std::string out = "{";
      bool first = true;
      for (const auto& [name, vs] : index.entries) {
        if (!first)
          out += ',';
        first = false;
        json::append_quoted(out, name, true);
        out += ':' + versions_json(vs);
      }
      reply(res, 200, out + "}");
    });
    http.Get(R"(/api/charts/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      auto it = index.entries.find(std::string(req.matches[1]));
      if (it == index.entries.end()) {
        reply(res, 404, json_error("chart not found"));
        return;
      }
      reply(res, 200, versions_json(it->second));
    });
    http.Get(R"(/api/charts/([^/]+)/([^/]+))",
             [this](const httplib::Request& req, httplib::Response& res) {
               std::string version = req.matches[2];
               if (version == "latest")
                 version.clear();
               std::lock_guard<std::mutex> lock(mu);
               try {
                 const ChartVersion& v = index.get(std::string(req.matches[1]), version);
                 reply(res, 200, json::encode(chart_version_value(v)));
               } catch (const Error& e) {
                 reply(res, 404, json_error(e.what()));
               }
             });
    http.Post("/api/charts", [this](const httplib::Request& req, httplib::Response& res) {
      post_charts(req, res);
    });
    http.Post("/api/prov", [this](const httplib::Request& req, httplib::Response& res) {
      post_prov(req, res);
    });
    http.Delete(R"(/api/charts/([^/]+)/([^/]+))",
                [this](const httplib::Request& req, httplib::Response& res) {
                  delete_chart(req.matches[1], req.matches[2], res);
                });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                  std::exception_ptr ep) {
      std::string why = "internal error";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        why = e.what();
      } catch (...) {
      }
      reply(res, 500, json_error(why));
    });
  }
};

RepoServer::RepoServer(ServerOptions options) : state_(std::make_unique<State>(std::move(options))) {
  state_->load_dir();
  state_->routes();
}

RepoServer::~RepoServer() { stop(); }

int RepoServer::bind() {
  auto& s = *state_;
  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.address);
  } else if (s.http.bind_to_port(s.options.address, s.options.port)) {
    s.port = s.options.port;
  } else {
    s.port = -1;
  }
  if (s.port <= 0) {
    throw Error(ErrorKind::Io, "listen tcp " + s.options.address + ":" +
                                   std::to_string(s.options.port) + ": bind: address already in use");
  }
  return s.port;
}

void RepoServer::serve() { state_->http.listen_after_bind(); }

void RepoServer::start_background() {
  if (state_->port <= 0)
    bind();
  state_->thread = std::thread([this] { state_->http.listen_after_bind(); });
  // The socket is bound and listening already: connections queue until the loop accepts.
  // Waiting for is_running() means stop() cannot race the loop's start.
  while (!state_->http.is_running()) std::this_thread::yield();
}

void RepoServer::stop() {
  if (!state_)
    return;
  state_->http.stop();
  if (state_->thread.joinable())
    state_->thread.join();
}

std::string RepoServer::url() const {
  return "http://" + state_->options.address + ":" + std::to_string(state_->port);
}

}  // namespace capstan::repo
