// Sprig's regular expression functions (regex.go) over Go's regexp semantics (sprig_regexp.h):
// regexMatch, regexFindAll, regexFind, regexReplaceAll, regexReplaceAllLiteral, regexSplit and
// their must* forms, and regexQuoteMeta. The plain forms use regexp.MustCompile, whose panic
// text for a bad pattern is "regexp: Compile(`EXPR`): ERROR"; regexMatch returns false.
#include "core/strconv.h"
#include "templating/function.h"
#include "templating/sprig_regexp.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

const std::string& str(const Value& v) {
  return v.as_string();
}

goregexp::Regexp compile(const std::string& expr) {
  try {
    return goregexp::Regexp(expr);
  } catch (const goregexp::SyntaxError& e) {
    throw FuncError(e.what());
  }
}

// regexp's quote: backquoted when strconv.CanBackquote allows, else strconv.Quote.
std::string quote_go(std::string_view s) {
  bool can_backquote = true;
  for (std::string_view t = s; !t.empty() && can_backquote;) {
    const auto d = strconv::decode_rune(t);
    t.remove_prefix(static_cast<std::size_t>(d.width));
    if (d.width > 1) {
      can_backquote = d.rune != 0xFEFF;
    } else {
      can_backquote =
          d.rune != 0xFFFD && !(d.rune < ' ' && d.rune != '\t') && d.rune != '`' && d.rune != 0x7F;
    }
  }
  return can_backquote ? "`" + std::string(s) + "`" : strconv::quote(s);
}

// regexp.MustCompile's panic: "regexp: Compile(`EXPR`): ERROR".
goregexp::Regexp must_compile(const std::string& expr) {
  try {
    return goregexp::Regexp(expr);
  } catch (const goregexp::SyntaxError& e) {
    throw FuncError("regexp: Compile(" + quote_go(expr) + "): " + e.what());
  }
}

Value strings_or_nil(std::optional<std::vector<std::string>> v) {
  if (!v)
    return Value();
  return sprig::string_list(std::move(*v));
}

}  // namespace

void register_sprig_regex(FuncMap& f) {
  f.add("regexMatch", "func(string, string) bool", [](CallContext&, Args& a) {
    try {
      return Value(goregexp::Regexp(str(a[0])).match(str(a[1])));
    } catch (const goregexp::SyntaxError&) {
      return Value(false);
    }
  });
  f.add("mustRegexMatch", "func(string, string) (bool, error)",
        [](CallContext&, Args& a) { return Value(compile(str(a[0])).match(str(a[1]))); });
  f.add("regexFindAll", "func(string, string, int) []string", [](CallContext&, Args& a) {
    return strings_or_nil(must_compile(str(a[0])).find_all(str(a[1]), a[2].as_int()));
  });
  f.add("mustRegexFindAll", "func(string, string, int) ([]string, error)",
        [](CallContext&, Args& a) {
          return strings_or_nil(compile(str(a[0])).find_all(str(a[1]), a[2].as_int()));
        });
  f.add("regexFind", "func(string, string) string",
        [](CallContext&, Args& a) { return Value(must_compile(str(a[0])).find(str(a[1]))); });
  f.add("mustRegexFind", "func(string, string) (string, error)",
        [](CallContext&, Args& a) { return Value(compile(str(a[0])).find(str(a[1]))); });
  f.add("regexReplaceAll", "func(string, string, string) string", [](CallContext&, Args& a) {
    return Value(must_compile(str(a[0])).replace_all(str(a[1]), str(a[2])));
  });
  f.add("mustRegexReplaceAll", "func(string, string, string) (string, error)",
        [](CallContext&, Args& a) {
          return Value(compile(str(a[0])).replace_all(str(a[1]), str(a[2])));
        });
  f.add("regexReplaceAllLiteral", "func(string, string, string) string", [](CallContext&, Args& a) {
    return Value(must_compile(str(a[0])).replace_all_literal(str(a[1]), str(a[2])));
  });
  f.add("mustRegexReplaceAllLiteral", "func(string, string, string) (string, error)",
        [](CallContext&, Args& a) {
          return Value(compile(str(a[0])).replace_all_literal(str(a[1]), str(a[2])));
        });
  f.add("regexSplit", "func(string, string, int) []string", [](CallContext&, Args& a) {
    return strings_or_nil(must_compile(str(a[0])).split(str(a[1]), a[2].as_int()));
  });
  f.add("mustRegexSplit", "func(string, string, int) ([]string, error)", [](CallContext&, Args& a) {
    return strings_or_nil(compile(str(a[0])).split(str(a[1]), a[2].as_int()));
  });
  f.add("regexQuoteMeta", "func(string) string",
        [](CallContext&, Args& a) { return Value(goregexp::quote_meta(str(a[0]))); });
}

}  // namespace capstan::templating
