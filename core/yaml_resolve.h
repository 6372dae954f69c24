// gopkg.in/yaml.v2's resolve.go: what a YAML 1.1 scalar means given its tag. The decoder uses
// it to type scalars, the encoder to decide which strings must be quoted. Internal to core/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace capstan::yaml::detail {

// The tags yaml.v2 knows, in its long form "tag:yaml.org,2002:str". None is the empty tag of
// an untagged plain scalar; Other is any tag yaml.v2 does not resolve (custom or !!set...).
enum class Tag : std::uint8_t {
  None,
  Str,
  Bool,
  Int,
  Float,
  Null,
  Timestamp,
  Binary,
  Merge,
  Map,
  Seq,
  Other
};

Tag tag_from_long(std::string_view tag);
// "!!str", as yaml.v2's shortTag prints a tag in messages (a custom tag prints as is).
std::string short_tag(Tag tag, std::string_view long_tag = {});

// The Go value resolve() returns: int, uint64 (ints beyond int64), float64, bool, nil or
// the string itself.
struct Resolved {
  Tag tag = Tag::Str;
  enum class Type : std::uint8_t { Null, Bool, Int, Uint, Float, String } type = Type::String;
  bool b = false;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double f = 0;
};

// resolve(tag, in) without its final tag check: for resolvable tags (None, Str, Bool, Int,
// Float, Null, Timestamp) the value `in` stands for, for any other tag the string itself.
Resolved resolve(Tag tag, std::string_view in);

// Whether a timestamp-looking string parses as yaml.v2's parseTimestamp accepts it (Go's
// time.Parse with "2006-1-2T15:4:5.999999999Z07:00", the same with 't', "2006-1-2
// 15:4:5.999999999" and "2006-1-2").
bool parse_timestamp(std::string_view s);

// YAML 1.1 base 60 floats ("1:20", "-3:25:45.5"), which yaml.v2 quotes on output.
bool is_base60_float(std::string_view s);

// strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64): decimal, 0x, 0o, 0b and leading-0 octal.
enum class NumResult : std::uint8_t { Ok, Syntax, Range };
NumResult parse_go_int(std::string_view s, int base, std::int64_t& out);
NumResult parse_go_uint(std::string_view s, int base, std::uint64_t& out);

}  // namespace capstan::yaml::detail
