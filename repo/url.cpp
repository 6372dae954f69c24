// Go's net/url, as much of it as Helm's repository code uses.
#include "repo/url.h"

#include <cctype>
#include <vector>

#include "core/error.h"

namespace capstan::repo {

namespace {

bool has_ctl_byte(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f)
      return true;
  }
  return false;
}

// getScheme: the scheme and the rest; nullopt for "missing protocol scheme".
std::optional<std::pair<std::string, std::string_view>> split_scheme(std::string_view raw) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (std::isalpha(static_cast<unsigned char>(c))) {
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.') {
      if (i == 0)
        return std::pair<std::string, std::string_view>{"", raw};
      continue;
    }
    if (c == ':') {
      if (i == 0)
        return std::nullopt;
      std::string scheme(raw.substr(0, i));
      for (char& s : scheme) s = static_cast<char>(std::tolower(static_cast<unsigned char>(s)));
      return std::pair<std::string, std::string_view>{scheme, raw.substr(i + 1)};
    }
    return std::pair<std::string, std::string_view>{"", raw};
  }
  return std::pair<std::string, std::string_view>{"", raw};
}

// Go's validOptionalPort after the host's last ':'.
bool valid_host(std::string_view host) {
  if (host.empty())
    return true;
  std::size_t colon = host.rfind(':');
  if (host.front() == '[') {
    std::size_t close = host.find(']');
    if (close == std::string_view::npos)
      return false;
    colon = close + 1 < host.size() && host[close + 1] == ':' ? close + 1 : std::string_view::npos;
    if (close + 1 < host.size() && colon == std::string_view::npos)
      return false;
  }
  if (colon == std::string_view::npos)
    return true;
  for (char c : host.substr(colon + 1)) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
  }
  return true;
}

std::string resolve_path(std::string_view base, std::string_view ref) {
  std::string full;
  if (ref.empty()) {
    full = base;
  } else if (ref[0] != '/') {
    const std::size_t i = base.rfind('/');
    full = std::string(i == std::string_view::npos ? std::string_view() : base.substr(0, i + 1)) +
           std::string(ref);
  } else {
    full = ref;
  }
  if (full.empty())
    return "";
  std::string dst = "/";
  bool first = true;
  std::string_view remaining = full;
  std::string_view elem;
  bool found = true;
  while (found) {
    const std::size_t slash = remaining.find('/');
    found = slash != std::string_view::npos;
    elem = found ? remaining.substr(0, slash) : remaining;
    remaining = found ? remaining.substr(slash + 1) : std::string_view();
    if (elem == ".") {
      first = false;
      continue;
    }
    if (elem == "..") {
      const std::string str = dst.substr(1);
      const std::size_t index = str.rfind('/');
      dst = "/";
      if (index == std::string::npos) {
        first = true;
      } else {
        dst += str.substr(0, index);
      }
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
  if (!host.empty() && host.front() == '[') {
    const std::size_t close = host.find(']');
    return host.substr(1, close == std::string::npos ? std::string::npos : close - 1);
  }
  const std::size_t colon = host.rfind(':');
  return colon == std::string::npos ? host : host.substr(0, colon);
}

std::string Url::port() const {
  const std::size_t colon = host.rfind(':');
  if (colon == std::string::npos || (host.find(']') != std::string::npos && colon < host.find(']')))
    return "";
  return host.substr(colon + 1);
}

std::string Url::str() const {
  std::string out;
  if (!opaque.empty()) {
    out = scheme + ":" + opaque;
  } else {
    if (!scheme.empty())
      out = scheme + ":";
    if (!scheme.empty() || !host.empty() || has_user) {
      if (!host.empty() || !path.empty() || has_user)
        out += "//";
      if (has_user)
        out += user + "@";
      out += host;
    }
    if (!path.empty() && path[0] != '/' && !host.empty())
      out += '/';
    if (out.empty()) {
      // A relative path whose first segment has a colon would read as a scheme.
      const std::size_t colon = path.find(':');
      if (colon != std::string::npos && path.substr(0, colon).find('/') == std::string::npos)
        out = "./";
    }
    out += path;
  }
  if (force_query || !raw_query.empty())
    out += "?" + raw_query;
  if (!fragment.empty())
    out += "#" + fragment;
  return out;
}

std::optional<Url> parse_url(std::string_view text) {
  Url u;
  std::string_view rest = text;
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
    u.fragment = rest.substr(hash + 1);
    u.has_fragment = true;
    rest = rest.substr(0, hash);
  }
  if (has_ctl_byte(rest))
    return std::nullopt;
  if (rest == "*") {
    u.path = "*";
    return u;
  }
  auto scheme = split_scheme(rest);
  if (!scheme)
    return std::nullopt;
  u.scheme = scheme->first;
  rest = scheme->second;
  if (!rest.empty() && rest.back() == '?' && rest.find('?') == rest.size() - 1) {
    u.force_query = true;
    rest.remove_suffix(1);
  } else if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
    u.raw_query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (rest.empty() || rest[0] != '/') {
    if (!u.scheme.empty()) {
      u.opaque = rest;
      return u;
    }
    const std::size_t colon = rest.find(':');
    if (colon != std::string_view::npos && rest.substr(0, colon).find('/') == std::string_view::npos)
      return std::nullopt;  // first path segment in URL cannot contain colon
  }
  if ((!u.scheme.empty() || rest.substr(0, 3) != "///") && rest.substr(0, 2) == "//") {
    std::string_view authority = rest.substr(2);
    const std::size_t slash = authority.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : authority.substr(slash);
    authority = authority.substr(0, slash);
    u.has_authority = true;
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
      u.user = authority.substr(0, at);
      u.has_user = true;
      authority = authority.substr(at + 1);
    }
    if (!valid_host(authority))
      return std::nullopt;
    u.host = authority;
  }
  u.path = rest;
  return u;
}

Url resolve_reference(const Url& base, const Url& ref) {
  Url url = ref;
  if (ref.scheme.empty())
    url.scheme = base.scheme;
  if (!ref.scheme.empty() || !ref.host.empty() || ref.has_user) {
    url.path = resolve_path(ref.path, "");
    return url;
  }
  if (!ref.opaque.empty()) {
    url.user.clear();
    url.has_user = false;
    url.host.clear();
    url.path.clear();
    return url;
  }
  if (ref.path.empty() && !ref.force_query && ref.raw_query.empty()) {
    url.raw_query = base.raw_query;
    if (ref.fragment.empty()) {
      url.fragment = base.fragment;
      url.has_fragment = base.has_fragment;
    }
  }
  url.host = base.host;
  url.user = base.user;
  url.has_user = base.has_user;
  url.has_authority = base.has_authority;
  url.path = resolve_path(base.path, ref.path);
  return url;
}

std::string resolve_reference_url(std::string_view base, std::string_view ref) {
  auto parsed_ref = parse_url(ref);
  if (!parsed_ref)
    throw Error(ErrorKind::BadRequest, "failed to parse " + std::string(ref) + " as URL");
  if (parsed_ref->is_abs())
    return std::string(ref);
  auto parsed_base = parse_url(base);
  if (!parsed_base)
    throw Error(ErrorKind::BadRequest, "failed to parse " + std::string(base) + " as URL");
  while (!parsed_base->path.empty() && parsed_base->path.back() == '/') parsed_base->path.pop_back();
  parsed_base->path += '/';
  Url resolved = resolve_reference(*parsed_base, *parsed_ref);
  resolved.raw_query = parsed_base->raw_query;
  resolved.force_query = false;
  return resolved.str();
}

std::optional<std::string> url_join(std::string_view base, std::string_view elem) {
  auto u = parse_url(base);
  if (!u)
    return std::nullopt;
  u->path = join_path(u->path, elem);
  return u->str();
}

bool url_equal(std::string_view a, std::string_view b) {
  auto au = parse_url(a);
  if (!au)
    return clean_path(a) == clean_path(b);
  auto bu = parse_url(b);
  if (!bu)
    return false;
  for (Url* u : {&*au, &*bu}) {
    if (u->path.empty())
      u->path = "/";
    u->path = clean_path(u->path);
  }
  return au->str() == bu->str();
}

std::string clean_path(std::string_view path) {
  if (path.empty())
    return ".";
  const bool rooted = path[0] == '/';
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos)
      j = path.size();
    std::string_view elem = path.substr(i, j - i);
    i = j + 1;
    if (elem.empty() || elem == ".")
      continue;
    if (elem == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(elem);
      }
      continue;
    }
    parts.push_back(elem);
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k > 0)
      out += '/';
    out += parts[k];
  }
  return out.empty() ? "." : out;
}

std::string join_path(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty())
    return "";
  if (a.empty())
    return clean_path(b);
  if (b.empty())
    return clean_path(a);
  return clean_path(std::string(a) + "/" + std::string(b));
}

}  // namespace capstan::repo
