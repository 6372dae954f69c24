// Go's regexp over RE2: compilation with Go's error texts, and Go 1.19's loops (regexp.go
// allMatches, replaceAll, expand/extract, Split, QuoteMeta) on top of RE2's search.
#include "templating/sprig_regexp.h"

#include <re2/re2.h>

#include "core/strconv.h"
#include "templating/unicode.h"

namespace capstan::templating::goregexp {

namespace {

// Go's regexp/syntax ErrorCode text for an RE2 error code.
std::string_view go_error_code(re2::RE2::ErrorCode code) {
  switch (code) {
    case re2::RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case re2::RE2::ErrorBadCharClass:
      return "invalid character class";
    case re2::RE2::ErrorBadCharRange:
      return "invalid character class range";
    case re2::RE2::ErrorMissingBracket:
      return "missing closing ]";
    case re2::RE2::ErrorMissingParen:
      return "missing closing )";
    case re2::RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case re2::RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case re2::RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case re2::RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case re2::RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case re2::RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case re2::RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case re2::RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    case re2::RE2::ErrorPatternTooLarge:
      return "expression too large";
    default:
      return "regexp/syntax: internal error";
  }
}

// The width of the rune at pos (inputString.step): 0 at the end.
std::size_t step(std::string_view s, std::size_t pos) {
  if (pos >= s.size())
    return 0;
  if (static_cast<unsigned char>(s[pos]) < 0x80)
    return 1;
  return static_cast<std::size_t>(strconv::decode_rune(s.substr(pos)).width);
}

// Whether expr uses \C (any byte), which RE2 accepts and Go rejects.
bool has_any_byte_escape(std::string_view expr) {
  bool quoted = false;  // inside \Q...\E
  for (std::size_t i = 0; i + 1 < expr.size(); ++i) {
    if (expr[i] != '\\')
      continue;
    const char c = expr[i + 1];
    if (quoted) {
      if (c == 'E')
        quoted = false;
    } else if (c == 'Q') {
      quoted = true;
    } else if (c == 'C') {
      return true;
    }
    ++i;
  }
  return false;
}

bool special(unsigned char b) {
  static constexpr std::string_view kSpecial = "\\.+*?()|[]{}^$";
  return b < 0x80 && kSpecial.find(static_cast<char>(b)) != std::string_view::npos;
}

}  // namespace

Regexp::Regexp(std::string_view expr) : expr_(expr) {
  if (has_any_byte_escape(expr_))
    throw SyntaxError("error parsing regexp: invalid escape sequence: `\\C`");
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{64} << 20);
  re_ = std::make_unique<re2::RE2>(re2::StringPiece(expr_.data(), expr_.size()), options);
  if (!re_->ok()) {
    std::string arg = re_->error_arg();
    if (re_->error_code() == re2::RE2::ErrorBadUTF8) {
      // syntax.nextRune reports the rest of the expression from the first invalid byte.
      for (std::size_t i = 0; i < expr_.size();) {
        const auto d = strconv::decode_rune(std::string_view(expr_).substr(i));
        if (d.rune == 0xFFFD && d.width == 1) {
          arg = expr_.substr(i);
          break;
        }
        i += static_cast<std::size_t>(d.width);
      }
    }
    throw SyntaxError("error parsing regexp: " + std::string(go_error_code(re_->error_code())) +
                      ": `" + arg + "`");
  }
  subexp_names_.assign(static_cast<std::size_t>(re_->NumberOfCapturingGroups()) + 1, "");
  for (const auto& [index, name] : re_->CapturingGroupNames()) {
    subexp_names_[static_cast<std::size_t>(index)] = name;
  }
}

Regexp::~Regexp() = default;
Regexp::Regexp(Regexp&&) noexcept = default;
Regexp& Regexp::operator=(Regexp&&) noexcept = default;

const Regexp::Mapped& Regexp::mapped(std::string_view s) const {
  if (mapped_.source.data() == s.data() && mapped_.source.size() == s.size())
    return mapped_;
  mapped_ = Mapped{};
  mapped_.source = s;
  mapped_.valid = strconv::valid_utf8(s);
  if (mapped_.valid)
    return mapped_;
  for (std::size_t i = 0; i < s.size();) {
    const auto d = strconv::decode_rune(s.substr(i));
    const std::size_t width = static_cast<std::size_t>(d.width);
    const bool bad = d.rune == 0xFFFD && width == 1;
    const std::size_t start = mapped_.text.size();
    mapped_.to_text.push_back(start);
    for (std::size_t k = 1; k < width; ++k) mapped_.to_text.push_back(start + k);
    mapped_.text.append(bad ? std::string_view("\xEF\xBF\xBD") : s.substr(i, width));
    for (std::size_t k = start; k < mapped_.text.size(); ++k)
      mapped_.to_source.push_back(k == start || !bad ? i + (k - start) : i);
    i += width;
  }
  mapped_.to_text.push_back(mapped_.text.size());
  mapped_.to_source.push_back(s.size());
  return mapped_;
}

std::vector<std::ptrdiff_t> Regexp::execute(std::string_view s, std::size_t pos, int ncap) const {
  const Mapped& m = mapped(s);
  const std::string_view text = m.valid ? s : std::string_view(m.text);
  const std::size_t start = m.valid ? pos : m.to_text[pos];
  const int n = std::max(1, ncap / 2);
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n));
  const re2::StringPiece piece(text.data(), text.size());
  if (!re_->Match(piece, start, text.size(), re2::RE2::UNANCHORED, groups.data(), n))
    return {};
  std::vector<std::ptrdiff_t> out(static_cast<std::size_t>(2 * n), -1);
  for (int i = 0; i < n; ++i) {
    const re2::StringPiece& g = groups[static_cast<std::size_t>(i)];
    if (g.data() == nullptr)
      continue;
    auto offset = [&](std::size_t at) {
      return static_cast<std::ptrdiff_t>(m.valid ? at : m.to_source[at]);
    };
    const auto begin = static_cast<std::size_t>(g.data() - text.data());
    out[static_cast<std::size_t>(2 * i)] = offset(begin);
    out[static_cast<std::size_t>(2 * i + 1)] = offset(begin + g.size());
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> Regexp::all_matches(std::string_view s,
                                                                     std::int64_t n) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::size_t end = s.size();
  std::size_t pos = 0;
  std::ptrdiff_t prev_match_end = -1;
  for (std::int64_t i = 0; i < n && pos <= end;) {
    const std::vector<std::ptrdiff_t> m = execute(s, pos, 2);
    if (m.empty())
      break;
    bool accept = true;
    if (static_cast<std::size_t>(m[1]) == pos) {
      // An empty match right after a previous match is not reported.
      if (m[0] == prev_match_end)
        accept = false;
      const std::size_t width = step(s, pos);
      pos = width > 0 ? pos + width : end + 1;
    } else {
      pos = static_cast<std::size_t>(m[1]);
    }
    prev_match_end = m[1];
    if (accept) {
      out.emplace_back(static_cast<std::size_t>(m[0]), static_cast<std::size_t>(m[1]));
      ++i;
    }
  }
  return out;
}

bool Regexp::match(std::string_view s) const {
  mapped_ = Mapped{};  // a new input
  return !execute(s, 0, 0).empty();
}

std::string Regexp::find(std::string_view s) const {
  mapped_ = Mapped{};  // a new input
  const std::vector<std::ptrdiff_t> m = execute(s, 0, 2);
  if (m.empty())
    return "";
  return std::string(
      s.substr(static_cast<std::size_t>(m[0]), static_cast<std::size_t>(m[1] - m[0])));
}

std::optional<std::vector<std::string>> Regexp::find_all(std::string_view s, std::int64_t n) const {
  mapped_ = Mapped{};  // a new input
  if (n < 0)
    n = static_cast<std::int64_t>(s.size()) + 1;
  std::vector<std::string> out;
  for (const auto& [a, b] : all_matches(s, n)) out.emplace_back(s.substr(a, b - a));
  if (out.empty())
    return std::nullopt;
  return out;
}

template <typename Repl>
std::string Regexp::replace(std::string_view src, int ncap, Repl repl) const {
  mapped_ = Mapped{};  // a new input
  std::size_t last_match_end = 0, search_pos = 0;
  std::string buf;
  while (search_pos <= src.size()) {
    const std::vector<std::ptrdiff_t> a = execute(src, search_pos, ncap);
    if (a.empty())
      break;
    buf.append(src.substr(last_match_end, static_cast<std::size_t>(a[0]) - last_match_end));
    // No replacement for an empty match right after another match.
    if (static_cast<std::size_t>(a[1]) > last_match_end || a[0] == 0)
      repl(buf, a);
    last_match_end = static_cast<std::size_t>(a[1]);
    const std::size_t width =
        search_pos < src.size()
            ? static_cast<std::size_t>(strconv::decode_rune(src.substr(search_pos)).width)
            : 0;
    if (search_pos + width > static_cast<std::size_t>(a[1])) {
      search_pos += width;
    } else if (search_pos + 1 > static_cast<std::size_t>(a[1])) {
      ++search_pos;
    } else {
      search_pos = static_cast<std::size_t>(a[1]);
    }
  }
  buf.append(src.substr(std::min(last_match_end, src.size())));
  return buf;
}

namespace {

struct Extracted {
  std::string name;
  std::int64_t num = -1;
  std::string_view rest;
};

// Go's extract: a $name or ${name} reference at the start of str.
std::optional<Extracted> extract(std::string_view str) {
  if (str.empty())
    return std::nullopt;
  bool brace = false;
  if (str[0] == '{') {
    brace = true;
    str.remove_prefix(1);
  }
  std::size_t i = 0;
  while (i < str.size()) {
    const auto d = strconv::decode_rune(str.substr(i));
    if (!unicode::is_letter(d.rune) && !unicode::is_digit(d.rune) && d.rune != '_')
      break;
    i += static_cast<std::size_t>(d.width);
  }
  if (i == 0)
    return std::nullopt;
  Extracted e;
  e.name = std::string(str.substr(0, i));
  if (brace) {
    if (i >= str.size() || str[i] != '}')
      return std::nullopt;
    ++i;
  }
  e.num = 0;
  for (char c : e.name) {
    if (c < '0' || c > '9' || e.num >= 100000000) {
      e.num = -1;
      break;
    }
    e.num = e.num * 10 + (c - '0');
  }
  if (e.name[0] == '0' && e.name.size() > 1)
    e.num = -1;
  e.rest = str.substr(i);
  return e;
}

}  // namespace

std::string Regexp::replace_all(std::string_view src, std::string_view repl) const {
  const int ncap =
      repl.find('$') != std::string_view::npos ? 2 * (re_->NumberOfCapturingGroups() + 1) : 2;
  return replace(src, ncap, [&](std::string& dst, const std::vector<std::ptrdiff_t>& match) {
    auto group = [&](std::size_t i) {
      if (2 * i + 1 < match.size() && match[2 * i] >= 0) {
        dst.append(src.substr(static_cast<std::size_t>(match[2 * i]),
                              static_cast<std::size_t>(match[2 * i + 1] - match[2 * i])));
        return true;
      }
      return false;
    };
    std::string_view tmpl = repl;
    while (!tmpl.empty()) {
      const std::size_t dollar = tmpl.find('$');
      if (dollar == std::string_view::npos)
        break;
      dst.append(tmpl.substr(0, dollar));
      tmpl.remove_prefix(dollar + 1);
      if (!tmpl.empty() && tmpl[0] == '$') {
        dst += '$';
        tmpl.remove_prefix(1);
        continue;
      }
      const std::optional<Extracted> e = extract(tmpl);
      if (!e) {
        dst += '$';  // malformed: the $ is text
        continue;
      }
      tmpl = e->rest;
      if (e->num >= 0) {
        group(static_cast<std::size_t>(e->num));
      } else {
        for (std::size_t i = 0; i < subexp_names_.size(); ++i) {
          if (e->name == subexp_names_[i] && group(i))
            break;
        }
      }
    }
    dst.append(tmpl);
  });
}

std::string Regexp::replace_all_literal(std::string_view src, std::string_view repl) const {
  return replace(src, 2,
                 [&](std::string& dst, const std::vector<std::ptrdiff_t>&) { dst.append(repl); });
}

std::optional<std::vector<std::string>> Regexp::split(std::string_view s, std::int64_t n) const {
  mapped_ = Mapped{};  // a new input
  if (n == 0)
    return std::nullopt;
  if (!expr_.empty() && s.empty())
    return std::vector<std::string>{""};
  std::vector<std::string> out;
  std::size_t beg = 0, end = 0;
  for (const auto& [a, b] : all_matches(s, n < 0 ? static_cast<std::int64_t>(s.size()) + 1 : n)) {
    if (n > 0 && static_cast<std::int64_t>(out.size()) >= n - 1)
      break;
    end = a;
    if (b != 0)
      out.emplace_back(s.substr(beg, end - beg));
    beg = b;
  }
  if (end != s.size())
    out.emplace_back(s.substr(beg));
  return out;
}

std::string quote_meta(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (special(static_cast<unsigned char>(c)))
      out += '\\';
    out += c;
  }
  return out;
}

}  // namespace capstan::templating::goregexp
