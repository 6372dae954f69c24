// Sprig's urlParse and urlJoin (url.go) over a port of Go 1.19's net/url Parse and URL.String:
// scheme, opaque, authority (userinfo, host with port and IPv6 zone), path with RawPath,
// query, fragment with RawFragment, and their escaping rules and error texts.
#include <algorithm>
#include <cctype>
#include <optional>

#include "core/strconv.h"
#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

enum class Mode { Path, PathSegment, Host, Zone, UserPassword, QueryComponent, Fragment };

struct UrlError {
  std::string message;
};

bool ishex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

unsigned char unhex(char c) {
  if (c >= '0' && c <= '9')
    return static_cast<unsigned char>(c - '0');
  if (c >= 'a' && c <= 'f')
    return static_cast<unsigned char>(c - 'a' + 10);
  return static_cast<unsigned char>(c - 'A' + 10);
}

bool should_escape(unsigned char c, Mode mode) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
    return false;
  if (mode == Mode::Host || mode == Mode::Zone) {
    switch (c) {
      case '!':
      case '$':
      case '&':
      case '\'':
      case '(':
      case ')':
      case '*':
      case '+':
      case ',':
      case ';':
      case '=':
      case ':':
      case '[':
      case ']':
      case '<':
      case '>':
      case '"':
        return false;
      default:
        break;
    }
  }
  switch (c) {
    case '-':
    case '_':
    case '.':
    case '~':
      return false;
    case '$':
    case '&':
    case '+':
    case ',':
    case '/':
    case ':':
    case ';':
    case '=':
    case '?':
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
        default:
          break;
      }
      break;
    default:
      break;
  }
  if (mode == Mode::Fragment) {
    switch (c) {
      case '!':
      case '(':
      case ')':
      case '*':
        return false;
      default:
        break;
    }
  }
  return true;
}

std::string unescape(std::string_view s, Mode mode) {
  std::size_t n = 0;
  bool has_plus = false;
  for (std::size_t i = 0; i < s.size();) {
    switch (s[i]) {
      case '%': {
        ++n;
        if (i + 2 >= s.size() || !ishex(s[i + 1]) || !ishex(s[i + 2])) {
          throw UrlError{"invalid URL escape " + strconv::quote(s.substr(i, 3))};
        }
        if (mode == Mode::Host && unhex(s[i + 1]) < 8 && s.substr(i, 3) != "%25") {
          throw UrlError{"invalid URL escape " + strconv::quote(s.substr(i, 3))};
        }
        if (mode == Mode::Zone) {
          const auto v = static_cast<unsigned char>(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
          if (s.substr(i, 3) != "%25" && v != ' ' && should_escape(v, Mode::Host)) {
            throw UrlError{"invalid URL escape " + strconv::quote(s.substr(i, 3))};
          }
        }
        i += 3;
        break;
      }
      case '+':
        has_plus = mode == Mode::QueryComponent;
        ++i;
        break;
      default:
        if ((mode == Mode::Host || mode == Mode::Zone) && static_cast<unsigned char>(s[i]) < 0x80 &&
            should_escape(static_cast<unsigned char>(s[i]), mode)) {
          throw UrlError{"invalid character " + strconv::quote(s.substr(i, 1)) + " in host name"};
        }
        ++i;
    }
  }
  if (n == 0 && !has_plus)
    return std::string(s);
  std::string t;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      t += static_cast<char>(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
      i += 2;
    } else if (s[i] == '+') {
      t += mode == Mode::QueryComponent ? ' ' : '+';
    } else {
      t += s[i];
    }
  }
  return t;
}

std::string escape(std::string_view s, Mode mode) {
  static constexpr char kUpperHex[] = "0123456789ABCDEF";
  std::string t;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' && mode == Mode::QueryComponent) {
      t += '+';
    } else if (should_escape(c, mode)) {
      t += '%';
      t += kUpperHex[c >> 4];
      t += kUpperHex[c & 15];
    } else {
      t += ch;
    }
  }
  return t;
}

bool valid_encoded(std::string_view s, Mode mode) {
  for (char ch : s) {
    switch (ch) {
      case '!':
      case '$':
      case '&':
      case '\'':
      case '(':
      case ')':
      case '*':
      case '+':
      case ',':
      case ';':
      case '=':
      case ':':
      case '@':
      case '[':
      case ']':
      case '%':
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
  for (char b : port.substr(1)) {
    if (b < '0' || b > '9')
      return false;
  }
  return true;
}

bool valid_userinfo(std::string_view s) {
  for (char r : s) {
    if ((r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'))
      continue;
    switch (r) {
      case '-':
      case '.':
      case '_':
      case ':':
      case '~':
      case '!':
      case '$':
      case '&':
      case '\'':
      case '(':
      case ')':
      case '*':
      case '+':
      case ',':
      case ';':
      case '=':
      case '%':
      case '@':
        continue;
      default:
        return false;
    }
  }
  return true;
}

struct Userinfo {
  std::string username, password;
  bool password_set = false;
  std::string str() const {
    std::string s = escape(username, Mode::UserPassword);
    if (password_set)
      s += ":" + escape(password, Mode::UserPassword);
    return s;
  }
};

struct Url {
  std::string scheme, opaque, host, path, raw_path, raw_query, fragment, raw_fragment;
  std::optional<Userinfo> user;
  bool force_query = false, omit_host = false;

  void set_path(std::string_view p) {
    path = unescape(p, Mode::Path);
    raw_path = escape(path, Mode::Path) == p ? "" : std::string(p);
  }
  void set_fragment(std::string_view f) {
    fragment = unescape(f, Mode::Fragment);
    raw_fragment = escape(fragment, Mode::Fragment) == f ? "" : std::string(f);
  }
  std::string escaped_path() const {
    if (!raw_path.empty() && valid_encoded(raw_path, Mode::Path)) {
      try {
        if (unescape(raw_path, Mode::Path) == path)
          return raw_path;
      } catch (const UrlError&) {
      }
    }
    if (path == "*")
      return "*";
    return escape(path, Mode::Path);
  }
  std::string escaped_fragment() const {
    if (!raw_fragment.empty() && valid_encoded(raw_fragment, Mode::Fragment)) {
      try {
        if (unescape(raw_fragment, Mode::Fragment) == fragment)
          return raw_fragment;
      } catch (const UrlError&) {
      }
    }
    return escape(fragment, Mode::Fragment);
  }
  std::string hostname() const {
    std::string h = host;
    const std::size_t colon = h.rfind(':');
    if (colon != std::string::npos && valid_optional_port(std::string_view(h).substr(colon)))
      h.resize(colon);
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']')
      h = h.substr(1, h.size() - 2);
    return h;
  }
  std::string str() const;
};

std::string Url::str() const {
  std::string buf;
  if (!scheme.empty())
    buf += scheme + ":";
  if (!opaque.empty()) {
    buf += opaque;
  } else {
    if (!scheme.empty() || !host.empty() || user) {
      if (!(omit_host && host.empty() && !user)) {
        if (!host.empty() || !path.empty() || user)
          buf += "//";
        if (user)
          buf += user->str() + "@";
        if (!host.empty())
          buf += escape(host, Mode::Host);
      }
    }
    const std::string p = escaped_path();
    if (!p.empty() && p[0] != '/' && !host.empty())
      buf += '/';
    if (buf.empty()) {
      // A colon in the first segment would read as a scheme.
      if (p.substr(0, p.find('/')).find(':') != std::string::npos)
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

std::string parse_host(std::string_view host) {
  if (!host.empty() && host[0] == '[') {
    const std::size_t i = host.rfind(']');
    if (i == std::string_view::npos)
      throw UrlError{"missing ']' in host"};
    const std::string_view colon_port = host.substr(i + 1);
    if (!valid_optional_port(colon_port))
      throw UrlError{"invalid port " + strconv::quote(colon_port) + " after host"};
    const std::size_t zone = host.substr(0, i).find("%25");
    if (zone != std::string_view::npos) {
      return unescape(host.substr(0, zone), Mode::Host) +
             unescape(host.substr(zone, i - zone), Mode::Zone) +
             unescape(host.substr(i), Mode::Host);
    }
  } else if (const std::size_t i = host.rfind(':'); i != std::string_view::npos) {
    const std::string_view colon_port = host.substr(i);
    if (!valid_optional_port(colon_port))
      throw UrlError{"invalid port " + strconv::quote(colon_port) + " after host"};
  }
  return unescape(host, Mode::Host);
}

void parse_authority(std::string_view authority, Url& url) {
  const std::size_t i = authority.rfind('@');
  url.host = parse_host(i == std::string_view::npos ? authority : authority.substr(i + 1));
  if (i == std::string_view::npos)
    return;
  const std::string_view userinfo = authority.substr(0, i);
  if (!valid_userinfo(userinfo))
    throw UrlError{"net/url: invalid userinfo"};
  Userinfo u;
  const std::size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) {
    u.username = unescape(userinfo, Mode::UserPassword);
  } else {
    u.username = unescape(userinfo.substr(0, colon), Mode::UserPassword);
    u.password = unescape(userinfo.substr(colon + 1), Mode::UserPassword);
    u.password_set = true;
  }
  url.user = u;
}

Url parse_no_fragment(std::string_view raw) {
  for (char b : raw) {
    if (static_cast<unsigned char>(b) < ' ' || b == 0x7f)
      throw UrlError{"net/url: invalid control character in URL"};
  }
  Url url;
  if (raw == "*") {
    url.path = "*";
    return url;
  }
  // getScheme
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
        throw UrlError{"missing protocol scheme"};
      url.scheme = std::string(raw.substr(0, i));
      rest = raw.substr(i + 1);
    }
    break;
  }
  for (char& c : url.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!rest.empty() && rest.back() == '?' && std::count(rest.begin(), rest.end(), '?') == 1) {
    url.force_query = true;
    rest.remove_suffix(1);
  } else if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
    url.raw_query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  const bool slash = !rest.empty() && rest[0] == '/';
  if (!slash) {
    if (!url.scheme.empty()) {
      url.opaque = std::string(rest);
      return url;
    }
    if (rest.substr(0, rest.find('/')).find(':') != std::string_view::npos) {
      throw UrlError{"first path segment in URL cannot contain colon"};
    }
  }
  if ((!url.scheme.empty() || rest.substr(0, 3) != "///") && rest.substr(0, 2) == "//") {
    std::string_view authority = rest.substr(2);
    rest = {};
    if (const std::size_t i = authority.find('/'); i != std::string_view::npos) {
      rest = authority.substr(i);
      authority = authority.substr(0, i);
    }
    parse_authority(authority, url);
  } else if (!url.scheme.empty() && slash) {
    url.omit_host = true;
  }
  url.set_path(rest);
  return url;
}

// url.Parse; errors as *url.Error prints them: parse "URL": MESSAGE.
Url parse(std::string_view raw) {
  const std::size_t hash = raw.find('#');
  const std::string_view u = raw.substr(0, hash);
  Url url;
  try {
    url = parse_no_fragment(u);
  } catch (const UrlError& e) {
    throw UrlError{"parse " + strconv::quote(u) + ": " + e.message};
  }
  if (hash == std::string_view::npos || hash + 1 == raw.size())
    return url;
  try {
    url.set_fragment(raw.substr(hash + 1));
  } catch (const UrlError& e) {
    throw UrlError{"parse " + strconv::quote(raw) + ": " + e.message};
  }
  return url;
}

Value url_parse(const std::string& v) {
  Url u;
  try {
    u = parse(v);
  } catch (const UrlError& e) {
    throw FuncError("unable to parse url: " + e.message);
  }
  Value dict = Value::empty_map();
  dict.set("scheme", u.scheme);
  dict.set("host", u.host);
  dict.set("hostname", u.hostname());
  dict.set("path", u.path);
  dict.set("query", u.raw_query);
  dict.set("opaque", u.opaque);
  dict.set("fragment", u.fragment);
  dict.set("userinfo", u.user ? u.user->str() : std::string());
  return dict;
}

// Sprig's dictGetOrEmpty: "" for a missing key; a non-string value panics.
std::string get_or_empty(const Value& dict, const std::string& key) {
  const Value* v = dict.find(key);
  if (v == nullptr)
    return "";
  if (v->is_null())
    throw FuncError(std::string(sprig::kNilDeref));
  if (!sprig::data_of(*v).is_string()) {
    throw FuncError("unable to parse " + key + " key, must be of type string, but " +
                    sprig::reflect_kind(*v) + " found");
  }
  return sprig::data_of(*v).as_string();
}

std::string url_join(const Value& d) {
  Url u;
  u.scheme = get_or_empty(d, "scheme");
  u.host = get_or_empty(d, "host");
  u.path = get_or_empty(d, "path");
  u.raw_query = get_or_empty(d, "query");
  u.opaque = get_or_empty(d, "opaque");
  u.fragment = get_or_empty(d, "fragment");
  const std::string userinfo = get_or_empty(d, "userinfo");
  if (!userinfo.empty()) {
    try {
      u.user = parse("proto://" + userinfo + "@host").user;
    } catch (const UrlError& e) {
      throw FuncError("unable to parse userinfo in dict: " + e.message);
    }
  }
  return u.str();
}

}  // namespace

void register_sprig_url(FuncMap& f) {
  f.add("urlParse", "func(string) map[string]interface {}",
        [](CallContext&, Args& a) { return url_parse(a[0].as_string()); });
  f.add("urlJoin", "func(map[string]interface {}) string",
        [](CallContext&, Args& a) { return Value(url_join(a[0])); });
}

}  // namespace capstan::templating
