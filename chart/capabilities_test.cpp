// .Capabilities defaults and --kube-version parsing (k8s.io/apimachinery ParseGeneric).
#include "chart/capabilities.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace {

namespace chart = capstan::chart;

std::string parse_error(const char* text) {
  try {
    chart::parse_kube_version(text);
  } catch (const capstan::Error& e) {
    return e.what();
  }
  return "";
}

TEST_CASE("capabilities: the official v3.21.4 binary's defaults") {
  chart::Capabilities caps = chart::default_capabilities();
  CHECK(caps.kube_version.version == "v1.36.0");
  CHECK(caps.kube_version.major == "1");
  CHECK(caps.kube_version.minor == "36");
  CHECK(caps.helm_version.version == "v3.21.4");
  CHECK(caps.has_api_version("apps/v1"));
  CHECK(caps.has_api_version("apiextensions.k8s.io/v1"));
  CHECK_FALSE(caps.has_api_version("apps/v1/Deployment"));
  CHECK(caps.api_versions.size() == 55);
}

TEST_CASE("capabilities: --kube-version is read as apimachinery's ParseGeneric reads it") {
  auto kv = chart::parse_kube_version("1.29");
  CHECK(kv.version == "v1.29");
  CHECK(kv.major == "1");
  CHECK(kv.minor == "29");
  CHECK(chart::parse_kube_version(" v1.21.3-beta.1+x").version == "v1.21.3");
  CHECK(chart::parse_kube_version("1.02.3").version == "v1.2.3");
  CHECK(parse_error("1") == "illegal version string \"1\"");
  CHECK(parse_error("x1.2") == "could not parse \"x1.2\" as version");
  CHECK(parse_error("01.2") == "illegal zero-prefixed version component \"01\" in \"01.2\"");
  CHECK(parse_error("1.99999999999999999999") ==
        "illegal non-numeric version component \"99999999999999999999\" in "
        "\"1.99999999999999999999\": strconv.ParseUint: parsing \"99999999999999999999\": value "
        "out of range");
}

}  // namespace
