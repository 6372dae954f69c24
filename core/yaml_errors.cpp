// libyaml's error reporting over yaml-cpp. libyaml words a scanner error with the 1-based line
// of the problem, a parser error with the 0-based line of the offending token (yaml.v2's
// parser.fail), and falls back to the 0-based line of the construct being read when that is
// line 0; these rules are kept here, and yaml-cpp's messages are mapped onto libyaml's phrases
// using what the source text and the events seen so far say about the context.
#include "core/yaml_errors.h"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <climits>

#include "core/json_text.h"
#include "core/yaml.h"

namespace capstan::yaml::detail {

namespace {

// libyaml reads its input in chunks of this many bytes; a refused character becomes an error
// once the scanner needs the chunk it is in.
constexpr std::size_t kReaderChunk = 512;
constexpr int kLookahead = 4;

bool is_blankz_at(std::string_view s, std::size_t i) {
  return i >= s.size() || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
}

std::string_view line_at(std::string_view text, int line) {
  std::size_t start = 0;
  for (int l = 0; l < line; ++l) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = text.find('\n', start);
  std::string_view out = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

// The line without a trailing comment (a '#' after a blank) and trailing blanks.
std::string_view content_of(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      line = line.substr(0, i);
      break;
    }
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

int indent_of(std::string_view line) {
  int n = 0;
  while (static_cast<std::size_t>(n) < line.size() && line[static_cast<std::size_t>(n)] == ' ') ++n;
  return n;
}

// Whether a line's content ends with a block scalar header: "|", ">", "|-", ">+2"...
bool ends_with_block_header(std::string_view content) {
  std::size_t i = content.size();
  while (i > 0 && (content[i - 1] == '+' || content[i - 1] == '-' ||
                   (content[i - 1] >= '1' && content[i - 1] <= '9'))) {
    --i;
  }
  if (i == 0 || (content[i - 1] != '|' && content[i - 1] != '>')) return false;
  return i == 1 || content[i - 2] == ' ' || content[i - 2] == '\t';
}

// Whether `line` lies inside a block scalar, judged from the lines above it.
bool in_block_scalar(std::string_view text, int line) {
  int min_indent = INT_MAX;
  for (int l = line - 1; l >= 0; --l) {
    std::string_view content = content_of(line_at(text, l));
    if (content.find_first_not_of(" \t") == std::string_view::npos) continue;
    const int indent = indent_of(content);
    if (ends_with_block_header(content) && indent < min_indent) return true;
    if (indent < min_indent) min_indent = indent;
    if (indent == 0) return false;
  }
  return false;
}

// Whether the content line above `line` ends with a plain scalar value (so that libyaml is
// still scanning that scalar when it meets the next line).
bool after_plain_scalar(std::string_view text, int line) {
  for (int l = line - 1; l >= 0; --l) {
    std::string_view content = content_of(line_at(text, l));
    if (content.find_first_not_of(" \t") == std::string_view::npos) continue;
    const char last = content.back();
    return last != ':' && last != '-' && last != '[' && last != '{' && last != ',' &&
           last != '|' && last != '>' && last != '"' && last != '\'' && last != ']' && last != '}';
  }
  return false;
}


// The previous line with content (not blank, not only a comment) before `line`, or -1.
int previous_content_line(std::string_view text, int line) {
  for (int l = line - 1; l >= 0; --l) {
    std::string_view content = content_of(line_at(text, l));
    const std::size_t first = content.find_first_not_of(" \t");
    if (first != std::string_view::npos) return l;
  }
  return -1;
}

// Whether a line's content is a lone plain scalar: what libyaml takes for a mapping key
// when it sits at the mapping's column, and then misses its ':'.
bool bare_plain_scalar(std::string_view content) {
  const std::size_t first = content.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  content.remove_prefix(first);
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(content[0]) != std::string_view::npos &&
      !(content[0] == '-' && content.size() > 1 && content[1] != ' ')) {
    return false;
  }
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] == ':' && (i + 1 == content.size() || content[i + 1] == ' ' || content[i + 1] == '\t')) {
      return false;
    }
  }
  return true;
}

// The last character before `pos` that is not white space or part of a comment.
char previous_significant(std::string_view text, std::size_t pos) {
  int line = 0;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  std::string_view current = text.substr(0, pos);
  std::size_t start = current.rfind('\n');
  std::string_view head = content_of(current.substr(start == std::string_view::npos ? 0 : start + 1));
  if (head.find_first_not_of(" \t") != std::string_view::npos) return head.back();
  const int prev = previous_content_line(text, line);
  if (prev < 0) return '\n';
  return content_of(line_at(text, prev)).back();
}

// The innermost flow collection ('[' or '{') still open at `pos`, or 0, from a rough scan of
// the text: quoted scalars and comments skipped, brackets counted where a token can start.
char innermost_bracket(std::string_view text, std::size_t pos) {
  std::string stack;
  char prev = '\n';
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
      while (i < pos && text[i] != '\n') ++i;
      prev = '\n';
      continue;
    }
    const bool token_start = prev == ' ' || prev == '\t' || prev == '\n' || prev == '[' || prev == '{' ||
                             prev == ',' || (prev == ':' && !stack.empty());
    if ((c == '"' || c == '\'') && token_start) {
      for (++i; i < pos && i < text.size(); ++i) {
        if (c == '"' && text[i] == '\\') {
          ++i;
        } else if (text[i] == c) {
          if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
    } else if ((c == '[' || c == '{') && (token_start || !stack.empty())) {
      stack += c;
    } else if ((c == ']' || c == '}') && !stack.empty()) {
      stack.pop_back();
    }
    prev = c;
  }
  return stack.empty() ? 0 : stack.back();
}

}  // namespace

// --- SyntaxState

void SyntaxState::event_at(const YAML::Mark& mark, bool keeps_quote) {
  source_.check_reader(mark.pos);
  if (missing_colon_) {
    if (auto e = pending_error(mark.line)) throw *e;
  }
  last_event_ = Pos::of(mark);
  if (!keeps_quote) last_quoted_.reset();  // an empty node consumes no text
}

std::optional<Error> SyntaxState::pending_error(int next_line) const {
  if (!missing_colon_) return std::nullopt;
  // The key stays a possible "simple key" until the scanner reaches the next line; there
  // libyaml finds that the required ':' never came.
  Pos at{0, missing_line_.value_or(next_line), 0};
  return source_.scanner_error("could not find expected ':'", at, *missing_colon_);
}

void SyntaxState::on_document_start(const YAML::Mark& mark) {
  const Pos previous_end = last_event_.value_or(Pos{});
  source_.check_reader(mark.pos);
  if (missing_colon_) {
    // The next document's first token is where libyaml notices.
    if (auto e = pending_error(mark.line)) throw *e;
  }
  ++documents_;
  std::string_view text = source_.text();
  const auto pos = static_cast<std::size_t>(mark.pos);
  const bool explicit_start = text.substr(pos, 3) == "---" && is_blankz_at(text, pos + 3);
  // Directives since the previous document.
  bool directives = false;
  for (int l = documents_ > 1 ? previous_end.line + 1 : 0; l <= mark.line; ++l) {
    std::string_view line = line_at(text, l);
    if (line.empty() || line[0] != '%') continue;
    directives = true;
    std::string_view name = line.substr(1, line.find_first_of(" \t") == std::string_view::npos
                                               ? line.npos
                                               : line.find_first_of(" \t") - 1);
    if (name != "YAML" && name != "TAG") {
      Pos problem{0, l, static_cast<int>(name.size()) + 1};
      throw source_.scanner_error("found unknown directive name", problem, Pos{0, l, 0});
    }
  }
  if (!explicit_start && directives) {
    throw source_.parser_error("did not find expected <document start>", Pos::of(mark), Pos::of(mark));
  }
  if (documents_ > 1 && !explicit_start) {
    // After a block collection the "document" yaml-cpp starts is more of it to libyaml;
    // after "..." or any other root a document needs "---".
    bool ended = false;
    for (int l = previous_end.line; l < mark.line; ++l) {
      std::string_view line = line_at(text, l);
      if (line.substr(0, 3) == "..." && is_blankz_at(line, 3)) ended = true;
    }
    if (root_block_ && !ended && root_collection_ >= 0 &&
        mark.column >= collections_[static_cast<std::size_t>(root_collection_)].start.column) {
      // Still inside the root collection for libyaml (left of it, the document ends).
      const Collection& root = collections_[static_cast<std::size_t>(root_collection_)];
      std::string_view first = line_at(text, mark.line);
      if (mark.column == root.start.column && bare_plain_scalar(content_of(first))) {
        // A lone scalar at the root's column is a key to libyaml, whose ':' never comes;
        // it notices at the first token after the scalar (its continuation lines are
        // indented further).
        Pos next = source_.stream_end();
        for (int l = mark.line + 1; l <= next.line; ++l) {
          std::string_view c = content_of(line_at(text, l));
          if (c.find_first_not_of(" \t") != std::string_view::npos && indent_of(c) <= mark.column) {
            next = Pos{0, l, 0};
            break;
          }
        }
        throw source_.scanner_error("could not find expected ':'", next, Pos::of(mark));
      }
      throw source_.parser_error(
          root.mapping ? "did not find expected key" : "did not find expected '-' indicator",
          Pos::of(mark), root.start);
    }
    if (!first_only) {
      throw source_.parser_error("did not find expected <document start>", Pos::of(mark), Pos::of(mark));
    }
  }
  collections_.clear();
  open_.clear();
  root_collection_ = -1;
  root_block_ = false;
  last_event_ = Pos::of(mark);
  last_quoted_.reset();
}

void SyntaxState::on_document_end() {}

void SyntaxState::on_scalar(const YAML::Mark& mark, bool plain) {
  event_at(mark);
  last_was_null_ = false;
  if (!plain) last_quoted_ = Pos::of(mark);
}

void SyntaxState::on_null(const YAML::Mark& mark) {
  event_at(mark, /*keeps_quote=*/true);
  last_was_null_ = true;
  null_at_ = Pos::of(mark);
}

void SyntaxState::on_node(const YAML::Mark& mark) {
  event_at(mark);
  last_was_null_ = false;
}

void SyntaxState::on_mapping_value(Pos key, bool plain) {
  // yaml-cpp reads a lone "key" in a block mapping as a key with a null value; libyaml
  // requires the ':'. The text from the key to the value's place shows whether one came.
  if (!last_was_null_ || open_.empty() || !plain) return;
  const Collection& map = collections_[static_cast<std::size_t>(open_.back())];
  if (!map.mapping || map.flow) return;
  if (null_at_.pos < key.pos) return;  // "? key": the value comes before
  std::string_view text = source_.text();
  std::size_t end = static_cast<std::size_t>(null_at_.pos);
  if (null_at_.pos == key.pos) {
    end = text.find('\n', end);
    if (end == std::string_view::npos) end = text.size();
  }
  for (std::size_t i = static_cast<std::size_t>(key.pos); i < end && i < text.size(); ++i) {
    if (text[i] == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      while (i < end && text[i] != '\n') ++i;
      continue;
    }
    if (text[i] == ':' && is_blankz_at(text, i + 1)) return;
  }
  missing_colon_ = key;
  if (null_at_.pos > key.pos) missing_line_ = null_at_.line;
}

void SyntaxState::on_anchor(const YAML::Mark& mark, const std::string& name) {
  std::string_view text = source_.text();
  std::size_t amp = text.find("&" + name, static_cast<std::size_t>(mark.pos));
  if (amp == std::string_view::npos) return;
  source_.check_name(amp + 1, name, false, Pos::of(mark));
}

void SyntaxState::on_tag(const YAML::Mark& mark, const std::string& tag) {
  // yaml-cpp leaves a handle no %TAG declared in the tag ("!x!y"); libyaml refuses it.
  if (tag.size() > 1 && tag[0] == '!' && tag.find('!', 1) != std::string::npos) {
    throw source_.parser_error("found undefined tag handle", Pos::of(mark), Pos::of(mark));
  }
}

void SyntaxState::on_sequence_item(Pos mark) {
  // After "- " libyaml may start a simple key, so it does not skip a tab there.
  if (open_.empty() || collections_[static_cast<std::size_t>(open_.back())].flow) return;
  std::string_view text = source_.text();
  std::size_t p = static_cast<std::size_t>(mark.pos);
  std::optional<std::size_t> tab;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) {
    --p;
    if (text[p] == '\t') tab = p;
  }
  if (tab && p > 0 && text[p - 1] == '-') {
    Pos at{static_cast<int>(*tab), mark.line, mark.column - (mark.pos - static_cast<int>(*tab))};
    throw source_.scanner_error("found character that cannot start any token", at, at);
  }
}

void SyntaxState::on_null_key(const YAML::Mark& mark) {
  // yaml-cpp reads ": x" in a block mapping as an empty key; libyaml wants a key there.
  if (open_.empty()) return;
  const Collection& map = collections_[static_cast<std::size_t>(open_.back())];
  if (!map.mapping || map.flow) return;
  std::string_view text = source_.text();
  const auto pos = static_cast<std::size_t>(mark.pos);
  if (pos < text.size() && text[pos] == ':' && is_blankz_at(text, pos + 1) &&
      previous_significant(text, pos) != '?') {
    throw source_.parser_error("did not find expected key", Pos::of(mark), map.start);
  }
}

void SyntaxState::on_collection_start(bool mapping, bool flow, const YAML::Mark& mark) {
  Collection c;
  c.mapping = mapping;
  c.flow = flow;
  c.start = Pos::of(mark);
  c.parent = open_.empty() ? -1 : open_.back();
  collections_.push_back(c);
  const int index = static_cast<int>(collections_.size()) - 1;
  if (open_.empty() && root_collection_ < 0) {
    root_collection_ = index;
    root_block_ = !flow;
  }
  open_.push_back(index);
}

void SyntaxState::on_collection_end() {
  const int index = open_.back();
  open_.pop_back();
  if (!open_.empty()) collections_[static_cast<std::size_t>(open_.back())].last_closed_child = index;
}

// --- Source

Source::Source(std::string_view input, std::string file) : file_(std::move(file)), state_(*this) {
  std::size_t bom = 0;
  if (input.size() >= 2 && ((input[0] == '\xFF' && input[1] == '\xFE') ||
                            (input[0] == '\xFE' && input[1] == '\xFF'))) {
    // UTF-16 with a BOM, as libyaml's reader accepts it: transcode, refusing what it refuses.
    const bool le = input[0] == '\xFF';
    for (std::size_t i = 2; i < input.size();) {
      if (i + 1 >= input.size()) {
        reader_error_ = "incomplete UTF-16 character";
        break;
      }
      auto unit = [&](std::size_t k) {
        const auto lo = static_cast<unsigned char>(input[k + (le ? 0 : 1)]);
        const auto hi = static_cast<unsigned char>(input[k + (le ? 1 : 0)]);
        return static_cast<char32_t>(hi << 8 | lo);
      };
      char32_t value = unit(i);
      i += 2;
      if (value >= 0xDC00 && value <= 0xDFFF) {
        reader_error_ = "unexpected low surrogate area";
        break;
      }
      if (value >= 0xD800 && value <= 0xDBFF) {
        if (i + 1 >= input.size()) {
          reader_error_ = "incomplete UTF-16 surrogate pair";
          break;
        }
        const char32_t low = unit(i);
        if (low < 0xDC00 || low > 0xDFFF) {
          reader_error_ = "expected low surrogate area";
          break;
        }
        i += 2;
        value = 0x10000 + ((value & 0x3FF) << 10) + (low & 0x3FF);
      }
      if (!(value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0x7E) ||
            value == 0x85 || (value >= 0xA0 && value <= 0xD7FF) ||
            (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000)) {
        reader_error_ = "control characters are not allowed";
        break;
      }
      json::append_utf8(storage_, value);
    }
    text_ = storage_;
    reader_limit_ = 0;  // transcoded: the error shows at once
    return;
  }
  if (input.substr(0, 3) == "\xEF\xBB\xBF") bom = 3;
  text_ = input.substr(bom);
  // libyaml's UTF-8 decoding and character check (readerc.go).
  for (std::size_t i = 0; i < text_.size();) {
    const auto c = static_cast<unsigned char>(text_[i]);
    std::size_t width;
    char32_t value;
    if ((c & 0x80) == 0) {
      width = 1;
      value = c;
    } else if ((c & 0xE0) == 0xC0) {
      width = 2;
      value = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      width = 3;
      value = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      width = 4;
      value = c & 0x07;
    } else {
      reader_error_ = "invalid leading UTF-8 octet";
    }
    if (reader_error_.empty() && i + width > text_.size()) {
      reader_error_ = "incomplete UTF-8 octet sequence";
    }
    if (reader_error_.empty()) {
      for (std::size_t k = 1; k < width; ++k) {
        const auto o = static_cast<unsigned char>(text_[i + k]);
        if ((o & 0xC0) != 0x80) {
          reader_error_ = "invalid trailing UTF-8 octet";
          break;
        }
        value = value << 6 | (o & 0x3F);
      }
    }
    if (reader_error_.empty() && ((width == 2 && value < 0x80) || (width == 3 && value < 0x800) ||
                                  (width == 4 && value < 0x10000))) {
      reader_error_ = "invalid length of a UTF-8 sequence";
    }
    if (reader_error_.empty() && ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)) {
      reader_error_ = "invalid Unicode character";
    }
    if (reader_error_.empty() &&
        !(value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0x7E) ||
          value == 0x85 || (value >= 0xA0 && value <= 0xD7FF) ||
          (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000)) {
      reader_error_ = "control characters are not allowed";
    }
    if (!reader_error_.empty()) {
      const std::size_t chunk = (i + bom) / kReaderChunk * kReaderChunk;
      reader_limit_ = chunk > bom ? chunk - bom : 0;
      // yaml-cpp is not shown what libyaml never delivers.
      text_ = text_.substr(0, i);
      return;
    }
    i += width;
  }
  // libyaml takes NEL (U+0085) for a line break everywhere and reads it as '\n'; yaml-cpp
  // does not know it. (LS and PS, which libyaml also breaks lines at but keeps in scalars,
  // are left alone.)
  if (text_.find("\xC2\x85") != std::string_view::npos) {
    storage_.reserve(text_.size());
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\xC2' && i + 1 < text_.size() && text_[i + 1] == '\x85') {
        storage_ += '\n';
        ++i;
      } else {
        storage_ += text_[i];
      }
    }
    text_ = storage_;
  }
}

void Source::check_name(std::size_t at, std::string_view yaml_cpp_name, bool alias, Pos start) const {
  auto is_alpha = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
  };
  std::size_t end = at;
  while (end < text_.size() && is_alpha(text_[end])) ++end;
  const std::size_t length = end - at;
  if (length == yaml_cpp_name.size() && length > 0) return;
  const char next = end < text_.size() ? text_[end] : '\0';
  const bool indicator = next == '?' || next == ':' || next == ',' || next == ']' || next == '}' ||
                         next == '%' || next == '@' || next == '`';
  if (length > 0 && (is_blankz_at(text_, end) || indicator)) {
    if (length < yaml_cpp_name.size()) throw Reparse{end};
    return;
  }
  // Line and column of `end`.
  Pos problem{static_cast<int>(end), 0, 0};
  for (std::size_t i = 0; i < end; ++i) {
    if (text_[i] == '\n') {
      ++problem.line;
      problem.column = 0;
    } else {
      ++problem.column;
    }
  }
  (void)alias;
  throw scanner_error("did not find expected alphabetic or numeric character", problem, start);
}

void Source::check_reader(int pos) const {
  if (reader_error_.empty()) return;
  if (static_cast<std::size_t>(pos) + kLookahead >= reader_limit_) {
    throw plain_error(reader_error_, Pos{pos, 0, 0});
  }
}

Pos Source::text_end() const {
  Pos end{static_cast<int>(text_.size()), static_cast<int>(std::count(text_.begin(), text_.end(), '\n')), 0};
  const std::size_t nl = text_.rfind('\n');
  end.column = static_cast<int>(nl == std::string_view::npos ? text_.size() : text_.size() - nl - 1);
  return end;
}

Pos Source::stream_end() const {
  Pos end = text_end();
  if (end.column != 0) {
    ++end.line;
    end.column = 0;
  }
  return end;
}

Error Source::scanner_error(const std::string& problem, Pos problem_mark, Pos context_mark) const {
  const int line = problem_mark.line != 0 ? problem_mark.line + 1 : context_mark.line;
  std::string message = std::string(kConvertErrorPrefix) + "yaml: ";
  if (line != 0) message += "line " + std::to_string(line) + ": ";
  return Error(ErrorKind::Parse, message + problem,
               {file_, problem_mark.line + 1, problem_mark.column + 1});
}

Error Source::parser_error(const std::string& problem, Pos problem_mark, Pos context_mark) const {
  const int line = problem_mark.line != 0 ? problem_mark.line : context_mark.line;
  std::string message = std::string(kConvertErrorPrefix) + "yaml: ";
  if (line != 0) message += "line " + std::to_string(line) + ": ";
  return Error(ErrorKind::Parse, message + problem,
               {file_, problem_mark.line + 1, problem_mark.column + 1});
}

Error Source::plain_error(const std::string& problem, Pos at) const {
  return Error(ErrorKind::Parse, std::string(kConvertErrorPrefix) + "yaml: " + problem,
               {file_, at.line > 0 || at.column > 0 ? at.line + 1 : 0, at.column + 1});
}

void Source::check_document_end() {}

void Source::check_stream_end() {
  if (!reader_error_.empty()) throw plain_error(reader_error_, Pos{});
  if (auto e = state_.pending_error(stream_end().line)) throw *e;
  // yaml-cpp ends an unclosed quoted scalar at the end of the input; libyaml does not.
  if (const auto& q = state_.last_quoted()) check_quoted(*q);
}

void Source::check_quoted(Pos start) const {
  std::size_t p = static_cast<std::size_t>(start.pos);
  while (p < text_.size() && (text_[p] == '&' || text_[p] == '!')) {
    while (p < text_.size() && !is_blankz_at(text_, p)) ++p;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
  }
  if (p >= text_.size() || (text_[p] != '"' && text_[p] != '\'')) return;
  const char quote = text_[p];
  for (std::size_t i = p + 1; i < text_.size(); ++i) {
    if (quote == '"' && text_[i] == '\\') {
      ++i;
    } else if (quote == '\'' && text_[i] == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
      ++i;
    } else if (text_[i] == quote) {
      return;
    }
  }
  throw scanner_error("found unexpected end of stream", text_end(), start);
}

Error Source::error_from(const YAML::ParserException& e) {
  Pos at = Pos::of(e.mark);
  if (!reader_error_.empty() && static_cast<std::size_t>(at.pos) + kLookahead >= reader_limit_) {
    return plain_error(reader_error_, at);
  }
  if (auto pending = state_.pending_error(at.line)) return *pending;
  if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
    return Error(ErrorKind::Limit,
                 std::string(kConvertErrorPrefix) + "yaml: line " + std::to_string(at.line + 1) +
                     ": nesting too deep for the YAML parser",
                 {file_, at.line + 1, at.column + 1});
  }
  const std::string& msg = e.msg;
  if (msg == YAML::ErrorMsg::EOF_IN_SCALAR) {
    return scanner_error("found unexpected end of stream", text_end(), at);
  }
  // Where the parser (not the scanner) stops at the end of the text, libyaml's token is
  // STREAM-END, on a line of its own.
  const Pos token = static_cast<std::size_t>(at.pos) >= text_.size() ? stream_end() : at;
  const auto& colls = state_.collections();
  const auto& open = state_.open();
  const SyntaxState::Collection* top = open.empty() ? nullptr : &colls[static_cast<std::size_t>(open.back())];
  const Pos context = top == nullptr ? at : top->start;

  // libyaml's innermost block collection at the error's column: yaml-cpp may have closed
  // it already; an indentless sequence (at its mapping's column) has no level of its own.
  auto innermost_block = [&]() -> const SyntaxState::Collection* {
    // (With nothing open, yaml-cpp has ended the document where libyaml goes on: start
    // from its root.)
    std::vector<int> chain(open.begin(), open.end());
    const int root = state_.root_collection();
    if (chain.empty() && root >= 0) chain.push_back(root);
    for (int c = chain.empty() ? -1 : colls[static_cast<std::size_t>(chain.back())].last_closed_child; c >= 0;
         c = colls[static_cast<std::size_t>(c)].last_closed_child) {
      chain.push_back(c);
    }
    const SyntaxState::Collection* found = nullptr;
    for (int c : chain) {
      const auto& coll = colls[static_cast<std::size_t>(c)];
      if (coll.flow || coll.start.column > at.column) continue;
      if (!coll.mapping && coll.parent >= 0) {
        const auto& parent = colls[static_cast<std::size_t>(coll.parent)];
        if (parent.mapping && !parent.flow && parent.start.column == coll.start.column) continue;
      }
      found = &coll;
    }
    return found;
  };
  auto block_error = [&]() {
    const SyntaxState::Collection* c = innermost_block();
    if (c == nullptr) c = top;
    const bool mapping = c == nullptr || c->mapping;
    return parser_error(mapping ? "did not find expected key" : "did not find expected '-' indicator", token,
                        c == nullptr ? token : c->start);
  };

  // A tab where libyaml expects indentation.
  std::string_view line = line_at(text_, at.line);
  const std::size_t first = line.find_first_not_of(' ');
  const bool tab_indent = first != std::string_view::npos && line[first] == '\t';
  if (msg == YAML::ErrorMsg::TAB_IN_INDENTATION || (msg == YAML::ErrorMsg::MAP_VALUE && tab_indent)) {
    const Pos tab{at.pos, at.line, static_cast<int>(first == std::string_view::npos ? 0 : first)};
    if (in_block_scalar(text_, at.line)) {
      return scanner_error("found a tab character where an indentation space is expected", tab, tab);
    }
    if (after_plain_scalar(text_, at.line)) {
      return scanner_error("found a tab character that violates indentation", tab, tab);
    }
    return scanner_error("found character that cannot start any token", tab, tab);
  }
  if (msg == YAML::ErrorMsg::MAP_VALUE) {
    // A lone scalar above (over one or more lines) that is not a value or the rest of one:
    // libyaml took it for a key. At a collection's column it is a key missing its ':'
    // (noticed on the next line); elsewhere no key could start there.
    int start = previous_content_line(text_, at.line);
    if (start >= 0 && bare_plain_scalar(content_of(line_at(text_, start)))) {
      int above = previous_content_line(text_, start);
      while (above >= 0 && bare_plain_scalar(content_of(line_at(text_, above))) &&
             indent_of(line_at(text_, above)) < indent_of(line_at(text_, start))) {
        start = above;  // a continuation line of that scalar
        above = previous_content_line(text_, start);
      }
      const int column = indent_of(line_at(text_, start));
      std::string_view before = above < 0 ? std::string_view() : content_of(line_at(text_, above));
      const bool continues = !before.empty() && column > indent_of(before);
      if (!continues) {
        const Pos scalar{0, start, column};
        const Pos saved = at;
        at = scalar;
        const SyntaxState::Collection* c = innermost_block();
        at = saved;
        if (c != nullptr && c->start.column == column) {
          return scanner_error("could not find expected ':'", Pos{at.pos, at.line, 0}, scalar);
        }
        if (c != nullptr) {
          return parser_error(c->mapping ? "did not find expected key" : "did not find expected '-' indicator",
                              scalar, c->start);
        }
      }
    }
    return scanner_error("mapping values are not allowed in this context", at, at);
  }
  if (msg == YAML::ErrorMsg::BLOCK_ENTRY) {
    return scanner_error("block sequence entries are not allowed in this context", at, at);
  }
  if (msg == YAML::ErrorMsg::MAP_KEY) {
    return scanner_error("mapping keys are not allowed in this context", at, at);
  }
  if (msg == YAML::ErrorMsg::UNKNOWN_TOKEN) {
    return scanner_error("found character that cannot start any token", at, at);
  }
  if (msg.rfind(YAML::ErrorMsg::INVALID_ESCAPE, 0) == 0) {
    return scanner_error("found unknown escape character", at, at);
  }
  if (msg.rfind(YAML::ErrorMsg::INVALID_UNICODE, 0) == 0) {
    return scanner_error("found invalid Unicode character escape code", at, at);
  }
  if (msg == YAML::ErrorMsg::INVALID_HEX) {
    return scanner_error("did not find expected hexdecimal number", at, at);
  }
  if (msg == YAML::ErrorMsg::CHAR_IN_BLOCK) {
    return scanner_error("did not find expected comment or line break", at, at);
  }
  if (msg == YAML::ErrorMsg::ZERO_INDENT_IN_BLOCK) {
    return scanner_error("found an indentation indicator equal to 0", at, at);
  }
  if (msg == YAML::ErrorMsg::ANCHOR_NOT_FOUND || msg == YAML::ErrorMsg::ALIAS_NOT_FOUND) {
    const Pos after{at.pos + 1, at.line, at.column + 1};
    return scanner_error("did not find expected alphabetic or numeric character", after, at);
  }
  if (msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
    std::size_t p = static_cast<std::size_t>(at.pos);
    if (p < text_.size() && text_[p] == '*') ++p;
    std::size_t end = p;
    while (end < text_.size() && !is_blankz_at(text_, end) && text_[end] != ',' &&
           text_[end] != '[' && text_[end] != ']' && text_[end] != '{' && text_[end] != '}') {
      ++end;
    }
    // The name as libyaml reads it (may throw Reparse or its own error).
    check_name(p, text_.substr(p, end - p), true, at);
    // yaml.v2 reports an unknown anchor itself, without a line.
    return plain_error("unknown anchor '" + std::string(text_.substr(p, end - p)) + "' referenced", at);
  }
  if (msg == YAML::ErrorMsg::END_OF_SEQ_FLOW || msg == YAML::ErrorMsg::END_OF_MAP_FLOW) {
    const char before = previous_significant(text_, static_cast<std::size_t>(e.mark.pos));
    if (before == '[' || before == '{' || before == ',' || before == ':') {
      return parser_error("did not find expected node content", token, context);
    }
    return parser_error(msg == YAML::ErrorMsg::END_OF_SEQ_FLOW ? "did not find expected ',' or ']'"
                                                               : "did not find expected ',' or '}'",
                        token, context);
  }
  if (msg == YAML::ErrorMsg::END_OF_MAP || msg == YAML::ErrorMsg::END_OF_SEQ) return block_error();
  if (msg == YAML::ErrorMsg::FLOW_END) {
    // A stray ']' or '}': where a node was due it is missing content; inside a flow
    // collection the separator is; in block context, the next key or entry.
    const char before = previous_significant(text_, static_cast<std::size_t>(at.pos));
    // After ':' or '-' a node is due on the same line or further right than the collection.
    const SyntaxState::Collection* block = innermost_block();
    const bool same_line = content_of(line_at(text_, at.line)).substr(0, static_cast<std::size_t>(at.column))
                               .find_first_not_of(" \t") != std::string_view::npos;
    const bool value_due = before == ',' || before == '[' || before == '{' ||
                           ((before == ':' || before == '-') &&
                            (same_line || block == nullptr || at.column > block->start.column));
    if (value_due || before == '\n') {
      return parser_error("did not find expected node content", token, context);
    }
    if (const char open_bracket = innermost_bracket(text_, static_cast<std::size_t>(at.pos))) {
      return parser_error(open_bracket == '{' ? "did not find expected ',' or '}'" : "did not find expected ',' or ']'",
                          token, context);
    }
    return block_error();
  }
  if (msg == YAML::ErrorMsg::MULTIPLE_TAGS || msg == YAML::ErrorMsg::MULTIPLE_ANCHORS ||
      msg == YAML::ErrorMsg::MULTIPLE_ALIASES || msg == YAML::ErrorMsg::ALIAS_CONTENT) {
    return parser_error("did not find expected node content", at, context);
  }
  // Not mapped: yaml-cpp's own words, in libyaml's frame.
  return scanner_error(msg, at, at);
}

}  // namespace capstan::yaml::detail
