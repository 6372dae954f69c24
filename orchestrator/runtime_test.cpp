// The simulated container runtime: declared exits, Kubernetes' crash back-off on the virtual
// clock, batch pods running to completion, logs, and the settle loop's wake times.
#include "orchestrator/runtime.h"

#include <catch2/catch.hpp>

#include "orchestrator/cluster_testing.h"

namespace capstan::orchestrator {

using testing::TestCluster;

namespace {

Value pod_with(const std::string& name, Value annotations, const std::string& policy = "Always") {
  return Value::map_of(
      {{"apiVersion", "v1"},
       {"kind", "Pod"},
       {"metadata", Value::map_of({{"name", Value(name)}, {"annotations", annotations}})},
       {"spec", Value::map_of({{"restartPolicy", Value(policy)},
                               {"containers", Value::list_of({Value::map_of(
                                                  {{"name", "main"}, {"image", "busybox:1.36"}})})}})}});
}

const Value& main_status(const Value& pod) { return list_at(pod, {"status", "containerStatuses"}).at(0); }

}  // namespace

TEST_CASE("crash back-off doubles from 10s to 5 minutes", "[runtime]") {
  std::vector<Seconds> got;
  for (int n = 1; n <= 7; ++n) got.push_back(restart_backoff(n));
  CHECK(got == std::vector<Seconds>{10, 20, 40, 80, 160, 300, 300});
  ContainerProgram crash;
  crash.exit_after = 0;
  crash.exit_code = 1;
  // Crashes at 0, 10, 30, 70, 150, 310, 610: restart n waits restart_backoff(n) after crash n-1.
  CHECK(container_run(crash, "Always", 0, 0).restarts == 0);
  CHECK(container_run(crash, "Always", 0, 9).restarts == 0);
  CHECK(container_run(crash, "Always", 0, 10).restarts == 1);
  CHECK(container_run(crash, "Always", 0, 29).next_change == 30);
  CHECK(container_run(crash, "Always", 0, 309).restarts == 4);
  CHECK(container_run(crash, "Always", 0, 310).restarts == 5);
  CHECK(container_run(crash, "Always", 0, 610).restarts == 6);
  CHECK(container_run(crash, "Always", 0, 909).restarts == 6);
  const ContainerRun waiting = container_run(crash, "Always", 0, 15);
  CHECK(waiting.state == ContainerRun::State::Waiting);
  CHECK(waiting.last_exit == 1);
  CHECK(waiting.last_reason == "Error");
  // Never: the first exit is final; OnFailure: a zero exit is final too.
  CHECK(container_run(crash, "Never", 0, 100).state == ContainerRun::State::Terminated);
  ContainerProgram job;
  job.exit_after = 5;
  CHECK(container_run(job, "OnFailure", 0, 4).state == ContainerRun::State::Running);
  const ContainerRun done = container_run(job, "OnFailure", 0, 5);
  CHECK(done.state == ContainerRun::State::Terminated);
  CHECK(done.reason == "Completed");
  CHECK(done.finished_at == 5);
}

TEST_CASE("a CrashLoopBackOff pod restarts as virtual time passes", "[runtime][scenario]") {
  TestCluster c;
  c->create(pod_with("crasher", Value::map_of({{kRuntimeAnnotation, "CrashLoopBackOff"}})));
  c->settle();
  Value p = *c->get("v1", "Pod", "default", "crasher");
  CHECK(string_at(p, {"status", "phase"}) == "Running");
  CHECK(string_at(main_status(p), {"state", "waiting", "reason"}) == "CrashLoopBackOff");
  CHECK(string_at(main_status(p), {"state", "waiting", "message"}).rfind("back-off 10s restarting failed container=main pod=crasher_default(", 0) == 0);
  CHECK(int_at(main_status(p), {"restartCount"}) == 0);
  CHECK(int_at(main_status(p), {"lastState", "terminated", "exitCode"}) == 1);
  // Nothing changes until the back-off has passed: settle runs no pass at all.
  c.clock->advance(9);
  CHECK(c->settle().steps == 0);
  c.clock->advance(1);
  c->settle();
  p = *c->get("v1", "Pod", "default", "crasher");
  CHECK(int_at(main_status(p), {"restartCount"}) == 1);
  CHECK(string_at(main_status(p), {"state", "waiting", "message"}).rfind("back-off 20s", 0) == 0);
  // sleep() moves the cluster's own clock and persists it.
  c->sleep(300);
  c->settle();
  p = *c->get("v1", "Pod", "default", "crasher");
  CHECK(int_at(main_status(p), {"restartCount"}) == 5);
  CHECK(c->now() == testing::kStart + 310);
}

TEST_CASE("batch pods run to completion; exit codes, exit-after and logs are declared", "[runtime][scenario]") {
  TestCluster c;
  c->create(pod_with("ok", Value::map_of({{"capstan.io/logs", "all good\n"}}), "Never"));
  c->create(pod_with("bad", Value::map_of({{"capstan.io/exit-code", "3"}}), "Never"));
  c->create(pod_with("slow", Value::map_of({{"capstan.io/exit-after", "30"}}), "OnFailure"));
  c->settle();
  CHECK(string_at(*c->get("v1", "Pod", "default", "ok"), {"status", "phase"}) == "Succeeded");
  const Value bad = *c->get("v1", "Pod", "default", "bad");
  CHECK(string_at(bad, {"status", "phase"}) == "Failed");
  CHECK(int_at(main_status(bad), {"state", "terminated", "exitCode"}) == 3);
  CHECK(string_at(main_status(bad), {"state", "terminated", "reason"}) == "Error");
  CHECK(c->logs("default", "ok", "main") == "all good\n");
  CHECK_THROWS_WITH(c->logs("default", "ok", "nope"), "container nope is not valid for pod ok");
  Value slow = *c->get("v1", "Pod", "default", "slow");
  CHECK(string_at(slow, {"status", "phase"}) == "Running");
  CHECK(pod_ready(slow));
  c->sleep(30);
  c->settle();
  slow = *c->get("v1", "Pod", "default", "slow");
  CHECK(string_at(slow, {"status", "phase"}) == "Succeeded");
  CHECK(condition(slow, "Ready")->get_string("reason") == "PodCompleted");
}

}  // namespace capstan::orchestrator
