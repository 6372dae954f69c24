// The libyaml errors yaml-cpp does not raise, found from the events it delivers and the text
// around them: a block mapping key without ':', an empty key, a document that libyaml reads as
// more of the previous one, unknown directives and tag handles, tabs after "- ", anchor names
// libyaml ends earlier.
#include <yaml-cpp/mark.h>

#include <algorithm>
#include <string>

#include "core/yaml_errors.h"
#include "core/yaml_lines.h"

namespace capstan::yaml::detail {

namespace {

// A node's mark is where its anchor or tag starts; a block collection's indentation is where
// its first key or '-' is, which may be on a later line ("labels: &x\n  a: 1").
Pos first_token_after_properties(std::string_view text, Pos at) {
  auto p = static_cast<std::size_t>(at.pos);
  bool moved = false;
  for (;;) {
    if (p < text.size() && (text[p] == '&' || text[p] == '!')) {
      while (p < text.size() && !is_blankz_at(text, p)) ++p;
      moved = true;
    } else if (moved && p < text.size() &&
               (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')) {
      ++p;
    } else if (moved && p < text.size() && text[p] == '#') {
      while (p < text.size() && text[p] != '\n') ++p;
    } else {
      break;
    }
  }
  if (!moved)
    return at;
  Pos out{static_cast<int>(p), 0, 0};
  for (std::size_t i = 0; i < p; ++i) {
    if (text[i] == '\n') {
      ++out.line;
      out.column = 0;
    } else {
      ++out.column;
    }
  }
  return out;
}

}  // namespace

// --- SyntaxState

void SyntaxState::event_at(const YAML::Mark& mark, bool keeps_quote) {
  source_.check_reader(mark.pos);
  if (missing_colon_) {
    if (auto e = pending_error(mark.line))
      throw *e;
  }
  const std::optional<Pos> previous = last_event_;
  last_event_ = Pos::of(mark);
  if (!keeps_quote)
    last_quoted_.reset();  // an empty node consumes no text
  check_tab_before(mark, previous);
}

void SyntaxState::check_tab_before(const YAML::Mark& mark, const std::optional<Pos>& previous) const {
  // scan_to_next_token skips a tab only in flow context or where no simple key may start. At
  // the beginning of a block-context line one may (so "\tx" at the top, a key indented by a
  // tab, or a blank line of tabs before any scalar stop libyaml), and after the '?' of an
  // explicit key or the ':' of its value. yaml-cpp skips them all. Lines that continue a
  // plain or block scalar are that scalar's business (yaml_errors.cpp reports their tabs).
  if (!open_.empty() && collections_[static_cast<std::size_t>(open_.back())].flow)
    return;
  std::string_view text = source_.text();
  auto stop_at = [&](std::size_t tab, int line, std::size_t line_start) {
    Pos at{static_cast<int>(tab), line, static_cast<int>(tab - line_start)};
    throw source_.scanner_error("found character that cannot start any token", at, at);
  };
  auto scalar_line = [&](int line) {
    return in_block_scalar(text, line) || after_plain_scalar(text, line);
  };
  // Blank or comment-only lines between the previous node and this one.
  std::size_t line_start = 0;
  int line = 0;
  if (previous) {
    line = previous->line + 1;
    line_start = text.find('\n', static_cast<std::size_t>(std::max(previous->pos, 0)));
    line_start = line_start == std::string_view::npos ? text.size() : line_start + 1;
  }
  for (; line < mark.line && line_start < text.size(); ++line) {
    const std::string_view l = line_at(text, line);
    const std::size_t first = l.find_first_not_of(' ');
    if (first != std::string_view::npos && l[first] == '\t' &&
        content_of(l).find_first_not_of(" \t") == std::string_view::npos && !scalar_line(line))
      stop_at(line_start + first, line, line_start);
    line_start += l.size() + 1;
  }
  // The blanks before this node on its own line.
  std::size_t p = std::min(static_cast<std::size_t>(std::max(mark.pos, 0)), text.size());
  std::optional<std::size_t> tab;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) {
    --p;
    if (text[p] == '\t')
      tab = p;
  }
  if (!tab)
    return;
  std::size_t start = p;
  if (p > 0 && (text[p - 1] == '?' || text[p - 1] == ':')) {
    start = p - 1;  // an explicit key's indicator, alone at the start of its line
    while (start > 0 && text[start - 1] == ' ') --start;
  }
  if (start > 0 && text[start - 1] != '\n')
    return;
  if (start == p && scalar_line(mark.line))
    return;
  stop_at(*tab, mark.line, start);
}

std::optional<Error> SyntaxState::pending_error(int next_line) const {
  if (!missing_colon_)
    return std::nullopt;
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
    if (auto e = pending_error(mark.line))
      throw *e;
  }
  // Directives since the previous document.
  in_document_ = false;
  const bool directives = check_directives(mark.line + 1, false);
  ++documents_;
  in_document_ = true;
  std::string_view text = source_.text();
  const auto pos = static_cast<std::size_t>(mark.pos);
  const bool explicit_start = text.substr(pos, 3) == "---" && is_blankz_at(text, pos + 3);
  if (!explicit_start && directives) {
    throw source_.parser_error("did not find expected <document start>", Pos::of(mark),
                               Pos::of(mark));
  }
  if (documents_ > 1 && !explicit_start) {
    // After a block collection the "document" yaml-cpp starts is more of it to libyaml;
    // after "..." or any other root a document needs "---".
    bool ended = false;
    for (int l = previous_end.line; l < mark.line; ++l) {
      std::string_view line = line_at(text, l);
      if (line.substr(0, 3) == "..." && is_blankz_at(line, 3))
        ended = true;
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
      throw source_.parser_error("did not find expected <document start>", Pos::of(mark),
                                 Pos::of(mark));
    }
  }
  collections_.clear();
  open_.clear();
  root_collection_ = -1;
  root_block_ = false;
  last_event_ = Pos::of(mark);
  last_quoted_.reset();
  // Tabs on the blank lines before the document's first token (from the stream's start).
  if (documents_ == 1 && !explicit_start)
    check_tab_before(mark, std::nullopt);
}

void SyntaxState::on_document_end() { in_document_ = false; }

void SyntaxState::on_scalar(const YAML::Mark& mark, bool plain, std::string_view value) {
  event_at(mark);
  last_was_null_ = false;
  if (plain)
    return;
  last_quoted_ = Pos::of(mark);
  // YAML 1.2's "\\/" escape, which yaml-cpp knows and libyaml (YAML 1.1) refuses.
  if (value.find('/') == std::string_view::npos)
    return;
  std::string_view text = source_.text();
  std::size_t p = static_cast<std::size_t>(mark.pos);
  while (p < text.size() && (text[p] == '&' || text[p] == '!')) {
    while (p < text.size() && !is_blankz_at(text, p)) ++p;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  }
  if (p >= text.size() || text[p] != '"')
    return;
  Pos at = Pos::of(mark);
  at.column += static_cast<int>(p - static_cast<std::size_t>(mark.pos)) + 1;  // the first character
  for (std::size_t i = p + 1; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '/') {
      at.pos = static_cast<int>(i);
      throw source_.scanner_error("found unknown escape character", at, Pos::of(mark));
    }
    const std::size_t step = text[i] == '\\' ? 2 : 1;
    for (std::size_t k = 0; k < step && i + k < text.size(); ++k) {
      if (text[i + k] == '\n') {
        ++at.line;
        at.column = 0;
      } else {
        ++at.column;
      }
    }
    i += step - 1;
  }
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
  if (!last_was_null_ || open_.empty() || !plain)
    return;
  const Collection& map = collections_[static_cast<std::size_t>(open_.back())];
  if (!map.mapping || map.flow)
    return;
  if (null_at_.pos < key.pos)
    return;  // "? key": the value comes before
  std::string_view text = source_.text();
  std::size_t end = static_cast<std::size_t>(null_at_.pos);
  if (null_at_.pos == key.pos) {
    end = text.find('\n', end);
    if (end == std::string_view::npos)
      end = text.size();
  }
  for (std::size_t i = static_cast<std::size_t>(key.pos); i < end && i < text.size(); ++i) {
    if (text[i] == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      while (i < end && text[i] != '\n') ++i;
      continue;
    }
    if (text[i] == ':' && is_blankz_at(text, i + 1))
      return;
  }
  missing_colon_ = key;
  if (null_at_.pos > key.pos)
    missing_line_ = null_at_.line;
}

void SyntaxState::on_anchor(const YAML::Mark& mark, const std::string& name) {
  std::string_view text = source_.text();
  std::size_t amp = text.find("&" + name, static_cast<std::size_t>(mark.pos));
  if (amp == std::string_view::npos)
    return;
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
  if (open_.empty() || collections_[static_cast<std::size_t>(open_.back())].flow)
    return;
  std::string_view text = source_.text();
  std::size_t p = static_cast<std::size_t>(mark.pos);
  std::optional<std::size_t> tab;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) {
    --p;
    if (text[p] == '\t')
      tab = p;
  }
  if (tab && p > 0 && text[p - 1] == '-') {
    Pos at{static_cast<int>(*tab), mark.line, mark.column - (mark.pos - static_cast<int>(*tab))};
    throw source_.scanner_error("found character that cannot start any token", at, at);
  }
}

void SyntaxState::on_null_key(const YAML::Mark& mark) {
  // yaml-cpp reads ": x" in a block mapping as an empty key; libyaml wants a key there.
  if (open_.empty())
    return;
  const Collection& map = collections_[static_cast<std::size_t>(open_.back())];
  if (!map.mapping || map.flow)
    return;
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
  if (!flow)
    c.start = first_token_after_properties(source_.text(), c.start);
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
  if (!open_.empty())
    collections_[static_cast<std::size_t>(open_.back())].last_closed_child = index;
}

}  // namespace capstan::yaml::detail
