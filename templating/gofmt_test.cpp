// Go's fmt over Values against a table printed by Go (testdata/templating/gen/fmtcases).
#include "templating/gofmt.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "core/strconv.h"
#include "tests/support/testing.h"

namespace capstan::templating {
namespace {

// Reads the generator's typed operand syntax: int(5), string("x"), list(...), map("k": v).
class ArgReader {
 public:
  explicit ArgReader(std::string_view s) : s_(s) {}

  std::vector<Value> all() {
    std::vector<Value> out;
    skip();
    while (i_ < s_.size()) {
      out.push_back(value());
      skip();
      if (i_ < s_.size() && s_[i_] == ',') ++i_;
      skip();
    }
    return out;
  }

 private:
  void skip() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }

  std::string quoted() {
    skip();
    REQUIRE(s_[i_] == '"');
    std::size_t j = i_ + 1;
    while (s_[j] != '"') j += s_[j] == '\\' ? 2 : 1;
    auto text = strconv::unquote(s_.substr(i_, j + 1 - i_));
    REQUIRE(text.has_value());
    i_ = j + 1;
    return *text;
  }

  std::string_view until_close() {
    const std::size_t close = s_.find(')', i_);
    std::string_view text = s_.substr(i_, close - i_);
    i_ = close + 1;
    return text;
  }

  Value value() {
    skip();
    if (s_.substr(i_, 3) == "nil") {
      i_ += 3;
      return Value();
    }
    const std::size_t open = s_.find('(', i_);
    const std::string_view kind = s_.substr(i_, open - i_);
    i_ = open + 1;
    if (kind == "string" || kind == "bytes") {
      std::string text = quoted();
      ++i_;  // ')'
      return kind == "string" ? Value(text) : Value::bytes(text);
    }
    if (kind == "list" || kind == "strings") {
      Value list = Value::empty_list(kind == "list" ? "interface {}" : "string");
      skip();
      while (s_[i_] != ')') {
        list.push_back(kind == "list" ? value() : Value(quoted()));
        skip();
        if (s_[i_] == ',') ++i_;
        skip();
      }
      ++i_;
      return list;
    }
    if (kind == "map") {
      Value map = Value::empty_map();
      skip();
      while (s_[i_] != ')') {
        std::string key = quoted();
        skip();
        ++i_;  // ':'
        map.set(key, value());
        skip();
        if (s_[i_] == ',') ++i_;
        skip();
      }
      ++i_;
      return map;
    }
    const std::string text(until_close());
    if (kind == "bool") return Value(text == "true");
    if (kind == "float64") return Value::floating(strconv::parse_float(text).value);
    if (kind == "float32") return Value::floating(strconv::parse_float(text, 32).value, NumType::Float32);
    if (kind == "int") return Value::integer(std::stoll(text), NumType::Int);
    if (kind == "int8") return Value::integer(std::stoll(text), NumType::Int8);
    if (kind == "int32") return Value::integer(std::stoll(text), NumType::Int32);
    if (kind == "int64") return Value::integer(std::stoll(text), NumType::Int64);
    if (kind == "uint") return Value::unsigned_integer(std::stoull(text), NumType::Uint);
    if (kind == "uint8") return Value::unsigned_integer(std::stoull(text), NumType::Uint8);
    if (kind == "uint64") return Value::unsigned_integer(std::stoull(text), NumType::Uint64);
    FAIL("unknown operand kind " << kind);
    return Value();
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

TEST_CASE("gofmt prints every verb, flag and operand as Go's fmt", "[gofmt]") {
  std::istringstream in(testing::read_file(testing::testdata("templating/fmt_cases.txt")));
  std::string line;
  int checked = 0, failed = 0;
  while (std::getline(in, line)) {
    const auto f = split_tabs(line);
    const std::string format = *strconv::unquote(f[1]);
    const std::vector<Value> args = ArgReader(f[2]).all();
    const std::string want = *strconv::unquote(f[3]);
    std::string got;
    if (f[0] == "printf") {
      got = gofmt::sprintf(format, args);
    } else if (f[0] == "print") {
      got = gofmt::sprint(args);
    } else {
      got = gofmt::sprintln(args);
    }
    if (got != want) {
      ++failed;
      if (failed <= 40) {
        INFO(line);
        CHECK(got == want);
      }
    }
    ++checked;
  }
  CHECK(failed == 0);
  CHECK(checked > 9000);
}

}  // namespace
}  // namespace capstan::templating
