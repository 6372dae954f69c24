// Random sources and the Kubernetes name/UID helpers built on them.
#include "orchestrator/random.h"

#include <cstdio>
#include <random>

namespace capstan::orchestrator {

std::uint64_t SeededRandom::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t SystemRandom::next() {
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

std::uint64_t uniform(Random& random, std::uint64_t n) {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  for (;;) {
    const std::uint64_t v = random.next();
    if (v < limit) return v % n;
  }
}

std::string random_string(Random& random, std::size_t n) {
  std::string out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out += kSafeAlphabet[uniform(random, kSafeAlphabet.size())];
  return out;
}

std::string new_uid(Random& random) {
  std::uint64_t hi = random.next();
  std::uint64_t lo = random.next();
  hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(hi >> 32),
                static_cast<unsigned long long>((hi >> 16) & 0xffff),
                static_cast<unsigned long long>(hi & 0xffff),
                static_cast<unsigned long long>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xffffffffffffULL));
  return buf;
}

std::string safe_encode_string(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) out += kSafeAlphabet[c % kSafeAlphabet.size()];
  return out;
}

}  // namespace capstan::orchestrator
