// Table printers for kubectl get (see printers.h).
#include "orchestrator/printers.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "orchestrator/labels.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator::kubectl {

namespace {

std::string num(std::int64_t v) { return std::to_string(v); }

std::pair<std::string, std::string> container_cells(const Value& pod_spec) {
  std::string names, images;
  for (const Value& c : list_at(pod_spec, {"containers"})) {
    if (!names.empty()) {
      names += ",";
      images += ",";
    }
    names += c.get_string("name");
    images += c.get_string("image");
  }
  return {names, images};
}

std::string deployment_selector(const Value& object) {
  const Value* s = at(object, {"spec", "selector"});
  try {
    return label_selector_as_selector(s ? *s : Value()).str();
  } catch (...) {
    return "<invalid>";
  }
}

const Value& spec_template_spec(const Value& object) {
  static const Value kEmpty = Value::empty_map();
  const Value* s = at(object, {"spec", "template", "spec"});
  return s ? *s : kEmpty;
}

std::string external_ip(const Value& svc, bool wide) {
  std::vector<std::string> external;
  for (const Value& ip : list_at(svc, {"spec", "externalIPs"})) external.push_back(ip.is_string() ? ip.as_string() : "");
  const auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
  };
  const std::string type = string_at(svc, {"spec", "type"});
  if (type == "ClusterIP" || type == "NodePort") return external.empty() ? "<none>" : join(external);
  if (type == "LoadBalancer") {
    std::set<std::string> lb;
    for (const Value& in : list_at(svc, {"status", "loadBalancer", "ingress"})) {
      const std::string v = !in.get_string("ip").empty() ? in.get_string("ip") : in.get_string("hostname");
      if (!v.empty()) lb.insert(v);
    }
    std::string lbs = join(std::vector<std::string>(lb.begin(), lb.end()));
    if (!wide && lbs.size() > 16) lbs = lbs.substr(0, 13) + "...";
    if (!external.empty()) {
      std::vector<std::string> all;
      if (!lbs.empty()) all.push_back(lbs);
      all.insert(all.end(), external.begin(), external.end());
      return join(all);
    }
    return lbs.empty() ? "<pending>" : lbs;
  }
  if (type == "ExternalName") return string_at(svc, {"spec", "externalName"});
  return "<unknown>";
}

std::vector<std::string> node_roles(const Value& node) {
  std::set<std::string> roles;
  for (const auto& [k, v] : labels_of(node).map().entries) {
    if (k.rfind("node-role.kubernetes.io/", 0) == 0 && k.size() > 24) roles.insert(k.substr(24));
    if (k == "kubernetes.io/role" && v.is_string() && !v.as_string().empty()) roles.insert(v.as_string());
  }
  return {roles.begin(), roles.end()};
}

std::string node_address(const Value& node, const char* type) {
  for (const Value& a : list_at(node, {"status", "addresses"})) {
    if (a.get_string("type") == type) return a.get_string("address");
  }
  return "<none>";
}

std::string or_default(const std::string& s, const char* fallback) { return s.empty() ? fallback : s; }

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string since(const Value& timestamp, Seconds now) {
  if (!timestamp.is_string()) return "<unknown>";
  const std::optional<Seconds> t = parse_rfc3339(timestamp.as_string());
  if (!t) return "<unknown>";
  return human_duration(now - *t);
}

std::string age(const Value& object, Seconds now) {
  const Value* t = at(object, {"metadata", "creationTimestamp"});
  return since(t ? *t : Value(), now);
}

std::string pod_status_reason(const Value& pod) {
  std::string reason = string_at(pod, {"status", "phase"});
  if (!string_at(pod, {"status", "reason"}).empty()) reason = string_at(pod, {"status", "reason"});
  for (const Value& c : list_at(pod, {"status", "conditions"})) {
    if (c.get_string("type") == "PodScheduled" && c.get_string("reason") == "SchedulingGated") reason = "SchedulingGated";
  }
  bool initializing = false;
  const auto& init = list_at(pod, {"status", "initContainerStatuses"});
  for (std::size_t i = 0; i < init.size(); ++i) {
    const Value& c = init[i];
    if (at(c, {"state", "terminated"}) != nullptr && int_at(c, {"state", "terminated", "exitCode"}) == 0) continue;
    if (at(c, {"state", "terminated"}) != nullptr) {
      const std::string r = string_at(c, {"state", "terminated", "reason"});
      reason = r.empty() ? "Init:ExitCode:" + num(int_at(c, {"state", "terminated", "exitCode"})) : "Init:" + r;
    } else if (!string_at(c, {"state", "waiting", "reason"}).empty() &&
               string_at(c, {"state", "waiting", "reason"}) != "PodInitializing") {
      reason = "Init:" + string_at(c, {"state", "waiting", "reason"});
    } else {
      reason = "Init:" + num(static_cast<std::int64_t>(i)) + "/" + num(static_cast<std::int64_t>(list_at(pod, {"spec", "initContainers"}).size()));
    }
    initializing = true;
    break;
  }
  const Value* init_cond = condition(pod, "Initialized");
  if (!initializing || (init_cond && init_cond->get_string("status") == "True")) {
    bool has_running = false;
    const auto& statuses = list_at(pod, {"status", "containerStatuses"});
    for (auto it = statuses.rbegin(); it != statuses.rend(); ++it) {
      const Value& c = *it;
      if (!string_at(c, {"state", "waiting", "reason"}).empty()) {
        reason = string_at(c, {"state", "waiting", "reason"});
      } else if (at(c, {"state", "terminated"}) != nullptr) {
        const std::string r = string_at(c, {"state", "terminated", "reason"});
        reason = r.empty() ? "ExitCode:" + num(int_at(c, {"state", "terminated", "exitCode"})) : r;
      } else if (bool_at(c, {"ready"}) && at(c, {"state", "running"}) != nullptr) {
        has_running = true;
      }
    }
    if (reason == "Completed" && has_running) reason = pod_ready(pod) ? "Running" : "NotReady";
  }
  const std::string phase = string_at(pod, {"status", "phase"});
  if (has_deletion_timestamp(pod) && string_at(pod, {"status", "reason"}) == "NodeLost") {
    reason = "Unknown";
  } else if (has_deletion_timestamp(pod) && phase != "Succeeded" && phase != "Failed") {
    reason = "Terminating";
  }
  return reason;
}

std::string service_ports(const Value& service) {
  std::string out;
  for (const Value& p : list_at(service, {"spec", "ports"})) {
    if (!out.empty()) out += ",";
    const std::int64_t node_port = int_at(p, {"nodePort"});
    out += num(int_at(p, {"port"})) + (node_port > 0 ? ":" + num(node_port) : "") + "/" + p.get_string("protocol");
  }
  return out;
}

std::string endpoints_cell(const Value& endpoints) {
  const auto& subsets = list_at(endpoints, {"subsets"});
  if (subsets.empty()) return "<none>";
  std::vector<std::string> list;
  const std::size_t max = 3;
  bool more = false;
  std::size_t count = 0;
  for (const Value& ss : subsets) {
    const auto& addresses = list_at(ss, {"addresses"});
    const auto& ports = list_at(ss, {"ports"});
    if (ports.empty()) {
      count += addresses.size();
      for (const Value& a : addresses) {
        if (list.size() == max) {
          more = true;
          break;
        }
        list.push_back(a.get_string("ip"));
      }
      continue;
    }
    for (const Value& port : ports) {
      count += addresses.size();
      for (const Value& a : addresses) {
        if (list.size() == max) {
          more = true;
          break;
        }
        list.push_back(a.get_string("ip") + ":" + num(int_at(port, {"port"})));
      }
    }
  }
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : ",") + s;
  if (more) out += " + " + num(static_cast<std::int64_t>(count - max)) + " more...";
  return out;
}

std::vector<std::string> table_columns(const ResourceType& type, bool wide) {
  const std::string k = type.group + "/" + type.kind;
  std::vector<std::string> base, extra;
  if (k == "/Pod") {
    base = {"Name", "Ready", "Status", "Restarts", "Age"};
    extra = {"IP", "Node", "Nominated Node", "Readiness Gates"};
  } else if (k == "apps/ReplicaSet" || k == "/ReplicationController") {
    base = {"Name", "Desired", "Current", "Ready", "Age"};
    extra = {"Containers", "Images", "Selector"};
  } else if (k == "apps/Deployment") {
    base = {"Name", "Ready", "Up-to-date", "Available", "Age"};
    extra = {"Containers", "Images", "Selector"};
  } else if (k == "apps/StatefulSet") {
    base = {"Name", "Ready", "Age"};
    extra = {"Containers", "Images"};
  } else if (k == "apps/DaemonSet") {
    base = {"Name", "Desired", "Current", "Ready", "Up-to-date", "Available", "Node Selector", "Age"};
    extra = {"Containers", "Images", "Selector"};
  } else if (k == "batch/Job") {
    base = {"Name", "Status", "Completions", "Duration", "Age"};
    extra = {"Containers", "Images", "Selector"};
  } else if (k == "/Service") {
    base = {"Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"};
    extra = {"Selector"};
  } else if (k == "/Endpoints") {
    base = {"Name", "Endpoints", "Age"};
  } else if (k == "/Node") {
    base = {"Name", "Status", "Roles", "Age", "Version"};
    extra = {"Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime"};
  } else if (k == "/Namespace") {
    base = {"Name", "Status", "Age"};
  } else if (k == "/ConfigMap") {
    base = {"Name", "Data", "Age"};
  } else if (k == "/Secret") {
    base = {"Name", "Type", "Data", "Age"};
  } else if (k == "/ServiceAccount") {
    base = {"Name", "Secrets", "Age"};
  } else if (k == "/Event") {
    base = {"Last Seen", "Type", "Reason", "Object", "Message"};
    if (wide) base = {"Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"};
  } else if (k == "networking.k8s.io/Ingress") {
    base = {"Name", "Class", "Hosts", "Address", "Ports", "Age"};
  } else if (k == "apiextensions.k8s.io/CustomResourceDefinition" || type.group == "rbac.authorization.k8s.io") {
    base = {"Name", "Created At"};
  } else {
    base = {"Name", "Age"};
  }
  if (wide) base.insert(base.end(), extra.begin(), extra.end());
  for (std::string& c : base) c = upper(c);
  return base;
}

std::vector<std::string> table_row(const ResourceType& type, const Value& o, bool wide, Seconds now) {
  const std::string k = type.group + "/" + type.kind;
  const std::string name = name_of(o);
  std::vector<std::string> r;
  if (k == "/Pod") {
    std::int64_t restarts = 0, ready = 0;
    for (const Value& c : list_at(o, {"status", "containerStatuses"})) {
      restarts += int_at(c, {"restartCount"});
      if (bool_at(c, {"ready"}) && at(c, {"state", "running"}) != nullptr) ++ready;
    }
    const std::int64_t total = static_cast<std::int64_t>(list_at(o, {"spec", "containers"}).size());
    r = {name, num(ready) + "/" + num(total), pod_status_reason(o), num(restarts), age(o, now)};
    if (wide) {
      std::string gates = "<none>";
      const auto& rg = list_at(o, {"spec", "readinessGates"});
      if (!rg.empty()) {
        std::int64_t ok = 0;
        for (const Value& g : rg) {
          const Value* c = condition(o, g.get_string("conditionType"));
          if (c && c->get_string("status") == "True") ++ok;
        }
        gates = num(ok) + "/" + num(static_cast<std::int64_t>(rg.size()));
      }
      const auto& ips = list_at(o, {"status", "podIPs"});
      r.push_back(ips.empty() ? "<none>" : or_default(ips[0].get_string("ip"), "<none>"));
      r.push_back(or_default(string_at(o, {"spec", "nodeName"}), "<none>"));
      r.push_back(or_default(string_at(o, {"status", "nominatedNodeName"}), "<none>"));
      r.push_back(gates);
    }
  } else if (k == "apps/ReplicaSet" || k == "/ReplicationController") {
    r = {name, num(int_at(o, {"spec", "replicas"}, 1)), num(int_at(o, {"status", "replicas"})),
         num(int_at(o, {"status", "readyReplicas"})), age(o, now)};
    if (wide) {
      auto [names, images] = container_cells(spec_template_spec(o));
      const Value* sel = at(o, {"spec", "selector"});
      r.insert(r.end(), {names, images, k == "/ReplicationController" ? format_labels(sel ? *sel : Value())
                                                                      : format_label_selector(sel ? *sel : Value())});
    }
  } else if (k == "apps/Deployment") {
    r = {name, num(int_at(o, {"status", "readyReplicas"})) + "/" + num(int_at(o, {"spec", "replicas"}, 1)),
         num(int_at(o, {"status", "updatedReplicas"})), num(int_at(o, {"status", "availableReplicas"})), age(o, now)};
    if (wide) {
      auto [names, images] = container_cells(spec_template_spec(o));
      r.insert(r.end(), {names, images, deployment_selector(o)});
    }
  } else if (k == "apps/StatefulSet") {
    r = {name, num(int_at(o, {"status", "readyReplicas"})) + "/" + num(int_at(o, {"spec", "replicas"}, 1)), age(o, now)};
    if (wide) {
      auto [names, images] = container_cells(spec_template_spec(o));
      r.insert(r.end(), {names, images});
    }
  } else if (k == "apps/DaemonSet") {
    const Value* ns = at(o, {"spec", "template", "spec", "nodeSelector"});
    r = {name, num(int_at(o, {"status", "desiredNumberScheduled"})), num(int_at(o, {"status", "currentNumberScheduled"})),
         num(int_at(o, {"status", "numberReady"})), num(int_at(o, {"status", "updatedNumberScheduled"})),
         num(int_at(o, {"status", "numberAvailable"})), format_labels(ns ? *ns : Value()), age(o, now)};
    if (wide) {
      auto [names, images] = container_cells(spec_template_spec(o));
      const Value* sel = at(o, {"spec", "selector"});
      r.insert(r.end(), {names, images, format_label_selector(sel ? *sel : Value())});
    }
  } else if (k == "batch/Job") {
    std::string status = "Running";
    for (const auto& [cond, text] : {std::pair{"Complete", "Complete"}, {"Failed", "Failed"}}) {
      const Value* c = condition(o, cond);
      if (c && c->get_string("status") == "True") {
        status = text;
        break;
      }
    }
    const Value* completions = at(o, {"spec", "completions"});
    const std::string done = num(int_at(o, {"status", "succeeded"}));
    r = {name, status, completions ? done + "/" + num(completions->integer_value()) : done + "/1", "", age(o, now)};
    if (const auto start = time_at(o, {"status", "startTime"})) {
      const auto end = time_at(o, {"status", "completionTime"});
      r[3] = human_duration(end.value_or(now) - *start);
    }
    if (wide) {
      auto [names, images] = container_cells(spec_template_spec(o));
      const Value* sel = at(o, {"spec", "selector"});
      r.insert(r.end(), {names, images, format_label_selector(sel ? *sel : Value())});
    }
  } else if (k == "/Service") {
    const auto& ips = list_at(o, {"spec", "clusterIPs"});
    const std::string ports = service_ports(o);
    const std::string cluster_ip = !ips.empty() && ips[0].is_string() ? ips[0].as_string() : "<none>";
    r = {name, string_at(o, {"spec", "type"}), cluster_ip, external_ip(o, wide), ports.empty() ? "<none>" : ports,
         age(o, now)};
    if (wide) {
      const Value* sel = at(o, {"spec", "selector"});
      r.push_back(format_labels(sel ? *sel : Value()));
    }
  } else if (k == "/Endpoints") {
    r = {name, endpoints_cell(o), age(o, now)};
  } else if (k == "/Node") {
    std::string status = "Unknown";
    if (const Value* c = condition(o, "Ready")) status = c->get_string("status") == "True" ? "Ready" : "NotReady";
    if (bool_at(o, {"spec", "unschedulable"})) status += ",SchedulingDisabled";
    std::string roles;
    for (const std::string& role : node_roles(o)) roles += (roles.empty() ? "" : ",") + role;
    r = {name, status, roles.empty() ? "<none>" : roles, age(o, now), string_at(o, {"status", "nodeInfo", "kubeletVersion"})};
    if (wide) {
      r.insert(r.end(), {node_address(o, "InternalIP"), node_address(o, "ExternalIP"),
                         or_default(string_at(o, {"status", "nodeInfo", "osImage"}), "<unknown>"),
                         or_default(string_at(o, {"status", "nodeInfo", "kernelVersion"}), "<unknown>"),
                         or_default(string_at(o, {"status", "nodeInfo", "containerRuntimeVersion"}), "<unknown>")});
    }
  } else if (k == "/Namespace") {
    r = {name, string_at(o, {"status", "phase"}), age(o, now)};
  } else if (k == "/ConfigMap") {
    const Value* d = o.find("data");
    const Value* b = o.find("binaryData");
    r = {name, num(static_cast<std::int64_t>((d ? d->size() : 0) + (b ? b->size() : 0))), age(o, now)};
  } else if (k == "/Secret") {
    const Value* d = o.find("data");
    r = {name, o.get_string("type"), num(static_cast<std::int64_t>(d ? d->size() : 0)), age(o, now)};
  } else if (k == "/ServiceAccount") {
    r = {name, num(static_cast<std::int64_t>(list_at(o, {"secrets"}).size())), age(o, now)};
  } else if (k == "/Event") {
    const Value* first = o.find("firstTimestamp");
    const Value* last = o.find("lastTimestamp");
    const std::string first_seen = since(first ? *first : Value(), now);
    const std::string last_seen = last && last->is_string() ? since(*last, now) : first_seen;
    const std::string kind = string_at(o, {"involvedObject", "kind"});
    std::string lower;
    for (char c : kind) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string involved = string_at(o, {"involvedObject", "name"});
    const std::string target = involved.empty() ? lower : lower + "/" + involved;
    std::string message = o.get_string("message");
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
    if (wide) {
      std::string source = string_at(o, {"source", "component"});
      if (!string_at(o, {"source", "host"}).empty()) source += ", " + string_at(o, {"source", "host"});
      r = {last_seen, o.get_string("type"), o.get_string("reason"), target, string_at(o, {"involvedObject", "fieldPath"}),
           source, message, first_seen, num(int_at(o, {"count"}, 1)), name};
    } else {
      r = {last_seen, o.get_string("type"), o.get_string("reason"), target, message};
    }
  } else if (k == "networking.k8s.io/Ingress") {
    std::vector<std::string> hosts;
    for (const Value& rule : list_at(o, {"spec", "rules"})) {
      if (!rule.get_string("host").empty() && hosts.size() < 3) hosts.push_back(rule.get_string("host"));
    }
    std::string h;
    for (const std::string& s : hosts) h += (h.empty() ? "" : ",") + s;
    const std::size_t rules = list_at(o, {"spec", "rules"}).size();
    if (rules > 3 && hosts.size() == 3) h += " + " + num(static_cast<std::int64_t>(rules - 3)) + " more...";
    std::string address;
    for (const Value& in : list_at(o, {"status", "loadBalancer", "ingress"})) {
      address += (address.empty() ? "" : ",") + (in.get_string("ip").empty() ? in.get_string("hostname") : in.get_string("ip"));
    }
    r = {name, or_default(string_at(o, {"spec", "ingressClassName"}), "<none>"), h.empty() ? "*" : h, address,
         list_at(o, {"spec", "tls"}).empty() ? "80" : "80, 443", age(o, now)};
  } else if (k == "apiextensions.k8s.io/CustomResourceDefinition" || type.group == "rbac.authorization.k8s.io") {
    r = {name, meta_field(o, "creationTimestamp")};
  } else {
    r = {name, age(o, now)};
  }
  return r;
}

}  // namespace capstan::orchestrator::kubectl
