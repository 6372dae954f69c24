// Loading a big repository index: wall time and peak memory of repo::load_index_file on a
// file made by bench/repo/gen_big_index.py (Bitnami-shaped, ~26 MB), the figure behind
// akuity/kargo#7034 (Helm: ~300 MiB heap). Prints one line per run and the process's peak
// resident size (getrusage ru_maxrss, which includes the file's own bytes).
//   bench/repo/gen_big_index.py /tmp/big-index.yaml
//   build-bench/bench/repo_index_bench /tmp/big-index.yaml [--runs N] [--generic] [--check]
// --check also loads with the generic decoder and compares the two indexes (after timing).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "repo/digest.h"
#include "repo/index.h"

namespace {

long peak_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s INDEX.yaml [--runs N] [--generic]\n", argv[0]);
    return 2;
  }
  int runs = 1;
  bool generic = false;
  bool check = false;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::atoi(argv[++i]);
    if (std::strcmp(argv[i], "--generic") == 0) generic = true;
    if (std::strcmp(argv[i], "--check") == 0) check = true;
  }
  const long before = peak_kib();
  std::size_t versions = 0, bytes = 0;
  double best = 1e9;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    std::string text = capstan::repo::read_file(argv[1]);
    bytes = text.size();
    capstan::repo::LoadIndexOptions options;
    options.fast_path = !generic;
    capstan::repo::IndexFile index = capstan::repo::load_index(std::move(text), options);
    const auto t1 = std::chrono::steady_clock::now();
    versions = 0;
    for (const auto& [name, vs] : index.entries) versions += vs.size();
    const double s = std::chrono::duration<double>(t1 - t0).count();
    best = std::min(best, s);
    std::printf("run %d: %.3f s, %zu charts, %zu versions, %.1f MB%s\n", r + 1, s,
                index.entries.size(), versions, static_cast<double>(bytes) / 1e6,
                generic ? " (generic decoder)" : "");
  }
  std::printf("best %.3f s; peak RSS %.1f MiB (%.1f MiB before loading)\n", best,
              static_cast<double>(peak_kib()) / 1024, static_cast<double>(before) / 1024);
  if (check) {
    capstan::repo::LoadIndexOptions fast, slow;
    slow.fast_path = false;
    const std::string text = capstan::repo::read_file(argv[1]);
    const bool same = capstan::repo::load_index(text, fast).to_yaml() ==
                      capstan::repo::load_index(text, slow).to_yaml();
    std::printf("dedicated reader and generic decoder agree: %s\n", same ? "yes" : "NO");
    return same ? 0 : 1;
  }
  return 0;
}
