// Conformance cases (testdata/templating/conformance/**.txt): each renders a one-template
// chart exactly as Helm's engine does, through Engine, and must equal what the Helm oracle
// printed (regenerated only by testdata/templating/regen.py).
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "core/error.h"
#include "core/yaml.h"
#include "templating/engine.h"
#include "templating/helm_types.h"
#include "tests/support/testing.h"

namespace capstan::templating {
namespace {

struct Case {
  std::vector<std::pair<std::string, std::string>> sections;
  const std::string* find(std::string_view name) const {
    for (const auto& [n, content] : sections) {
      if (n == name) return &content;
    }
    return nullptr;
  }
};

Case parse_case(const std::string& text) {
  static const std::regex marker(R"(^-- (.+?)( \(no newline at end\))? --$)");
  Case c;
  std::string name, content;
  bool nonl = false, open = false;
  auto flush = [&] {
    if (!open) return;
    if (nonl && !content.empty() && content.back() == '\n') content.pop_back();
    c.sections.emplace_back(name, content);
  };
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t nl = text.find('\n', from);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(from, nl - from);
    std::smatch m;
    if (std::regex_match(line, m, marker)) {
      flush();
      name = m[1];
      nonl = m[2].matched;
      content.clear();
      open = true;
    } else {
      content += line;
      content += '\n';
    }
    from = nl + 1;
  }
  flush();
  return c;
}

// What client-go v0.36 registers plus apiextensions v1 and v1beta1 (the oracle's defaults).
std::vector<std::string> default_api_versions() {
  return {"v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1",
          "admissionregistration.k8s.io/v1beta1", "internal.apiserver.k8s.io/v1alpha1", "apps/v1",
          "apps/v1beta1", "apps/v1beta2", "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1",
          "authentication.k8s.io/v1beta1", "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1",
          "autoscaling/v1", "autoscaling/v2", "batch/v1", "batch/v1beta1", "certificates.k8s.io/v1",
          "certificates.k8s.io/v1alpha1", "certificates.k8s.io/v1beta1", "coordination.k8s.io/v1",
          "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1", "discovery.k8s.io/v1",
          "discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1", "extensions/v1beta1",
          "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1",
          "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3",
          "networking.k8s.io/v1", "networking.k8s.io/v1beta1", "node.k8s.io/v1", "node.k8s.io/v1alpha1",
          "node.k8s.io/v1beta1", "policy/v1", "policy/v1beta1", "rbac.authorization.k8s.io/v1",
          "rbac.authorization.k8s.io/v1alpha1", "rbac.authorization.k8s.io/v1beta1", "resource.k8s.io/v1",
          "resource.k8s.io/v1alpha3", "resource.k8s.io/v1beta1", "resource.k8s.io/v1beta2",
          "scheduling.k8s.io/v1", "scheduling.k8s.io/v1alpha2", "scheduling.k8s.io/v1beta1",
          "storage.k8s.io/v1", "storage.k8s.io/v1alpha1", "storage.k8s.io/v1beta1",
          "storagemigration.k8s.io/v1beta1", "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1"};
}

constexpr std::string_view kCaseName = "conformance/templates/case.yaml";
constexpr std::string_view kHelpersName = "conformance/templates/_helpers.tpl";

// The data Helm's engine passes to templates/case.yaml of the chart `conformance`.
Value render_data(const Case& c) {
  Value values = Value::empty_map();
  if (const std::string* v = c.find("values.yaml")) {
    Value decoded = yaml::decode(*v);
    if (decoded.is_map()) values = decoded;
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [name, content] : c.sections) {
    if (name.rfind("file:", 0) == 0) files.emplace_back(name.substr(5), content);
  }
  const Value metadata =
      Value::map_of({{"apiVersion", "v2"}, {"name", "conformance"}, {"version", "0.1.0"}});
  Value release = Value::map_of({{"Name", "release-name"},
                                 {"Namespace", "default"},
                                 {"IsUpgrade", false},
                                 {"IsInstall", true},
                                 {"Revision", 1},
                                 {"Service", "Helm"}});
  Value top = Value::map_of({
      {"Chart", helm::chart(metadata, true)},
      {"Files", helm::files(std::move(files))},
      {"Release", release},
      {"Capabilities", helm::capabilities({}, default_api_versions())},
      {"Values", helm::values(values)},
      {"Subcharts", Value::empty_map()},
      {"Template", helm::values(Value::map_of({{"Name", std::string(kCaseName)},
                                               {"BasePath", "conformance/templates"}}))},
  });
  return helm::values(top);
}

// The engine options for the oracle flags of a case's `flags` section (--deterministic).
EngineOptions case_options(const Case& c) {
  EngineOptions options;
  if (const std::string* flags = c.find("flags")) {
    std::istringstream in(*flags);
    for (std::string flag; in >> flag;) {
      if (flag == "--deterministic") options.deterministic = true;
    }
  }
  return options;
}

// Renders as Helm does: parse every template (deepest path first, then reverse lexical order:
// case.yaml before _helpers.tpl), then execute case.yaml.
std::pair<std::string, bool> render_case(const Case& c) {
  Engine engine(case_options(c));
  try {
    engine.parse(kCaseName, *c.find("template"));
    if (const std::string* partials = c.find("partials")) engine.parse(kHelpersName, *partials);
    return {engine.render(kCaseName, render_data(c)), true};
  } catch (const Error& e) {
    return {e.what(), false};
  }
}

const testing::FileCases conformance("templating/conformance", ".txt", [](const std::filesystem::path& file) {
  const Case c = parse_case(testing::read_file(file));
  REQUIRE(c.find("template") != nullptr);
  const auto [result, ok] = render_case(c);
  if (const std::string* want = c.find("output")) {
    INFO("expected output; got " << (ok ? "output" : "error: " + result));
    CHECK(ok);
    CHECK(result == *want);
  } else {
    const std::string* error = c.find("error");
    REQUIRE(error != nullptr);
    INFO("expected error; got " << (ok ? "output: " + result : "error"));
    CHECK_FALSE(ok);
    CHECK(result == *error);
  }
});

}  // namespace
}  // namespace capstan::templating
