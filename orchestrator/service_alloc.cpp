// Service address and node port allocation (see service_alloc.h).
#include "orchestrator/service_alloc.h"

#include <cstdio>
#include <set>

#include "core/error.h"
#include "core/strconv.h"
#include "orchestrator/object.h"
#include "orchestrator/validation.h"

namespace capstan::orchestrator {

namespace {

constexpr std::uint32_t kBase = (10u << 24) | (96u << 16);  // 10.96.0.0
constexpr std::uint32_t kSize = 1u << 20;                   // a /12
// KEP-3070: min(max(16, size/16), 256) addresses at the bottom are kept for static assignment.
constexpr std::uint32_t kStaticIPs = 256;
// KEP-3668: min(max(16, range/32), 128) ports at the bottom are kept for static assignment.
constexpr int kStaticPorts = 86;

std::optional<std::uint32_t> parse_ipv4(const std::string& s) {
  unsigned a, b, c, d;
  char tail;
  if (std::sscanf(s.c_str(), "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) != 4) return std::nullopt;
  if (a > 255 || b > 255 || c > 255 || d > 255) return std::nullopt;
  return (a << 24) | (b << 16) | (c << 8) | d;
}

bool needs_cluster_ip(const Value& svc) { return string_at(svc, {"spec", "type"}) != "ExternalName"; }

bool needs_node_ports(const Value& svc) {
  const std::string type = string_at(svc, {"spec", "type"});
  if (type == "NodePort") return true;
  return type == "LoadBalancer" && bool_at(svc, {"spec", "allocateLoadBalancerNodePorts"}, true);
}

// Scans for a free value from a random start in [lo, hi], wrapping inside the band.
template <typename Free>
std::optional<std::uint32_t> scan(std::uint32_t lo, std::uint32_t hi, Random& random, Free free) {
  if (hi < lo) return std::nullopt;
  const std::uint32_t n = hi - lo + 1;
  const std::uint32_t start = static_cast<std::uint32_t>(uniform(random, n));
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t v = lo + (start + i) % n;
    if (free(v)) return v;
  }
  return std::nullopt;
}

void allocate_cluster_ip(Value& svc, const Value* old, const std::vector<Value>& others, Random& random) {
  Value& spec = svc["spec"];
  if (!needs_cluster_ip(svc)) {
    spec.erase("clusterIP");
    spec.erase("clusterIPs");
    return;
  }
  std::string ip = spec.get_string("clusterIP");
  if (ip.empty()) {
    const auto& ips = list_at(spec, {"clusterIPs"});
    if (!ips.empty() && ips[0].is_string()) ip = ips[0].as_string();
  }
  // Update: the address allocated before stays when the new spec omits it.
  if (ip.empty() && old != nullptr && needs_cluster_ip(*old)) ip = string_at(*old, {"spec", "clusterIP"});
  const bool keeping = old != nullptr && !ip.empty() && ip == string_at(*old, {"spec", "clusterIP"});
  if (ip != "None" && !keeping) {
    std::set<std::uint32_t> used;
    for (const Value& o : others) {
      if (auto v = parse_ipv4(string_at(o, {"spec", "clusterIP"}))) used.insert(*v);
    }
    if (ip.empty()) {
      const auto free = [&](std::uint32_t off) { return used.count(kBase + off) == 0; };
      auto off = scan(kStaticIPs, kSize - 2, random, free);
      if (!off) off = scan(1, kStaticIPs - 1, random, free);
      if (!off) {
        throw invalid_error("Service", name_of(svc),
                            {field_invalid("spec.clusterIPs", Value(""),
                                           "failed to allocate IP: range is full")});
      }
      ip = service_ip(*off);
    } else {
      const auto v = parse_ipv4(ip);
      const std::string prefix = "failed to allocate IP " + ip + ": ";
      if (!v || *v <= kBase || *v >= kBase + kSize - 1) {
        throw invalid_error(
            "Service", name_of(svc),
            {field_invalid("spec.clusterIPs[0]", Value(ip),
                           prefix + "the provided IP (" + ip +
                               ") is not in the valid range. The range of valid IPs is " + kServiceCIDR)});
      }
      if (used.count(*v) != 0) {
        throw invalid_error("Service", name_of(svc),
                            {field_invalid("spec.clusterIPs[0]", Value(ip),
                                           prefix + "provided IP is already allocated")});
      }
    }
  }
  spec.set("clusterIP", Value(ip));
  spec.set("clusterIPs", Value::list_of({Value(ip)}));
  spec.set("ipFamilies", Value::list_of({"IPv4"}));
  spec.set("ipFamilyPolicy", "SingleStack");
}

void allocate_node_ports(Value& svc, const Value* old, const std::vector<Value>& others, Random& random) {
  Value& spec = svc["spec"];
  Value* ports = spec.find("ports");
  if (ports == nullptr || !ports->is_list()) return;
  if (!needs_node_ports(svc)) {
    // Ports allocated while the service needed them are released (not an error) on update.
    if (old != nullptr) {
      for (Value& p : ports->mutable_list().items) {
        for (const Value& op : list_at(*old, {"spec", "ports"})) {
          if (int_at(op, {"port"}) == int_at(p, {"port"}) && int_at(op, {"nodePort"}) == int_at(p, {"nodePort"})) {
            p.erase("nodePort");
          }
        }
      }
    }
    return;
  }
  std::set<std::int64_t> used;
  for (const Value& o : others) {
    for (const Value& p : list_at(o, {"spec", "ports"})) {
      if (int_at(p, {"nodePort"}) != 0) used.insert(int_at(p, {"nodePort"}));
    }
  }
  std::set<std::int64_t> kept;  // ours from before: not a conflict with ourselves
  if (old != nullptr) {
    for (const Value& p : list_at(*old, {"spec", "ports"})) kept.insert(int_at(p, {"nodePort"}));
  }
  std::vector<FieldError> errs;
  auto& items = ports->mutable_list().items;
  // Explicit ports first, so a random pick never takes one the user asked for.
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value& p = items[i];
    std::int64_t np = int_at(p, {"nodePort"});
    if (np == 0 && old != nullptr) {
      for (const Value& op : list_at(*old, {"spec", "ports"})) {
        if (int_at(op, {"port"}) == int_at(p, {"port"}) &&
            op.get_string("protocol", "TCP") == p.get_string("protocol", "TCP")) {
          np = int_at(op, {"nodePort"});
        }
      }
      if (np != 0) p.set("nodePort", Value::integer(np));
    }
    if (np == 0) continue;
    const std::string field = "spec.ports[" + std::to_string(i) + "].nodePort";
    if (np < kNodePortMin || np > kNodePortMax) {
      errs.push_back(field_invalid(field, Value::integer(np),
                                   "provided port is not in the valid range. The range of valid ports is " +
                                       std::to_string(kNodePortMin) + "-" + std::to_string(kNodePortMax)));
    } else if (used.count(np) != 0 && kept.count(np) == 0) {
      errs.push_back(field_invalid(field, Value::integer(np), "provided port is already allocated"));
    } else {
      used.insert(np);
    }
  }
  if (!errs.empty()) throw invalid_error("Service", name_of(svc), errs);
  for (Value& p : items) {
    if (int_at(p, {"nodePort"}) != 0) continue;
    const auto free = [&](std::uint32_t v) { return used.count(v) == 0; };
    auto port = scan(kNodePortMin + kStaticPorts, kNodePortMax, random, free);
    if (!port) port = scan(kNodePortMin, kNodePortMin + kStaticPorts - 1, random, free);
    if (!port) {
      throw invalid_error("Service", name_of(svc),
                          {field_invalid("spec.ports", Value(""), "failed to allocate a nodePort: range is full")});
    }
    used.insert(*port);
    p.set("nodePort", Value::integer(*port));
  }
}

}  // namespace

std::string service_ip(std::uint32_t offset) {
  const std::uint32_t v = kBase + offset;
  return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 255) + "." +
         std::to_string((v >> 8) & 255) + "." + std::to_string(v & 255);
}

void allocate_service(Value& svc, const Value* old, const std::vector<Value>& others, Random& random) {
  allocate_cluster_ip(svc, old, others, random);
  allocate_node_ports(svc, old, others, random);
}

}  // namespace capstan::orchestrator
