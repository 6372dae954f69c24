// `helm pull` (pkg/action/pull.go): download a chart by reference into a directory, optionally
// verified against its .prov, optionally expanded (--untar) after verification.
#pragma once

#include <string>

#include "repo/downloader.h"
#include "repo/settings.h"

namespace capstan::repo {

struct PullOptions {
  ChartPathOptions chart;
  bool prov = false;          // --prov: fetch the .prov too, without verifying
  bool untar = false;         // --untar
  std::string untar_dir = ".";  // --untardir
  std::string dest_dir = ".";   // -d/--destination
};

// Returns what Helm prints (the verification lines with --verify).
std::string pull(const std::string& chart_ref, const PullOptions& options, const Settings& s);

}  // namespace capstan::repo
