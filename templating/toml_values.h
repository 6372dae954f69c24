// The TOML parser's conversions of primitive items into Go values (BurntSushi/toml v1.6.0
// parse.go: valueInteger, valueFloat, valueDatetime, replaceEscapes, stripEscapedNewlines).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace capstan::templating::toml::detail {

// A parse error at the item being converted (panicItemf / panicErr): the parser adds the
// item's line and the last key.
struct ItemError {
  std::string message;
};

// writeQuoted: a basic string with Go's dblQuotedReplacer escapes (\" \\ \b \t \n \f \r and
// \u00XX for the other control bytes and DEL); other bytes pass through.
std::string quote(std::string_view s);
// Key.maybeQuoted: a key part bare when it can be ([A-Za-z0-9_-]+), else quoted; "" for empty.
std::string maybe_quoted(std::string_view part);
// Key.String(): the parts, maybe quoted, joined by '.'.
std::string key_string(const std::vector<std::string>& key);

// Basic strings: the escapes replaced (\b \t \n \f \r \e \" \\ \xHH \uHHHH \UHHHHHHHH).
std::string replace_escapes(std::string_view s);
// Multi-line basic strings: whitespace after a line-ending backslash removed.
std::string strip_escaped_newlines(std::string_view s);
// Multi-line strings: a newline right after the opening delimiter dropped.
std::string_view strip_first_newline(std::string_view s);

// int64 (decimal, 0x, 0o, 0b, underscores between digits).
Value integer(std::string_view val);
// float64 (inf, nan with their signs).
Value floating(std::string_view val);
// time.Time: offset datetimes in Local (or a fixed zone of their offset), local datetimes,
// dates and times in the library's "datetime-local", "date-local", "time-local" zones.
Value datetime(std::string_view val);

}  // namespace capstan::templating::toml::detail
