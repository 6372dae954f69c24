// govalidator and apimachinery checks for lint (see lint_validators.h). The two govalidator
// expressions are its published patterns (github.com/asaskevich/govalidator patterns.go at
// a9d515a09cc2, the version Helm v3.21.4 pins), which Go's regexp and RE2 read alike.
#include "chart/lint_validators.h"

#include <cctype>

#include "chart/schema_url.h"
#include "core/error.h"
#include "core/json_text.h"
#include "templating/sprig_regexp.h"

namespace capstan::chart::lint {

namespace {

using templating::goregexp::Regexp;

constexpr std::string_view kEmail =
    "^(((([a-zA-Z]|\\d|[!#\\$%&'\\*\\+\\-\\/=\\?\\^_`{\\|}~]|[\\x{00A0}-\\x{D7FF}\\x{F900}-"
    "\\x{FDCF}\\x{FDF0}-\\x{FFEF}])+(\\.([a-zA-Z]|\\d|[!#\\$%&'\\*\\+\\-\\/=\\?\\^_`{\\|}~]|[\\x{"
    "00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])+)*)|((\\x22)((((\\x20|\\x09)*("
    "\\x0d\\x0a"
    "))?(\\x20|\\x09)+)?(([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]|\\x21|[\\x23-\\x5b]|[\\x5d-\\x7e]"
    "|["
    "\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])|(\\([\\x01-\\x09\\x0b\\x0c\\x0d-"
    "\\x7f]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}]))))*(((\\x20|\\x09)*(\\x0d"
    "\\x0a))?(\\x20|\\x09)+)?(\\x22)))@((([a-zA-Z]|\\d|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{"
    "FDF0}-\\x{FFEF}])|(([a-zA-Z]|\\d|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])"
    "([a-zA-Z]|\\d|-|\\.|_|~|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])*([a-zA-Z]"
    "|\\d|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])))\\.)+(([a-zA-Z]|[\\x{00A0}-"
    "\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])|(([a-zA-Z]|[\\x{00A0}-\\x{D7FF}\\x{F900}-"
    "\\x{FDCF}\\x{FDF0}-\\x{FFEF}])([a-zA-Z]|\\d|-|_|~|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{"
    "FDF0}-\\x{FFEF}])*([a-zA-Z]|[\\x{00A0}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFEF}])))\\.?"
    "$";

constexpr std::string_view kIP =
    "(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}"
    ":[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}"
    "(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:"
    "){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]"
    "{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}(("
    "25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|(["
    "0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1"
    "{0,1}[0-9]){0,1}[0-9]))";

std::string url_pattern() {
  const std::string schema = "((ftp|tcp|udp|wss?|https?):\\/\\/)";
  const std::string username = "(\\S+(:\\S*)?@)";
  const std::string path = "((\\/|\\?|#)[^\\s]*)";
  const std::string port = "(:(\\d{1,5}))";
  const std::string ip =
      "([1-9]\\d?|1\\d\\d|2[01]\\d|22[0-3]|24\\d|25[0-5])(\\.(\\d{1,2}|1\\d\\d|2[0-4]\\d|25[0-5])){"
      "2}(?:\\.([0-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5]))";
  const std::string subdomain =
      "((www\\.)|([a-zA-Z0-9]+([-_\\.]?[a-zA-Z0-9])*[a-zA-Z0-9]\\.[a-zA-Z0-9]+))";
  return "^" + schema + "?" + username + "?" + "((" + ip + "|(\\[" + std::string(kIP) +
         "\\])|(([a-zA-Z0-9]([a-zA-Z0-9-_]+)?[a-zA-Z0-9]([-\\.][a-zA-Z0-9]+)*)|(" + subdomain +
         "?))?(([a-zA-Z\\x{00a1}-\\x{ffff}0-9]+-?-?)*[a-zA-Z\\x{00a1}-\\x{ffff}0-9]+)(?:\\.([a-zA-"
         "Z\\x{00a1}-\\x{ffff}]{1,}))?))\\.?" +
         port + "?" + path + "?$";
}

const Regexp& email_regexp() {
  static const Regexp re(kEmail);
  return re;
}

const Regexp& url_regexp() {
  static const Regexp re(url_pattern());
  return re;
}

std::size_t rune_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n)
    i += static_cast<std::size_t>(json::decode_rune(s, i).size);
  return n;
}

// ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$
bool is_dns1123_label_text(std::string_view s) {
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (s.empty() || !alnum(s.front()) || !alnum(s.back()))
    return false;
  for (char c : s) {
    if (!alnum(c) && c != '-')
      return false;
  }
  return true;
}

bool is_dns1123_subdomain_text(std::string_view s) {
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    if (!is_dns1123_label_text(s.substr(start, dot == std::string_view::npos ? dot : dot - start)))
      return false;
    if (dot == std::string_view::npos)
      return true;
    start = dot + 1;
  }
}

std::string max_len(int n) {
  return "must be no more than " + std::to_string(n) + " characters";
}

constexpr std::string_view kLabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

std::vector<std::string> dns1123_subdomain(std::string_view name) {
  std::vector<std::string> errs;
  if (name.size() > 253)
    errs.push_back(max_len(253));
  if (!is_dns1123_subdomain_text(name)) {
    errs.push_back(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
        "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
        "used for validation is '" +
        std::string(kLabelFmt) + "(\\." + std::string(kLabelFmt) + ")*')");
  }
  return errs;
}

std::vector<std::string> dns1123_label(std::string_view name) {
  std::vector<std::string> errs;
  if (name.size() > 63)
    errs.push_back(max_len(63));
  if (!is_dns1123_label_text(name)) {
    if (is_dns1123_subdomain_text(name)) {
      errs.push_back("must not contain dots");
    } else {
      errs.push_back(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
          "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
          "regex used for validation is '" +
          std::string(kLabelFmt) + "')");
    }
  }
  return errs;
}

std::vector<std::string> dns1035_label(std::string_view name) {
  std::vector<std::string> errs;
  if (name.size() > 63)
    errs.push_back(max_len(63));
  bool ok =
      !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
      ((name.back() >= 'a' && name.back() <= 'z') || (name.back() >= '0' && name.back() <= '9'));
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      ok = false;
  }
  if (!ok) {
    errs.push_back(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
        "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
        "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  }
  return errs;
}

// content.IsPathSegmentName.
std::vector<std::string> path_segment_name(std::string_view name) {
  if (name == "." || name == "..")
    return {"may not be '" + std::string(name) + "'"};
  std::vector<std::string> errs;
  for (const char* bad : {"/", "%"}) {
    if (name.find(bad) != std::string_view::npos)
      errs.push_back("may not contain '" + std::string(bad) + "'");
  }
  return errs;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool is_email(std::string_view s) {
  return email_regexp().match(s);
}

bool is_url(std::string_view s) {
  if (s.empty() || rune_count(s) >= 2083 || s.size() <= 3 || s[0] == '.')
    return false;
  std::string temp(s);
  if (s.find(':') != std::string_view::npos && s.find("://") == std::string_view::npos)
    temp = "http://" + temp;
  jsonschema::Url u;
  try {
    u = jsonschema::parse_url(temp);
  } catch (const Error&) {
    return false;
  }
  if (!u.host.empty() && u.host[0] == '.')
    return false;
  if (u.host.empty() && !u.path.empty() && u.path.find('.') == std::string::npos)
    return false;
  return url_regexp().match(s);
}

bool is_request_url(std::string_view s) {
  return jsonschema::is_request_url(s);
}

std::vector<std::string> validate_object_name(std::string_view kind, std::string_view name) {
  const std::string k = lower(kind);
  if (k == "service")
    return dns1035_label(name);
  if (k == "namespace")
    return dns1123_label(name);
  if (k == "certificatesigningrequest")
    return {};
  if (k == "role" || k == "clusterrole" || k == "rolebinding" || k == "clusterrolebinding")
    return path_segment_name(name);
  // Every other kind (the apps, batch, networking, ... list of validateMetadataNameFunc, and
  // unknown ones) and serviceaccount: a DNS-1123 subdomain.
  return dns1123_subdomain(name);
}

}  // namespace capstan::chart::lint
