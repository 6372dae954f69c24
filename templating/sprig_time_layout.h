// Go's time layout elements (format.go nextStdChunk), shared by Format and Parse. Internal to
// the sprig_time files.
#pragma once

#include <string_view>

namespace capstan::templating::gotime::layout {

enum Std : int {
  kStdNone = 0,
  kStdNeedDate = 1 << 8,
  kStdNeedClock = 2 << 8,
  kStdLongMonth = 1 + kStdNeedDate,
  kStdMonth,
  kStdNumMonth,
  kStdZeroMonth,
  kStdLongWeekDay,
  kStdWeekDay,
  kStdDay,
  kStdUnderDay,
  kStdZeroDay,
  kStdUnderYearDay,
  kStdZeroYearDay,
  kStdHour = 12 + kStdNeedClock,
  kStdHour12,
  kStdZeroHour12,
  kStdMinute,
  kStdZeroMinute,
  kStdSecond,
  kStdZeroSecond,
  kStdLongYear = 19 + kStdNeedDate,
  kStdYear,
  kStdPM = 21 + kStdNeedClock,
  kStdpm,
  kStdTZ = 23,
  kStdISO8601TZ,
  kStdISO8601SecondsTZ,
  kStdISO8601ShortTZ,
  kStdISO8601ColonTZ,
  kStdISO8601ColonSecondsTZ,
  kStdNumTZ,
  kStdNumSecondsTz,
  kStdNumShortTZ,
  kStdNumColonTZ,
  kStdNumColonSecondsTZ,
  kStdFracSecond0,
  kStdFracSecond9,
};
inline constexpr int kArgShift = 16;
inline constexpr int kSeparatorShift = 28;
inline constexpr int kMask = (1 << kArgShift) - 1;

extern const char* const kLongDayNames[7];
extern const char* const kShortDayNames[7];
extern const char* const kShortMonthNames[12];
extern const char* const kLongMonthNames[12];

bool is_digit(std::string_view s, std::size_t i);

struct Chunk {
  std::string_view prefix;
  int std = kStdNone;
  std::string_view suffix;
};

// nextStdChunk: the text before the first layout element, the element, and the rest.
Chunk next_std_chunk(std::string_view layout);

inline int digits_len(int std) {
  return (std >> kArgShift) & 0xfff;
}
inline char separator(int std) {
  return (std >> kSeparatorShift) == 0 ? '.' : ',';
}

}  // namespace capstan::templating::gotime::layout
