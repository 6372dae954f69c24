// The functions the template generator calls, with the kinds of arguments they expect, and
// pools of literals of each kind (format strings, regexps, versions, dates, JSON/YAML/TOML
// texts, URLs, paths, globs, durations).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_rng.h"

namespace capstan::fuzz {

// Argument and result kinds. Text kinds are strings drawn from a pool that makes the call
// meaningful (a regexp for regexMatch, a layout for date).
enum class Ty : std::uint8_t {
  Any, Str, Int, SmallInt, Float, Num, Bool, Map, List, StrList, Coll, Regex, Format, Version,
  Constraint, DateFmt, Zone, Time, Json, Yaml, Toml, B64, B32, Url, Path, Key, TplName, TplText,
  Duration, Glob, PwType, KeyType, Object,
  Epoch,  // a time.Time or Unix seconds (date, dateInZone take interface {})
};

Ty ty_of_code(char code);

// Coarse categories for matching a result to a parameter.
enum class Cat : std::uint8_t { Any, Str, Int, Float, Bool, Map, List, Time, Object };
Cat cat_of(Ty t);
// Whether a value of category `have` fits a parameter of kind `want` (interface {} takes all).
bool fits(Ty want, Cat have);

struct FnSpec {
  const char* name;
  const char* params;  // one code per parameter (see ty_of_code); '*' repeats the previous one
  char result;
  int weight;
  // Parameters as kinds, and whether the last one repeats.
  std::vector<Ty> param_types() const;
  bool variadic() const;
};

const std::vector<FnSpec>& function_table();

// Careful cases draw only valid texts and small positive integers (no divisions by zero,
// negative counts or broken regexps).
void set_careful_literals(bool careful);

// A literal of a text kind, written as a template string literal (quoted), or a number/bool
// literal for the others.
std::string literal_of(Rng& rng, Ty t);
// Go template number literals of every form.
std::string int_literal(Rng& rng, bool small);
std::string float_literal(Rng& rng);
std::string string_literal(Rng& rng);
// A fmt format string with `args` verbs (sometimes fewer or more).
std::string format_string(Rng& rng, int args);

}  // namespace capstan::fuzz
