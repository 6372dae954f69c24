// The fuzzer's seeded random source (splitmix64): every case is reproducible from its seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace capstan::fuzz {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // 0 <= result < n (0 when n is 0).
  std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
  // lo <= result <= hi.
  long range(long lo, long hi) { return lo + static_cast<long>(below(static_cast<std::size_t>(hi - lo + 1))); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
  const char* pick(std::initializer_list<const char*> v) { return v.begin()[below(v.size())]; }

 private:
  std::uint64_t state_;
};

// A child seed for sub-streams (batch b, case c) that do not depend on how much the parent
// stream was used.
inline std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) {
  Rng r(seed ^ (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xc2b2ae3d27d4eb4fULL));
  r.next();
  return r.next();
}

}  // namespace capstan::fuzz
