// Go's %q of []rune, unicode.IsSpace and strings.TrimSpace (see go_format.h).
#include "chart/go_format.h"

#include <vector>

#include "core/strconv.h"

namespace capstan::chart {

bool go_is_space(char32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200A;
  }
}

namespace {

bool ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// utf8.DecodeLastRune: the last rune of non-empty s and its width (RuneError, 1 when invalid).
strconv::DecodedRune decode_last_rune(std::string_view s) {
  const std::size_t end = s.size();
  std::size_t start = end - 1;
  if (static_cast<unsigned char>(s[start]) < 0x80) {
    return {static_cast<std::int32_t>(s[start]), 1};
  }
  const std::size_t lim = end >= 4 ? end - 4 : 0;  // utf8.UTFMax
  while (start > lim && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  strconv::DecodedRune r = strconv::decode_rune(s.substr(start));
  if (start + static_cast<std::size_t>(r.width) != end) return {0xFFFD, 1};
  return r;
}

}  // namespace

// strings.TrimSpace: only the edges are read (ASCII fast, rune by rune past a non-ASCII byte).
std::string_view go_trim_space(std::string_view s) {
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.front());
    if (c < 0x80) {
      if (!ascii_space(c)) break;
      s.remove_prefix(1);
      continue;
    }
    const strconv::DecodedRune r = strconv::decode_rune(s);
    if (!go_is_space(static_cast<char32_t>(r.rune))) break;
    s.remove_prefix(static_cast<std::size_t>(r.width));
  }
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.back());
    if (c < 0x80) {
      if (!ascii_space(c)) break;
      s.remove_suffix(1);
      continue;
    }
    const strconv::DecodedRune r = decode_last_rune(s);
    if (!go_is_space(static_cast<char32_t>(r.rune))) break;
    s.remove_suffix(static_cast<std::size_t>(r.width));
  }
  return s;
}

std::string go_quote_runes(std::string_view utf8) {
  std::string out = "[";
  bool first = true;
  while (!utf8.empty()) {
    strconv::DecodedRune r = strconv::decode_rune(utf8);
    if (!first)
      out += ' ';
    first = false;
    out += strconv::quote_rune(r.rune);
    utf8.remove_prefix(static_cast<std::size_t>(r.width));
  }
  return out + "]";
}

std::string go_path_clean(std::string_view p) {
  const bool rooted = !p.empty() && p[0] == '/';
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= p.size()) {
    std::size_t slash = p.find('/', i);
    std::string part(p.substr(i, slash == std::string::npos ? std::string::npos : slash - i));
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos)
      break;
    i = slash + 1;
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k > 0)
      out += '/';
    out += parts[k];
  }
  return out.empty() ? "." : out;
}

}  // namespace capstan::chart
