// Value: Go-like sharing, type names, structural equality.
#include "core/value.h"

#include <catch2/catch.hpp>

#include "core/error.h"

using capstan::Error;
using capstan::List;
using capstan::NumType;
using capstan::Value;

TEST_CASE("maps are shared like Go maps, deep_copy breaks the sharing", "[value]") {
  Value a = Value::map_of({{"x", 1}});
  Value alias = a;
  alias.set("y", "two");
  CHECK(a.find("y") != nullptr);
  Value copy = a.deep_copy();
  copy.set("z", true);
  CHECK(a.find("z") == nullptr);
  CHECK(copy.size() == 3);
}

TEST_CASE("type names are Go's", "[value]") {
  CHECK(Value().type_name() == "<nil>");
  CHECK(Value(3).type_name() == "int");
  CHECK(Value::integer(3).type_name() == "int64");
  CHECK(Value::floating(3).type_name() == "float64");
  CHECK(Value("s").type_name() == "string");
  CHECK(Value(true).type_name() == "bool");
  CHECK(Value::empty_list().type_name() == "[]interface {}");
  CHECK(Value(List({Value("a")}, "string")).type_name() == "[]string");
  CHECK(Value::empty_map().type_name() == "map[string]interface {}");
  CHECK(Value::bytes("ab").type_name() == "[]uint8");
}

TEST_CASE("equality is structural and numeric across Go number types", "[value]") {
  CHECK(Value(3) == Value::floating(3.0));
  CHECK(Value::integer(-1) != Value::unsigned_integer(~0ULL));
  CHECK(Value::list_of({1, "a"}) == Value::list_of({Value::integer(1), "a"}));
  CHECK(Value::map_of({{"a", 1}}) != Value::map_of({{"a", 2}}));
  CHECK(Value("1") != Value(1));
}

TEST_CASE("map helpers create, find and erase", "[value]") {
  Value v;
  v["spec"]["replicas"] = 3;
  REQUIRE(v.find_path({"spec", "replicas"}) != nullptr);
  CHECK(v.find_path({"spec", "replicas"})->integer_value() == 3);
  CHECK(v.find_path({"spec", "missing", "x"}) == nullptr);
  CHECK(v["spec"].erase("replicas"));
  CHECK(v.find_path({"spec", "replicas"}) == nullptr);
  CHECK(v.get_string("absent", "dflt") == "dflt");
}

TEST_CASE("accessors check the kind", "[value]") {
  CHECK_THROWS_AS(Value("x").as_int(), Error);
  CHECK_THROWS_AS(Value(1).map(), Error);
  CHECK(Value::integer(7, NumType::Int64).as_int() == 7);
}

TEST_CASE("deeply nested values are destroyed without recursion", "[value]") {
  Value root = Value::empty_list();
  Value* at = &root;
  for (int i = 0; i < 200000; ++i) {
    at->push_back(i % 2 == 0 ? Value::empty_map() : Value::empty_list());
    Value& child = at->mutable_list().items.back();
    if (child.is_map()) {
      child.set("k", Value::empty_list());
      at = &child["k"];
    } else {
      at = &child;
    }
  }
  root = Value();  // would overflow the stack with recursive destructors
  CHECK(root.is_null());
}
