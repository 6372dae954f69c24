// The `format` checkers of jsonschema v6 (format.go), with its messages and the Go errors it
// passes through (strconv.Atoi, time.Parse, netip.ParseAddr, url.Parse). Non-strings pass.
#include <map>

#include "chart/schema_model.h"
#include "chart/schema_url.h"
#include "core/error.h"
#include "core/strconv.h"
#include "templating/sprig_time.h"

namespace capstan::chart::jsonschema {

namespace {

using Result = std::optional<std::string>;

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t i = s.find(sep, start);
    out.push_back(s.substr(start, i == std::string_view::npos ? i : i - start));
    if (i == std::string_view::npos)
      return out;
    start = i + 1;
  }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Runes of a UTF-8 string as Go's range loop yields them.
std::vector<std::int32_t> runes(std::string_view s) {
  std::vector<std::int32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const strconv::DecodedRune r = strconv::decode_rune(s.substr(i));
    out.push_back(r.rune);
    i += static_cast<std::size_t>(r.width);
  }
  return out;
}

// strconv.Atoi with its error text.
std::optional<std::int64_t> atoi(std::string_view s, std::string& error) {
  strconv::Parsed<std::int64_t> p = strconv::parse_int(s);
  if (!p.ok()) {
    error = strconv::num_error_message("Atoi", s, p.err);
    return std::nullopt;
  }
  return p.value;
}

bool is_digit(std::int32_t c) { return c >= '0' && c <= '9'; }

Result validate_json_pointer_text(std::string_view s) {
  if (s.empty())
    return std::nullopt;
  if (s[0] != '/')
    return "not starting with /";
  std::vector<std::string_view> toks = split(s, '/');
  for (std::size_t t = 1; t < toks.size(); ++t) {
    bool escape = false;
    for (std::int32_t ch : runes(toks[t])) {
      if (escape) {
        escape = false;
        if (ch != '0' && ch != '1')
          return "~ must be followed by 0 or 1";
        continue;
      }
      if (ch == '~') {
        escape = true;
        continue;
      }
      if (!((ch >= 0 && ch <= 0x2E) || (ch >= 0x30 && ch <= 0x7D) || (ch >= 0x7F && ch <= 0x10FFFF)))
        return "invalid character " + strconv::quote_rune(ch);
    }
    if (escape)
      return "~ must be followed by 0 or 1";
  }
  return std::nullopt;
}

Result json_pointer_format(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  return validate_json_pointer_text(v.as_string());
}

Result relative_json_pointer(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  std::string_view s = v.as_string();
  std::size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits])) ++digits;
  if (digits == 0)
    return "must start with non-negative integer";
  if (digits > 1 && s[0] == '0')
    return "starts with zero";
  s = s.substr(digits);
  if (s == "#")
    return std::nullopt;
  return validate_json_pointer_text(s);
}

Result uuid(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  static const std::size_t kGroups[] = {8, 4, 4, 4, 12};
  std::vector<std::string_view> groups = split(v.as_string(), '-');
  if (groups.size() != 5)
    return "must have 5 elements";
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].size() != kGroups[i]) {
      return "element " + std::to_string(i + 1) + " must be " + std::to_string(kGroups[i]) +
             " characters long";
    }
    for (std::int32_t ch : runes(groups[i])) {
      const bool hex = is_digit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
      if (!hex)
        return "non-hex character " + strconv::quote_rune(ch);
    }
  }
  return std::nullopt;
}

Result duration_text(std::string_view s) {
  if (!starts_with(s, "P"))
    return "must start with P";
  s = s.substr(1);
  if (s.empty())
    return "nothing after P";
  if (ends_with(s, "W")) {
    s.remove_suffix(1);
    if (s.empty())
      return "no number in week";
    for (char ch : s) {
      if (!is_digit(ch))
        return "invalid week";
    }
    return std::nullopt;
  }
  static const std::string_view kUnits[] = {"YMD", "HMS"};
  std::vector<std::string_view> parts = split(s, 'T');
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (i != 0 && part.empty())
      return "no time elements";
    if (i >= 2)
      return "more than one T";
    std::string_view units = kUnits[i];
    while (!part.empty()) {
      std::size_t digits = 0;
      while (digits < part.size() && is_digit(part[digits])) ++digits;
      if (digits == 0)
        return "missing number";
      part = part.substr(digits);
      if (part.empty())
        return "missing unit";
      const char unit = part[0];
      const std::size_t j = units.find(unit);
      if (j == std::string_view::npos) {
        if (kUnits[i].find(unit) != std::string_view::npos)
          return "unit " + strconv::quote_rune(static_cast<unsigned char>(unit)) + " out of order";
        return "invalid unit " + strconv::quote_rune(static_cast<unsigned char>(unit));
      }
      units = units.substr(j + 1);
      part = part.substr(1);
    }
  }
  return std::nullopt;
}

Result duration(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  return duration_text(v.as_string());
}

Result ipv4_text(std::string_view s) {
  std::vector<std::string_view> groups = split(s, '.');
  if (groups.size() != 4)
    return "expected four decimals";
  for (std::string_view group : groups) {
    if (group.size() > 1 && group[0] == '0')
      return "leading zeros";
    std::string error;
    std::optional<std::int64_t> n = atoi(group, error);
    if (!n)
      return error;
    if (*n < 0 || *n > 255)
      return "decimal must be between 0 and 255";
  }
  return std::nullopt;
}

Result ipv4(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  return ipv4_text(v.as_string());
}

// netip.ParseAddr's errors (Go's parseAddrError text).
std::string addr_error(std::string_view in, std::string_view msg, std::string_view at = {}) {
  std::string out = "ParseAddr(" + strconv::quote(in) + "): " + std::string(msg);
  if (!at.empty())
    out += " (at " + strconv::quote(at) + ")";
  return out;
}

// netip's parseIPv4: nullopt when valid, else the error.
Result netip_ipv4(std::string_view s) {
  int val = 0;
  int pos = 0;
  int dig_len = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_digit(s[i])) {
      if (dig_len == 1 && val == 0)
        return addr_error(s, "IPv4 field has octet with leading zero");
      val = val * 10 + (s[i] - '0');
      ++dig_len;
      if (val > 255)
        return addr_error(s, "IPv4 field has value >255");
    } else if (s[i] == '.') {
      if (i == 0 || i == s.size() - 1 || s[i - 1] == '.')
        return addr_error(s, "IPv4 field must have at least one digit", s.substr(i));
      if (pos == 3)
        return addr_error(s, "IPv4 address too long");
      ++pos;
      val = 0;
      dig_len = 0;
    } else {
      return addr_error(s, "unexpected character", s.substr(i));
    }
  }
  if (pos < 3)
    return addr_error(s, "IPv4 address too short");
  return std::nullopt;
}

// netip's parseIPv6; `zone` receives the zone.
Result netip_ipv6(std::string_view in, std::string& zone) {
  std::string_view s = in;
  if (const std::size_t pct = s.find('%'); pct != std::string_view::npos) {
    zone = std::string(s.substr(pct + 1));
    s = s.substr(0, pct);
    if (zone.empty())
      return addr_error(in, "zone must be a non-empty string");
  }
  int ellipsis = -1;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    s = s.substr(2);
    if (s.empty())
      return std::nullopt;
  }
  int i = 0;
  while (i < 16) {
    std::size_t off = 0;
    std::uint32_t acc = 0;
    for (; off < s.size(); ++off) {
      const char c = s[off];
      if (is_digit(c))
        acc = (acc << 4) + static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        acc = (acc << 4) + static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        acc = (acc << 4) + static_cast<std::uint32_t>(c - 'A' + 10);
      else
        break;
      if (acc > 0xFFFF)
        return addr_error(in, "IPv6 field has value >=2^16", s);
    }
    if (off == 0)
      return addr_error(in, "each colon-separated field must have at least one digit", s);
    if (off < s.size() && s[off] == '.') {
      if (ellipsis < 0 && i != 12)
        return addr_error(in, "embedded IPv4 address must replace the final 2 fields of the address", s);
      if (i + 4 > 16)
        return addr_error(in, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
      if (Result err = netip_ipv4(s))
        return addr_error(in, *err, s);
      s = {};
      i += 4;
      break;
    }
    i += 2;
    s = s.substr(off);
    if (s.empty())
      break;
    if (s[0] != ':')
      return addr_error(in, "unexpected character, want colon", s);
    if (s.size() == 1)
      return addr_error(in, "colon must be followed by more characters", s);
    s = s.substr(1);
    if (s[0] == ':') {
      if (ellipsis >= 0)
        return addr_error(in, "multiple :: in address", s);
      ellipsis = i;
      s = s.substr(1);
      if (s.empty())
        break;
    }
  }
  if (!s.empty())
    return addr_error(in, "trailing garbage after address", s);
  if (i < 16) {
    if (ellipsis < 0)
      return addr_error(in, "address string too short");
  } else if (ellipsis >= 0) {
    return addr_error(in, "the :: must expand to at least one field of zeros");
  }
  return std::nullopt;
}

// netip.ParseAddr, keeping the zone.
Result parse_addr(std::string_view s, std::string& zone) {
  for (char c : s) {
    if (c == '.')
      return netip_ipv4(s);
    if (c == ':')
      return netip_ipv6(s, zone);
    if (c == '%')
      return addr_error(s, "missing IPv6 address");
  }
  return addr_error(s, "unable to parse IP");
}

Result ipv6_text(std::string_view s) {
  if (s.find(':') == std::string_view::npos)
    return "missing colon";
  std::string zone;
  if (Result err = parse_addr(s, zone))
    return err;
  if (!zone.empty())
    return "zone id is not a part of ipv6 address";
  return std::nullopt;
}

Result ipv6(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  return ipv6_text(v.as_string());
}

Result hostname_text(std::string_view s) {
  if (ends_with(s, "."))
    s.remove_suffix(1);
  if (s.size() > 253)
    return "more than 253 characters long";
  for (std::string_view label : split(s, '.')) {
    if (label.empty() || label.size() > 63)
      return "label must be 1 to 63 characters long";
    if (label.front() == '-')
      return "label starts with hyphen";
    if (label.back() == '-')
      return "label ends with hyphen";
    for (std::int32_t ch : runes(label)) {
      const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || is_digit(ch) ||
                      ch == '-';
      if (!ok)
        return "invalid character " + strconv::quote_rune(ch);
    }
  }
  return std::nullopt;
}

Result hostname(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  return hostname_text(v.as_string());
}

Result email(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  std::string_view s = v.as_string();
  if (s.size() > 254)
    return "more than 255 characters long";
  const std::size_t at = s.rfind('@');
  if (at == std::string_view::npos)
    return "missing @";
  std::string_view local = s.substr(0, at);
  std::string_view domain = s.substr(at + 1);
  if (local.size() > 64)
    return "local part more than 64 characters long";
  if (local.size() > 1 && local.front() == '"') {
    const std::string_view inner = local.substr(1, local.size() - 2);
    if (inner.find('\\') != std::string_view::npos || inner.find('"') != std::string_view::npos)
      return "backslash and quote are not allowed within quoted local part";
  } else {
    if (starts_with(local, "."))
      return "starts with dot";
    if (ends_with(local, "."))
      return "ends with dot";
    if (local.find("..") != std::string_view::npos)
      return "consecutive dots";
    for (std::int32_t ch : runes(local)) {
      const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || is_digit(ch) ||
                      (ch < 0x80 && std::string_view(".!#$%&'*+-/=?^_`{|}~").find(
                                        static_cast<char>(ch)) != std::string_view::npos);
      if (!ok)
        return "invalid character " + strconv::quote_rune(ch);
    }
  }
  if (starts_with(domain, "[") && ends_with(domain, "]") && domain.size() >= 2) {
    domain = domain.substr(1, domain.size() - 2);
    if (starts_with(domain, "IPv6:")) {
      if (Result err = ipv6_text(domain.substr(5)))
        return "invalid ipv6 address: " + *err;
      return std::nullopt;
    }
    if (Result err = ipv4_text(domain))
      return "invalid ipv4 address: " + *err;
    return std::nullopt;
  }
  if (Result err = hostname_text(domain))
    return "invalid domain: " + *err;
  return std::nullopt;
}

Result date_text(std::string_view s) {
  try {
    templating::gotime::parse_in_location("2006-01-02", s, templating::gotime::utc());
  } catch (const templating::gotime::ParseError& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

Result date(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  return date_text(v.as_string());
}

Result time_text(std::string_view str) {
  if (str.size() < 9)
    return "less than 9 characters long";
  if (str[2] != ':' || str[5] != ':')
    return "missing colon in correct place";
  std::vector<std::int64_t> hms;
  for (std::string_view tok : split(str.substr(0, 8), ':')) {
    std::string error;
    std::optional<std::int64_t> i = atoi(tok, error);
    if (!i)
      return "invalid hour/min/sec";
    if (*i < 0)
      return "non-positive hour/min/sec";
    hms.push_back(*i);
  }
  if (hms.size() != 3)
    return "missing hour/min/sec";
  std::int64_t h = hms[0];
  std::int64_t m = hms[1];
  const std::int64_t sec = hms[2];
  if (h > 23 || m > 59 || sec > 60)
    return "hour/min/sec out of range";
  str = str.substr(8);
  if (starts_with(str, ".")) {
    std::string_view rem = str.substr(1);
    std::size_t digits = 0;
    while (digits < rem.size() && is_digit(rem[digits])) ++digits;
    if (digits == 0)
      return "no digits in second fraction";
    str = rem.substr(digits);
  }
  if (str != "z" && str != "Z") {
    if (str.size() != 6)
      return "offset must be 6 characters long";
    int sign = 0;
    if (str[0] == '+')
      sign = -1;
    else if (str[0] == '-')
      sign = 1;
    else
      return "offset must begin with plus/minus";
    str = str.substr(1);
    if (str[2] != ':')
      return "missing colon in offset in correct place";
    std::vector<std::int64_t> zhm;
    for (std::string_view tok : split(str, ':')) {
      std::string error;
      std::optional<std::int64_t> i = atoi(tok, error);
      if (!i)
        return "invalid hour/min in offset";
      if (*i < 0)
        return "non-positive hour/min in offset";
      zhm.push_back(*i);
    }
    if (zhm[0] > 23 || zhm[1] > 59)
      return "hour/min in offset out of range";
    std::int64_t hm = (h * 60 + m) + sign * (zhm[0] * 60 + zhm[1]);
    if (hm < 0)
      hm += 24 * 60;
    h = hm / 60;
    m = hm % 60;
  }
  if (sec >= 60 && (h != 23 || m != 59))
    return "invalid leap second";
  return std::nullopt;
}

Result time_format(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  return time_text(v.as_string());
}

Result date_time_text(std::string_view s) {
  if (s.size() < 20)
    return "less than 20 characters long";
  if (s[10] != 't' && s[10] != 'T')
    return "11th character must be t or T";
  if (Result err = date_text(s.substr(0, 10)))
    return "invalid date element: " + *err;
  if (Result err = time_text(s.substr(11)))
    return "invalid time element: " + *err;
  return std::nullopt;
}

Result date_time(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  return date_time_text(v.as_string());
}

// parseURL: url.Parse plus the IPv6 host checks.
Result parse_url_checked(std::string_view s, Url* out) {
  Url u;
  try {
    u = parse_url(s);
  } catch (const Error& e) {
    return std::string(e.what());
  }
  const std::string host = u.hostname();
  if (host.find(':') != std::string::npos) {
    if (u.host.find('[') == std::string::npos || u.host.find(']') == std::string::npos)
      return "ipv6 address not enclosed in brackets";
    if (Result err = ipv6_text(host))
      return "invalid ipv6 address: " + *err;
  }
  if (out != nullptr)
    *out = u;
  return std::nullopt;
}

Result uri(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  Url u;
  if (Result err = parse_url_checked(v.as_string(), &u))
    return err;
  if (!u.is_abs())
    return "relative url";
  return std::nullopt;
}

Result uri_reference(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  if (v.as_string().find('\\') != std::string::npos)
    return "contains \\";
  return parse_url_checked(v.as_string(), nullptr);
}

Result uri_template(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  Url u;
  if (Result err = parse_url_checked(v.as_string(), &u))
    return err;
  for (std::string_view tok : split(u.raw_path, '/')) {
    std::optional<std::string> decoded = path_unescape(tok);
    if (!decoded)
      return "percent decode failed: " + path_unescape_error(tok);
    bool want = true;
    for (char ch : *decoded) {
      bool got = false;
      if (ch == '{')
        got = true;
      else if (ch == '}')
        got = false;
      else
        continue;
      if (got != want)
        return "nested curly braces";
      want = !want;
    }
    if (!want)
      return "no matching closing brace";
  }
  return std::nullopt;
}

Result period(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  std::string_view s = v.as_string();
  const std::size_t slash = s.find('/');
  if (slash == std::string_view::npos)
    return "missing slash";
  const std::string_view start = s.substr(0, slash);
  const std::string_view end = s.substr(slash + 1);
  if (starts_with(start, "P")) {
    if (Result err = duration_text(start))
      return "invalid start duration: " + *err;
    if (Result err = date_time_text(end))
      return "invalid end date-time: " + *err;
  } else {
    if (Result err = date_time_text(start))
      return "invalid start date-time: " + *err;
    if (starts_with(end, "P")) {
      if (Result err = duration_text(end))
        return "invalid end duration: " + *err;
    } else if (Result err = date_time_text(end)) {
      return "invalid end date-time: " + *err;
    }
  }
  return std::nullopt;
}

bool ident_char(std::int32_t ch) {
  return is_digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-';
}

Result semver(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  std::string_view s = v.as_string();
  if (const std::size_t plus = s.find('+'); plus != std::string_view::npos) {
    const std::string_view build = s.substr(plus + 1);
    if (build.empty())
      return "build is empty";
    for (std::string_view id : split(build, '.')) {
      if (id.empty())
        return "build identifier is empty";
      for (std::int32_t ch : runes(id)) {
        if (!ident_char(ch))
          return "invalid character " + strconv::quote_rune(ch) + " in build identifier";
      }
    }
    s = s.substr(0, plus);
  }
  if (const std::size_t dash = s.find('-'); dash != std::string_view::npos) {
    for (std::string_view id : split(s.substr(dash + 1), '.')) {
      if (id.empty())
        return "pre-release identifier is empty";
      bool all_digits = true;
      for (std::int32_t ch : runes(id)) {
        if (is_digit(ch))
          continue;
        if (ident_char(ch)) {
          all_digits = false;
          continue;
        }
        return "invalid character " + strconv::quote_rune(ch) + " in pre-release identifier";
      }
      if (all_digits && id.size() > 1 && id[0] == '0')
        return "pre-release numeric identifier starts with zero";
    }
    s = s.substr(0, dash);
  }
  std::vector<std::string_view> versions = split(s, '.');
  if (versions.size() != 3)
    return "versionCore must have 3 numbers separated by dot";
  static const char* const kNames[] = {"major", "minor", "patch"};
  for (std::size_t i = 0; i < 3; ++i) {
    if (versions[i].empty())
      return std::string(kNames[i]) + " is empty";
    if (versions[i].size() > 1 && versions[i][0] == '0')
      return std::string(kNames[i]) + " starts with zero";
    for (char ch : versions[i]) {
      if (!is_digit(ch))
        return std::string(kNames[i]) + " contains non-digit";
    }
  }
  return std::nullopt;
}

}  // namespace

const Format* find_format(std::string_view name) {
  static const std::map<std::string, Format, std::less<>> kFormats = {
      {"json-pointer", {"json-pointer", json_pointer_format}},
      {"relative-json-pointer", {"relative-json-pointer", relative_json_pointer}},
      {"uuid", {"uuid", uuid}},
      {"duration", {"duration", duration}},
      {"period", {"period", period}},
      {"ipv4", {"ipv4", ipv4}},
      {"ipv6", {"ipv6", ipv6}},
      {"hostname", {"hostname", hostname}},
      {"email", {"email", email}},
      {"date", {"date", date}},
      {"time", {"time", time_format}},
      {"date-time", {"date-time", date_time}},
      {"uri", {"uri", uri}},
      {"iri", {"iri", uri}},
      {"uri-reference", {"uri-reference", uri_reference}},
      {"iri-reference", {"iri-reference", uri_reference}},
      {"uri-template", {"uri-template", uri_template}},
      {"semver", {"semver", semver}},
  };
  auto it = kFormats.find(name);
  return it == kFormats.end() ? nullptr : &it->second;
}

std::optional<std::string> validate_regex_format(const Value& v) {
  if (!v.is_string())
    return std::nullopt;
  std::string error;
  if (!compile_pattern(v.as_string(), error))
    return error;
  return std::nullopt;
}

}  // namespace capstan::chart::jsonschema
