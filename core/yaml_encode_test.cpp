// sigs.k8s.io/yaml.Marshal compatibility: the tables under testdata/core/yaml/ hold what the
// oracle's Go libraries print (testdata/core/gen/yamlcases).
#include <catch2/catch.hpp>
#include <limits>

#include "core/error.h"
#include "core/json.h"
#include "core/json_testing.h"
#include "core/yaml.h"
#include "core/yaml_key_order.h"

namespace {

using capstan::Error;
using capstan::Value;
namespace yaml = capstan::yaml;
namespace json = capstan::json;
namespace ct = capstan::codec_testing;

std::string marshal(const Value& v) {
  try {
    return yaml::encode(v);
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

const capstan::testing::FileCases strings("core/yaml", "encode_strings.tsv", [](const auto& file) {
  for (const ct::Row& row : ct::read_table(file)) {
    const std::string& s = row.cols[0];
    INFO("line " << row.line << ": " << ct::escape(s));
    CHECK(marshal(Value::map_of({{"k", Value(s)}})) == row.cols[1]);
    CHECK(marshal(Value::list_of({Value(s)})) == row.cols[2]);
    CHECK(marshal(Value(s)) == row.cols[3]);
    Value keyed = Value::empty_map();
    keyed.set(s, Value("v"));
    CHECK(marshal(keyed) == row.cols[4]);
    Value nested = Value::map_of(
        {{"key", Value::map_of(
                     {{"list", Value::list_of({Value(s), Value::map_of({{"x", Value(s)}})})}})}});
    CHECK(marshal(nested) == row.cols[5]);
  }
});

const capstan::testing::FileCases values("core/yaml", "encode_values.tsv", [](const auto& file) {
  for (const ct::Row& row : ct::read_table(file)) {
    INFO("line " << row.line << ": " << row.cols[0]);
    CHECK(marshal(json::decode(row.cols[0])) == row.cols[1]);
    json::DecodeOptions typed;
    typed.numbers = json::Numbers::Typed;
    CHECK(marshal(json::decode(row.cols[0], typed)) == row.cols[2]);
  }
});

TEST_CASE("yaml encode: numbers of every Go type", "[yaml]") {
  CHECK(yaml::encode(Value::integer(3, capstan::NumType::Int)) == "3\n");
  CHECK(yaml::encode(Value::unsigned_integer(18446744073709551615ULL)) == "18446744073709551615\n");
  CHECK(yaml::encode(Value::floating(1e6)) == "1000000\n");
  CHECK(yaml::encode(Value::floating(0.1F, capstan::NumType::Float32)) == "0.1\n");
  CHECK(yaml::encode(Value::floating(1e21)) == "1e+21\n");
  CHECK_THROWS_WITH(yaml::encode(Value::floating(std::numeric_limits<double>::infinity())),
                    "error marshaling into JSON: json: unsupported value: +Inf");
}

TEST_CASE("yaml encode: bytes print as base64, objects through the hook", "[yaml]") {
  CHECK(yaml::encode(Value::map_of({{"b", Value::bytes("hi\xff")}})) == "b: aGn/\n");
  struct Thing : capstan::Object {
    std::string type_name() const override { return "x.Thing"; }
  };
  Value v = Value::map_of({{"t", Value(std::make_shared<Thing>())}});
  CHECK(yaml::encode(v) == "t: null\n");
  yaml::EncodeOptions options;
  options.object_value = [](const capstan::Object&) { return Value::map_of({{"a", Value(1)}}); };
  CHECK(yaml::encode(v, options) == "t:\n  a: 1\n");
}

TEST_CASE("yaml encode: keys invalid in UTF-8 merge as encoding/json makes them", "[yaml]") {
  Value v = Value::empty_map();
  v.set("a\xff", Value(1));
  v.set("a\xfe", Value(2));
  // Both become "a\uFFFD"; "a\xff" sorts last in byte order and wins.
  CHECK(yaml::encode(v) == "a\xEF\xBF\xBD: 1\n");
}

TEST_CASE("yaml key order: digits as numbers, letters after other characters", "[yaml]") {
  using capstan::yaml::detail::key_less;
  CHECK(key_less("a2", "a10"));
  CHECK_FALSE(key_less("a10", "a2"));
  CHECK(key_less("_", "A"));
  CHECK(key_less("a", "ab"));
  CHECK_FALSE(key_less("a", "a"));
  CHECK(key_less("a1", "a01"));  // equal value, shorter run first
}

}  // namespace
