// The Engine API as chart/ uses it: options (missingkey, lint mode, lookup), custom functions
// with Go signatures, Go objects with fields, methods and Stringers, and raw execution.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "templating/engine.h"
#include "templating/helm_types.h"
#include "templating/object.h"

namespace capstan::templating {
namespace {

std::string run(Engine& engine, std::string_view text, const Value& data) {
  engine.parse("t", text);
  try {
    return engine.render("t", data);
  } catch (const Error& e) {
    return std::string("ERR: ") + e.what();
  }
}

const Value kData = Value::map_of({{"Values", Value::map_of({{"a", Value::map_of({{"b", 1}})}})}});

TEST_CASE("missingkey=error reports missing keys as Go does", "[api]") {
  EngineOptions options;
  options.missing_key = MissingKey::Error;
  Engine engine(options);
  CHECK(run(engine, "{{ .Values.nope }}", kData) ==
        "ERR: template: t:1:10: executing \"t\" at <.Values.nope>: map has no entry for key \"nope\"");
  CHECK(run(engine, "{{ .Values.a.b }}", kData) == "1");
  Engine nil_data(options);
  CHECK(run(nil_data, "{{ .x }}", Value()) ==
        "ERR: template: t:1:3: executing \"t\" at <.x>: nil data; no entry for key \"x\"");
}

TEST_CASE("missingkey default and zero differ on chains", "[api]") {
  EngineOptions options;
  options.missing_key = MissingKey::Default;
  Engine go_default(options);
  CHECK(run(go_default, "[{{ .Values.nope.deeper }}]", kData) == "[]");
  Engine helm;  // zero: a missing key is a nil interface {}, which has no fields
  CHECK(run(helm, "[{{ .Values.nope.deeper }}]", kData) ==
        "ERR: template: t:1:11: executing \"t\" at <.Values.nope.deeper>: nil pointer evaluating "
        "interface {}.deeper");
}

TEST_CASE("lint mode lets required and fail pass", "[api]") {
  EngineOptions options;
  options.lint_mode = true;
  std::vector<std::string> logged;
  options.log = [&](std::string_view where, std::string_view msg) {
    logged.push_back(std::string(where) + ": " + std::string(msg));
  };
  Engine engine(options);
  CHECK(run(engine, "[{{ required \"x\" .Values.nope }}][{{ fail \"f\" }}]", kData) == "[][]");
  CHECK(run(engine, "[{{ required \"y\" \"\" }}]", kData) == "[]");
  CHECK(logged == std::vector<std::string>{"engine.go:206: [INFO] Missing required value: x",
                                           "engine.go:227: [INFO] Fail: f",
                                           "engine.go:214: [INFO] Missing required value: y"});
}

TEST_CASE("lookup uses the injected hook", "[api]") {
  EngineOptions options;
  options.lookup = [](std::string_view api, std::string_view kind, std::string_view ns,
                      std::string_view name) {
    if (kind == "Secret" && name == "s") {
      return Value::map_of({{"apiVersion", std::string(api)}, {"ns", std::string(ns)}});
    }
    return Value::empty_map();
  };
  Engine engine(options);
  CHECK(run(engine, "{{ (lookup \"v1\" \"Secret\" \"n\" \"s\").ns }}|{{ lookup \"v1\" \"Pod\" \"\" \"\" }}", kData) ==
        "n|map[]");
}

TEST_CASE("custom functions take Go signatures, conversions and errors", "[api]") {
  Engine engine;
  engine.funcs().add("twice", "func(int) int", [](CallContext&, Args& a) {
    return Value::integer(a[0].as_int() * 2, NumType::Int);
  });
  engine.funcs().add("boom", "func(string) (string, error)", [](CallContext&, Args& a) -> Value {
    throw FuncError("bad " + a[0].as_string());
  });
  engine.funcs().add("count", "func(...string) int", [](CallContext&, Args& a) {
    return Value::integer(static_cast<std::int64_t>(a[0].list().items.size()), NumType::Int);
  });
  CHECK(run(engine, "{{ twice 21 }} {{ count \"a\" \"b\" }} {{ count }}", kData) == "42 2 0");
  CHECK(run(engine, "{{ twice .Values.a.b }}", kData) == "2");
  const Value floats = Value::map_of({{"f", Value::floating(2)}});
  CHECK(run(engine, "{{ twice .f }}", floats) ==
        "ERR: template: t:1:9: executing \"t\" at <.f>: wrong type for value; expected int; got float64");
  CHECK(run(engine, "{{ twice \"x\" }}", kData) ==
        "ERR: template: t:1:9: executing \"t\" at <\"x\">: expected integer; found \"x\"");
  CHECK(run(engine, "{{ boom \"y\" }}", kData) ==
        "ERR: template: t:1:3: executing \"t\" at <boom \"y\">: error calling boom: bad y");
  CHECK(run(engine, "{{ twice 1 2 }}", kData) ==
        "ERR: template: t:1:3: executing \"t\" at <twice>: wrong number of args for twice: want 1 got 2");
}

TEST_CASE("Go objects: fields, embedded fields, methods, Stringer, printing", "[api]") {
  auto inner = std::make_shared<GoTypeInfo>();
  inner->name = "pkg.Inner";
  auto outer = std::make_shared<GoTypeInfo>();
  outer->name = "*pkg.Outer";
  outer->kind = GoTypeInfo::Kind::PointerToStruct;
  outer->add_method("Greet", "func(string) string", [](CallContext& ctx, Args& a) {
    const GoObject* self = as_go_object(ctx.receiver());
    return Value("hi " + a[0].as_string() + " from " + self->field("Name")->as_string());
  });
  auto stringer = std::make_shared<GoTypeInfo>();
  stringer->name = "pkg.Version";
  stringer->string = [](const GoObject& o) { return "v" + o.fields()[0].value.as_string(); };

  const Value in = GoObject::make_struct(inner, {{"Deep", Value("d")}});
  const Value obj = GoObject::make_struct(outer, {{"Name", Value("o")}, {"pkg.Inner", in, true},
                                                  {"V", GoObject::make_struct(stringer, {{"N", Value("1.2")}})}});
  const Value data = Value::map_of({{"O", obj}});
  Engine engine;
  CHECK(run(engine, "{{ .O.Name }} {{ .O.Deep }} {{ .O.Inner.Deep }} {{ .O.Greet \"x\" }} {{ .O.V }}", data) ==
        "o d d hi x from o v1.2");
  Engine e2;
  CHECK(run(e2, "{{ .O }}|{{ print .O }}|{{ printf \"%+v %T\" .O.Inner .O }}", data) ==
        "{o {d} v1.2}|&{o {d} v1.2}|{Deep:d} *pkg.Outer");
  Engine e3;
  CHECK(run(e3, "{{ .O.Nope }}", data) ==
        "ERR: template: t:1:5: executing \"t\" at <.O.Nope>: can't evaluate field Nope in type interface {}");
  Engine e4;
  CHECK(run(e4, "{{ .O.Name 1 }}", data) ==
        "ERR: template: t:1:5: executing \"t\" at <.O.Name>: Name has arguments but cannot be invoked as function");
}

TEST_CASE("named map types keep methods and act as maps", "[api]") {
  const Value data = helm::values(Value::map_of(
      {{"Values", helm::values(Value::map_of({{"b", 2}, {"a", Value::map_of({{"c", 3}})}}))}}));
  Engine engine;
  CHECK(run(engine,
            "{{ range $k, $v := .Values }}{{ $k }};{{ end }}{{ len .Values }} {{ .Values.a.c }} "
            "{{ (.Values.Table \"a\").c }} {{ printf \"%T\" (.Values.Table \"a\") }} {{ hasKey .Values \"b\" }}",
            data) == "a;b;2 3 3 chartutil.Values true");
}

TEST_CASE("execute keeps Go's raw output and errors", "[api]") {
  Engine engine;
  engine.parse("t", "{{ .x }}{{ define \"d\" }}D{{ end }}");
  CHECK(engine.execute("t", Value::empty_map()) == "<no value>");
  CHECK(engine.render("d", Value()) == "D");
  CHECK(engine.has_template("d"));
  CHECK_FALSE(engine.has_template("e"));
  try {
    engine.render("nope", Value());
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "template: no template \"nope\" associated with template \"gotpl\"");
  }
}

TEST_CASE("later defines replace earlier ones across files; empty bodies do not", "[api]") {
  Engine engine;
  engine.parse("a", "{{ define \"x\" }}first{{ end }}{{ define \"y\" }}keep{{ end }}");
  engine.parse("b", "{{ define \"x\" }}second{{ end }}{{ define \"y\" }}  {{ end }}");
  engine.parse("t", "{{ template \"x\" }} {{ template \"y\" }}");
  CHECK(engine.render("t", Value()) == "second keep");
  CHECK_THROWS_WITH(engine.parse("c", "{{ define \"z\" }}1{{ end }}{{ define \"z\" }}2{{ end }}"),
                    "parse error at (c:1): multiple definition of template \"z\"");
}

TEST_CASE("tpl defines stay inside the tpl call; include counts balance", "[api]") {
  Engine engine;
  const Value data = Value::map_of({{"t", "{{ define \"q\" }}Q{{ end }}{{ include \"q\" . }}"}});
  CHECK(run(engine, "{{ tpl .t . }}{{ tpl .t . }}", data) == "QQ");
  Engine e2;
  CHECK(run(e2, "{{ tpl .t . }}{{ include \"q\" . }}", data) ==
        "ERR: template: t:1:17: executing \"t\" at <include \"q\" .>: error calling include: template: no "
        "template \"q\" associated with template \"gotpl\"");
}

}  // namespace
}  // namespace capstan::templating
