// Release records: Helm-written records (made by testdata/release/gen with Go's own
// encoding/json and gzip) decode, and re-encode to the same JSON byte for byte.
#include "release/record_codec.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/json_text.h"
#include "release/release_json.h"
#include "tests/support/testing.h"

namespace rel = capstan::release;
using capstan::testing::read_file;
using capstan::testing::testdata;

TEST_CASE("a gzipped record written by Helm decodes to its fields", "[record]") {
  const rel::Release r = rel::decode_record(read_file(testdata("release/records/sample.record")));
  CHECK(r.name == "demo");
  CHECK(r.version == 2);
  CHECK(r.ns == "default");
  CHECK(r.info.status == rel::Status::Deployed);
  CHECK(r.info.description == "Upgrade complete");
  CHECK(r.info.notes == "Visit <http://demo> & enjoy\n");
  CHECK(rel::format_rfc3339_nano(r.info.last_deployed) == "2026-01-02T03:04:05.12+01:00");
  CHECK(r.info.deleted.is_zero());
  CHECK(rel::format_chart_name(r.chart) == "demo-1.0.1");
  CHECK(rel::format_app_version(r.chart) == "1.16.0");
  const capstan::Value* tpl = r.chart.find("templates");
  REQUIRE(tpl != nullptr);
  REQUIRE(tpl->size() == 2);
  CHECK(tpl->list().items[0].find("data")->is_bytes());
  CHECK(tpl->list().items[0].find("data")->as_string() == "kind: Deployment\n");
  CHECK(r.config.find("replicas")->type_name() == "float64");
  REQUIRE(r.hooks.size() == 1);
  CHECK(r.hooks[0].weight == -5);
  CHECK(r.hooks[0].events == std::vector<std::string>{"test"});
}

TEST_CASE("the JSON encoder reproduces Go's json.Marshal of Helm's structs", "[record]") {
  for (const char* name : {"sample", "minimal", "empty-chart"}) {
    INFO(name);
    const std::string json = read_file(testdata(std::string("release/records/") + name + ".json"));
    CHECK(rel::encode_release_json(rel::decode_release_json(json)) == json);
  }
}

TEST_CASE("records written before compression (plain JSON) still decode", "[record]") {
  const rel::Release r =
      rel::decode_record(read_file(testdata("release/records/sample-plain.record")));
  CHECK(rel::encode_release_json(r) == read_file(testdata("release/records/sample.json")));
}

TEST_CASE("encode_record writes base64 of gzip and reads back", "[record]") {
  rel::Release r;
  r.name = "x";
  r.version = 7;
  r.info.status = rel::Status::PendingUpgrade;
  r.config = capstan::Value::map_of({{"a", "b"}});
  const std::string data = rel::encode_record(r);
  CHECK(data.rfind("H4sI", 0) == 0);  // base64 of 1f 8b 08
  const rel::Release back = rel::decode_record(data);
  CHECK(back.name == "x");
  CHECK(back.version == 7);
  CHECK(back.info.status == rel::Status::PendingUpgrade);
  CHECK(back.config == r.config);
}

TEST_CASE("corrupt records fail with a parse error", "[record]") {
  CHECK_THROWS_AS(rel::decode_record("not base64!"), capstan::Error);
  // Valid base64 of a truncated gzip stream.
  std::string gz = rel::gzip_compress("{\"name\":\"x\"}");
  gz.resize(gz.size() - 6);
  CHECK_THROWS_AS(rel::decode_record(capstan::json::base64_encode(gz)), capstan::Error);
  CHECK_THROWS_WITH(rel::decode_release_json("[1]"),
                    "json: cannot unmarshal array into Go value of type release.Release");
}
