// Go time layouts used by Helm's records and printers.
#include "release/go_time.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "templating/sprig_time.h"

namespace capstan::release {

namespace {

struct Civil {
  int year, month, day, hour, minute, second, weekday;  // weekday 0 = Sunday
};

Civil civil(const Time& t) {
  namespace ch = std::chrono;
  const std::int64_t local = t.unix_seconds + t.offset_seconds;
  std::int64_t days = local / 86400;
  std::int64_t rem = local % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  const ch::sys_days sd{ch::days{days}};
  const ch::year_month_day ymd{sd};
  const ch::weekday wd{sd};
  return Civil{int(ymd.year()),       int(unsigned(ymd.month())), int(unsigned(ymd.day())),
               int(rem / 3600),       int(rem / 60 % 60),         int(rem % 60),
               int(wd.c_encoding())};
}

// ".123" for 123000000 nanoseconds; "" for none (Go's .999999999 layout element).
std::string fraction(std::int32_t nanos) {
  if (nanos == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, ".%09d", int(nanos));
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  return s;
}

std::string offset_text(std::int32_t offset, bool colon) {
  const char sign = offset < 0 ? '-' : '+';
  const int abs = offset < 0 ? -offset : offset;
  char buf[16];
  std::snprintf(buf, sizeof buf, colon ? "%c%02d:%02d" : "%c%02d%02d", sign, abs / 3600,
                abs / 60 % 60);
  return buf;
}

constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

Time Time::from_unix(std::int64_t seconds, std::int32_t nanos, std::int32_t offset) {
  Time t;
  t.unix_seconds = seconds;
  t.nanos = nanos;
  t.offset_seconds = offset;
  t.zero = false;
  return t;
}

std::int32_t local_offset(std::int64_t unix_seconds) {
  const std::time_t tt = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  if (::localtime_r(&tt, &tm) == nullptr) return 0;
  return static_cast<std::int32_t>(tm.tm_gmtoff);
}

std::string format_rfc3339_nano(const Time& t) {
  const Civil c = civil(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  std::string out = buf + fraction(t.nanos);
  out += t.offset_seconds == 0 ? std::string("Z") : offset_text(t.offset_seconds, true);
  return out;
}

std::string format_ansic(const Time& t) {
  const Civil c = civil(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %d", kDays[c.weekday],
                kMonths[c.month - 1], c.day, c.hour, c.minute, c.second, c.year);
  return buf;
}

std::string format_go_string(const Time& t) {
  const Civil c = civil(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  std::string out = buf + fraction(t.nanos) + " " + offset_text(t.offset_seconds, false) + " ";
  if (t.offset_seconds == 0) {
    out += "UTC";
  } else if (local_offset(t.unix_seconds) == t.offset_seconds) {
    const std::time_t tt = static_cast<std::time_t>(t.unix_seconds);
    std::tm tm{};
    ::localtime_r(&tt, &tm);
    out += tm.tm_zone != nullptr ? tm.tm_zone : offset_text(t.offset_seconds, false);
  } else {
    out += offset_text(t.offset_seconds, false);
  }
  return out;
}

std::string format_go_layout(const Time& t, std::string_view layout) {
  namespace gotime = templating::gotime;
  gotime::LocationPtr loc;
  if (t.offset_seconds == 0) {
    loc = gotime::utc();
  } else if (local_offset(t.unix_seconds) == t.offset_seconds) {
    loc = gotime::local();
  } else {
    loc = gotime::fixed_zone("", t.offset_seconds);
  }
  const gotime::Time go = t.is_zero() ? gotime::Time() : gotime::Time::unix(t.unix_seconds, t.nanos).in(loc);
  return go.format(layout);
}

std::optional<Time> parse_rfc3339(std::string_view s) {
  int year, month, day, hour, minute, second;
  if (!digits(s, 0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, month) ||
      s[7] != '-' || !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't') ||
      !digits(s, 11, 2, hour) || s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' ||
      !digits(s, 17, 2, second)) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  std::int32_t nanos = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int n = 0;
    std::int64_t scale = 100000000;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (n < 9) nanos += static_cast<std::int32_t>((s[pos] - '0') * scale);
      scale /= 10;
      ++n;
      ++pos;
    }
    if (n == 0) return std::nullopt;
  }
  std::int32_t offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om)) {
      return std::nullopt;
    }
    offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 59) {
    return std::nullopt;
  }
  namespace ch = std::chrono;
  const ch::year_month_day ymd{ch::year{year}, ch::month{unsigned(month)}, ch::day{unsigned(day)}};
  if (!ymd.ok()) return std::nullopt;
  const std::int64_t days = ch::sys_days{ymd}.time_since_epoch().count();
  const std::int64_t local = days * 86400 + hour * 3600 + minute * 60 + second;
  return Time::from_unix(local - offset, nanos, offset);
}

}  // namespace capstan::release
