// history, status/get and list.
#include "release/query.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "core/error.h"
#include "release/name.h"

namespace capstan::release {

namespace {

enum StateBit : unsigned {
  kDeployed = 1u << 0,
  kUninstalled = 1u << 1,
  kUninstalling = 1u << 2,
  kPendingInstall = 1u << 3,
  kPendingUpgrade = 1u << 4,
  kPendingRollback = 1u << 5,
  kSuperseded = 1u << 6,
  kFailed = 1u << 7,
  kUnknown = 1u << 8,
};
constexpr unsigned kAll = kDeployed | kUninstalled | kUninstalling | kPendingInstall |
                          kPendingRollback | kPendingUpgrade | kSuperseded | kFailed;

unsigned state_bit(Status s) {
  switch (s) {
    case Status::Deployed: return kDeployed;
    case Status::Uninstalled: return kUninstalled;
    case Status::Superseded: return kSuperseded;
    case Status::Failed: return kFailed;
    case Status::Uninstalling: return kUninstalling;
    case Status::PendingInstall: return kPendingInstall;
    case Status::PendingUpgrade: return kPendingUpgrade;
    case Status::PendingRollback: return kPendingRollback;
    case Status::Unknown: break;
  }
  return kUnknown;
}

unsigned state_mask(const ListOptions& o) {
  if (o.all) return kAll;
  unsigned mask = 0;
  if (o.deployed) mask |= kDeployed;
  if (o.uninstalled) mask |= kUninstalled;
  if (o.uninstalling) mask |= kUninstalling;
  if (o.pending) mask |= kPendingInstall | kPendingRollback | kPendingUpgrade;
  if (o.failed) mask |= kFailed;
  if (o.superseded) mask |= kSuperseded;
  return mask == 0 ? (kDeployed | kFailed) : mask;
}

struct Requirement {
  std::string key;
  enum { Equals, NotEquals, Exists, NotExists, In, NotIn } op;
  std::vector<std::string> values;
};

std::string trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

// Splits at commas outside parentheses ("a in (x,y),b" is two requirements).
std::vector<std::string> split_requirements(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

// k8s.io/apimachinery labels.Parse: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k.
std::vector<Requirement> parse_selector(const std::string& text) {
  std::vector<Requirement> out;
  if (trim(text).empty()) return out;
  for (const std::string& raw : split_requirements(text)) {
    const std::string part = trim(raw);
    if (part.empty()) throw Error(ErrorKind::BadRequest, "found '', expected: identifier");
    Requirement r;
    const auto set_op = [&](std::size_t word, std::size_t len, decltype(Requirement::op) op) {
      const std::size_t open = part.find('(', word + len);
      const std::size_t close = part.rfind(')');
      if (open == std::string::npos || close == std::string::npos || close < open) {
        throw Error(ErrorKind::BadRequest, "found '" + part.substr(word + len) +
                                               "', expected: '('");
      }
      r = {trim(part.substr(0, word)), op, {}};
      for (const std::string& v : split_requirements(part.substr(open + 1, close - open - 1))) {
        r.values.push_back(trim(v));
      }
    };
    if (std::size_t p = part.find("!="); p != std::string::npos) {
      r = {trim(part.substr(0, p)), Requirement::NotEquals, {trim(part.substr(p + 2))}};
    } else if (std::size_t q = part.find("=="); q != std::string::npos) {
      r = {trim(part.substr(0, q)), Requirement::Equals, {trim(part.substr(q + 2))}};
    } else if (std::size_t e = part.find('='); e != std::string::npos) {
      r = {trim(part.substr(0, e)), Requirement::Equals, {trim(part.substr(e + 1))}};
    } else if (std::size_t n = part.find(" notin "); n != std::string::npos) {
      set_op(n, 7, Requirement::NotIn);
    } else if (std::size_t i = part.find(" in "); i != std::string::npos) {
      set_op(i, 4, Requirement::In);
    } else if (part[0] == '!') {
      r = {trim(part.substr(1)), Requirement::NotExists, {}};
    } else {
      r = {part, Requirement::Exists, {}};
    }
    out.push_back(r);
  }
  return out;
}

bool selector_matches(const std::vector<Requirement>& reqs, const Labels& labels) {
  for (const Requirement& r : reqs) {
    auto it = labels.find(r.key);
    const bool has = it != labels.end();
    const auto listed = [&] {
      return has && std::find(r.values.begin(), r.values.end(), it->second) != r.values.end();
    };
    switch (r.op) {
      case Requirement::Equals:
        if (!has || it->second != r.values[0]) return false;
        break;
      case Requirement::NotEquals:
        if (has && it->second == r.values[0]) return false;
        break;
      case Requirement::Exists:
        if (!has) return false;
        break;
      case Requirement::NotExists:
        if (has) return false;
        break;
      case Requirement::In:
        if (!listed()) return false;
        break;
      case Requirement::NotIn:
        if (listed()) return false;
        break;
    }
  }
  return true;
}

}  // namespace

std::vector<Release> history(Storage& storage, const std::string& name, int max) {
  if (release_name_error(name)) {
    throw Error(ErrorKind::BadRequest, "release name is invalid: " + name);
  }
  std::vector<Release> revisions = storage.history(name);
  if (revisions.empty()) throw Error(ErrorKind::NotFound, "release: not found");
  sort_by_revision(revisions);
  if (max >= 0 && static_cast<int>(revisions.size()) > max) {
    revisions.erase(revisions.begin(), revisions.end() - max);
  }
  return revisions;
}

Release release_content(Storage& storage, const std::string& name, int revision) {
  if (release_name_error(name)) {
    throw Error(ErrorKind::BadRequest, "releaseContent: Release name is invalid: " + name);
  }
  std::optional<Release> r = revision <= 0 ? storage.last(name) : storage.get(name, revision);
  if (!r) throw Error(ErrorKind::NotFound, "release: not found");
  return *r;
}

std::vector<Release> list(Storage& storage, const ListOptions& o) {
  std::unique_ptr<RE2> filter;
  if (!o.filter.empty()) {
    filter = std::make_unique<RE2>(o.filter, RE2::Quiet);
    if (!filter->ok()) {
      throw Error(ErrorKind::BadRequest, "error parsing regexp: " + filter->error());
    }
  }
  std::vector<Release> all = storage.list_all();
  if (filter) {
    std::erase_if(all, [&](const Release& r) { return !RE2::PartialMatch(r.name, *filter); });
  }
  const unsigned mask = state_mask(o);
  // Only the latest revision of each release, unless only superseded ones are wanted.
  if (mask != kSuperseded) {
    std::map<std::pair<std::string, std::string>, Release> latest;
    for (Release& r : all) {
      auto key = std::make_pair(r.ns, r.name);
      auto it = latest.find(key);
      if (it == latest.end() || it->second.version <= r.version) latest[key] = std::move(r);
    }
    all.clear();
    for (auto& [key, r] : latest) all.push_back(std::move(r));
  }
  std::erase_if(all, [&](const Release& r) { return (state_bit(r.info.status) & mask) == 0; });
  const std::vector<Requirement> selector = parse_selector(o.selector);
  std::erase_if(all, [&](const Release& r) { return !selector_matches(selector, r.labels); });

  if (o.by_date) {
    // "ByDateDesc" is releaseutil.SortByDate, which sorts oldest first; -r reverses it.
    sort_by_date(all);
    if (o.reverse) std::reverse(all.begin(), all.end());
  } else {
    sort_by_name(all);
    if (o.reverse) std::reverse(all.begin(), all.end());
  }
  if (o.offset >= static_cast<int>(all.size())) return {};
  std::size_t limit = all.size();
  if (o.limit > 0 && static_cast<std::size_t>(o.limit) < limit) limit = o.limit;
  const std::size_t end = std::min(all.size(), static_cast<std::size_t>(o.offset) + limit);
  return std::vector<Release>(all.begin() + o.offset, all.begin() + end);
}

}  // namespace capstan::release
