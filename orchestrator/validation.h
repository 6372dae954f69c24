// Kubernetes validation vocabulary: the name rules (DNS-1123 subdomain and label, DNS-1035
// label, qualified names, label values) with apimachinery's exact messages, field errors worded
// as field.Error prints them, and the 422 "is invalid" error the API server returns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace capstan {
class Value;
}

namespace capstan::orchestrator {

// Each returns the list of problems (empty when valid), as validation.IsXxx does.
std::vector<std::string> dns1123_subdomain_errors(std::string_view value);
std::vector<std::string> dns1123_label_errors(std::string_view value);
std::vector<std::string> dns1035_label_errors(std::string_view value);
std::vector<std::string> qualified_name_errors(std::string_view value);
std::vector<std::string> label_value_errors(std::string_view value);

// One field.Error, already rendered: "<field>: <body>".
struct FieldError {
  std::string field;
  std::string body;
  std::string str() const { return field + ": " + body; }
};

// field.Invalid with a JSON-ish bad value printed as Go prints it (%q for strings, %v for
// numbers and booleans).
FieldError field_invalid(std::string field, const Value& bad, std::string_view detail);
// field.Invalid whose bad value is already rendered (Go's %#v of a struct, say).
FieldError field_invalid_text(std::string field, std::string_view rendered, std::string_view detail);
FieldError field_required(std::string field, std::string_view detail = "");
FieldError field_forbidden(std::string field, std::string_view detail);
FieldError field_duplicate(std::string field, const Value& bad);
FieldError field_not_supported(std::string field, const Value& bad,
                               const std::vector<std::string>& supported);

// utilerrors.NewAggregate(...).Error(): one message as is, several as "[a, b]" (duplicates
// removed).
std::string aggregate(const std::vector<FieldError>& errors);

// A 422 Invalid error that keeps its details (kind, name, causes), which kubectl prints
// differently from the API server's one-line message.
class InvalidError : public Error {
 public:
  InvalidError(std::string kind, std::string name, std::vector<std::string> causes, const std::string& message)
      : Error(ErrorKind::Invalid, message), kind_(std::move(kind)), name_(std::move(name)), causes_(std::move(causes)) {}
  const std::string& kind() const { return kind_; }  // without the group: "Deployment"
  const std::string& name() const { return name_; }
  const std::vector<std::string>& causes() const { return causes_; }

 private:
  std::string kind_, name_;
  std::vector<std::string> causes_;
};

// apierrors.NewInvalid: `Deployment.apps "x" is invalid: <aggregate>`.
InvalidError invalid_error(std::string_view qualified_kind, std::string_view name,
                           const std::vector<FieldError>& errors);

}  // namespace capstan::orchestrator
