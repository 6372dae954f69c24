// Validation of built-in types (see validate.h), after k8s.io/kubernetes pkg/apis/core/validation
// and pkg/apis/apps/validation.
#include "orchestrator/validate.h"

#include <cctype>
#include <set>

#include "core/strconv.h"
#include "orchestrator/labels.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::string idx(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

using Errors = std::vector<FieldError>;

void add_each(Errors& errs, const std::string& field, const Value& bad, const std::vector<std::string>& msgs) {
  for (const std::string& m : msgs) errs.push_back(field_invalid(field, bad, m));
}

void validate_labels(Errors& errs, const Value& labels, const std::string& field) {
  if (!labels.is_map()) return;
  for (const auto& [k, v] : labels.map().entries) {
    add_each(errs, field, Value(k), qualified_name_errors(k));
    add_each(errs, field, v, label_value_errors(v.is_string() ? v.as_string() : ""));
  }
}

void validate_metadata(Errors& errs, const ResourceType& type, const Value& object) {
  const std::string name = name_of(object);
  if (name.empty()) {
    errs.push_back(field_required("metadata.name", "name or generateName is required"));
  } else if (type.kind == "Service") {
    add_each(errs, "metadata.name", Value(name), dns1035_label_errors(name));
  } else if (type.kind == "Namespace") {
    add_each(errs, "metadata.name", Value(name), dns1123_label_errors(name));
  } else if (type.group == "rbac.authorization.k8s.io") {
    // ValidatePathSegmentName
    if (name == "." || name == "..") {
      errs.push_back(field_invalid("metadata.name", Value(name), "may not be '" + name + "'"));
    }
    for (const char* bad : {"/", "%"}) {
      if (name.find(bad) != std::string::npos) {
        errs.push_back(field_invalid("metadata.name", Value(name), std::string("may not contain '") + bad + "'"));
      }
    }
  } else {
    add_each(errs, "metadata.name", Value(name), dns1123_subdomain_errors(name));
  }
  validate_labels(errs, labels_of(object), "metadata.labels");
  for (const auto& [k, v] : annotations_of(object).map().entries) {
    std::string lower = k;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    add_each(errs, "metadata.annotations", Value(k), qualified_name_errors(lower));
  }
}

void validate_ports(Errors& errs, const Value& container, const std::string& path) {
  const auto& ports = list_at(container, {"ports"});
  for (std::size_t i = 0; i < ports.size(); ++i) {
    const Value& p = ports[i];
    const std::string pp = idx(path + ".ports", i);
    const Value* cp = p.find("containerPort");
    if (cp == nullptr || !cp->is_number() || cp->integer_value() == 0) {
      errs.push_back(field_required(pp + ".containerPort"));
    } else if (cp->integer_value() < 1 || cp->integer_value() > 65535) {
      errs.push_back(field_invalid(pp + ".containerPort", *cp, "must be between 1 and 65535, inclusive"));
    }
    const std::string proto = p.get_string("protocol");
    if (proto != "TCP" && proto != "UDP" && proto != "SCTP") {
      errs.push_back(field_not_supported(pp + ".protocol", Value(proto), {"SCTP", "TCP", "UDP"}));
    }
  }
}

void validate_pod_spec(Errors& errs, const Value& spec, const std::string& path) {
  const auto& containers = list_at(spec, {"containers"});
  if (containers.empty()) errs.push_back(field_required(path + ".containers"));
  std::set<std::string> names;
  for (const char* list : {"initContainers", "containers"}) {
    const auto& cs = list_at(spec, {list});
    for (std::size_t i = 0; i < cs.size(); ++i) {
      const Value& c = cs[i];
      const std::string cp = idx(path + "." + list, i);
      const std::string name = c.get_string("name");
      if (name.empty()) {
        errs.push_back(field_required(cp + ".name"));
      } else {
        add_each(errs, cp + ".name", Value(name), dns1123_label_errors(name));
        if (!names.insert(name).second) errs.push_back(field_duplicate(cp + ".name", Value(name)));
      }
      if (c.get_string("image").empty()) errs.push_back(field_required(cp + ".image"));
      validate_ports(errs, c, cp);
    }
  }
  const std::string policy = spec.get_string("restartPolicy");
  if (policy != "Always" && policy != "OnFailure" && policy != "Never") {
    errs.push_back(field_not_supported(path + ".restartPolicy", Value(policy), {"Always", "OnFailure", "Never"}));
  }
  const std::string dns = spec.get_string("dnsPolicy");
  if (dns != "ClusterFirst" && dns != "ClusterFirstWithHostNet" && dns != "Default" && dns != "None") {
    errs.push_back(field_not_supported(path + ".dnsPolicy", Value(dns),
                                       {"ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"}));
  }
  std::set<std::string> volumes;
  const auto& vols = list_at(spec, {"volumes"});
  for (std::size_t i = 0; i < vols.size(); ++i) {
    const std::string vname = vols[i].get_string("name");
    const std::string vp = idx(path + ".volumes", i) + ".name";
    if (vname.empty()) {
      errs.push_back(field_required(vp));
    } else {
      add_each(errs, vp, Value(vname), dns1123_label_errors(vname));
      if (!volumes.insert(vname).second) errs.push_back(field_duplicate(vp, Value(vname)));
    }
  }
}

// ValidatePodTemplateSpecForReplicaSet and the selector checks of Deployment/ReplicaSet/...
void validate_workload(Errors& errs, const ResourceType& type, const Value& object) {
  const Value* spec = object.find("spec");
  if (spec == nullptr) {
    errs.push_back(field_required("spec.selector"));
    return;
  }
  if (const Value* r = spec->find("replicas"); r != nullptr && r->is_number() && r->integer_value() < 0) {
    errs.push_back(field_invalid("spec.replicas", *r, "must be greater than or equal to 0"));
  }
  const Value* selector = spec->find("selector");
  Selector sel = Selector::nothing();
  if (selector == nullptr || selector->is_null()) {
    errs.push_back(field_required("spec.selector"));
  } else {
    try {
      sel = label_selector_as_selector(*selector);
      if (sel.empty()) {
        std::string lower = type.singular;
        errs.push_back(field_invalid_text("spec.selector", go_label_selector(*selector),
                                          "empty selector is invalid for " + lower));
      }
    } catch (const Error&) {
      errs.push_back(field_invalid_text("spec.selector", go_label_selector(*selector), "invalid label selector"));
    }
  }
  const Value* tmpl = spec->find("template");
  if (tmpl == nullptr || !tmpl->is_map()) {
    errs.push_back(field_required("spec.template"));
    return;
  }
  const Value& tlabels = labels_of(*tmpl);
  if (!sel.is_nothing() && !sel.empty() && !sel.matches(tlabels)) {
    errs.push_back(field_invalid_text("spec.template.metadata.labels", go_string_map(tlabels),
                                      "`selector` does not match template `labels`"));
  }
  validate_labels(errs, tlabels, "spec.template.metadata.labels");
  const Value* pod_spec = tmpl->find("spec");
  if (pod_spec == nullptr) {
    errs.push_back(field_required("spec.template.spec.containers"));
    return;
  }
  validate_pod_spec(errs, *pod_spec, "spec.template.spec");
  if (type.kind != "Job" && type.kind != "CronJob") {
    const std::string policy = pod_spec->get_string("restartPolicy");
    if (policy != "Always") {
      errs.push_back(field_not_supported("spec.template.spec.restartPolicy", Value(policy), {"Always"}));
    }
  }
  if (type.kind == "Deployment") {
    const Value* ru = at(*spec, {"strategy", "rollingUpdate"});
    if (ru != nullptr && spec->find("strategy")->get_string("type") == "Recreate") {
      errs.push_back(field_forbidden("spec.strategy.rollingUpdate",
                                     "may not be specified when strategy `type` is 'Recreate'"));
    }
    const std::int64_t pds = int_at(*spec, {"progressDeadlineSeconds"}, -1);
    const std::int64_t mrs = int_at(*spec, {"minReadySeconds"});
    if (pds >= 0 && pds <= mrs) {
      errs.push_back(field_invalid("spec.progressDeadlineSeconds", Value::integer(pds),
                                   "must be greater than minReadySeconds"));
    }
  }
}

bool valid_port_name(const std::string& name) { return dns1123_label_errors(name).empty(); }

void validate_service(Errors& errs, const Value& svc) {
  const Value* spec = svc.find("spec");
  if (spec == nullptr) return;
  const std::string type = spec->get_string("type");
  if (type != "ClusterIP" && type != "NodePort" && type != "LoadBalancer" && type != "ExternalName") {
    errs.push_back(field_not_supported("spec.type", Value(type),
                                       {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"}));
  }
  const auto& ports = list_at(*spec, {"ports"});
  const bool headless = spec->get_string("clusterIP") == "None";
  if (ports.empty() && type != "ExternalName" && !headless) errs.push_back(field_required("spec.ports"));
  if (type == "ExternalName") {
    const std::string ext = spec->get_string("externalName");
    if (ext.empty()) {
      errs.push_back(field_required("spec.externalName"));
    } else {
      add_each(errs, "spec.externalName", Value(ext), dns1123_subdomain_errors(ext));
    }
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    const Value& p = ports[i];
    const std::string pp = idx("spec.ports", i);
    const std::string name = p.get_string("name");
    if (ports.size() > 1 && name.empty()) errs.push_back(field_required(pp + ".name"));
    if (!name.empty()) {
      add_each(errs, pp + ".name", Value(name), dns1123_label_errors(name));
      if (!names.insert(name).second) errs.push_back(field_duplicate(pp + ".name", Value(name)));
    }
    const Value* port = p.find("port");
    if (port == nullptr || !port->is_number()) {
      errs.push_back(field_required(pp + ".port"));
    } else if (port->integer_value() < 1 || port->integer_value() > 65535) {
      errs.push_back(field_invalid(pp + ".port", *port, "must be between 1 and 65535, inclusive"));
    }
    const std::string proto = p.get_string("protocol");
    if (proto != "TCP" && proto != "UDP" && proto != "SCTP") {
      errs.push_back(field_not_supported(pp + ".protocol", Value(proto), {"SCTP", "TCP", "UDP"}));
    }
    if (const Value* tp = p.find("targetPort"); tp != nullptr) {
      if (tp->is_number() && (tp->integer_value() < 1 || tp->integer_value() > 65535)) {
        errs.push_back(field_invalid(pp + ".targetPort", *tp, "must be between 1 and 65535, inclusive"));
      } else if (tp->is_string() && !valid_port_name(tp->as_string())) {
        errs.push_back(field_invalid(pp + ".targetPort", *tp, "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"));
      }
    }
    const Value* np = p.find("nodePort");
    if (type == "ClusterIP" && np != nullptr && np->is_number() && np->integer_value() != 0) {
      errs.push_back(field_forbidden(pp + ".nodePort", "may not be used when `type` is 'ClusterIP'"));
    }
  }
  validate_labels(errs, spec->find("selector") != nullptr ? *spec->find("selector") : Value(), "spec.selector");
}

bool valid_config_key(const std::string& k) {
  if (k.empty() || k == "." || k == "..") return false;
  for (char c : k) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

void validate_config_keys(Errors& errs, const Value& object) {
  for (const char* field : {"data", "binaryData", "stringData"}) {
    const Value* data = object.find(field);
    if (data == nullptr || !data->is_map()) continue;
    for (const auto& [k, v] : data->map().entries) {
      if (!valid_config_key(k)) {
        errs.push_back(field_invalid(
            field, Value(k),
            "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. "
            "'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is "
            "'[-._a-zA-Z0-9]+')"));
      }
    }
  }
}

}  // namespace

std::string go_string_map(const Value& map) {
  if (!map.is_map() || map.size() == 0) return "map[string]string(nil)";
  std::string out = "map[string]string{";
  bool first = true;
  for (const auto& [k, v] : map.map().entries) {
    if (!first) out += ", ";
    first = false;
    out += strconv::quote(k) + ":" + strconv::quote(v.is_string() ? v.as_string() : "");
  }
  return out + "}";
}

std::string go_label_selector(const Value& selector) {
  const Value* ml = selector.find("matchLabels");
  std::string out = "v1.LabelSelector{MatchLabels:" + go_string_map(ml ? *ml : Value()) + ", MatchExpressions:";
  const auto& exprs = list_at(selector, {"matchExpressions"});
  if (exprs.empty()) return out + "[]v1.LabelSelectorRequirement(nil)}";
  out += "[]v1.LabelSelectorRequirement{";
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    if (i > 0) out += ", ";
    out += "v1.LabelSelectorRequirement{Key:" + strconv::quote(exprs[i].get_string("key")) +
           ", Operator:" + strconv::quote(exprs[i].get_string("operator")) + ", Values:";
    const auto& values = list_at(exprs[i], {"values"});
    if (values.empty()) {
      out += "[]string(nil)";
    } else {
      std::vector<std::string> quoted;
      for (const Value& v : values) quoted.push_back(strconv::quote(v.is_string() ? v.as_string() : ""));
      out += "[]string{" + join(quoted, ", ") + "}";
    }
    out += "}";
  }
  return out + "}}";
}

std::vector<FieldError> validate_object(const ResourceType& type, const Value& object) {
  Errors errs;
  validate_metadata(errs, type, object);
  if (!type.group.empty() && type.group != "apps" && type.group != "batch") return errs;
  const std::string& kind = type.kind;
  if (kind == "Pod") {
    if (const Value* spec = object.find("spec"); spec != nullptr) {
      validate_pod_spec(errs, *spec, "spec");
    } else {
      errs.push_back(field_required("spec.containers"));
    }
  } else if (kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet" ||
             kind == "DaemonSet") {
    validate_workload(errs, type, object);
  } else if (kind == "Service") {
    validate_service(errs, object);
  } else if (kind == "ConfigMap" || kind == "Secret") {
    validate_config_keys(errs, object);
  }
  return errs;
}

std::vector<FieldError> validate_update(const ResourceType& type, const Value& old_object,
                                        const Value& new_object) {
  Errors errs;
  const std::string& kind = type.kind;
  if (type.group == "apps" && (kind == "Deployment" || kind == "ReplicaSet" ||
                               kind == "StatefulSet" || kind == "DaemonSet")) {
    const Value* a = at(old_object, {"spec", "selector"});
    const Value* b = at(new_object, {"spec", "selector"});
    if (a != nullptr && b != nullptr && !semantic_equal(*a, *b)) {
      errs.push_back(field_invalid_text("spec.selector", go_label_selector(*b), "field is immutable"));
    }
  }
  if (kind == "Service" && type.group.empty()) {
    const std::string a = string_at(old_object, {"spec", "clusterIP"});
    const std::string b = string_at(new_object, {"spec", "clusterIP"});
    if (!a.empty() && a != b && string_at(old_object, {"spec", "type"}) != "ExternalName" &&
        string_at(new_object, {"spec", "type"}) != "ExternalName") {
      errs.push_back(field_invalid_text("spec.clusterIPs[0]", "[]string{" + strconv::quote(b) + "}",
                                        "may not change once set"));
    }
  }
  if ((kind == "ConfigMap" || kind == "Secret") && type.group.empty() && bool_at(old_object, {"immutable"})) {
    for (const char* field : {"data", "binaryData"}) {
      const Value* a = old_object.find(field);
      const Value* b = new_object.find(field);
      if (!semantic_equal(a ? *a : Value(), b ? *b : Value())) {
        errs.push_back(field_forbidden(field, "field is immutable when `immutable` is set"));
      }
    }
  }
  if (kind == "Pod" && type.group.empty()) {
    // Pod specs are immutable except for images and a few scheduling fields (ValidatePodUpdate).
    Value a = at(old_object, {"spec"}) ? at(old_object, {"spec"})->deep_copy() : Value();
    Value b = at(new_object, {"spec"}) ? at(new_object, {"spec"})->deep_copy() : Value();
    for (Value* s : {&a, &b}) {
      for (const char* list : {"containers", "initContainers"}) {
        if (Value* cs = s->find(list); cs != nullptr && cs->is_list()) {
          for (Value& c : cs->mutable_list().items) c.erase("image");
        }
      }
      s->erase("activeDeadlineSeconds");
      s->erase("tolerations");
      s->erase("nodeName");
    }
    if (!semantic_equal(a, b)) {
      errs.push_back(field_forbidden(
          "spec",
          "pod updates may not change fields other than `spec.containers[*].image`,"
          "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only "
          "additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be "
          "set to 1 if it was previously negative)"));
    }
  }
  return errs;
}

}  // namespace capstan::orchestrator
