// The Endpoints controller, after pkg/controller/endpoint: for every Service with a selector, an
// Endpoints object of the same name listing ready pods in subsets[].addresses and the others in
// notReadyAddresses, with each service port resolved against the pod (named targetPorts looked
// up in its containers). Services without a selector (and ExternalName ones) are left alone.
#include <algorithm>
#include <map>

#include "core/json.h"
#include "orchestrator/controllers.h"
#include "orchestrator/labels.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

// The pod's port for a service port's targetPort, or 0 when a name does not resolve.
std::int64_t resolve_port(const Value& pod, const Value& service_port) {
  const Value* target = service_port.find("targetPort");
  if (target == nullptr) return int_at(service_port, {"port"});
  if (target->is_number()) return target->integer_value();
  const std::string name = target->is_string() ? target->as_string() : "";
  for (const Value& c : list_at(pod, {"spec", "containers"})) {
    for (const Value& p : list_at(c, {"ports"})) {
      if (p.get_string("name") == name && p.get_string("protocol", "TCP") == service_port.get_string("protocol", "TCP")) {
        return int_at(p, {"containerPort"});
      }
    }
  }
  return 0;
}

// Go's ordering of addresses inside a subset: by IP, then by pod UID.
bool address_less(const Value& a, const Value& b) {
  if (a.get_string("ip") != b.get_string("ip")) return a.get_string("ip") < b.get_string("ip");
  return string_at(a, {"targetRef", "uid"}) < string_at(b, {"targetRef", "uid"});
}

void sync_service(ApiServer& api, const Value& svc, const ResourceType& pod_type, const ResourceType& ep_type) {
  const Value* selector_map = at(svc, {"spec", "selector"});
  const Selector selector = selector_from_map(*selector_map);
  const std::vector<Value> pods = api.list(pod_type, namespace_of(svc), &selector);
  const bool publish_not_ready = bool_at(svc, {"spec", "publishNotReadyAddresses"});
  // Subsets keyed by their port list (RepackSubsets groups addresses with identical ports).
  std::map<std::string, std::pair<Value, std::pair<Value, Value>>> subsets;
  for (const Value& pod : pods) {
    if (namespace_of(pod) != namespace_of(svc) || !selector.matches(labels_of(pod))) continue;
    const std::string ip = string_at(pod, {"status", "podIP"});
    const std::string phase = string_at(pod, {"status", "phase"});
    if (ip.empty() || has_deletion_timestamp(pod) || phase == "Succeeded" || phase == "Failed") continue;
    Value ports = Value::empty_list();
    for (const Value& sp : list_at(svc, {"spec", "ports"})) {
      const std::int64_t port = resolve_port(pod, sp);
      if (port == 0) continue;
      Value ep = Value::map_of({{"port", Value::integer(port)}, {"protocol", Value(sp.get_string("protocol", "TCP"))}});
      if (!sp.get_string("name").empty()) ep.set("name", Value(sp.get_string("name")));
      ports.push_back(ep);
    }
    if (ports.size() == 0 && list_at(svc, {"spec", "ports"}).size() > 0) continue;
    Value address = Value::map_of(
        {{"ip", Value(ip)},
         {"targetRef", Value::map_of({{"kind", "Pod"}, {"namespace", Value(namespace_of(pod))},
                                      {"name", Value(name_of(pod))}, {"uid", Value(uid_of(pod))}})}});
    const std::string node = string_at(pod, {"spec", "nodeName"});
    if (!node.empty()) address.set("nodeName", Value(node));
    const std::string key = json::encode(ports);
    auto& entry = subsets[key];
    entry.first = ports;
    if (!entry.second.first.is_list()) entry.second.first = Value::empty_list();
    if (!entry.second.second.is_list()) entry.second.second = Value::empty_list();
    (pod_ready(pod) || publish_not_ready ? entry.second.first : entry.second.second).push_back(address);
  }
  Value subset_list = Value::empty_list();
  for (auto& [key, entry] : subsets) {
    Value subset = Value::empty_map();
    for (auto* which : {&entry.second.first, &entry.second.second}) {
      auto& items = which->mutable_list().items;
      std::sort(items.begin(), items.end(), address_less);
    }
    if (entry.second.first.size() > 0) subset.set("addresses", entry.second.first);
    if (entry.second.second.size() > 0) subset.set("notReadyAddresses", entry.second.second);
    if (entry.first.size() > 0) subset.set("ports", entry.first);
    subset_list.push_back(subset);
  }
  std::optional<Value> existing = api.get(ep_type, namespace_of(svc), name_of(svc));
  Value labels = labels_of(svc).deep_copy();
  if (string_at(svc, {"spec", "clusterIP"}) == "None") labels.set("service.kubernetes.io/headless", "");
  if (!existing) {
    Value ep = Value::map_of({{"apiVersion", "v1"}, {"kind", "Endpoints"},
                              {"metadata", Value::map_of({{"name", Value(name_of(svc))},
                                                          {"namespace", Value(namespace_of(svc))}})}});
    if (labels.size() > 0) ep["metadata"].set("labels", labels);
    if (subset_list.size() > 0) ep.set("subsets", subset_list);
    api.create(std::move(ep), namespace_of(svc));
    return;
  }
  Value ep = existing->deep_copy();
  if (labels.size() > 0) {
    ep["metadata"].set("labels", labels);
  } else {
    ep["metadata"].erase("labels");
  }
  if (subset_list.size() > 0) {
    ep.set("subsets", subset_list);
  } else {
    ep.erase("subsets");
  }
  api.update(std::move(ep));
}

}  // namespace

void run_endpoints_controller(ControllerContext& ctx) {
  ApiServer& api = ctx.api;
  const ResourceType& svc_type = *api.registry().by_kind("v1", "Service");
  const ResourceType& ep_type = *api.registry().by_kind("v1", "Endpoints");
  const ResourceType& pod_type = *api.registry().by_kind("v1", "Pod");
  const std::vector<Value> services = api.list(svc_type, std::nullopt);
  for (const Value& svc : services) {
    const Value* selector = at(svc, {"spec", "selector"});
    if (selector == nullptr || !selector->is_map() || selector->size() == 0) continue;
    if (string_at(svc, {"spec", "type"}) == "ExternalName") continue;
    guarded([&] { sync_service(api, svc, pod_type, ep_type); });
  }
  // Endpoints of services that are gone (or lost their selector) go with them.
  for (const Value& ep : api.list(ep_type, std::nullopt)) {
    bool managed_elsewhere = false;
    for (const Value& svc : services) {
      if (namespace_of(svc) == namespace_of(ep) && name_of(svc) == name_of(ep)) managed_elsewhere = true;
    }
    if (!managed_elsewhere && !(namespace_of(ep) == "default" && name_of(ep) == "kubernetes")) {
      api.erase_now(ep_type, namespace_of(ep), name_of(ep));
    }
  }
}

}  // namespace capstan::orchestrator
