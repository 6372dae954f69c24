// Go time layouts: RFC 3339 in records, ANSIC in status/history, Time.String() in list.
#include "release/go_time.h"

#include <catch2/catch.hpp>

using capstan::release::format_ansic;
using capstan::release::format_go_string;
using capstan::release::format_rfc3339_nano;
using capstan::release::parse_rfc3339;
using capstan::release::Time;

TEST_CASE("RFC 3339 round-trips with Go's trimming of fractional zeros", "[go_time]") {
  auto t = parse_rfc3339("2026-01-01T00:00:00Z");
  REQUIRE(t);
  CHECK(t->unix_seconds == 1767225600);
  CHECK(format_rfc3339_nano(*t) == "2026-01-01T00:00:00Z");
  auto frac = parse_rfc3339("2020-06-07T08:40:20.120000000+02:00");
  REQUIRE(frac);
  CHECK(frac->nanos == 120000000);
  CHECK(frac->offset_seconds == 7200);
  CHECK(format_rfc3339_nano(*frac) == "2020-06-07T08:40:20.12+02:00");
  CHECK_FALSE(parse_rfc3339("2020-06-07 08:40:20Z"));
  CHECK_FALSE(parse_rfc3339("2020-13-07T08:40:20Z"));
  CHECK_FALSE(parse_rfc3339(""));
}

TEST_CASE("ANSIC pads the day with a space", "[go_time]") {
  // time.Unix(242085845, 0).UTC(): Helm's mock release date.
  CHECK(format_ansic(Time::from_unix(242085845)) == "Fri Sep  2 22:04:05 1977");
  CHECK(format_ansic(*parse_rfc3339("2026-01-01T00:00:00Z")) == "Thu Jan  1 00:00:00 2026");
  CHECK(format_ansic(*parse_rfc3339("2016-10-13T10:15:13Z")) == "Thu Oct 13 10:15:13 2016");
}

TEST_CASE("Time.String prints the zone like Go", "[go_time]") {
  CHECK(format_go_string(Time::from_unix(242085845)) == "1977-09-02 22:04:05 +0000 UTC");
  CHECK(format_go_string(Time::from_unix(0, 5000)) == "1970-01-01 00:00:00.000005 +0000 UTC");
  CHECK(format_go_string(*parse_rfc3339("1977-09-02T22:04:05-05:30")) ==
        "1977-09-02 22:04:05 -0530 -0530");
}

TEST_CASE("times before 1970 compute the right civil date", "[go_time]") {
  CHECK(format_rfc3339_nano(Time::from_unix(-1)) == "1969-12-31T23:59:59Z");
}
