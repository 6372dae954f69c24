// Time for the orchestrator: an injectable clock (tests drive it, the CLI uses the real one or a
// fixed one) and the text forms Kubernetes and kubectl print times in. Times are whole seconds
// since the Unix epoch, the precision of metav1.Time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace capstan::orchestrator {

using Seconds = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Seconds now() const = 0;
};

// The wall clock.
class SystemClock final : public Clock {
 public:
  Seconds now() const override;
};

// A clock that only moves when told to: tests, and CAPSTAN_FAKE_NOW.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Seconds start) : now_(start) {}
  Seconds now() const override { return now_; }
  void set(Seconds t) { now_ = t; }
  void advance(Seconds d) { now_ += d; }

 private:
  Seconds now_;
};

// "2006-01-02T15:04:05Z" (metav1.Time's JSON form, always UTC).
std::string format_rfc3339(Seconds t);
// Accepts RFC 3339 with "Z" or a numeric offset and optional fractional seconds (dropped).
std::optional<Seconds> parse_rfc3339(std::string_view text);
// Go's time.RFC1123Z in UTC: "Mon, 02 Jan 2006 15:04:05 +0000" (kubectl describe).
std::string format_rfc1123z(Seconds t);

// k8s.io/apimachinery/pkg/util/duration.HumanDuration: "5s", "3m20s", "4h23m", "2d3h", "3y45d".
std::string human_duration(Seconds d);

}  // namespace capstan::orchestrator
