// strvals: the vectors of Helm's pkg/strvals/parser_test.go (as the oracle ported them to
// testdata/chart/strvals/*.json), plus the limits and error wording Helm's tests leave out.
#include "chart/strvals.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/json.h"
#include "tests/support/testing.h"

namespace {

using capstan::Error;
using capstan::Value;
namespace json = capstan::json;
namespace strvals = capstan::chart::strvals;

// Applies each argument in turn, as Helm's ParseInto* does; the error text or "".
std::string apply(const std::string& kind, const Value& args, Value& base) {
  try {
    for (const Value& arg : args.list().items) {
      const std::string& a = arg.as_string();
      if (kind == "set") {
        strvals::parse_into(a, base);
      } else if (kind == "set-string") {
        strvals::parse_into_string(a, base);
      } else if (kind == "set-json") {
        strvals::parse_json(a, base);
      } else {
        FAIL("unknown kind " << kind);
      }
    }
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

const capstan::testing::FileCases helm_vectors("chart/strvals", ".json", [](const auto& file) {
  Value cases = json::decode(capstan::testing::read_file(file));
  for (const Value& c : cases.list().items) {
    INFO(c.get_string("case") << " " << c.get_string("kind") << " "
                              << json::encode(*c.find("args")));
    Value base = Value::empty_map();
    if (!c.find("initial")->is_null())
      base = c.find("initial")->deep_copy();
    std::string error = apply(c.get_string("kind"), *c.find("args"), base);
    if (c.find("err")->as_bool()) {
      CHECK(!error.empty());
    } else {
      CHECK(error == "");
      CHECK(json::encode(base) == json::encode(*c.find("expect")));
    }
  }
});

std::string set_error(std::string_view text) {
  try {
    strvals::parse(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST_CASE("strvals: --set types integers as int64, the rest as strings") {
  Value v = strvals::parse("a=1,b=-5,c=007,d=1.5,e=TRUE,f=Null,g=+3,h=9223372036854775808");
  CHECK(v.find("a")->type_name() == "int64");
  CHECK(v.find("b")->as_int() == -5);
  CHECK(v.find("c")->as_string() == "007");
  CHECK(v.find("d")->as_string() == "1.5");
  CHECK(v.find("e")->as_bool());
  CHECK(v.find("f")->is_null());
  CHECK(v.find("g")->as_int() == 3);
  CHECK(v.find("h")->as_string() == "9223372036854775808");
}

TEST_CASE("strvals: Helm's quirks survive") {
  CHECK(json::encode(strvals::parse("a={}")) == R"({"a":[""]})");
  CHECK(json::encode(strvals::parse("a[0]")) == R"({"a":[]})");
  CHECK(json::encode(strvals::parse("a=")) == R"({"a":""})");
  CHECK(json::encode(strvals::parse("a\\.b=c\\,d")) == R"({"a.b":"c,d"})");
  CHECK(json::encode(strvals::parse("a[2]=x")) == R"({"a":[null,null,"x"]})");
}

TEST_CASE("strvals: limits on index and nesting (CVE-2022-36055, CVE-2022-23524)") {
  CHECK(set_error("a[65537]=x") ==
        "index of 65537 is greater than maximum supported index of 65536");
  CHECK(set_error("a[99999999999]=x") ==
        "index of 99999999999 is greater than maximum supported index of 65536");
  CHECK(set_error("a[-1]=x") == "negative -1 index not allowed");
  std::string deep;
  for (int i = 0; i < 31; ++i) deep += "a.";
  CHECK(set_error(deep + "b=1") ==
        "value name nested level is greater than maximum supported nested level of 30");
  std::string ok;
  for (int i = 0; i < 30; ++i) ok += "a.";
  CHECK(set_error(ok + "b=1") == "");
}

TEST_CASE("strvals: errors are worded as Helm's") {
  CHECK(set_error("name1,name2=") == R"(key "name1" has no value (cannot end with ,))");
  CHECK(set_error("a") == R"(key "a" has no value)");
  CHECK(set_error("a[x]=1") == R"(error parsing index: strconv.Atoi: parsing "x": invalid syntax)");
  CHECK(set_error("a[0") == "error parsing index: EOF");
  CHECK(set_error("a[0]x=1") == "unexpected data at end of array index: ['x']");
  CHECK(set_error("a={b,c") == "list must terminate with '}'");
  CHECK(set_error("a.=1") == R"(key map "a" has no value)");
  CHECK(set_error("a=1,a.b=2") ==
        "unable to parse key: interface conversion: interface {} is int64, not "
        "map[string]interface {}");
  CHECK(set_error("a=null,a[0]=2") ==
        "unable to parse key: interface conversion: interface {} is nil, not []interface {}");
}

TEST_CASE("strvals: --set-json, --set-literal, --set-file") {
  Value v = Value::empty_map();
  strvals::parse_json(R"(a={"b":[1,"x"]} ,c=,d=true, e=1)", v);
  // The blanks after a JSON value are skipped, the ones before a key are part of it (Go).
  CHECK(json::encode(v) == R"({" e":1,"a":{"b":[1,"x"]},"c":null,"d":true})");
  Value lit = Value::empty_map();
  strvals::parse_literal_into("a.b[1]=x,y\\z=w", lit);
  CHECK(json::encode(lit) == R"({"a":{"b":[null,"x,y\\z=w"]}})");
  Value files = Value::empty_map();
  strvals::parse_into_file("a=one,b={two}", files,
                           [](const std::string& path) { return "<" + path + ">"; });
  CHECK(json::encode(files) == R"({"a":"\u003cone\u003e","b":["\u003ctwo\u003e"]})");
}

}  // namespace
