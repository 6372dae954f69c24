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
#include "core/yaml_lines.h"

namespace capstan::yaml::detail {

namespace {

// libyaml reads its input in chunks of this many bytes; a refused character becomes an error
// once the scanner needs the chunk it is in.
constexpr std::size_t kReaderChunk = 512;
constexpr int kLookahead = 4;

}  // namespace

// --- Source

Source::Source(std::string_view input, std::string file) : file_(std::move(file)), state_(*this) {
  std::size_t bom = 0;
  if (input.size() >= 2 &&
      ((input[0] == '\xFF' && input[1] == '\xFE') || (input[0] == '\xFE' && input[1] == '\xFF'))) {
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
  if (input.substr(0, 3) == "\xEF\xBB\xBF")
    bom = 3;
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

void Source::check_name(std::size_t at, std::string_view yaml_cpp_name, bool alias,
                        Pos start) const {
  auto is_alpha = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           c == '-';
  };
  std::size_t end = at;
  while (end < text_.size() && is_alpha(text_[end])) ++end;
  const std::size_t length = end - at;
  if (length == yaml_cpp_name.size() && length > 0)
    return;
  const char next = end < text_.size() ? text_[end] : '\0';
  const bool indicator = next == '?' || next == ':' || next == ',' || next == ']' || next == '}' ||
                         next == '%' || next == '@' || next == '`';
  if (length > 0 && (is_blankz_at(text_, end) || indicator)) {
    if (length < yaml_cpp_name.size())
      throw Reparse{end};
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
  if (reader_error_.empty())
    return;
  if (static_cast<std::size_t>(pos) + kLookahead >= reader_limit_) {
    throw plain_error(reader_error_, Pos{pos, 0, 0});
  }
}

Pos Source::text_end() const {
  Pos end{static_cast<int>(text_.size()),
          static_cast<int>(std::count(text_.begin(), text_.end(), '\n')), 0};
  const std::size_t nl = text_.rfind('\n');
  end.column =
      static_cast<int>(nl == std::string_view::npos ? text_.size() : text_.size() - nl - 1);
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
  if (line != 0)
    message += "line " + std::to_string(line) + ": ";
  return Error(ErrorKind::Parse, message + problem,
               {file_, problem_mark.line + 1, problem_mark.column + 1});
}

Error Source::parser_error(const std::string& problem, Pos problem_mark, Pos context_mark) const {
  const int line = problem_mark.line != 0 ? problem_mark.line : context_mark.line;
  std::string message = std::string(kConvertErrorPrefix) + "yaml: ";
  if (line != 0)
    message += "line " + std::to_string(line) + ": ";
  return Error(ErrorKind::Parse, message + problem,
               {file_, problem_mark.line + 1, problem_mark.column + 1});
}

Error Source::plain_error(const std::string& problem, Pos at) const {
  return Error(ErrorKind::Parse, std::string(kConvertErrorPrefix) + "yaml: " + problem,
               {file_, at.line > 0 || at.column > 0 ? at.line + 1 : 0, at.column + 1});
}

void Source::check_document_end() {}

void Source::check_stream_end() {
  if (!reader_error_.empty())
    throw plain_error(reader_error_, Pos{});
  if (auto e = state_.pending_error(stream_end().line))
    throw *e;
  state_.check_directives(stream_end().line + 1, true);
  // yaml-cpp ends an unclosed quoted scalar at the end of the input; libyaml does not.
  if (const auto& q = state_.last_quoted())
    check_quoted(*q);
}

void Source::check_quoted(Pos start) const {
  std::size_t p = static_cast<std::size_t>(start.pos);
  while (p < text_.size() && (text_[p] == '&' || text_[p] == '!')) {
    while (p < text_.size() && !is_blankz_at(text_, p)) ++p;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
  }
  if (p >= text_.size() || (text_[p] != '"' && text_[p] != '\''))
    return;
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
  if (auto pending = state_.pending_error(at.line))
    return *pending;
  try {
    state_.check_directives(at.line + 1, false);  // libyaml's scanner reaches them first
  } catch (const Error& directive_error) {
    return directive_error;
  }
  if (e.msg == YAML::ErrorMsg::UNKNOWN_TOKEN && static_cast<std::size_t>(at.pos) < text_.size() &&
      text_[static_cast<std::size_t>(at.pos)] == '?') {
    // In a flow collection libyaml ends a plain scalar at '?' and reads every '?' as a KEY
    // token, blank after it or not; yaml-cpp refuses one without a blank. At an entry's start
    // ("[?x]") it is an explicit key, which yaml-cpp reads once given the blank; after a
    // scalar ("[x?y]") libyaml's parser wants the entry to end there.
    if (const char bracket = innermost_bracket(text_, static_cast<std::size_t>(at.pos))) {
      const char before = previous_significant(text_, static_cast<std::size_t>(at.pos));
      if (before == '[' || before == '{' || before == ',')
        throw Reparse{static_cast<std::size_t>(at.pos) + 1};
      return parser_error(bracket == '[' ? "did not find expected ',' or ']'"
                                         : "did not find expected ',' or '}'",
                          at, at);
    }
  }
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
  const SyntaxState::Collection* top =
      open.empty() ? nullptr : &colls[static_cast<std::size_t>(open.back())];
  const Pos context = top == nullptr ? at : top->start;

  // libyaml's innermost block collection at the error's column: yaml-cpp may have closed
  // it already; an indentless sequence (at its mapping's column) has no level of its own.
  auto innermost_block = [&]() -> const SyntaxState::Collection* {
    // (With nothing open, yaml-cpp has ended the document where libyaml goes on: start
    // from its root.)
    std::vector<int> chain(open.begin(), open.end());
    const int root = state_.root_collection();
    if (chain.empty() && root >= 0)
      chain.push_back(root);
    for (int c = chain.empty() ? -1
                               : colls[static_cast<std::size_t>(chain.back())].last_closed_child;
         c >= 0; c = colls[static_cast<std::size_t>(c)].last_closed_child) {
      chain.push_back(c);
    }
    const SyntaxState::Collection* found = nullptr;
    for (int c : chain) {
      const auto& coll = colls[static_cast<std::size_t>(c)];
      if (coll.flow || coll.start.column > at.column)
        continue;
      if (!coll.mapping && coll.parent >= 0) {
        const auto& parent = colls[static_cast<std::size_t>(coll.parent)];
        if (parent.mapping && !parent.flow && parent.start.column == coll.start.column)
          continue;
      }
      found = &coll;
    }
    return found;
  };
  auto block_error = [&]() {
    const SyntaxState::Collection* c = innermost_block();
    if (c == nullptr)
      c = top;
    const bool mapping = c == nullptr || c->mapping;
    return parser_error(
        mapping ? "did not find expected key" : "did not find expected '-' indicator", token,
        c == nullptr ? token : c->start);
  };

  // A tab where libyaml expects indentation.
  std::string_view line = line_at(text_, at.line);
  const std::size_t first = line.find_first_not_of(' ');
  const bool tab_indent = first != std::string_view::npos && line[first] == '\t';
  if (msg == YAML::ErrorMsg::TAB_IN_INDENTATION ||
      (msg == YAML::ErrorMsg::MAP_VALUE && tab_indent)) {
    const Pos tab{at.pos, at.line, static_cast<int>(first == std::string_view::npos ? 0 : first)};
    if (in_block_scalar(text_, at.line)) {
      return scanner_error("found a tab character where an indentation space is expected", tab,
                           tab);
    }
    if (after_plain_scalar(text_, at.line)) {
      return scanner_error("found a tab character that violates indentation", tab, tab);
    }
    return scanner_error("found character that cannot start any token", tab, tab);
  }
  // A plain scalar alone at a block collection's column, on the lines above, is a key whose
  // ':' never came: libyaml gives up on it at the first token after it, before anything
  // yaml-cpp complains about.
  auto stale_key = [&]() -> std::optional<Error> {
    auto plain_text = [](std::string_view content) {
      if (content.find_first_not_of(" \t") == std::string_view::npos)
        return false;
      for (std::size_t i = 0; i < content.size(); ++i) {
        if (content[i] == ':' &&
            (i + 1 == content.size() || content[i + 1] == ' ' || content[i + 1] == '\t')) {
          return false;
        }
      }
      return true;
    };
    auto content = [&](int l) { return content_of(line_at(text_, l)); };
    const int last = previous_content_line(text_, at.line);
    if (last < 0 || !plain_text(content(last)))
      return std::nullopt;
    int top = last;
    for (int a = previous_content_line(text_, top); a >= 0 && plain_text(content(a));
         a = previous_content_line(text_, top)) {
      top = a;
    }
    if (!bare_plain_scalar(content(top)))
      return std::nullopt;
    const int column = indent_of(line_at(text_, top));
    const int above = previous_content_line(text_, top);
    if (above >= 0 && column > indent_of(line_at(text_, above)))
      return std::nullopt;  // a value
    bool at_collection = false;
    const Pos saved = at;
    at = Pos{0, top, column};
    const SyntaxState::Collection* c = innermost_block();
    at = saved;
    at_collection = c != nullptr && c->start.column == column;
    if (!at_collection)
      return std::nullopt;
    // The scalar goes on over lines indented further; the token after it is where libyaml
    // notices.
    int end = top;
    for (int l = top + 1; l <= last; ++l) {
      if (content(l).find_first_not_of(" \t") == std::string_view::npos)
        continue;
      if (indent_of(line_at(text_, l)) <= column)
        break;
      end = l;
    }
    int next = -1;
    for (int l = end + 1; l <= stream_end().line; ++l) {
      if (content(l).find_first_not_of(" \t") != std::string_view::npos) {
        next = l;
        break;
      }
    }
    const Pos problem = next < 0 ? stream_end() : Pos{0, next, 0};
    return scanner_error("could not find expected ':'", problem, Pos{0, top, column});
  };

  if (msg == YAML::ErrorMsg::MAP_VALUE) {
    if (auto e = stale_key())
      return *e;
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
          return parser_error(
              c->mapping ? "did not find expected key" : "did not find expected '-' indicator",
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
    if (p < text_.size() && text_[p] == '*')
      ++p;
    std::size_t end = p;
    while (end < text_.size() && !is_blankz_at(text_, end) && text_[end] != ',' &&
           text_[end] != '[' && text_[end] != ']' && text_[end] != '{' && text_[end] != '}') {
      ++end;
    }
    // The name as libyaml reads it (may throw Reparse or its own error).
    check_name(p, text_.substr(p, end - p), true, at);
    // yaml.v2 reports an unknown anchor itself, without a line.
    return plain_error("unknown anchor '" + std::string(text_.substr(p, end - p)) + "' referenced",
                       at);
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
  if (msg == YAML::ErrorMsg::END_OF_MAP || msg == YAML::ErrorMsg::END_OF_SEQ)
    return block_error();
  if (msg == YAML::ErrorMsg::FLOW_END) {
    // A stray ']' or '}': where a node was due it is missing content; inside a flow
    // collection the separator is; in block context, the next key or entry.
    const char before = previous_significant(text_, static_cast<std::size_t>(at.pos));
    // After ':' or '-' a node is due on the same line or further right than the collection.
    const SyntaxState::Collection* block = innermost_block();
    const bool same_line = content_of(line_at(text_, at.line))
                               .substr(0, static_cast<std::size_t>(at.column))
                               .find_first_not_of(" \t") != std::string_view::npos;
    const bool value_due = before == ',' || before == '[' || before == '{' ||
                           ((before == ':' || before == '-') &&
                            (same_line || block == nullptr || at.column > block->start.column));
    if (value_due || before == '\n') {
      return parser_error("did not find expected node content", token, context);
    }
    if (const char open_bracket = innermost_bracket(text_, static_cast<std::size_t>(at.pos))) {
      return parser_error(open_bracket == '{' ? "did not find expected ',' or '}'"
                                              : "did not find expected ',' or ']'",
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
