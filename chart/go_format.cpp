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

std::string_view go_trim_space(std::string_view s) {
  std::size_t first = s.size();
  std::size_t last = 0;  // one past the last non-space rune
  std::string_view rest = s;
  for (std::size_t i = 0; i < s.size();) {
    strconv::DecodedRune r = strconv::decode_rune(rest);
    const std::size_t next = i + static_cast<std::size_t>(r.width);
    if (!go_is_space(static_cast<char32_t>(r.rune))) {
      if (first == s.size())
        first = i;
      last = next;
    }
    rest.remove_prefix(static_cast<std::size_t>(r.width));
    i = next;
  }
  return first == s.size() ? std::string_view() : s.substr(first, last - first);
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
