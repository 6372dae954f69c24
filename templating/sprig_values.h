// Conversions Sprig's functions share: strval (a value as a string), strslice, empty, spf13/cast's
// ToInt/ToInt64/ToFloat64 as Sprig calls them, reflect's Kind names and DeepEqual, the panics
// of Go's runtime that templates report, and the random source (EngineOptions::random).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace capstan::templating {
class CallContext;
}

namespace capstan::templating::sprig {

// Sprig's strval: strings as they are, []byte as text, Stringers via String(), else %v.
std::string strval(const Value& v);
// Sprig's strslice: a list's non-nil items as strings; nil is []; anything else [strval(v)].
std::vector<std::string> strslice(const Value& v);
// Sprig's empty: the zero value of its type (nil, 0, "", false, empty list/map).
bool empty(const Value& v);
// spf13/cast 1.5 ToInt64 / ToInt / ToFloat64 (0 when the value does not convert).
std::int64_t to_int64(const Value& v);
inline std::int64_t to_int(const Value& v) {
  return to_int64(v);
}  // int is 64 bits
double to_float64(const Value& v);
// A []string value.
Value string_list(std::vector<std::string> items);
// A []interface {} value.
Value any_list(std::vector<Value> items);
// Go's int(f) for a float64 on amd64: out of range and NaN give the minimum int64.
std::int64_t float_to_int64(double f);

// The data of a value as reflect sees its kind: a named type's underlying data, else v itself.
const Value& data_of(const Value& v);
// reflect.Kind's String() of the dynamic value: "invalid" for nil, "int", "float64", "string",
// "slice", "map", "struct", "ptr", ...
std::string reflect_kind(const Value& v);
// Whether the value is a slice or array (Sprig's list functions accept those).
bool is_slice(const Value& v);
// The elements of a slice ([]byte gives uint8 values).
std::vector<Value> slice_items(const Value& v);
// reflect.DeepEqual: identical dynamic types and deeply equal contents.
bool deep_equal(const Value& a, const Value& b);

// base64.StdEncoding: EncodeToString, and DecodeString (Go's decodeQuantum loop: CR and LF are
// skipped, padding is required); nullopt with Go's CorruptInputError text on failure.
std::string base64_encode(std::string_view in);
std::optional<std::string> base64_decode(std::string_view in, std::string* error);

// Go runtime panic texts, as text/template reports a recovered panic.
std::string slice_bounds_error(std::int64_t low, std::int64_t high, std::int64_t len, bool has_low,
                               bool has_high);
inline constexpr std::string_view kNilDeref =
    "runtime error: invalid memory address or nil pointer dereference";

// The next random 64 bits from EngineOptions::random, or from OpenSSL's generator.
std::uint64_t random_u64(CallContext& ctx);
// A uniformly random integer in [0, n) (n > 0).
std::uint64_t random_below(CallContext& ctx, std::uint64_t n);
// n random bytes.
std::string random_bytes(CallContext& ctx, std::size_t n);

}  // namespace capstan::templating::sprig
