// Go's time.Time as Helm's release records carry it: an instant with the zone offset it was
// written in, and the handful of Go layouts Helm prints it with (RFC 3339 in JSON, ANSIC in
// `status` and `history`, Time.String() in `list`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace capstan::release {

struct Time {
  std::int64_t unix_seconds = 0;
  std::int32_t nanos = 0;
  std::int32_t offset_seconds = 0;  // east of UTC, the zone the time was written in
  bool zero = true;                 // Go's zero Time (January 1, year 1): printed as ""

  static Time from_unix(std::int64_t seconds, std::int32_t nanos = 0, std::int32_t offset = 0);
  bool is_zero() const { return zero; }

  friend bool operator==(const Time& a, const Time& b) {
    return a.zero == b.zero && a.unix_seconds == b.unix_seconds && a.nanos == b.nanos;
  }
  friend bool operator<(const Time& a, const Time& b) {
    if (a.zero != b.zero) return a.zero;
    if (a.unix_seconds != b.unix_seconds) return a.unix_seconds < b.unix_seconds;
    return a.nanos < b.nanos;
  }
};

// The offset the local zone (TZ, /etc/localtime) has at `unix_seconds`, as Go's time.Local.
std::int32_t local_offset(std::int64_t unix_seconds);

// time.RFC3339Nano ("2006-01-02T15:04:05.999999999Z07:00"): what time.Time.MarshalJSON writes.
std::string format_rfc3339_nano(const Time& t);

// time.ANSIC ("Mon Jan _2 15:04:05 2006") in the time's own zone.
std::string format_ansic(const Time& t);

// time.Time.String() ("2006-01-02 15:04:05.999999999 -0700 MST"). The zone name is "UTC" at
// offset 0, the local zone's abbreviation when the offset is the local one (Go parses such
// times into time.Local), else the numeric offset, as Go prints a nameless fixed zone.
std::string format_go_string(const Time& t);

// time.Time.Format(layout) with any Go layout (list --time-format), in the time's zone named
// as format_go_string names it.
std::string format_go_layout(const Time& t, std::string_view layout);

// time.Parse(time.RFC3339, s) as UnmarshalJSON does it (fractional seconds accepted);
// nullopt when malformed.
std::optional<Time> parse_rfc3339(std::string_view s);

}  // namespace capstan::release
