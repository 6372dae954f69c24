// What every capstan command shares: the global flags, where state lives ($CAPSTAN_HOME), the
// clock (CAPSTAN_FAKE_NOW), the embedded cluster (opened on first use) and the release
// storage bound to a namespace, plus the output streams.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "chart/log.h"
#include "core/retain.h"
#include "orchestrator/client.h"
#include "release/action.h"
#include "release/cluster.h"
#include "release/printers.h"
#include "templating/engine.h"

namespace capstan::cli {

struct Globals {
  std::string ns;  // -n/--namespace ("" = not given)
  bool debug = false;
};

class Context {
 public:
  Context(std::ostream& out, std::ostream& err);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  Globals globals;
  std::ostream& out;
  std::ostream& err;
  // The process exit code a command asks for without failing (kubectl's partial errors).
  int exit_code = 0;
  // What a command built and need not free (core/retain.h); with end_without_teardown set
  // (by commands that leave no file or database open), main ends the process without
  // destroying it, except in sanitized builds, where LeakSanitizer wants everything freed.
  Retain retained;
  bool end_without_teardown = false;

  // The namespace commands act in: -n, else "default".
  std::string ns() const { return globals.ns.empty() ? "default" : globals.ns; }

  // $CAPSTAN_HOME, else $XDG_DATA_HOME/capstan, else ~/.local/share/capstan.
  static std::filesystem::path home();

  release::Clock& clock();
  // The embedded cluster in home()/cluster.db, as the orchestrator's client and as the release
  // code's Cluster.
  orchestrator::Client& client();
  release::Cluster& cluster();
  // Release actions over Secrets in `ns` ("" = every namespace, for list -A).
  release::Configuration& releases(const std::string& ns);

  // Helm's log lines (coalescing warnings, deprecation) on the error stream.
  chart::Log chart_log();
  // Sprig's clock and randomness for rendering: CAPSTAN_FAKE_NOW and CAPSTAN_SEED when set.
  templating::EngineOptions engine_options();

  // Lets the embedded cluster's controllers converge before the process exits, if this
  // command opened it (each capstan process does its work, settles and exits).
  void settle_if_opened();

  // --debug lines ("install.go:..." style logging is not reproduced; plain messages).
  void debug(const std::string& message);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// --history-max's default: $HELM_MAX_HISTORY when it is an integer, else 10 (Helm's
// envIntOr("HELM_MAX_HISTORY", defaultMaxHistory)).
int default_max_history();

// -o/--output's value; Helm's flag error for anything but table, json and yaml.
release::OutputFormat output_format(const std::string& value);

// Helm's argument checks (cmd/helm/require), printed with the command's usage line.
void exact_args(const std::vector<std::string>& args, std::size_t n, const std::string& path,
                const std::string& usage);
void minimum_args(const std::vector<std::string>& args, std::size_t n, const std::string& path,
                  const std::string& usage);
void maximum_args(const std::vector<std::string>& args, std::size_t n, const std::string& path,
                  const std::string& usage);

}  // namespace capstan::cli
