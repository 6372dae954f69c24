// The simulated kubelet: node status for every Node, and for every pod bound to a node the
// container lifecycle a real kubelet reports (Running and Ready at once, pod IPs from the node's
// pod CIDR, container IDs, events), including the config errors a real one hits
// (CreateContainerConfigError for a missing ConfigMap/Secret key or object, ContainerCreating
// with FailedMount for a missing volume source). RuntimeRules tell it to fail on purpose.
#pragma once

#include <map>
#include <string>

namespace capstan::orchestrator {

// What the simulated container runtime does with a container.
enum class RuntimeBehavior {
  Run,               // start and become ready
  ImagePullBackOff,  // the image cannot be pulled
  CrashLoopBackOff,  // the container exits at once, over and over
  NeverReady,        // runs but its readiness never passes
};

// The simulated kubelets' configuration. Behaviour is chosen by image reference (exact match of
// the container's image field); a pod can also ask for one with the annotation
// capstan.io/runtime: <Run|ImagePullBackOff|CrashLoopBackOff|NeverReady>.
struct KubeletConfig {
  std::map<std::string, RuntimeBehavior> by_image;
  // status.capacity given to a Node that registers without one.
  std::map<std::string, std::string> default_capacity = {
      {"cpu", "4"}, {"memory", "8Gi"}, {"pods", "110"}, {"ephemeral-storage", "100Gi"}};
};

inline constexpr const char* kRuntimeAnnotation = "capstan.io/runtime";

}  // namespace capstan::orchestrator

namespace capstan::orchestrator {

class ApiServer;

// What a registering kubelet (and the node IPAM controller) fills in for every Node: a pod CIDR
// 10.244.N.0/24, an InternalIP 172.18.0.N, capacity/allocatable, the four standard conditions
// and nodeInfo. Existing values are kept, so users can register Nodes with their own capacity.
void sync_node_statuses(ApiServer& api, const KubeletConfig& config);

}  // namespace capstan::orchestrator
