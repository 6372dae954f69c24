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
