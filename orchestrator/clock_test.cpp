// Time formats and kubectl's human durations (cases from apimachinery's duration_test.go).
#include "orchestrator/clock.h"

#include <catch2/catch.hpp>

#include "orchestrator/random.h"

namespace capstan::orchestrator {

TEST_CASE("RFC 3339 round trip and RFC 1123Z", "[clock]") {
  const Seconds t = *parse_rfc3339("2020-06-07T08:40:20Z");
  CHECK(t == 1591519220);
  CHECK(format_rfc3339(t) == "2020-06-07T08:40:20Z");
  CHECK(format_rfc1123z(t) == "Sun, 07 Jun 2020 08:40:20 +0000");
  CHECK(*parse_rfc3339("2020-06-07T10:40:20.123+02:00") == t);
  CHECK(format_rfc3339(0) == "1970-01-01T00:00:00Z");
  CHECK_FALSE(parse_rfc3339("2020-06-07 08:40:20").has_value());
  CHECK_FALSE(parse_rfc3339("2020-13-07T08:40:20Z").has_value());
}

TEST_CASE("HumanDuration matches apimachinery", "[clock]") {
  const std::pair<Seconds, const char*> cases[] = {
      {-2, "<invalid>"}, {-1, "0s"},         {0, "0s"},          {1, "1s"},
      {119, "119s"},     {120, "2m"},        {121, "2m1s"},      {599, "9m59s"},
      {600, "10m"},      {10799, "179m"},    {10800, "3h"},      {10860, "3h1m"},
      {28799, "7h59m"},  {28800, "8h"},      {172799, "47h"},    {172800, "2d"},
      {176400, "2d1h"},  {691199, "7d23h"},  {691200, "8d"},     {63071999, "729d"},
      {63072000, "2y"},  {63158400, "2y1d"}, {252287999, "7y364d"}, {252288000, "8y"},
      {15780, "4h23m"},  {6780, "113m"},
  };
  for (const auto& [d, want] : cases) {
    INFO(d);
    CHECK(human_duration(d) == want);
  }
}

TEST_CASE("seeded randomness is reproducible and safe-alphabet encoded", "[random]") {
  SeededRandom a(42), b(42);
  CHECK(random_string(a, 5) == random_string(b, 5));
  const std::string uid = new_uid(a);
  CHECK(uid.size() == 36);
  CHECK(uid[14] == '4');
  CHECK(std::string("89ab").find(uid[19]) != std::string::npos);
  // Decimal digits map into "4..9bcdf" as in pod-template-hash values like 59dfb6bdf7.
  CHECK(safe_encode_string("0123456789") == "456789bcdf");
  for (char c : random_string(a, 100)) CHECK(kSafeAlphabet.find(c) != std::string_view::npos);
}

}  // namespace capstan::orchestrator
