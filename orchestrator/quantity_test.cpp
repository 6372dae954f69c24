// Quantity parsing and canonical printing (cases from apimachinery's quantity_test.go).
#include "orchestrator/quantity.h"

#include <catch2/catch.hpp>

namespace capstan::orchestrator {

TEST_CASE("quantities print in canonical form", "[quantity]") {
  const std::pair<const char*, const char*> cases[] = {
      {"100m", "100m"}, {"0.1", "100m"},   {"1", "1"},         {"1.5", "1500m"},
      {"2000m", "2"},   {"1000", "1k"},    {"128Mi", "128Mi"}, {"1024Mi", "1Gi"},
      {"8Gi", "8Gi"},   {"1500Mi", "1500Mi"}, {"1Ki", "1Ki"},  {"1023", "1023"},
      {"1e3", "1e3"},   {"1E6", "1e6"},    {"0", "0"},         {"110", "110"},
      {"0.5Gi", "512Mi"}, {"100M", "100M"}, {"12345", "12345"}, {"-100m", "-100m"},
  };
  for (const auto& [in, want] : cases) {
    INFO(in);
    const auto q = parse_quantity(in);
    REQUIRE(q.has_value());
    CHECK(format_quantity(*q) == want);
  }
}

TEST_CASE("quantity values and rejects", "[quantity]") {
  CHECK(parse_quantity("100m")->milli == 100);
  CHECK(parse_quantity("200Mi")->value() == 200 * 1024 * 1024);
  CHECK(parse_quantity("1u")->milli == 1);  // rounded up to a milli-unit
  CHECK_FALSE(parse_quantity("abc").has_value());
  CHECK_FALSE(parse_quantity("1Xi").has_value());
  CHECK_FALSE(parse_quantity("").has_value());
  Quantity sum = *parse_quantity("100m");
  sum += *parse_quantity("250m");
  CHECK(format_quantity(sum) == "350m");
}

}  // namespace capstan::orchestrator
