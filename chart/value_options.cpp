// -f and --set* into one map (see value_options.h).
#include "chart/value_options.h"

#include <iostream>
#include <iterator>

#include "chart/json_struct.h"
#include "chart/os_error.h"
#include "chart/strvals.h"
#include "chart/values.h"
#include "core/error.h"
#include "core/yaml.h"

namespace capstan::chart {

std::string read_value_file(const std::string& path) {
  std::string_view trimmed = path;
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  if (trimmed == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  return read_os_file(path);
}

Value read_values(std::string_view yaml_text) {
  Value v = yaml::decode(yaml_text);
  if (v.is_null())
    return Value::empty_map();
  if (!v.is_map()) {
    throw Error(ErrorKind::Parse,
                "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " +
                    std::string(JsonStructDecoder::json_kind(v)) +
                    " into Go value of type map[string]interface {}");
  }
  return v;
}

Value merge_maps(const Value& a, const Value& b) {
  Value out = Value::empty_map();
  if (a.is_map()) {
    for (const auto& [k, v] : a.map().entries) out.set(k, v);
  }
  if (b.is_map()) {
    for (const auto& [k, v] : b.map().entries) {
      const Value* existing = out.find(k);
      if (is_table(v) && existing != nullptr && is_table(*existing)) {
        out.set(k, merge_maps(*existing, v));
      } else {
        out.set(k, v);
      }
    }
  }
  return out;
}

namespace {

template <typename Parse>
void apply_all(const std::vector<std::string>& args, Value& base, const std::string& flag,
               Parse parse) {
  for (const std::string& arg : args) {
    try {
      parse(arg, base);
    } catch (const Error& e) {
      throw Error(ErrorKind::BadRequest, "failed parsing " + flag + " data: " + e.what());
    }
  }
}

}  // namespace

Value merge_user_values(const ValueOptions& options, const ValueFileReader& read) {
  Value base = Value::empty_map();
  for (const std::string& file : options.value_files) {
    std::string data = read(file);
    Value current;
    try {
      current = read_values(data);
    } catch (const Error& e) {
      throw Error(ErrorKind::Parse, "failed to parse " + file + ": " + e.what(), e.where());
    }
    base = merge_maps(base, current);
  }
  for (const std::string& arg : options.json_values) {
    try {
      strvals::parse_json(arg, base);
    } catch (const Error&) {
      // Helm drops the reason here.
      throw Error(ErrorKind::BadRequest, "failed parsing --set-json data " + arg);
    }
  }
  apply_all(options.values, base, "--set", strvals::parse_into);
  apply_all(options.string_values, base, "--set-string", strvals::parse_into_string);
  apply_all(options.file_values, base, "--set-file",
            [&](std::string_view arg, Value& dest) { strvals::parse_into_file(arg, dest, read); });
  apply_all(options.literal_values, base, "--set-literal", strvals::parse_literal_into);
  return base;
}

}  // namespace capstan::chart
