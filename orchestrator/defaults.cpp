// Defaulting of built-in types (see defaults.h). Each rule cites the Go function it mirrors.
#include "orchestrator/defaults.h"

#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

void set_if_missing(Value& m, std::string_view key, Value v) {
  const Value* cur = m.find(key);
  if (cur == nullptr || cur->is_null() || (cur->is_string() && cur->as_string().empty())) {
    m.set(key, std::move(v));
  }
}

Value& child_map(Value& m, std::string_view key) {
  Value& c = m[key];
  if (!c.is_map()) c = Value::empty_map();
  return c;
}

// SetDefaults_Container: the tag decides the pull policy ("latest" or no tag: Always).
std::string default_pull_policy(const std::string& image) {
  if (image.find('@') != std::string::npos) return "IfNotPresent";
  const std::size_t slash = image.rfind('/');
  const std::size_t colon = image.rfind(':');
  if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) return "Always";
  return image.substr(colon + 1) == "latest" ? "Always" : "IfNotPresent";
}

void default_probe(Value* probe) {
  if (probe == nullptr || !probe->is_map()) return;
  // SetDefaults_Probe
  for (const auto& [key, v] : {std::pair{"timeoutSeconds", 1}, {"periodSeconds", 10},
                               {"successThreshold", 1}, {"failureThreshold", 3}}) {
    const Value* cur = probe->find(key);
    if (cur == nullptr || !cur->is_number() || cur->integer_value() == 0) {
      probe->set(key, Value::integer(v));
    }
  }
  if (Value* http = probe->find("httpGet"); http != nullptr && http->is_map()) {
    set_if_missing(*http, "scheme", "HTTP");  // SetDefaults_HTTPGetAction
  }
}

void default_container(Value& c) {
  if (!c.is_map()) return;
  set_if_missing(c, "imagePullPolicy", default_pull_policy(c.get_string("image")));
  set_if_missing(c, "terminationMessagePath", "/dev/termination-log");
  set_if_missing(c, "terminationMessagePolicy", "File");
  if (c.find("resources") == nullptr || !c.find("resources")->is_map()) c.set("resources", Value::empty_map());
  if (Value* ports = c.find("ports"); ports != nullptr && ports->is_list()) {
    for (Value& p : ports->mutable_list().items) {
      if (p.is_map()) set_if_missing(p, "protocol", "TCP");  // SetDefaults_ContainerPort
    }
  }
  if (Value* env = c.find("env"); env != nullptr && env->is_list()) {
    for (Value& e : env->mutable_list().items) {
      Value* ref = e.is_map() ? e.find("valueFrom") : nullptr;
      Value* field = ref != nullptr && ref->is_map() ? ref->find("fieldRef") : nullptr;
      if (field != nullptr && field->is_map()) set_if_missing(*field, "apiVersion", "v1");
    }
  }
  default_probe(c.find("livenessProbe"));
  default_probe(c.find("readinessProbe"));
  default_probe(c.find("startupProbe"));
}

void default_volume(Value& v) {
  if (!v.is_map()) return;
  // setDefaults_Volume: a volume with no source is an emptyDir.
  bool has_source = false;
  for (const auto& [k, x] : v.map().entries) {
    if (k != "name" && !x.is_null()) has_source = true;
  }
  if (!has_source) v.set("emptyDir", Value::empty_map());
  for (const char* source : {"configMap", "secret", "projected", "downwardAPI"}) {
    if (Value* s = v.find(source); s != nullptr && s->is_map()) {
      set_if_missing(*s, "defaultMode", Value::integer(420));  // 0644
    }
  }
  if (Value* h = v.find("hostPath"); h != nullptr && h->is_map()) set_if_missing(*h, "type", "");
}

void default_template(Value& workload_spec) {
  Value* tmpl = workload_spec.find("template");
  if (tmpl == nullptr || !tmpl->is_map()) return;
  Value* spec = tmpl->find("spec");
  if (spec != nullptr && spec->is_map()) default_pod_spec(*spec);
}

bool is_missing(const Value& m, std::string_view key) {
  const Value* v = m.find(key);
  return v == nullptr || v->is_null();
}

void default_pod_object(Value& pod) {
  Value& spec = child_map(pod, "spec");
  default_pod_spec(spec);
  // SetDefaults_Pod: requests default to limits; service links on.
  for (const char* list : {"containers", "initContainers"}) {
    Value* cs = spec.find(list);
    if (cs == nullptr || !cs->is_list()) continue;
    for (Value& c : cs->mutable_list().items) {
      Value* res = c.is_map() ? c.find("resources") : nullptr;
      Value* limits = res != nullptr && res->is_map() ? res->find("limits") : nullptr;
      if (limits == nullptr || !limits->is_map()) continue;
      Value& requests = child_map(*res, "requests");
      for (const auto& [k, v] : limits->map().entries) {
        if (requests.find(k) == nullptr) requests.set(k, v);
      }
    }
  }
  if (is_missing(spec, "enableServiceLinks")) spec.set("enableServiceLinks", true);
  // ServiceAccount admission: pods run as "default" unless told otherwise.
  set_if_missing(spec, "serviceAccountName", spec.get_string("serviceAccount", "default"));
  spec.set("serviceAccount", spec.get_string("serviceAccountName"));
  // Priority admission (no PriorityClass named): priority 0.
  if (is_missing(spec, "priority")) spec.set("priority", Value::integer(0));
  set_if_missing(spec, "preemptionPolicy", "PreemptLowerPriority");
  // DefaultTolerationSeconds admission: tolerate not-ready/unreachable nodes for 300s.
  Value& tolerations = spec["tolerations"];
  if (!tolerations.is_list()) tolerations = Value::empty_list();
  for (const char* key : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
    bool present = false;
    for (const Value& t : tolerations.list().items) {
      if (t.get_string("key") == key && t.get_string("effect") == "NoExecute") present = true;
    }
    if (!present) {
      tolerations.push_back(Value::map_of({{"effect", "NoExecute"}, {"key", key},
                                           {"operator", "Exists"},
                                           {"tolerationSeconds", Value::integer(300)}}));
    }
  }
}

void default_service(Value& svc) {
  Value& spec = child_map(svc, "spec");
  // SetDefaults_Service
  set_if_missing(spec, "sessionAffinity", "None");
  if (spec.get_string("sessionAffinity") == "None") spec.erase("sessionAffinityConfig");
  set_if_missing(spec, "type", "ClusterIP");
  const std::string type = spec.get_string("type");
  if (Value* ports = spec.find("ports"); ports != nullptr && ports->is_list()) {
    for (Value& p : ports->mutable_list().items) {
      if (!p.is_map()) continue;
      set_if_missing(p, "protocol", "TCP");
      const Value* target = p.find("targetPort");
      const bool unset = target == nullptr || target->is_null() ||
                         (target->is_number() && target->integer_value() == 0) ||
                         (target->is_string() && target->as_string().empty());
      if (unset) p.set("targetPort", Value::integer(int_at(p, {"port"})));
    }
  }
  if ((type == "NodePort" || type == "LoadBalancer") && is_missing(spec, "externalTrafficPolicy")) {
    spec.set("externalTrafficPolicy", "Cluster");
  }
  if ((type == "NodePort" || type == "LoadBalancer" || type == "ClusterIP") &&
      is_missing(spec, "internalTrafficPolicy")) {
    spec.set("internalTrafficPolicy", "Cluster");
  }
  if (type == "LoadBalancer" && is_missing(spec, "allocateLoadBalancerNodePorts")) {
    spec.set("allocateLoadBalancerNodePorts", true);
  }
}

void default_deployment(Value& d) {
  Value& spec = child_map(d, "spec");
  // SetDefaults_Deployment (apps/v1)
  if (is_missing(spec, "replicas")) spec.set("replicas", Value::integer(1));
  Value& strategy = child_map(spec, "strategy");
  set_if_missing(strategy, "type", "RollingUpdate");
  if (strategy.get_string("type") == "RollingUpdate") {
    Value& ru = child_map(strategy, "rollingUpdate");
    if (is_missing(ru, "maxUnavailable")) ru.set("maxUnavailable", "25%");
    if (is_missing(ru, "maxSurge")) ru.set("maxSurge", "25%");
  }
  if (is_missing(spec, "revisionHistoryLimit")) spec.set("revisionHistoryLimit", Value::integer(10));
  if (is_missing(spec, "progressDeadlineSeconds")) {
    spec.set("progressDeadlineSeconds", Value::integer(600));
  }
  default_template(spec);
}

void default_statefulset(Value& s) {
  Value& spec = child_map(s, "spec");
  if (is_missing(spec, "replicas")) spec.set("replicas", Value::integer(1));
  set_if_missing(spec, "podManagementPolicy", "OrderedReady");
  Value& us = child_map(spec, "updateStrategy");
  set_if_missing(us, "type", "RollingUpdate");
  if (us.get_string("type") == "RollingUpdate") {
    Value& ru = child_map(us, "rollingUpdate");
    if (is_missing(ru, "partition")) ru.set("partition", Value::integer(0));
  }
  if (is_missing(spec, "revisionHistoryLimit")) spec.set("revisionHistoryLimit", Value::integer(10));
  Value& retention = child_map(spec, "persistentVolumeClaimRetentionPolicy");
  set_if_missing(retention, "whenDeleted", "Retain");
  set_if_missing(retention, "whenScaled", "Retain");
  default_template(spec);
}

void default_daemonset(Value& ds) {
  Value& spec = child_map(ds, "spec");
  Value& us = child_map(spec, "updateStrategy");
  set_if_missing(us, "type", "RollingUpdate");
  if (us.get_string("type") == "RollingUpdate") {
    Value& ru = child_map(us, "rollingUpdate");
    if (is_missing(ru, "maxUnavailable")) ru.set("maxUnavailable", Value::integer(1));
    if (is_missing(ru, "maxSurge")) ru.set("maxSurge", Value::integer(0));
  }
  if (is_missing(spec, "revisionHistoryLimit")) spec.set("revisionHistoryLimit", Value::integer(10));
  default_template(spec);
}

void default_job_spec(Value& spec) {
  // SetDefaults_Job
  if (is_missing(spec, "completions") && is_missing(spec, "parallelism")) {
    spec.set("completions", Value::integer(1));
    spec.set("parallelism", Value::integer(1));
  }
  if (is_missing(spec, "parallelism")) spec.set("parallelism", Value::integer(1));
  if (is_missing(spec, "backoffLimit")) spec.set("backoffLimit", Value::integer(6));
  set_if_missing(spec, "completionMode", "NonIndexed");
  if (is_missing(spec, "suspend")) spec.set("suspend", false);
  default_template(spec);
}

}  // namespace

void default_pod_spec(Value& spec) {
  // SetDefaults_PodSpec
  set_if_missing(spec, "dnsPolicy", "ClusterFirst");
  set_if_missing(spec, "restartPolicy", "Always");
  if (is_missing(spec, "securityContext")) spec.set("securityContext", Value::empty_map());
  if (is_missing(spec, "terminationGracePeriodSeconds")) {
    spec.set("terminationGracePeriodSeconds", Value::integer(30));
  }
  set_if_missing(spec, "schedulerName", "default-scheduler");
  for (const char* list : {"containers", "initContainers"}) {
    if (Value* cs = spec.find(list); cs != nullptr && cs->is_list()) {
      for (Value& c : cs->mutable_list().items) default_container(c);
    }
  }
  if (Value* vols = spec.find("volumes"); vols != nullptr && vols->is_list()) {
    for (Value& v : vols->mutable_list().items) default_volume(v);
  }
}

void apply_defaults(const ResourceType& type, Value& object) {
  if (!type.group.empty() && type.group != "apps" && type.group != "batch") return;
  const std::string& kind = type.kind;
  if (kind == "Pod") {
    default_pod_object(object);
  } else if (kind == "Service") {
    default_service(object);
  } else if (kind == "Deployment") {
    default_deployment(object);
  } else if (kind == "ReplicaSet" || kind == "ReplicationController") {
    Value& spec = child_map(object, "spec");
    if (is_missing(spec, "replicas")) spec.set("replicas", Value::integer(1));
    default_template(spec);
  } else if (kind == "StatefulSet") {
    default_statefulset(object);
  } else if (kind == "DaemonSet") {
    default_daemonset(object);
  } else if (kind == "Job") {
    default_job_spec(child_map(object, "spec"));
  } else if (kind == "CronJob") {
    Value& spec = child_map(object, "spec");
    set_if_missing(spec, "concurrencyPolicy", "Allow");
    if (is_missing(spec, "suspend")) spec.set("suspend", false);
    if (is_missing(spec, "successfulJobsHistoryLimit")) spec.set("successfulJobsHistoryLimit", Value::integer(3));
    if (is_missing(spec, "failedJobsHistoryLimit")) spec.set("failedJobsHistoryLimit", Value::integer(1));
    Value& jt = child_map(spec, "jobTemplate");
    default_template(child_map(jt, "spec"));
  } else if (kind == "Secret") {
    set_if_missing(object, "type", "Opaque");
  } else if (kind == "Namespace") {
    // NamespaceLifecycle: every namespace carries its own name as a label (since 1.21).
    Value& labels = child_map(metadata(object), "labels");
    labels.set("kubernetes.io/metadata.name", Value(name_of(object)));
    Value& spec = child_map(object, "spec");
    if (is_missing(spec, "finalizers")) spec.set("finalizers", Value::list_of({"kubernetes"}));
  } else if (kind == "PersistentVolumeClaim") {
    set_if_missing(child_map(object, "spec"), "volumeMode", "Filesystem");
  }
}

}  // namespace capstan::orchestrator
