// capstan::Error, the one exception type: a kind, where it happened, and a message worded
// as Helm, Go or Kubernetes word it (the message is printed as is, so it carries its own
// location text when Helm's wording does).
#pragma once

#include <stdexcept>
#include <string>

namespace capstan {

enum class ErrorKind {
  Parse,          // malformed input text: YAML, JSON, template source, --set expressions
  Template,       // a template failed while executing
  Chart,          // a chart is structurally wrong (Chart.yaml, dependencies, archive)
  Values,         // values failed validation or coalescing
  NotFound,       // Kubernetes 404 / missing release / missing file
  AlreadyExists,  // Kubernetes 409 AlreadyExists / release name in use
  Conflict,       // Kubernetes 409 Conflict (stale resourceVersion, locked release)
  Invalid,        // Kubernetes 422 Invalid: an object that fails validation
  Forbidden,      // Kubernetes 403
  BadRequest,     // Kubernetes 400 / bad command-line usage
  Io,             // the file system or the store failed
  Limit,          // a size or depth limit on untrusted input was exceeded
  Internal,       // a bug: an invariant did not hold
};

// Where an error happened in a source text. line and column are 1-based; 0 means unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  bool known() const { return !file.empty() || line > 0; }
  // "file:line:col", "file:line", "file" or "line N" depending on what is known.
  std::string str() const;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message, Location where = {})
      : std::runtime_error(message), kind_(kind), where_(std::move(where)) {}

  ErrorKind kind() const { return kind_; }
  const Location& where() const { return where_; }

 private:
  ErrorKind kind_;
  Location where_;
};

// An Error whose message is prefixed with its location: "values.yaml:3:7: <message>".
Error located_error(ErrorKind kind, const Location& where, const std::string& message);

}  // namespace capstan
