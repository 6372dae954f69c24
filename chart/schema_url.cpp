// Go net/url semantics for schema identifiers and references (see schema_url.h). Go source
// read: net/url/url.go (getScheme, parse, parseAuthority, parseHost, shouldEscape, unescape,
// resolvePath, ResolveReference, String).
#include "chart/schema_url.h"

#include "core/error.h"
#include "core/strconv.h"

namespace capstan::chart::jsonschema {

namespace {

enum class Mode { Path, PathSegment, Host, UserPassword, QueryComponent, Fragment };

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int unhex(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return c - 'A' + 10;
}

bool should_escape(unsigned char c, Mode mode) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
    return false;
  if (mode == Mode::Host) {
    switch (c) {
      case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+':
      case ',': case ';': case '=': case ':': case '[': case ']': case '<': case '>':
      case '"':
        return false;
      default:
        break;
    }
  }
  switch (c) {
    case '-': case '_': case '.': case '~':
      return false;
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '?':
    case '@':
      switch (mode) {
        case Mode::Path:
          return c == '?';
        case Mode::PathSegment:
          return c == '/' || c == ';' || c == ',' || c == '?';
        case Mode::UserPassword:
          return c == '@' || c == '/' || c == '?' || c == ':';
        case Mode::QueryComponent:
          return true;
        case Mode::Fragment:
          return false;
        case Mode::Host:
          break;
      }
      break;
    default:
      break;
  }
  if (mode == Mode::Fragment) {
    switch (c) {
      case '!': case '(': case ')': case '*':
        return false;
      default:
        break;
    }
  }
  return true;
}

std::string escape(std::string_view s, Mode mode) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' && mode == Mode::QueryComponent) {
      out += '+';
    } else if (should_escape(c, mode)) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

// unescape: nullopt and the error text on failure.
std::optional<std::string> unescape(std::string_view s, Mode mode, std::string& error) {
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) {
        std::string_view bad = s.substr(i, 3);
        error = "invalid URL escape " + strconv::quote(bad);
        return std::nullopt;
      }
      if (mode == Mode::Host && unhex(s[i + 1]) < 8 && s.substr(i, 3) != "%25") {
        error = "invalid URL escape " + strconv::quote(s.substr(i, 3));
        return std::nullopt;
      }
      i += 3;
    } else {
      if (mode == Mode::Host && static_cast<unsigned char>(s[i]) < 0x80 &&
          should_escape(static_cast<unsigned char>(s[i]), mode)) {
        error = "invalid character " + strconv::quote(s.substr(i, 1)) + " in host name";
        return std::nullopt;
      }
      ++i;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      out += static_cast<char>(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
      i += 2;
    } else if (s[i] == '+' && mode == Mode::QueryComponent) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

bool valid_encoded(std::string_view s, Mode mode) {
  for (char ch : s) {
    switch (ch) {
      case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+':
      case ',': case ';': case '=': case ':': case '@': case '[': case ']': case '%':
        break;
      default:
        if (should_escape(static_cast<unsigned char>(ch), mode))
          return false;
    }
  }
  return true;
}

bool valid_optional_port(std::string_view port) {
  if (port.empty())
    return true;
  if (port[0] != ':')
    return false;
  for (char c : port.substr(1)) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

bool valid_userinfo(std::string_view s) {
  for (char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      continue;
    if (std::string_view("-._:~!$&'()*+,;=%@").find(c) != std::string_view::npos)
      continue;
    return false;
  }
  return true;
}

struct ParseFailure {
  std::string reason;
};

std::string parse_host(std::string_view host) {
  if (!host.empty() && host[0] == '[') {
    const std::size_t close = host.rfind(']');
    if (close == std::string_view::npos)
      throw ParseFailure{"missing ']' in host"};
    const std::string_view port = host.substr(close + 1);
    if (!valid_optional_port(port))
      throw ParseFailure{"invalid port " + strconv::quote(port) + " after host"};
  } else if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
    const std::string_view port = host.substr(colon);
    if (!valid_optional_port(port))
      throw ParseFailure{"invalid port " + strconv::quote(port) + " after host"};
  }
  std::string error;
  std::optional<std::string> out = unescape(host, Mode::Host, error);
  if (!out)
    throw ParseFailure{error};
  return *out;
}

void set_path(Url& u, std::string_view p) {
  std::string error;
  std::optional<std::string> path = unescape(p, Mode::Path, error);
  if (!path)
    throw ParseFailure{error};
  u.path = *path;
  u.raw_path = escape(*path, Mode::Path) == p ? "" : std::string(p);
}

Url parse_no_fragment(std::string_view raw) {
  for (char c : raw) {
    if (static_cast<unsigned char>(c) < ' ' || c == 0x7f)
      throw ParseFailure{"net/url: invalid control character in URL"};
  }
  Url u;
  std::string_view rest = raw;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0)
        break;
      continue;
    }
    if (c == ':') {
      if (i == 0)
        throw ParseFailure{"missing protocol scheme"};
      for (char s : raw.substr(0, i)) u.scheme += static_cast<char>(std::tolower(s));
      rest = raw.substr(i + 1);
    }
    break;
  }
  if (!rest.empty() && rest.back() == '?' && rest.find('?') == rest.size() - 1) {
    u.force_query = true;
    rest.remove_suffix(1);
  } else if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
    u.raw_query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  if (rest.empty() || rest[0] != '/') {
    if (!u.scheme.empty()) {
      u.opaque = std::string(rest);
      return u;
    }
    const std::string_view segment = rest.substr(0, rest.find('/'));
    if (segment.find(':') != std::string_view::npos)
      throw ParseFailure{"first path segment in URL cannot contain colon"};
  }
  const bool starts_triple = rest.substr(0, 3) == "///";
  if ((!u.scheme.empty() || !starts_triple) && rest.substr(0, 2) == "//") {
    std::string_view authority = rest.substr(2);
    rest = {};
    if (const std::size_t slash = authority.find('/'); slash != std::string_view::npos) {
      rest = authority.substr(slash);
      authority = authority.substr(0, slash);
    }
    const std::size_t at = authority.rfind('@');
    u.host = parse_host(at == std::string_view::npos ? authority : authority.substr(at + 1));
    if (at != std::string_view::npos) {
      const std::string_view userinfo = authority.substr(0, at);
      if (!valid_userinfo(userinfo))
        throw ParseFailure{"net/url: invalid userinfo"};
      std::string error;
      const std::size_t colon = userinfo.find(':');
      std::optional<std::string> name =
          unescape(userinfo.substr(0, colon), Mode::UserPassword, error);
      if (!name)
        throw ParseFailure{error};
      u.has_user = true;
      u.username = *name;
      if (colon != std::string_view::npos) {
        std::optional<std::string> pass =
            unescape(userinfo.substr(colon + 1), Mode::UserPassword, error);
        if (!pass)
          throw ParseFailure{error};
        u.password = *pass;
      }
    }
  } else if (!u.scheme.empty() && !rest.empty() && rest[0] == '/') {
    u.omit_host = true;
  }
  set_path(u, rest);
  return u;
}

// resolvePath: merges and removes dot segments (RFC 3986 §5.2).
std::string resolve_path(const std::string& base, const std::string& ref) {
  std::string full;
  if (ref.empty()) {
    full = base;
  } else if (ref[0] != '/') {
    const std::size_t slash = base.rfind('/');
    full = (slash == std::string::npos ? std::string() : base.substr(0, slash + 1)) + ref;
  } else {
    full = ref;
  }
  if (full.empty())
    return "";
  std::string dst = "/";
  bool first = true;
  std::string elem;
  std::size_t pos = 0;
  bool found = true;
  while (found) {
    const std::size_t slash = full.find('/', pos);
    found = slash != std::string::npos;
    elem = full.substr(pos, found ? slash - pos : std::string::npos);
    pos = found ? slash + 1 : full.size();
    if (elem == ".") {
      first = false;
      continue;
    }
    if (elem == "..") {
      const std::string str = dst.substr(1);
      const std::size_t index = str.rfind('/');
      dst = "/";
      if (index == std::string::npos)
        first = true;
      else
        dst += str.substr(0, index);
    } else {
      if (!first)
        dst += '/';
      dst += elem;
      first = false;
    }
  }
  if (elem == "." || elem == "..")
    dst += '/';
  if (dst.size() > 1 && dst[1] == '/')
    dst.erase(0, 1);
  return dst;
}

}  // namespace

std::string Url::hostname() const {
  std::string_view h = host;
  if (!h.empty() && h[0] == '[') {
    const std::size_t close = h.find(']');
    return std::string(h.substr(1, close == std::string_view::npos ? std::string_view::npos
                                                                   : close - 1));
  }
  const std::size_t colon = h.rfind(':');
  if (colon != std::string_view::npos && valid_optional_port(h.substr(colon)))
    return std::string(h.substr(0, colon));
  return std::string(h);
}

std::string Url::escaped_path() const {
  if (!raw_path.empty() && valid_encoded(raw_path, Mode::Path)) {
    std::string error;
    std::optional<std::string> p = unescape(raw_path, Mode::Path, error);
    if (p && *p == path)
      return raw_path;
  }
  if (path == "*")
    return "*";
  return escape(path, Mode::Path);
}

std::string Url::escaped_fragment() const {
  if (!raw_fragment.empty() && valid_encoded(raw_fragment, Mode::Fragment)) {
    std::string error;
    std::optional<std::string> f = unescape(raw_fragment, Mode::Fragment, error);
    if (f && *f == fragment)
      return raw_fragment;
  }
  return escape(fragment, Mode::Fragment);
}

std::string Url::string() const {
  std::string buf;
  if (!scheme.empty())
    buf += scheme + ":";
  if (!opaque.empty()) {
    buf += opaque;
  } else {
    if (!scheme.empty() || !host.empty() || has_user) {
      if (!(omit_host && host.empty() && !has_user)) {
        if (!host.empty() || !path.empty() || has_user)
          buf += "//";
        if (has_user) {
          buf += escape(username, Mode::UserPassword);
          if (password)
            buf += ":" + escape(*password, Mode::UserPassword);
          buf += "@";
        }
        if (!host.empty())
          buf += escape(host, Mode::Host);
      }
    }
    const std::string p = escaped_path();
    if (!p.empty() && p[0] != '/' && !host.empty())
      buf += '/';
    if (buf.empty()) {
      const std::string segment = p.substr(0, p.find('/'));
      if (segment.find(':') != std::string::npos)
        buf += "./";
    }
    buf += p;
  }
  if (force_query || !raw_query.empty())
    buf += "?" + raw_query;
  if (!fragment.empty())
    buf += "#" + escaped_fragment();
  return buf;
}

Url Url::resolve_reference(const Url& ref) const {
  Url url = ref;
  if (ref.scheme.empty())
    url.scheme = scheme;
  if (!ref.scheme.empty() || !ref.host.empty() || ref.has_user) {
    set_path(url, resolve_path(ref.escaped_path(), ""));
    return url;
  }
  if (!ref.opaque.empty()) {
    url.has_user = false;
    url.host.clear();
    url.path.clear();
    return url;
  }
  if (ref.path.empty() && !ref.force_query && ref.raw_query.empty()) {
    url.raw_query = raw_query;
    if (ref.fragment.empty()) {
      url.fragment = fragment;
      url.raw_fragment = raw_fragment;
    }
  }
  url.host = host;
  url.has_user = has_user;
  url.username = username;
  url.password = password;
  set_path(url, resolve_path(escaped_path(), ref.escaped_path()));
  return url;
}

bool is_request_url(std::string_view raw) {
  // ParseRequestURI parses the whole text (no fragment) and, without a scheme, insists on an
  // absolute path; IsRequestURL then wants a scheme, so only the scheme case matters.
  if (raw.empty())
    return false;
  try {
    return !parse_no_fragment(raw).scheme.empty();
  } catch (const ParseFailure&) {
    return false;
  }
}

Url parse_url(std::string_view raw) {
  const std::size_t hash = raw.find('#');
  const std::string_view u = raw.substr(0, hash);
  Url url;
  try {
    url = parse_no_fragment(u);
  } catch (const ParseFailure& f) {
    throw Error(ErrorKind::BadRequest, "parse " + strconv::quote(u) + ": " + f.reason);
  }
  if (hash != std::string_view::npos && hash + 1 < raw.size()) {
    const std::string_view frag = raw.substr(hash + 1);
    std::string error;
    std::optional<std::string> f = unescape(frag, Mode::Fragment, error);
    if (!f)
      throw Error(ErrorKind::BadRequest, "parse " + strconv::quote(raw) + ": " + error);
    url.fragment = *f;
    url.raw_fragment = escape(*f, Mode::Fragment) == frag ? "" : std::string(frag);
  }
  return url;
}

std::optional<std::string> path_unescape(std::string_view s) {
  std::string error;
  return unescape(s, Mode::PathSegment, error);
}

std::string path_unescape_error(std::string_view s) {
  std::string error;
  unescape(s, Mode::PathSegment, error);
  return error;
}

std::string path_escape(std::string_view s) { return escape(s, Mode::PathSegment); }

std::string pointer_escape(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::optional<std::string> pointer_unescape(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~') {
      out += token[i];
      continue;
    }
    if (i + 1 >= token.size())
      return std::nullopt;
    if (token[i + 1] == '0')
      out += '~';
    else if (token[i + 1] == '1')
      out += '/';
    else
      return std::nullopt;
    ++i;
  }
  return out;
}

}  // namespace capstan::chart::jsonschema
