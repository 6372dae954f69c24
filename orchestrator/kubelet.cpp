// The simulated kubelet's pod lifecycle (see kubelet.h): for each pod bound to a node, compute
// the status a real kubelet would report and write it when it differs. Identities handed out
// once (pod IP, container IDs, start times) are kept from the previous status.
#include <map>
#include <set>

#include "core/strconv.h"
#include "orchestrator/controllers.h"
#include "orchestrator/object.h"
#include "orchestrator/runtime.h"

namespace capstan::orchestrator {

namespace {

struct Container {
  enum class State { Running, Waiting, Terminated };
  State state = State::Waiting;
  bool ready = false;
  bool started = false;         // this run has started (it is running, crashed or exited)
  std::string reason, message;  // waiting, or terminated (Completed/Error)
  std::int64_t restarts = 0;
  ContainerRun run;             // the runtime's view, when the container started
};

// The image reference as containerd reports it: "nginx" -> "docker.io/library/nginx:latest".
std::string normalized_image(std::string image) {
  const std::size_t slash = image.find('/');
  const std::string first = slash == std::string::npos ? "" : image.substr(0, slash);
  if (slash == std::string::npos) {
    image = "docker.io/library/" + image;
  } else if (first.find('.') == std::string::npos && first.find(':') == std::string::npos && first != "localhost") {
    image = "docker.io/" + image;
  }
  const std::size_t last_slash = image.rfind('/');
  if (image.find('@') == std::string::npos && image.find(':', last_slash) == std::string::npos) image += ":latest";
  return image;
}

std::string digest_of(const std::string& text) {
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  std::uint64_t h = 1469598103934665603ULL;
  while (out.size() < 64) {
    for (unsigned char c : text + std::to_string(out.size())) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    for (int i = 0; i < 16; ++i) out += kHex[(h >> (4 * i)) & 15];
  }
  return out;
}

std::string image_id(const std::string& image) {
  std::string repo = normalized_image(image);
  const std::size_t at_sign = repo.find('@');
  if (at_sign != std::string::npos) return repo;
  const std::size_t colon = repo.rfind(':');
  if (colon != std::string::npos && colon > repo.rfind('/')) repo = repo.substr(0, colon);
  return repo + "@sha256:" + digest_of(image);
}

// Why a container cannot be configured (env/envFrom references), "" when it can.
std::string config_error(ApiServer& api, const Value& pod, const Value& container) {
  const std::string ns = namespace_of(pod);
  const ResourceType& cm_type = *api.registry().by_kind("v1", "ConfigMap");
  const ResourceType& secret_type = *api.registry().by_kind("v1", "Secret");
  const auto check = [&](const Value& ref, bool secret, const std::string* key) -> std::string {
    const std::string name = ref.get_string("name");
    if (bool_at(ref, {"optional"})) return "";
    const std::optional<Value> obj = api.get(secret ? secret_type : cm_type, ns, name);
    if (!obj) return std::string(secret ? "secret " : "configmap ") + strconv::quote(name) + " not found";
    if (key != nullptr) {
      const Value* data = obj->find("data");
      const Value* binary = obj->find(secret ? "stringData" : "binaryData");
      if ((data == nullptr || data->find(*key) == nullptr) && (binary == nullptr || binary->find(*key) == nullptr)) {
        return "couldn't find key " + *key + " in " + (secret ? "Secret " : "ConfigMap ") + ns + "/" + name;
      }
    }
    return "";
  };
  for (const Value& from : list_at(container, {"envFrom"})) {
    if (const Value* r = from.find("configMapRef")) {
      if (std::string e = check(*r, false, nullptr); !e.empty()) return e;
    }
    if (const Value* r = from.find("secretRef")) {
      if (std::string e = check(*r, true, nullptr); !e.empty()) return e;
    }
  }
  for (const Value& env : list_at(container, {"env"})) {
    if (const Value* r = at(env, {"valueFrom", "configMapKeyRef"})) {
      const std::string key = r->get_string("key");
      if (std::string e = check(*r, false, &key); !e.empty()) return e;
    }
    if (const Value* r = at(env, {"valueFrom", "secretKeyRef"})) {
      const std::string key = r->get_string("key");
      if (std::string e = check(*r, true, &key); !e.empty()) return e;
    }
  }
  return "";
}

// The first volume whose ConfigMap/Secret is missing: (volume, message).
std::optional<std::pair<std::string, std::string>> mount_error(ApiServer& api, const Value& pod) {
  const std::string ns = namespace_of(pod);
  for (const Value& v : list_at(pod, {"spec", "volumes"})) {
    if (const Value* cm = v.find("configMap"); cm != nullptr && !bool_at(*cm, {"optional"})) {
      if (!api.get(*api.registry().by_kind("v1", "ConfigMap"), ns, cm->get_string("name"))) {
        return std::pair(v.get_string("name"), "configmap " + strconv::quote(cm->get_string("name")) + " not found");
      }
    }
    if (const Value* s = v.find("secret"); s != nullptr && !bool_at(*s, {"optional"})) {
      if (!api.get(*api.registry().by_kind("v1", "Secret"), ns, s->get_string("secretName"))) {
        return std::pair(v.get_string("name"), "secret " + strconv::quote(s->get_string("secretName")) + " not found");
      }
    }
  }
  return std::nullopt;
}

const Value* previous_container(const Value& pod, const std::string& name) {
  for (const Value& c : list_at(pod, {"status", "containerStatuses"})) {
    if (c.get_string("name") == name) return &c;
  }
  return nullptr;
}

Value pod_condition(const Value& old_pod, const char* type, bool ok, const std::string& reason,
                    const std::string& message, const std::string& now) {
  std::string since = now;
  if (const Value* prev = condition(old_pod, type); prev != nullptr &&
      prev->get_string("status") == (ok ? "True" : "False")) {
    since = prev->get_string("lastTransitionTime", now);
  }
  Value c = Value::map_of({{"type", type}, {"status", ok ? "True" : "False"}, {"lastProbeTime", Value()},
                           {"lastTransitionTime", Value(since)}});
  if (!reason.empty()) c.set("reason", Value(reason));
  if (!message.empty()) c.set("message", Value(message));
  return c;
}

class PodSync {
 public:
  PodSync(ControllerContext& ctx, const KubeletConfig& config, const Value& node, std::set<std::string>& used_ips)
      : ctx_(ctx), config_(config), node_(node), used_ips_(used_ips), now_(format_rfc3339(ctx.api.clock().now())) {}

  void run(Value pod) {
    const EventSource source{"kubelet", name_of(node_)};
    Value status = pod.find("status") ? pod.find("status")->deep_copy() : Value::empty_map();
    std::string host_ip;
    for (const Value& a : list_at(node_, {"status", "addresses"})) {
      if (a.get_string("type") == "InternalIP") host_ip = a.get_string("address");
    }
    status.set("hostIP", Value(host_ip));
    status.set("hostIPs", Value::list_of({Value::map_of({{"ip", Value(host_ip)}})}));
    if (string_at(status, {"startTime"}).empty()) status.set("startTime", Value(now_));
    const Seconds start = time_at(status, {"startTime"}).value_or(ctx_.api.clock().now());
    const Seconds now = ctx_.api.clock().now();
    const std::string policy = string_at(pod, {"spec", "restartPolicy"}, "Always");

    const auto mount = mount_error(ctx_.api, pod);
    std::vector<std::pair<std::string, Container>> containers;
    const auto& specs = list_at(pod, {"spec", "containers"});
    for (const Value& spec : specs) {
      Container c;
      const std::string name = spec.get_string("name");
      const ContainerProgram program = container_program(pod, spec, config_);
      if (mount) {
        c.reason = "ContainerCreating";
      } else if (std::string err = config_error(ctx_.api, pod, spec); !err.empty()) {
        c.reason = "CreateContainerConfigError";
        c.message = err;
      } else if (program.behavior == RuntimeBehavior::ImagePullBackOff) {
        c.reason = "ImagePullBackOff";
        c.message = "Back-off pulling image " + strconv::quote(spec.get_string("image"));
      } else {
        c.run = container_run(program, policy, start, now);
        c.started = true;
        c.restarts = c.run.restarts;
        c.ready = c.run.ready && c.run.state == ContainerRun::State::Running;
        if (c.run.next_change != 0) ctx_.api.wake_at(c.run.next_change);
        switch (c.run.state) {
          case ContainerRun::State::Running:
            c.state = Container::State::Running;
            break;
          case ContainerRun::State::Terminated:
            c.state = Container::State::Terminated;
            c.reason = c.run.reason;
            break;
          case ContainerRun::State::Waiting:
            c.state = Container::State::Waiting;
            c.reason = "CrashLoopBackOff";
            c.message = "back-off " + std::to_string(restart_backoff(c.run.restarts + 1)) +
                        "s restarting failed container=" + name + " pod=" + name_of(pod) + "_" +
                        namespace_of(pod) + "(" + uid_of(pod) + ")";
            break;
        }
      }
      containers.emplace_back(name, c);
    }
    // The sandbox (and so the pod IP) exists once volumes are mounted.
    if (!mount && string_at(status, {"podIP"}).empty()) {
      const std::string ip = allocate_ip();
      status.set("podIP", Value(ip));
      status.set("podIPs", Value::list_of({Value::map_of({{"ip", Value(ip)}})}));
    }
    Value statuses = Value::empty_list();
    std::vector<std::string> unready;
    bool any_initial_wait = false;  // a container that has not started yet
    bool all_terminated = !specs.empty();
    bool all_succeeded = true;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const auto& [name, c] = containers[i];
      const Value* prev = previous_container(pod, name);
      Value cs = Value::map_of({{"name", Value(name)},
                                {"image", Value(normalized_image(specs[i].get_string("image")))},
                                {"ready", c.ready},
                                {"restartCount", Value::integer(c.restarts)},
                                {"started", c.state == Container::State::Running},
                                {"lastState", Value::empty_map()}});
      if (!c.ready) unready.push_back(name);
      if (!c.started) any_initial_wait = true;
      if (c.state != Container::State::Terminated) all_terminated = false;
      if (c.state == Container::State::Terminated && c.run.exit_code != 0) all_succeeded = false;
      if (c.started) {
        // One container ID per run: the first one random, restarts derived from it.
        std::string id = prev != nullptr ? prev->get_string("containerID") : "";
        const bool new_run = id.empty() || prev == nullptr || int_at(*prev, {"restartCount"}) != c.restarts;
        if (id.empty()) {
          id = "containerd://" + random_hex(64);
        } else if (new_run) {
          id = "containerd://" + digest_of(id + "#" + std::to_string(c.restarts));
        }
        cs.set("containerID", Value(id));
        cs.set("imageID", Value(image_id(specs[i].get_string("image"))));
        if (c.run.last_finished > 0) {
          cs.set("lastState",
                 Value::map_of({{"terminated",
                                 Value::map_of({{"exitCode", Value::integer(c.run.last_exit)},
                                                {"reason", Value(c.run.last_reason)},
                                                {"startedAt", Value(format_rfc3339(c.run.last_started))},
                                                {"finishedAt", Value(format_rfc3339(c.run.last_finished))}})}}));
        }
        if (c.state == Container::State::Running) {
          cs.set("state", Value::map_of({{"running", Value::map_of({{"startedAt", Value(format_rfc3339(c.run.started_at))}})}}));
        } else if (c.state == Container::State::Terminated) {
          cs.set("state", Value::map_of({{"terminated",
                                          Value::map_of({{"containerID", Value(id)},
                                                         {"exitCode", Value::integer(c.run.exit_code)},
                                                         {"reason", Value(c.reason)},
                                                         {"startedAt", Value(format_rfc3339(c.run.started_at))},
                                                         {"finishedAt", Value(format_rfc3339(c.run.finished_at))}})}}));
        } else {
          cs.set("state", Value::map_of({{"waiting", Value::map_of({{"reason", Value(c.reason)}, {"message", Value(c.message)}})}}));
        }
        if (new_run) started_events(pod, specs[i], source);
        const std::string prev_reason = prev ? string_at(*prev, {"state", "waiting", "reason"}) : "";
        if (c.state == Container::State::Waiting && (new_run || prev_reason != c.reason)) {
          waiting_events(pod, specs[i], c, source);
        }
        if (c.state == Container::State::Running && !c.ready && new_run &&
            specs[i].find("readinessProbe") != nullptr) {
          ctx_.events.record(pod, "Warning", "Unhealthy", readiness_failure(pod, specs[i]), source,
                             "spec.containers{" + name + "}");
        }
      } else {
        cs.set("imageID", "");
        Value waiting = Value::map_of({{"reason", Value(c.reason)}});
        if (!c.message.empty()) waiting.set("message", Value(c.message));
        cs.set("state", Value::map_of({{"waiting", waiting}}));
        const std::string prev_reason = prev ? string_at(*prev, {"state", "waiting", "reason"}) : "";
        const std::string prev_message = prev ? string_at(*prev, {"state", "waiting", "message"}) : "";
        if (prev_reason != c.reason || prev_message != c.message) waiting_events(pod, specs[i], c, source);
      }
      statuses.push_back(cs);
    }
    const Value* first = specs.empty() ? nullptr : previous_container(pod, specs[0].get_string("name"));
    const bool was_mounting = first != nullptr && string_at(*first, {"state", "waiting", "reason"}) == "ContainerCreating";
    if (mount && !was_mounting) {
      const std::string msg = "MountVolume.SetUp failed for volume " + strconv::quote(mount->first) + " : " + mount->second;
      ctx_.events.record(pod, "Warning", "FailedMount", msg, source);
    }
    std::string phase = "Running";
    if (any_initial_wait) {
      phase = "Pending";
    } else if (all_terminated) {
      phase = all_succeeded ? "Succeeded" : "Failed";
    }
    const bool finished = phase == "Succeeded" || phase == "Failed";
    std::string names;
    for (const std::string& n : unready) names += (names.empty() ? "" : " ") + n;
    const std::string not_ready_msg = "containers with unready status: [" + names + "]";
    const bool ready = unready.empty();
    const std::string why = finished ? "PodCompleted" : (ready ? "" : "ContainersNotReady");
    const std::string why_msg = finished || ready ? "" : not_ready_msg;
    Value conditions = Value::list_of(
        {pod_condition(pod, "PodReadyToStartContainers", !mount && !finished, "", "", now_),
         pod_condition(pod, "Initialized", true, finished ? "PodCompleted" : "", "", now_),
         pod_condition(pod, "Ready", ready && !finished, why, why_msg, now_),
         pod_condition(pod, "ContainersReady", ready && !finished, why, why_msg, now_)});
    if (const Value* scheduled = condition(pod, "PodScheduled")) conditions.push_back(*scheduled);
    status.set("conditions", conditions);
    status.set("containerStatuses", statuses);
    status.set("phase", Value(phase));
    pod.set("status", status);
    ctx_.api.update_status(std::move(pod));
  }

  // Addresses already handed out on this node, lowest free from .2 (.1 is the bridge).
  std::string allocate_ip() {
    const std::string cidr = string_at(node_, {"spec", "podCIDR"});
    const std::string prefix = cidr.substr(0, cidr.rfind('.') + 1);
    for (int host = 2; host < 255; ++host) {
      const std::string ip = prefix + std::to_string(host);
      if (used_ips_.insert(ip).second) return ip;
    }
    return "";
  }

 private:
  std::string random_hex(std::size_t n) {
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    while (out.size() < n) {
      const std::uint64_t v = ctx_.api.random().next();
      for (int i = 0; i < 16 && out.size() < n; ++i) out += kHex[(v >> (4 * i)) & 15];
    }
    return out;
  }

  void started_events(const Value& pod, const Value& spec, const EventSource& source) {
    const std::string name = spec.get_string("name");
    const std::string image = spec.get_string("image");
    const std::string path = "spec.containers{" + name + "}";
    if (spec.get_string("imagePullPolicy") == "Always") {
      ctx_.events.record(pod, "Normal", "Pulling", "Pulling image " + strconv::quote(image), source, path);
      ctx_.events.record(pod, "Normal", "Pulled",
                         "Successfully pulled image " + strconv::quote(image) + " in 0s (0s including waiting)",
                         source, path);
    } else {
      ctx_.events.record(pod, "Normal", "Pulled",
                         "Container image " + strconv::quote(image) + " already present on machine", source, path);
    }
    ctx_.events.record(pod, "Normal", "Created", "Created container " + name, source, path);
    ctx_.events.record(pod, "Normal", "Started", "Started container " + name, source, path);
  }

  // The message a failing readiness probe of this kind reports (prober.go results).
  static std::string readiness_failure(const Value& pod, const Value& spec) {
    const Value* probe = spec.find("readinessProbe");
    if (probe->find("httpGet") != nullptr) {
      return "Readiness probe failed: HTTP probe failed with statuscode: 503";
    }
    if (const Value* tcp = probe->find("tcpSocket")) {
      const Value* port = tcp->find("port");
      return "Readiness probe failed: dial tcp " + string_at(pod, {"status", "podIP"}) + ":" +
             (port != nullptr ? (port->is_string() ? port->as_string() : std::to_string(port->integer_value())) : "") +
             ": connect: connection refused";
    }
    return "Readiness probe failed: ";
  }

  void waiting_events(const Value& pod, const Value& spec, const Container& c, const EventSource& source) {
    const std::string path = "spec.containers{" + spec.get_string("name") + "}";
    const std::string image = spec.get_string("image");
    if (c.reason == "CreateContainerConfigError") {
      ctx_.events.record(pod, "Warning", "Failed", "Error: " + c.message, source, path);
    } else if (c.reason == "ImagePullBackOff") {
      ctx_.events.record(pod, "Normal", "Pulling", "Pulling image " + strconv::quote(image), source, path);
      ctx_.events.record(pod, "Warning", "Failed",
                         "Failed to pull image " + strconv::quote(image) + ": rpc error: code = NotFound desc = failed to pull and unpack image " +
                             strconv::quote(normalized_image(image)) + ": not found",
                         source, path);
      ctx_.events.record(pod, "Warning", "Failed", "Error: ErrImagePull", source, path);
      ctx_.events.record(pod, "Normal", "BackOff", c.message, source, path);
      ctx_.events.record(pod, "Warning", "Failed", "Error: ImagePullBackOff", source, path);
    } else if (c.reason == "CrashLoopBackOff") {
      ctx_.events.record(pod, "Warning", "BackOff", "Back-off restarting failed container " + spec.get_string("name") +
                                                         " in pod " + name_of(pod) + "_" + namespace_of(pod) + "(" +
                                                         uid_of(pod) + ")",
                         source, path);
    }
  }

  ControllerContext& ctx_;
  const KubeletConfig& config_;
  const Value& node_;
  std::set<std::string>& used_ips_;
  std::string now_;
};

}  // namespace

void run_kubelet(ControllerContext& ctx, const KubeletConfig& config) {
  guarded([&] { sync_node_statuses(ctx.api, config); });
  const ResourceType& node_type = *ctx.api.registry().by_kind("v1", "Node");
  const ResourceType& pod_type = *ctx.api.registry().by_kind("v1", "Pod");
  const std::vector<Value> nodes = ctx.api.list(node_type, std::nullopt);
  // Per node: the pod IPs in use and the pods whose status may change: those still starting,
  // and those whose containers exit (batch pods, declared exits, crash loops). Containers
  // that run for ever need nothing once started.
  std::map<std::string, std::set<std::string>> used_ips;
  std::map<std::string, std::vector<Value>> starting;
  ctx.api.scan(pod_type, std::nullopt, [&](const Value& p) {
    const std::string node = string_at(p, {"spec", "nodeName"});
    if (node.empty()) return;
    if (!string_at(p, {"status", "podIP"}).empty()) used_ips[node].insert(string_at(p, {"status", "podIP"}));
    const std::string phase = string_at(p, {"status", "phase"});
    if (has_deletion_timestamp(p) || phase == "Succeeded" || phase == "Failed") return;
    const auto& statuses = list_at(p, {"status", "containerStatuses"});
    bool all_started = phase == "Running" && statuses.size() == list_at(p, {"spec", "containers"}).size();
    for (const Value& cs : statuses) all_started = all_started && at(cs, {"state", "running"}) != nullptr;
    bool exits = false;
    for (const Value& c : list_at(p, {"spec", "containers"})) exits = exits || container_program(p, c, config).exit_after.has_value();
    if (!all_started || exits) starting[node].push_back(p.deep_copy());
  });
  for (const Value& node : nodes) {
    // Only the kubelet writes pod status during its pass, so the listed copies are current.
    for (Value& p : starting[name_of(node)]) {
      guarded([&] { PodSync(ctx, config, node, used_ips[name_of(node)]).run(std::move(p)); });
    }
  }
}

void run_event_ttl(ControllerContext& ctx) { ctx.events.expire(); }

}  // namespace capstan::orchestrator
