// Printing validation errors as jsonschema v6's ValidationError.Error() does (output.go).
#include "chart/schema_errors.h"

#include "chart/schema_url.h"
#include "core/strconv.h"

namespace capstan::chart::jsonschema {

namespace {

void display(const ValidationError& e, std::string& sb, int indent) {
  // A reference with a single cause adds nothing: its cause is shown in its place.
  const bool skip = e.causes.size() == 1 && e.kind == ValidationError::Kind::Reference;
  if (!skip) {
    if (indent > 0) {
      sb += '\n';
      for (int i = 0; i < indent - 1; ++i) sb += "  ";
      sb += "- ";
    }
    ++indent;
    if (e.kind == ValidationError::Kind::Schema) {
      sb += e.message;
    } else {
      sb += "at " + single_quote(json_pointer(e.instance_location)) + ": " + e.message;
    }
  }
  for (const ValidationError& cause : e.causes) display(cause, sb, indent);
}

}  // namespace

std::string single_quote(std::string_view s) {
  const std::string q = strconv::quote(s);
  std::string out = "'";
  for (std::size_t i = 1; i + 1 < q.size(); ++i) {
    if (q[i] == '\\' && q[i + 1] == '"') {
      out += '"';
      ++i;
    } else if (q[i] == '\'') {
      out += "\\'";
    } else {
      out += q[i];
    }
  }
  return out + "'";
}

std::string json_pointer(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) out += "/" + pointer_escape(t);
  return out;
}

std::string ValidationError::error() const {
  std::string sb;
  display(*this, sb, 0);
  return sb;
}

}  // namespace capstan::chart::jsonschema
