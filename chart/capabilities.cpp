// Default capabilities and --kube-version parsing (see capabilities.h).
#include "chart/capabilities.h"

#include "core/error.h"
#include "core/strconv.h"

namespace capstan::chart {

bool Capabilities::has_api_version(std::string_view api_version) const {
  for (const std::string& v : api_versions) {
    if (v == api_version)
      return true;
  }
  return false;
}

Capabilities default_capabilities() {
  Capabilities caps;
  caps.kube_version = {"v1.36.0", "1", "36"};
  caps.api_versions = {
      "v1",
      "admissionregistration.k8s.io/v1",
      "admissionregistration.k8s.io/v1alpha1",
      "admissionregistration.k8s.io/v1beta1",
      "internal.apiserver.k8s.io/v1alpha1",
      "apps/v1",
      "apps/v1beta1",
      "apps/v1beta2",
      "authentication.k8s.io/v1",
      "authentication.k8s.io/v1alpha1",
      "authentication.k8s.io/v1beta1",
      "authorization.k8s.io/v1",
      "authorization.k8s.io/v1beta1",
      "autoscaling/v1",
      "autoscaling/v2",
      "batch/v1",
      "batch/v1beta1",
      "certificates.k8s.io/v1",
      "certificates.k8s.io/v1alpha1",
      "certificates.k8s.io/v1beta1",
      "coordination.k8s.io/v1",
      "coordination.k8s.io/v1alpha2",
      "coordination.k8s.io/v1beta1",
      "discovery.k8s.io/v1",
      "discovery.k8s.io/v1beta1",
      "events.k8s.io/v1",
      "events.k8s.io/v1beta1",
      "extensions/v1beta1",
      "flowcontrol.apiserver.k8s.io/v1",
      "flowcontrol.apiserver.k8s.io/v1beta1",
      "flowcontrol.apiserver.k8s.io/v1beta2",
      "flowcontrol.apiserver.k8s.io/v1beta3",
      "networking.k8s.io/v1",
      "networking.k8s.io/v1beta1",
      "node.k8s.io/v1",
      "node.k8s.io/v1alpha1",
      "node.k8s.io/v1beta1",
      "policy/v1",
      "policy/v1beta1",
      "rbac.authorization.k8s.io/v1",
      "rbac.authorization.k8s.io/v1alpha1",
      "rbac.authorization.k8s.io/v1beta1",
      "resource.k8s.io/v1",
      "resource.k8s.io/v1alpha3",
      "resource.k8s.io/v1beta1",
      "resource.k8s.io/v1beta2",
      "scheduling.k8s.io/v1",
      "scheduling.k8s.io/v1alpha2",
      "scheduling.k8s.io/v1beta1",
      "storage.k8s.io/v1",
      "storage.k8s.io/v1alpha1",
      "storage.k8s.io/v1beta1",
      "storagemigration.k8s.io/v1beta1",
      "apiextensions.k8s.io/v1beta1",
      "apiextensions.k8s.io/v1",
  };
  caps.helm_version = {"v3.21.4", "813176c51bb5c181dbbd7901298ddcc104cd3417", "clean", "go1.26.0"};
  return caps;
}

KubeVersion parse_kube_version(std::string_view text) {
  auto fail = [](const std::string& message) { throw Error(ErrorKind::BadRequest, message); };
  const std::string quoted = strconv::quote(text);
  // ^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)*$  ('.' does not match a newline)
  std::size_t i = 0;
  auto re_space = [](char c) {
    return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
  };
  while (i < text.size() && re_space(text[i])) ++i;
  if (i < text.size() && text[i] == 'v')
    ++i;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const std::size_t start = i;
  if (i >= text.size() || !digit(text[i]))
    fail("could not parse " + quoted + " as version");
  while (i < text.size() && digit(text[i])) ++i;
  while (i + 1 < text.size() && text[i] == '.' && digit(text[i + 1])) {
    ++i;
    while (i < text.size() && digit(text[i])) ++i;
  }
  if (text.substr(i).find('\n') != std::string_view::npos) {
    fail("could not parse " + quoted + " as version");
  }
  std::vector<std::string> nums;
  std::string_view numbers = text.substr(start, i - start);
  std::size_t from = 0;
  for (int index = 0;; ++index) {
    std::size_t dot = numbers.find('.', from);
    std::string_view comp = numbers.substr(from, dot == std::string_view::npos ? dot : dot - from);
    if (index == 0 && comp.size() > 1 && comp[0] == '0') {
      fail("illegal zero-prefixed version component " + strconv::quote(comp) + " in " + quoted);
    }
    strconv::Parsed<std::uint64_t> n = strconv::parse_uint(comp, 10, 64);
    if (!n.ok()) {
      fail("illegal non-numeric version component " + strconv::quote(comp) + " in " + quoted +
           ": " + strconv::num_error_message("ParseUint", comp, n.err));
    }
    nums.push_back(std::to_string(n.value));
    if (dot == std::string_view::npos)
      break;
    from = dot + 1;
  }
  if (nums.size() < 2)
    fail("illegal version string " + quoted);
  KubeVersion kv;
  kv.version = "v";
  for (std::size_t k = 0; k < nums.size(); ++k) kv.version += (k > 0 ? "." : "") + nums[k];
  kv.major = nums[0];
  kv.minor = nums[1];
  return kv;
}

}  // namespace capstan::chart
