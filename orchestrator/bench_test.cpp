// Timings of the embedded cluster, hidden from the default run ("[.bench]"); run with
// `orchestrator_test "[.bench]"` in an optimised build to print figures.
#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>

#include "orchestrator/cluster_testing.h"
#include "orchestrator/kubectl.h"

namespace capstan::orchestrator {

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

TEST_CASE("bench: a large deployment settles, rolls out and lists", "[.bench]") {
  for (int replicas : {100, 500, 1000}) {
    capstan::testing::TempDir dir;
    ClusterOptions options;
    options.path = (dir.path() / "cluster.db").string();
    options.clock = std::make_shared<ManualClock>(testing::kStart);
    options.seed = 1;
    options.nodes.count = 20;
    Cluster c(options);
    Value d = testing::manifest("simple-deployment.yaml");
    d["spec"].set("replicas", Value::integer(replicas));
    auto start = std::chrono::steady_clock::now();
    c.create(d);
    const SettleResult created = c.settle();
    const double create_s = seconds_since(start);
    d["spec"]["template"]["spec"]["containers"].mutable_list().items[1].set("image", "gihyodocker/echo:v2");
    start = std::chrono::steady_clock::now();
    c.update(d);
    const SettleResult rolled = c.settle();
    const double roll_s = seconds_since(start);
    start = std::chrono::steady_clock::now();
    kubectl::GetOptions get;
    get.args = {"pods"};
    const auto out = kubectl::get(c, get);
    const double get_s = seconds_since(start);
    std::cout << replicas << " replicas: create+settle " << create_s << " s (" << created.steps << " passes), "
              << "rollout " << roll_s << " s (" << rolled.steps << " passes), get pods " << get_s << " s\n";
    CHECK(created.converged);
    CHECK(rolled.converged);
  }
}

}  // namespace capstan::orchestrator
