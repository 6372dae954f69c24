// Times in repository files (index.yaml `created`/`generated`, Chart.lock, repositories.yaml)
// as Go's time.Time marshals them: RFC 3339 with nanoseconds, trailing zeros of the fraction
// dropped, a zero offset written "Z".
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace capstan::repo {

// Where repository code gets "now" from: injected so tests and CAPSTAN_FAKE_NOW runs print
// the same times. Returns an RFC 3339 text.
using Now = std::function<std::string()>;

// time.Now() in UTC, RFC3339Nano.
std::string system_now();
// A Now that always returns `rfc3339`.
Now fixed_now(std::string rfc3339);

// `t` (UTC) as RFC3339Nano.
std::string format_rfc3339_nano(std::chrono::system_clock::time_point t);

// Parses an RFC 3339 time as Go's Time.UnmarshalJSON does and prints it back as
// Time.MarshalJSON would (RFC3339Nano): "2016-10-06T16:23:20.500000000+00:00" becomes
// "2016-10-06T16:23:20.5Z". nullopt when Go would refuse the text.
std::optional<std::string> normalize_rfc3339(std::string_view text);

// Go's zero time as it marshals.
inline constexpr std::string_view kZeroTime = "0001-01-01T00:00:00Z";

}  // namespace capstan::repo
