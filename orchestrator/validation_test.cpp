// Name rules and field errors with apimachinery's wording.
#include "orchestrator/validation.h"

#include <catch2/catch.hpp>

#include "core/value.h"

namespace capstan::orchestrator {

TEST_CASE("DNS-1123 and DNS-1035 names", "[validation]") {
  CHECK(dns1123_subdomain_errors("echo-59dfb6bdf7-qkth6").empty());
  CHECK(dns1123_subdomain_errors("a.b.c").empty());
  CHECK(dns1123_label_errors("kube-system").empty());
  CHECK(dns1035_label_errors("echo").empty());
  CHECK(dns1123_label_errors("a.b") == std::vector<std::string>{"must not contain dots"});
  CHECK(dns1035_label_errors("1abc") ==
        std::vector<std::string>{
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "
            "with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', "
            " or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"});
  CHECK(dns1123_subdomain_errors("Echo") ==
        std::vector<std::string>{
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
            "'-' or '.', and must start and end with an alphanumeric character (e.g. "
            "'example.com', regex used for validation is "
            "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"});
  CHECK(dns1123_label_errors(std::string(64, 'a')) ==
        std::vector<std::string>{"must be no more than 63 characters"});
  CHECK(qualified_name_errors("app.kubernetes.io/name").empty());
  CHECK(qualified_name_errors("/x") == std::vector<std::string>{"prefix part must be non-empty"});
  CHECK(label_value_errors("").empty());
  CHECK(label_value_errors("-x").size() == 1);
}

TEST_CASE("invalid errors aggregate like the API server", "[validation]") {
  const Error one = invalid_error("Deployment.apps", "Echo",
                                  {field_invalid("metadata.name", Value("Echo"), "bad")});
  CHECK(std::string(one.what()) ==
        "Deployment.apps \"Echo\" is invalid: metadata.name: Invalid value: \"Echo\": bad");
  CHECK(one.kind() == ErrorKind::Invalid);
  const Error two = invalid_error(
      "Service", "echo",
      {field_invalid("spec.ports[0].nodePort", Value::integer(80),
                     "provided port is not in the valid range. The range of valid ports is "
                     "30000-32767"),
       field_required("spec.ports[1].port")});
  CHECK(std::string(two.what()) ==
        "Service \"echo\" is invalid: [spec.ports[0].nodePort: Invalid value: 80: provided port "
        "is not in the valid range. The range of valid ports is 30000-32767, "
        "spec.ports[1].port: Required value]");
  CHECK(field_not_supported("spec.type", Value("Foo"), {"ClusterIP", "NodePort"}).str() ==
        "spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\", \"NodePort\"");
}

}  // namespace capstan::orchestrator
