// SplitManifests, SortManifests and the kind order, after Helm's pkg/releaseutil
// (manifest.go, manifest_sorter.go, kind_sorter.go) as the oracle models v3.21.4.
#include "chart/manifest.h"

#include <algorithm>

#include "chart/go_format.h"
#include "chart/json_struct.h"
#include "core/error.h"
#include "core/strconv.h"
#include "core/yaml.h"

namespace capstan::chart {

namespace {

// Go RE2's \s: [\t\n\f\r ].
bool re_space(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

struct Match {
  std::size_t begin;
  std::size_t end;
};

// The leftmost match of (?:^|\s*\n)---\s* at or after `from`. Only a run of \s whose last
// character is '\n' and which is followed by "---" can match; the run is matched from its
// leftmost position, then the trailing \s* greedily.
bool find_separator(std::string_view s, std::size_t from, Match& m) {
  auto finish = [&](std::size_t begin, std::size_t dashes) {
    std::size_t end = dashes + 3;
    while (end < s.size() && re_space(s[end])) ++end;
    m = {begin, end};
    return true;
  };
  if (from == 0 && s.substr(0, 3) == "---")
    return finish(0, 0);
  std::size_t i = from;
  while (i < s.size()) {
    if (!re_space(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && re_space(s[j])) ++j;
    if (s[j - 1] == '\n' && s.substr(j, 3) == "---")
      return finish(i, j);
    i = j;
  }
  return false;
}

// regexp.Split(s, -1).
std::vector<std::string_view> regex_split(std::string_view s) {
  std::vector<std::string_view> out;
  if (s.empty())
    return {""};
  std::size_t beg = 0;
  std::size_t end = 0;
  Match m{};
  std::size_t from = 0;
  while (from <= s.size() && find_separator(s, from, m)) {
    end = m.begin;
    if (m.end != 0)
      out.push_back(s.substr(beg, end - beg));
    beg = m.end;
    from = m.end;
  }
  if (end != s.size())
    out.push_back(s.substr(beg));
  return out;
}

const std::vector<std::pair<std::string_view, std::string_view>>& hook_events() {
  static const std::vector<std::pair<std::string_view, std::string_view>> events = {
      {"pre-install", "pre-install"},
      {"post-install", "post-install"},
      {"pre-delete", "pre-delete"},
      {"post-delete", "post-delete"},
      {"pre-upgrade", "pre-upgrade"},
      {"post-upgrade", "post-upgrade"},
      {"pre-rollback", "pre-rollback"},
      {"post-rollback", "post-rollback"},
      {"test", "test"},
      {"test-success", "test"},
  };
  return events;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = s.find(',', start);
    out.emplace_back(s.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos)
      break;
    start = comma + 1;
  }
  return out;
}

// releaseutil.SimpleHead: apiVersion, kind, and a metadata pointer with name and annotations.
struct SimpleHead {
  std::string api_version;
  std::string kind;
  bool has_metadata = false;
  std::string name;
  std::map<std::string, std::string> annotations;
};

constexpr std::string_view kMetadataType =
    "struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string "
    "\"json:\\\"annotations\\\"\" }";

SimpleHead decode_head(const Value& doc) {
  SimpleHead head;
  JsonStructDecoder d;
  if (d.top_level_object(doc, "releaseutil.SimpleHead")) {
    const JsonStructDecoder::Scope scope{"SimpleHead", ""};
    for (const auto& [f, v] :
         JsonStructDecoder::match_fields(doc, {"apiVersion", "kind", "metadata"})) {
      if (f == "apiVersion")
        d.string_field(v, head.api_version, scope, f);
      if (f == "kind")
        d.string_field(v, head.kind, scope, f);
      if (f != "metadata" || v.is_null())
        continue;
      if (!v.is_map()) {
        d.type_error(v, kMetadataType, scope, f);
        continue;
      }
      head.has_metadata = true;
      // Fields of the anonymous struct: Go names its (empty) type name in errors.
      const JsonStructDecoder::Scope meta{"", "metadata"};
      for (const auto& [mf, mv] : JsonStructDecoder::match_fields(v, {"name", "annotations"})) {
        if (mf == "name")
          d.string_field(mv, head.name, meta, mf);
        if (mf == "annotations")
          d.string_map(mv, head.annotations, meta, mf);
      }
    }
  }
  if (d.error()) {
    throw Error(ErrorKind::Parse, "error unmarshaling JSON: while decoding JSON: " + *d.error());
  }
  return head;
}

bool is_partial(const std::string& path) {
  std::size_t slash = path.rfind('/');
  std::string_view base = slash == std::string::npos ? std::string_view(path)
                                                     : std::string_view(path).substr(slash + 1);
  return !base.empty() && base[0] == '_';
}

}  // namespace

std::vector<std::string> split_manifests(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view doc : regex_split(go_trim_space(text))) {
    if (doc.empty())
      continue;
    out.emplace_back(go_trim_space(doc));
  }
  return out;
}

const std::vector<std::string_view>& install_order() {
  static const std::vector<std::string_view> order = {
      "PriorityClass",
      "Namespace",
      "NetworkPolicy",
      "ResourceQuota",
      "LimitRange",
      "PodSecurityPolicy",
      "PodDisruptionBudget",
      "ServiceAccount",
      "Secret",
      "SecretList",
      "ConfigMap",
      "StorageClass",
      "PersistentVolume",
      "PersistentVolumeClaim",
      "CustomResourceDefinition",
      "ClusterRole",
      "ClusterRoleList",
      "ClusterRoleBinding",
      "ClusterRoleBindingList",
      "Role",
      "RoleList",
      "RoleBinding",
      "RoleBindingList",
      "Service",
      "DaemonSet",
      "Pod",
      "ReplicationController",
      "ReplicaSet",
      "Deployment",
      "HorizontalPodAutoscaler",
      "StatefulSet",
      "Job",
      "CronJob",
      "IngressClass",
      "Ingress",
      "APIService",
  };
  return order;
}

bool kind_less(std::string_view a, std::string_view b) {
  const auto& order = install_order();
  auto ra = std::find(order.begin(), order.end(), a);
  auto rb = std::find(order.begin(), order.end(), b);
  const bool aok = ra != order.end();
  const bool bok = rb != order.end();
  if (!aok && !bok)
    return a < b;  // same unknown kind: keep the original order
  if (!aok)
    return false;
  if (!bok)
    return true;
  return ra < rb;
}

SortedManifests sort_manifests(const std::map<std::string, std::string>& files, const Log& log) {
  SortedManifests out;
  for (const auto& [path, content] : files) {
    if (is_partial(path) || go_trim_space(content).empty())
      continue;
    for (std::string& doc : split_manifests(content)) {
      Value object;
      SimpleHead head;
      try {
        yaml::DecodeOptions options;
        options.numbers = yaml::Numbers::Typed;
        object = yaml::decode(doc, options);
        head = decode_head(object);
      } catch (const Error& e) {
        throw Error(ErrorKind::Parse, "YAML parse error on " + path + ": " + e.what());
      }
      auto hook_types = head.annotations.find("helm.sh/hook");
      if (!head.has_metadata || head.annotations.empty() || hook_types == head.annotations.end()) {
        Manifest m;
        m.source = path;
        m.api_version = head.api_version;
        m.kind = head.kind;
        m.name = head.name;
        if (const Value* ns = object.find_path({"metadata", "namespace"}); ns && ns->is_string()) {
          m.namespace_ = ns->as_string();
        }
        m.content = std::move(doc);
        m.object = std::move(object);
        out.manifests.push_back(std::move(m));
        continue;
      }
      Hook h;
      h.name = head.name;
      h.kind = head.kind;
      h.path = path;
      if (auto w = head.annotations.find("helm.sh/hook-weight"); w != head.annotations.end()) {
        strconv::Parsed<std::int64_t> n = strconv::parse_int(w->second, 10, 64);
        if (n.ok())
          h.weight = n.value;
      }
      bool unknown = false;
      for (const std::string& t : split_commas(hook_types->second)) {
        const std::string event = lower(go_trim_space(t));
        auto known = std::find_if(hook_events().begin(), hook_events().end(),
                                  [&](const auto& e) { return e.first == event; });
        if (known == hook_events().end()) {
          unknown = true;
          break;
        }
        h.events.emplace_back(known->second);
      }
      if (unknown) {
        log_to(log, "manifest_sorter.go:199",
               "info: skipping unknown hook: " + strconv::quote(hook_types->second));
        continue;
      }
      auto policies = [&](std::string_view annotation, std::vector<std::string>& into) {
        auto it = head.annotations.find(std::string(annotation));
        if (it == head.annotations.end())
          return;
        for (const std::string& p : split_commas(it->second))
          into.push_back(lower(go_trim_space(p)));
      };
      policies("helm.sh/hook-delete-policy", h.delete_policies);
      policies("helm.sh/hook-output-log-policy", h.output_log_policies);
      h.manifest = std::move(doc);
      h.object = std::move(object);
      out.hooks.push_back(std::move(h));
    }
  }
  std::stable_sort(out.manifests.begin(), out.manifests.end(),
                   [](const Manifest& a, const Manifest& b) { return kind_less(a.kind, b.kind); });
  std::stable_sort(out.hooks.begin(), out.hooks.end(),
                   [](const Hook& a, const Hook& b) { return kind_less(a.kind, b.kind); });
  return out;
}

}  // namespace capstan::chart
