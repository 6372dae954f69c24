// A dedicated reader for index.yaml in block style: one pass over the lines, values taken as
// views into the text (copied only when escapes or line folding change them), straight into
// ChartVersion. The generic path (yaml::decode, then the struct decoder) builds a tree of
// Values first, which for a 26 MB index costs seconds and half a gigabyte; this reader takes a
// fraction of a second and no more memory than the versions themselves. Anything it is not
// sure about makes it give up (see index_reader.h), so its results are the generic path's.
#include "repo/index_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <unordered_set>

#include "core/json_text.h"
#include "repo/rfc3339.h"

namespace capstan::repo::detail {

namespace {

// One line of the text: its indentation and its content after that.
struct Line {
  std::size_t begin = 0;  // offset of the line
  int indent = 0;         // columns of leading spaces
  std::string_view text;  // after the indentation, up to (not including) the newline
  std::size_t next = 0;   // offset of the following line
};

// A value after "key:" or "- ": nothing (null), text on the same line, or a block starting on
// a later line. `line` is the value's first line; for an inline value it is virtual: its text
// is what follows the indicator and its indent the column where that text starts.
struct Node {
  enum class Kind { Null, Inline, Block } kind = Kind::Null;
  int parent_indent = 0;  // the key's or dash's column: continuation lines must go deeper
  Line line;
};

struct GiveUp {};

[[noreturn]] void give_up() { throw GiveUp{}; }

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// libyaml accepts only printable characters: tab, LF, CR, 0x20-0x7E, U+0085, U+00A0-U+D7FF,
// U+E000-U+FFFD (not the BOM), U+10000 and above. CR is refused here too, to keep lines simple.
bool printable_stream(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        return false;
      ++i;
      continue;
    }
    const json::Rune r = json::decode_rune(text, i);
    if (r.rune == json::kReplacementChar && r.size == 1)
      return false;
    const char32_t u = r.rune;
    const bool ok = u == 0x85 || (u >= 0xA0 && u <= 0xD7FF) ||
                    (u >= 0xE000 && u <= 0xFFFD && u != 0xFEFF) || u >= 0x10000;
    if (!ok)
      return false;
    i += static_cast<std::size_t>(r.size);
  }
  return true;
}

// yaml.v2's resolve() for a plain scalar, as far as telling strings from the rest: the null
// and YAML 1.1 bool words, ints (strconv.ParseInt(s, 0, 64) after removing '_', or 0b...),
// floats (its yamlStyleFloat pattern, .inf, .nan) and timestamps (4 digits then '-'). Where
// in doubt the caller gives up, so anything that might be a number counts as Other.
enum class PlainType { String, Null, True, False, Other };

bool all_of(std::string_view s, const char* set) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (std::strchr(set, c) == nullptr)
      return false;
  }
  return true;
}

bool looks_int(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-'))
    s.remove_prefix(1);
  if (s.size() > 2 && s[0] == '0') {
    const char p = s[1];
    if (p == 'x' || p == 'X')
      return all_of(s.substr(2), "0123456789abcdefABCDEF");
    if (p == 'o' || p == 'O')
      return all_of(s.substr(2), "01234567");
    if (p == 'b' || p == 'B')
      return all_of(s.substr(2), "01");
  }
  return all_of(s, "0123456789");
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool looks_float(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - from;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-'))
    ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0)
      return false;
  } else {
    if (digits() == 0)
      return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
      ++i;
    if (digits() == 0)
      return false;
  }
  return i == s.size();
}

PlainType plain_type(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
    return PlainType::Null;
  if (s == "true")
    return PlainType::True;
  if (s == "false")
    return PlainType::False;
  static const char* const kBools[] = {"y",    "Y",    "yes",  "Yes",   "YES",   "n",
                                       "N",    "no",   "No",   "NO",    "True",  "TRUE",
                                       "False", "FALSE", "on", "On",    "ON",    "off",
                                       "Off",  "OFF"};
  for (const char* b : kBools) {
    if (s == b)
      return PlainType::Other;
  }
  const char c = s[0];
  if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
    return PlainType::String;
  std::string plain;
  for (char x : s) {
    if (x != '_')
      plain += x;
  }
  std::string lower;
  for (char x : plain) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(x)));
  if (lower == ".inf" || lower == "+.inf" || lower == "-.inf" || lower == ".nan")
    return PlainType::Other;
  if (looks_int(plain) || looks_float(plain))
    return PlainType::Other;
  if (s.size() > 4 && all_of(s.substr(0, 4), "0123456789") && s[4] == '-')
    return PlainType::Other;  // a timestamp, maybe
  return PlainType::String;
}

class Reader {
 public:
  Reader(std::string_view text, IndexFile& index) : text_(text), index_(index) {}

  void document(RawEntries& entries) {
    Line first;
    if (!significant(pos_, first))
      return;  // an empty document: null
    if (first.indent == 0 && first.text == "---") {
      pos_ = first.next;
      if (!significant(pos_, first))
        return;
    }
    if (first.indent != 0)
      give_up();
    Node top{Node::Kind::Block, -1, first};
    mapping(top, [&](std::string_view key, const Node& value) {
      if (key == "apiVersion") {
        index_.api_version = std::string(string(value));
      } else if (key == "generated") {
        index_.generated = std::string(string(value));
        if (!index_.generated.empty() && !normalize_rfc3339(index_.generated))
          give_up();
      } else if (key == "entries") {
        read_entries(value, entries);
      } else if (key == "publicKeys") {
        for (auto s : string_list(value)) index_.public_keys.emplace_back(s);
      } else if (key == "annotations") {
        for (const auto& [k, v] : string_map(value)) index_.annotations[std::string(k)] = v;
      } else {
        give_up();  // serverInfo, unknown or case-folded keys: the generic path
      }
    });
    Line rest;
    if (significant(pos_, rest))
      give_up();  // a second document, or a dedented line
  }

 private:
  // --- lines ---------------------------------------------------------------------------------

  bool raw_line(std::size_t at, Line& out) const {
    if (at >= text_.size())
      return false;
    const void* nl = std::memchr(text_.data() + at, '\n', text_.size() - at);
    const std::size_t end =
        nl == nullptr ? text_.size() : static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data());
    std::size_t i = at;
    while (i < end && text_[i] == ' ') ++i;
    out.begin = at;
    out.indent = static_cast<int>(i - at);
    out.text = text_.substr(i, end - i);
    out.next = nl == nullptr ? end : end + 1;
    if (!out.text.empty() && out.text[0] == '\t')
      give_up();
    return true;
  }

  static bool blank(const Line& l) { return trim_right(l.text).empty(); }

  // The next line that is neither blank nor a comment.
  bool significant(std::size_t at, Line& out) const {
    while (raw_line(at, out)) {
      if (!blank(out) && out.text[0] != '#') {
        if (out.indent == 0 && (out.text.substr(0, 3) == "---" || out.text.substr(0, 3) == "...") &&
            (out.text.size() == 3 || out.text[3] == ' '))
          give_up();  // document markers after the start
        return true;
      }
      at = out.next;
    }
    return false;
  }

  // --- structure -----------------------------------------------------------------------------

  // Where the key of a "key: value" text ends (the ':'), or npos when the text is not a key.
  static std::size_t key_colon(std::string_view t) {
    if (t.empty())
      return std::string_view::npos;
    const char c = t[0];
    if (std::strchr("-?:,[]{}#&*!|>'\"%@`", c) != nullptr)
      return std::string_view::npos;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == ':' && (i + 1 == t.size() || t[i + 1] == ' '))
        return i;
      if (t[i] == '#' && i > 0 && t[i - 1] == ' ')
        return std::string_view::npos;
    }
    return std::string_view::npos;
  }

  static bool is_dash(std::string_view t) { return t == "-" || t.substr(0, 2) == "- "; }

  // The value after an indicator ending at `col` on line `l` (rest = what follows it).
  Node value_after(const Line& l, std::size_t rest_offset, int owner_indent) {
    std::string_view rest = l.text.substr(rest_offset);
    std::size_t skip = 0;
    while (skip < rest.size() && rest[skip] == ' ') ++skip;
    rest = rest.substr(skip);
    Node n;
    n.parent_indent = owner_indent;
    if (rest.empty() || rest[0] == '#') {
      pos_ = l.next;
      Line next;
      if (significant(pos_, next) &&
          (next.indent > owner_indent || (next.indent == owner_indent && is_dash(next.text)))) {
        n.kind = Node::Kind::Block;
        n.line = next;
      }
      return n;
    }
    n.kind = Node::Kind::Inline;
    n.line = l;
    n.line.indent = l.indent + static_cast<int>(rest_offset + skip);
    n.line.text = rest;
    return n;
  }

  using KeyHandler = std::function<void(std::string_view key, const Node& value)>;

  // A block mapping whose first key is on node.line (possibly mid-line after "- "), or an
  // inline "{}". Null reads as no keys.
  void mapping(const Node& node, const KeyHandler& handle) {
    if (node.kind == Node::Kind::Null)
      return;
    if (node.kind == Node::Kind::Inline) {
      if (inline_empty(node, "{}"))
        return;
      if (key_colon(node.line.text) == std::string_view::npos)
        give_up();
    }
    const int indent = node.line.indent;
    std::vector<std::string_view> seen;
    std::unordered_set<std::string_view> many;  // past a few keys (the entries map)
    Line line = node.line;
    while (true) {
      const std::size_t colon = key_colon(line.text);
      if (colon == std::string_view::npos || colon == 0 || line.text[colon - 1] == ' ')
        give_up();
      const std::string_view key = line.text.substr(0, colon);
      // A duplicate key is the strict decoder's error: leave it to that path.
      if (seen.size() < 16) {
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
          give_up();
        seen.push_back(key);
        if (seen.size() == 16)
          many.insert(seen.begin(), seen.end());
      } else if (!many.insert(key).second) {
        give_up();
      }
      pos_ = line.next;
      const Node value = value_after(line, colon + 1, indent);
      const std::size_t before = pos_;
      handle(key, value);
      if (value.kind == Node::Kind::Inline && pos_ == before)
        pos_ = line.next;
      Line next;
      if (!significant(pos_, next) || next.indent < indent)
        return;
      if (next.indent > indent || is_dash(next.text))
        give_up();
      line = next;
    }
  }

  using ItemHandler = std::function<void(const Node& item)>;

  // A block sequence ("- " lines at one indentation), or an inline "[]". Null reads as none.
  void sequence(const Node& node, const ItemHandler& handle) {
    if (node.kind == Node::Kind::Null)
      return;
    if (node.kind == Node::Kind::Inline) {
      if (inline_empty(node, "[]"))
        return;
      give_up();
    }
    const int indent = node.line.indent;
    Line line = node.line;
    while (true) {
      if (!is_dash(line.text))
        give_up();
      pos_ = line.next;
      Node item;
      std::size_t skip = 1;
      while (skip < line.text.size() && line.text[skip] == ' ') ++skip;
      std::string_view rest = line.text.substr(skip);
      if (rest.empty() || rest[0] == '#') {
        item = value_after(line, 1, indent);
      } else if (rest[0] != '"' && rest[0] != '\'' && key_colon(rest) != std::string_view::npos) {
        item.kind = Node::Kind::Block;  // "- key: value": a mapping starting mid-line
        item.parent_indent = indent;
        item.line = line;
        item.line.indent = line.indent + static_cast<int>(skip);
        item.line.text = rest;
      } else {
        item = value_after(line, 1, indent);
      }
      const std::size_t before = pos_;
      handle(item);
      if (item.kind == Node::Kind::Inline && pos_ == before)
        pos_ = line.next;
      Line next;
      if (!significant(pos_, next) || next.indent < indent)
        return;
      if (next.indent > indent)
        give_up();
      if (!is_dash(next.text))
        return;  // the parent mapping's next key (a sequence at its keys' indentation)
      line = next;
    }
  }

  bool inline_empty(const Node& node, std::string_view empty) {
    std::string_view t = node.line.text;
    if (t.substr(0, 2) != empty)
      return false;
    t = trim_right(t.substr(2));
    if (!t.empty() && t[0] != '#')
      give_up();
    pos_ = node.line.next;
    return true;
  }

  // --- scalars -------------------------------------------------------------------------------

  enum class Style { Null, Plain, Quoted };

  std::string_view keep(std::string s) { return index_.store(s); }

  // A scalar node's text (views into the document when no escapes or folding apply).
  std::string_view scalar(const Node& node, Style& style) {
    if (node.kind == Node::Kind::Null) {
      style = Style::Null;
      return {};
    }
    const Line& l = node.line;
    if (node.kind == Node::Kind::Block && (is_dash(l.text) || key_colon(l.text) != std::string_view::npos))
      give_up();  // a collection where a scalar belongs
    const char c = l.text[0];
    if (c == '"') {
      style = Style::Quoted;
      return double_quoted(node);
    }
    if (c == '\'') {
      style = Style::Quoted;
      return single_quoted(node);
    }
    if (c == '|') {
      style = Style::Quoted;
      return literal(node);
    }
    if (std::strchr("[]{},#&*!>%@`?:", c) != nullptr || is_dash(l.text))
      give_up();
    style = Style::Plain;
    return plain(node);
  }

  std::string_view plain(const Node& node) {
    const Line& l = node.line;
    std::string_view first = l.text;
    if (const std::size_t hash = first.find(" #"); hash != std::string_view::npos)
      first = first.substr(0, hash);
    first = trim_right(first);
    if (first.find(": ") != std::string_view::npos || first.back() == ':')
      give_up();
    pos_ = l.next;
    // Continuation lines (yaml.v2 folds long plain scalars onto them).
    std::string folded;
    bool multi = false;
    int breaks = 0;
    std::size_t at = pos_;
    Line next;
    while (raw_line(at, next)) {
      if (blank(next)) {
        ++breaks;
        at = next.next;
        continue;
      }
      if (next.indent <= node.parent_indent || next.text[0] == '#')
        break;
      std::string_view t = next.text;
      if (t.find(" #") != std::string_view::npos || t.find(": ") != std::string_view::npos ||
          trim_right(t).back() == ':' || is_dash(t))
        give_up();
      if (!multi) {
        folded = std::string(first);
        multi = true;
      }
      if (breaks == 0) {
        folded += ' ';
      } else {
        folded.append(static_cast<std::size_t>(breaks), '\n');
      }
      folded += trim_right(t);
      breaks = 0;
      at = next.next;
      pos_ = at;
    }
    if (multi)
      return keep(std::move(folded));
    return first;
  }

  std::string_view single_quoted(const Node& node) {
    const Line& l = node.line;
    std::string out;
    bool copied = false;
    std::size_t i = 1;
    for (; i < l.text.size(); ++i) {
      if (l.text[i] == '\'') {
        if (i + 1 < l.text.size() && l.text[i + 1] == '\'') {
          if (!copied) {
            out = std::string(l.text.substr(1, i - 1));
            copied = true;
          }
          out += '\'';
          ++i;
          continue;
        }
        break;
      }
      if (copied)
        out += l.text[i];
    }
    if (i >= l.text.size())
      give_up();  // multi-line single-quoted scalars: the generic path
    after_quote(l.text.substr(i + 1));
    pos_ = l.next;
    return copied ? keep(std::move(out)) : l.text.substr(1, i - 1);
  }

  static void after_quote(std::string_view rest) {
    rest = trim_right(rest);
    std::size_t i = 0;
    while (i < rest.size() && rest[i] == ' ') ++i;
    if (i < rest.size() && !(rest[i] == '#' && i > 0))
      give_up();
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
    return -1;
  }

  std::string_view double_quoted(const Node& node) {
    Line l = node.line;
    // Fast case: one line, no escapes.
    std::string_view t = l.text;
    for (std::size_t i = 1; i < t.size(); ++i) {
      if (t[i] == '\\')
        break;
      if (t[i] == '"') {
        after_quote(t.substr(i + 1));
        pos_ = l.next;
        return t.substr(1, i - 1);
      }
    }
    std::string out;
    std::size_t i = 1;
    while (true) {
      if (i >= t.size()) {
        // A line break inside the quotes: trailing spaces go, then folding.
        while (!out.empty() && (out.back() == ' ' || out.back() == '\t') && !escaped_tail_) out.pop_back();
        escaped_tail_ = false;
        int breaks = 0;
        Line next;
        std::size_t at = l.next;
        while (true) {
          if (!raw_line(at, next))
            give_up();
          if (!blank(next))
            break;
          ++breaks;
          at = next.next;
        }
        if (next.indent <= node.parent_indent)
          give_up();
        if (!join_next_) {
          if (breaks == 0) {
            out += ' ';
          } else {
            out.append(static_cast<std::size_t>(breaks), '\n');
          }
        }
        join_next_ = false;
        l = next;
        t = l.text;
        std::size_t lead = 0;
        while (lead < t.size() && (t[lead] == ' ' || t[lead] == '\t')) ++lead;
        i = lead;
        continue;
      }
      const char c = t[i];
      if (c == '"') {
        after_quote(t.substr(i + 1));
        pos_ = l.next;
        return keep(std::move(out));
      }
      if (c != '\\') {
        out += c;
        ++i;
        continue;
      }
      if (i + 1 >= t.size()) {
        join_next_ = true;  // an escaped line break joins the lines
        ++i;
        continue;
      }
      const char e = t[i + 1];
      i += 2;
      int digits = 0;
      switch (e) {
        case '0': out += '\0'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 't': case '\t': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'v': out += '\v'; break;
        case 'f': out += '\f'; break;
        case 'r': out += '\r'; break;
        case 'e': out += '\x1b'; break;
        case ' ': out += ' '; break;
        case '"': out += '"'; break;
        case '/': out += '/'; break;
        case '\\': out += '\\'; break;
        case 'N': json::append_utf8(out, 0x85); break;
        case '_': json::append_utf8(out, 0xA0); break;
        case 'L': json::append_utf8(out, 0x2028); break;
        case 'P': json::append_utf8(out, 0x2029); break;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default: give_up();
      }
      if (digits > 0) {
        if (i + static_cast<std::size_t>(digits) > t.size())
          give_up();
        char32_t v = 0;
        for (int k = 0; k < digits; ++k) {
          const int h = hex(t[i + static_cast<std::size_t>(k)]);
          if (h < 0)
            give_up();
          v = v * 16 + static_cast<char32_t>(h);
        }
        if ((v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
          give_up();
        i += static_cast<std::size_t>(digits);
        json::append_utf8(out, v);
      }
      escaped_tail_ = e == ' ' || e == 't' || e == '\t';
    }
  }

  // "|", "|-" or "|+": the lines indented deeper than the owner, as they are.
  std::string_view literal(const Node& node) {
    std::string_view header = trim_right(node.line.text.substr(1));
    char chomp = 0;
    if (!header.empty() && (header[0] == '-' || header[0] == '+')) {
      chomp = header[0];
      header = header.substr(1);
    }
    std::size_t sp = 0;
    while (sp < header.size() && header[sp] == ' ') ++sp;
    if (sp < header.size() && !(header[sp] == '#' && sp > 0))
      give_up();  // indentation indicators and the like
    std::size_t at = node.line.next;
    std::string out;
    int indent = -1;
    int pending = 0;  // blank lines not yet known to be inside the block
    int max_leading_blank = 0;
    Line l;
    std::size_t end = at;
    while (raw_line(at, l)) {
      if (blank(l)) {
        if (indent < 0) {
          max_leading_blank = std::max(max_leading_blank, static_cast<int>(l.text.size()) + l.indent);
        } else if (l.indent > indent) {
          // More spaces than the block's indentation: content.
          out.append(static_cast<std::size_t>(pending), '\n');
          pending = 0;
          out += std::string(static_cast<std::size_t>(l.indent - indent), ' ');
          out += l.text;
          out += '\n';
          at = l.next;
          end = at;
          continue;
        }
        ++pending;
        at = l.next;
        continue;
      }
      if (indent < 0) {
        if (l.indent <= node.parent_indent)
          break;
        indent = l.indent;
        if (max_leading_blank > indent)
          give_up();
      }
      if (l.indent < indent)
        break;
      out.append(static_cast<std::size_t>(pending), '\n');
      pending = 0;
      out.append(static_cast<std::size_t>(l.indent - indent), ' ');
      out += l.text;
      out += '\n';
      at = l.next;
      end = at;
    }
    if (indent < 0) {
      // Only blank lines: the block is empty (keep chomping keeps the line breaks).
      pos_ = node.line.next;
      return {};
    }
    pos_ = end;
    if (chomp == '-') {
      while (!out.empty() && out.back() == '\n') out.pop_back();
    } else if (chomp == '+') {
      out.append(static_cast<std::size_t>(pending), '\n');
      // The trailing blank lines belong to the scalar.
      Line skip;
      std::size_t after = end;
      while (raw_line(after, skip) && blank(skip)) after = skip.next;
      pos_ = after;
    } else {
      while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    }
    return keep(std::move(out));
  }

  // --- typed values --------------------------------------------------------------------------

  std::string_view string(const Node& node) {
    Style style;
    std::string_view s = scalar(node, style);
    if (style == Style::Plain) {
      const PlainType t = plain_type(s);
      if (t == PlainType::Null)
        return {};
      if (t != PlainType::String)
        give_up();  // a number or bool in a string field: sigs.k8s.io/yaml's conversion
    }
    return s;
  }

  bool boolean(const Node& node, bool current) {
    Style style;
    std::string_view s = scalar(node, style);
    if (style == Style::Null)
      return current;
    if (style != Style::Plain)
      give_up();  // a quoted string into a bool: a type error
    const PlainType t = plain_type(s);
    if (t == PlainType::Null)
      return current;
    if (t == PlainType::True)
      return true;
    if (t == PlainType::False)
      return false;
    give_up();
  }

  std::vector<std::string_view> string_list(const Node& node) {
    std::vector<std::string_view> out;
    sequence(node, [&](const Node& item) {
      if (item.kind == Node::Kind::Null)
        give_up();  // null in a []string: Go keeps "", the generic path decides
      out.push_back(string(item));
    });
    return out;
  }

  std::vector<std::pair<std::string_view, std::string_view>> string_map(const Node& node) {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    mapping(node, [&](std::string_view key, const Node& value) {
      if (plain_type(key) != PlainType::String)
        give_up();
      out.emplace_back(key, string(value));
    });
    std::sort(out.begin(), out.end());
    return out;
  }

  // --- index structure -----------------------------------------------------------------------

  void read_entries(const Node& node, RawEntries& entries) {
    mapping(node, [&](std::string_view name, const Node& value) {
      if (plain_type(name) != PlainType::String)
        give_up();
      auto& versions = entries[std::string(name)];
      sequence(value, [&](const Node& item) {
        if (item.kind == Node::Kind::Null) {
          versions.emplace_back();
          return;
        }
        if (item.kind == Node::Kind::Inline) {
          Style style;
          std::string_view s = scalar(item, style);
          if (style == Style::Plain && plain_type(s) == PlainType::Null) {
            versions.emplace_back();
            return;
          }
          give_up();
        }
        versions.emplace_back(version(item));
      });
    });
  }

  ChartVersion version(const Node& node) {
    ChartVersion cv;
    mapping(node, [&](std::string_view key, const Node& v) {
      if (key == "name") cv.name = string(v);
      else if (key == "home") cv.home = string(v);
      else if (key == "sources") cv.sources = string_list(v);
      else if (key == "version") cv.version = string(v);
      else if (key == "description") cv.description = string(v);
      else if (key == "keywords") cv.keywords = string_list(v);
      else if (key == "maintainers") cv.maintainers = maintainers(v);
      else if (key == "icon") cv.icon = string(v);
      else if (key == "apiVersion") cv.api_version = string(v);
      else if (key == "condition") cv.condition = string(v);
      else if (key == "tags") cv.tags = string(v);
      else if (key == "appVersion") cv.app_version = string(v);
      else if (key == "deprecated") cv.deprecated = boolean(v, cv.deprecated);
      else if (key == "annotations") cv.annotations = string_map(v);
      else if (key == "kubeVersion") cv.kube_version = string(v);
      else if (key == "dependencies") cv.dependencies = dependencies(v);
      else if (key == "type") cv.type = string(v);
      else if (key == "urls") cv.urls = string_list(v);
      else if (key == "created") cv.created = string(v);
      else if (key == "removed") cv.removed = boolean(v, cv.removed);
      else if (key == "digest") cv.digest = string(v);
      else if (key == "checksum") cv.checksum = string(v);
      else if (key == "engine") cv.engine = string(v);
      else if (key == "tillerVersion") cv.tiller_version = string(v);
      else if (key == "url") cv.url = string(v);
      else give_up();
    });
    // The generic path refuses a created that is not an RFC 3339 time, with its own words.
    if (!cv.created.empty() && !normalize_rfc3339(cv.created))
      give_up();
    return cv;
  }

  std::vector<std::optional<IndexMaintainer>> maintainers(const Node& node) {
    std::vector<std::optional<IndexMaintainer>> out;
    sequence(node, [&](const Node& item) {
      if (item.kind != Node::Kind::Block) {
        Style style;
        std::string_view s = scalar(item, style);
        if (style == Style::Null || (style == Style::Plain && plain_type(s) == PlainType::Null)) {
          out.emplace_back();
          return;
        }
        give_up();
      }
      IndexMaintainer m;
      mapping(item, [&](std::string_view key, const Node& v) {
        if (key == "name") m.name = string(v);
        else if (key == "email") m.email = string(v);
        else if (key == "url") m.url = string(v);
        else give_up();
      });
      out.push_back(m);
    });
    return out;
  }

  std::vector<std::optional<IndexDependency>> dependencies(const Node& node) {
    std::vector<std::optional<IndexDependency>> out;
    sequence(node, [&](const Node& item) {
      if (item.kind != Node::Kind::Block) {
        Style style;
        std::string_view s = scalar(item, style);
        if (style == Style::Null || (style == Style::Plain && plain_type(s) == PlainType::Null)) {
          out.emplace_back();
          return;
        }
        give_up();
      }
      IndexDependency d;
      mapping(item, [&](std::string_view key, const Node& v) {
        if (key == "name") d.name = string(v);
        else if (key == "version") d.version = string(v);
        else if (key == "repository") d.repository = string(v);
        else if (key == "condition") d.condition = string(v);
        else if (key == "alias") d.alias = string(v);
        else if (key == "tags") d.tags = string_list(v);
        else if (key == "enabled") d.enabled = boolean(v, d.enabled);
        else if (key == "import-values") {
          if (!string_list(v).empty())
            give_up();  // import-values of any shape: the generic path
        } else give_up();
      });
      out.push_back(std::move(d));
    });
    return out;
  }

  std::string_view text_;
  IndexFile& index_;
  std::size_t pos_ = 0;
  bool join_next_ = false;
  bool escaped_tail_ = false;
};

}  // namespace

bool read_block_index(std::string_view text, IndexFile& index, RawEntries& entries) {
  if (!printable_stream(text))
    return false;
  try {
    Reader reader(text, index);
    reader.document(entries);
    return true;
  } catch (const GiveUp&) {
    return false;
  }
}

}  // namespace capstan::repo::detail
