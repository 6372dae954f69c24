// strconv.FormatFloat: expected strings are what Go 1.19 prints.
#include "core/strconv.h"

#include <catch2/catch.hpp>
#include <limits>

using capstan::strconv::format_float;

TEST_CASE("format_float shortest 'g' switches to exponent form as Go does", "[strconv]") {
  CHECK(format_float(3, 'g', -1) == "3");
  CHECK(format_float(1000000, 'g', -1) == "1e+06");
  CHECK(format_float(100000, 'g', -1) == "100000");
  CHECK(format_float(123456789, 'g', -1) == "1.23456789e+08");
  CHECK(format_float(0.0001, 'g', -1) == "0.0001");
  CHECK(format_float(0.00001, 'g', -1) == "1e-05");
  CHECK(format_float(1.5, 'g', -1) == "1.5");
  CHECK(format_float(0, 'g', -1) == "0");
  CHECK(format_float(-0.0, 'g', -1) == "-0");
  CHECK(format_float(0.1 + 0.2, 'g', -1) == "0.30000000000000004");
  CHECK(format_float(1e21, 'g', -1) == "1e+21");
}

TEST_CASE("format_float with precision", "[strconv]") {
  CHECK(format_float(3.14159, 'f', 2) == "3.14");
  CHECK(format_float(2.5, 'f', 0) == "2");
  CHECK(format_float(1000000, 'e', 6) == "1.000000e+06");
  CHECK(format_float(1234.5678, 'g', 3) == "1.23e+03");
  CHECK(format_float(1234.5678, 'g', 6) == "1234.57");
  CHECK(format_float(100, 'g', 6) == "100");
  CHECK(format_float(1e-7, 'e', -1) == "1e-07");
  CHECK(format_float(123456, 'f', -1) == "123456");
  CHECK(format_float(0.000123, 'f', -1) == "0.000123");
}

TEST_CASE("format_float special values", "[strconv]") {
  CHECK(format_float(std::numeric_limits<double>::quiet_NaN(), 'g', -1) == "NaN");
  CHECK(format_float(std::numeric_limits<double>::infinity(), 'g', -1) == "+Inf");
  CHECK(format_float(-std::numeric_limits<double>::infinity(), 'f', 2) == "-Inf");
}

// ---------------------------------------------------------------------------------------------
// Quoting, parsing and IsPrint against a table printed by Go (testdata/templating/gen/strconvcases).

#include <sstream>
#include <vector>

#include "tests/support/testing.h"

namespace {

namespace sc = capstan::strconv;

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

std::string go_string(const std::string& quoted) {
  auto s = sc::unquote(quoted);
  REQUIRE(s.has_value());
  return *s;
}

std::string err_kind(sc::NumError e) {
  return e == sc::NumError::None ? "ok" : e == sc::NumError::Range ? "range" : "syntax";
}

}  // namespace

TEST_CASE("strconv matches Go's quoting, parsing and IsPrint", "[strconv]") {
  std::istringstream in(capstan::testing::read_file(capstan::testing::testdata("templating/strconv_cases.txt")));
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    const auto f = split_tabs(line);
    INFO(line);
    const std::string& kind = f[0];
    if (kind == "quote") {
      CHECK(sc::quote(go_string(f[1])) == go_string(f[2]));
    } else if (kind == "qascii") {
      CHECK(sc::quote_to_ascii(go_string(f[1])) == go_string(f[2]));
    } else if (kind == "qrune") {
      CHECK(sc::quote_rune(std::stoi(f[1])) == go_string(f[2]));
    } else if (kind == "qruneascii") {
      CHECK(sc::quote_rune_to_ascii(std::stoi(f[1])) == go_string(f[2]));
    } else if (kind == "unquote") {
      auto got = sc::unquote(go_string(f[1]));
      if (f[2] == "ERR") {
        CHECK_FALSE(got.has_value());
      } else {
        REQUIRE(got.has_value());
        CHECK(*got == go_string(f[2]));
      }
    } else if (kind == "int") {
      auto r = sc::parse_int(go_string(f[1]), std::stoi(f[2]), 64);
      CHECK(err_kind(r.err) == f[4]);
      CHECK(std::to_string(r.value) == f[3]);
    } else if (kind == "uint") {
      auto r = sc::parse_uint(go_string(f[1]), std::stoi(f[2]), 64);
      CHECK(err_kind(r.err) == f[4]);
      CHECK(std::to_string(r.value) == f[3]);
    } else if (kind == "int8") {
      auto r = sc::parse_int(go_string(f[1]), 10, 8);
      CHECK(err_kind(r.err) == f[3]);
      CHECK(std::to_string(r.value) == f[2]);
    } else if (kind == "float") {
      const int bits = std::stoi(f[2]);
      auto r = sc::parse_float(go_string(f[1]), bits);
      CHECK(err_kind(r.err) == f[4]);
      CHECK(sc::format_float(r.value, 'g', -1, bits) == f[3]);
    } else if (kind == "ffmt") {
      const double v = sc::parse_float(f[1]).value;
      CHECK(sc::format_float(v, f[2][0], std::stoi(f[3]), std::stoi(f[4])) == f[5]);
    } else if (kind == "fint") {
      CHECK(sc::format_int(std::stoll(f[1]), std::stoi(f[2])) == f[3]);
    } else if (kind == "print") {
      CHECK(sc::is_print(std::stoi(f[1])) == (f[2] == "true"));
    } else {
      FAIL("unknown case kind " << kind);
    }
    ++checked;
  }
  CHECK(checked > 2000);
}

TEST_CASE("num_error_message is worded as *strconv.NumError", "[strconv]") {
  CHECK(sc::num_error_message("ParseInt", "x", sc::NumError::Syntax) ==
        "strconv.ParseInt: parsing \"x\": invalid syntax");
  CHECK(sc::num_error_message("ParseFloat", "1e400", sc::NumError::Range) ==
        "strconv.ParseFloat: parsing \"1e400\": value out of range");
}
