// yaml.v2's key order, rune by rune as sorter.go compares []rune(key). Go's int64 arithmetic
// wraps, so digit runs are accumulated in unsigned arithmetic and compared as int64.
#include "core/yaml_key_order.h"

#include <algorithm>
#include <cstdint>

#include "core/json_text.h"
#include "core/yaml_unicode_tables.h"

namespace capstan::yaml::detail {

namespace {

template <std::size_t N>
bool in_ranges(const RuneRange (&table)[N], char32_t r) {
  auto it = std::upper_bound(std::begin(table), std::end(table), r,
                             [](char32_t v, const RuneRange& range) { return v < range.lo; });
  return it != std::begin(table) && r <= std::prev(it)->hi;
}

bool is_letter(char32_t r) {
  if (r < 0x80)
    return (r | 0x20) >= 'a' && (r | 0x20) <= 'z';
  return in_ranges(kLetterRanges, r);
}

bool is_digit(char32_t r) {
  if (r < 0x80)
    return r >= '0' && r <= '9';
  return in_ranges(kDigitRanges, r);
}

// Runes of a string, decoded as Go's []rune(s) does (an invalid byte is one U+FFFD).
class Runes {
 public:
  explicit Runes(std::string_view s) : s_(s) {}
  bool done() const { return pos_ >= s_.size(); }
  char32_t peek() const {
    const auto c = static_cast<unsigned char>(s_[pos_]);
    return c < 0x80 ? c : json::decode_rune(s_, pos_).rune;
  }
  void next() {
    const auto c = static_cast<unsigned char>(s_[pos_]);
    pos_ += c < 0x80 ? 1 : static_cast<std::size_t>(json::decode_rune(s_, pos_).size);
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

// Reads the run of digits starting here: its value (Go: an = an*10 + int64(r-'0')) and length.
std::int64_t digit_run(Runes& it, std::uint64_t start, std::size_t& length) {
  std::uint64_t n = start;
  length = 0;
  for (; !it.done() && is_digit(it.peek()); it.next()) {
    n = n * 10 + static_cast<std::uint64_t>(
                     static_cast<std::int64_t>(static_cast<std::int32_t>(it.peek()) - '0'));
    ++length;
  }
  return static_cast<std::int64_t>(n);
}

}  // namespace

namespace {

bool less(std::string_view a, std::string_view b, bool v3) {
  Runes ar(a);
  Runes br(b);
  // Whether the digits just before the current position (a shared prefix) include a non-zero
  // one: Go's look-back loop, which makes "a01" and "a1" numbers rather than zero-padding.
  bool nonzero_digits_before = false;
  bool digit_before = false;  // v3's `digits`: the last equal rune was a digit
  while (!ar.done() && !br.done()) {
    const char32_t x = ar.peek();
    const char32_t y = br.peek();
    if (x == y) {
      digit_before = is_digit(x);
      if (is_digit(x)) {
        nonzero_digits_before = nonzero_digits_before || x != '0';
      } else {
        nonzero_digits_before = false;
      }
      ar.next();
      br.next();
      continue;
    }
    const bool xl = is_letter(x);
    const bool yl = is_letter(y);
    if (xl && yl)
      return x < y;
    if (xl || yl)
      return v3 && digit_before ? xl : yl;
    std::uint64_t start = 0;
    if ((x == '0' || y == '0') && nonzero_digits_before)
      start = 1;
    std::size_t alen = 0;
    std::size_t blen = 0;
    const std::int64_t an = digit_run(ar, start, alen);
    const std::int64_t bn = digit_run(br, start, blen);
    if (an != bn)
      return an < bn;
    if (alen != blen)
      return alen < blen;
    return x < y;
  }
  // Go: len(ar) < len(br) once one is a prefix of the other.
  return ar.done() && !br.done();
}

}  // namespace

bool key_less(std::string_view a, std::string_view b) { return less(a, b, false); }
bool key_less_v3(std::string_view a, std::string_view b) { return less(a, b, true); }

}  // namespace capstan::yaml::detail
