// URLs as Helm handles them through Go's net/url: parsing into scheme, user info, host, path,
// query and fragment; printing back (URL.String); resolving a reference against a base
// (URL.ResolveReference, RFC 3986 section 5.2 with Go's dot-segment rules); and Helm's own
// helpers on top (repo.ResolveReferenceURL, urlutil.URLJoin, urlutil.Equal). Paths are kept
// as written (escaped form), which is what Helm's callers print and compare.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace capstan::repo {

struct Url {
  std::string scheme;    // lower-cased, "" for a relative reference
  std::string user;      // "user" or "user:password", without the '@'
  bool has_user = false;
  std::string host;      // "host" or "host:port" (Go's URL.Host)
  bool has_authority = false;  // "//" followed the scheme (or began the reference)
  std::string path;      // escaped, as written
  std::string opaque;    // "mailto:x" style: the part after "scheme:" when it is not a path
  std::string raw_query;  // without '?'
  bool force_query = false;  // a '?' with nothing after it
  std::string fragment;   // without '#'
  bool has_fragment = false;

  bool is_abs() const { return !scheme.empty(); }
  // Host without the port (URL.Hostname) and the port alone (URL.Port).
  std::string hostname() const;
  std::string port() const;
  // URL.String.
  std::string str() const;
};

// url.Parse. nullopt where Go returns an error (bad scheme, control characters, bad port,
// bad percent-escapes in the host).
std::optional<Url> parse_url(std::string_view text);

// URL.ResolveReference.
Url resolve_reference(const Url& base, const Url& ref);

// repo.ResolveReferenceURL: an absolute ref as it is, else ref resolved against base with a
// trailing '/' forced on base's path, keeping base's query. Throws Error(ErrorKind::BadRequest)
// "failed to parse X as URL" as Helm does.
std::string resolve_reference_url(std::string_view base, std::string_view ref);

// urlutil.URLJoin: base's path joined with `elem` by path.Join. nullopt when base does not parse.
std::optional<std::string> url_join(std::string_view base, std::string_view elem);

// urlutil.Equal: both parse and print equal after an empty path becomes "/" and paths are
// cleaned; a first URL that does not parse compares as cleaned file paths.
bool url_equal(std::string_view a, std::string_view b);

// Go's path.Clean and path.Join.
std::string clean_path(std::string_view path);
std::string join_path(std::string_view a, std::string_view b);

}  // namespace capstan::repo
