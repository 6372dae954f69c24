// Label selectors: apimachinery's parser cases (selector_test.go), matching, LabelSelector
// objects and the canonical strings.
#include "orchestrator/labels.h"

#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/value.h"

namespace capstan::orchestrator {

namespace {
Value labels(std::initializer_list<std::pair<std::string_view, Value>> kv) { return Value::map_of(kv); }

std::string parse_error(std::string_view text) {
  try {
    parse_selector(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("selector strings round-trip (TestSelectorParse)", "[labels]") {
  for (const char* s : {"x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1",
                        "x>1,z<5"}) {
    std::string want = s;
    want.erase(std::remove(want.begin(), want.end(), ' '), want.end());
    CHECK(parse_selector(s).str() == want);
  }
  for (const char* s : {"x=a||y=b", "x==a==b", "!x=a", "x<a"}) {
    INFO(s);
    CHECK_THROWS_AS(parse_selector(s), Error);
  }
}

TEST_CASE("set-based selectors (TestSetSelectorParser)", "[labels]") {
  const std::pair<const char*, const char*> good[] = {
      {"\rx", "x"},
      {"this-is-another-dns.domain.com/key-with-dash in (so,what)",
       "this-is-another-dns.domain.com/key-with-dash in (so,what)"},
      {"0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
       "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"},
      {"foo  in\t (abc)", "foo in (abc)"},
      {"x in (abc,)", "x in (,abc)"},
      {"x in ()", "x in ()"},
      {"x notin (abc,,def),bar,z in (),w", "bar,w,x notin (,abc,def),z in ()"},
      {"x,y in (a)", "x,y in (a)"},
      {"x=a,y!=b,z in (h,i,j)", "x=a,y!=b,z in (h,i,j)"},
      {"a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"},
      {"x notin (, a)", "x notin (,a)"},
  };
  for (const auto& [in, want] : good) {
    INFO(in);
    CHECK(parse_selector(in).str() == want);
  }
  for (const char* bad : {"x,,y", ",x,y", "x nott in (y)", "a in (xyz),", "a in (xyz)b notin ()",
                          "a in (xyz abc)", "a notin(", "a (", "("}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_selector(bad), Error);
  }
}

TEST_CASE("selector parse errors are worded as apimachinery words them", "[labels]") {
  CHECK(parse_error("x==a==b") == "found '==', expected: ',' or 'end of string'");
  CHECK(parse_error("(") == "found '(', expected: !, identifier, or 'end of string'");
  CHECK(parse_error(",x") == "found ',', expected: !, identifier, or 'end of string'");
  CHECK(parse_error("x,,y") == "found ',', expected: identifier after ','");
  CHECK(parse_error("a in (xyz abc)") ==
        "unable to parse requirement: found 'abc', expected: ',' or ')'");
  CHECK(parse_error("a (") ==
        "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt");
  CHECK(parse_error("x<a") ==
        "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, "
        "the value must be an integer");
}

TEST_CASE("selectors match labels", "[labels]") {
  const Value summer = labels({{"app", "echo"}, {"release", "summer"}});
  const Value spring = labels({{"app", "echo"}, {"release", "spring"}});
  const Value none;
  CHECK(parse_selector("app=echo,release=summer").matches(summer));
  CHECK_FALSE(parse_selector("release==summer").matches(spring));
  CHECK(parse_selector("release!=summer").matches(spring));
  CHECK(parse_selector("release!=summer").matches(none));  // != matches a missing key
  CHECK(parse_selector("release in (spring,summer)").matches(spring));
  CHECK(parse_selector("release notin (summer)").matches(none));
  CHECK(parse_selector("app").matches(summer));
  CHECK_FALSE(parse_selector("!app").matches(summer));
  CHECK(parse_selector("").matches(none));
  CHECK(parse_selector("x>1").matches(labels({{"x", "2"}})));
  CHECK_FALSE(parse_selector("x>1").matches(labels({{"x", "b"}})));
}

TEST_CASE("LabelSelector objects: null matches nothing, empty everything", "[labels]") {
  const Value app = labels({{"app", "echo"}, {"tier", "web"}});
  CHECK_FALSE(label_selector_as_selector(Value()).matches(app));
  CHECK(label_selector_as_selector(Value::empty_map()).matches(app));
  const Value ls = Value::map_of(
      {{"matchLabels", labels({{"app", "echo"}})},
       {"matchExpressions",
        Value::list_of({Value::map_of({{"key", "tier"}, {"operator", "In"},
                                       {"values", Value::list_of({"web", "api"})}}),
                        Value::map_of({{"key", "canary"}, {"operator", "DoesNotExist"}})})}});
  const Selector s = label_selector_as_selector(ls);
  CHECK(s.matches(app));
  CHECK(s.str() == "app=echo,!canary,tier in (api,web)");
  CHECK(format_label_selector(ls) == "app=echo,!canary,tier in (api,web)");
  CHECK(format_label_selector(Value::empty_map()) == "<none>");
  const Value bad = Value::map_of(
      {{"matchExpressions", Value::list_of({Value::map_of({{"key", "a"}, {"operator", "Foo"}})})}});
  CHECK_THROWS_WITH(label_selector_as_selector(bad), "\"Foo\" is not a valid label selector operator");
  CHECK(format_label_selector(bad) == "<error>");
  CHECK(format_labels(app) == "app=echo,tier=web");
  CHECK(format_labels(Value()) == "<none>");
}

}  // namespace capstan::orchestrator
