// YAML and JSON codec throughput on a values file: Helm's hottest paths (reading values,
// toYaml of large blocks, toJson). Without an argument a synthetic 1.6 MB values document is
// generated (3000 services with nested maps, lists, flow collections, long strings and literal
// blocks); the Go figures to compare with come from the same document through
// sigs.k8s.io/yaml and encoding/json.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/json.h"
#include "core/yaml.h"

namespace {

std::string synthetic_values() {
  std::string out;
  for (int i = 0; i < 3000; ++i) {
    const std::string n = std::to_string(i);
    out += "svc" + n + ":\n  enabled: " + (i % 3 ? "true" : "false") + "\n  replicaCount: " +
           std::to_string(1 + i % 10) + "\n  image:\n    repository: registry.example.com/team/app-" + n +
           "\n    tag: \"1." + n + ".0\"\n    pullPolicy: IfNotPresent\n  resources:\n" +
           "    limits: {cpu: 500m, memory: 512Mi}\n    requests: {cpu: 0.25, memory: 256Mi}\n" +
           "  env:\n    - name: LOG_LEVEL\n      value: info\n    - name: TIMEOUT\n      value: \"30\"\n" +
           "  annotations:\n    description: \"A fairly long annotation text for service " + n +
           " that goes on for a while to exercise folding of long strings in the encoder\"\n" +
           "  config: |\n    server.port=8080\n    server.name=svc" + n + "\n";
  }
  return out;
}

template <typename F>
double millis(int runs, F f) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < runs; ++i) f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / runs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string text;
  if (argc > 1) {
    std::ifstream in(argv[1], std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  } else {
    text = synthetic_values();
  }
  constexpr int kRuns = 5;
  capstan::Value v;
  std::string yaml;
  std::string json;
  const double decode = millis(kRuns, [&] { v = capstan::yaml::decode(text); });
  const double encode = millis(kRuns, [&] { yaml = capstan::yaml::encode(v); });
  const double json_encode = millis(kRuns, [&] { json = capstan::json::encode(v); });
  const double json_decode = millis(kRuns, [&] { v = capstan::json::decode(json); });
  std::printf("input %zu bytes\n", text.size());
  std::printf("yaml::decode  %8.1f ms  %6.1f MB/s\n", decode, text.size() / decode / 1000);
  std::printf("yaml::encode  %8.1f ms  %6.1f MB/s (%zu bytes)\n", encode, yaml.size() / encode / 1000, yaml.size());
  std::printf("json::encode  %8.1f ms  %6.1f MB/s (%zu bytes)\n", json_encode, json.size() / json_encode / 1000,
              json.size());
  std::printf("json::decode  %8.1f ms  %6.1f MB/s\n", json_decode, json.size() / json_decode / 1000);
  return 0;
}
