// Finding and downloading charts (Helm's pkg/downloader/chart_downloader.go,
// repo.FindChartInAuthAndTLSAndPassRepoURL, action.ChartPathOptions.LocateChart): a reference
// is a local path, "repo/chart" from a configured repository's cached index, an absolute chart
// URL (its TLS settings and credentials taken from the repository whose index lists it), a
// chart in a repository given by --repo, or a git+ URL (git_source.h).
//
// Credentials go only where they belong: getter.WithURL is always the repository's URL, so a
// chart URL on another scheme, host or port gets no Authorization header unless the
// repository (or the flags) say pass-credentials (CVE-2021-32690).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "repo/getter.h"
#include "repo/provenance.h"
#include "repo/settings.h"

namespace capstan::repo {

// action.ChartPathOptions: the chart-locator flags.
struct ChartPathOptions {
  std::string version;  // --version (a SemVer constraint); "" = the newest stable
  bool devel = false;   // --devel: version ">0.0.0-0" when none is given
  bool verify = false;  // --verify
  std::string keyring;  // --keyring
  std::string repo_url; // --repo
  std::string username, password;
  std::string cert_file, key_file, ca_file;
  bool insecure_skip_tls_verify = false;
  bool pass_credentials_all = false;
};

enum class VerificationStrategy { Never, IfPossible, Always, Later };

struct Download {
  std::filesystem::path file;             // the saved archive
  std::optional<Verification> verified;   // with VerificationStrategy::Always
  std::string source_url;                 // the URL it came from
  std::string git_commit;                 // for git+ sources: the resolved commit
};

class ChartDownloader {
 public:
  ChartDownloader(const Settings& settings, GetterOptions options)
      : settings_(settings), options_(std::move(options)) {}

  VerificationStrategy verify = VerificationStrategy::Never;
  std::string keyring;

  // ResolveChartVersion: the absolute URL of the chart (getter options adjusted for the
  // repository it belongs to). Errors as Helm's: "repo NAME not found", "non-absolute URLs
  // should be in form of repo_name/path_to_chart, got: X", "chart \"x\" matching V not found in
  // NAME index. (try 'helm repo update'): no chart version found for x-V".
  std::string resolve_chart_version(const std::string& ref, const std::string& version);

  // DownloadTo: fetches the chart (and with verification its .prov) into `dest`.
  Download download_to(const std::string& ref, const std::string& version,
                       const std::filesystem::path& dest);

  const GetterOptions& options() const { return options_; }

 private:
  const Settings& settings_;
  GetterOptions options_;
};

// FindChartInAuthAndTLSAndPassRepoURL: the chart's absolute URL in the repository at
// `repo_url` (its index fetched into a temporary cache entry, removed afterwards).
std::string find_chart_in_repo_url(const std::string& repo_url, const std::string& chart,
                                   const std::string& version, const ChartPathOptions& options,
                                   const Settings& s);

// The getter options the chart-locator flags give (before a repository's own settings).
GetterOptions getter_options(const ChartPathOptions& options);

struct LocatedChart {
  std::filesystem::path path;  // a directory or an archive on disk
  std::string source_url;      // "" for a local path
  std::string git_commit;      // the commit a git+ source resolved to
  std::optional<Verification> verified;
};

// LocateChart: what install, upgrade, template and show load. A local path is used as it is
// (verified with --verify); anything else is downloaded into the repository cache; a git+ URL
// naming a chart directory is used from its cached checkout.
LocatedChart locate_chart(const std::string& name, const ChartPathOptions& options,
                          const Settings& s);

}  // namespace capstan::repo
