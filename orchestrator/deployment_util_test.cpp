// Table tests of the Deployment arithmetic with the anchors' cases and Kubernetes' own
// (deployment_util_test.go: TestNewRSNewReplicas, TestResolveFenceposts, TestGetProportion).
#include "orchestrator/deployment_util.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "orchestrator/object.h"

namespace capstan::orchestrator::deployment {

namespace {

Value rolling(Int replicas, Value surge, Value unavailable) {
  return Value::map_of(
      {{"metadata", Value::map_of({{"name", "d"}, {"generation", Value::integer(1)}})},
       {"spec", Value::map_of({{"replicas", Value::integer(replicas)},
                               {"strategy", Value::map_of({{"type", "RollingUpdate"},
                                                           {"rollingUpdate", Value::map_of({{"maxSurge", surge},
                                                                                            {"maxUnavailable", unavailable}})}})}})}});
}

Value rs(std::string name, Int replicas, Int available = 0) {
  return Value::map_of({{"metadata", Value::map_of({{"name", Value(name)}})},
                        {"spec", Value::map_of({{"replicas", Value::integer(replicas)}})},
                        {"status", Value::map_of({{"availableReplicas", Value::integer(available)}})}});
}

}  // namespace

TEST_CASE("fenceposts with the default 25%/25% (anchors table)", "[deployment]") {
  const std::vector<std::tuple<Int, Int, Int>> cases = {
      {1, 1, 0}, {2, 1, 0}, {3, 1, 0}, {4, 1, 1}, {5, 2, 1}, {10, 3, 2}, {100, 25, 25}};
  for (const auto& [replicas, surge, unavailable] : cases) {
    INFO(replicas);
    const Value d = rolling(replicas, "25%", "25%");
    CHECK(max_surge(d) == surge);
    // MaxUnavailable: 0 rounds up to 1 only when surge is 0 too.
    CHECK(max_unavailable(d) == unavailable);
  }
}

TEST_CASE("ResolveFenceposts rounding and the both-zero rule", "[deployment]") {
  CHECK(resolve_fenceposts(nullptr, nullptr, 5).unavailable == 1);
  const Value zero = Value::integer(0), one_pct = "1%", quarter = "25%";
  // "2 desired, max unavailable 1%, surge 0%: scale old(-1), then new(+1)": 1% of 2 floors to 0 -> 1.
  CHECK(resolve_fenceposts(&zero, &one_pct, 2).unavailable == 1);
  CHECK(resolve_fenceposts(&zero, &one_pct, 2).surge == 0);
  // "2 desired, max unavailable 25%, surge 1%": surge 1% of 2 rounds up to 1.
  CHECK(resolve_fenceposts(&one_pct, &quarter, 2).surge == 1);
  CHECK(resolve_fenceposts(&one_pct, &quarter, 2).unavailable == 0);
  const Value bad = "0";
  CHECK_THROWS_WITH(resolve_fenceposts(&bad, &zero, 2),
                    "invalid value for IntOrString: invalid type: string is not a percentage");
  CHECK(scaled_value(Value("50%"), 3, true) == 2);
  CHECK(scaled_value(Value("50%"), 3, false) == 1);
  CHECK(max_unavailable(rolling(0, "25%", "25%")) == 0);
  CHECK(max_unavailable(rolling(2, Value::integer(0), Value::integer(5))) == 2);  // capped at replicas
}

TEST_CASE("NewRSNewReplicas (TestNewRSNewReplicas)", "[deployment]") {
  // allRSs holds only a 5-replica ReplicaSet; the new one is passed separately.
  const std::vector<Value> all = {rs("rs5", 5)};
  CHECK(new_rs_new_replicas(rolling(1, Value::integer(1), Value::integer(0)), all, rs("new", 5)) == 5);
  CHECK(new_rs_new_replicas(rolling(6, Value::integer(10), Value::integer(0)), all, rs("new", 2)) == 6);
  Value recreate = rolling(3, Value::integer(1), Value::integer(0));
  recreate["spec"]["strategy"].set("type", "Recreate");
  CHECK(new_rs_new_replicas(recreate, all, rs("new", 1)) == 3);
  // The rolling steps of a 3-replica rollout: surge 1 lets the new RS grow by one at a time.
  const Value d = rolling(3, "25%", "25%");
  CHECK(new_rs_new_replicas(d, {rs("old", 3), rs("new", 0)}, rs("new", 0)) == 1);
  CHECK(new_rs_new_replicas(d, {rs("old", 2), rs("new", 1)}, rs("new", 1)) == 2);
  CHECK(new_rs_new_replicas(d, {rs("old", 3), rs("new", 1)}, rs("new", 1)) == 1);
}

TEST_CASE("proportions when scaling mid-rollout (GetProportion)", "[deployment]") {
  Value d = rolling(20, Value::integer(3), Value::integer(2));
  Value old_rs = rs("old", 8);
  set_annotation(old_rs, kMaxReplicas, "13");
  Value new_rs = rs("new", 5);
  set_annotation(new_rs, kMaxReplicas, "13");
  // 10 -> 20 replicas: 10 to add, split 8:5 of the new 23.
  CHECK(proportion(old_rs, d, 10, 0) == 6);
  CHECK(proportion(new_rs, d, 10, 6) == 4);
  CHECK(proportion(new_rs, d, 10, 10) == 0);
  Value zero = rolling(0, Value::integer(3), Value::integer(2));
  CHECK(proportion(old_rs, zero, -13, 0) == -8);
}

TEST_CASE("pod-template-hash is stable FNV in the safe alphabet", "[deployment]") {
  const Value t = Value::map_of({{"metadata", Value::map_of({{"labels", Value::map_of({{"app", "echo"}})}})},
                                 {"spec", Value::map_of({{"containers", Value::list_of({Value::map_of({{"name", "a"}, {"image", "x"}})})}})}});
  const std::string h = compute_hash(t, std::nullopt);
  CHECK(h == compute_hash(t.deep_copy(), std::nullopt));
  CHECK(h.size() <= 10);
  CHECK(h.find_first_not_of("456789bcdf") == std::string::npos);
  CHECK(compute_hash(t, Int{1}) != h);
  Value t2 = t.deep_copy();
  t2["metadata"]["labels"].set("extra", "1");
  CHECK(compute_hash(t2, std::nullopt) != h);
}

TEST_CASE("revisions and annotations carried to the new ReplicaSet", "[deployment]") {
  Value d = rolling(3, "25%", "25%");
  set_annotation(d, kChangeCause, "kubectl apply --record");
  set_annotation(d, kLastApplied, "{}");
  set_annotation(d, kRevision, "7");
  Value r = rs("new", 0);
  CHECK(set_new_rs_annotations(d, r, "3", false));
  CHECK(annotation(r, kRevision) == "3");
  CHECK(annotation(r, kChangeCause) == "kubectl apply --record");
  CHECK(annotation(r, kLastApplied).empty());
  CHECK(annotation(r, kDesiredReplicas) == "3");
  CHECK(annotation(r, kMaxReplicas) == "4");
  // Reused as new again at revision 5: the old number goes to the history.
  CHECK(set_new_rs_annotations(d, r, "5", true));
  CHECK(annotation(r, kRevision) == "5");
  CHECK(annotation(r, kRevisionHistory) == "3");
  CHECK(set_new_rs_annotations(d, r, "9", true));
  CHECK(annotation(r, kRevisionHistory) == "3,5");
  CHECK_FALSE(set_new_rs_annotations(d, r, "4", true));  // never lowered
  CHECK(max_revision({r, rs("x", 0)}) == 9);
}

TEST_CASE("conditions keep lastTransitionTime while the status holds", "[deployment]") {
  Value status = Value::empty_map();
  set_condition(status, new_condition("Available", "False", "MinimumReplicasUnavailable", "m", 100));
  set_condition(status, new_condition("Progressing", "True", "NewReplicaSetCreated", "m", 100));
  set_condition(status, new_condition("Progressing", "True", "ReplicaSetUpdated", "m2", 200));
  const Value* p = get_condition(status, "Progressing");
  CHECK(p->get_string("reason") == "ReplicaSetUpdated");
  CHECK(p->get_string("lastTransitionTime") == format_rfc3339(100));
  CHECK(p->get_string("lastUpdateTime") == format_rfc3339(200));
  set_condition(status, new_condition("Available", "True", "MinimumReplicasAvailable", "m", 300));
  CHECK(get_condition(status, "Available")->get_string("lastTransitionTime") == format_rfc3339(300));
  // Same status and reason: no write at all.
  set_condition(status, new_condition("Available", "True", "MinimumReplicasAvailable", "other", 400));
  CHECK(get_condition(status, "Available")->get_string("message") == "m");
  CHECK(list_at(status, {"conditions"})[0].get_string("type") == "Progressing");
}

}  // namespace capstan::orchestrator::deployment
