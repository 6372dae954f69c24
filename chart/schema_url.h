// The URL rules Helm's schema validator inherits from Go's net/url: Parse (with its errors,
// e.g. `parse "a b:": first path segment in URL cannot contain colon`), ResolveReference,
// String, path and fragment escaping; plus JSON pointer tokens as jsonschema v6 escapes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace capstan::chart::jsonschema {

struct Url {
  std::string scheme;  // lower-cased
  std::string opaque;
  bool has_user = false;
  std::string username;
  std::optional<std::string> password;
  std::string host;      // decoded, with port
  std::string path;      // decoded
  std::string raw_path;  // the original encoding when it differs from the default one
  bool omit_host = false;
  bool force_query = false;
  std::string raw_query;
  std::string fragment;      // decoded
  std::string raw_fragment;  // as raw_path

  bool is_abs() const { return !scheme.empty(); }
  // Hostname(): the host without port and IPv6 brackets.
  std::string hostname() const;
  std::string escaped_path() const;
  std::string escaped_fragment() const;
  std::string string() const;
  Url resolve_reference(const Url& ref) const;
};

// url.Parse. Throws capstan::Error with Go's text: `parse "RAW": REASON`.
Url parse_url(std::string_view raw);

// govalidator.IsRequestURL: url.ParseRequestURI accepts `raw` and it has a scheme.
bool is_request_url(std::string_view raw);

// url.PathUnescape (nullopt on a malformed escape) and url.PathEscape.
std::optional<std::string> path_unescape(std::string_view s);
std::string path_escape(std::string_view s);

// The error url.PathUnescape returns for `s`: `invalid URL escape "%zz"`.
std::string path_unescape_error(std::string_view s);

// JSON pointer tokens: "~" as "~0", "/" as "~1"; unescape fails on other "~" sequences.
std::string pointer_escape(std::string_view token);
std::optional<std::string> pointer_unescape(std::string_view token);

}  // namespace capstan::chart::jsonschema
