// kubectl describe for pods, deployments, replicasets, services and nodes (layouts of
// k8s.io/kubectl/pkg/describe/describe.go), and a generic layout for other kinds.
#include <algorithm>
#include <set>

#include "core/strconv.h"
#include "orchestrator/deployment_util.h"
#include "orchestrator/describe_format.h"
#include "orchestrator/kubectl.h"
#include "orchestrator/kubectl_resolve.h"
#include "orchestrator/labels.h"
#include "orchestrator/object.h"
#include "orchestrator/printers.h"
#include "orchestrator/quantity.h"
#include "orchestrator/tabwriter.h"

namespace capstan::orchestrator::kubectl {

namespace {

std::string num(std::int64_t v) { return std::to_string(v); }

// The body through the tabwriter; a non-empty events table is flushed separately (DescribeEvents
// calls Flush first), while "Events:\t<none>" aligns with the body.
std::string tabbed(const std::string& body, const std::string& events) {
  TabWriter w(0, 8, 2, ' ');
  if (events == kNoEvents) {
    w.write(body + events);
    return w.str();
  }
  w.write(body);
  return w.str() + events;
}

std::vector<Value> events_for(Client& client, const Value& object) {
  std::vector<Value> out;
  std::string ns = namespace_of(object);
  if (ns.empty()) ns = "default";
  for (Value& e : client.list("v1", "Event", ns)) {
    if (string_at(e, {"involvedObject", "uid"}) == uid_of(object) &&
        string_at(e, {"involvedObject", "name"}) == name_of(object)) {
      out.push_back(std::move(e));
    }
  }
  // The order they were recorded in breaks lastTimestamp ties.
  std::stable_sort(out.begin(), out.end(), [](const Value& a, const Value& b) {
    return std::stoll(meta_field(a, "resourceVersion")) < std::stoll(meta_field(b, "resourceVersion"));
  });
  return out;
}

std::string controlled_by(const Value& object) {
  const Value* ref = controller_ref(object);
  return ref ? ref->get_string("kind") + "/" + ref->get_string("name") : "";
}

// EnvValueRetriever: fieldRef values read from the pod.
std::string field_value(const Value& pod, const std::string& path) {
  if (path == "metadata.name") return name_of(pod);
  if (path == "metadata.namespace") return namespace_of(pod);
  if (path == "metadata.uid") return uid_of(pod);
  if (path == "spec.nodeName") return string_at(pod, {"spec", "nodeName"});
  if (path == "spec.serviceAccountName") return string_at(pod, {"spec", "serviceAccountName"});
  if (path == "status.hostIP") return string_at(pod, {"status", "hostIP"});
  if (path == "status.podIP") return string_at(pod, {"status", "podIP"});
  for (const auto& [prefix, map] : {std::pair{"metadata.labels['", "labels"}, {"metadata.annotations['", "annotations"}}) {
    const std::string p = prefix;
    if (path.rfind(p, 0) == 0 && path.size() > p.size() + 2) {
      const std::string key = path.substr(p.size(), path.size() - p.size() - 2);
      return std::string(map) == "labels" ? labels_of(pod).get_string(key) : annotations_of(pod).get_string(key);
    }
  }
  return "";
}

std::string describe_pod(Client& client, const Value& pod) {
  const Seconds now = client.now();
  DescribeWriter w;
  w.write(0, "Name:\t" + name_of(pod) + "\n");
  w.write(0, "Namespace:\t" + namespace_of(pod) + "\n");
  if (const Value* p = at(pod, {"spec", "priority"})) w.write(0, "Priority:\t" + num(p->integer_value()) + "\n");
  if (!string_at(pod, {"spec", "priorityClassName"}).empty()) {
    w.write(0, "Priority Class Name:\t" + string_at(pod, {"spec", "priorityClassName"}) + "\n");
  }
  if (!string_at(pod, {"spec", "serviceAccountName"}).empty()) {
    w.write(0, "Service Account:\t" + string_at(pod, {"spec", "serviceAccountName"}) + "\n");
  }
  const std::string node = string_at(pod, {"spec", "nodeName"});
  w.write(0, "Node:\t" + (node.empty() ? "<none>" : node + "/" + string_at(pod, {"status", "hostIP"})) + "\n");
  if (const auto start = time_at(pod, {"status", "startTime"})) w.write(0, "Start Time:\t" + format_rfc1123z(*start) + "\n");
  labels_multiline(w, "Labels", labels_of(pod));
  annotations_multiline(w, "Annotations", annotations_of(pod));
  const std::string phase = string_at(pod, {"status", "phase"});
  if (has_deletion_timestamp(pod) && phase != "Failed" && phase != "Succeeded") {
    const Value* dt = at(pod, {"metadata", "deletionTimestamp"});
    w.write(0, "Status:\tTerminating (lasts " + since(*dt, now) + ")\n");
    w.write(0, "Termination Grace Period:\t" + num(int_at(pod, {"metadata", "deletionGracePeriodSeconds"})) + "s\n");
  } else {
    w.write(0, "Status:\t" + phase + "\n");
  }
  if (!string_at(pod, {"status", "reason"}).empty()) w.write(0, "Reason:\t" + string_at(pod, {"status", "reason"}) + "\n");
  if (!string_at(pod, {"status", "message"}).empty()) w.write(0, "Message:\t" + string_at(pod, {"status", "message"}) + "\n");
  w.write(0, "IP:\t" + string_at(pod, {"status", "podIP"}) + "\n");
  const auto& ips = list_at(pod, {"status", "podIPs"});
  if (ips.empty()) {
    w.write(0, "IPs:\t<none>\n");
  } else {
    w.write(0, "IPs:\n");
    for (const Value& ip : ips) w.write(1, "IP:\t" + ip.get_string("ip") + "\n");
  }
  if (const std::string c = controlled_by(pod); !c.empty()) w.write(0, "Controlled By:\t" + c + "\n");
  if (!string_at(pod, {"status", "nominatedNodeName"}).empty()) {
    w.write(0, "NominatedNodeName:\t" + string_at(pod, {"status", "nominatedNodeName"}) + "\n");
  }
  const EnvResolver resolver = [&pod](const Value& env) {
    return field_value(pod, string_at(env, {"valueFrom", "fieldRef", "fieldPath"}));
  };
  const auto& init = list_at(pod, {"spec", "initContainers"});
  if (!init.empty()) describe_containers(w, "Init Containers", init, list_at(pod, {"status", "initContainerStatuses"}), resolver, "");
  describe_containers(w, "Containers", list_at(pod, {"spec", "containers"}), list_at(pod, {"status", "containerStatuses"}),
                      resolver, "");
  const auto& gates = list_at(pod, {"spec", "readinessGates"});
  if (!gates.empty()) {
    w.write(0, "Readiness Gates:\n  Type\tStatus\n");
    for (const Value& g : gates) {
      const Value* c = condition(pod, g.get_string("conditionType"));
      w.write(1, g.get_string("conditionType") + " \t" + (c ? c->get_string("status") : "<none>") + " \n");
    }
  }
  const auto& conditions = list_at(pod, {"status", "conditions"});
  if (!conditions.empty()) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const Value& c : conditions) w.write(1, c.get_string("type") + " \t" + c.get_string("status") + " \n");
  }
  describe_volumes(w, list_at(pod, {"spec", "volumes"}), "");
  w.write(0, "QoS Class:\t" + string_at(pod, {"status", "qosClass"}) + "\n");
  const Value* selector = at(pod, {"spec", "nodeSelector"});
  labels_multiline(w, "Node-Selectors", selector ? *selector : Value());
  tolerations_multiline(w, "Tolerations", list_at(pod, {"spec", "tolerations"}));
  return tabbed(w.text(), describe_events(events_for(client, pod), now));
}

std::string replica_sets_by_labels(const std::vector<Value>& rss) {
  std::string out;
  for (const Value& rs : rss) {
    out += (out.empty() ? "" : ", ") + name_of(rs) + " (" + num(int_at(rs, {"status", "replicas"})) + "/" +
           num(int_at(rs, {"spec", "replicas"}, 1)) + " replicas created)";
  }
  return out.empty() ? "<none>" : out;
}

void conditions_table(DescribeWriter& w, const Value& object) {
  const auto& conditions = list_at(object, {"status", "conditions"});
  if (conditions.empty()) return;
  w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(1, "----\t------\t------\n");
  for (const Value& c : conditions) {
    w.write(1, c.get_string("type") + " \t" + c.get_string("status") + "\t" + c.get_string("reason") + "\n");
  }
}

std::string describe_deployment(Client& client, const Value& d) {
  DescribeWriter w;
  w.write(0, "Name:\t" + name_of(d) + "\n");
  w.write(0, "Namespace:\t" + namespace_of(d) + "\n");
  w.write(0, "CreationTimestamp:\t" + format_rfc1123z(time_at(d, {"metadata", "creationTimestamp"}).value_or(0)) + "\n");
  labels_multiline(w, "Labels", labels_of(d));
  annotations_multiline(w, "Annotations", annotations_of(d));
  const Value* sel = at(d, {"spec", "selector"});
  w.write(0, "Selector:\t" + label_selector_as_selector(sel ? *sel : Value()).str() + "\n");
  w.write(0, "Replicas:\t" + num(int_at(d, {"spec", "replicas"}, 1)) + " desired | " + num(int_at(d, {"status", "updatedReplicas"})) +
                 " updated | " + num(int_at(d, {"status", "replicas"})) + " total | " +
                 num(int_at(d, {"status", "availableReplicas"})) + " available | " +
                 num(int_at(d, {"status", "unavailableReplicas"})) + " unavailable\n");
  w.write(0, "StrategyType:\t" + string_at(d, {"spec", "strategy", "type"}) + "\n");
  w.write(0, "MinReadySeconds:\t" + num(int_at(d, {"spec", "minReadySeconds"})) + "\n");
  if (const Value* ru = at(d, {"spec", "strategy", "rollingUpdate"})) {
    const auto text = [](const Value* v) { return v == nullptr ? std::string("<nil>") : v->is_string() ? v->as_string() : num(v->integer_value()); };
    w.write(0, "RollingUpdateStrategy:\t" + text(ru->find("maxUnavailable")) + " max unavailable, " +
                   text(ru->find("maxSurge")) + " max surge\n");
  }
  const Value* tmpl = at(d, {"spec", "template"});
  describe_pod_template(w, tmpl ? *tmpl : Value::empty_map());
  conditions_table(w, d);
  // GetAllReplicaSets: those the deployment controls and selects, the new one by template.
  std::vector<Value> rss;
  const Selector selector = label_selector_as_selector(sel ? *sel : Value());
  for (Value& rs : client.list("apps/v1", "ReplicaSet", namespace_of(d))) {
    if (is_controlled_by(rs, d) && selector.matches(labels_of(rs))) rss.push_back(std::move(rs));
  }
  if (!rss.empty()) {
    const Value* new_rs = deployment::find_new_rs(d, rss);
    std::vector<Value> old, fresh;
    for (const Value& rs : rss) (new_rs && uid_of(rs) == uid_of(*new_rs) ? fresh : old).push_back(rs);
    w.write(0, "OldReplicaSets:\t" + replica_sets_by_labels(old) + "\n");
    w.write(0, "NewReplicaSet:\t" + replica_sets_by_labels(fresh) + "\n");
  }
  return tabbed(w.text(), describe_events(events_for(client, d), client.now()));
}

std::string describe_replica_set(Client& client, const Value& rs) {
  DescribeWriter w;
  w.write(0, "Name:\t" + name_of(rs) + "\n");
  w.write(0, "Namespace:\t" + namespace_of(rs) + "\n");
  const Value* sel = at(rs, {"spec", "selector"});
  w.write(0, "Selector:\t" + format_label_selector(sel ? *sel : Value()) + "\n");
  labels_multiline(w, "Labels", labels_of(rs));
  annotations_multiline(w, "Annotations", annotations_of(rs));
  if (const std::string c = controlled_by(rs); !c.empty()) w.write(0, "Controlled By:\t" + c + "\n");
  w.write(0, "Replicas:\t" + num(int_at(rs, {"status", "replicas"})) + " current / " + num(int_at(rs, {"spec", "replicas"}, 1)) + " desired\n");
  int running = 0, waiting = 0, succeeded = 0, failed = 0;
  const Selector selector = label_selector_as_selector(sel ? *sel : Value());
  for (const Value& p : client.list("v1", "Pod", namespace_of(rs), selector.str())) {
    if (!is_controlled_by(p, rs)) continue;
    const std::string phase = string_at(p, {"status", "phase"});
    running += phase == "Running";
    waiting += phase == "Pending";
    succeeded += phase == "Succeeded";
    failed += phase == "Failed";
  }
  w.write(0, "Pods Status:\t" + num(running) + " Running / " + num(waiting) + " Waiting / " + num(succeeded) +
                 " Succeeded / " + num(failed) + " Failed\n");
  const Value* tmpl = at(rs, {"spec", "template"});
  describe_pod_template(w, tmpl ? *tmpl : Value::empty_map());
  conditions_table(w, rs);
  return tabbed(w.text(), describe_events(events_for(client, rs), client.now()));
}

std::string describe_service(Client& client, const Value& svc) {
  DescribeWriter w;
  w.write(0, "Name:\t" + name_of(svc) + "\n");
  w.write(0, "Namespace:\t" + namespace_of(svc) + "\n");
  labels_multiline(w, "Labels", labels_of(svc));
  annotations_multiline(w, "Annotations", annotations_of(svc));
  const Value* sel = at(svc, {"spec", "selector"});
  w.write(0, "Selector:\t" + format_labels(sel ? *sel : Value()) + "\n");
  w.write(0, "Type:\t" + string_at(svc, {"spec", "type"}) + "\n");
  if (!string_at(svc, {"spec", "ipFamilyPolicy"}).empty()) w.write(0, "IP Family Policy:\t" + string_at(svc, {"spec", "ipFamilyPolicy"}) + "\n");
  std::string families, ips;
  for (const Value& f : list_at(svc, {"spec", "ipFamilies"})) {
    families += (families.empty() ? "" : ",") + (f.is_string() ? f.as_string() : "");
  }
  for (const Value& ip : list_at(svc, {"spec", "clusterIPs"})) ips += (ips.empty() ? "" : ",") + (ip.is_string() ? ip.as_string() : "");
  w.write(0, "IP Families:\t" + (families.empty() ? "<none>" : families) + "\n");
  w.write(0, "IP:\t" + string_at(svc, {"spec", "clusterIP"}) + "\n");
  w.write(0, "IPs:\t" + (ips.empty() ? "<none>" : ips) + "\n");
  if (!string_at(svc, {"spec", "externalName"}).empty()) w.write(0, "External Name:\t" + string_at(svc, {"spec", "externalName"}) + "\n");
  std::string ingress;
  for (const Value& in : list_at(svc, {"status", "loadBalancer", "ingress"})) {
    ingress += (ingress.empty() ? "" : ", ") + (in.get_string("ip").empty() ? in.get_string("hostname") : in.get_string("ip"));
  }
  if (!ingress.empty()) w.write(0, "LoadBalancer Ingress:\t" + ingress + "\n");
  const std::optional<Value> ep = client.get("v1", "Endpoints", namespace_of(svc), name_of(svc));
  for (const Value& p : list_at(svc, {"spec", "ports"})) {
    const std::string name = p.get_string("name").empty() ? "<unset>" : p.get_string("name");
    const std::string proto = p.get_string("protocol");
    w.write(0, "Port:\t" + name + "\t" + num(int_at(p, {"port"})) + "/" + proto + "\n");
    const Value* target = p.find("targetPort");
    w.write(0, "TargetPort:\t" + (target && target->is_string() ? target->as_string() : num(target ? target->integer_value() : 0)) + "/" + proto + "\n");
    if (int_at(p, {"nodePort"}) != 0) w.write(0, "NodePort:\t" + name + "\t" + num(int_at(p, {"nodePort"})) + "/" + proto + "\n");
    std::string endpoints = "<none>";
    if (ep) {
      std::vector<std::string> list;
      std::size_t count = 0;
      for (const Value& ss : list_at(*ep, {"subsets"})) {
        for (const Value& port : list_at(ss, {"ports"})) {
          if (port.get_string("name") != p.get_string("name")) continue;
          for (const Value& a : list_at(ss, {"addresses"})) {
            if (list.size() < 3) list.push_back(a.get_string("ip") + ":" + num(int_at(port, {"port"})));
            ++count;
          }
        }
      }
      endpoints.clear();
      for (const std::string& s : list) endpoints += (endpoints.empty() ? "" : ",") + s;
      if (count > 3) endpoints += " + " + num(static_cast<std::int64_t>(count - 3)) + " more...";
    }
    w.write(0, "Endpoints:\t" + endpoints + "\n");
  }
  w.write(0, "Session Affinity:\t" + string_at(svc, {"spec", "sessionAffinity"}) + "\n");
  if (!string_at(svc, {"spec", "externalTrafficPolicy"}).empty()) {
    w.write(0, "External Traffic Policy:\t" + string_at(svc, {"spec", "externalTrafficPolicy"}) + "\n");
  }
  if (!string_at(svc, {"spec", "internalTrafficPolicy"}).empty()) {
    w.write(0, "Internal Traffic Policy:\t" + string_at(svc, {"spec", "internalTrafficPolicy"}) + "\n");
  }
  return tabbed(w.text(), describe_events(events_for(client, svc), client.now()));
}

std::int64_t percent(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0 : static_cast<std::int64_t>(static_cast<double>(part) / static_cast<double>(whole) * 100);
}

std::string describe_node(Client& client, const Value& node) {
  const Seconds now = client.now();
  DescribeWriter w;
  w.write(0, "Name:\t" + name_of(node) + "\n");
  std::set<std::string> roles;
  for (const auto& [k, v] : labels_of(node).map().entries) {
    if (k.rfind("node-role.kubernetes.io/", 0) == 0 && k.size() > 24) roles.insert(k.substr(24));
  }
  std::string role_text;
  for (const std::string& r : roles) role_text += (role_text.empty() ? "" : ",") + r;
  w.write(0, "Roles:\t" + (role_text.empty() ? "<none>" : role_text) + "\n");
  labels_multiline(w, "Labels", labels_of(node));
  annotations_multiline(w, "Annotations", annotations_of(node));
  w.write(0, "CreationTimestamp:\t" + format_rfc1123z(time_at(node, {"metadata", "creationTimestamp"}).value_or(0)) + "\n");
  taints_multiline(w, "Taints", list_at(node, {"spec", "taints"}));
  w.write(0, std::string("Unschedulable:\t") + (bool_at(node, {"spec", "unschedulable"}) ? "true" : "false") + "\n");
  const auto& conditions = list_at(node, {"status", "conditions"});
  if (!conditions.empty()) {
    w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const Value& c : conditions) {
      w.write(1, c.get_string("type") + " \t" + c.get_string("status") + " \t" +
                     format_rfc1123z(time_at(c, {"lastHeartbeatTime"}).value_or(0)) + " \t" +
                     format_rfc1123z(time_at(c, {"lastTransitionTime"}).value_or(0)) + " \t" + c.get_string("reason") +
                     " \t" + c.get_string("message") + "\n");
    }
  }
  w.write(0, "Addresses:\n");
  for (const Value& a : list_at(node, {"status", "addresses"})) w.write(1, a.get_string("type") + ":\t" + a.get_string("address") + "\n");
  for (const auto& [field, title] : {std::pair{"capacity", "Capacity"}, {"allocatable", "Allocatable"}}) {
    const Value* list = at(node, {"status", field});
    if (list == nullptr || list->size() == 0) continue;
    w.write(0, std::string(title) + ":\n");
    for (const auto& [name, q] : list->map().entries) {
      const auto parsed = quantity_of(q);
      w.write(0, "  " + name + ":\t" + (parsed ? format_quantity(*parsed) : "") + "\n");
    }
  }
  w.write(0, "System Info:\n");
  for (const auto& [field, title] : {std::pair{"machineID", "Machine ID"}, {"systemUUID", "System UUID"}, {"bootID", "Boot ID"},
                                     {"kernelVersion", "Kernel Version"}, {"osImage", "OS Image"},
                                     {"operatingSystem", "Operating System"}, {"architecture", "Architecture"},
                                     {"containerRuntimeVersion", "Container Runtime Version"},
                                     {"kubeletVersion", "Kubelet Version"}, {"kubeProxyVersion", "Kube-Proxy Version"}}) {
    w.write(0, "  " + std::string(title) + ":\t" + string_at(node, {"status", "nodeInfo", field}) + "\n");
  }
  if (!string_at(node, {"spec", "podCIDR"}).empty()) w.write(0, "PodCIDR:\t" + string_at(node, {"spec", "podCIDR"}) + "\n");
  std::string cidrs;
  for (const Value& c : list_at(node, {"spec", "podCIDRs"})) cidrs += (cidrs.empty() ? "" : ",") + (c.is_string() ? c.as_string() : "");
  if (!cidrs.empty()) w.write(0, "PodCIDRs:\t" + cidrs + "\n");
  // Non-terminated pods on the node and what they request.
  std::vector<Value> pods;
  for (Value& p : client.list("v1", "Pod", std::nullopt)) {
    const std::string phase = string_at(p, {"status", "phase"});
    if (string_at(p, {"spec", "nodeName"}) == name_of(node) && phase != "Succeeded" && phase != "Failed") pods.push_back(std::move(p));
  }
  const auto alloc = [&](const char* r) {
    const Value* q = at(node, {"status", "allocatable", r});
    if (q == nullptr) q = at(node, {"status", "capacity", r});
    const auto parsed = q ? quantity_of(*q) : std::nullopt;
    return parsed ? parsed->milli : 0;
  };
  const auto sum = [](const Value& p, const char* which, const char* r) {
    Quantity total;
    bool first = true;
    for (const Value& c : list_at(p, {"spec", "containers"})) {
      if (const Value* q = at(c, {"resources", which, r})) {
        if (auto parsed = quantity_of(*q)) {
          if (first) total.format = parsed->format;
          first = false;
          total += *parsed;
        }
      }
    }
    return total;
  };
  w.write(0, "Non-terminated Pods:\t(" + num(static_cast<std::int64_t>(pods.size())) + " in total)\n");
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  Quantity cpu_req, cpu_lim, mem_req, mem_lim;
  for (const Value& p : pods) {
    const Quantity cr = sum(p, "requests", "cpu"), cl = sum(p, "limits", "cpu");
    const Quantity mr = sum(p, "requests", "memory"), ml = sum(p, "limits", "memory");
    cpu_req += cr, cpu_lim += cl, mem_req += mr, mem_lim += ml;
    w.write(1, namespace_of(p) + "\t" + name_of(p) + "\t\t" + format_quantity(cr) + " (" + num(percent(cr.milli, alloc("cpu"))) +
                   "%)\t" + format_quantity(cl) + " (" + num(percent(cl.milli, alloc("cpu"))) + "%)\t" + format_quantity(mr) +
                   " (" + num(percent(mr.milli, alloc("memory"))) + "%)\t" + format_quantity(ml) + " (" +
                   num(percent(ml.milli, alloc("memory"))) + "%)\t" + age(p, now) + "\n");
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  w.write(1, "cpu\t" + format_quantity(cpu_req) + " (" + num(percent(cpu_req.milli, alloc("cpu"))) + "%)\t" +
                 format_quantity(cpu_lim) + " (" + num(percent(cpu_lim.milli, alloc("cpu"))) + "%)\n");
  w.write(1, "memory\t" + format_quantity(mem_req) + " (" + num(percent(mem_req.milli, alloc("memory"))) + "%)\t" +
                 format_quantity(mem_lim) + " (" + num(percent(mem_lim.milli, alloc("memory"))) + "%)\n");
  w.write(1, "ephemeral-storage\t0 (0%)\t0 (0%)\n");
  return tabbed(w.text(), describe_events(events_for(client, node), now));
}

// Kinds without a describer: name, namespace, labels, annotations and the object's fields.
std::string describe_generic(Client& client, const Value& o) {
  DescribeWriter w;
  w.write(0, "Name:\t" + name_of(o) + "\n");
  w.write(0, "Namespace:\t" + namespace_of(o) + "\n");
  labels_multiline(w, "Labels", labels_of(o));
  annotations_multiline(w, "Annotations", annotations_of(o));
  return tabbed(w.text(), describe_events(events_for(client, o), client.now()));
}

}  // namespace

Output describe(Client& client, const Target& target) {
  Output result;
  try {
    const std::vector<Request> requests = parse_args(client.registry(), target.args, "describe");
    bool failed = false;
    const std::vector<Fetched> fetched = fetch(client, target, requests, result.err, failed);
    bool first = true;
    bool any = false;
    for (const Fetched& f : fetched) {
      for (const Value& o : f.objects) {
        any = true;
        const std::string k = f.type->group + "/" + f.type->kind;
        std::string text;
        if (k == "/Pod") {
          text = describe_pod(client, o);
        } else if (k == "apps/Deployment") {
          text = describe_deployment(client, o);
        } else if (k == "apps/ReplicaSet") {
          text = describe_replica_set(client, o);
        } else if (k == "/Service") {
          text = describe_service(client, o);
        } else if (k == "/Node") {
          text = describe_node(client, o);
        } else {
          text = describe_generic(client, o);
        }
        result.out += (first ? "" : "\n\n") + text;
        first = false;
      }
    }
    if (!any && !failed) {
      result.err += target.all_namespaces ? "No resources found\n" : "No resources found in " + target.ns + " namespace.\n";
    }
    if (failed) result.exit_code = 1;
  } catch (const Error& e) {
    result.err += error_text(e);
    result.exit_code = 1;
  }
  return result;
}

}  // namespace capstan::orchestrator::kubectl
