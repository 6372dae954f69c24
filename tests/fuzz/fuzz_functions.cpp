// The generator's function table and literal pools (see fuzz_functions.h).
#include "tests/fuzz/fuzz_functions.h"

#include "tests/fuzz/fuzz_frag.h"
#include "tests/fuzz/fuzz_values.h"

namespace capstan::fuzz {

Ty ty_of_code(char code) {
  switch (code) {
    case 's': return Ty::Str;
    case 'i': return Ty::Int;
    case 'n': return Ty::SmallInt;
    case 'f': return Ty::Float;
    case 'u': return Ty::Num;
    case 'b': return Ty::Bool;
    case 'm': return Ty::Map;
    case 'l': return Ty::List;
    case 'L': return Ty::StrList;
    case 'C': return Ty::Coll;
    case 'r': return Ty::Regex;
    case 'F': return Ty::Format;
    case 'v': return Ty::Version;
    case 'c': return Ty::Constraint;
    case 'd': return Ty::DateFmt;
    case 'z': return Ty::Zone;
    case 't': return Ty::Time;
    case 'j': return Ty::Json;
    case 'y': return Ty::Yaml;
    case 'T': return Ty::Toml;
    case '6': return Ty::B64;
    case '3': return Ty::B32;
    case 'U': return Ty::Url;
    case 'p': return Ty::Path;
    case 'k': return Ty::Key;
    case 'N': return Ty::TplName;
    case 'x': return Ty::TplText;
    case 'D': return Ty::Duration;
    case 'g': return Ty::Glob;
    case 'P': return Ty::PwType;
    case 'K': return Ty::KeyType;
    case 'o': return Ty::Object;
    case 'e': return Ty::Epoch;
    default: return Ty::Any;
  }
}

Cat cat_of(Ty t) {
  switch (t) {
    case Ty::Any: return Cat::Any;
    case Ty::Int:
    case Ty::SmallInt: return Cat::Int;
    case Ty::Float:
    case Ty::Num: return Cat::Float;
    case Ty::Bool: return Cat::Bool;
    case Ty::Map: return Cat::Map;
    case Ty::List:
    case Ty::StrList: return Cat::List;
    case Ty::Coll: return Cat::Any;
    case Ty::Time:
    case Ty::Epoch: return Cat::Time;
    case Ty::Object: return Cat::Object;
    default: return Cat::Str;
  }
}

bool fits(Ty want, Cat have) {
  switch (want) {
    case Ty::Any: return true;
    case Ty::Num: return have == Cat::Int || have == Cat::Float;
    case Ty::Coll: return have == Cat::Map || have == Cat::List || have == Cat::Str;
    case Ty::Int:
    case Ty::SmallInt: return have == Cat::Int;
    case Ty::Float: return have == Cat::Float || have == Cat::Int;
    default: return cat_of(want) == have;
  }
}

std::vector<Ty> FnSpec::param_types() const {
  std::vector<Ty> out;
  for (const char* p = params; *p; ++p) {
    if (*p != '*') out.push_back(ty_of_code(*p));
  }
  return out;
}

bool FnSpec::variadic() const {
  const std::string p = params;
  return !p.empty() && p.back() == '*';
}

const std::vector<FnSpec>& function_table() {
  // Weights favour what charts use. Left out: call (no function values in values), ago and
  // encryptAES (real clock / random IV even in --deterministic mode), camelcase (Helm's Sprig
  // 3.3.0 uses xstrings 1.5's ToPascalCase, the oracle's 3.2.3 ToCamelCase), env/expandenv
  // (not in Helm), and date functions with non-time arguments (Sprig then reads the real clock).
  static const std::vector<FnSpec> table = {
      // Go's builtins (index, printf and slice have their own argument shapes).
      {"and", "aa*", 'a', 3}, {"or", "aa*", 'a', 3}, {"not", "a", 'b', 3},
      {"len", "C", 'i', 3}, {"index", "", 'a', 4}, {"print", "a*", 's', 2},
      {"printf", "", 's', 6}, {"println", "a*", 's', 1}, {"html", "a*", 's', 1},
      {"js", "a*", 's', 1}, {"urlquery", "a*", 's', 1}, {"eq", "aa*", 'b', 4},
      {"ne", "aa", 'b', 2}, {"lt", "uu", 'b', 2}, {"le", "uu", 'b', 1}, {"gt", "uu", 'b', 2},
      {"ge", "uu", 'b', 1}, {"slice", "Cn*", 'a', 1},
      // Sprig strings.
      {"trim", "s", 's', 2}, {"trimAll", "ss", 's', 1}, {"trimall", "ss", 's', 1},
      {"trimPrefix", "ss", 's', 1}, {"trimSuffix", "ss", 's', 2}, {"upper", "s", 's', 2},
      {"lower", "s", 's', 2}, {"title", "s", 's', 1}, {"untitle", "s", 's', 1},
      {"repeat", "ns", 's', 1}, {"substr", "nns", 's', 1}, {"nospace", "s", 's', 1},
      {"trunc", "ns", 's', 2}, {"abbrev", "ns", 's', 1}, {"abbrevboth", "nns", 's', 1},
      {"initials", "s", 's', 1}, {"wrap", "ns", 's', 1}, {"wrapWith", "nss", 's', 1},
      {"contains", "ss", 'b', 2}, {"hasPrefix", "ss", 'b', 1}, {"hasSuffix", "ss", 'b', 1},
      {"quote", "a*", 's', 4}, {"squote", "a*", 's', 2}, {"cat", "a*", 's', 2},
      {"indent", "ns", 's', 2}, {"nindent", "ns", 's', 2}, {"replace", "sss", 's', 2},
      {"plural", "ssi", 's', 1}, {"snakecase", "s", 's', 1}, {"kebabcase", "s", 's', 1},
      {"swapcase", "s", 's', 1}, {"shuffle", "s", 's', 1}, {"toString", "a", 's', 3},
      {"toStrings", "a", 'L', 1}, {"join", "sa", 's', 2}, {"splitList", "ss", 'L', 2},
      {"split", "ss", 'o', 1}, {"splitn", "sns", 'o', 1}, {"sortAlpha", "a", 'L', 1},
      {"hello", "", 's', 1},
      // Regular expressions.
      {"regexMatch", "rs", 'b', 1}, {"regexFind", "rs", 's', 1}, {"regexFindAll", "rsn", 'L', 1},
      {"regexReplaceAll", "rss", 's', 1}, {"regexReplaceAllLiteral", "rss", 's', 1},
      {"regexSplit", "rsn", 'L', 1}, {"regexQuoteMeta", "s", 's', 1},
      {"mustRegexMatch", "rs", 'b', 1}, {"mustRegexFind", "rs", 's', 1},
      {"mustRegexReplaceAll", "rss", 's', 1}, {"mustRegexSplit", "rsn", 'L', 1},
      // Encodings and hashes.
      {"sha1sum", "s", 's', 1}, {"sha256sum", "s", 's', 2}, {"sha512sum", "s", 's', 1},
      {"adler32sum", "s", 's', 1}, {"b64enc", "s", 's', 2}, {"b64dec", "6", 's', 1},
      {"b32enc", "s", 's', 1}, {"b32dec", "3", 's', 1},
      // Deterministic stand-ins under --deterministic.
      {"randAlphaNum", "n", 's', 1}, {"randAlpha", "n", 's', 1}, {"randNumeric", "n", 's', 1},
      {"randAscii", "n", 's', 1}, {"randInt", "nn", 'i', 1}, {"uuidv4", "", 's', 1},
      {"bcrypt", "s", 's', 1}, {"htpasswd", "ss", 's', 1}, {"genPrivateKey", "K", 's', 1},
      {"derivePassword", "nPsss", 's', 1},
      // JSON, YAML, TOML.
      {"toJson", "a", 's', 3}, {"toPrettyJson", "a", 's', 2}, {"toRawJson", "a", 's', 1},
      {"mustToJson", "a", 's', 1}, {"mustToPrettyJson", "a", 's', 1}, {"mustToRawJson", "a", 's', 1},
      {"fromJson", "j", 'm', 2}, {"fromJsonArray", "j", 'l', 1}, {"mustFromJson", "j", 'a', 1},
      {"toYaml", "a", 's', 4}, {"fromYaml", "y", 'm', 2}, {"fromYamlArray", "y", 'l', 1},
      {"toYamlPretty", "a", 's', 2}, {"toToml", "a", 's', 1}, {"fromToml", "T", 'm', 1},
      // Defaults and flow.
      {"default", "aa", 'a', 5}, {"empty", "a", 'b', 2}, {"coalesce", "a*", 'a', 2},
      {"ternary", "aab", 'a', 2}, {"all", "a*", 'b', 1}, {"any", "a*", 'b', 1},
      {"compact", "l", 'l', 1}, {"required", "sa", 'a', 1}, {"fail", "s", 's', 0},
      // Lists.
      {"list", "a*", 'l', 4}, {"tuple", "a*", 'l', 1}, {"first", "l", 'a', 2}, {"last", "l", 'a', 1},
      {"rest", "l", 'l', 1}, {"initial", "l", 'l', 1}, {"append", "la", 'l', 2},
      {"prepend", "la", 'l', 1}, {"concat", "ll*", 'l', 1}, {"reverse", "l", 'l', 1},
      {"uniq", "l", 'l', 1}, {"without", "la*", 'l', 1}, {"has", "al", 'b', 1},
      {"chunk", "nl", 'l', 1}, {"mustFirst", "l", 'a', 1}, {"mustLast", "l", 'a', 1},
      {"mustAppend", "la", 'l', 1}, {"mustRest", "l", 'l', 1}, {"mustUniq", "l", 'l', 1},
      {"mustHas", "al", 'b', 1}, {"mustSlice", "ln*", 'a', 1}, {"mustReverse", "l", 'l', 1},
      {"mustWithout", "la*", 'l', 1}, {"mustCompact", "l", 'l', 1}, {"mustChunk", "nl", 'l', 1},
      {"mustPrepend", "la", 'l', 1}, {"mustInitial", "l", 'l', 1},
      // Dictionaries (dict and dig have their own shapes).
      {"dict", "", 'm', 4}, {"get", "mk", 'a', 2}, {"set", "mka", 'm', 1}, {"unset", "mk", 'm', 1},
      {"hasKey", "mk", 'b', 2}, {"pluck", "km*", 'l', 1}, {"dig", "", 'a', 1}, {"keys", "mm*", 'L', 2},
      {"values", "m", 'l', 1}, {"pick", "mk*", 'm', 1}, {"omit", "mk*", 'm', 1},
      {"merge", "mm*", 'm', 1}, {"mergeOverwrite", "mm*", 'm', 1}, {"mustMerge", "mm*", 'm', 1},
      {"mustMergeOverwrite", "mm*", 'm', 1}, {"deepCopy", "a", 'a', 1}, {"mustDeepCopy", "a", 'a', 1},
      // Math.
      {"add", "u*", 'i', 2}, {"add1", "u", 'i', 2}, {"sub", "uu", 'i', 1}, {"div", "uu", 'i', 1},
      {"mod", "uu", 'i', 1}, {"mul", "uu*", 'i', 1}, {"max", "uu*", 'i', 1}, {"min", "uu*", 'i', 1},
      {"biggest", "uu*", 'i', 1}, {"floor", "u", 'f', 1}, {"ceil", "u", 'f', 1}, {"round", "un", 'f', 1},
      {"addf", "u*", 'f', 1}, {"add1f", "u", 'f', 1}, {"subf", "uu*", 'f', 1}, {"mulf", "uu*", 'f', 1},
      {"divf", "uu*", 'f', 1}, {"maxf", "uu*", 'f', 1}, {"minf", "uu*", 'f', 1},
      {"int", "a", 'i', 2}, {"int64", "a", 'i', 1}, {"float64", "a", 'f', 1}, {"atoi", "s", 'i', 1},
      {"toDecimal", "a", 'i', 1}, {"seq", "nn*", 's', 1}, {"until", "n", 'l', 1},
      {"untilStep", "nnn", 'l', 1},
      // Reflection.
      {"kindOf", "a", 's', 2}, {"kindIs", "sa", 'b', 1}, {"typeOf", "a", 's', 2},
      {"typeIs", "sa", 'b', 1}, {"typeIsLike", "sa", 'b', 1}, {"deepEqual", "aa", 'b', 1},
      // Versions.
      {"semver", "v", 'o', 1}, {"semverCompare", "cv", 'b', 2},
      // Dates (time arguments only: anything else reads the real clock in Sprig).
      {"now", "", 't', 1}, {"date", "de", 's', 1}, {"dateInZone", "dez", 's', 1},
      {"date_in_zone", "dez", 's', 1}, {"toDate", "ds", 't', 1}, {"mustToDate", "ds", 't', 1},
      {"unixEpoch", "t", 's', 1}, {"dateModify", "Dt", 't', 1}, {"mustDateModify", "Dt", 't', 1},
      {"htmlDate", "t", 's', 1}, {"htmlDateInZone", "tz", 's', 1}, {"duration", "n", 's', 1},
      {"durationRound", "D", 's', 1},
      // Paths and URLs.
      {"base", "p", 's', 1}, {"dir", "p", 's', 1}, {"ext", "p", 's', 1}, {"clean", "p", 's', 1},
      {"isAbs", "p", 'b', 1}, {"osBase", "p", 's', 1}, {"osDir", "p", 's', 1},
      {"urlParse", "U", 'm', 1}, {"urlJoin", "m", 's', 1},
      // Helm's own.
      {"include", "", 's', 4}, {"tpl", "", 's', 3}, {"lookup", "ssss", 'm', 1},
      {"getHostByName", "s", 's', 1},
  };
  return table;
}

namespace {

std::string quoted(Rng& rng, const std::string& s) {
  // Raw strings for texts without backquotes, sometimes.
  if (s.find('`') == std::string::npos && rng.chance(0.15)) return "`" + s + "`";
  return go_quote(s);
}

}  // namespace

namespace {
bool g_careful = false;
}  // namespace

void set_careful_literals(bool careful) { g_careful = careful; }

std::string int_literal(Rng& rng, bool small) {
  if (small && g_careful) return rng.pick({"1", "2", "3", "4", "5", "0x3", "0o2", "0b11", "'\\x02'"});
  if (small) {
    return rng.pick({"0", "1", "2", "3", "4", "5", "6", "8", "10", "12", "-1", "1", "2", "3", "0x3", "0o2", "0b11", "1_0", "'\\x02'", "100"});
  }
  return rng.pick({"0", "1", "2", "3", "7", "42", "-1", "-42", "100", "1000", "65536", "0x1F", "0XfF",
                   "0o17", "017", "0b1011", "1_000_000", "'a'", "'\\n'", "'é'", "'\\u00e9'",
                   "'\\x41'", "+5", "-0", "9223372036854775807", "-9223372036854775808",
                   "2147483648", "4294967296", "0x7fffffffffffffff", "'\\''", "'\\\\'"});
}

std::string float_literal(Rng& rng) {
  return rng.pick({"1.5", "-0.25", "0.1", "3.14159", "1e3", "1E-3", "6.02e23", "1.0", ".5", "5.",
                   "0x1p-2", "0x1.8p1", "1e21", "1e20", "123456789.125", "2.5e-7", "-1e-10",
                   "1_000.5", "0.30000000000000004", "1e308", "100.0", "-0.0", "2.675"});
}

std::string string_literal(Rng& rng) {
  switch (rng.below(6)) {
    case 0: return go_quote(random_word(rng));
    case 1: return go_quote("");
    case 2: return quoted(rng, random_text(rng, 12, rng.chance(0.2)));
    case 3: return rng.pick({"\"\\u00e9t\\u00e9\"", "\"\\U0001F680\"", "\"\\x41\\x42\"", "\"a\\tb\"",
                             "\"line1\\nline2\"", "\"\\\\\"", "\"\\\"q\\\"\"", "\"\\a\\b\\f\\v\"",
                             "\"\\101\"", "\"\\xff\\xfe\""});
    case 4: return go_quote(rng.pick({"123", "1.5", "true", "false", "null", "", " ", "0x10", "1e3",
                                      "-7", "yes", "  padded  ", "a,b,c", "a-b_c.d", "Hello World",
                                      "ÀÉÎ", "ǅemal", "ﬁne", "ß", "İstanbul", "k8s.io/app"}));
    default: return go_quote(random_word(rng) + rng.pick({"", "-", "_", " ", "."}) + random_word(rng));
  }
}

std::string format_string(Rng& rng, int args) {
  std::string f;
  int verbs = args;
  if (rng.chance(0.1)) verbs += static_cast<int>(rng.range(-1, 1));
  if (rng.chance(0.5)) f += random_word(rng) + rng.pick({"=", ": ", " ", "-"});
  for (int i = 0; i < verbs; ++i) {
    f += "%";
    if (rng.chance(0.05) && args > 0) f += "[" + std::to_string(rng.range(1, args + 1)) + "]";
    if (rng.chance(0.3)) f += rng.pick({"+", "-", "#", " ", "0", "-0", "+#", "08", "#0"});
    if (rng.chance(0.3)) f += std::to_string(rng.range(1, 12));
    if (rng.chance(0.25)) f += "." + std::to_string(rng.range(0, 6));
    if (rng.chance(0.03)) f += "*";
    f += rng.pick({"v", "v", "v", "s", "s", "d", "d", "q", "x", "X", "o", "O", "b", "e", "E", "f", "F",
                   "g", "G", "t", "c", "U", "T", "%", "+v", "#v", "z"});
    if (rng.chance(0.4)) f += rng.pick({" ", ",", "/", "-", " | ", "\\n", "é"});
  }
  if (rng.chance(0.03)) f += "%";
  if (rng.chance(0.03)) f += "%!";
  return go_quote(f);
}

namespace {

// Mostly valid texts of a kind, sometimes broken ones (every call that fails ends the
// template's render, so broken inputs are kept rare).
std::string good_or_bad(Rng& rng, std::initializer_list<const char*> good,
                        std::initializer_list<const char*> bad) {
  return !g_careful && rng.chance(0.08) ? rng.pick(bad) : rng.pick(good);
}

}  // namespace

std::string literal_of(Rng& rng, Ty t) {
  switch (t) {
    case Ty::Int: return int_literal(rng, false);
    case Ty::SmallInt: return int_literal(rng, true);
    case Ty::Float: return float_literal(rng);
    case Ty::Num: return rng.chance(0.6) ? int_literal(rng, false) : float_literal(rng);
    case Ty::Bool: return rng.pick({"true", "false"});
    case Ty::Regex:
      return quoted(rng, good_or_bad(rng,
                                     {"a+", "^[a-z]+$", "(\\w+)-(\\d+)", "(?i)ALPHA", ".*", "\\s+", "x*",
                                      "(a|b)", "[[:alpha:]]+", "\\pL+", "é+", "$", "^", "b(e)", "[^a-z]",
                                      "\\d{2,}", "(?P<name>\\w+)", "a{2}", "\\bx", "(?m)^x", "\\Q.*\\E",
                                      "\\z", "[aeiou]", "e", "-", "(.)(.)"},
                                     {"[", "(", "\\", "[a-", "a**", "x{2,1}", "(?<n>x)", "\\8"}));
    case Ty::Format: return format_string(rng, static_cast<int>(rng.range(0, 2)));
    case Ty::Version:
      return go_quote(good_or_bad(rng,
                                  {"1.2.3", "v1.2.3", "1.2", "1", "1.2.3-beta.1", "1.2.3+build.5",
                                   "1.2.3-rc.1+b", "v1.30.0", "0.0.0", "1.2.3-0", "2.0.0-alpha", "v1.36.0"},
                                  {"garbage", "1.2.3.4", "01.2.3", "", "1.x"}));
    case Ty::Constraint:
      return go_quote(good_or_bad(rng,
                                  {">=1.2.0", "<2", "~1.2", "^1.2.3", "1.2.x", "*", ">=1.0.0-0", "!=1.2.3",
                                   ">1, <3", "1.2.3 - 2.0", "=1.2.3", ">= 1.2 || < 0.5", ">=1.20.0-0",
                                   "<1.19-0", "^0.1", "1.2.3 || >=2"},
                                  {"bad constraint", "~> 1.2", "", ">=>1"}));
    case Ty::DateFmt:
      return go_quote(rng.pick({"2006-01-02", "15:04:05", "Jan 2, 2006", "Mon Jan _2 15:04:05 MST 2006",
                                "2006-01-02T15:04:05Z07:00", "3:04PM", "05.000", "Z0700", "02/01/06",
                                "January", "Monday", "MST", "-07:00", "2006", "", "literal",
                                "2006-01-02 15:04:05.999999999 -0700 MST", "15h04", "pm", "Mon, 02 Jan 2006"}));
    case Ty::Zone:
      return go_quote(good_or_bad(rng, {"UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo",
                                        "Asia/Kolkata", "Australia/Lord_Howe", "EST", "Etc/GMT+5"},
                                  {"Mars/Base", ""}));
    case Ty::Json:
      return quoted(rng, good_or_bad(rng,
                                     {"{\"a\":1}", "[1,2]", "{\"a\":{\"b\":[true,null,\"x\"]}}", "\"str\"",
                                      "1e3", "null", "{\"a\":1.0}", "{\"big\":12345678901234567890}",
                                      "[\"a\",{\"b\":2}]", "{\"a\":1,\"a\":2}", " {\"x\" : \"\\u00e9\"} ",
                                      "{\"n\":-0.0}", "true", "{}", "[]"},
                                     {"{bad", "", "{\"e\":1e400}", "[1,]"}));
    case Ty::Yaml:
      return quoted(rng, good_or_bad(rng,
                                     {"a: 1", "- 1\n- 2", "a:\n  b: [1, 2]", "x", "a: yes", "{a: 1}",
                                      "---\na: 1\n---\nb: 2", "a: 0x10\nb: 1e3\nc: ~", "- a\n- b: c",
                                      "a: &x 1\nb: *x", "a: |\n  text\n", "1: one", "a: 1\na: 2",
                                      "a: 2001-12-14", "", "k: 'q'"},
                                     {"bad: [", "\tbad", "[1, 2", "a: b: c"}));
    case Ty::Toml:
      return quoted(rng, good_or_bad(rng,
                                     {"a = 1", "[t]\nx = \"y\"", "a = [1, 2]", "a = 1.5\nb = true",
                                      "d = 1979-05-27T07:32:00Z", "", "a.b = 1", "[[arr]]\nx = 1\n[[arr]]\nx = 2",
                                      "s = 'lit'", "m = \"\"\"\nmulti\"\"\"", "i = 0x1F", "f = inf",
                                      "t = {x = 1, y = [2]}"},
                                     {"bad =", "a = 1\na = 2", "[t", "x = \"unterminated"}));
    case Ty::B64: return go_quote(good_or_bad(rng, {"aGVsbG8=", "Zm9v", "", "w6k=", "/+8=", "YQ=="}, {"!!bad", "aGk", "YQ==\n"}));
    case Ty::B32: return go_quote(good_or_bad(rng, {"NBSWY3DP", "MZXW6===", ""}, {"bad!", "MZXW6"}));
    case Ty::Url:
      return go_quote(good_or_bad(rng,
                                  {"https://user:pw@example.com:8080/p/a/t/h?q=1&r=2#frag", "http://x",
                                   "mailto:a@b.c", "/rel/path?x=y", "", "https://example.com/a%20b?x=%C3%A9",
                                   "ftp://[::1]:21/", "//host/p", "not a url"},
                                  {"%zz", "http://[::1"}));
    case Ty::Path:
      return go_quote(rng.pick({"/a/b/c.txt", "a/b/../c", "", ".", "/", "a.tar.gz", "dir/", "C:\\x",
                                "./x/./y//z", "..", "/a/b/", "file.", ".hidden"}));
    case Ty::Key: return go_quote(rng.chance(0.8) ? random_word(rng) : random_text(rng, 5, false));
    case Ty::Duration:
      return go_quote(good_or_bad(rng, {"1h", "30m", "90s", "-1h30m", "1.5h", "0", "2h45m30.5s", "100ms",
                                        "1us", "1µs", "+5m"},
                                  {"bad", "1d", ""}));
    case Ty::Glob:
      return go_quote(good_or_bad(rng, {"files/*", "**.txt", "*", "files/**", "conf/*.properties", "nomatch/*",
                                        "*.json", "files/?.txt", "**", "files/{a,b}.txt"},
                                  {"["}));
    case Ty::PwType: return go_quote(good_or_bad(rng, {"long", "maximum", "medium", "short", "basic", "pin"}, {"bad"}));
    case Ty::KeyType: return go_quote(good_or_bad(rng, {"rsa", "ecdsa", "ed25519", "dsa", "RSA"}, {"bad"}));
    case Ty::Time: return rng.pick({"now", "(now)"});
    case Ty::Map: return "(dict)";
    case Ty::List: return "(list)";
    case Ty::StrList: return "(list \"a\" \"b\")";
    default: return string_literal(rng);
  }
}

}  // namespace capstan::fuzz
