// The simulated container runtime: what a container "does" is declared by its pod (see
// orchestrator/README.md, "Simulated containers"), and its state at any moment follows from
// that declaration, the pod's restartPolicy and the time the pod started — so the kubelet can
// recompute it on every pass and the virtual clock drives restarts, completions and back-off.
//
// Declarations (pod annotations; a ".<container>" suffix targets one container):
//   capstan.io/runtime: Run | ImagePullBackOff | CrashLoopBackOff | NeverReady
//   capstan.io/exit-after: seconds the container runs before it exits
//   capstan.io/exit-code: its exit code (default 0)
//   capstan.io/logs: what it prints (pods/log)
// A pod with restartPolicy Never or OnFailure (Jobs, hook and test pods) runs to completion:
// its containers exit after capstan.io/exit-after seconds (default 0). CrashLoopBackOff is a
// container that exits with code 1 as soon as it starts. Exited containers are restarted as
// the kubelet does: restartPolicy Always always, OnFailure after a non-zero exit, with
// Kubernetes' back-off (10s, doubling, capped at 5 minutes) between runs.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/value.h"
#include "orchestrator/clock.h"
#include "orchestrator/kubelet.h"

namespace capstan::orchestrator {

struct ContainerProgram {
  RuntimeBehavior behavior = RuntimeBehavior::Run;
  std::optional<Seconds> exit_after;  // nullopt: runs until the pod is deleted
  std::int64_t exit_code = 0;
  std::string logs;
};

// The program a pod declares for one of its containers.
ContainerProgram container_program(const Value& pod, const Value& container,
                                   const KubeletConfig& config);

// kubelet's crash back-off before restart number `restart` (1-based): 10s * 2^(n-1), at
// most 300s (pkg/kubelet backOffPeriod, MaxContainerBackOff).
Seconds restart_backoff(std::int64_t restart);

struct ContainerRun {
  enum class State { Waiting, Running, Terminated } state = State::Waiting;
  std::string reason;   // waiting: CrashLoopBackOff/ImagePullBackOff; terminated: Completed/Error
  std::string message;  // waiting message ("back-off 20s restarting failed container=...")
  std::int64_t restarts = 0;
  Seconds started_at = 0;   // the current (or last) run's start
  Seconds finished_at = 0;  // terminated: when it exited
  std::int64_t exit_code = 0;
  // The previous run, for lastState.terminated (when last_finished > 0).
  Seconds last_started = 0, last_finished = 0;
  std::int64_t last_exit = 0;
  std::string last_reason;
  bool ready = false;
  Seconds next_change = 0;  // when this state ends on its own (0: never)
};

// The container's state at `now` for a pod whose containers first started at `start`.
// `restart_policy` is the pod's (Always, OnFailure, Never). Behaviors that keep a container
// from starting (ImagePullBackOff) are not handled here.
ContainerRun container_run(const ContainerProgram& program, const std::string& restart_policy,
                           Seconds start, Seconds now);

}  // namespace capstan::orchestrator
