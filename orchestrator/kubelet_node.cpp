// Node registration as a kubelet and the node IPAM controller do it (see kubelet.h).
#include <set>

#include "orchestrator/apiserver.h"
#include "orchestrator/kubelet.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

std::string hex_id(const std::string& seed, std::size_t length) {
  std::string out;
  std::uint64_t h = 1469598103934665603ULL;
  static const char* const kHex = "0123456789abcdef";
  while (out.size() < length) {
    for (unsigned char c : seed + std::to_string(out.size())) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    for (int i = 0; i < 16 && out.size() < length; ++i) out += kHex[(h >> (4 * i)) & 15];
  }
  return out;
}

Value node_condition(const char* type, const char* status, const char* reason, const char* message,
                     const std::string& time) {
  return Value::map_of({{"type", type}, {"status", status}, {"reason", reason}, {"message", message},
                        {"lastHeartbeatTime", Value(time)}, {"lastTransitionTime", Value(time)}});
}

}  // namespace

void sync_node_statuses(ApiServer& api, const KubeletConfig& config) {
  const ResourceType& node_type = *api.registry().by_kind("v1", "Node");
  const std::vector<Value> nodes = api.list(node_type, std::nullopt);
  std::set<std::string> cidrs, ips;
  for (const Value& n : nodes) {
    cidrs.insert(string_at(n, {"spec", "podCIDR"}));
    for (const Value& a : list_at(n, {"status", "addresses"})) ips.insert(a.get_string("address"));
  }
  for (const Value& listed : nodes) {
    Value node = listed.deep_copy();
    const std::string name = name_of(node);
    if (string_at(node, {"spec", "podCIDR"}).empty()) {
      int n = 0;
      while (cidrs.count("10.244." + std::to_string(n) + ".0/24") != 0) ++n;
      const std::string cidr = "10.244." + std::to_string(n) + ".0/24";
      cidrs.insert(cidr);
      node["spec"].set("podCIDR", Value(cidr));
      node["spec"].set("podCIDRs", Value::list_of({Value(cidr)}));
      node = api.update(std::move(node));
    }
    Value status = node.find("status") != nullptr ? node.find("status")->deep_copy() : Value::empty_map();
    if (!status.is_map()) status = Value::empty_map();
    const std::string since = meta_field(node, "creationTimestamp");
    if (!status["capacity"].is_map()) {
      Value cap = Value::empty_map();
      for (const auto& [k, v] : config.default_capacity) cap.set(k, Value(v));
      status.set("capacity", cap);
    }
    if (!status["allocatable"].is_map()) status.set("allocatable", status["capacity"].deep_copy());
    if (!status["conditions"].is_list()) {
      status.set("conditions",
                 Value::list_of({node_condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                                                "kubelet has sufficient memory available", since),
                                 node_condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
                                                "kubelet has no disk pressure", since),
                                 node_condition("PIDPressure", "False", "KubeletHasSufficientPID",
                                                "kubelet has sufficient PID available", since),
                                 node_condition("Ready", "True", "KubeletReady",
                                                "kubelet is posting ready status", since)}));
    }
    if (!status["addresses"].is_list()) {
      int n = 2;
      while (ips.count("172.18.0." + std::to_string(n)) != 0) ++n;
      const std::string ip = "172.18.0." + std::to_string(n);
      ips.insert(ip);
      status.set("addresses", Value::list_of({Value::map_of({{"type", "InternalIP"}, {"address", Value(ip)}}),
                                              Value::map_of({{"type", "Hostname"}, {"address", Value(name)}})}));
    }
    if (!status["nodeInfo"].is_map()) {
      const std::string uid = uid_of(node);
      status.set("nodeInfo", Value::map_of({{"architecture", "amd64"},
                                            {"bootID", Value(hex_id(uid + "boot", 32))},
                                            {"containerRuntimeVersion", "containerd://1.7.24"},
                                            {"kernelVersion", "6.1.0-capstan"},
                                            {"kubeProxyVersion", "v1.32.4"},
                                            {"kubeletVersion", "v1.32.4"},
                                            {"machineID", Value(hex_id(uid + "machine", 32))},
                                            {"operatingSystem", "linux"},
                                            {"osImage", "capstan simulated node"},
                                            {"systemUUID", Value(hex_id(uid + "system", 32))}}));
    }
    if (!status["daemonEndpoints"].is_map()) {
      status.set("daemonEndpoints",
                 Value::map_of({{"kubeletEndpoint", Value::map_of({{"Port", Value::integer(10250)}})}}));
    }
    node.set("status", status);
    api.update_status(std::move(node));
  }
}

}  // namespace capstan::orchestrator
