// Go's filepath.Match (the cases of Go 1.19's path/filepath/match_test.go).
#include "chart/path_match.h"

#include <catch2/catch.hpp>


namespace {

using capstan::chart::MatchResult;
using capstan::chart::path_match;

struct MatchCase {
  const char* pattern;
  const char* name;
  MatchResult want;
};

constexpr MatchResult kYes = MatchResult::Match;
constexpr MatchResult kNo = MatchResult::NoMatch;
constexpr MatchResult kBad = MatchResult::BadPattern;

TEST_CASE("path_match: Go's filepath.Match test table") {
  const MatchCase cases[] = {
      {"abc", "abc", kYes},
      {"*", "abc", kYes},
      {"*c", "abc", kYes},
      {"a*", "a", kYes},
      {"a*", "abc", kYes},
      {"a*", "ab/c", kNo},
      {"a*/b", "abc/b", kYes},
      {"a*/b", "a/c/b", kNo},
      {"a*b*c*d*e*/f", "axbxcxdxe/f", kYes},
      {"a*b*c*d*e*/f", "axbxcxdxexxx/f", kYes},
      {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f", kNo},
      {"a*b*c*d*e*/f", "axbxcxdxexxx/fff", kNo},
      {"a*b?c*x", "abxbbxdbxebxczzx", kYes},
      {"a*b?c*x", "abxbbxdbxebxczzy", kNo},
      {"ab[c]", "abc", kYes},
      {"ab[b-d]", "abc", kYes},
      {"ab[e-g]", "abc", kNo},
      {"ab[^c]", "abc", kNo},
      {"ab[^b-d]", "abc", kNo},
      {"ab[^e-g]", "abc", kYes},
      {"a\\*b", "a*b", kYes},
      {"a\\*b", "ab", kNo},
      {"a?b", "a☺b", kYes},
      {"a[^a]b", "a☺b", kYes},
      {"a???b", "a☺b", kNo},
      {"a[^a][^a][^a]b", "a☺b", kNo},
      {"[a-ζ]*", "α", kYes},
      {"*[a-ζ]", "A", kNo},
      {"a?b", "a/b", kNo},
      {"a*b", "a/b", kNo},
      {"[\\]a]", "]", kYes},
      {"[\\-]", "-", kYes},
      {"[x\\-]", "x", kYes},
      {"[x\\-]", "-", kYes},
      {"[x\\-]", "z", kNo},
      {"[\\-x]", "x", kYes},
      {"[\\-x]", "-", kYes},
      {"[\\-x]", "a", kNo},
      {"[]a]", "]", kBad},
      {"[-]", "-", kBad},
      {"[x-]", "x", kBad},
      {"[x-]", "-", kBad},
      {"[x-]", "z", kBad},
      {"[-x]", "x", kBad},
      {"[-x]", "-", kBad},
      {"[-x]", "a", kBad},
      {"\\", "a", kBad},
      {"[a-b-c]", "a", kBad},
      {"[", "a", kBad},
      {"[^", "a", kBad},
      {"[^bc", "a", kBad},
      {"a[", "a", kBad},
      {"a[", "ab", kBad},
      {"*x", "xxx", kYes},
  };
  for (const MatchCase& c : cases) {
    INFO(c.pattern << " ~ " << c.name);
    CHECK(path_match(c.pattern, c.name) == c.want);
  }
}

}  // namespace
