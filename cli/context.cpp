// The shared command context: state location, clock, cluster and release storage.
#include "cli/context.h"

#include <cstdlib>
#include <map>
#include <ostream>

#include "core/error.h"
#include "orchestrator/cluster.h"
#include "release/orchestrator_cluster.h"
#include "release/secret_driver.h"

namespace capstan::cli {

namespace fs = std::filesystem;

struct Context::State {
  std::unique_ptr<release::Clock> clock;
  std::unique_ptr<orchestrator::Cluster> embedded;
  std::unique_ptr<release::OrchestratorCluster> cluster;
  std::unique_ptr<release::KubeClient> kube;
  struct Releases {
    std::unique_ptr<release::SecretDriver> driver;
    std::unique_ptr<release::Storage> storage;
    std::unique_ptr<release::Configuration> config;
  };
  std::map<std::string, Releases> releases;  // by namespace
};

Context::Context(std::ostream& o, std::ostream& e)
    : out(o), err(e), state_(std::make_unique<State>()) {}

Context::~Context() = default;

fs::path Context::home() {
  if (const char* h = std::getenv("CAPSTAN_HOME"); h != nullptr && *h != '\0')
    return h;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x != nullptr && *x != '\0') {
    return fs::path(x) / "capstan";
  }
  const char* user_home = std::getenv("HOME");
  return fs::path(user_home != nullptr ? user_home : ".") / ".local" / "share" / "capstan";
}

release::Clock& Context::clock() {
  if (!state_->clock) {
    const char* fake = std::getenv("CAPSTAN_FAKE_NOW");
    if (fake != nullptr && *fake != '\0') {
      state_->clock = std::make_unique<release::FixedClock>(release::fixed_clock_from(fake));
    } else {
      state_->clock = std::make_unique<release::SystemClock>();
    }
  }
  return *state_->clock;
}

orchestrator::Client& Context::client() {
  if (!state_->embedded) {
    const fs::path dir = home();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      throw Error(ErrorKind::Io, "mkdir " + dir.string() + ": " + ec.message());
    }
    state_->embedded = std::make_unique<orchestrator::Cluster>(
        orchestrator::cluster_options_from_environment((dir / "cluster.db").string()));
  }
  return *state_->embedded;
}

release::Cluster& Context::cluster() {
  if (!state_->cluster)
    state_->cluster = std::make_unique<release::OrchestratorCluster>(client());
  return *state_->cluster;
}

release::Configuration& Context::releases(const std::string& ns) {
  auto it = state_->releases.find(ns);
  if (it != state_->releases.end())
    return *it->second.config;
  if (!state_->kube)
    state_->kube = std::make_unique<release::KubeClient>(cluster());
  State::Releases r;
  r.driver = std::make_unique<release::SecretDriver>(cluster(), clock(), ns);
  r.storage = std::make_unique<release::Storage>(*r.driver);
  r.config = std::make_unique<release::Configuration>(release::Configuration{
      *r.storage, *state_->kube, clock(), [this](const std::string& m) { debug(m); }});
  return *state_->releases.emplace(ns, std::move(r)).first->second.config;
}

chart::Log Context::chart_log() {
  return [this](std::string_view location, std::string_view message) {
    err << chart::log_line(location, message);
  };
}

templating::EngineOptions Context::engine_options() {
  templating::EngineOptions options;
  if (const char* fake = std::getenv("CAPSTAN_FAKE_NOW"); fake != nullptr && *fake != '\0') {
    const release::Time t = clock().now();
    const std::int64_t nanos = t.unix_seconds * 1000000000 + t.nanos;
    options.now_unix_nanos = [nanos] { return nanos; };
  }
  if (const char* seed = std::getenv("CAPSTAN_SEED"); seed != nullptr && *seed != '\0') {
    // splitmix64: a small, well-mixed sequence from the seed.
    auto state = std::make_shared<std::uint64_t>(std::strtoull(seed, nullptr, 10));
    options.random = [state] {
      std::uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      return z ^ (z >> 31);
    };
  }
  return options;
}

void Context::settle_if_opened() {
  if (state_->embedded)
    state_->embedded->settle();
}

void Context::debug(const std::string& message) {
  if (globals.debug)
    err << message << "\n";
}

namespace {

std::string plural(std::size_t n) {
  return n == 1 ? "argument" : "arguments";
}

[[noreturn]] void usage_error(const std::string& what, const std::string& usage) {
  throw Error(ErrorKind::BadRequest, what + "\n\nUsage:  " + usage);
}

}  // namespace

int default_max_history() {
  const char* v = std::getenv("HELM_MAX_HISTORY");
  if (v == nullptr || *v == '\0') return 10;
  char* end = nullptr;
  const long n = std::strtol(v, &end, 10);
  return end != v && *end == '\0' ? static_cast<int>(n) : 10;
}

release::OutputFormat output_format(const std::string& value) {
  try {
    return release::parse_output_format(value);
  } catch (const Error& e) {
    throw Error(ErrorKind::BadRequest,
                "invalid argument \"" + value + "\" for \"-o, --output\" flag: " + e.what());
  }
}

void exact_args(const std::vector<std::string>& args, std::size_t n, const std::string& path,
                const std::string& usage) {
  if (args.size() != n) {
    usage_error("\"" + path + "\" requires " + std::to_string(n) + " " + plural(n), usage);
  }
}

void minimum_args(const std::vector<std::string>& args, std::size_t n, const std::string& path,
                  const std::string& usage) {
  if (args.size() < n) {
    usage_error("\"" + path + "\" requires at least " + std::to_string(n) + " " + plural(n), usage);
  }
}

void maximum_args(const std::vector<std::string>& args, std::size_t n, const std::string& path,
                  const std::string& usage) {
  if (args.size() > n) {
    usage_error("\"" + path + "\" accepts at most " + std::to_string(n) + " " + plural(n), usage);
  }
}

}  // namespace capstan::cli
