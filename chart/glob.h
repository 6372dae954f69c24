// gobwas/glob patterns with '/' as the separator, as .Files.Glob compiles them: '*' (no '/'),
// '**' (anything), '?' (one non-'/' character), '[abc]', '[a-z]', '[!...]', '{a,b}' and '\'
// escapes.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace capstan::chart {

class Glob {
 public:
  // glob.Compile(pattern, '/'); a pattern that does not compile matches everything, as Helm
  // falls back to "**".
  explicit Glob(std::string_view pattern);
  ~Glob();
  Glob(Glob&&) noexcept;
  Glob& operator=(Glob&&) noexcept;

  bool match(std::string_view name) const;

  struct Node;  // the parsed pattern (glob.cpp)

 private:
  std::unique_ptr<Node> root_;
};

}  // namespace capstan::chart
