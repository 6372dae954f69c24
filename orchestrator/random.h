// Randomness for the orchestrator (pod name suffixes, UIDs, ClusterIPs, NodePorts), injected so
// a seeded cluster makes the same names every run. The seeded generator's state is a single
// integer so the store can persist it between processes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace capstan::orchestrator {

class Random {
 public:
  virtual ~Random() = default;
  virtual std::uint64_t next() = 0;
};

// SplitMix64: small state, good statistical quality, trivially persisted.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() override;
  std::uint64_t state() const { return state_; }
  void restore(std::uint64_t state) { state_ = state; }

 private:
  std::uint64_t state_;
};

// Entropy from the operating system (std::random_device).
class SystemRandom final : public Random {
 public:
  std::uint64_t next() override;
};

// apimachinery's util/rand alphabet: no vowels (no words), no 0/1/3 (confusable with o/l/e).
inline constexpr std::string_view kSafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

// A uniform integer in [0, n), n > 0, without modulo bias.
std::uint64_t uniform(Random& random, std::uint64_t n);
// n characters from kSafeAlphabet (rand.String).
std::string random_string(Random& random, std::size_t n);
// A version 4 UUID in its canonical lower-case text form.
std::string new_uid(Random& random);
// rand.SafeEncodeString: each byte b becomes kSafeAlphabet[b % 27].
std::string safe_encode_string(std::string_view s);

}  // namespace capstan::orchestrator
