// Go's regexp package over RE2 (whose syntax and leftmost-first semantics Go's regexp shares):
// compile errors worded as Go's regexp/syntax words them, and Go's own loops for FindAll
// (empty matches next to a previous match are dropped), ReplaceAll (with Go's Expand rules for
// $1, ${name} and $$), Split, and QuoteMeta.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace capstan::templating::goregexp {

// A pattern that failed to compile: "error parsing regexp: missing closing ): `a(b`".
class SyntaxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Regexp {
 public:
  // regexp.Compile. Throws SyntaxError.
  explicit Regexp(std::string_view expr);
  ~Regexp();
  Regexp(Regexp&&) noexcept;
  Regexp& operator=(Regexp&&) noexcept;

  bool match(std::string_view s) const;        // MatchString
  std::string find(std::string_view s) const;  // FindString
  // FindAllString; nullopt where Go returns a nil slice (no match, or n == 0).
  std::optional<std::vector<std::string>> find_all(std::string_view s, std::int64_t n) const;
  std::string replace_all(std::string_view src, std::string_view repl) const;  // ReplaceAllString
  std::string replace_all_literal(std::string_view src,
                                  std::string_view repl) const;  // ReplaceAllLiteralString
  // Split; nullopt for n == 0 (Go's nil).
  std::optional<std::vector<std::string>> split(std::string_view s, std::int64_t n) const;

 private:
  // doExecute at pos: the submatch offsets ([2*i], [2*i+1]; -1 when unmatched), or empty.
  std::vector<std::ptrdiff_t> execute(std::string_view s, std::size_t pos, int ncap) const;
  std::vector<std::pair<std::size_t, std::size_t>> all_matches(std::string_view s,
                                                               std::int64_t n) const;
  template <typename Repl>
  std::string replace(std::string_view src, int ncap, Repl repl) const;

  // Go reads each byte of invalid UTF-8 as one U+FFFD rune; RE2 matches no invalid bytes. Such
  // input is searched as a copy with each bad byte replaced by U+FFFD, offsets mapped back.
  struct Mapped {
    std::string_view source;  // the input this mapping was made for (data and size)
    bool valid = true;
    std::string text;
    std::vector<std::size_t> to_source;  // text offset -> source offset
    std::vector<std::size_t> to_text;    // source offset -> text offset
  };
  const Mapped& mapped(std::string_view s) const;

  std::string expr_;
  std::unique_ptr<re2::RE2> re_;
  mutable Mapped mapped_;
  std::vector<std::string> subexp_names_;  // index 0 is the whole match ("")
};

// regexp.QuoteMeta.
std::string quote_meta(std::string_view s);

}  // namespace capstan::templating::goregexp
