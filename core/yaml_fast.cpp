// The fast reader of plain block YAML (see yaml_fast.h). Line by line: a block node is a
// mapping or sequence at some indentation; a value is a scalar on its line, a one-line flow
// collection, a block scalar, or a nested block on the following lines. Whatever falls outside
// that throws Bail, and parse_simple returns false.
#include "core/yaml_fast.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace capstan::yaml::detail {

namespace {

struct Bail {};

// libyaml reads only printable characters; the full parser reports the rest. Tabs, CR, the
// BOM and the Unicode line separators (NEL, LS, PS) are left to it too.
bool simple_characters(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) len = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) len = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) len = 4, cp = c & 0x07;
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff))) return false;
    if (cp < 0xa0 || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0x2028 || cp == 0x2029 ||
        cp == 0xfeff || cp == 0xfffe || cp == 0xffff) {
      return false;
    }
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Characters that may not start a plain scalar (or are left to the full parser).
bool plain_start_forbidden(char c) {
  switch (c) {
    case '-': case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#':
    case '&': case '*': case '!': case '|': case '>': case '\'': case '"': case '%': case '@':
    case '`':
      return true;
    default: return false;
  }
}

class Reader {
 public:
  Reader(std::string_view text, Document& doc) : text_(text), doc_(doc) {
    std::size_t from = 0;
    while (from < text.size()) {
      std::size_t nl = text.find('\n', from);
      const bool terminated = nl != std::string_view::npos;
      if (!terminated) nl = text.size();
      Line line{from, nl, 0, terminated, false};
      std::size_t i = from;
      while (i < nl && text[i] == ' ') ++i;
      line.indent = static_cast<int>(i - from);
      line.blank = i == nl || text[i] == '#';
      lines_.push_back(line);
      from = nl + 1;
    }
  }

  void run() {
    skip_blank();
    if (cur_ < lines_.size() && rest(lines_[cur_], 0).substr(0, 3) == "---") {
      const std::string_view r = rest(lines_[cur_], 0);
      if (lines_[cur_].indent != 0 || r.find_first_not_of(' ', 3) != std::string_view::npos) throw Bail{};
      ++cur_;
      skip_blank();
      if (cur_ >= lines_.size()) throw Bail{};  // an explicit empty document
    }
    // Later document markers: several documents are the full parser's business.
    for (std::size_t i = cur_; i < lines_.size(); ++i) {
      const std::string_view r = rest(lines_[i], 0);
      if (lines_[i].indent == 0 && (r.substr(0, 3) == "---" || r.substr(0, 3) == "...") &&
          (r.size() == 3 || r[3] == ' ')) {
        throw Bail{};
      }
    }
    if (cur_ >= lines_.size()) {
      doc_.root = -1;
      return;
    }
    doc_.root = block(lines_[cur_].indent);
    skip_blank();
    if (cur_ < lines_.size()) throw Bail{};  // something left at a smaller indentation
  }

 private:
  struct Line {
    std::size_t begin, end;  // end: before the '\n'
    int indent;
    bool terminated;  // ends with '\n'
    bool blank;       // empty, spaces only, or a comment
  };

  std::string_view rest(const Line& l, std::size_t col) const {
    return text_.substr(l.begin + col, l.end - l.begin - col);
  }

  void skip_blank() {
    while (cur_ < lines_.size() && lines_[cur_].blank) ++cur_;
  }

  std::int32_t add(Node n) {
    // Deep nesting (and its limit errors) is the full parser's: keep this one's recursion short.
    if (n.kind != Node::Kind::Scalar && depth_ > 48) throw Bail{};
    doc_.nodes.push_back(std::move(n));
    return static_cast<std::int32_t>(doc_.nodes.size() - 1);
  }

  Node make(Node::Kind kind, std::size_t line, std::size_t col) const {
    Node n;
    n.kind = kind;
    n.line = static_cast<int>(line);
    n.column = static_cast<int>(col);
    n.pos = static_cast<int>(lines_[line].begin + col);
    return n;
  }

  std::int32_t scalar(std::string value, bool plain, std::size_t line, std::size_t col) {
    Node n = make(Node::Kind::Scalar, line, col);
    n.plain = plain;
    n.value = std::move(value);
    return add(std::move(n));
  }

  static bool is_dash_item(std::string_view r) { return !r.empty() && r[0] == '-' && (r.size() == 1 || r[1] == ' '); }

  // A mapping or a sequence starting at the current line, whose indentation is `indent`.
  std::int32_t block(int indent) {
    const Line& l = lines_[cur_];
    if (l.indent != indent) throw Bail{};
    Depth d(depth_);
    if (is_dash_item(rest(l, indent))) return sequence(indent);
    return mapping(indent);
  }

  struct Depth {
    explicit Depth(int& d) : d_(d) { ++d_; }
    ~Depth() { --d_; }
    int& d_;
  };

  // After a key or a dash whose value is not on its line: a nested block, a sequence at the
  // key's own indentation (allowed for mapping values), or null.
  std::int32_t value_below(int parent_indent, bool in_mapping, std::size_t line, std::size_t col) {
    ++cur_;
    skip_blank();
    if (cur_ < lines_.size()) {
      const Line& next = lines_[cur_];
      if (next.indent > parent_indent) return block(next.indent);
      if (in_mapping && next.indent == parent_indent && is_dash_item(rest(next, next.indent))) {
        return sequence(parent_indent);
      }
    }
    return scalar("", true, line, col);
  }

  // Where a key ends on line `l` from column `col`: the column after its ':' (npos: no key).
  std::size_t key_end(const Line& l, std::size_t col, std::string& key, bool& quoted) const {
    const std::string_view r = rest(l, col);
    std::size_t i = 0;
    quoted = false;
    if (!r.empty() && (r[0] == '"' || r[0] == '\'')) {
      i = quoted_scalar(r, 0, key);
      quoted = true;
      while (i < r.size() && r[i] == ' ') ++i;
      if (i < r.size() && r[i] == ':' && (i + 1 == r.size() || r[i + 1] == ' ')) return col + i + 1;
      return std::string_view::npos;
    }
    if (r.empty() || (plain_start_forbidden(r[0]) && !(r[0] == '-' && r.size() > 1 && r[1] != ' '))) {
      return std::string_view::npos;
    }
    for (; i < r.size(); ++i) {
      if (r[i] == ':' && (i + 1 == r.size() || r[i + 1] == ' ')) {
        std::size_t e = i;
        while (e > 0 && r[e - 1] == ' ') --e;
        if (e > 1000) throw Bail{};  // libyaml's limit on simple keys
        key.assign(r.substr(0, e));
        return col + i + 1;
      }
      if (r[i] == '#' && i > 0 && r[i - 1] == ' ') return std::string_view::npos;
    }
    return std::string_view::npos;
  }

  std::int32_t mapping(int col) {
    const std::size_t first = cur_;
    const std::int32_t index = add(make(Node::Kind::Mapping, first, static_cast<std::size_t>(col)));
    bool mid_line = lines_[cur_].indent != col;  // the first entry follows "- " on its line
    while (cur_ < lines_.size()) {
      const Line& l = lines_[cur_];
      if (!mid_line && l.indent != col) {
        if (l.indent > col) throw Bail{};
        break;
      }
      if (!mid_line && is_dash_item(rest(l, static_cast<std::size_t>(col)))) throw Bail{};
      mid_line = false;
      std::string key;
      bool quoted;
      const std::size_t after = key_end(l, static_cast<std::size_t>(col), key, quoted);
      if (after == std::string_view::npos) throw Bail{};
      const std::int32_t k = scalar(std::move(key), !quoted, cur_, static_cast<std::size_t>(col));
      const std::int32_t v = value(after, col, true);
      doc_.nodes[static_cast<std::size_t>(index)].children.push_back(k);
      doc_.nodes[static_cast<std::size_t>(index)].children.push_back(v);
      skip_blank();
    }
    return index;
  }

  std::int32_t sequence(int col) {
    const std::int32_t index = add(make(Node::Kind::Sequence, cur_, static_cast<std::size_t>(col)));
    while (cur_ < lines_.size()) {
      const Line& l = lines_[cur_];
      if (l.indent != col || !is_dash_item(rest(l, static_cast<std::size_t>(col)))) {
        if (l.indent > col) throw Bail{};
        break;
      }
      std::size_t at = static_cast<std::size_t>(col) + 1;
      while (l.begin + at < l.end && text_[l.begin + at] == ' ') ++at;
      const std::string_view r = rest(l, at);
      std::int32_t item;
      if (r.empty() || r[0] == '#') {
        item = value_below(col, false, cur_, at);
      } else if (is_dash_item(r)) {
        throw Bail{};  // "- - a": nested compact sequences
      } else {
        std::string key;
        bool quoted;
        if (key_end(l, at, key, quoted) != std::string_view::npos) {
          Depth d(depth_);
          item = mapping(static_cast<int>(at));
        } else {
          item = value(at, col, false);
        }
      }
      doc_.nodes[static_cast<std::size_t>(index)].children.push_back(item);
      skip_blank();
    }
    return index;
  }

  // The value after a key's ':' or a dash, from column `at` of the current line, in a block
  // whose indentation is `parent`. Leaves cur_ after the value's last line.
  std::int32_t value(std::size_t at, int parent, bool in_mapping) {
    const Line& l = lines_[cur_];
    while (l.begin + at < l.end && text_[l.begin + at] == ' ') ++at;
    const std::string_view r = rest(l, at);
    const std::size_t line = cur_;
    if (r.empty() || r[0] == '#') return value_below(parent, in_mapping, line, at);
    std::int32_t node;
    std::size_t end;  // where the line's value ends
    switch (r[0]) {
      case '|':
      case '>': return block_scalar(r, parent, line, at);
      case '[':
      case '{':
        end = 0;
        node = flow(r, end);
        break;
      case '"':
      case '\'': {
        std::string s;
        end = quoted_scalar(r, 0, s);
        node = scalar(std::move(s), false, line, at);
        std::size_t i = end;
        while (i < r.size() && r[i] == ' ') ++i;
        if (i < r.size() && r[i] == ':') throw Bail{};  // a key after a key
        break;
      }
      default: {
        if (plain_start_forbidden(r[0]) && !(r[0] == '-' && r.size() > 1 && r[1] != ' ')) throw Bail{};
        std::size_t e = r.size();
        for (std::size_t i = 0; i < r.size(); ++i) {
          if (r[i] == '#' && i > 0 && r[i - 1] == ' ') {
            e = i;
            break;
          }
          if (r[i] == ':' && (i + 1 == r.size() || r[i + 1] == ' ')) throw Bail{};
        }
        while (e > 0 && r[e - 1] == ' ') --e;
        node = scalar(std::string(r.substr(0, e)), true, line, at);
        end = r.size();
        // A more indented line after a plain scalar continues it: the full parser folds it.
        std::size_t next = cur_ + 1;
        while (next < lines_.size() && lines_[next].blank) ++next;
        if (next < lines_.size() && lines_[next].indent > parent) throw Bail{};
        break;
      }
    }
    // Only spaces or a comment may follow on the line.
    std::size_t i = end;
    while (i < r.size() && r[i] == ' ') ++i;
    if (i < r.size() && !(r[i] == '#' && i > end)) throw Bail{};
    ++cur_;
    return node;
  }

  // A quoted scalar starting at r[i] (a quote) on one line: its text, and the index after it.
  static std::size_t quoted_scalar(std::string_view r, std::size_t i, std::string& out) {
    const char q = r[i++];
    out.clear();
    while (true) {
      if (i >= r.size()) throw Bail{};  // continues on the next line
      const char c = r[i];
      if (q == '\'') {
        if (c == '\'') {
          if (i + 1 < r.size() && r[i + 1] == '\'') {
            out += '\'';
            i += 2;
            continue;
          }
          return i + 1;
        }
        out += c;
        ++i;
        continue;
      }
      if (c == '"') return i + 1;
      if (c != '\\') {
        out += c;
        ++i;
        continue;
      }
      if (i + 1 >= r.size()) throw Bail{};  // an escaped line break
      const char e = r[i + 1];
      i += 2;
      switch (e) {
        case '0': out += '\0'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'v': out += '\v'; break;
        case 'f': out += '\f'; break;
        case 'r': out += '\r'; break;
        case 'e': out += '\x1b'; break;
        case ' ': out += ' '; break;
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case 'N': append_utf8(out, 0x85); break;
        case '_': append_utf8(out, 0xa0); break;
        case 'L': append_utf8(out, 0x2028); break;
        case 'P': append_utf8(out, 0x2029); break;
        case 'x':
        case 'u':
        case 'U': {
          const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits > r.size()) throw Bail{};
          std::uint32_t cp = 0;
          for (std::size_t k = 0; k < digits; ++k) {
            const int d = hex_digit(r[i + k]);
            if (d < 0) throw Bail{};
            cp = cp * 16 + static_cast<std::uint32_t>(d);
          }
          if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) throw Bail{};
          append_utf8(out, cp);
          i += digits;
          break;
        }
        default: throw Bail{};  // "\/" and unknown escapes: the full parser's wording
      }
    }
  }

  // A flow collection or scalar inside one, starting at r[i]; `i` ends after it.
  std::int32_t flow(std::string_view r, std::size_t& i) {
    while (i < r.size() && r[i] == ' ') ++i;
    if (i >= r.size()) throw Bail{};
    const std::size_t line = cur_;
    const std::size_t col = (r.data() - text_.data()) - lines_[cur_].begin + i;
    const char c = r[i];
    if (c == '[' || c == '{') {
      Depth d(depth_);
      const bool map = c == '{';
      const std::int32_t index = add(make(map ? Node::Kind::Mapping : Node::Kind::Sequence, line, col));
      ++i;
      while (i < r.size() && r[i] == ' ') ++i;
      if (i < r.size() && r[i] == (map ? '}' : ']')) {
        ++i;
        return index;
      }
      while (true) {
        const std::int32_t first = flow(r, i);
        doc_.nodes[static_cast<std::size_t>(index)].children.push_back(first);
        while (i < r.size() && r[i] == ' ') ++i;
        if (map) {
          if (i + 1 >= r.size() || r[i] != ':' || r[i + 1] != ' ') throw Bail{};
          i += 2;
          const std::int32_t v = flow(r, i);
          doc_.nodes[static_cast<std::size_t>(index)].children.push_back(v);
          while (i < r.size() && r[i] == ' ') ++i;
        }
        if (i >= r.size()) throw Bail{};  // continues on the next line
        if (r[i] == ',') {
          ++i;
          while (i < r.size() && r[i] == ' ') ++i;
          if (i < r.size() && (r[i] == ']' || r[i] == '}')) throw Bail{};  // trailing comma
          continue;
        }
        if (r[i] != (map ? '}' : ']')) throw Bail{};
        ++i;
        return index;
      }
    }
    if (c == '"' || c == '\'') {
      std::string s;
      i = quoted_scalar(r, i, s);
      return scalar(std::move(s), false, line, col);
    }
    if (plain_start_forbidden(c) && !(c == '-' && i + 1 < r.size() && r[i + 1] != ' ' && r[i + 1] != ',')) {
      throw Bail{};
    }
    const std::size_t start = i;
    while (i < r.size()) {
      const char d = r[i];
      if (d == ',' || d == ']' || d == '}') break;
      if (d == '[' || d == '{' || d == '?') throw Bail{};  // '?' ends it for libyaml
      if (d == ':' && (i + 1 == r.size() || r[i + 1] == ' ' || r[i + 1] == ',' || r[i + 1] == ']' ||
                       r[i + 1] == '}')) {
        break;
      }
      if (d == '#' && r[i - 1] == ' ') throw Bail{};
      ++i;
    }
    std::size_t e = i;
    while (e > start && r[e - 1] == ' ') --e;
    if (e == start) throw Bail{};
    return scalar(std::string(r.substr(start, e - start)), true, line, col);
  }

  // A literal (|) or folded (>) block scalar whose header is r, in a block indented `parent`.
  std::int32_t block_scalar(std::string_view r, int parent, std::size_t line, std::size_t col) {
    const bool literal = r[0] == '|';
    char chomp = 'c';
    std::size_t i = 1;
    if (i < r.size() && (r[i] == '-' || r[i] == '+')) chomp = r[i++];
    if (i < r.size() && r[i] != ' ') throw Bail{};  // indentation indicators and the like
    while (i < r.size() && r[i] == ' ') ++i;
    if (i < r.size() && r[i] != '#') throw Bail{};
    if (!lines_[cur_].terminated) throw Bail{};
    // Leading empty lines, then the content's indentation from its first line.
    std::size_t k = cur_ + 1;
    std::size_t leading = 0;
    while (k < lines_.size() && lines_[k].end == lines_[k].begin) ++k, ++leading;
    if (k >= lines_.size()) throw Bail{};
    const int indent = lines_[k].indent;
    if (indent <= parent || lines_[k].begin + static_cast<std::size_t>(indent) == lines_[k].end) throw Bail{};
    std::vector<std::string_view> content;  // lines without the indentation; "" for empty ones
    std::size_t last = k;                   // the last line holding text
    for (; k < lines_.size(); ++k) {
      const Line& l = lines_[k];
      const bool spaces_only = l.begin + static_cast<std::size_t>(l.indent) == l.end;
      if (!spaces_only && l.indent < indent) break;
      if (spaces_only && l.indent <= indent) {
        content.emplace_back();
        continue;
      }
      if (!literal && (l.indent > indent)) throw Bail{};  // folding of more indented lines
      content.push_back(rest(l, static_cast<std::size_t>(indent)));
      last = k;
    }
    // Lines after the last text line are trailing empty lines (chomping decides).
    const std::size_t texts = content.size() - (k - 1 - last);
    if (!lines_[last].terminated) throw Bail{};
    // Trailing empty lines (spaces up to the indentation at most) only matter when kept.
    if (chomp == '+' && texts < content.size()) throw Bail{};
    std::string value(leading, '\n');
    for (std::size_t t = 0; t < texts; ++t) {
      if (literal) {
        if (t > 0) value += '\n';
        value.append(content[t]);
        continue;
      }
      if (t == 0) {
        value.append(content[t]);
        continue;
      }
      if (content[t].empty()) {
        value += '\n';
        continue;
      }
      // A break between two text lines folds to a space; after empty lines it is dropped.
      if (!content[t - 1].empty()) value += ' ';
      value.append(content[t]);
    }
    if (chomp != '-') value += '\n';
    cur_ = last + 1;
    return scalar(std::move(value), false, line, col);
  }

  std::string_view text_;
  Document& doc_;
  std::vector<Line> lines_;
  std::size_t cur_ = 0;
  int depth_ = 0;
};

}  // namespace

bool parse_simple(std::string_view text, Document& doc) {
  if (!simple_characters(text)) return false;
  doc = Document{};
  // About one node a line, two for "key: value": reserving for one spares most of the
  // vector's regrowth, each of which moves every node built so far.
  doc.nodes.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  try {
    Reader(text, doc).run();
    return true;
  } catch (const Bail&) {
    return false;
  }
}

}  // namespace capstan::yaml::detail
