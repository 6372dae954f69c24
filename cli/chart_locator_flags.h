// Helm's chart-locator flags (addChartPathOptionsFlags) bound to a repo::ChartPathOptions, for
// install, upgrade, template and pull.
#pragma once

#include <CLI/App.hpp>

#include "repo/downloader.h"

namespace capstan::cli {

inline void add_chart_locator_flags(CLI::App* cmd, repo::ChartPathOptions& o) {
  cmd->add_option("--version", o.version,
                  "specify a version constraint for the chart version to use. This constraint "
                  "can be a specific tag (e.g. 1.1.1) or it may reference a valid range (e.g. "
                  "^2.0.0). If this is not specified, the latest version is used");
  cmd->add_flag("--verify", o.verify, "verify the package before using it");
  cmd->add_option("--keyring", o.keyring,
                  "location of public keys used for verification (default: the GnuPG home)");
  cmd->add_option("--repo", o.repo_url,
                  "chart repository url where to locate the requested chart");
  cmd->add_option("--username", o.username, "chart repository username where to locate the requested chart");
  cmd->add_option("--password", o.password, "chart repository password where to locate the requested chart");
  cmd->add_option("--cert-file", o.cert_file, "identify HTTPS client using this SSL certificate file");
  cmd->add_option("--key-file", o.key_file, "identify HTTPS client using this SSL key file");
  cmd->add_option("--ca-file", o.ca_file, "verify certificates of HTTPS-enabled servers using this CA bundle");
  cmd->add_flag("--insecure-skip-tls-verify", o.insecure_skip_tls_verify,
                "skip tls certificate checks for the chart download");
  cmd->add_flag("--pass-credentials", o.pass_credentials_all, "pass credentials to all domains");
  cmd->add_flag("--devel", o.devel,
                "use development versions, too. Equivalent to version '>0.0.0-0'. If --version "
                "is set, this is ignored");
}

}  // namespace capstan::cli
