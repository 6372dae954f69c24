// Sprig's clock functions with the engine's injected clock (EngineOptions::now_unix_nanos), which
// the oracle cannot compare: now, ago, durationRound of a time, date of a non-time argument, and
// the certificate validity that follows the same clock (funcs_sprig_certs_test.cpp).
#include <catch2/catch.hpp>

#include "templating/engine.h"
#include "templating/sprig_time.h"

namespace capstan::templating {
namespace {

constexpr std::int64_t kNow = 1700000000;  // 2023-11-14T22:13:20Z

std::string render(std::string_view text, EngineOptions options) {
  Engine engine(std::move(options));
  engine.parse("t", text);
  return engine.render("t", Value::empty_map());
}

EngineOptions clock(std::int64_t nanos) {
  EngineOptions o;
  o.now_unix_nanos = [nanos] { return nanos; };
  return o;
}

TEST_CASE("now reads the injected clock, in Local, without a monotonic reading", "[sprig][dates]") {
  const EngineOptions o = clock(kNow * 1000000000 + 123456789);
  CHECK(render("{{ now | unixEpoch }} {{ now.Nanosecond }}", o) == "1700000000 123456789");
  CHECK(render("{{ dateInZone \"2006-01-02T15:04:05.000Z07:00\" now \"UTC\" }}", o) ==
        "2023-11-14T22:13:20.123Z");
  CHECK(render("{{ now.Location }}", o) == gotime::local()->name);
  CHECK(render("{{ now.UTC }}", o) == "2023-11-14 22:13:20.123456789 +0000 UTC");
  // Before the epoch too.
  CHECK(render("{{ now | unixEpoch }} {{ now.Nanosecond }}", clock(-1500000000)) == "-2 500000000");
}

TEST_CASE("the system clock gives now a monotonic reading, as Go's time.Now has",
          "[sprig][dates]") {
  const std::string out = render("{{ now }}", EngineOptions{});
  CHECK(out.find(" m=+") != std::string::npos);
  CHECK(render("{{ (now.Sub now).Seconds | lt 1.0 }}", EngineOptions{}) == "false");
}

TEST_CASE("ago and durationRound measure from the injected clock", "[sprig][dates]") {
  const EngineOptions o = clock(kNow * 1000000000);
  CHECK(render("{{ ago (int64 1699999910) }}", o) == "1m30s");
  CHECK(render("{{ ago 1699999000 }}", o) == "16m40s");
  CHECK(render("{{ ago (toDate \"2006-01-02\" \"2023-11-13\") }}", o) == "46h13m20s");
  CHECK(render("{{ ago (int64 1700000100) }}", o) == "-1m40s");
  CHECK(render("{{ ago \"not a time\" }}", o) == "0s");
  CHECK(render("{{ durationRound (toDate \"2006-01-02\" \"2021-11-13\") }}", o) == "2y");
  CHECK(render("{{ durationRound (toDate \"2006-01-02\" \"2023-11-01\") }}", o) == "13d");
}

TEST_CASE("date functions use the clock for arguments that are not times", "[sprig][dates]") {
  const EngineOptions o = clock(kNow * 1000000000);
  CHECK(render("{{ dateInZone \"2006-01-02 15:04\" \"x\" \"UTC\" }}", o) == "2023-11-14 22:13");
  CHECK(render("{{ htmlDateInZone 1.5 \"Asia/Tokyo\" }}", o) == "2023-11-15");
  CHECK(render("{{ dateInZone \"15:04\" (int64 0) \"UTC\" }}", o) == "00:00");
}

TEST_CASE("deterministic mode fixes now at 2000-01-01T00:00:00Z", "[sprig][dates]") {
  EngineOptions o = clock(kNow * 1000000000);
  o.deterministic = true;
  CHECK(render("{{ now }} {{ now | unixEpoch }}", o) == "2000-01-01 00:00:00 +0000 UTC 946684800");
}

TEST_CASE("Go's time zone rules: TZif transitions and the POSIX rule after them",
          "[sprig][dates]") {
  const auto ny = gotime::load_location("America/New_York");
  REQUIRE(ny);
  // 2100-07-01 is past the last transition in the file: the footer's EST5EDT rule applies.
  const gotime::Time summer = gotime::Time::date(2100, 7, 1, 12, 0, 0, 0, *ny);
  CHECK(summer.format("2006-01-02 15:04 MST -0700") == "2100-07-01 12:00 EDT -0400");
  const gotime::Time winter = gotime::Time::date(2100, 1, 1, 12, 0, 0, 0, *ny);
  CHECK(winter.format("MST") == "EST");
  // Go's Date in the spring-forward gap and the fall-back overlap (checked against Go 1.19).
  CHECK(gotime::Time::date(2021, 3, 14, 2, 30, 0, 0, *ny).format("15:04 MST") == "01:30 EST");
  CHECK(gotime::Time::date(2021, 11, 7, 1, 30, 0, 0, *ny).format("15:04 MST") == "01:30 EDT");
  CHECK(!gotime::load_location("No/Such_Zone"));
  CHECK(!gotime::load_location("../etc/passwd"));
  CHECK(gotime::load_location("UTC").value() == gotime::utc());
}

TEST_CASE("Duration strings and ParseDuration as Go's", "[sprig][dates]") {
  CHECK(gotime::duration_string(0) == "0s");
  CHECK(gotime::duration_string(1500) == "1.5\xC2\xB5s");
  CHECK(gotime::duration_string(-90 * gotime::kSecond) == "-1m30s");
  CHECK(gotime::duration_string(INT64_MIN) == "-2562047h47m16.854775808s");
  std::string error;
  CHECK(gotime::parse_duration("1h2m3.5s", &error).value() == 3723500000000);
  CHECK(!gotime::parse_duration("1d", &error));
  CHECK(error == "time: unknown unit \"d\" in duration \"1d\"");
}

}  // namespace
}  // namespace capstan::templating
