// Go's time.ParseInLocation (format.go parse) with Go 1.19's rules and *time.ParseError texts.
#include "templating/sprig_time.h"
#include "templating/sprig_time_layout.h"

namespace capstan::templating::gotime {

using namespace detail;
using namespace layout;

namespace {

struct Bad {};  // errBad: the element did not match

bool match(std::string_view s1, std::string_view s2) {
  for (std::size_t i = 0; i < s1.size(); ++i) {
    unsigned char c1 = static_cast<unsigned char>(s1[i]);
    unsigned char c2 = static_cast<unsigned char>(s2[i]);
    if (c1 != c2) {
      c1 |= 'a' - 'A';
      c2 |= 'a' - 'A';
      if (c1 != c2 || c1 < 'a' || c1 > 'z')
        return false;
    }
  }
  return true;
}

template <std::size_t N>
int lookup(const char* const (&tab)[N], std::string_view& val) {
  for (std::size_t i = 0; i < N; ++i) {
    const std::string_view v = tab[i];
    if (val.size() >= v.size() && match(val.substr(0, v.size()), v)) {
      val.remove_prefix(v.size());
      return static_cast<int>(i);
    }
  }
  throw Bad{};
}

// leadingInt; false on overflow.
bool leading_int(std::string_view s, std::uint64_t& x, std::string_view& rem) {
  x = 0;
  std::size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (x > (std::uint64_t{1} << 63) / 10)
      return false;
    x = x * 10 + static_cast<std::uint64_t>(s[i] - '0');
    if (x > std::uint64_t{1} << 63)
      return false;
  }
  rem = s.substr(i);
  return true;
}

// format.go's atoi: an optionally signed decimal that is the whole string.
bool atoi(std::string_view s, std::int64_t& x) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  std::uint64_t q = 0;
  std::string_view rem;
  if (!leading_int(s, q, rem) || !rem.empty())
    return false;
  x = static_cast<std::int64_t>(q);
  if (neg)
    x = -x;
  return true;
}

int getnum(std::string_view& s, bool fixed) {
  if (!is_digit(s, 0))
    throw Bad{};
  if (!is_digit(s, 1)) {
    if (fixed)
      throw Bad{};
    const int n = s[0] - '0';
    s.remove_prefix(1);
    return n;
  }
  const int n = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return n;
}

int getnum3(std::string_view& s, bool fixed) {
  int n = 0;
  std::size_t i = 0;
  for (; i < 3 && is_digit(s, i); ++i) n = n * 10 + (s[i] - '0');
  if (i == 0 || (fixed && i != 3))
    throw Bad{};
  s.remove_prefix(i);
  return n;
}

std::string_view cutspace(std::string_view s) {
  while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
  return s;
}

// skip: removes prefix from value (runs of spaces match runs of spaces); false on mismatch.
bool skip(std::string_view& value, std::string_view prefix) {
  while (!prefix.empty()) {
    if (prefix[0] == ' ') {
      if (!value.empty() && value[0] != ' ')
        return false;
      prefix = cutspace(prefix);
      value = cutspace(value);
      continue;
    }
    if (value.empty() || value[0] != prefix[0])
      return false;
    prefix.remove_prefix(1);
    value.remove_prefix(1);
  }
  return true;
}

bool comma_or_period(char b) {
  return b == '.' || b == ',';
}

// parseNanoseconds over value[0:nbytes] (a separator then digits).
int parse_nanoseconds(std::string_view value, std::size_t nbytes, std::string& range_err) {
  if (!comma_or_period(value[0]))
    throw Bad{};
  if (nbytes > 10) {
    value = value.substr(0, 10);
    nbytes = 10;
  }
  std::int64_t ns = 0;
  if (!atoi(value.substr(1, nbytes - 1), ns))
    throw Bad{};
  if (ns < 0) {
    range_err = "fractional second";
    return 0;
  }
  for (std::size_t i = 0; i < 10 - nbytes; ++i) ns *= 10;
  return static_cast<int>(ns);
}

std::size_t parse_signed_offset(std::string_view value) {
  const char sign = value[0];
  if (sign != '-' && sign != '+')
    return 0;
  std::uint64_t x = 0;
  std::string_view rem;
  if (!leading_int(value.substr(1), x, rem) || value.substr(1) == rem)
    return 0;
  if (x > 23)
    return 0;
  return value.size() - rem.size();
}

std::size_t parse_gmt(std::string_view value) {
  value.remove_prefix(3);
  if (value.empty())
    return 3;
  return 3 + parse_signed_offset(value);
}

// parseTimeZone: the length of a zone abbreviation at the start of value, 0 if none.
std::size_t parse_time_zone(std::string_view value) {
  if (value.size() < 3)
    return 0;
  if (value.size() >= 4 && (value.substr(0, 4) == "ChST" || value.substr(0, 4) == "MeST"))
    return 4;
  if (value.substr(0, 3) == "GMT")
    return parse_gmt(value);
  if (value[0] == '+' || value[0] == '-')
    return parse_signed_offset(value);
  std::size_t upper = 0;
  for (; upper < 6 && upper < value.size(); ++upper) {
    if (value[upper] < 'A' || value[upper] > 'Z')
      break;
  }
  switch (upper) {
    case 5:
      return value[4] == 'T' ? 5 : 0;
    case 4:
      return value[3] == 'T' || value.substr(0, 4) == "WITA" ? 4 : 0;
    case 3:
      return 3;
    default:
      return 0;
  }
}

[[noreturn]] void parse_error(std::string_view layout, std::string_view value,
                              std::string_view layout_elem, std::string_view value_elem,
                              const std::string& message) {
  if (message.empty()) {
    throw ParseError("parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse " +
                     quote(value_elem) + " as " + quote(layout_elem));
  }
  throw ParseError("parsing time " + quote(value) + message);
}

}  // namespace

Time parse_in_location(std::string_view layout, std::string_view value, LocationPtr loc) {
  const std::string_view alayout = layout, avalue = value;
  std::string range_err;
  bool am_set = false, pm_set = false;
  std::int64_t year = 0;
  int month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  LocationPtr z;
  bool z_utc = false;
  std::int64_t zone_offset = -1;
  std::string zone_name;

  while (true) {
    const Chunk c = next_std_chunk(layout);
    const std::string_view stdstr =
        layout.substr(c.prefix.size(), layout.size() - c.prefix.size() - c.suffix.size());
    if (!skip(value, c.prefix))
      parse_error(alayout, avalue, c.prefix, value, "");
    if (c.std == kStdNone) {
      if (!value.empty())
        parse_error(alayout, avalue, "", value, ": extra text: " + quote(value));
      break;
    }
    layout = c.suffix;
    const int std = c.std;
    bool bad = false;
    try {
      switch (std & kMask) {
        case kStdYear: {
          if (value.size() < 2)
            throw Bad{};
          std::int64_t y = 0;
          if (!atoi(value.substr(0, 2), y))
            throw Bad{};
          value.remove_prefix(2);
          year = y >= 69 ? y + 1900 : y + 2000;
          break;
        }
        case kStdLongYear: {
          if (value.size() < 4 || !is_digit(value, 0))
            throw Bad{};
          const std::string_view p = value.substr(0, 4);
          value.remove_prefix(4);
          if (!atoi(p, year))
            throw Bad{};
          break;
        }
        case kStdMonth:
          month = lookup(kShortMonthNames, value) + 1;
          break;
        case kStdLongMonth:
          month = lookup(kLongMonthNames, value) + 1;
          break;
        case kStdNumMonth:
        case kStdZeroMonth:
          month = getnum(value, std == kStdZeroMonth);
          if (month <= 0 || 12 < month)
            range_err = "month";
          break;
        case kStdWeekDay:
          lookup(kShortDayNames, value);
          break;
        case kStdLongWeekDay:
          lookup(kLongDayNames, value);
          break;
        case kStdDay:
        case kStdUnderDay:
        case kStdZeroDay:
          if (std == kStdUnderDay && !value.empty() && value[0] == ' ')
            value.remove_prefix(1);
          day = getnum(value, std == kStdZeroDay);
          break;
        case kStdUnderYearDay:
        case kStdZeroYearDay:
          for (int i = 0; i < 2; ++i) {
            if (std == kStdUnderYearDay && !value.empty() && value[0] == ' ')
              value.remove_prefix(1);
          }
          yday = getnum3(value, std == kStdZeroYearDay);
          break;
        case kStdHour:
          hour = getnum(value, false);
          if (hour < 0 || 24 <= hour)
            range_err = "hour";
          break;
        case kStdHour12:
        case kStdZeroHour12:
          hour = getnum(value, std == kStdZeroHour12);
          if (hour < 0 || 12 < hour)
            range_err = "hour";
          break;
        case kStdMinute:
        case kStdZeroMinute:
          min = getnum(value, std == kStdZeroMinute);
          if (min < 0 || 60 <= min)
            range_err = "minute";
          break;
        case kStdSecond:
        case kStdZeroSecond: {
          sec = getnum(value, std == kStdZeroSecond);
          if (sec < 0 || 60 <= sec) {
            range_err = "second";
            break;
          }
          // A fractional second in the value after a seconds field, unless the layout has one.
          if (value.size() >= 2 && comma_or_period(value[0]) && is_digit(value, 1)) {
            const int next = next_std_chunk(layout).std & kMask;
            if (next == kStdFracSecond0 || next == kStdFracSecond9)
              break;
            std::size_t n = 2;
            while (n < value.size() && is_digit(value, n)) ++n;
            nsec = parse_nanoseconds(value, n, range_err);
            value.remove_prefix(n);
          }
          break;
        }
        case kStdPM:
        case kStdpm: {
          if (value.size() < 2)
            throw Bad{};
          const std::string_view p = value.substr(0, 2);
          value.remove_prefix(2);
          const bool upper = (std & kMask) == kStdPM;
          if (p == (upper ? "PM" : "pm")) {
            pm_set = true;
          } else if (p == (upper ? "AM" : "am")) {
            am_set = true;
          } else {
            throw Bad{};
          }
          break;
        }
        case kStdISO8601TZ:
        case kStdISO8601ColonTZ:
        case kStdISO8601SecondsTZ:
        case kStdISO8601ShortTZ:
        case kStdISO8601ColonSecondsTZ:
        case kStdNumTZ:
        case kStdNumShortTZ:
        case kStdNumColonTZ:
        case kStdNumSecondsTz:
        case kStdNumColonSecondsTZ: {
          if ((std == kStdISO8601TZ || std == kStdISO8601ShortTZ || std == kStdISO8601ColonTZ) &&
              !value.empty() && value[0] == 'Z') {
            value.remove_prefix(1);
            z_utc = true;
            break;
          }
          std::string_view sign, hh, mm, ss;
          if (std == kStdISO8601ColonTZ || std == kStdNumColonTZ) {
            if (value.size() < 6 || value[3] != ':')
              throw Bad{};
            sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2), ss = "00";
            value.remove_prefix(6);
          } else if (std == kStdNumShortTZ || std == kStdISO8601ShortTZ) {
            if (value.size() < 3)
              throw Bad{};
            sign = value.substr(0, 1), hh = value.substr(1, 2), mm = "00", ss = "00";
            value.remove_prefix(3);
          } else if (std == kStdISO8601ColonSecondsTZ || std == kStdNumColonSecondsTZ) {
            if (value.size() < 9 || value[3] != ':' || value[6] != ':')
              throw Bad{};
            sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2),
            ss = value.substr(7, 2);
            value.remove_prefix(9);
          } else if (std == kStdISO8601SecondsTZ || std == kStdNumSecondsTz) {
            if (value.size() < 7)
              throw Bad{};
            sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2),
            ss = value.substr(5, 2);
            value.remove_prefix(7);
          } else {
            if (value.size() < 5)
              throw Bad{};
            sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2), ss = "00";
            value.remove_prefix(5);
          }
          std::int64_t hr = 0, mi = 0, se = 0;
          bool ok = atoi(hh, hr);
          if (ok)
            ok = atoi(mm, mi);
          if (ok)
            ok = atoi(ss, se);
          zone_offset = (hr * 60 + mi) * 60 + se;
          if (sign[0] == '-') {
            zone_offset = -zone_offset;
          } else if (sign[0] != '+') {
            ok = false;
          }
          if (!ok)
            throw Bad{};
          break;
        }
        case kStdTZ: {
          if (value.size() >= 3 && value.substr(0, 3) == "UTC") {
            z_utc = true;
            value.remove_prefix(3);
            break;
          }
          const std::size_t n = parse_time_zone(value);
          if (n == 0)
            throw Bad{};
          zone_name = std::string(value.substr(0, n));
          value.remove_prefix(n);
          break;
        }
        case kStdFracSecond0: {
          const std::size_t ndigit = 1 + static_cast<std::size_t>(digits_len(std));
          if (value.size() < ndigit)
            throw Bad{};
          // Go moves past the digits whether or not they parse.
          const std::string_view digits = value;
          value.remove_prefix(ndigit);
          nsec = parse_nanoseconds(digits, ndigit, range_err);
          break;
        }
        case kStdFracSecond9: {
          if (value.size() < 2 || !comma_or_period(value[0]) || value[1] < '0' || '9' < value[1])
            break;
          std::size_t i = 0;
          while (i < 9 && i + 1 < value.size() && value[i + 1] >= '0' && value[i + 1] <= '9') ++i;
          nsec = parse_nanoseconds(value, 1 + i, range_err);
          value.remove_prefix(1 + i);
          break;
        }
        default:
          break;
      }
    } catch (const Bad&) {
      bad = true;
    }
    if (!range_err.empty())
      parse_error(alayout, avalue, stdstr, value, ": " + range_err + " out of range");
    if (bad)
      parse_error(alayout, avalue, stdstr, value, "");
  }
  if (pm_set && hour < 12) {
    hour += 12;
  } else if (am_set && hour == 12) {
    hour = 0;
  }

  if (yday >= 0) {
    int d = 0, m = 0;
    if (is_leap(year)) {
      if (yday == 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        --yday;
      }
    }
    if (yday < 1 || yday > 365)
      parse_error(alayout, avalue, "", value, ": day-of-year out of range");
    if (m == 0) {
      m = (yday - 1) / 31 + 1;
      if (kDaysBefore[m] < yday)
        ++m;
      d = yday - kDaysBefore[m - 1];
    }
    if (month >= 0 && month != m)
      parse_error(alayout, avalue, "", value, ": day-of-year does not match month");
    month = m;
    if (day >= 0 && day != d)
      parse_error(alayout, avalue, "", value, ": day-of-year does not match day");
    day = d;
  } else {
    if (month < 0)
      month = 1;
    if (day < 0)
      day = 1;
  }
  if (day < 1 || day > days_in(month, year))
    parse_error(alayout, avalue, "", value, ": day out of range");

  if (z_utc)
    return Time::date(year, month, day, hour, min, sec, nsec, utc());
  if (zone_offset != -1) {
    Time t = Time::date(year, month, day, hour, min, sec, nsec, utc())
                 .add(-zone_offset * gotime::kSecond);
    const ZoneAt at = loc->lookup(t.unix_sec());
    if (at.offset == zone_offset && (zone_name.empty() || at.name == zone_name))
      return t.in(loc);
    return t.in(fixed_zone(zone_name, static_cast<int>(zone_offset)));
  }
  if (!zone_name.empty()) {
    Time t = Time::date(year, month, day, hour, min, sec, nsec, utc());
    if (const std::optional<int> offset = loc->lookup_name(zone_name, t.unix_sec())) {
      return t.add(-static_cast<Duration>(*offset) * gotime::kSecond).in(loc);
    }
    std::int64_t offset = 0;
    if (zone_name.size() > 3 && zone_name.substr(0, 3) == "GMT") {
      atoi(std::string_view(zone_name).substr(3), offset);
      offset *= 3600;
    }
    return t.in(fixed_zone(zone_name, static_cast<int>(offset)));
  }
  return Time::date(year, month, day, hour, min, sec, nsec, loc);
}

}  // namespace capstan::templating::gotime
