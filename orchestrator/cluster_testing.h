// Test helpers for orchestrator scenario tests: a seeded cluster on a manual clock and manifest
// loading from testdata/orchestrator/manifests. Included by *_test.cpp only.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/yaml.h"
#include "orchestrator/cluster.h"
#include "orchestrator/object.h"
#include "tests/support/testing.h"

namespace capstan::orchestrator::testing {

inline constexpr Seconds kStart = 1591509600;  // 2020-06-07T06:00:00Z

struct TestCluster {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStart);
  std::unique_ptr<Cluster> cluster;

  explicit TestCluster(std::string path = ":memory:", std::uint64_t seed = 1, KubeletConfig kubelet = {}) {
    ClusterOptions options;
    options.path = std::move(path);
    options.clock = clock;
    options.seed = seed;
    options.kubelet = std::move(kubelet);
    cluster = std::make_unique<Cluster>(std::move(options));
  }
  Cluster& operator*() { return *cluster; }
  Cluster* operator->() { return cluster.get(); }
};

inline std::vector<Value> manifests(std::string_view file) {
  yaml::DecodeOptions options;
  options.numbers = yaml::Numbers::Typed;
  options.file = std::string(file);
  const std::string text = capstan::testing::read_file(
      capstan::testing::testdata("orchestrator/manifests/" + std::string(file)));
  std::vector<Value> out;
  for (Value& v : yaml::decode_all(text, options)) {
    if (!v.is_null()) out.push_back(std::move(v));
  }
  return out;
}

inline Value manifest(std::string_view file) { return manifests(file).at(0); }

inline std::vector<std::string> names(const std::vector<Value>& objects) {
  std::vector<std::string> out;
  for (const Value& o : objects) out.push_back(name_of(o));
  return out;
}

}  // namespace capstan::orchestrator::testing
