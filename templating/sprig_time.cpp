// Go's Time arithmetic (time.go): calendar computations on "absolute" seconds, Date's
// normalization, Add/Sub with saturation, Round/Truncate, and Duration's String/ParseDuration
// (format.go).
#include "templating/sprig_time.h"

#include <limits>

#include "core/strconv.h"

namespace capstan::templating::gotime {

namespace detail {

const int kDaysBefore[13] = {0,   31,  31 + 28, 31 + 28 + 31, 31 + 28 + 31 + 30, 151, 181, 212, 243,
                             273, 304, 334,     365};

bool is_leap(std::int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in(int month, std::int64_t year) {
  if (month == 2 && is_leap(year))
    return 29;
  return kDaysBefore[month] - kDaysBefore[month - 1];
}

constexpr std::uint64_t kDaysPer400Years = 365 * 400 + 97;
constexpr std::uint64_t kDaysPer100Years = 365 * 100 + 24;
constexpr std::uint64_t kDaysPer4Years = 365 * 4 + 1;

std::uint64_t days_since_epoch(std::int64_t year) {
  std::uint64_t y = static_cast<std::uint64_t>(year - kAbsoluteZeroYear);
  std::uint64_t n = y / 400;
  y -= 400 * n;
  std::uint64_t d = kDaysPer400Years * n;
  n = y / 100;
  y -= 100 * n;
  d += kDaysPer100Years * n;
  n = y / 4;
  y -= 4 * n;
  d += kDaysPer4Years * n;
  d += 365 * y;
  return d;
}

void abs_date(std::uint64_t abs, bool full, std::int64_t& year, int& month, int& day, int& yday) {
  std::uint64_t d = abs / kSecondsPerDay;
  std::uint64_t n = d / kDaysPer400Years;
  std::uint64_t y = 400 * n;
  d -= kDaysPer400Years * n;
  n = d / kDaysPer100Years;
  n -= n >> 2;
  y += 100 * n;
  d -= kDaysPer100Years * n;
  n = d / kDaysPer4Years;
  y += 4 * n;
  d -= kDaysPer4Years * n;
  n = d / 365;
  n -= n >> 2;
  y += n;
  d -= 365 * n;
  year = static_cast<std::int64_t>(y) + kAbsoluteZeroYear;
  yday = static_cast<int>(d);
  month = 0;
  day = 0;
  if (!full)
    return;
  day = yday;
  if (is_leap(year)) {
    if (day > 31 + 29 - 1) {
      --day;
    } else if (day == 31 + 29 - 1) {
      month = 2;
      day = 29;
      return;
    }
  }
  month = day / 31;
  const int end = kDaysBefore[month + 1];
  int begin = 0;
  if (day >= end) {
    ++month;
    begin = end;
  } else {
    begin = kDaysBefore[month];
  }
  ++month;
  day = day - begin + 1;
}

}  // namespace detail

using namespace detail;

namespace {

// norm: hi, lo such that lo is in [0, base).
void norm(std::int64_t& hi, std::int64_t& lo, std::int64_t base) {
  if (lo < 0) {
    const std::int64_t n = (-lo - 1) / base + 1;
    hi -= n;
    lo += n * base;
  }
  if (lo >= base) {
    const std::int64_t n = lo / base;
    hi += n;
    lo -= n * base;
  }
}

}  // namespace

Time Time::unix(std::int64_t sec, std::int64_t nsec) {
  if (nsec < 0 || nsec >= 1000000000) {
    const std::int64_t n = nsec / 1000000000;
    sec += n;
    nsec -= n * 1000000000;
    if (nsec < 0) {
      nsec += 1000000000;
      --sec;
    }
  }
  Time t;
  t.sec_ = static_cast<std::int64_t>(static_cast<std::uint64_t>(sec) +
                                     static_cast<std::uint64_t>(kUnixToInternal));
  t.nsec_ = static_cast<std::int32_t>(nsec);
  t.loc_ = local();
  return t;
}

Time Time::date(std::int64_t year, std::int64_t month, std::int64_t day, std::int64_t hour,
                std::int64_t min, std::int64_t sec, std::int64_t nsec, LocationPtr loc) {
  std::int64_t m = month - 1;
  norm(year, m, 12);
  month = m + 1;
  norm(sec, nsec, 1000000000);
  norm(min, sec, 60);
  norm(hour, min, 60);
  norm(day, hour, 24);
  std::uint64_t d = days_since_epoch(year);
  d += static_cast<std::uint64_t>(kDaysBefore[month - 1]);
  if (is_leap(year) && month >= 3)
    ++d;
  d += static_cast<std::uint64_t>(day - 1);
  std::uint64_t abs = d * kSecondsPerDay;
  abs += static_cast<std::uint64_t>(hour * 3600 + min * 60 + sec);
  std::int64_t unix = static_cast<std::int64_t>(
      abs + static_cast<std::uint64_t>(kAbsoluteToInternal + kInternalToUnix));
  const Location& l = loc ? *loc : *utc();
  ZoneAt z = l.lookup(unix);
  if (z.offset != 0) {
    const std::int64_t utc_sec = wrap_add(unix, -z.offset);
    if (utc_sec < z.start || utc_sec >= z.end)
      z = l.lookup(utc_sec);
    unix = wrap_add(unix, -z.offset);
  }
  Time t;
  t.sec_ = wrap_add(unix, kUnixToInternal);
  t.nsec_ = static_cast<std::int32_t>(nsec);
  t.loc_ = loc && loc != utc() ? loc : nullptr;
  return t;
}

std::int64_t Time::unix_sec() const {
  return wrap_add(sec_, kInternalToUnix);
}

LocationPtr Time::location() const {
  return loc_ ? loc_ : utc();
}

Time Time::with_monotonic(std::int64_t mono) const {
  Time t = *this;
  t.has_mono_ = true;
  t.mono_ = mono;
  return t;
}

Time Time::strip_monotonic() const {
  Time t = *this;
  t.has_mono_ = false;
  t.mono_ = 0;
  return t;
}

ZoneAt Time::zone() const {
  if (!loc_ || loc_.get() == utc().get())
    return ZoneAt{"UTC", 0, INT64_MIN, INT64_MAX, false};
  return loc_->lookup(unix_sec());
}

std::uint64_t Time::abs() const {
  const std::int64_t sec = wrap_add(unix_sec(), zone().offset);
  return absolute(sec);
}

Civil Time::civil() const {
  const std::uint64_t a = abs();
  Civil c;
  abs_date(a, true, c.year, c.month, c.day, c.yday);
  ++c.yday;
  const auto s = static_cast<int>(a % kSecondsPerDay);
  c.hour = s / 3600;
  c.minute = s % 3600 / 60;
  c.second = s % 60;
  // absWeekday: the absolute epoch starts on a Monday.
  c.weekday = static_cast<int>((a + 1 * kSecondsPerDay) % (7 * kSecondsPerDay) / kSecondsPerDay);
  return c;
}

void Time::add_sec(std::int64_t d) {
  // Go keeps a monotonic time's wall seconds in 33 bits; past them the reading is dropped.
  if (has_mono_) {
    const std::int64_t wall =
        sec_ + d - (1884LL * 365 + 1884 / 4 - 1884 / 100 + 1884 / 400) * kSecondsPerDay;
    if (wall < 0 || wall > (std::int64_t{1} << 33) - 1)
      *this = strip_monotonic();
  }
  std::int64_t sum = 0;
  if (!__builtin_add_overflow(sec_, d, &sum)) {
    sec_ = sum;
  } else {
    sec_ = d > 0 ? INT64_MAX : -INT64_MAX;
  }
}

Time Time::add(Duration d) const {
  Time t = *this;
  std::int64_t dsec = d / 1000000000;
  std::int64_t nsec = nsec_ + d % 1000000000;
  if (nsec >= 1000000000) {
    ++dsec;
    nsec -= 1000000000;
  } else if (nsec < 0) {
    --dsec;
    nsec += 1000000000;
  }
  t.nsec_ = static_cast<std::int32_t>(nsec);
  t.add_sec(dsec);
  if (t.has_mono_) {
    std::int64_t te = 0;
    if (__builtin_add_overflow(t.mono_, d, &te)) {
      t = t.strip_monotonic();
    } else {
      t.mono_ = te;
    }
  }
  return t;
}

Duration Time::sub(const Time& u) const {
  if (has_mono_ && u.has_mono_) {
    Duration d = 0;
    if (__builtin_sub_overflow(mono_, u.mono_, &d))
      return mono_ > u.mono_ ? INT64_MAX : INT64_MIN;
    return d;
  }
  const auto secs = static_cast<std::uint64_t>(sec_) - static_cast<std::uint64_t>(u.sec_);
  const Duration d =
      static_cast<Duration>(secs * 1000000000ULL + static_cast<std::uint64_t>(nsec_ - u.nsec_));
  if (u.add(d).equal(*this))
    return d;
  if (before(u))
    return INT64_MIN;
  return INT64_MAX;
}

Time Time::add_date(std::int64_t years, std::int64_t months, std::int64_t days) const {
  const Civil c = civil();
  return date(c.year + years, c.month + months, c.day + days, c.hour, c.minute, c.second, nsec_,
              location());
}

namespace {

// t modulo d (in [0, d)), counting from the zero time as Go's div does.
Duration remainder(const Time& t, Duration d) {
  const __int128 total = static_cast<__int128>(t.internal_sec()) * 1000000000 + t.nanosecond();
  __int128 r = total % d;
  if (r < 0)
    r += d;
  return static_cast<Duration>(r);
}

}  // namespace

Time Time::truncate(Duration d) const {
  const Time t = strip_monotonic();
  if (d <= 0)
    return t;
  return t.add(-remainder(t, d));
}

Time Time::round(Duration d) const {
  const Time t = strip_monotonic();
  if (d <= 0)
    return t;
  const Duration r = remainder(t, d);
  if (static_cast<std::uint64_t>(r) + static_cast<std::uint64_t>(r) < static_cast<std::uint64_t>(d))
    return t.add(-r);
  return t.add(d - r);
}

Time Time::in(LocationPtr loc) const {
  Time t = *this;
  t.loc_ = loc && loc != utc() ? std::move(loc) : nullptr;
  return t;
}

bool Time::before(const Time& u) const {
  if (has_mono_ && u.has_mono_)
    return mono_ < u.mono_;
  return sec_ < u.sec_ || (sec_ == u.sec_ && nsec_ < u.nsec_);
}

bool Time::after(const Time& u) const {
  if (has_mono_ && u.has_mono_)
    return mono_ > u.mono_;
  return sec_ > u.sec_ || (sec_ == u.sec_ && nsec_ > u.nsec_);
}

bool Time::equal(const Time& u) const {
  if (has_mono_ && u.has_mono_)
    return mono_ == u.mono_;
  return sec_ == u.sec_ && nsec_ == u.nsec_;
}

std::string Time::str() const {
  std::string s = format("2006-01-02 15:04:05.999999999 -0700 MST");
  if (has_mono_) {
    std::uint64_t m2 = static_cast<std::uint64_t>(mono_);
    char sign = '+';
    if (mono_ < 0) {
      sign = '-';
      m2 = -m2;
    }
    std::uint64_t m1 = m2 / 1000000000;
    m2 %= 1000000000;
    const std::uint64_t m0 = m1 / 1000000000;
    m1 %= 1000000000;
    s += " m=";
    s += sign;
    std::string mid = std::to_string(m1);
    if (m0 != 0) {
      s += std::to_string(m0);
      mid.insert(0, 9 - std::min<std::size_t>(9, mid.size()), '0');
    }
    s += mid;
    std::string frac = std::to_string(m2);
    s += '.' + std::string(9 - frac.size(), '0') + frac;
  }
  return s;
}

}  // namespace capstan::templating::gotime
