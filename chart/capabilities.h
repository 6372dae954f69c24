// .Capabilities without a cluster, as `helm template` of the official Helm v3.21.4 binary sees
// it: Kubernetes v1.36.0 (set by Helm's build from client-go v0.36), the API group/versions
// client-go v0.36 registers plus apiextensions v1 and v1beta1, and Helm's build info.
// --kube-version replaces the Kubernetes version; --api-versions adds to the list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace capstan::chart {

struct KubeVersion {
  std::string version;  // "v1.36.0"
  std::string major;    // "1"
  std::string minor;    // "36"
};

// Helm's version.BuildInfo.
struct HelmBuildInfo {
  std::string version;
  std::string git_commit;
  std::string git_tree_state;
  std::string go_version;
};

struct Capabilities {
  KubeVersion kube_version;
  std::vector<std::string> api_versions;  // in a fixed order (Helm's is random)
  HelmBuildInfo helm_version;

  // VersionSet.Has: an exact "group/version" or "group/version/Kind".
  bool has_api_version(std::string_view api_version) const;
};

Capabilities default_capabilities();

// chartutil.ParseKubeVersion (k8s.io/apimachinery's ParseGeneric): "1.20", "v1.20.3",
// " v1.21.0-beta.1" (the suffix is ignored). Throws Error(ErrorKind::BadRequest) worded as
// apimachinery's ("could not parse \"x\" as version", "illegal version string \"1\"").
KubeVersion parse_kube_version(std::string_view text);

}  // namespace capstan::chart
