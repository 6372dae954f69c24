// Directive lines as libyaml (and yaml.v2, its Go port) reads them: scanner.c's
// yaml_parser_scan_directive for each '%' line and parser.c's yaml_parser_process_directives
// for the set before a document. yaml-cpp words these errors differently, and lets unknown
// names, missing handles' '!' and versions other than 1.1 through.
#include "core/yaml_directives.h"

#include <set>
#include <vector>

#include "core/yaml_lines.h"

namespace capstan::yaml::detail {

namespace {

bool is_alpha(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '-';
}
bool is_blank(char c) { return c == ' ' || c == '\t'; }

// One directive line being scanned: the position of each character, for the error marks.
class LineScanner {
 public:
  LineScanner(const Source& source, int line)
      : source_(source), text_(line_at(source.text(), line)), line_(line) {
    start_ = Pos{static_cast<int>(text_.data() - source.text().data()), line, 0};
  }

  Directive scan() {
    Directive d;
    d.start = start_;
    ++i_;  // '%'
    std::string name;
    while (i_ < text_.size() && is_alpha(text_[i_])) name += text_[i_++];
    if (name.empty())
      fail("could not find expected directive name");
    if (!blankz())
      fail("found unexpected non-alphabetical character");
    if (name == "YAML") {
      d.kind = Directive::Kind::Yaml;
      skip_blanks();
      d.major = number();
      if (peek() != '.')
        fail("did not find expected digit or '.' character");
      ++i_;
      d.minor = number();
    } else if (name == "TAG") {
      d.kind = Directive::Kind::Tag;
      skip_blanks();
      d.handle = handle();
      if (!is_blank(peek()))
        fail("did not find expected whitespace");
      skip_blanks();
      if (uri_length() == 0)
        fail("did not find expected tag URI");
      if (!blankz())
        fail("did not find expected whitespace or line break");
    } else {
      fail("found unknown directive name");
    }
    skip_blanks();
    if (peek() == '#')
      i_ = text_.size();
    if (!blankz())
      fail("did not find expected comment or line break");
    return d;
  }

 private:
  char peek() const { return i_ < text_.size() ? text_[i_] : '\n'; }
  bool blankz() const { return i_ >= text_.size() || is_blank(text_[i_]) || text_[i_] == '\r'; }
  void skip_blanks() {
    while (i_ < text_.size() && is_blank(text_[i_])) ++i_;
  }
  Pos here() const { return Pos{start_.pos + static_cast<int>(i_), line_, static_cast<int>(i_)}; }
  [[noreturn]] void fail(const std::string& problem) const {
    throw source_.scanner_error(problem, here(), start_);
  }

  // yaml_parser_scan_version_directive_number: at most nine digits.
  int number() {
    int value = 0;
    int length = 0;
    while (i_ < text_.size() && text_[i_] >= '0' && text_[i_] <= '9') {
      if (++length > 9)
        fail("found extremely long version number");
      value = value * 10 + (text_[i_++] - '0');
    }
    if (length == 0)
      fail("did not find expected version number");
    return value;
  }

  // yaml_parser_scan_tag_handle in a directive: "!", "!!" or "!name!".
  std::string handle() {
    if (peek() != '!')
      fail("did not find expected '!'");
    std::string h = "!";
    ++i_;
    while (i_ < text_.size() && is_alpha(text_[i_])) h += text_[i_++];
    if (peek() == '!') {
      h += '!';
      ++i_;
    } else if (h != "!") {
      fail("did not find expected '!'");
    }
    return h;
  }

  // The URI characters libyaml copies (escapes are taken as they come).
  std::size_t uri_length() {
    static constexpr std::string_view kUri = ";/?:@&=+$,.!~*'()[]%";
    const std::size_t from = i_;
    while (i_ < text_.size() &&
           (is_alpha(text_[i_]) || kUri.find(text_[i_]) != std::string_view::npos)) {
      ++i_;
    }
    return i_ - from;
  }

  const Source& source_;
  std::string_view text_;
  int line_;
  Pos start_;
  std::size_t i_ = 0;
};

}  // namespace

bool is_directive_line(std::string_view text, int line) {
  const std::string_view l = line_at(text, line);
  return !l.empty() && l[0] == '%';
}

Directive scan_directive(const Source& source, int line) { return LineScanner(source, line).scan(); }

void process_directives(const Source& source, const std::vector<int>& lines) {
  bool have_version = false;
  std::set<std::string> handles;
  for (int l : lines) {
    const Directive d = scan_directive(source, l);
    if (d.kind == Directive::Kind::Yaml) {
      if (have_version)
        throw source.parser_error("found duplicate %YAML directive", d.start, d.start);
      have_version = true;
      // yaml.v2 accepts 1.1 only (libyaml 0.2 also takes 1.2).
      if (d.major != 1 || d.minor != 1)
        throw source.parser_error("found incompatible YAML document", d.start, d.start);
    } else if (!handles.insert(d.handle).second) {
      throw source.parser_error("found duplicate %TAG directive", d.start, d.start);
    }
  }
}

// --- Where the directives are, from what SyntaxState has seen (see yaml_errors.h).

namespace {

// The offset just past the closing quote of the quoted scalar starting at or after `pos`
// (after its anchor and tag), or npos when it never closes.
std::size_t quoted_end(std::string_view text, std::size_t p) {
  while (p < text.size() && (text[p] == '&' || text[p] == '!')) {
    while (p < text.size() && !is_blankz_at(text, p)) ++p;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  }
  if (p >= text.size() || (text[p] != '"' && text[p] != '\''))
    return p;
  const char quote = text[p];
  for (std::size_t i = p + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (quote == '\'' && text[i] == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
      ++i;
    } else if (text[i] == quote) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

bool document_end_marker(std::string_view line) {
  return line.substr(0, 3) == "..." && is_blankz_at(line, 3);
}

}  // namespace

bool SyntaxState::inside_last_scalar(int line) const {
  const std::string_view text = source_.text();
  const std::string_view l = line_at(text, line);
  const auto start = static_cast<std::size_t>(l.data() - text.data());
  if (last_quoted_) {
    const std::size_t end = quoted_end(text, static_cast<std::size_t>(last_quoted_->pos));
    if (end == std::string_view::npos || end > start)
      return true;
  }
  // Block scalars are indented (at least one column, even at the root): a line that starts
  // at column 0 ends one.
  if (!l.empty() && (l[0] == ' ' || l[0] == '\t') && in_block_scalar(text, line))
    return true;
  // A plain scalar at the root goes on over lines at column 0; inside a block collection
  // those lines end it.
  return documents_ > 0 && root_collection_ < 0 && last_event_ && after_plain_scalar(text, line);
}

bool SyntaxState::check_directives(int to, bool at_stream_end) {
  const std::string_view text = source_.text();
  const bool after_document = documents_ > 0 && last_event_;
  const int from = after_document ? last_event_->line + 1 : 0;
  std::vector<int> lines;
  for (int l = from; l < to; ++l) {
    const std::string_view line = line_at(text, l);
    if (content_of(line).empty() || inside_last_scalar(l))
      continue;
    if (in_document_ || (first_only && after_document)) {
      // Within a document, or after the only one yaml.Unmarshal reads, libyaml scans one more
      // token (to end the last node); a directive there is scanned, and nothing after it.
      if (is_directive_line(text, l))
        scan_directive(source_, l);
      return false;
    }
    if (document_end_marker(line))
      continue;
    if (is_directive_line(text, l))
      lines.push_back(l);
  }
  if (lines.empty())
    return false;
  process_directives(source_, lines);
  if (at_stream_end) {
    throw source_.parser_error("did not find expected <document start>", source_.stream_end(),
                               source_.stream_end());
  }
  return true;
}

}  // namespace capstan::yaml::detail
