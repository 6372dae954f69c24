// DNS-1123 subdomain names of at most 53 characters.
#include "release/name.h"

namespace capstan::release {

namespace {

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$
bool valid_name(std::string_view name) {
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    const std::string_view label =
        name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || !alnum(label.front()) || !alnum(label.back())) return false;
    for (char c : label) {
      if (!alnum(c) && c != '-') return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

}  // namespace

std::optional<std::string> release_name_error(std::string_view name) {
  if (name.empty()) return "no name provided";
  if (name.size() > kMaxReleaseNameLength || !valid_name(name)) {
    return "invalid release name, must match regex "
           "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length "
           "must not be longer than 53";
  }
  return std::nullopt;
}

std::string template_name(std::string_view name_template,
                          const templating::EngineOptions& options) {
  if (name_template.empty()) return "";
  templating::EngineOptions o = options;
  o.missing_key = templating::MissingKey::Default;
  templating::Engine engine(o);
  std::string out;
  templating::run_with_big_stack([&] {
    engine.parse("name-template", name_template);
    out = engine.execute("name-template", Value());
  });
  return out;
}

}  // namespace capstan::release
