// Clocks.
#include "release/clock.h"

#include <chrono>
#include <string>

#include "core/error.h"

namespace capstan::release {

Time SystemClock::now() {
  const auto since = std::chrono::system_clock::now().time_since_epoch();
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(since).count();
  const std::int64_t seconds = ns / 1000000000;
  return Time::from_unix(seconds, static_cast<std::int32_t>(ns % 1000000000),
                         local_offset(seconds));
}

FixedClock fixed_clock_from(std::string_view rfc3339) {
  const std::optional<Time> t = parse_rfc3339(rfc3339);
  if (!t) {
    throw Error(ErrorKind::BadRequest,
                "invalid fake time \"" + std::string(rfc3339) + "\": want RFC 3339");
  }
  return FixedClock(*t);
}

}  // namespace capstan::release
