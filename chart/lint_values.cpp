// pkg/lint/rules/values.go: values.yaml must exist (else INFO) and parse; the user's values
// coalesced over it (top level only, as CoalesceTables) must satisfy values.schema.json.
#include <sys/stat.h>

#include "chart/coalesce.h"
#include "chart/lint.h"
#include "chart/os_error.h"
#include "chart/value_options.h"
#include "chart/values_schema.h"
#include "core/error.h"

namespace capstan::chart::lint {

void values(Linter& linter, const Context& ctx) {
  const std::string file = "values.yaml";
  const std::string path = linter.chart_dir + "/" + file;
  struct stat st {};
  if (!linter.run(Severity::Info, file,
                  ::stat(path.c_str(), &st) != 0 ? std::optional<std::string>("file does not exist")
                                                 : std::nullopt)) {
    return;
  }
  std::optional<std::string> err;
  try {
    Value values;
    try {
      values = read_values(read_os_file(path));
    } catch (const Error& e) {
      throw Error(e.kind(), "unable to parse YAML: " + std::string(e.what()));
    }
    Value coalesced = coalesce_tables(Value::empty_map(), ctx.values.deep_copy(), ctx.log);
    coalesced = coalesce_tables(coalesced, values, ctx.log);
    std::string schema;
    try {
      schema = read_os_file(linter.chart_dir + "/values.schema.json");
    } catch (const Error&) {
      // A missing schema reads as empty: nothing to validate.
    }
    if (!schema.empty())
      err = validate_against_single_schema(coalesced, schema);
  } catch (const Error& e) {
    err = e.what();
  }
  linter.run(Severity::Error, file, err);
}

}  // namespace capstan::chart::lint
