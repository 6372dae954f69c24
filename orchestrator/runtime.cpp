// The simulated container runtime (see runtime.h).
#include "orchestrator/runtime.h"

#include <algorithm>
#include <cstdlib>

#include "orchestrator/object.h"

namespace capstan::orchestrator {

namespace {

// capstan.io/<key>.<container>, else capstan.io/<key>.
std::string declared(const Value& pod, const std::string& key, const std::string& container) {
  const Value& annotations = annotations_of(pod);
  if (const Value* v = annotations.find(key + "." + container); v != nullptr && v->is_string()) {
    return v->as_string();
  }
  const Value* v = annotations.find(key);
  return v != nullptr && v->is_string() ? v->as_string() : "";
}

std::optional<std::int64_t> integer(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0') return std::nullopt;
  return v;
}

}  // namespace

ContainerProgram container_program(const Value& pod, const Value& container,
                                   const KubeletConfig& config) {
  ContainerProgram p;
  const std::string name = container.get_string("name");
  const std::string behavior = declared(pod, kRuntimeAnnotation, name);
  if (behavior == "ImagePullBackOff") {
    p.behavior = RuntimeBehavior::ImagePullBackOff;
  } else if (behavior == "CrashLoopBackOff") {
    p.behavior = RuntimeBehavior::CrashLoopBackOff;
  } else if (behavior == "NeverReady") {
    p.behavior = RuntimeBehavior::NeverReady;
  } else if (behavior.empty()) {
    const auto it = config.by_image.find(container.get_string("image"));
    if (it != config.by_image.end()) p.behavior = it->second;
  }
  const std::string policy = string_at(pod, {"spec", "restartPolicy"}, "Always");
  if (const std::optional<std::int64_t> s = integer(declared(pod, "capstan.io/exit-after", name))) {
    p.exit_after = std::max<std::int64_t>(0, *s);
  } else if (policy != "Always") {
    p.exit_after = 0;  // batch pods run to completion
  }
  if (const std::optional<std::int64_t> c = integer(declared(pod, "capstan.io/exit-code", name))) {
    p.exit_code = *c;
    if (!p.exit_after) p.exit_after = 0;
  }
  if (p.behavior == RuntimeBehavior::CrashLoopBackOff) {
    if (!p.exit_after) p.exit_after = 0;
    if (p.exit_code == 0) p.exit_code = 1;
  }
  p.logs = declared(pod, "capstan.io/logs", name);
  return p;
}

Seconds restart_backoff(std::int64_t restart) {
  Seconds b = 10;
  for (std::int64_t i = 1; i < restart && b < 300; ++i) b *= 2;
  return std::min<Seconds>(b, 300);
}

ContainerRun container_run(const ContainerProgram& program, const std::string& restart_policy,
                           Seconds start, Seconds now) {
  ContainerRun run;
  const bool ready_when_running = program.behavior != RuntimeBehavior::NeverReady;
  if (!program.exit_after) {
    run.state = ContainerRun::State::Running;
    run.started_at = start;
    run.ready = ready_when_running;
    return run;
  }
  const Seconds length = *program.exit_after;
  const bool restarts = restart_policy == "Always" ||
                        (restart_policy == "OnFailure" && program.exit_code != 0);
  const std::string reason = program.exit_code == 0 ? "Completed" : "Error";
  Seconds s = start;  // the start of run number `k`
  for (std::int64_t k = 0;; ++k) {
    const Seconds e = s + length;
    if (now < e) {
      run.state = ContainerRun::State::Running;
      run.restarts = k;
      run.started_at = s;
      run.ready = ready_when_running;
      run.next_change = e;
      return run;
    }
    if (!restarts) {
      run.state = ContainerRun::State::Terminated;
      run.reason = reason;
      run.restarts = k;
      run.started_at = s;
      run.finished_at = e;
      run.exit_code = program.exit_code;
      return run;
    }
    const Seconds next = e + restart_backoff(k + 1);
    run.last_started = s;
    run.last_finished = e;
    run.last_exit = program.exit_code;
    run.last_reason = reason;
    if (now < next) {
      run.state = ContainerRun::State::Waiting;
      run.reason = "CrashLoopBackOff";
      run.restarts = k;
      run.started_at = s;
      run.finished_at = e;
      run.exit_code = program.exit_code;
      run.next_change = next;
      return run;
    }
    s = next;
  }
}

}  // namespace capstan::orchestrator
