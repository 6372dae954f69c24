// The install flags and the install run shared by `install` and `upgrade --install`.
#pragma once

#include <CLI/App.hpp>
#include <map>
#include <string>
#include <vector>

#include "chart/value_options.h"
#include "cli/context.h"
#include "release/chart_renderer.h"
#include "release/install.h"
#include "repo/downloader.h"

namespace capstan::cli {

// Rendering flags install and upgrade share.
struct RenderFlags {
  bool skip_schema_validation = false;
  bool sub_notes = false;
  bool disable_openapi_validation = false;  // accepted; the embedded API server always validates
};
void add_render_flags(CLI::App* cmd, RenderFlags& f);
release::ChartRenderSettings render_settings(Context& ctx, const RenderFlags& f, bool dry_run);

struct InstallFlags {
  RenderFlags render;
  std::vector<std::string> args;
  chart::ValueOptions values;
  release::InstallOptions options;
  std::string dry_run;  // "", "client", "server", "none", "true", "false"
  bool generate_name = false;
  std::string name_template;
  bool hide_notes = false;
  std::string output = "table";
  std::vector<std::string> labels;  // -l k=v,k2=v2
  repo::ChartPathOptions locate;    // --version, --repo, --verify, ... (chart_locator_flags.h)
};

void add_install_flags(CLI::App* cmd, InstallFlags& f);

// NameAndChart, chart loading, then release::install. Errors are unwrapped (install adds
// "INSTALLATION FAILED: ", upgrade --install does not).
release::Release run_install(Context& ctx, InstallFlags& f, const std::vector<std::string>& args);

// The status report Helm prints after install and upgrade.
void print_release(Context& ctx, const release::Release& r, const std::string& output,
                   bool hide_notes);

// "k=v,k2=v2" items into a map (pflag's StringToString).
std::map<std::string, std::string> parse_labels(const std::vector<std::string>& items);

// --dry-run's value: true for client/server/true, false for ""/none/false; else Helm's error.
bool dry_run_enabled(const std::string& value);

}  // namespace capstan::cli
