// Where release actions get the time from: injected, so tests and CAPSTAN_FAKE_NOW runs are
// reproducible.
#pragma once

#include <string_view>

#include "release/go_time.h"

namespace capstan::release {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Time now() = 0;
};

// The system's wall clock in the local zone, as Go's time.Now().
class SystemClock final : public Clock {
 public:
  Time now() override;
};

// Always the same instant.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Time t) : now_(t) {}
  Time now() override { return now_; }
  void set(Time t) { now_ = t; }

 private:
  Time now_;
};

// A FixedClock at `rfc3339` (CAPSTAN_FAKE_NOW's format); throws ErrorKind::BadRequest when
// the text is not an RFC 3339 time.
FixedClock fixed_clock_from(std::string_view rfc3339);

}  // namespace capstan::release
