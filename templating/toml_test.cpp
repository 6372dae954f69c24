// toToml and fromToml where BurntSushi/toml v1.6.0 (Helm v3.21.4's) differs from the Debian
// v1.2.0 the oracle is built with, so conformance cases cannot pin it. Each expectation cites
// the v1.6.0 source (github.com/BurntSushi/toml, tag v1.6.0) it follows; the texts were
// checked against that library.
#include "templating/toml.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "templating/engine.h"
#include "templating/helm_types.h"

namespace capstan::templating {
namespace {

std::string render(std::string_view text, const Value& data = Value::empty_map()) {
  Engine engine;
  engine.parse("t", text);
  return engine.render("t", data);
}

// fromToml's error text for a document given as a Go string literal's contents.
std::string from_toml_error(std::string_view doc) {
  try {
    toml::decode(doc);
  } catch (const toml::ParseError& e) {
    return e.text();
  }
  return "(no error)";
}

TEST_CASE("toToml formats floats as v1.6 does", "[toml]") {
  // encode.go eElement: strconv.FormatFloat(f, 'g', -1, 64), and floatAddDecimal adds ".0"
  // only without '.' or an exponent (v1.2 used 'f': "1000000.0").
  CHECK(
      render(
          R"({{ toToml (dict "a" 1e6 "b" 1.5e-5 "c" 123456789.0 "d" 1e21 "e" 100000.0 "f" 0.0001) }})") ==
      "a = 1e+06\nb = 1.5e-05\nc = 1.23456789e+08\nd = 1e+21\ne = 100000.0\nf = 0.0001\n");
  // Values-file numbers are float64: a million is written in exponent form.
  const Value data =
      Value::map_of({{"Values", Value::map_of({{"big", Value::floating(1000000)}})}});
  CHECK(render("{{ toToml .Values }}", data) == "big = 1e+06\n");
  // eElement: "inf" and "nan" with a '-' only when the sign bit is set (v1.2: "+inf", "nan").
  CHECK(render(R"({{ toToml (dict "p" (float64 "+Inf") "n" (float64 "-Inf")) }})") ==
        "n = -inf\np = inf\n");
  CHECK(toml::encode(Value::map_of(
            {{"x", Value::floating(-std::numeric_limits<double>::quiet_NaN())}})) == "x = -nan\n");
  CHECK(toml::encode(Value::map_of({{"x", Value::floating(1e6, NumType::Float32)}})) ==
        "x = 1e+06\n");
}

TEST_CASE("toToml of a top-level scalar or array writes the value (v1.6)", "[toml]") {
  // encode.go writeKeyValue: with an empty key, eElement(val) (v1.2 failed with errNoKey).
  CHECK(
      render(
          R"({{ toToml 1 }}|{{ toToml (list 1 "x") }}|{{ toToml "s" }}|{{ toToml 2.0 }}|{{ toToml true }}|{{ toToml (list) }})") ==
      R"(1|[1, "x"]|"s"|2.0|true|[])");
  CHECK(render(R"({{ toToml (toDate "2006-01-02" "2020-03-04") }})") == "2020-03-04T00:00:00Z");
  // An array of tables still needs a key: eArrayOfTables panics with errNoKey.
  CHECK(render(R"({{ toToml (list (dict "a" 1)) }})") ==
        "toml: top-level values must be Go maps or structs");
}

TEST_CASE("toToml separates inline struct fields as v1.6 does", "[toml]") {
  // encode.go eStruct: a comma after every field whose outermost index is not the last of all
  // collected fields (direct and sub-table ones together; v1.2 compared within each group, so
  // it wrote "}, }" after HelmVersion).
  const Value data = Value::map_of({{"Capabilities", helm::capabilities({}, {"v1"})}});
  CHECK(render(R"({{ toToml (dict "c" (list 1 .Capabilities)) }})", data) ==
        "c = [1, {APIVersions = [\"v1\"], KubeVersion = {Version = \"v1.36.0\", Major = \"1\", "
        "Minor = "
        "\"36\"}, HelmVersion = {Version = \"v3.21.4\", GitCommit = "
        "\"813176c51bb5c181dbbd7901298ddcc104cd3417\", GitTreeState = \"clean\", GoVersion = "
        "\"go1.26.0\"}}]\n");
}

TEST_CASE("toToml writes decoded datetimes back in their own formats", "[toml]") {
  // encode.go eElement: local datetimes, dates and times in their layouts, others RFC 3339.
  CHECK(render("{{ fromToml \"a = 1979-05-27T07:32:00\\nb = 1979-05-27\\nc = 07:32:00.5\\n"
               "d = 1979-05-27T07:32:00.25-07:00\" | toToml }}") ==
        "a = 1979-05-27T07:32:00\nb = 1979-05-27\nc = 07:32:00.5\nd = "
        "1979-05-27T07:32:00.25-07:00\n");
}

TEST_CASE("toToml keeps the sign of a decoded -nan", "[toml]") {
  // parse.go valueFloat: "-nan" gets its sign bit (math.Copysign); v1.2 dropped it.
  CHECK(render(R"({{ fromToml "a = -nan\nb = +nan\nc = nan" | toToml }})") ==
        "a = -nan\nb = nan\nc = nan\n");
}

TEST_CASE("fromToml reads TOML 1.1 (v1.6's default)", "[toml]") {
  // lex.go lexInlineTableValue / lexInlineTableValueEnd: newlines, comments and a trailing
  // comma inside inline tables (v1.2: "newlines not allowed within inline tables").
  CHECK(render(R"({{ fromToml "a = {\n  x = 1,\n  y = 2, # c\n}\nb = {z = 3,}" }})") ==
        "map[a:map[x:1 y:2] b:map[z:3]]");
  // lexStringEscape and replaceEscapes: \e is ESC, \xHH the code point U+00HH.
  CHECK(render(R"({{ fromToml "a = \"\\e[0m\\x41\\xe9\"" | toJson }})") ==
        R"({"a":"\u001b[0mAé"})");
  // parse.go dtTypes: the seconds of times are optional.
  CHECK(
      render(
          R"({{ fromToml "t = 07:32\nd = 1979-05-27T07:32\no = 1979-05-27T07:32Z\np = 1979-05-27 07:32+01:00" }})") ==
      "map[d:1979-05-27 07:32:00 +0000 datetime-local o:1979-05-27 07:32:00 +0000 UTC p:1979-05-27 "
      "07:32:00 +0100 +0100 t:0000-01-01 07:32:00 +0000 time-local]");
}

TEST_CASE("fromToml follows v1.6's datetime checks and wording", "[toml]") {
  // parse.go valueDatetime: errParseDate "invalid datetime: %q" (v1.2: "Invalid TOML
  // Datetime: %q."), and missingLeadingZero refuses an hour without its zero.
  CHECK(from_toml_error("d = 1979-13-01") ==
        R"(toml: line 1 (last key "d"): invalid datetime: "1979-13-01")");
  CHECK(from_toml_error("d = 1979-05-27T7:32:00Z") ==
        R"(toml: line 1 (last key "d"): invalid datetime: "1979-05-27T7:32:00Z")");
  CHECK(from_toml_error("t = 7:32:00") ==
        R"(toml: line 1 (last key "t"): invalid datetime: "7:32:00")");
}

TEST_CASE("fromToml reports errors at a newline on the line before (v1.6)", "[toml]") {
  // lex.go lexKeyEnd and lexValue: errorPrevLine for '\n' (v1.2 named the next line).
  CHECK(from_toml_error("a\nb = 1") ==
        R"(toml: line 1: expected '.' or '=', but got '\n' instead)");
  CHECK(from_toml_error("a =\n1") ==
        R"(toml: line 1 (last key "a"): expected value but found '\n' instead)");
  CHECK(from_toml_error("[t]\na.b\n") ==
        R"(toml: line 2 (last key "t"): expected '.' or '=', but got '\n' instead)");
}

TEST_CASE("fromToml places errors at the end of input as v1.6 does", "[toml]") {
  // lex.go errorf: at EOF the line goes back only after a final newline ("one" is line 1).
  CHECK(from_toml_error("one") == "toml: line 1: unexpected EOF; expected key separator '='");
  CHECK(from_toml_error("a = [\n") ==
        R"(toml: line 1 (last key "a"): unexpected EOF; expected value)");
  // lex.go error → errorPrevLine at EOF always goes back a line: a backslash ending the input
  // is reported on "line 0", its rune (eof, 0) printed with %c. (The oracle shifts this to
  // line 1, and an error on the last byte of input without a newline to the next line.)
  CHECK(from_toml_error("a = \"\\") ==
        std::string("toml: line 0 (last key \"a\"): invalid escape in string '\\") +
            std::string(1, '\0') + "'");
  CHECK(from_toml_error("a = 'x'y") ==
        "toml: line 1: expected a top-level item to end with a newline, comment, or EOF, but got "
        "'y' instead");
}

TEST_CASE("fromToml refuses redefining an array (v1.6)", "[toml]") {
  // parse.go setValue: an array key defined again is "already defined" unless it was only
  // implicit (v1.2 replaced the first array silently).
  CHECK(from_toml_error("a = [1]\na = [2]") ==
        R"(toml: line 2 (last key "a"): Key 'a' has already been defined.)");
  CHECK(render(R"({{ fromToml "a = []\n[t]\na = [2]" }})") == "map[a:[] t:map[a:[2]]]");
}

TEST_CASE("fromToml nests dotted keys of inline tables in arrays (v1.6)", "[toml]") {
  // parse.go valueInlineTable builds topHash with the dotted parts as tables (v1.2 set the
  // last part only: [map[c:1 d:2]]).
  CHECK(render(R"({{ fromToml "a = [{b.c = 1, d = 2}]" }})") == "map[a:[map[b:map[c:1] d:2]]]");
}

TEST_CASE("fromToml reads input v1.2 refused", "[toml]") {
  // parse.go parse: a UTF-8 byte-order mark is skipped.
  CHECK(render("{{ fromToml \"\xef\xbb\xbf"
               "a = 1\" }}") == "map[a:1]");
  // lex.go next: only an invalid byte is a UTF-8 error, not a literal U+FFFD.
  CHECK(render("{{ fromToml \"a = \\\"\xef\xbf\xbd\\\"\" | toJson }}") ==
        "{\"a\":\"\xef\xbf\xbd\"}");
  // parse.go stripEscapedNewlines keeps "\r\n" in multi-line basic strings (v1.2 dropped the
  // "\r"), as literal ones always did.
  CHECK(
      render(
          R"({{ fromToml "b = \"\"\"x\r\ny\"\"\"" | toJson }}|{{ fromToml "b = '''x\r\ny'''" | toJson }})") ==
      R"({"b":"x\r\ny"}|{"b":"x\r\ny"})");
}

TEST_CASE("fromToml words lexer errors as v1.6 does", "[toml]") {
  // lex.go lexBaseNumberOrDate: "hexadecimal" (v1.2: "hexidecimal").
  CHECK(from_toml_error("a = 0xZZ") ==
        R"(toml: line 1 (last key "a"): not a hexadecimal number: '0xZ')");
  // lex.go lexHexEscape (\x is new in v1.6).
  CHECK(
      from_toml_error("a = \"\\x4\"") ==
      R"(toml: line 1 (last key "a"): expected two hexadecimal digits after '\x', but got "\\x4\"" instead)");
  CHECK(from_toml_error("a = \"\\U00110000\"") ==
        R"(toml: line 1 (last key "a"): Escaped character '\u00110000' is not valid UTF-8.)");
  // parse.go stripEscapedNewlines, then replaceEscapes: "\ " not before a newline.
  CHECK(from_toml_error(
            "a = \"\"\"a \\   \n  b\"\"\"\nc = \"\"\"\\\n\"\"\"\nd = \"\"\"x\\  y\"\"\"") ==
        R"(toml: line 5 (last key "d"): invalid escape: '\ ')");
}

TEST_CASE("toToml and fromToml turn Go panics into the function's error", "[toml]") {
  // encode.go Encode: eindirect(reflect.ValueOf(nil)) calls Type on the zero Value.
  Engine engine;
  engine.parse("t", "{{ toToml nil }}");
  CHECK_THROWS_WITH(
      engine.render("t", Value::empty_map()),
      Catch::Contains("error calling toToml: reflect: call of reflect.Value.Type on zero Value"));
  // A dict holding itself recurses until Go's stack is exhausted; here nesting is bounded (a
  // deep chain stands in for the cycle, which would leak its reference-counted maps).
  Value deep = Value::map_of({{"leaf", 1}});
  for (int i = 0; i < 2100; ++i) deep = Value::map_of({{"k", deep}});
  // (Rendered, so the encoder runs on the engine's large execution stack.)
  CHECK_THROWS_WITH(render("{{ toToml .d }}", Value::map_of({{"d", deep}})),
                    Catch::Contains("error calling toToml: runtime: goroutine stack exceeds"));
  Value shallow = Value::map_of({{"leaf", 1}});
  for (int i = 0; i < 100; ++i) shallow = Value::map_of({{"k", shallow}});
  CHECK(render("{{ toToml .d }}", Value::map_of({{"d", shallow}})).size() > 100);
}

}  // namespace
}  // namespace capstan::templating
