// The Job controller on the virtual clock: generated selectors, completion, failures with the
// pod back-off up to backoffLimit, activeDeadlineSeconds and ttlSecondsAfterFinished.
#include <catch2/catch.hpp>

#include "orchestrator/cluster_testing.h"

namespace capstan::orchestrator {

using testing::TestCluster;

namespace {

Value job(const std::string& name, Value annotations, Value spec_extra = Value::empty_map()) {
  Value spec = Value::map_of(
      {{"template",
        Value::map_of({{"metadata", Value::map_of({{"annotations", annotations}})},
                       {"spec", Value::map_of({{"restartPolicy", "Never"},
                                               {"containers", Value::list_of({Value::map_of(
                                                                  {{"name", "run"}, {"image", "busybox"}})})}})}})}});
  for (const auto& [k, v] : spec_extra.map().entries) spec.set(k, v);
  return Value::map_of({{"apiVersion", "batch/v1"},
                        {"kind", "Job"},
                        {"metadata", Value::map_of({{"name", Value(name)}})},
                        {"spec", spec}});
}

std::string job_state(Cluster& c, const std::string& name) {
  const std::optional<Value> j = c.get("batch/v1", "Job", "default", name);
  if (!j) return "gone";
  std::string out = "active=" + std::to_string(int_at(*j, {"status", "active"})) +
                    " succeeded=" + std::to_string(int_at(*j, {"status", "succeeded"})) +
                    " failed=" + std::to_string(int_at(*j, {"status", "failed"}));
  for (const Value& cond : list_at(*j, {"status", "conditions"})) out += " " + cond.get_string("type") + "/" + cond.get_string("reason");
  return out;
}

}  // namespace

TEST_CASE("a job's pods carry its generated selector and it completes", "[job][scenario]") {
  TestCluster c;
  const Value created = c->create(job("migrate", Value::map_of({{"capstan.io/exit-after", "20"}})));
  const std::string uid = uid_of(created);
  CHECK(string_at(created, {"spec", "selector", "matchLabels", "batch.kubernetes.io/controller-uid"}) == uid);
  c->settle();
  const std::vector<Value> pods = c->list("v1", "Pod", "default", "job-name=migrate");
  REQUIRE(pods.size() == 1);
  CHECK(name_of(pods[0]).rfind("migrate-", 0) == 0);
  CHECK(string_at(labels_of(pods[0]), {"batch.kubernetes.io/controller-uid"}) == uid);
  CHECK(job_state(*c, "migrate") == "active=1 succeeded=0 failed=0");
  c->sleep(20);
  c->settle();
  CHECK(job_state(*c, "migrate") ==
        "active=0 succeeded=1 failed=0 SuccessCriteriaMet/CompletionsReached Complete/CompletionsReached");
}

TEST_CASE("failed pods are replaced after the back-off until backoffLimit", "[job][scenario]") {
  TestCluster c;
  c->create(job("flaky", Value::map_of({{"capstan.io/exit-code", "1"}}),
                Value::map_of({{"backoffLimit", Value::integer(2)}})));
  c->settle();
  CHECK(job_state(*c, "flaky") == "active=0 succeeded=0 failed=1");
  c->sleep(9);
  c->settle();
  CHECK(job_state(*c, "flaky") == "active=0 succeeded=0 failed=1");
  c->sleep(1);  // 10s after the first failure
  c->settle();
  CHECK(job_state(*c, "flaky") == "active=0 succeeded=0 failed=2");
  c->sleep(20);  // then 20s
  c->settle();
  CHECK(job_state(*c, "flaky") ==
        "active=0 succeeded=0 failed=3 FailureTarget/BackoffLimitExceeded Failed/BackoffLimitExceeded");
  CHECK(c->list("v1", "Pod", "default", "job-name=flaky").size() == 3);
}

TEST_CASE("activeDeadlineSeconds fails a job; ttlSecondsAfterFinished deletes it", "[job][scenario]") {
  TestCluster c;
  c->create(job("slow", Value::map_of({{"capstan.io/exit-after", "600"}}),
                Value::map_of({{"activeDeadlineSeconds", Value::integer(60)},
                               {"ttlSecondsAfterFinished", Value::integer(30)}})));
  c->settle();
  c->sleep(60);
  c->settle();
  CHECK(job_state(*c, "slow") ==
        "active=0 succeeded=0 failed=0 FailureTarget/DeadlineExceeded Failed/DeadlineExceeded");
  CHECK(c->list("v1", "Pod", "default", "job-name=slow").empty());
  c->sleep(30);
  c->settle();
  CHECK(job_state(*c, "slow") == "gone");
}

}  // namespace capstan::orchestrator
