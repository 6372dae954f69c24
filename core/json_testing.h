// Test helpers for the codec case tables under testdata/core/ (made by testdata/core/gen/):
// each case is one line of tab-separated columns, bytes outside printable ASCII and the
// backslash written as \xHH; decoded values are compared through a typed dump that the Go
// generators print the same way (gen/common/common.go). Included by *_test.cpp only.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/strconv.h"
#include "core/value.h"
#include "tests/support/testing.h"

namespace capstan::codec_testing {

inline std::string escape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += ch;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

inline std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 2, 2)), nullptr, 16));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The dump of gen/common/common.go's Dump.
inline std::string dump(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return "null";
    case Value::Kind::Bool:
      return v.as_bool() ? "true" : "false";
    case Value::Kind::Int:
      return std::string(num_type_name(v.num_type())) + ":" + std::to_string(v.as_int());
    case Value::Kind::Uint:
      return std::string(num_type_name(v.num_type())) + ":" + std::to_string(v.as_uint());
    case Value::Kind::Float:
      return std::string(num_type_name(v.num_type())) + ":" +
             strconv::format_float(v.as_float(), 'g', -1);
    case Value::Kind::String:
    case Value::Kind::Bytes: {
      std::string out = "\"";
      for (char c : v.as_string()) {
        if (c == '\\') {
          out += "\\x5c";
        } else if (c == '"') {
          out += "\\x22";
        } else {
          out += c;
        }
      }
      return out + "\"";
    }
    case Value::Kind::List: {
      std::string out = "[";
      for (const Value& item : v.list().items) {
        if (out.size() > 1)
          out += ',';
        out += dump(item);
      }
      return out + "]";
    }
    case Value::Kind::Map: {
      std::string out = "{";
      for (const auto& [key, item] : v.map().entries) {
        if (out.size() > 1)
          out += ',';
        out += dump(Value(key)) + ":" + dump(item);
      }
      return out + "}";
    }
    case Value::Kind::Object:
      return "object:" + v.type_name();
  }
  return "?";
}

// A dump, or "error: " and the message, as the generators write results.
inline std::string result(const std::function<Value()>& fn) {
  try {
    return dump(fn());
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

struct Row {
  int line = 0;
  std::vector<std::string> cols;  // unescaped
};

// The case lines of a table (comments and blank lines skipped), columns unescaped.
inline std::vector<Row> read_table(const std::filesystem::path& path) {
  std::vector<Row> rows;
  const std::string text = capstan::testing::read_file(path);
  int line_no = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos)
      end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#')
      continue;
    Row row{line_no, {}};
    for (std::size_t start = 0;;) {
      std::size_t tab = line.find('\t', start);
      row.cols.push_back(
          unescape(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start)));
      if (tab == std::string_view::npos)
        break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace capstan::codec_testing
