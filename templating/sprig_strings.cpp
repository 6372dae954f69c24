// Go's strings package functions Sprig uses.
#include "templating/sprig_strings.h"

#include "core/strconv.h"
#include "templating/function.h"
#include "templating/unicode.h"

namespace capstan::templating::gostrings {

namespace {

// The start of the last rune of a non-empty s (utf8.DecodeLastRuneInString's width rules).
std::size_t last_rune_start(std::string_view s) {
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 &&
         s.size() - start < 4) {
    --start;
  }
  const auto d = strconv::decode_rune(s.substr(start));
  if (static_cast<std::size_t>(d.width) != s.size() - start)
    start = s.size() - 1;
  return start;
}

bool is_space_rune(const strconv::DecodedRune& d) {
  return unicode::is_space(d.rune) && !(d.rune == 0xFFFD && d.width == 1);
}

}  // namespace

std::string trim_space(std::string_view s) {
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    if (!is_space_rune(d))
      break;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  while (!s.empty()) {
    const std::size_t start = last_rune_start(s);
    if (!is_space_rune(strconv::decode_rune(s.substr(start))))
      break;
    s.remove_suffix(s.size() - start);
  }
  return std::string(s);
}

std::string trim_cutset(std::string_view s, std::string_view cutset) {
  auto in_set = [&](std::int32_t r) {
    std::string_view c = cutset;
    while (!c.empty()) {
      const auto d = strconv::decode_rune(c);
      if (d.rune == r)
        return true;
      c.remove_prefix(static_cast<std::size_t>(d.width));
    }
    return false;
  };
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    if (!in_set(d.rune))
      break;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  while (!s.empty()) {
    const std::size_t start = last_rune_start(s);
    if (!in_set(strconv::decode_rune(s.substr(start)).rune))
      break;
    s.remove_suffix(s.size() - start);
  }
  return std::string(s);
}

std::string replace_all(std::string_view s, std::string_view old, std::string_view with) {
  std::string out;
  if (old.empty()) {
    // An empty old inserts `with` before every rune and at the end.
    out.reserve(s.size() * (with.size() + 1) + with.size());
    out += with;
    while (!s.empty()) {
      const auto d = strconv::decode_rune(s);
      out.append(s.substr(0, static_cast<std::size_t>(d.width)));
      out += with;
      s.remove_prefix(static_cast<std::size_t>(d.width));
    }
    return out;
  }
  out.reserve(s.size());
  std::size_t from = 0;
  for (std::size_t at = s.find(old); at != std::string_view::npos; at = s.find(old, from)) {
    out.append(s.substr(from, at - from));
    out += with;
    from = at + old.size();
  }
  out.append(s.substr(from));
  return out;
}

std::vector<std::string> split_n(std::string_view s, std::string_view sep, std::int64_t n) {
  std::vector<std::string> out;
  if (n == 0)
    return out;
  if (sep.empty()) {
    // explode: one string per UTF-8 sequence, the last holding the rest.
    while (!s.empty()) {
      if (n > 0 && static_cast<std::int64_t>(out.size()) == n - 1) {
        out.emplace_back(s);
        return out;
      }
      const auto d = strconv::decode_rune(s);
      out.emplace_back(s.substr(0, static_cast<std::size_t>(d.width)));
      s.remove_prefix(static_cast<std::size_t>(d.width));
    }
    return out;
  }
  std::size_t from = 0;
  for (std::size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, from)) {
    if (n > 0 && static_cast<std::int64_t>(out.size()) == n - 1)
      break;
    out.emplace_back(s.substr(from, at - from));
    from = at + sep.size();
  }
  out.emplace_back(s.substr(from));
  return out;
}

std::vector<std::string> fields(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = std::string_view::npos;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto d = strconv::decode_rune(s.substr(i));
    const bool space = is_space_rune(d);
    if (space && start != std::string_view::npos) {
      out.emplace_back(s.substr(start, i - start));
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = i;
    }
    i += static_cast<std::size_t>(d.width);
  }
  if (start != std::string_view::npos)
    out.emplace_back(s.substr(start));
  return out;
}

std::string title(std::string_view s) {
  auto is_separator = [](std::int32_t r) {
    if (r <= 0x7F) {
      return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
               r == '_');
    }
    if (unicode::is_letter(r) || unicode::is_digit(r))
      return false;
    return unicode::is_space(r);
  };
  std::string out;
  out.reserve(s.size());
  std::int32_t prev = ' ';
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    std::int32_t r = d.rune;
    if (is_separator(prev))
      r = unicode::to_title(r);
    strconv::append_rune(out, r);
    prev = d.rune;
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return out;
}

std::string repeat(std::string_view s, std::int64_t count) {
  if (count == 0)
    return "";
  if (count < 0)
    throw FuncError("strings: negative Repeat count");
  // Go would try to allocate and die; a bound keeps a template from exhausting memory.
  constexpr std::uint64_t kMax = std::uint64_t{1} << 31;
  if (!s.empty() && static_cast<std::uint64_t>(count) > kMax / s.size()) {
    throw FuncError("strings: Repeat count causes overflow");
  }
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) out.append(s);
  return out;
}

std::vector<std::int32_t> runes(std::string_view s) {
  std::vector<std::int32_t> out;
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    out.push_back(d.rune);
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return out;
}

std::string from_runes(const std::vector<std::int32_t>& rs) {
  std::string out;
  out.reserve(rs.size());
  for (std::int32_t r : rs) strconv::append_rune(out, r);
  return out;
}

}  // namespace capstan::templating::gostrings
