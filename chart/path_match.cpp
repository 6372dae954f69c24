// filepath.Match, carried over from Go 1.19's path/filepath/match.go (scanChunk, matchChunk,
// getEsc), which the oracle is built with.
#include "chart/path_match.h"

#include <optional>

#include "core/strconv.h"

namespace capstan::chart {

namespace {

struct BadPattern {};

// scanChunk: leading stars, then the chunk up to the next star outside a class.
bool scan_chunk(std::string_view& pattern, std::string_view& chunk) {
  bool star = false;
  while (!pattern.empty() && pattern[0] == '*') {
    pattern.remove_prefix(1);
    star = true;
  }
  bool in_range = false;
  std::size_t i = 0;
  for (; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      if (i + 1 < pattern.size())
        ++i;
    } else if (c == '[') {
      in_range = true;
    } else if (c == ']') {
      in_range = false;
    } else if (c == '*' && !in_range) {
      break;
    }
  }
  chunk = pattern.substr(0, i);
  pattern.remove_prefix(i);
  return star;
}

// getEsc: one (possibly escaped) character of a class.
std::int32_t get_esc(std::string_view& chunk) {
  if (chunk.empty() || chunk[0] == '-' || chunk[0] == ']')
    throw BadPattern{};
  if (chunk[0] == '\\') {
    chunk.remove_prefix(1);
    if (chunk.empty())
      throw BadPattern{};
  }
  strconv::DecodedRune r = strconv::decode_rune(chunk);
  if (r.rune == 0xFFFD && r.width == 1)
    throw BadPattern{};
  chunk.remove_prefix(static_cast<std::size_t>(r.width));
  if (chunk.empty())
    throw BadPattern{};
  return r.rune;
}

// matchChunk: the rest of s after chunk matched at its start, or nullopt.
std::optional<std::string_view> match_chunk(std::string_view chunk, std::string_view s) {
  bool failed = false;
  while (!chunk.empty()) {
    if (!failed && s.empty())
      failed = true;
    switch (chunk[0]) {
      case '[': {
        std::int32_t r = 0;
        if (!failed) {
          strconv::DecodedRune d = strconv::decode_rune(s);
          r = d.rune;
          s.remove_prefix(static_cast<std::size_t>(d.width));
        }
        chunk.remove_prefix(1);
        bool negated = false;
        if (!chunk.empty() && chunk[0] == '^') {
          negated = true;
          chunk.remove_prefix(1);
        }
        bool match = false;
        int nrange = 0;
        while (true) {
          if (!chunk.empty() && chunk[0] == ']' && nrange > 0) {
            chunk.remove_prefix(1);
            break;
          }
          std::int32_t lo = get_esc(chunk);
          std::int32_t hi = lo;
          if (chunk[0] == '-') {
            chunk.remove_prefix(1);
            hi = get_esc(chunk);
          }
          if (lo <= r && r <= hi)
            match = true;
          ++nrange;
        }
        if (match == negated)
          failed = true;
        break;
      }
      case '?':
        if (!failed) {
          if (s[0] == '/')
            failed = true;
          s.remove_prefix(static_cast<std::size_t>(strconv::decode_rune(s).width));
        }
        chunk.remove_prefix(1);
        break;
      case '\\':
        chunk.remove_prefix(1);
        if (chunk.empty())
          throw BadPattern{};
        [[fallthrough]];
      default:
        if (!failed) {
          if (chunk[0] != s[0])
            failed = true;
          s.remove_prefix(1);
        }
        chunk.remove_prefix(1);
        break;
    }
  }
  if (failed)
    return std::nullopt;
  return s;
}

bool match(std::string_view pattern, std::string_view name) {
  while (!pattern.empty()) {
    std::string_view chunk;
    bool star = scan_chunk(pattern, chunk);
    if (star && chunk.empty())
      return name.find('/') == std::string_view::npos;
    std::optional<std::string_view> t = match_chunk(chunk, name);
    if (t && (t->empty() || !pattern.empty())) {
      name = *t;
      continue;
    }
    bool advanced = false;
    if (star) {
      for (std::size_t i = 0; i < name.size() && name[i] != '/'; ++i) {
        std::optional<std::string_view> rest = match_chunk(chunk, name.substr(i + 1));
        if (rest) {
          if (pattern.empty() && !rest->empty())
            continue;
          name = *rest;
          advanced = true;
          break;
        }
      }
    }
    if (!advanced)
      return false;
  }
  return name.empty();
}

}  // namespace

MatchResult path_match(std::string_view pattern, std::string_view name) {
  try {
    return match(pattern, name) ? MatchResult::Match : MatchResult::NoMatch;
  } catch (const BadPattern&) {
    return MatchResult::BadPattern;
  }
}

}  // namespace capstan::chart
