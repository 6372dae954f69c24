// Coalescing: the cases of Helm's pkg/chartutil/coalesce_test.go as the oracle's selftest runs
// them (TestCoalesceValues, TestMergeValues, TestCoalesceTables, TestMergeTables,
// TestCoalesceValuesWarnings, TestCoalesceValuesEmptyMapWithNils).
#include "chart/coalesce.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "templating/gofmt.h"

namespace {

using capstan::Value;
using capstan::chart::Chart;
namespace chart = capstan::chart;
namespace json = capstan::json;

std::shared_ptr<Chart> make_chart(const std::string& name, const std::string& values_json,
                                  std::vector<std::shared_ptr<Chart>> deps = {}) {
  auto c = std::make_shared<Chart>();
  c->metadata.name = name;
  c->values = json::decode(values_json);
  for (auto& d : deps) c->add_dependency(d);
  return c;
}

// What `{{.a.b.c}}` prints for plain data: the value, or "<no value>" when a key is missing.
std::string expand(const Value& v, const std::string& dotted) {
  const Value* at = &v;
  std::size_t start = 0;
  while (start <= dotted.size()) {
    std::size_t dot = dotted.find('.', start);
    std::string key = dotted.substr(start, dot == std::string::npos ? dot : dot - start);
    at = at->find(key);
    if (at == nullptr)
      return "<no value>";
    if (dot == std::string::npos)
      break;
    start = dot + 1;
  }
  return capstan::templating::gofmt::sprint({*at});
}

bool has(const Value& v, std::initializer_list<const char*> path) {
  const Value* at = &v;
  for (const char* p : path) {
    at = at->find(p);
    if (at == nullptr)
      return false;
  }
  return true;
}

const char* const kMobyUserValues = R"({
  "top": "yup", "bottom": null, "right": null, "left": null, "front": null, "back": "",
  "nested": {"boat": null},
  "global": {"name": "Ishmael", "subject": "Queequeg", "nested": {"boat": true}},
  "pequod": {
    "boat": null,
    "global": {"name": "Stinky", "harpooner": "Tashtego",
               "nested": {"boat": false, "sail": true, "foo2": null}},
    "ahab": {"scope": "whale", "boat": null, "nested": {"foo": true, "boat": null},
             "object": null}
  }
})";

const std::vector<std::pair<const char*, const char*>> kMobyExpect = {
    {"top", "yup"},
    {"back", ""},
    {"name", "moby"},
    {"global.name", "Ishmael"},
    {"global.subject", "Queequeg"},
    {"global.harpooner", "<no value>"},
    {"pequod.name", "pequod"},
    {"pequod.ahab.name", "ahab"},
    {"pequod.ahab.scope", "whale"},
    {"pequod.ahab.nested.foo", "true"},
    {"pequod.ahab.global.name", "Ishmael"},
    {"pequod.ahab.global.nested.foo", "bar"},
    {"pequod.ahab.global.subject", "Queequeg"},
    {"pequod.ahab.global.harpooner", "Tashtego"},
    {"pequod.global.name", "Ishmael"},
    {"pequod.global.nested.foo", "<no value>"},
    {"pequod.global.subject", "Queequeg"},
    {"spouter.global.name", "Ishmael"},
    {"spouter.global.harpooner", "<no value>"},
    {"global.nested.boat", "true"},
    {"pequod.global.nested.boat", "true"},
    {"spouter.global.nested.boat", "true"},
    {"pequod.global.nested.sail", "true"},
    {"spouter.global.nested.sail", "<no value>"},
    {"global.nested2.l0", "moby"},
    {"global.nested2.l1", "<no value>"},
    {"global.nested2.l2", "<no value>"},
    {"pequod.global.nested2.l0", "moby"},
    {"pequod.global.nested2.l1", "pequod"},
    {"pequod.global.nested2.l2", "<no value>"},
    {"pequod.ahab.global.nested2.l0", "moby"},
    {"pequod.ahab.global.nested2.l1", "pequod"},
    {"pequod.ahab.global.nested2.l2", "ahab"},
    {"spouter.global.nested2.l0", "moby"},
    {"spouter.global.nested2.l1", "spouter"},
    {"spouter.global.nested2.l2", "<no value>"},
};

TEST_CASE("coalesce: CoalesceValues (Helm's TestCoalesceValues)") {
  auto moby = make_chart(
      "moby",
      R"({"back": "exists", "bottom": "exists", "front": "exists", "left": "exists",
          "name": "moby", "nested": {"boat": true}, "override": "bad", "right": "exists",
          "scope": "moby", "top": "nope", "global": {"nested2": {"l0": "moby"}},
          "pequod": {"boat": "maybe", "ahab": {"boat": "maybe", "nested": {"boat": "maybe"}}}})",
      {make_chart("pequod",
                  R"({"name": "pequod", "scope": "pequod", "global": {"nested2": {"l1": "pequod"}},
                      "boat": false, "ahab": {"boat": false, "nested": {"boat": false}}})",
                  {make_chart("ahab", R"({"global": {"nested": {"foo": "bar", "foo2": "bar2"},
                                                    "nested2": {"l2": "ahab"}},
                                         "scope": "ahab", "name": "ahab", "boat": true,
                                         "nested": {"foo": false, "boat": true},
                                         "object": {"foo": "bar"}})")}),
       make_chart("spouter", R"({"scope": "spouter", "global": {"nested2": {"l1": "spouter"}}})")});
  Value user = json::decode(kMobyUserValues);
  const std::string before = json::encode(user);
  Value v = chart::coalesce_values(*moby, user);
  CHECK(expand(v, "pequod.ahab.global.nested.foo2") == "<no value>");
  for (const auto& [path, want] : kMobyExpect) {
    INFO(path);
    CHECK(expand(v, path) == want);
  }
  for (const char* k : {"bottom", "right", "left", "front"}) {
    INFO(k);
    CHECK(v.find(k) == nullptr);
  }
  CHECK_FALSE(has(v, {"nested", "boat"}));
  CHECK_FALSE(has(v, {"pequod", "boat"}));
  CHECK_FALSE(has(v, {"pequod", "ahab", "boat"}));
  CHECK_FALSE(has(v, {"pequod", "ahab", "nested", "boat"}));
  CHECK_FALSE(has(v, {"pequod", "ahab", "object"}));
  CHECK(json::encode(user) == before);
}

TEST_CASE("coalesce: MergeValues keeps nulls (Helm's TestMergeValues)") {
  auto moby = make_chart(
      "moby",
      R"({"back": "exists", "bottom": "exists", "front": "exists", "left": "exists",
          "name": "moby", "nested": {"boat": true}, "override": "bad", "right": "exists",
          "scope": "moby", "top": "nope", "global": {"nested2": {"l0": "moby"}}})",
      {make_chart(
           "pequod",
           R"({"name": "pequod", "scope": "pequod", "global": {"nested2": {"l1": "pequod"}}})",
           {make_chart("ahab", R"({"global": {"nested": {"foo": "bar"},
                                                    "nested2": {"l2": "ahab"}},
                                         "scope": "ahab", "name": "ahab", "boat": true,
                                         "nested": {"foo": false, "bar": true}})")}),
       make_chart("spouter", R"({"scope": "spouter", "global": {"nested2": {"l1": "spouter"}}})")});
  Value user = json::decode(kMobyUserValues);
  const std::string before = json::encode(user);
  Value v = chart::merge_values(*moby, user);
  for (const auto& [path, want] : kMobyExpect) {
    INFO(path);
    CHECK(expand(v, path) == want);
  }
  for (const char* k : {"bottom", "right", "left", "front"}) {
    INFO(k);
    REQUIRE(v.find(k) != nullptr);
    CHECK(v.find(k)->is_null());
  }
  CHECK(has(v, {"nested", "boat"}));
  CHECK(has(v, {"pequod", "ahab", "boat"}));
  CHECK(has(v, {"pequod", "ahab", "nested", "bar"}));
  CHECK(json::encode(user) == before);
}

TEST_CASE("coalesce: CoalesceTables and MergeTables (Helm's TestCoalesceTables)") {
  for (bool merge : {false, true}) {
    INFO((merge ? "MergeTables" : "CoalesceTables"));
    Value dst = json::decode(
        R"({"name": "Ishmael", "address": {"street": "123 Spouter Inn Ct.", "city": "Nantucket",
            "country": null}, "details": {"friends": ["Tashtego"]}, "boat": "pequod",
            "hole": null})");
    Value src = json::decode(
        R"({"occupation": "whaler", "address": {"state": "MA", "street": "234 Spouter Inn Ct.",
            "country": "US"}, "details": "empty", "boat": {"mast": true}, "hole": "black"})");
    merge ? chart::merge_tables(dst, src) : chart::coalesce_tables(dst, src);
    CHECK(dst.get_string("name") == "Ishmael");
    CHECK(dst.get_string("occupation") == "whaler");
    const Value& addr = *dst.find("address");
    CHECK(addr.get_string("street") == "123 Spouter Inn Ct.");
    CHECK(addr.get_string("city") == "Nantucket");
    CHECK(addr.get_string("state") == "MA");
    CHECK((addr.find("country") != nullptr) == merge);
    CHECK(has(dst, {"details", "friends"}));
    CHECK(dst.get_string("boat") == "pequod");
    CHECK((dst.find("hole") != nullptr) == merge);

    Value dst2 = json::decode(
        R"({"name": "Ishmael", "address": {"street": "123 Spouter Inn Ct.", "city": "Nantucket",
            "country": "US"}, "details": {"friends": ["Tashtego"]}, "boat": "pequod",
            "hole": "black", "nilval": null})");
    merge ? chart::merge_tables(dst2, Value()) : chart::coalesce_tables(dst2, Value());
    CHECK(dst2.get_string("name") == "Ishmael");
    CHECK(dst2.find("address")->get_string("country") == "US");
    CHECK(dst2.get_string("hole") == "black");
    CHECK(dst2.get_string("boat") == "pequod");
  }
}

TEST_CASE("coalesce: warnings are worded as Helm's (TestCoalesceValuesWarnings)") {
  auto level1 = make_chart("level1", R"({"name": "moby"})",
                           {make_chart("level2", R"({"name": "pequod"})",
                                       {make_chart("level3", R"({"name": "ahab", "boat": true,
                                           "spear": {"tip": true, "sail": {"cotton": true}}})")})});
  Value user = json::decode(
      R"({"level2": {"level3": {"boat": {"mast": true},
                                "spear": {"tip": {"sharp": true}, "sail": true}}}})");
  std::vector<std::string> lines;
  chart::coalesce_values(*level1, user, [&](std::string_view where, std::string_view msg) {
    lines.push_back(std::string(where) + ": " + std::string(msg));
  });
  CHECK(lines == std::vector<std::string>{
                     "coalesce.go:237: warning: skipped value for level1.level2.level3.boat: "
                     "Not a table.",
                     "coalesce.go:316: warning: cannot overwrite table with non table for "
                     "level1.level2.level3.spear.sail (map[cotton:true])",
                     "coalesce.go:319: warning: destination for level1.level2.level3.spear.tip "
                     "is a table. Ignoring non-table value (true)",
                 });
}

TEST_CASE(
    "coalesce: an empty default map keeps the user's nils "
    "(TestCoalesceValuesEmptyMapWithNils)") {
  auto c = make_chart("test", R"({"data": {}})");
  Value v = chart::coalesce_values(*c, json::decode(R"({"data": {"foo": "bar", "baz": null}})"));
  CHECK(v.find("data")->get_string("foo") == "bar");
  REQUIRE(v.find("data")->find("baz") != nullptr);
  CHECK(v.find("data")->find("baz")->is_null());
}

TEST_CASE("coalesce: a subchart's values that are not a table are a type mismatch") {
  auto c = make_chart("parent", "{}", {make_chart("sub", "{}")});
  try {
    chart::coalesce_values(*c, json::decode(R"({"sub": "x"})"));
    FAIL("no error");
  } catch (const capstan::Error& e) {
    CHECK(std::string(e.what()) == "type mismatch on sub: %!t(string=x)");
  }
}

}  // namespace
