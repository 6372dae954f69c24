// Engine: parsing into one set, rendering with Helm's conventions, and Go's error texts.
#include "templating/engine.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace capstan::templating {
namespace {

std::string render(std::string_view text, const Value& data = Value::empty_map()) {
  Engine engine;
  engine.parse("t", text);
  return engine.render("t", data);
}

std::string render_error(std::string_view text, const Value& data = Value::empty_map()) {
  Engine engine;
  try {
    engine.parse("t", text);
    engine.render("t", data);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST_CASE("engine renders text, fields and pipelines", "[engine]") {
  const Value data = Value::map_of({{"Values", Value::map_of({{"x", Value::floating(1)}, {"s", "hi"}})}});
  CHECK(render("hello") == "hello");
  CHECK(render("{{ .Values.x }}", data) == "1");
  CHECK(render("{{ .Values.s | upper | quote }}", data) == "\"HI\"");
  CHECK(render("{{ .Values.missing }}", data) == "");
  CHECK(render("{{- \"a\" -}}  \n  {{ 1 }}") == "a1");
  CHECK(render("{{ range $i, $v := list 1 2 3 }}{{ $i }}={{ $v }},{{ end }}") == "0=1,1=2,2=3,");
  CHECK(render("{{ if eq 1 1 }}yes{{ else }}no{{ end }}") == "yes");
  CHECK(render("{{ define \"x\" }}X{{ . }}{{ end }}{{ template \"x\" 5 }}{{ include \"x\" 6 }}") == "X5X6");
  CHECK(render("{{ range 3 }}{{ . }}{{ end }}") == "012");
  CHECK(render("{{ with $x := 0 }}a{{ else with 2 }}{{ . }}{{ end }}") == "2");
  CHECK(render("{{ printf \"%05.1f|%x\" 3.14159 255 }}") == "003.1|ff");
  CHECK(render("{{ tpl \"{{ .a }}\" (dict \"a\" 7) }}") == "7");
}

TEST_CASE("engine reports errors as Helm prints them", "[engine]") {
  const Value data = Value::map_of({{"Values", Value::empty_map()}});
  CHECK(render_error("{{ .Values.a.b }}", data) ==
        "template: t:1:10: executing \"t\" at <.Values.a.b>: nil pointer evaluating interface {}.b");
  CHECK(render_error("{{ upper .Values.missing }}", data) ==
        "template: t:1:16: executing \"t\" at <.Values.missing>: wrong type for value; expected string; got interface {}");
  CHECK(render_error("{{ .Values.missing | upper }}", data) ==
        "template: t:1:21: executing \"t\" at <upper>: invalid value; expected string");
  CHECK(render_error("{{ required \"need x\" .Values.q }}", data) == "execution error at (t:1:3): need x");
  CHECK(render_error("{{ nope }}") == "parse error at (t:1): function \"nope\" not defined");
  CHECK(render_error("{{ if 1 }}") == "parse error at (t:1): unexpected EOF");
  // regexp/syntax quotes the expression from its first invalid byte (the oracle agrees; the
  // conformance format cannot hold invalid UTF-8). Found by the differential fuzzer.
  CHECK(render_error("{{ mustRegexMatch \"a\\xff\\xfeb\" \"\" }}") ==
        "template: t:1:3: executing \"t\" at <mustRegexMatch \"a\\xff\\xfeb\" \"\">: error calling "
        "mustRegexMatch: error parsing regexp: invalid UTF-8: `\xff\xfe" "b`");
}

// Go 1.26 (Helm v3.21.4's toolchain) differs here from the Go 1.19 oracle; expected texts come
// from Go 1.26's exec.go, lex.go and parse.go.
TEST_CASE("engine follows Go 1.26 where the Go 1.19 oracle cannot", "[engine]") {
  const Value data = Value::map_of({{"Values", Value::map_of({{"s", "x"}})}});
  // exec.go passes the callee's name to call (Go 1.21+).
  CHECK(render_error("{{ call .Values.s }}", data) ==
        "template: t:1:3: executing \"t\" at <call .Values.s>: error calling call: non-function "
        ".Values.s of type string");
  // lex.go reports a stray right paren itself.
  CHECK(render_error("{{ 1) }}") == "parse error at (t:1): unexpected right paren");
  // range over an integer (Go 1.22) and {{else with}} (Go 1.23).
  CHECK(render("{{ range $i := 3 }}{{ $i }}{{ end }}|{{ range 0 }}x{{ else }}none{{ end }}") == "012|none");
  CHECK(render_error("{{ range $i, $v := 3 }}{{ end }}") ==
        "template: t:1:19: executing \"t\" at <3>: can't use 3 to iterate over more than one variable");
  CHECK(render("{{ with 0 }}a{{ else with \"\" }}b{{ else with 5 }}{{ . }}{{ else }}c{{ end }}") == "5");
  CHECK(render("{{ with 0 }}a{{ else with false }}b{{ else }}c{{ end }}") == "c");
  // Parenthesis depth and pipeline length are bounded (Go 1.24+).
  std::string deep(10001, '(');
  CHECK(render_error("{{ " + deep + "1" + std::string(10001, ')') + " }}") ==
        "parse error at (t:1): max expression depth exceeded");
}

TEST_CASE("engine bounds recursion with Go's errors instead of crashing", "[engine]") {
  const std::string err = render_error("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}");
  CHECK(err.find("exceeded maximum template depth (100000)") != std::string::npos);
}

}  // namespace
}  // namespace capstan::templating
