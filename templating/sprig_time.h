// Go's time package as Sprig's date functions use it (Go 1.19, the oracle's): Time (seconds,
// nanoseconds, a Location, an optional monotonic reading), Locations from the system tzdata
// (/usr/share/zoneinfo, with the POSIX TZ rule of a TZif footer for later times, and Local from
// $TZ or /etc/localtime as Go's initLocal reads them), Date's normalization, Format and
// Parse with Go's layouts and error texts, and Duration's String and ParseDuration.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::templating::gotime {

using Duration = std::int64_t;  // nanoseconds
inline constexpr Duration kNanosecond = 1;
inline constexpr Duration kMicrosecond = 1000;
inline constexpr Duration kMillisecond = 1000000;
inline constexpr Duration kSecond = 1000000000;
inline constexpr Duration kMinute = 60 * kSecond;
inline constexpr Duration kHour = 60 * kMinute;

struct Zone {
  std::string name;  // abbreviation, "CET"
  int offset = 0;    // seconds east of UTC
  bool is_dst = false;
};

struct ZoneTrans {
  std::int64_t when = 0;  // Unix seconds
  std::uint8_t index = 0;
};

struct ZoneAt {
  std::string name;
  int offset = 0;
  std::int64_t start = 0, end = 0;  // the Unix seconds [start, end) the zone applies to
  bool is_dst = false;
};

class Location {
 public:
  std::string name;
  std::vector<Zone> zones;  // empty: UTC
  std::vector<ZoneTrans> tx;
  std::string extend;  // the TZ string of a TZif footer, for times after the last transition

  // Location.lookup: the zone in effect at Unix second `sec`.
  ZoneAt lookup(std::int64_t sec) const;
  // Location.lookupName: the offset of the zone abbreviated `zone_name` near Unix time `unix`.
  std::optional<int> lookup_name(std::string_view zone_name, std::int64_t unix) const;

 private:
  std::size_t first_zone() const;
};

using LocationPtr = std::shared_ptr<const Location>;

// time.UTC (a Location named "UTC" without zones).
LocationPtr utc();
// time.Local: $TZ or /etc/localtime as Go's initLocal reads them (loaded once).
LocationPtr local();
// time.FixedZone.
LocationPtr fixed_zone(std::string name, int offset);
// time.LoadLocation: "" and "UTC" are UTC, "Local" is Local, other names are read from
// /usr/share/zoneinfo (or $ZONEINFO). nullopt where Go returns an error.
std::optional<LocationPtr> load_location(std::string_view name);
// time.LoadLocationFromTZData; nullopt for malformed data.
std::optional<LocationPtr> location_from_tzdata(std::string name, std::string_view data);

struct Civil {
  std::int64_t year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  int yday = 0;   // 1..366
  int hour = 0, minute = 0, second = 0;
  int weekday = 0;  // Sunday = 0
};

class Time {
 public:
  Time() = default;  // the zero time, January 1, year 1, 00:00:00 UTC

  // time.Unix(sec, nsec) in Local.
  static Time unix(std::int64_t sec, std::int64_t nsec);
  // time.Date with Go's normalization of out-of-range fields.
  static Time date(std::int64_t year, std::int64_t month, std::int64_t day, std::int64_t hour,
                   std::int64_t min, std::int64_t sec, std::int64_t nsec, LocationPtr loc);

  std::int64_t unix_sec() const;
  std::int64_t internal_sec() const { return sec_; }  // seconds since year 1
  int nanosecond() const { return nsec_; }
  // The Location (never null: UTC for the zero Location).
  LocationPtr location() const;
  bool has_monotonic() const { return has_mono_; }
  std::int64_t monotonic() const { return mono_; }
  Time with_monotonic(std::int64_t mono) const;
  Time strip_monotonic() const;

  // The zone in effect and the civil fields in it.
  ZoneAt zone() const;
  Civil civil() const;

  Time add(Duration d) const;
  Duration sub(const Time& u) const;
  Time add_date(std::int64_t years, std::int64_t months, std::int64_t days) const;
  Time truncate(Duration d) const;
  Time round(Duration d) const;
  Time in(LocationPtr loc) const;
  bool before(const Time& u) const;
  bool after(const Time& u) const;
  bool equal(const Time& u) const;
  bool is_zero() const { return sec_ == 0 && nsec_ == 0; }

  std::string format(std::string_view layout) const;  // Time.Format
  std::string str() const;                            // Time.String (with m=±... if monotonic)

 private:
  void add_sec(std::int64_t d);
  // seconds since the "absolute zero" year, in the time's zone.
  std::uint64_t abs() const;

  std::int64_t sec_ = 0;  // seconds since January 1, year 1 00:00:00 UTC
  std::int32_t nsec_ = 0;
  LocationPtr loc_;  // null: UTC
  bool has_mono_ = false;
  std::int64_t mono_ = 0;
};

// time.Parse / ParseInLocation errors (*time.ParseError's text).
class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// time.ParseInLocation(layout, value, loc). Throws ParseError.
Time parse_in_location(std::string_view layout, std::string_view value, LocationPtr loc);

// Duration.String: "1h2m3.5s", "1.5ms", "0s".
std::string duration_string(Duration d);
// time.ParseDuration; nullopt with `error` set to Go's text on failure.
std::optional<Duration> parse_duration(std::string_view s, std::string* error);
// Go's quote() for time error messages (non-ASCII and control bytes as \x escapes).
std::string quote(std::string_view s);

// Helpers shared by the time files.
namespace detail {
inline constexpr std::int64_t kSecondsPerDay = 86400;
inline constexpr std::int64_t kAbsoluteZeroYear = -292277022399;
// (absoluteZeroYear - 1) * 365.2425 days, exactly as Go's constant arithmetic computes it.
inline constexpr std::int64_t kAbsoluteToInternal =
    (kAbsoluteZeroYear - 1) * 3652425 / 10000 * kSecondsPerDay;
inline constexpr std::int64_t kInternalToAbsolute = -kAbsoluteToInternal;
inline constexpr std::int64_t kUnixToInternal =
    (1969LL * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * kSecondsPerDay;
inline constexpr std::int64_t kInternalToUnix = -kUnixToInternal;
// Go's int64 arithmetic wraps; these do the same without undefined behaviour.
inline std::int64_t wrap_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
// The "absolute" seconds of a Unix time already shifted into its zone.
inline std::uint64_t absolute(std::int64_t zoned_unix) {
  return static_cast<std::uint64_t>(zoned_unix) +
         static_cast<std::uint64_t>(kUnixToInternal + kInternalToAbsolute);
}
bool is_leap(std::int64_t year);
int days_in(int month, std::int64_t year);
std::uint64_t days_since_epoch(std::int64_t year);
extern const int kDaysBefore[13];
// absDate: year, month, day, yday (0-based) of an absolute time.
void abs_date(std::uint64_t abs, bool full, std::int64_t& year, int& month, int& day, int& yday);
}  // namespace detail

}  // namespace capstan::templating::gotime
