// `capstan push CHART.tgz URL|REPO`: uploads a packaged chart (and CHART.tgz.prov when it
// exists) to a ChartMuseum-compatible server (`capstan repo serve`, chartmuseum) as the
// helm-push plugin does: multipart POST to URL/api/charts, fields "chart" and "prov". REPO
// may name a configured repository, whose URL, credentials and TLS settings are used.
// (Helm's own `push` speaks OCI only; registries are not supported here.)
#pragma once

#include <filesystem>
#include <string>

#include "repo/getter.h"
#include "repo/settings.h"

namespace capstan::repo {

struct PushOptions {
  GetterOptions http;  // --username/--password, TLS flags (url is set from the target)
  bool force = false;  // --force: ?force, overwrite where the server allows it
  std::string context_path;  // --context-path: the API's prefix on the server
};

// Returns the lines printed ("Pushing X to Y...\nDone.\n"); throws with the server's error
// ("failed to push alpine-0.1.0.tgz: 409 Conflict: file already exists").
std::string push_chart(const std::filesystem::path& chart, const std::string& target,
                       const PushOptions& options, const Settings& s);

}  // namespace capstan::repo
