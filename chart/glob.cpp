// A small backtracking matcher for gobwas/glob's syntax (see glob.h).
#include "chart/glob.h"

#include <vector>

#include "core/strconv.h"

namespace capstan::chart {

struct Glob::Node {
  enum class Kind { Sequence, Literal, Any, Super, Single, Class, Alternatives };
  Kind kind = Kind::Sequence;
  std::u32string text;                                // Literal
  std::vector<std::pair<char32_t, char32_t>> ranges;  // Class
  bool negated = false;                               // Class
  std::vector<std::unique_ptr<Node>> items;           // Sequence parts, Alternatives branches
};

namespace {

using Node = Glob::Node;

struct BadGlob {};

std::u32string decode(std::string_view s) {
  std::u32string out;
  while (!s.empty()) {
    strconv::DecodedRune r = strconv::decode_rune(s);
    out.push_back(static_cast<char32_t>(r.rune));
    s.remove_prefix(static_cast<std::size_t>(r.width));
  }
  return out;
}

class Parser {
 public:
  explicit Parser(std::u32string p) : p_(std::move(p)) {}

  std::unique_ptr<Node> parse() {
    auto seq = sequence(false);
    if (i_ != p_.size())
      throw BadGlob{};
    return seq;
  }

 private:
  // A sequence up to the end, or (inside braces) up to ',' or '}'.
  std::unique_ptr<Node> sequence(bool in_braces) {
    auto seq = std::make_unique<Node>();
    while (i_ < p_.size()) {
      char32_t c = p_[i_];
      if (in_braces && (c == ',' || c == '}'))
        break;
      if (c == '*') {
        auto n = std::make_unique<Node>();
        if (i_ + 1 < p_.size() && p_[i_ + 1] == '*') {
          n->kind = Node::Kind::Super;
          i_ += 2;
        } else {
          n->kind = Node::Kind::Any;
          ++i_;
        }
        seq->items.push_back(std::move(n));
      } else if (c == '?') {
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::Single;
        ++i_;
        seq->items.push_back(std::move(n));
      } else if (c == '[') {
        seq->items.push_back(char_class());
      } else if (c == '{') {
        seq->items.push_back(alternatives());
      } else {
        if (c == '\\') {
          if (++i_ >= p_.size())
            throw BadGlob{};
          c = p_[i_];
        }
        ++i_;
        if (seq->items.empty() || seq->items.back()->kind != Node::Kind::Literal) {
          auto n = std::make_unique<Node>();
          n->kind = Node::Kind::Literal;
          seq->items.push_back(std::move(n));
        }
        seq->items.back()->text.push_back(c);
      }
    }
    return seq;
  }

  std::unique_ptr<Node> char_class() {
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::Class;
    ++i_;  // '['
    if (i_ < p_.size() && p_[i_] == '!') {
      n->negated = true;
      ++i_;
    }
    while (true) {
      if (i_ >= p_.size())
        throw BadGlob{};
      if (p_[i_] == ']') {
        ++i_;
        break;
      }
      char32_t lo = p_[i_++];
      char32_t hi = lo;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        hi = p_[i_ + 1];
        i_ += 2;
        if (hi < lo)
          throw BadGlob{};
      }
      n->ranges.emplace_back(lo, hi);
    }
    if (n->ranges.empty())
      throw BadGlob{};
    return n;
  }

  std::unique_ptr<Node> alternatives() {
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::Alternatives;
    ++i_;  // '{'
    while (true) {
      n->items.push_back(sequence(true));
      if (i_ >= p_.size())
        throw BadGlob{};
      if (p_[i_++] == '}')
        break;
    }
    return n;
  }

  std::u32string p_;
  std::size_t i_ = 0;
};

// Whether items[k..] followed by `rest` match s[at..] entirely.
bool match_seq(const std::vector<const Node*>& items, std::size_t k, const std::u32string& s,
               std::size_t at);

// Expands alternatives and nested sequences into a flat list, then matches.
bool match_flat(std::vector<const Node*> items, const std::u32string& s, std::size_t at) {
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Node* n = items[k];
    if (n->kind == Node::Kind::Sequence) {
      std::vector<const Node*> expanded(items.begin(), items.begin() + static_cast<long>(k));
      for (const auto& item : n->items) expanded.push_back(item.get());
      expanded.insert(expanded.end(), items.begin() + static_cast<long>(k) + 1, items.end());
      return match_flat(std::move(expanded), s, at);
    }
    if (n->kind == Node::Kind::Alternatives) {
      for (const auto& branch : n->items) {
        std::vector<const Node*> expanded(items.begin(), items.begin() + static_cast<long>(k));
        expanded.push_back(branch.get());
        expanded.insert(expanded.end(), items.begin() + static_cast<long>(k) + 1, items.end());
        if (match_flat(std::move(expanded), s, at))
          return true;
      }
      return false;
    }
  }
  return match_seq(items, 0, s, at);
}

bool match_seq(const std::vector<const Node*>& items, std::size_t k, const std::u32string& s,
               std::size_t at) {
  if (k == items.size())
    return at == s.size();
  const Node* n = items[k];
  switch (n->kind) {
    case Node::Kind::Literal:
      if (s.compare(at, n->text.size(), n->text) != 0)
        return false;
      return match_seq(items, k + 1, s, at + n->text.size());
    case Node::Kind::Single:
      if (at >= s.size() || s[at] == '/')
        return false;
      return match_seq(items, k + 1, s, at + 1);
    case Node::Kind::Class: {
      if (at >= s.size())
        return false;
      bool in = false;
      for (const auto& [lo, hi] : n->ranges) in = in || (s[at] >= lo && s[at] <= hi);
      if (in == n->negated)
        return false;
      return match_seq(items, k + 1, s, at + 1);
    }
    case Node::Kind::Any:
    case Node::Kind::Super:
      for (std::size_t end = at;; ++end) {
        if (match_seq(items, k + 1, s, end))
          return true;
        if (end >= s.size())
          return false;
        if (n->kind == Node::Kind::Any && s[end] == '/')
          return false;
      }
    default:
      return false;
  }
}

}  // namespace

Glob::Glob(std::string_view pattern) {
  try {
    root_ = Parser(decode(pattern)).parse();
  } catch (const BadGlob&) {
    root_ = Parser(U"**").parse();
  }
}

Glob::~Glob() = default;
Glob::Glob(Glob&&) noexcept = default;
Glob& Glob::operator=(Glob&&) noexcept = default;

bool Glob::match(std::string_view name) const {
  return match_flat({root_.get()}, decode(name), 0);
}

}  // namespace capstan::chart
