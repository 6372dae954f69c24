// Go's time layout elements (format.go): nextStdChunk and the month and day names.
#include "templating/sprig_time_layout.h"

namespace capstan::templating::gotime::layout {

namespace {

const int kStd0x[] = {kStdZeroMonth,  kStdZeroDay,    kStdZeroHour12,
                      kStdZeroMinute, kStdZeroSecond, kStdYear};

}  // namespace

const char* const kLongDayNames[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday"};
const char* const kShortDayNames[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kShortMonthNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kLongMonthNames[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

namespace {

bool starts_with_lower(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

}  // namespace

bool is_digit(std::string_view s, std::size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

Chunk next_std_chunk(std::string_view layout) {
  auto at = [&](std::size_t i, int std, std::size_t len) {
    return Chunk{layout.substr(0, i), std, layout.substr(i + len)};
  };
  auto has = [&](std::size_t i, std::string_view s) { return layout.substr(i, s.size()) == s; };
  for (std::size_t i = 0; i < layout.size(); ++i) {
    switch (layout[i]) {
      case 'J':
        if (has(i, "Jan")) {
          if (has(i, "January"))
            return at(i, kStdLongMonth, 7);
          if (!starts_with_lower(layout.substr(i + 3)))
            return at(i, kStdMonth, 3);
        }
        break;
      case 'M':
        if (layout.size() >= i + 3) {
          if (has(i, "Mon")) {
            if (has(i, "Monday"))
              return at(i, kStdLongWeekDay, 6);
            if (!starts_with_lower(layout.substr(i + 3)))
              return at(i, kStdWeekDay, 3);
          }
          if (has(i, "MST"))
            return at(i, kStdTZ, 3);
        }
        break;
      case '0':
        if (layout.size() >= i + 2 && layout[i + 1] >= '1' && layout[i + 1] <= '6') {
          return at(i, kStd0x[layout[i + 1] - '1'], 2);
        }
        if (layout.size() >= i + 3 && layout[i + 1] == '0' && layout[i + 2] == '2')
          return at(i, kStdZeroYearDay, 3);
        break;
      case '1':
        if (layout.size() >= i + 2 && layout[i + 1] == '5')
          return at(i, kStdHour, 2);
        return at(i, kStdNumMonth, 1);
      case '2':
        if (has(i, "2006"))
          return at(i, kStdLongYear, 4);
        return at(i, kStdDay, 1);
      case '_':
        if (layout.size() >= i + 2 && layout[i + 1] == '2') {
          // _2006 is really a literal _, followed by 2006.
          if (has(i + 1, "2006"))
            return Chunk{layout.substr(0, i + 1), kStdLongYear, layout.substr(i + 5)};
          return at(i, kStdUnderDay, 2);
        }
        if (layout.size() >= i + 3 && layout[i + 1] == '_' && layout[i + 2] == '2')
          return at(i, kStdUnderYearDay, 3);
        break;
      case '3':
        return at(i, kStdHour12, 1);
      case '4':
        return at(i, kStdMinute, 1);
      case '5':
        return at(i, kStdSecond, 1);
      case 'P':
        if (layout.size() >= i + 2 && layout[i + 1] == 'M')
          return at(i, kStdPM, 2);
        break;
      case 'p':
        if (layout.size() >= i + 2 && layout[i + 1] == 'm')
          return at(i, kStdpm, 2);
        break;
      case '-':
        if (has(i, "-070000"))
          return at(i, kStdNumSecondsTz, 7);
        if (has(i, "-07:00:00"))
          return at(i, kStdNumColonSecondsTZ, 9);
        if (has(i, "-0700"))
          return at(i, kStdNumTZ, 5);
        if (has(i, "-07:00"))
          return at(i, kStdNumColonTZ, 6);
        if (has(i, "-07"))
          return at(i, kStdNumShortTZ, 3);
        break;
      case 'Z':
        if (has(i, "Z070000"))
          return at(i, kStdISO8601SecondsTZ, 7);
        if (has(i, "Z07:00:00"))
          return at(i, kStdISO8601ColonSecondsTZ, 9);
        if (has(i, "Z0700"))
          return at(i, kStdISO8601TZ, 5);
        if (has(i, "Z07:00"))
          return at(i, kStdISO8601ColonTZ, 6);
        if (has(i, "Z07"))
          return at(i, kStdISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        if (i + 1 < layout.size() && (layout[i + 1] == '0' || layout[i + 1] == '9')) {
          const char ch = layout[i + 1];
          std::size_t j = i + 1;
          while (j < layout.size() && layout[j] == ch) ++j;
          if (!is_digit(layout, j)) {
            int code = ch == '9' ? kStdFracSecond9 : kStdFracSecond0;
            code |= static_cast<int>((j - (i + 1)) & 0xfff) << kArgShift;
            if (layout[i] == ',')
              code |= 1 << kSeparatorShift;
            return Chunk{layout.substr(0, i), code, layout.substr(j)};
          }
        }
        break;
      default:
        break;
    }
  }
  return Chunk{layout, kStdNone, {}};
}

}  // namespace capstan::templating::gotime::layout
