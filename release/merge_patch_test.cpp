// Merge patches: RFC 7386 creation/application and Helm's three-way combination.
#include "release/merge_patch.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/json.h"

namespace rel = capstan::release;
using capstan::Value;

namespace {

Value j(const char* text) { return capstan::json::decode(text); }
std::string s(const Value& v) { return capstan::json::encode(v); }

}  // namespace

TEST_CASE("create_merge_patch: additions, changes, deletions, lists replaced", "[merge]") {
  CHECK(s(rel::create_merge_patch(j(R"({"a":1,"b":{"c":2,"d":3},"l":[1,2]})"),
                                  j(R"({"a":1,"b":{"c":5},"l":[1],"n":true})"))) ==
        R"({"b":{"c":5,"d":null},"l":[1],"n":true})");
  CHECK(s(rel::create_merge_patch(j(R"({"a":{"x":1}})"), j(R"({"a":{"x":1}})"))) == "{}");
  CHECK(s(rel::create_merge_patch(j(R"({"a":{"x":1}})"), j(R"({"a":"s"})"))) == R"({"a":"s"})");
}

TEST_CASE("apply_merge_patch follows RFC 7386", "[merge]") {
  CHECK(s(rel::apply_merge_patch(j(R"({"a":"b","c":{"d":"e","f":"g"}})"),
                                 j(R"({"a":"z","c":{"f":null}})"))) ==
        R"({"a":"z","c":{"d":"e"}})");
  CHECK(s(rel::apply_merge_patch(j(R"({"a":[1,2]})"), j(R"({"a":[3]})"))) == R"({"a":[3]})");
  CHECK(s(rel::apply_merge_patch(j(R"({"a":"x"})"), j(R"({"a":{"b":null,"c":1}})"))) ==
        R"({"a":{"c":1}})");
  const Value target = j(R"({"m":{"k":1}})");
  rel::apply_merge_patch(target, j(R"({"m":{"k":2}})"));
  CHECK(s(target) == R"({"m":{"k":1}})");  // the target is not modified
}

TEST_CASE("three-way: a field changed live but never set by the chart survives", "[merge]") {
  const Value original = j(R"({"kind":"Deployment","spec":{"template":{"x":1}}})");
  const Value modified = j(R"({"kind":"Deployment","spec":{"template":{"x":2}}})");
  const Value current = j(R"({"kind":"Deployment","spec":{"replicas":5,"template":{"x":1}},
                              "status":{"ready":5}})");
  const Value patch = rel::three_way_merge_patch(original, modified, current);
  CHECK(s(patch) == R"({"spec":{"template":{"x":2}}})");
  CHECK(s(rel::apply_merge_patch(current, patch)) ==
        R"({"kind":"Deployment","spec":{"replicas":5,"template":{"x":2}},"status":{"ready":5}})");
}

TEST_CASE("three-way: a field the chart sets is forced back to the chart's value", "[merge]") {
  const Value original = j(R"({"spec":{"replicas":1}})");
  const Value modified = j(R"({"spec":{"replicas":1}})");
  const Value current = j(R"({"spec":{"replicas":3}})");
  CHECK(s(rel::three_way_merge_patch(original, modified, current)) == R"({"spec":{"replicas":1}})");
}

TEST_CASE("three-way: fields removed from the chart are deleted, others kept", "[merge]") {
  const Value original = j(R"({"metadata":{"labels":{"a":"1","b":"2"}}})");
  const Value modified = j(R"({"metadata":{"labels":{"a":"1"}}})");
  const Value current = j(R"({"metadata":{"labels":{"a":"1","b":"2","live":"x"}}})");
  const Value patch = rel::three_way_merge_patch(original, modified, current);
  CHECK(s(patch) == R"({"metadata":{"labels":{"b":null}}})");
  CHECK(s(rel::apply_merge_patch(current, patch)) ==
        R"({"metadata":{"labels":{"a":"1","live":"x"}}})");
}

TEST_CASE("three-way: no change gives an empty patch", "[merge]") {
  const Value m = j(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"s"}})");
  const Value live = j(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"s","uid":"u"}})");
  CHECK(s(rel::three_way_merge_patch(m, m, live)) == "{}");
  // A missing original (an adopted object) only adds and changes.
  CHECK(s(rel::three_way_merge_patch(Value(), m, live)) == "{}");
}

TEST_CASE("three-way: changing apiVersion or kind is refused", "[merge]") {
  const Value original = j(R"({"apiVersion":"extensions/v1beta1","kind":"Deployment"})");
  const Value modified = j(R"({"apiVersion":"apps/v1","kind":"Deployment"})");
  CHECK_THROWS_WITH(rel::three_way_merge_patch(original, modified, original),
                    "precondition failed: at least one field was changed: apiVersion, kind or name");
}
