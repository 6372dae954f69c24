// Name validation and field errors, after k8s.io/apimachinery/pkg/util/validation.
#include "orchestrator/validation.h"

#include <set>

#include "core/strconv.h"
#include "core/value.h"

namespace capstan::orchestrator {

namespace {

constexpr std::string_view kDns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kDns1123SubdomainFmt =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr std::string_view kDns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kQualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view kLabelValueFmt = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool alnum(char c) { return lower_alnum(c) || (c >= 'A' && c <= 'Z'); }

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool is_dns1123_label(std::string_view s) {
  if (s.empty() || !lower_alnum(s.front()) || !lower_alnum(s.back())) return false;
  for (char c : s) {
    if (!lower_alnum(c) && c != '-') return false;
  }
  return true;
}

bool is_dns1123_subdomain(std::string_view s) {
  if (s.empty()) return false;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = s.find('.', start);
    if (!is_dns1123_label(s.substr(start, dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool is_qualified_name_part(std::string_view s) {
  if (s.empty() || !alnum(s.front()) || !alnum(s.back())) return false;
  for (char c : s) {
    if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

std::string max_len_error(int n) { return "must be no more than " + std::to_string(n) + " characters"; }

std::string regex_error(std::string_view msg, std::string_view fmt,
                        std::initializer_list<std::string_view> examples) {
  std::string out(msg);
  if (examples.size() == 0) return out + " (regex used for validation is '" + std::string(fmt) + "')";
  out += " (e.g. ";
  bool first = true;
  for (std::string_view e : examples) {
    // Go's RegexError writes "'a', " then " or 'b', ": hence the double space.
    if (!first) out += " or ";
    first = false;
    out += "'" + std::string(e) + "', ";
  }
  return out + "regex used for validation is '" + std::string(fmt) + "')";
}

std::string go_value(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String: return strconv::quote(v.as_string());
    case Value::Kind::Int: return std::to_string(v.as_int());
    case Value::Kind::Uint: return std::to_string(v.as_uint());
    case Value::Kind::Float: return strconv::format_float(v.as_float(), 'g', -1);
    case Value::Kind::Bool: return v.as_bool() ? "true" : "false";
    case Value::Kind::Null: return "null";
    default: return "<object>";
  }
}

}  // namespace

std::vector<std::string> dns1123_label_errors(std::string_view value) {
  std::vector<std::string> errs;
  if (value.size() > 63) errs.push_back(max_len_error(63));
  if (!is_dns1123_label(value)) {
    if (is_dns1123_subdomain(value)) {
      errs.emplace_back("must not contain dots");
    } else {
      errs.push_back(regex_error(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
          "and must start and end with an alphanumeric character",
          kDns1123LabelFmt, {"my-name", "123-abc"}));
    }
  }
  return errs;
}

std::vector<std::string> dns1123_subdomain_errors(std::string_view value) {
  std::vector<std::string> errs;
  if (value.size() > 253) errs.push_back(max_len_error(253));
  if (!is_dns1123_subdomain(value)) {
    errs.push_back(regex_error(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
        "or '.', and must start and end with an alphanumeric character",
        kDns1123SubdomainFmt, {"example.com"}));
  }
  return errs;
}

std::vector<std::string> dns1035_label_errors(std::string_view value) {
  std::vector<std::string> errs;
  if (value.size() > 63) errs.push_back(max_len_error(63));
  const bool ok = is_dns1123_label(value) && value.front() >= 'a' && value.front() <= 'z';
  if (!ok) {
    errs.push_back(regex_error(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
        "an alphabetic character, and end with an alphanumeric character",
        kDns1035LabelFmt, {"my-name", "abc-123"}));
  }
  return errs;
}

std::vector<std::string> qualified_name_errors(std::string_view value) {
  static constexpr std::string_view kMsg =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
      "alphanumeric character";
  std::vector<std::string> errs;
  std::string_view name = value;
  const std::size_t slash = value.find('/');
  if (slash != std::string_view::npos) {
    if (value.find('/', slash + 1) != std::string_view::npos) {
      errs.push_back("a qualified name " +
                     regex_error(kMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}) +
                     " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    const std::string_view prefix = value.substr(0, slash);
    name = value.substr(slash + 1);
    if (prefix.empty()) {
      errs.emplace_back("prefix part must be non-empty");
    } else {
      for (const std::string& m : dns1123_subdomain_errors(prefix)) errs.push_back("prefix part " + m);
    }
  }
  if (name.empty()) {
    errs.emplace_back("name part must be non-empty");
  } else if (name.size() > 63) {
    errs.push_back("name part " + max_len_error(63));
  }
  if (!is_qualified_name_part(name)) {
    errs.push_back("name part " + regex_error(kMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}));
  }
  return errs;
}

std::vector<std::string> label_value_errors(std::string_view value) {
  std::vector<std::string> errs;
  if (value.size() > 63) errs.push_back(max_len_error(63));
  if (!value.empty() && !is_qualified_name_part(value)) {
    errs.push_back(regex_error(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
        "or '.', and must start and end with an alphanumeric character",
        kLabelValueFmt, {"MyValue", "my_value", "12345"}));
  }
  return errs;
}

FieldError field_invalid(std::string field, const Value& bad, std::string_view detail) {
  return field_invalid_text(std::move(field), go_value(bad), detail);
}

FieldError field_invalid_text(std::string field, std::string_view rendered, std::string_view detail) {
  std::string body = "Invalid value: " + std::string(rendered);
  if (!detail.empty()) body += ": " + std::string(detail);
  return {std::move(field), std::move(body)};
}

FieldError field_required(std::string field, std::string_view detail) {
  std::string body = "Required value";
  if (!detail.empty()) body += ": " + std::string(detail);
  return {std::move(field), std::move(body)};
}

FieldError field_forbidden(std::string field, std::string_view detail) {
  return {std::move(field), "Forbidden: " + std::string(detail)};
}

FieldError field_duplicate(std::string field, const Value& bad) {
  return {std::move(field), "Duplicate value: " + go_value(bad)};
}

FieldError field_not_supported(std::string field, const Value& bad,
                               const std::vector<std::string>& supported) {
  std::string body = "Unsupported value: " + go_value(bad);
  if (!supported.empty()) {
    body += ": supported values: ";
    for (std::size_t i = 0; i < supported.size(); ++i) {
      if (i > 0) body += ", ";
      body += strconv::quote(supported[i]);
    }
  }
  return {std::move(field), std::move(body)};
}

std::string aggregate(const std::vector<FieldError>& errors) {
  std::vector<std::string> msgs;
  std::set<std::string> seen;
  for (const FieldError& e : errors) {
    std::string m = e.str();
    if (seen.insert(m).second) msgs.push_back(std::move(m));
  }
  if (msgs.size() == 1) return msgs[0];
  std::string out = "[";
  for (std::size_t i = 0; i < msgs.size(); ++i) {
    if (i > 0) out += ", ";
    out += msgs[i];
  }
  return out + "]";
}

InvalidError invalid_error(std::string_view qualified_kind, std::string_view name,
                           const std::vector<FieldError>& errors) {
  std::vector<std::string> causes;
  std::set<std::string> seen;
  for (const FieldError& e : errors) {
    if (seen.insert(e.str()).second) causes.push_back(e.str());
  }
  const std::string kind(qualified_kind.substr(0, qualified_kind.find('.')));
  return InvalidError(kind, std::string(name), std::move(causes),
                      std::string(qualified_kind) + " " + strconv::quote(name) + " is invalid: " + aggregate(errors));
}

}  // namespace capstan::orchestrator
