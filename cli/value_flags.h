// Helm's value flags (-f/--values, --set, --set-string, --set-file, --set-json,
// --set-literal) bound to a chart::ValueOptions.
#pragma once

#include <CLI/App.hpp>

#include "chart/value_options.h"

namespace capstan::cli {

inline void add_value_flags(CLI::App* cmd, chart::ValueOptions& v) {
  cmd->add_option("-f,--values", v.value_files,
                  "specify values in a YAML file (can specify multiple)");
  cmd->add_option("--set", v.values, "set values on the command line (key1=val1,key2=val2)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--set-string", v.string_values, "set STRING values on the command line");
  cmd->add_option("--set-file", v.file_values, "set values from respective files");
  cmd->add_option("--set-json", v.json_values, "set JSON values on the command line");
  cmd->add_option("--set-literal", v.literal_values, "set a literal STRING value");
}

}  // namespace capstan::cli
