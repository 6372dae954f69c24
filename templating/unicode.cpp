// Go's unicode tables: binary search over generated rune ranges; case mapping as Go's
// unicode.to() does over CaseRanges.
#include "templating/unicode.h"

#include <iterator>

#include "core/strconv.h"

namespace capstan::templating::unicode {

namespace {

struct RuneRange {
  std::int32_t lo, hi;
};

struct CaseRange {
  std::int32_t lo, hi;
  std::int32_t delta[3];  // upper, lower, title
};

#include "templating/unicode_tables.inc"

template <std::size_t N>
bool in(const RuneRange (&table)[N], std::int32_t r) {
  std::size_t lo = 0, hi = N;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (table[mid].hi < r) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < N && table[lo].lo <= r;
}

// Go's unicode.to(_case, r, CaseRanges).
std::int32_t to(int which, std::int32_t r) {
  if (r < 0 || r > 0x10FFFF) return r;
  std::size_t lo = 0, hi = std::size(kCaseRanges);
  while (lo < hi) {
    const std::size_t m = lo + (hi - lo) / 2;
    const CaseRange& cr = kCaseRanges[m];
    if (cr.lo <= r && r <= cr.hi) {
      const std::int32_t delta = cr.delta[which];
      if (delta == kUpperLower) {
        // UpperLower: alternating pairs starting at an upper-case rune.
        return cr.lo + (((r - cr.lo) & ~1) | (which == 1 ? 1 : 0));
      }
      return r + delta;
    }
    if (r < cr.lo) {
      hi = m;
    } else {
      lo = m + 1;
    }
  }
  return r;
}

template <typename F>
std::string map_runes(std::string_view s, F f) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) {
      out += static_cast<char>(f(c));
      s.remove_prefix(1);
      continue;
    }
    const auto d = strconv::decode_rune(s);
    strconv::append_rune(out, f(d.rune));
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return out;
}

}  // namespace

bool is_letter(std::int32_t r) {
  if (r < 0x80) return (r | 0x20) >= 'a' && (r | 0x20) <= 'z';
  return in(kLetterRanges, r);
}
bool is_digit(std::int32_t r) {
  if (r < 0x80) return r >= '0' && r <= '9';
  return in(kDigitRanges, r);
}
bool is_space(std::int32_t r) {
  if (r < 0x100) {
    return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
  }
  return in(kSpaceRanges, r);
}
bool is_upper(std::int32_t r) { return in(kUpperRanges, r); }
bool is_lower(std::int32_t r) { return in(kLowerRanges, r); }
bool is_title(std::int32_t r) { return in(kTitleRanges, r); }
bool is_number(std::int32_t r) { return in(kNumberRanges, r); }
bool is_punct(std::int32_t r) { return in(kPunctRanges, r); }
bool is_mark(std::int32_t r) { return in(kMarkRanges, r); }
bool is_symbol(std::int32_t r) { return in(kSymbolRanges, r); }

std::int32_t to_upper(std::int32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') ? r - 32 : r;
  return to(0, r);
}
std::int32_t to_lower(std::int32_t r) {
  if (r < 0x80) return (r >= 'A' && r <= 'Z') ? r + 32 : r;
  return to(1, r);
}
std::int32_t to_title(std::int32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') ? r - 32 : r;
  return to(2, r);
}

std::string to_upper(std::string_view s) {
  return map_runes(s, [](std::int32_t r) { return to_upper(r); });
}
std::string to_lower(std::string_view s) {
  return map_runes(s, [](std::int32_t r) { return to_lower(r); });
}

}  // namespace capstan::templating::unicode
