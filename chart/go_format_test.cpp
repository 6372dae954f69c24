// strings.TrimSpace and unicode.IsSpace as Go has them.
#include "chart/go_format.h"

#include <catch2/catch.hpp>

namespace capstan::chart {
namespace {

TEST_CASE("go_trim_space trims Unicode white space at both ends only", "[go_format]") {
  CHECK(go_trim_space("") == "");
  CHECK(go_trim_space(" \t\n\v\f\r") == "");
  CHECK(go_trim_space("  a b  ") == "a b");
  CHECK(go_trim_space("\xC2\xA0x\xE3\x80\x80") == "x");            // U+00A0, U+3000
  CHECK(go_trim_space("\xE2\x80\x83 x \xC2\x85") == "x");           // U+2003, U+0085
  CHECK(go_trim_space("x\xE2\x80\x8B") == "x\xE2\x80\x8B");         // U+200B is not a space
  CHECK(go_trim_space(" \xFF ") == "\xFF");                         // invalid bytes stay
  CHECK(go_trim_space("\x80\xC2\xA0") == "\x80");                   // a space after a stray byte
  CHECK(go_trim_space("\xE2\xC2\xA0") == "\xE2");                   // ... after a cut sequence
  CHECK(go_trim_space("a\n\n---\n b") == "a\n\n---\n b");
}

}  // namespace
}  // namespace capstan::chart
