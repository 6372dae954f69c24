// Data-driven kubectl sessions: each testdata/orchestrator/sessions/*.session file is a list of
// kubectl-like commands run against a fresh seeded cluster on a manual clock; the transcript is
// compared with the .golden file beside it (CAPSTAN_UPDATE_GOLDEN=1 rewrites it).
//
// Commands: apply -f FILE [--record]; get|describe|delete|scale ARGS [-l|--selector SEL]
// [-o FMT] [-n NS] [-A] [-f FILE] [--replicas=N] [--cascade=MODE]; rollout status|history|undo
// RESOURCE [NAME] [--revision=N|--to-revision=N]; label KIND NAME KEY=VALUE; settle; step;
// advance DURATION (e.g. 90s, 2m, 1h30m).
#include <catch2/catch.hpp>
#include <sstream>

#include "orchestrator/cluster_testing.h"
#include "orchestrator/kubectl.h"

namespace capstan::orchestrator {

namespace {

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

Seconds duration(const std::string& text) {
  Seconds total = 0, n = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      n = n * 10 + (c - '0');
    } else {
      total += n * (c == 'h' ? 3600 : c == 'm' ? 60 : 1);
      n = 0;
    }
  }
  return total;
}

struct Flags {
  std::vector<std::string> args;
  std::string selector, output, ns = "default", file, cascade;
  bool all_namespaces = false, record = false;
  std::int64_t replicas = 0, revision = 0;
};

Flags parse(const std::vector<std::string>& w, std::size_t from) {
  Flags f;
  for (std::size_t i = from; i < w.size(); ++i) {
    const std::string& a = w[i];
    const auto value = [&](const std::string& flag) -> std::string {
      if (a == flag) return w.at(++i);
      return a.substr(flag.size() + 1);
    };
    if (a == "-l" || a == "--selector" || a.rfind("--selector=", 0) == 0) {
      f.selector = value(a[1] == 'l' ? "-l" : "--selector");
    } else if (a == "-o" || a.rfind("-o=", 0) == 0) {
      f.output = value("-o");
    } else if (a == "-n") {
      f.ns = w.at(++i);
    } else if (a == "-f") {
      f.file = w.at(++i);
    } else if (a == "-A") {
      f.all_namespaces = true;
    } else if (a == "--record") {
      f.record = true;
    } else if (a.rfind("--replicas=", 0) == 0) {
      f.replicas = std::stoll(a.substr(11));
    } else if (a.rfind("--revision=", 0) == 0) {
      f.revision = std::stoll(a.substr(11));
    } else if (a.rfind("--to-revision=", 0) == 0) {
      f.revision = std::stoll(a.substr(14));
    } else if (a.rfind("--cascade=", 0) == 0) {
      f.cascade = a.substr(10);
    } else {
      f.args.push_back(a);
    }
  }
  return f;
}

template <typename T>
T target(const Flags& f) {
  T t;
  t.args = f.args;
  t.ns = f.ns;
  t.all_namespaces = f.all_namespaces;
  t.selector = f.selector;
  return t;
}

kubectl::Output run(testing::TestCluster& c, const std::vector<std::string>& w) {
  const std::string& verb = w[0];
  if (verb == "apply") {
    const Flags f = parse(w, 1);
    kubectl::ApplyOptions o;
    o.ns = f.ns;
    if (f.record) o.change_cause = "kubectl apply --filename=" + f.file + " --record=true";
    return kubectl::apply(*c, testing::manifests(f.file), o);
  }
  if (verb == "get") {
    const Flags f = parse(w, 1);
    auto o = target<kubectl::GetOptions>(f);
    o.output = f.output;
    return kubectl::get(*c, o);
  }
  if (verb == "describe") return kubectl::describe(*c, target<kubectl::Target>(parse(w, 1)));
  if (verb == "delete") {
    const Flags f = parse(w, 1);
    auto o = target<kubectl::DeleteOptions>(f);
    if (!f.file.empty()) o.manifests = testing::manifests(f.file);
    if (f.cascade == "orphan") o.propagation = Propagation::Orphan;
    if (f.cascade == "foreground") o.propagation = Propagation::Foreground;
    return kubectl::delete_objects(*c, o);
  }
  if (verb == "scale") {
    const Flags f = parse(w, 1);
    auto o = target<kubectl::ScaleOptions>(f);
    o.replicas = f.replicas;
    return kubectl::scale(*c, o);
  }
  if (verb == "rollout") {
    const Flags f = parse(w, 2);
    kubectl::RolloutOptions o;
    o.resource = f.args.at(0);
    if (f.args.size() > 1) o.name = f.args[1];
    o.ns = f.ns;
    o.revision = f.revision;
    if (w[1] == "status") return kubectl::rollout_status(*c, o);
    if (w[1] == "history") return kubectl::rollout_history(*c, o);
    return kubectl::rollout_undo(*c, o);
  }
  if (verb == "label") {
    const ResourceType* type = c->registry().lookup(w.at(1));
    Value object = *c->get(type->api_version(), type->kind, "default", w.at(2));
    const std::size_t eq = w.at(3).find('=');
    metadata(object)["labels"].set(w[3].substr(0, eq), Value(w[3].substr(eq + 1)));
    c->update(object);
    return {type->kind_prefix() + "/" + w[2] + " labeled\n", "", 0};
  }
  FAIL("unknown session command: " << verb);
  return {};
}

void run_session(const std::filesystem::path& file) {
  testing::TestCluster c;
  std::istringstream in(capstan::testing::read_file(file));
  std::string transcript;
  for (std::string line; std::getline(in, line);) {
    const std::vector<std::string> w = words(line);
    if (w.empty() || w[0][0] == '#') continue;
    if (w[0] == "settle") {
      const SettleResult r = c->settle();
      REQUIRE(r.converged);
      continue;
    }
    if (w[0] == "step") {
      c->step();
      continue;
    }
    if (w[0] == "advance") {
      c.clock->advance(duration(w.at(1)));
      continue;
    }
    const kubectl::Output out = run(c, w);
    transcript += "$ kubectl " + line + "\n" + out.out;
    std::istringstream err(out.err);
    for (std::string e; std::getline(err, e);) transcript += "[stderr] " + e + "\n";
    if (out.exit_code != 0) transcript += "[exit " + std::to_string(out.exit_code) + "]\n";
  }
  std::filesystem::path golden = file;
  golden.replace_extension(".golden");
  capstan::testing::check_golden(golden, transcript);
}

const capstan::testing::FileCases kSessions("orchestrator/sessions", ".session", run_session, "[session]");

}  // namespace

}  // namespace capstan::orchestrator
