// The three-way merge of client-side apply: merge keys, deletions of dropped fields, live-only
// fields kept, retainKeys, and JSON-merge semantics for custom resources.
#include "orchestrator/strategic_merge.h"

#include <catch2/catch.hpp>

#include "core/json.h"

namespace capstan::orchestrator {

namespace {
Value j(std::string_view text) {
  json::DecodeOptions o;
  o.numbers = json::Numbers::Typed;
  return json::decode(text, o);
}
}  // namespace

TEST_CASE("containers merge by name, ports by containerPort, defaults survive", "[apply]") {
  const Value original = j(R"({"spec":{"containers":[{"name":"a","image":"x:1","ports":[{"containerPort":80}]}]}})");
  const Value modified = j(R"({"spec":{"containers":[{"name":"a","image":"x:2","ports":[{"containerPort":80}]},{"name":"b","image":"y"}]}})");
  const Value current = j(R"({"spec":{"containers":[{"name":"a","image":"x:1","imagePullPolicy":"IfNotPresent",
      "ports":[{"containerPort":80,"protocol":"TCP"}]}],"dnsPolicy":"ClusterFirst"}})");
  const Value merged = three_way_merge(original, modified, current, true);
  CHECK(json::encode(merged) ==
        R"({"spec":{"containers":[{"image":"x:2","imagePullPolicy":"IfNotPresent","name":"a","ports":[{"containerPort":80,"protocol":"TCP"}]},{"image":"y","name":"b"}],"dnsPolicy":"ClusterFirst"}})");
}

TEST_CASE("fields and list elements dropped from the manifest are removed", "[apply]") {
  const Value original = j(R"({"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]}})");
  const Value modified = j(R"({"metadata":{"labels":{"a":"1"}},"spec":{"env":[{"name":"X","value":"1"}]}})");
  const Value current = j(R"({"metadata":{"labels":{"a":"1","b":"2","c":"3"}},"spec":{"env":[{"name":"X","value":"1"},{"name":"Y","value":"2"},{"name":"Z","value":"3"}]}})");
  const Value merged = three_way_merge(original, modified, current, true);
  CHECK(json::encode(merged) ==
        R"({"metadata":{"labels":{"a":"1","c":"3"}},"spec":{"env":[{"name":"X","value":"1"},{"name":"Z","value":"3"}]}})");
}

TEST_CASE("service ports keep their allocated nodePort", "[apply]") {
  const Value modified = j(R"({"spec":{"type":"NodePort","ports":[{"name":"http","port":80}]}})");
  const Value current = j(R"({"spec":{"type":"NodePort","clusterIP":"10.96.5.5","ports":[{"name":"http","port":80,"nodePort":30596,"protocol":"TCP","targetPort":80}]}})");
  const Value merged = three_way_merge(modified, modified, current, true);
  CHECK(merged == current);
}

TEST_CASE("retainKeys, explicit null, and lists of custom resources", "[apply]") {
  const Value current = j(R"({"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%"}}}})");
  const Value modified = j(R"({"spec":{"strategy":{"type":"Recreate"}}})");
  CHECK(json::encode(three_way_merge(Value(), modified, current, true)) == R"({"spec":{"strategy":{"type":"Recreate"}}})");
  CHECK(json::encode(three_way_merge(Value(), j(R"({"a":null,"b":1})"), j(R"({"a":1,"c":2})"), true)) == R"({"b":1,"c":2})");
  // Not strategic: lists are replaced whole, so a live-only element goes.
  const Value cr = j(R"({"spec":{"containers":[{"name":"a"}]}})");
  const Value live = j(R"({"spec":{"containers":[{"name":"a"},{"name":"live"}]}})");
  CHECK(json::encode(three_way_merge(cr, cr, live, false)) == R"({"spec":{"containers":[{"name":"a"}]}})");
  CHECK(json::encode(three_way_merge(cr, cr, live, true)) == R"({"spec":{"containers":[{"name":"a"},{"name":"live"}]}})");
}

}  // namespace capstan::orchestrator
