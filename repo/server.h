// `capstan repo serve`: a chart repository server a team can run, on cpp-httplib. It serves a
// directory of packaged charts as Helm expects (GET /index.yaml, /charts/NAME-VERSION.tgz and
// .tgz.prov) and speaks ChartMuseum's API (helm/chartmuseum): POST /api/charts (the archive
// as the body, or multipart fields "chart" and "prov"), POST /api/prov, DELETE
// /api/charts/NAME/VERSION (the .prov goes too), GET /api/charts, /api/charts/NAME,
// /api/charts/NAME/VERSION ("latest" = newest), GET /health, with ChartMuseum's overwrite
// rules (409 "file already exists" unless --allow-overwrite, or ?force while force-overwrite
// is not disabled) and optional basic auth (GETs anonymous with auth_anonymous_get).
//
// The index lives in memory and changes under one mutex with the files it describes: an
// upload is validated (the archive loader's limits, Chart.yaml validation), written to DIR
// atomically and added to the index in one step, so concurrent uploads never lose a version
// and every served index matches the files on disk.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "chart/log.h"
#include "repo/rfc3339.h"

namespace capstan::repo {

struct ServerOptions {
  std::filesystem::path dir;
  std::string address = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  std::string username, password;  // basic auth when both are set
  bool auth_anonymous_get = false;
  bool allow_overwrite = false;
  bool disable_force_overwrite = false;
  std::size_t max_upload_size = 20 * 1024 * 1024;  // ChartMuseum's --max-upload-size default
  Now now = system_now;
  chart::Log log;
};

class RepoServer {
 public:
  // Reads DIR's archives into the index (charts that do not load are left out and logged).
  explicit RepoServer(ServerOptions options);
  ~RepoServer();
  RepoServer(const RepoServer&) = delete;
  RepoServer& operator=(const RepoServer&) = delete;

  // Binds the socket; returns the port (the chosen one for port 0). Throws when it cannot.
  int bind();
  // Serves until stop() (blocking). bind() first.
  void serve();
  // serve() on a thread of its own, for tests: returns once the server accepts connections.
  void start_background();
  void stop();

  std::string url() const;  // http://ADDRESS:PORT

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace capstan::repo
