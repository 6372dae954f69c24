// kubectl describe building blocks (see describe_format.h).
#include "orchestrator/describe_format.h"

#include <algorithm>

#include "core/strconv.h"
#include "orchestrator/object.h"
#include "orchestrator/printers.h"
#include "orchestrator/quantity.h"
#include "orchestrator/tabwriter.h"

namespace capstan::orchestrator::kubectl {

namespace {

constexpr std::size_t kMaxAnnotationLength = 140;

std::string num(std::int64_t v) { return std::to_string(v); }

std::string text_of(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_number()) return num(v.integer_value());
  return "";
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string int_or_string(const Value* v) { return v == nullptr ? "" : text_of(*v); }

std::string probe_text(const Value& p) {
  const std::string attrs = "delay=" + num(int_at(p, {"initialDelaySeconds"})) + "s timeout=" +
                            num(int_at(p, {"timeoutSeconds"})) + "s period=" + num(int_at(p, {"periodSeconds"})) +
                            "s #success=" + num(int_at(p, {"successThreshold"})) +
                            " #failure=" + num(int_at(p, {"failureThreshold"}));
  if (const Value* e = p.find("exec")) {
    std::vector<std::string> cmd;
    for (const Value& c : list_at(*e, {"command"})) cmd.push_back(text_of(c));
    return "exec [" + join(cmd, " ") + "] " + attrs;
  }
  if (const Value* h = p.find("httpGet")) {
    std::string scheme = h->get_string("scheme", "HTTP");
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
    const std::string port = int_or_string(h->find("port"));
    return "http-get " + scheme + "://" + h->get_string("host") + ":" + port + h->get_string("path") + " " + attrs;
  }
  if (const Value* t = p.find("tcpSocket")) {
    return "tcp-socket " + t->get_string("host") + ":" + int_or_string(t->find("port")) + " " + attrs;
  }
  if (const Value* g = p.find("grpc")) {
    return "grpc <pod>:" + num(int_at(*g, {"port"})) + " " + g->get_string("service") + " " + attrs;
  }
  return "unknown " + attrs;
}

void describe_state(DescribeWriter& w, const std::string& name, const Value* state) {
  if (state != nullptr && state->find("running") != nullptr) {
    w.write(2, name + ":\tRunning\n");
    const auto started = time_at(*state, {"running", "startedAt"});
    w.write(3, "Started:\t" + format_rfc1123z(started.value_or(0)) + "\n");
  } else if (state != nullptr && state->find("terminated") != nullptr) {
    const Value& t = *state->find("terminated");
    w.write(2, name + ":\tTerminated\n");
    if (!t.get_string("reason").empty()) w.write(3, "Reason:\t" + t.get_string("reason") + "\n");
    if (!t.get_string("message").empty()) w.write(3, "Message:\t" + t.get_string("message") + "\n");
    w.write(3, "Exit Code:\t" + num(int_at(t, {"exitCode"})) + "\n");
    if (int_at(t, {"signal"}) > 0) w.write(3, "Signal:\t" + num(int_at(t, {"signal"})) + "\n");
    w.write(3, "Started:\t" + format_rfc1123z(time_at(t, {"startedAt"}).value_or(0)) + "\n");
    w.write(3, "Finished:\t" + format_rfc1123z(time_at(t, {"finishedAt"}).value_or(0)) + "\n");
  } else {
    w.write(2, name + ":\tWaiting\n");
    const std::string reason = state ? string_at(*state, {"waiting", "reason"}) : "";
    if (!reason.empty()) w.write(3, "Reason:\t" + reason + "\n");
  }
}

}  // namespace

std::string go_bool(bool b) { return b ? "True" : "False"; }

void labels_multiline(DescribeWriter& w, const std::string& title, const Value& labels) {
  w.write(0, title + ":\t");
  if (!labels.is_map() || labels.size() == 0) {
    w.write(0, "<none>\n");
    return;
  }
  bool first = true;
  for (const auto& [k, v] : labels.map().entries) {
    if (!first) w.write(0, "\t");
    first = false;
    w.write(0, k + "=" + text_of(v) + "\n");
  }
}

void annotations_multiline(DescribeWriter& w, const std::string& title, const Value& annotations) {
  w.write(0, title + ":\t");
  std::vector<std::pair<std::string, std::string>> entries;
  if (annotations.is_map()) {
    for (const auto& [k, v] : annotations.map().entries) {
      if (k != "kubectl.kubernetes.io/last-applied-configuration") entries.emplace_back(k, text_of(v));
    }
  }
  if (entries.empty()) {
    w.write(0, "<none>\n");
    return;
  }
  bool first = true;
  for (auto& [k, value] : entries) {
    if (!first) w.write(0, "\t");
    first = false;
    while (!value.empty() && value.back() == '\n') value.pop_back();
    if (value.size() + k.size() + 2 > kMaxAnnotationLength || value.find('\n') != std::string::npos) {
      w.write(0, k + ":\n");
      std::size_t start = 0;
      for (;;) {
        const std::size_t nl = value.find('\n', start);
        std::string line = value.substr(start, nl - start);
        if (line.size() > kMaxAnnotationLength - 2) line = line.substr(0, kMaxAnnotationLength - 2) + "...";
        w.write(0, "\t  " + line + "\n");
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    } else {
      w.write(0, k + ": " + value + "\n");
    }
  }
}

void tolerations_multiline(DescribeWriter& w, const std::string& title, const std::vector<Value>& tolerations) {
  w.write(0, title + ":\t");
  if (tolerations.empty()) {
    w.write(0, "<none>\n");
    return;
  }
  std::vector<Value> sorted = tolerations;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Value& a, const Value& b) { return a.get_string("key") < b.get_string("key"); });
  bool first = true;
  for (const Value& t : sorted) {
    if (!first) w.write(0, "\t");
    first = false;
    std::string line = t.get_string("key");
    if (!t.get_string("value").empty()) line += "=" + t.get_string("value");
    if (!t.get_string("effect").empty()) line += ":" + t.get_string("effect");
    if (t.get_string("operator") == "Exists" && t.get_string("value").empty()) {
      line += !t.get_string("key").empty() || !t.get_string("effect").empty() ? " op=Exists" : "op=Exists";
    }
    if (const Value* s = t.find("tolerationSeconds"); s != nullptr && s->is_number()) {
      line += " for " + num(s->integer_value()) + "s";
    }
    w.write(0, line + "\n");
  }
}

void taints_multiline(DescribeWriter& w, const std::string& title, const std::vector<Value>& taints) {
  w.write(0, title + ":\t");
  if (taints.empty()) {
    w.write(0, "<none>\n");
    return;
  }
  std::vector<Value> sorted = taints;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) {
    return a.get_string("effect") + "," + a.get_string("key") < b.get_string("effect") + "," + b.get_string("key");
  });
  bool first = true;
  for (const Value& t : sorted) {
    if (!first) w.write(0, "\t");
    first = false;
    // Taint.ToString: key[=value]:effect
    std::string s = t.get_string("key");
    if (!t.get_string("value").empty()) s += "=" + t.get_string("value");
    w.write(0, s + ":" + t.get_string("effect") + "\n");
  }
}

void describe_resources(DescribeWriter& w, const Value* resources, int level) {
  if (resources == nullptr) return;
  for (const char* which : {"limits", "requests"}) {
    const Value* list = resources->find(which);
    if (list == nullptr || !list->is_map() || list->size() == 0) continue;
    w.write(level, std::string(which[0] == 'l' ? "Limits" : "Requests") + ":\n");
    for (const auto& [name, q] : list->map().entries) {
      const auto parsed = quantity_of(q);
      w.write(level + 1, name + ":\t" + (parsed ? format_quantity(*parsed) : text_of(q)) + "\n");
    }
  }
}

void describe_containers(DescribeWriter& w, const std::string& label, const std::vector<Value>& containers,
                         const std::vector<Value>& statuses, const EnvResolver& resolver, const std::string& space) {
  w.write(0, space + label + ":" + (containers.empty() ? " <none>" : "") + "\n");
  for (const Value& c : containers) {
    const std::string name = c.get_string("name");
    const Value* status = nullptr;
    for (const Value& s : statuses) {
      if (s.get_string("name") == name) status = &s;
    }
    w.write(1, (space.empty() ? "" : " ") + name + ":\n");
    if (status) w.write(2, "Container ID:\t" + status->get_string("containerID") + "\n");
    w.write(2, "Image:\t" + c.get_string("image") + "\n");
    if (status) w.write(2, "Image ID:\t" + status->get_string("imageID") + "\n");
    std::vector<std::string> ports, host_ports;
    for (const Value& p : list_at(c, {"ports"})) {
      ports.push_back(num(int_at(p, {"containerPort"})) + "/" + p.get_string("protocol"));
      host_ports.push_back(num(int_at(p, {"hostPort"})) + "/" + p.get_string("protocol"));
    }
    const std::string port_text = join(ports, ", "), host_text = join(host_ports, ", ");
    w.write(2, std::string(ports.size() > 1 ? "Ports:\t" : "Port:\t") + (port_text.empty() ? "<none>" : port_text) + "\n");
    w.write(2, std::string(ports.size() > 1 ? "Host Ports:\t" : "Host Port:\t") + (host_text.empty() ? "<none>" : host_text) + "\n");
    for (const char* which : {"command", "args"}) {
      const auto& items = list_at(c, {which});
      if (items.empty()) continue;
      w.write(2, std::string(which[0] == 'c' ? "Command" : "Args") + ":\n");
      for (const Value& item : items) {
        const std::string s = text_of(item);
        std::size_t start = 0;
        for (;;) {
          const std::size_t nl = s.find('\n', start);
          w.write(3, s.substr(start, nl - start) + "\n");
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
      }
    }
    if (status) {
      describe_state(w, "State", status->find("state"));
      if (at(*status, {"lastState", "terminated"}) != nullptr) describe_state(w, "Last State", status->find("lastState"));
      w.write(2, "Ready:\t" + go_bool(bool_at(*status, {"ready"})) + "\n");
      w.write(2, "Restart Count:\t" + num(int_at(*status, {"restartCount"})) + "\n");
    }
    describe_resources(w, c.find("resources"), 2);
    for (const auto& [field, title] : {std::pair{"livenessProbe", "Liveness"}, {"readinessProbe", "Readiness"},
                                       {"startupProbe", "Startup"}}) {
      if (const Value* p = c.find(field); p != nullptr && p->is_map()) w.write(2, std::string(title) + ":\t" + probe_text(*p) + "\n");
    }
    const auto& env_from = list_at(c, {"envFrom"});
    if (!env_from.empty()) {
      w.write(2, "Environment Variables from:\n");
      for (const Value& e : env_from) {
        const Value* cm = e.find("configMapRef");
        const Value* ref = cm ? cm : e.find("secretRef");
        const std::string from = cm ? "ConfigMap" : "Secret";
        const std::string optional = ref && bool_at(*ref, {"optional"}) ? "true" : "false";
        const std::string ref_name = ref ? ref->get_string("name") : "";
        if (e.get_string("prefix").empty()) {
          w.write(3, ref_name + "\t" + from + "\tOptional: " + optional + "\n");
        } else {
          w.write(3, ref_name + "\t" + from + " with prefix '" + e.get_string("prefix") + "'\tOptional: " + optional + "\n");
        }
      }
    }
    const auto& env = list_at(c, {"env"});
    w.write(2, std::string("Environment:") + (env.empty() ? "\t<none>" : "") + "\n");
    for (const Value& e : env) {
      const std::string ename = e.get_string("name");
      const Value* from = e.find("valueFrom");
      if (from == nullptr) {
        const std::string value = e.get_string("value");
        std::size_t start = 0;
        bool first_line = true;
        for (;;) {
          const std::size_t nl = value.find('\n', start);
          w.write(3, (first_line ? ename + ":\t" : "\t") + value.substr(start, nl - start) + "\n");
          first_line = false;
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
      } else if (const Value* f = from->find("fieldRef")) {
        w.write(3, ename + ":\t" + (resolver ? resolver(e) : "") + " (" + f->get_string("apiVersion") + ":" +
                       f->get_string("fieldPath") + ")\n");
      } else if (const Value* r = from->find("resourceFieldRef")) {
        w.write(3, ename + ":\t (" + r->get_string("resource") + ")\n");
      } else if (const Value* s = from->find("secretKeyRef")) {
        w.write(3, ename + ":\t<set to the key '" + s->get_string("key") + "' in secret '" + s->get_string("name") +
                       "'>\tOptional: " + (bool_at(*s, {"optional"}) ? "true" : "false") + "\n");
      } else if (const Value* m = from->find("configMapKeyRef")) {
        w.write(3, ename + ":\t<set to the key '" + m->get_string("key") + "' of config map '" + m->get_string("name") +
                       "'>\tOptional: " + (bool_at(*m, {"optional"}) ? "true" : "false") + "\n");
      }
    }
    std::vector<Value> mounts = list_at(c, {"volumeMounts"});
    std::stable_sort(mounts.begin(), mounts.end(), [](const Value& a, const Value& b) {
      return a.get_string("mountPath") < b.get_string("mountPath");
    });
    w.write(2, std::string("Mounts:") + (mounts.empty() ? "\t<none>" : "") + "\n");
    for (const Value& m : mounts) {
      std::string flags = bool_at(m, {"readOnly"}) ? "ro" : "rw";
      if (!m.get_string("subPath").empty()) flags += ",path=" + strconv::quote(m.get_string("subPath"));
      w.write(3, m.get_string("mountPath") + " from " + m.get_string("name") + " (" + flags + ")\n");
    }
  }
}

void describe_volumes(DescribeWriter& w, const std::vector<Value>& volumes, const std::string& space) {
  if (volumes.empty()) {
    w.write(0, space + "Volumes:\t<none>\n");
    return;
  }
  w.write(0, space + "Volumes:\n");
  for (const Value& v : volumes) {
    w.write(1, (space.empty() ? "" : " ") + v.get_string("name") + ":\n");
    if (const Value* s = v.find("configMap")) {
      w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t" + s->get_string("name") +
                     "\n    Optional:\t" + (bool_at(*s, {"optional"}) ? "true" : "false") + "\n");
    } else if (const Value* s = v.find("secret")) {
      w.write(2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t" + s->get_string("secretName") +
                     "\n    Optional:\t" + (bool_at(*s, {"optional"}) ? "true" : "false") + "\n");
    } else if (const Value* s = v.find("emptyDir")) {
      const Value* limit = s->find("sizeLimit");
      w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t" +
                     s->get_string("medium") + "\n    SizeLimit:\t" + (limit ? text_of(*limit) : "<unset>") + "\n");
    } else if (const Value* s = v.find("hostPath")) {
      const std::string type = s->get_string("type");
      w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t" + s->get_string("path") +
                     "\n    HostPathType:\t" + type + "\n");
    } else if (const Value* s = v.find("persistentVolumeClaim")) {
      w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
                 "    ClaimName:\t" + s->get_string("claimName") + "\n    ReadOnly:\t" +
                     (bool_at(*s, {"readOnly"}) ? "true" : "false") + "\n");
    } else if (const Value* s = v.find("projected")) {
      w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
      for (const Value& src : list_at(*s, {"sources"})) {
        if (const Value* sa = src.find("serviceAccountToken")) {
          w.write(2, "TokenExpirationSeconds:\t" + num(int_at(*sa, {"expirationSeconds"}, 3607)) + "\n");
        } else if (const Value* cm = src.find("configMap")) {
          w.write(2, "ConfigMapName:\t" + cm->get_string("name") + "\n    ConfigMapOptional:\t<nil>\n");
        } else if (const Value* sec = src.find("secret")) {
          w.write(2, "SecretName:\t" + sec->get_string("name") + "\n    SecretOptionalName:\t<nil>\n");
        } else if (src.find("downwardAPI") != nullptr) {
          w.write(2, "DownwardAPI:\ttrue\n");
        }
      }
    } else {
      w.write(1, "<unknown>\n");
    }
  }
}

void describe_pod_template(DescribeWriter& w, const Value& t) {
  w.write(0, "Pod Template:\n");
  labels_multiline(w, "  Labels", labels_of(t));
  if (annotations_of(t).size() > 0) annotations_multiline(w, "  Annotations", annotations_of(t));
  const Value* spec = t.find("spec");
  const Value empty = Value::empty_map();
  const Value& s = spec ? *spec : empty;
  if (!s.get_string("serviceAccountName").empty()) w.write(1, "Service Account:\t" + s.get_string("serviceAccountName") + "\n");
  const auto& init = list_at(s, {"initContainers"});
  if (!init.empty()) describe_containers(w, "Init Containers", init, {}, nullptr, "  ");
  describe_containers(w, "Containers", list_at(s, {"containers"}), {}, nullptr, "  ");
  describe_volumes(w, list_at(s, {"volumes"}), "  ");
  if (!s.get_string("priorityClassName").empty()) w.write(1, "Priority Class Name:\t" + s.get_string("priorityClassName") + "\n");
  labels_multiline(w, "  Node-Selectors", s.find("nodeSelector") ? *s.find("nodeSelector") : Value());
  tolerations_multiline(w, "  Tolerations", list_at(s, {"tolerations"}));
}

std::string describe_events(const std::vector<Value>& events, Seconds now) {
  if (events.empty()) return kNoEvents;
  std::vector<Value> sorted = events;
  // SortableEvents: by lastTimestamp.
  std::stable_sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) {
    return time_at(a, {"lastTimestamp"}).value_or(0) < time_at(b, {"lastTimestamp"}).value_or(0);
  });
  std::string text = "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n";
  for (const Value& e : sorted) {
    const Value* first = e.find("firstTimestamp");
    const std::string first_seen = since(first ? *first : Value(), now);
    std::string interval = first_seen;
    if (int_at(e, {"count"}, 1) > 1) {
      const Value* last = e.find("lastTimestamp");
      interval = since(last ? *last : Value(), now) + " (x" + num(int_at(e, {"count"})) + " over " + first_seen + ")";
    }
    std::string source = string_at(e, {"source", "component"});
    if (source.empty()) source = e.get_string("reportingComponent");
    std::string message = e.get_string("message");
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
    text += "  " + e.get_string("type") + "\t" + e.get_string("reason") + "\t" + interval + "\t" + source + "\t" + message + "\n";
  }
  TabWriter w(0, 8, 2, ' ');
  w.write(text);
  return w.str();
}

}  // namespace capstan::orchestrator::kubectl
