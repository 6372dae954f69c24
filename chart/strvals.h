// Helm's strvals: the grammar of --set, --set-string, --set-json, --set-file and --set-literal
// (pkg/strvals/parser.go, literal_parser.go), applied to a values map in place.
//
//   a.b=c        nests maps            a[0].b=c   indexes lists (index <= 65536)
//   a={x,y}      a list                a\.b=c     '\' escapes the next character
//   a=1,b=true   several assignments   --set types: int64, bool, null; the rest strings
//
// Keys may nest 30 levels at most (CVE-2022-23524) and list indexes are bounded (CVE-2022-36055).
// Errors carry Helm's wording ("key \"a\" has no value"); callers add the flag context.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace capstan::chart::strvals {

inline constexpr int kMaxIndex = 65536;
inline constexpr int kMaxNestedNameLevel = 30;

// Reads the file a --set-file value names; throws capstan::Error worded as Go's os errors.
using FileReader = std::function<std::string(const std::string& path)>;

// --set: values typed as Helm types them (see typed_value).
void parse_into(std::string_view text, Value& dest);
// --set-string: every value a string.
void parse_into_string(std::string_view text, Value& dest);
// --set-json: each value is one JSON document (numbers decode as float64).
void parse_json(std::string_view text, Value& dest);
// --set-file: each value names a file whose content becomes the (string) value.
void parse_into_file(std::string_view text, Value& dest, const FileReader& read);
// --set-literal: the value is everything after the key's '=', verbatim.
void parse_literal_into(std::string_view text, Value& dest);

// A fresh map from one --set / --set-string argument (Helm's Parse, ParseString).
Value parse(std::string_view text);
Value parse_string(std::string_view text);

// How --set types a value: true/false/null in any case, "0", and base-10 int64 without a
// leading zero; anything else stays a string.
Value typed_value(std::string_view text);

}  // namespace capstan::chart::strvals
