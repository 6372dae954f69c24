// Go's Time.Format (format.go AppendFormat) over the layout elements of sprig_time_layout.h.
#include "templating/sprig_time.h"
#include "templating/sprig_time_layout.h"

namespace capstan::templating::gotime {

using namespace detail;
using namespace layout;

namespace {

void append_int(std::string& b, std::int64_t x, int width) {
  std::uint64_t u = static_cast<std::uint64_t>(x);
  if (x < 0) {
    b += '-';
    u = -u;
  }
  char buf[20];
  int i = sizeof buf;
  while (u >= 10) {
    buf[--i] = static_cast<char>('0' + u % 10);
    u /= 10;
  }
  buf[--i] = static_cast<char>('0' + u);
  for (int w = static_cast<int>(sizeof buf) - i; w < width; ++w) b += '0';
  b.append(buf + i, sizeof buf - static_cast<std::size_t>(i));
}

void format_nano(std::string& b, unsigned nanosec, int std) {
  int n = digits_len(std);
  const bool trim = (std & kMask) == kStdFracSecond9;
  char buf[9];
  unsigned u = nanosec;
  for (int start = 9; start > 0;) {
    buf[--start] = static_cast<char>(u % 10 + '0');
    u /= 10;
  }
  if (n > 9)
    n = 9;
  if (trim) {
    while (n > 0 && buf[n - 1] == '0') --n;
    if (n == 0)
      return;
  }
  b += separator(std);
  b.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

std::string Time::format(std::string_view layout) const {
  const ZoneAt z = zone();
  const std::string& name = z.name;
  const int offset = z.offset;
  const std::uint64_t a = absolute(wrap_add(unix_sec(), offset));
  std::string b;
  std::int64_t year = -1;
  int month = 0, day = 0, yday = 0, hour = -1, min = 0, sec = 0;
  while (!layout.empty()) {
    const Chunk c = next_std_chunk(layout);
    b += c.prefix;
    if (c.std == kStdNone)
      break;
    layout = c.suffix;
    const int std = c.std;
    if (year < 0 && (std & kStdNeedDate) != 0) {
      abs_date(a, true, year, month, day, yday);
      ++yday;
    }
    if (hour < 0 && (std & kStdNeedClock) != 0) {
      const auto s = static_cast<int>(a % kSecondsPerDay);
      hour = s / 3600;
      min = s % 3600 / 60;
      sec = s % 60;
    }
    const int weekday =
        static_cast<int>((a + kSecondsPerDay) % (7 * kSecondsPerDay) / kSecondsPerDay);
    switch (std & kMask) {
      case kStdYear:
        append_int(b, (year < 0 ? -year : year) % 100, 2);
        break;
      case kStdLongYear:
        append_int(b, year, 4);
        break;
      case kStdMonth:
        b += std::string(kLongMonthNames[month - 1]).substr(0, 3);
        break;
      case kStdLongMonth:
        b += kLongMonthNames[month - 1];
        break;
      case kStdNumMonth:
        append_int(b, month, 0);
        break;
      case kStdZeroMonth:
        append_int(b, month, 2);
        break;
      case kStdWeekDay:
        b += std::string(kLongDayNames[weekday]).substr(0, 3);
        break;
      case kStdLongWeekDay:
        b += kLongDayNames[weekday];
        break;
      case kStdDay:
        append_int(b, day, 0);
        break;
      case kStdUnderDay:
        if (day < 10)
          b += ' ';
        append_int(b, day, 0);
        break;
      case kStdZeroDay:
        append_int(b, day, 2);
        break;
      case kStdUnderYearDay:
        if (yday < 100) {
          b += ' ';
          if (yday < 10)
            b += ' ';
        }
        append_int(b, yday, 0);
        break;
      case kStdZeroYearDay:
        append_int(b, yday, 3);
        break;
      case kStdHour:
        append_int(b, hour, 2);
        break;
      case kStdHour12:
      case kStdZeroHour12: {
        int hr = hour % 12;
        if (hr == 0)
          hr = 12;
        append_int(b, hr, (std & kMask) == kStdZeroHour12 ? 2 : 0);
        break;
      }
      case kStdMinute:
        append_int(b, min, 0);
        break;
      case kStdZeroMinute:
        append_int(b, min, 2);
        break;
      case kStdSecond:
        append_int(b, sec, 0);
        break;
      case kStdZeroSecond:
        append_int(b, sec, 2);
        break;
      case kStdPM:
        b += hour >= 12 ? "PM" : "AM";
        break;
      case kStdpm:
        b += hour >= 12 ? "pm" : "am";
        break;
      case kStdISO8601TZ:
      case kStdISO8601ColonTZ:
      case kStdISO8601SecondsTZ:
      case kStdISO8601ShortTZ:
      case kStdISO8601ColonSecondsTZ:
      case kStdNumTZ:
      case kStdNumColonTZ:
      case kStdNumSecondsTz:
      case kStdNumShortTZ:
      case kStdNumColonSecondsTZ: {
        const bool iso = std == kStdISO8601TZ || std == kStdISO8601ColonTZ ||
                         std == kStdISO8601SecondsTZ || std == kStdISO8601ShortTZ ||
                         std == kStdISO8601ColonSecondsTZ;
        if (offset == 0 && iso) {
          b += 'Z';
          break;
        }
        int zone = offset / 60;
        int absoffset = offset;
        if (zone < 0) {
          b += '-';
          zone = -zone;
          absoffset = -absoffset;
        } else {
          b += '+';
        }
        append_int(b, zone / 60, 2);
        if (std == kStdISO8601ColonTZ || std == kStdNumColonTZ ||
            std == kStdISO8601ColonSecondsTZ || std == kStdNumColonSecondsTZ) {
          b += ':';
        }
        if (std != kStdNumShortTZ && std != kStdISO8601ShortTZ)
          append_int(b, zone % 60, 2);
        if (std == kStdISO8601SecondsTZ || std == kStdNumSecondsTz ||
            std == kStdNumColonSecondsTZ || std == kStdISO8601ColonSecondsTZ) {
          if (std == kStdNumColonSecondsTZ || std == kStdISO8601ColonSecondsTZ)
            b += ':';
          append_int(b, absoffset % 60, 2);
        }
        break;
      }
      case kStdTZ: {
        if (!name.empty()) {
          b += name;
          break;
        }
        int zone = offset / 60;
        if (zone < 0) {
          b += '-';
          zone = -zone;
        } else {
          b += '+';
        }
        append_int(b, zone / 60, 2);
        append_int(b, zone % 60, 2);
        break;
      }
      case kStdFracSecond0:
      case kStdFracSecond9:
        format_nano(b, static_cast<unsigned>(nanosecond()), std);
        break;
      default:
        break;
    }
  }
  return b;
}

}  // namespace capstan::templating::gotime
