// The template grammar walker (see fuzz_template.h). Every generated piece is a Frag: statements
// can be dropped and operands replaced while shrinking.
#include "tests/fuzz/fuzz_template.h"

#include <algorithm>

#include "tests/fuzz/fuzz_functions.h"

namespace capstan::fuzz {

namespace {

using K = Frag::Kind;

Frag expr(std::vector<Frag> parts) { return Frag::of(K::Expr, std::move(parts)); }
Frag stmt(std::vector<Frag> parts) { return Frag::of(K::Stmt, std::move(parts)); }
Frag seq(std::vector<Frag> parts = {}) { return Frag::of(K::Seq, std::move(parts)); }
Frag lit(std::string s) { return Frag::lit(std::move(s)); }

Cat cat_of_node(const VNode* n) {
  if (n == nullptr) return Cat::Any;
  switch (n->kind) {
    case VKind::String: return Cat::Str;
    case VKind::Int:
    case VKind::Float: return Cat::Float;  // values files decode every number into float64
    case VKind::Bool: return Cat::Bool;
    case VKind::Map: return Cat::Map;
    case VKind::List: return Cat::List;
    case VKind::Null: return Cat::Any;
  }
  return Cat::Any;
}

// What dot (or $) holds where an expression is generated.
struct DotInfo {
  enum class Is : std::uint8_t { Root, Node, Unknown } is = Is::Unknown;
  const VNode* node = nullptr;
};

class Generator {
 public:
  Generator(Rng& rng, const ChartContext& chart, std::string prefix, const GenLimits& limits,
            const std::function<bool(const std::string&)>& has_function)
      : rng_(rng), chart_(chart), prefix_(std::move(prefix)), limits_(limits) {
    for (const FnSpec& f : function_table()) {
      if (has_function(f.name)) functions_.push_back(&f);
    }
    root_paths_ = value_paths(*chart_.values, ".Values");
  }

  TemplateCase run() {
    // Most cases are careful: arguments of the right kinds, valid texts, no broken calls, so
    // that they render and their output is compared; the rest also probe error paths.
    careful_ = rng_.chance(0.7);
    set_careful_literals(careful_);
    TemplateCase out;
    out.partials = seq();
    // Named templates first (in the partials file and sometimes inline), each calling only
    // earlier ones, so that no recursion is generated.
    const int defines = static_cast<int>(rng_.range(0, 3));
    for (int i = 0; i < defines; ++i) {
      Frag d = define(prefix_ + ".d" + std::to_string(i));
      if (rng_.chance(0.7)) {
        out.partials.add(std::move(d));
        out.partials.add(lit("\n"));
      } else {
        inline_defines_.push_back(std::move(d));
      }
    }
    Scope scope;
    dot_ = {DotInfo::Is::Root, chart_.values};
    scopes_.push_back(scope);
    out.main = statements(limits_.statements, 0);
    for (Frag& d : inline_defines_) out.main.add(stmt({std::move(d)}));
    return out;
  }

 private:
  struct Var {
    std::string name;
    Cat cat;
  };
  using Scope = std::vector<Var>;

  // A deliberate mistake with probability p, never in careful cases.
  bool wild(double p) { return !careful_ && rng_.chance(p); }

  // ---- statements ----

  Frag statements(int count, int depth) {
    Frag list = seq();
    for (int i = 0; i < count; ++i) list.add(statement(depth));
    return list;
  }

  std::string open() {
    const std::size_t r = rng_.below(8);
    return r < 2 ? "{{- " : r < 5 ? "{{ " : "{{";
  }
  std::string close() {
    const std::size_t r = rng_.below(8);
    return r < 2 ? " -}}" : r < 5 ? " }}" : "}}";
  }

  Frag text() {
    std::string t;
    switch (rng_.below(6)) {
      case 0: t = "\n"; break;
      case 1: t = "\n" + std::string(rng_.below(5), ' ') + random_word(rng_) + ": "; break;
      case 2: t = " "; break;
      case 3: t = random_text(rng_, 20, true); break;
      case 4: t = "\n- "; break;
      default: t = random_word(rng_) + rng_.pick({" ", "=", ": ", "\n", "\t", "-"}); break;
    }
    // Never a "{{" inside text, which would start an action.
    while (t.find("{{") != std::string::npos) t.erase(t.find("{{"), 1);
    if (!t.empty() && t.back() == '{') t.pop_back();
    return Frag::lit(t, true);
  }

  Frag statement(int depth) {
    const bool nest = depth < limits_.max_depth;
    std::size_t roll = rng_.below(100);
    if (roll < 22) return stmt({text()});
    if (roll < 50) return stmt({lit(open()), pipeline(Ty::Any, depth), lit(close())});
    if (roll < 58) return declare(depth);
    if (roll < 61 && has_vars()) {
      return stmt({lit(open() + pick_var(Ty::Any) + " = "), pipeline(Ty::Any, depth), lit(close())});
    }
    if (roll < 72 && nest) return if_stmt(depth);
    if (roll < 81 && nest) return range_stmt(depth);
    if (roll < 87 && nest) return with_stmt(depth);
    if (roll < 90 && !defined_.empty()) {
      return stmt({lit(open() + "template " + go_quote(pick_define()) + " "), operand(Ty::Any, depth + 1),
                   lit(close())});
    }
    if (roll < 92) {
      std::string c = random_text(rng_, 10, true);
      while (c.find("*/") != std::string::npos) c.erase(c.find("*/"), 1);
      return stmt({lit(rng_.chance(0.5) ? "{{/* " + c + " */}}" : "{{- /* " + c + " */ -}}")});
    }
    if (roll < 95 && in_range_ > 0) return stmt({lit(open() + rng_.pick({"break", "continue"}) + close())});
    if (roll < 96 && nest) {
      // block = define + template: its body sees only dot.
      const std::string name = prefix_ + ".b" + std::to_string(blocks_++);
      Frag body = scoped_body(depth, DotInfo{}, true);
      Frag f = stmt({lit(open() + "block " + go_quote(name) + " "), operand(Ty::Any, depth + 1), lit(close()),
                     std::move(body), lit("{{end}}")});
      return f;
    }
    return stmt({lit(open()), pipeline(Ty::Any, depth), lit(close())});
  }

  Frag declare(int depth) {
    std::string name = "$" + std::string(rng_.pick({"v", "x", "name", "item", "val", "_", "ü"})) +
                       std::to_string(rng_.below(4));
    Frag f = stmt({lit(open() + name + " := "), pipeline(Ty::Any, depth), lit(close())});
    scopes_.back().push_back({name, cat_});
    return f;
  }

  // The body of a block: a fresh variable scope, and dot as given.
  Frag scoped_body(int depth, DotInfo dot, bool fresh_vars = false) {
    std::vector<Scope> saved;
    const bool saved_dollar = root_dollar_;
    const int saved_range = in_range_;
    if (fresh_vars) {
      saved.swap(scopes_);
      scopes_.push_back({{"$", Cat::Any}});
      root_dollar_ = false;
      in_range_ = 0;
    } else {
      scopes_.push_back({});
    }
    const DotInfo saved_dot = dot_;
    dot_ = dot;
    Frag body = statements(static_cast<int>(rng_.range(1, 4)), depth + 1);
    dot_ = saved_dot;
    root_dollar_ = saved_dollar;
    in_range_ = saved_range;
    if (fresh_vars) {
      scopes_.swap(saved);
    } else {
      scopes_.pop_back();
    }
    return body;
  }

  Frag if_stmt(int depth) {
    Frag f = stmt({});
    scopes_.push_back({});
    f.add(lit(open() + "if "));
    f.add(condition(depth));
    f.add(lit(close()));
    f.add(scoped_body(depth, dot_));
    while (rng_.chance(0.3)) {
      f.add(stmt({lit(open() + "else if "), condition(depth), lit(close()), scoped_body(depth, dot_)}));
    }
    if (rng_.chance(0.5)) f.add(stmt({lit(open() + "else" + close()), scoped_body(depth, dot_)}));
    f.add(lit(open() + "end" + close()));
    scopes_.pop_back();
    return f;
  }

  Frag condition(int depth) {
    if (rng_.chance(0.15)) {
      const std::string name = "$c" + std::to_string(rng_.below(3));
      Frag f = seq({lit(name + " := "), pipeline(Ty::Any, depth)});
      scopes_.back().push_back({name, cat_});
      return f;
    }
    return pipeline(rng_.chance(0.5) ? Ty::Bool : Ty::Any, depth);
  }

  // A collection to range over, with what its elements are when known.
  Frag range_source(int depth, const VNode*& elem) {
    elem = nullptr;
    std::vector<const ValuePath*> colls;
    for (const ValuePath& p : paths()) {
      if (p.node->kind == VKind::List || p.node->kind == VKind::Map) colls.push_back(&p);
    }
    if (!colls.empty() && rng_.chance(0.6)) {
      const ValuePath* p = rng_.pick(colls);
      if (p->node->kind == VKind::List && !p->node->items.empty()) elem = &p->node->items[0];
      if (p->node->kind == VKind::Map && !p->node->entries.empty()) elem = &p->node->entries[0].value;
      return expr({lit(p->expr)});
    }
    switch (rng_.below(12)) {
      case 0:
      case 7:
      case 8: return call_expr("list", depth + 1);
      case 1:
      case 9: return call_expr("dict", depth + 1);
      case 2: return expr({lit("(until " + int_literal(rng_, true) + ")")});
      case 3:
      case 10: return expr({lit("(splitList \",\" " + go_quote("a,b,,c") + ")")});
      case 4: return expr({lit("(keys "), operand(Ty::Map, depth + 1), lit(")")});
      case 5:
        if (careful_) return call_expr("list", depth + 1);
        return operand(Ty::Any, depth + 1);  // anything: nil, strings, numbers fail
      default:
        if (dot_.is != DotInfo::Is::Root && !root_dollar_) return call_expr("list", depth + 1);
        return expr({lit(std::string(dot_.is == DotInfo::Is::Root ? "(." : "($.") + "Files.Glob " +
                         literal_of(rng_, Ty::Glob) + ")")});
    }
  }

  Frag range_stmt(int depth) {
    Frag f = stmt({});
    scopes_.push_back({});
    const VNode* elem = nullptr;
    Frag source = range_source(depth, elem);
    std::string decl;
    switch (rng_.below(4)) {
      case 0: break;
      case 1: decl = "$e := "; scopes_.back().push_back({"$e", cat_of_node(elem)}); break;
      default:
        decl = "$i, $e := ";
        scopes_.back().push_back({"$i", Cat::Any});
        scopes_.back().push_back({"$e", cat_of_node(elem)});
    }
    if (wild(0.01) && !decl.empty()) decl.replace(decl.find(":="), 2, "=");  // assignment form
    f.add(lit(open() + "range " + decl));
    f.add(std::move(source));
    f.add(lit(close()));
    ++in_range_;
    f.add(scoped_body(depth, elem != nullptr ? DotInfo{DotInfo::Is::Node, elem} : DotInfo{}));
    --in_range_;
    if (rng_.chance(0.3)) f.add(stmt({lit(open() + "else" + close()), scoped_body(depth, dot_)}));
    f.add(lit(open() + "end" + close()));
    scopes_.pop_back();
    return f;
  }

  Frag with_stmt(int depth) {
    Frag f = stmt({});
    scopes_.push_back({});
    DotInfo inner;
    Frag subject = seq();
    const auto& ps = paths();
    if (!ps.empty() && rng_.chance(0.6)) {
      const ValuePath& p = rng_.pick(ps);
      subject = expr({lit(p.expr)});
      inner = {DotInfo::Is::Node, p.node};
    } else {
      subject = pipeline(Ty::Any, depth);
    }
    f.add(lit(open() + "with "));
    f.add(std::move(subject));
    f.add(lit(close()));
    f.add(scoped_body(depth, inner));
    if (rng_.chance(0.3)) f.add(stmt({lit(open() + "else" + close()), scoped_body(depth, dot_)}));
    f.add(lit(open() + "end" + close()));
    scopes_.pop_back();
    return f;
  }

  Frag define(const std::string& name) {
    Frag body = scoped_body(1, DotInfo{}, true);
    defined_.push_back(name);
    return seq({lit("{{" + std::string(rng_.chance(0.5) ? "- " : "") + "define " + go_quote(name) +
                    (rng_.chance(0.5) ? " -}}" : "}}")),
                std::move(body), lit(rng_.chance(0.5) ? "{{- end -}}" : "{{end}}")});
  }

  // ---- expressions ----

  bool has_vars() const {
    for (const Scope& s : scopes_) {
      for (const Var& v : s) {
        if (v.name != "$") return true;
      }
    }
    return false;
  }
  // A variable whose value fits `want` when there is one (sets cat_).
  std::string pick_var(Ty want) {
    std::vector<const Var*> all, fitting;
    for (const Scope& s : scopes_) {
      for (const Var& v : s) {
        if (v.name == "$") continue;
        all.push_back(&v);
        if (fits(want, v.cat) || (v.cat == Cat::Any && (!careful_ || want == Ty::Any))) fitting.push_back(&v);
      }
    }
    const Var* v = !fitting.empty() ? rng_.pick(fitting) : all.empty() || careful_ ? nullptr : rng_.pick(all);
    if (v == nullptr && careful_) {
      cat_ = Cat::Any;
      return want == Ty::Any ? "$" : literal_text(want);
    }
    cat_ = v != nullptr ? v->cat : Cat::Any;
    return v != nullptr ? v->name : "$";
  }
  std::string pick_define() {
    if (wild(0.005)) return prefix_ + ".missing";
    return rng_.pick(defined_);
  }

  // Paths from dot (and $ at the top level).
  const std::vector<ValuePath>& paths() {
    if (dot_.is == DotInfo::Is::Root) return root_paths_;
    if (dot_.is == DotInfo::Is::Node && dot_.node != nullptr) {
      if (cached_dot_ != dot_.node) {
        cached_dot_ = dot_.node;
        dot_paths_ = value_paths(*dot_.node, ".");
      }
      return dot_paths_;
    }
    static const std::vector<ValuePath> none;
    return none;
  }

  Frag value_path(Ty want) {
    std::vector<const ValuePath*> fitting;
    const auto& ps = paths();
    for (const ValuePath& p : ps) {
      if (fits(want, cat_of_node(p.node))) fitting.push_back(&p);
    }
    if (dot_.is != DotInfo::Is::Root && root_dollar_ && rng_.chance(0.35)) {
      // $.Values... from inside range and with.
      for (const ValuePath& p : root_paths_) {
        if (fits(want, cat_of_node(p.node))) fitting.push_back(&p);
      }
      if (!fitting.empty()) {
        const ValuePath* chosen = rng_.pick(fitting);
        cat_ = cat_of_node(chosen->node);
        std::string e = chosen->expr;
        if (e.rfind(".Values", 0) == 0) e = "$" + e;
        else if (e.rfind("(index .Values", 0) == 0) e = "(index $" + e.substr(7);
        return expr({lit(e)});
      }
    }
    if (!fitting.empty()) {
      const ValuePath* chosen = rng_.pick(fitting);
      cat_ = cat_of_node(chosen->node);
      return expr({lit(chosen->expr)});
    }
    cat_ = Cat::Any;
    if (!ps.empty() && wild(0.03)) return expr({lit(rng_.pick(ps).expr)});
    if (careful_) {
      // Helm's objects where they are known to be reachable, with their kinds.
      struct Known {
        const char* path;
        Cat cat;
      };
      static const Known kKnown[] = {
          {".Release.Name", Cat::Str}, {".Release.Namespace", Cat::Str}, {".Release.IsInstall", Cat::Bool},
          {".Release.Revision", Cat::Int}, {".Chart.Name", Cat::Str}, {".Chart.Version", Cat::Str},
          {".Chart.AppVersion", Cat::Str}, {".Template.Name", Cat::Str}, {".Template.BasePath", Cat::Str},
          {".Capabilities.KubeVersion.Version", Cat::Str}, {".Capabilities.KubeVersion.Major", Cat::Str},
          {".Chart.IsRoot", Cat::Bool}, {".Release.Service", Cat::Str},
          {".Capabilities.HelmVersion.Version", Cat::Str}, {".Values", Cat::Map}};
      if (dot_.is == DotInfo::Is::Root || root_dollar_) {
        std::vector<const Known*> ok;
        for (const Known& k : kKnown) {
          if (fits(want, k.cat)) ok.push_back(&k);
        }
        if (!ok.empty()) {
          const Known* k = rng_.pick(ok);
          cat_ = k->cat;
          return expr({lit(std::string(dot_.is == DotInfo::Is::Root ? "" : "$") + k->path)});
        }
      }
      return literal(want);
    }
    if (dot_.is != DotInfo::Is::Root && !root_dollar_ && rng_.chance(0.8)) {
      return expr({lit(rng_.pick({".", "$", ".", "."}))});  // nothing known about dot
    }
    // Helm's objects.
    if (dot_.is == DotInfo::Is::Root || rng_.chance(0.3)) {
      const std::string base = dot_.is == DotInfo::Is::Root ? "" : (root_dollar_ ? "$" : "");
      return expr({lit(base + std::string(rng_.pick({".Release.Name", ".Release.Namespace", ".Release.IsInstall",
                                                     ".Release.Revision", ".Chart.Name", ".Chart.Version",
                                                     ".Chart.AppVersion", ".Template.Name", ".Template.BasePath",
                                                     ".Capabilities.KubeVersion.Version",
                                                     ".Capabilities.KubeVersion.Major", ".Values.missing",
                                                     ".Values.missing.deeper", ".Chart.IsRoot", ".Release.Service",
                                                     ".Capabilities.HelmVersion.Version"})))});
    }
    if (rng_.chance(0.9)) return expr({lit(".")});
    return expr({lit(rng_.pick({".x", ".name", ".Values", ".a.b"}))});
  }

  // Calls on Helm's objects: .Files, .Capabilities, .Values methods.
  Frag object_call(Ty want) {
    const std::string root = dot_.is == DotInfo::Is::Root ? "." : "$.";
    std::size_t pick = rng_.below(9);
    for (int tries = 0; tries < 20; ++tries) {
      static const Cat kCats[9] = {Cat::Str, Cat::Str, Cat::Object, Cat::Str, Cat::List,
                                   Cat::Bool, Cat::Any, Cat::Map, Cat::Map};
      const bool ok_path = !careful_ || (pick != 6 && pick != 7) || !pick_dotted_path(pick == 7).empty();
      if ((want == Ty::Any || fits(want, kCats[pick])) && ok_path) break;
      pick = rng_.below(9);
      if (tries == 19) return literal(want);
    }
    switch (pick) {
      case 0:
      case 1: cat_ = Cat::Str; return expr({lit("(" + root + "Files.Get " + go_quote(pick_file()) + ")")});
      case 2: cat_ = Cat::Object; return expr({lit("(" + root + "Files.Glob " + literal_of(rng_, Ty::Glob) + ")")});
      case 3:
        cat_ = Cat::Str;
        return expr({lit("((" + root + "Files.Glob " + literal_of(rng_, Ty::Glob) + ")." +
                         rng_.pick({"AsConfig", "AsSecrets"}) + ")")});
      case 4: cat_ = Cat::List; return expr({lit("(" + root + "Files.Lines " + go_quote(pick_file()) + ")")});
      case 5:
        cat_ = Cat::Bool;
        return expr({lit("(" + root + "Capabilities.APIVersions.Has " +
                         go_quote(rng_.pick({"apps/v1", "v1", "batch/v1beta1", "nope/v9", "apps/v1/Deployment",
                                             "policy/v1/PodDisruptionBudget"})) + ")")});
      case 6: cat_ = Cat::Any; return expr({lit("(" + root + "Values.PathValue " + go_quote(pick_dotted_path(false)) + ")")});
      case 7: cat_ = Cat::Map; return expr({lit("(" + root + "Values.Table " + go_quote(pick_dotted_path(true)) + ")")});
      default: {
        const bool as_map = want == Ty::Map || (want != Ty::Str && rng_.chance(0.5));
        cat_ = as_map ? Cat::Map : Cat::Str;
        return expr({lit("(" + root + "Values." + (as_map ? "AsMap" : "YAML") + ")")});
      }
    }
  }

  std::string pick_file() {
    if (chart_.files.empty() || rng_.chance(0.1)) return "missing.txt";
    return rng_.pick(chart_.files);
  }

  // A path for Values.Table (maps) or Values.PathValue (anything else).
  std::string pick_dotted_path(bool maps) {
    std::vector<std::string> dotted;
    for (const ValuePath& p : root_paths_) {
      if (p.expr.rfind(".Values.", 0) == 0 && (p.node->kind == VKind::Map) == maps) {
        dotted.push_back(p.expr.substr(8));
      }
    }
    if (careful_ && dotted.empty()) return "";
    if (dotted.empty() || rng_.chance(0.02)) return rng_.pick({"", "missing", "a.b"});
    return rng_.pick(dotted);
  }

  std::string literal_text(Ty want) { return render(literal(want)); }

  Frag literal(Ty want) {
    if (want == Ty::Any) {
      switch (rng_.below(6)) {
        case 0: cat_ = Cat::Int; return expr({lit(int_literal(rng_, false))});
        case 1: cat_ = Cat::Float; return expr({lit(float_literal(rng_))});
        case 2: cat_ = Cat::Bool; return expr({lit(rng_.pick({"true", "false"}))});
        case 3:
          if (rng_.chance(0.05)) {
            cat_ = Cat::Object;
            return expr({lit(rng_.pick({"1i", "2.5i", "0i", "1e2i"}))});
          }
          [[fallthrough]];
        default: cat_ = Cat::Str; return expr({lit(string_literal(rng_))});
      }
    }
    cat_ = cat_of(want);
    if (want == Ty::Num) {
      // int or float literal: the literal decides
      const std::string l = literal_of(rng_, want);
      cat_ = l.find_first_of(".eEpP") != std::string::npos && l.rfind("0x", 0) != 0 ? Cat::Float : Cat::Int;
      return expr({lit(l)});
    }
    return expr({lit(literal_of(rng_, want))});
  }

  // Kinds any value of the category fits (not texts with a syntax of their own).
  static bool generic(Ty t) {
    switch (t) {
      case Ty::Any: case Ty::Str: case Ty::Int: case Ty::Float: case Ty::Num: case Ty::Bool:
      case Ty::Map: case Ty::List: case Ty::StrList: case Ty::Coll: return true;
      default: return false;
    }
  }

  // An operand of exactly one category (for comparisons): a literal or a value of that kind.
  Frag exact_operand(Ty want) {
    if (rng_.chance(0.4)) {
      std::vector<const ValuePath*> fitting;
      for (const ValuePath& p : paths()) {
        if (cat_of_node(p.node) == cat_of(want) && cat_of(want) != Cat::Any) fitting.push_back(&p);
      }
      if (!fitting.empty()) return expr({lit(rng_.pick(fitting)->expr)});
    }
    if (want == Ty::Float) return expr({lit(float_literal(rng_))});
    return literal(want);
  }

  // Careful cases leave out calls that fail by design.
  bool allowed(const FnSpec& f) const {
    if (!careful_) return true;
    const std::string name = f.name;
    if (name == "include") return !defined_.empty();
    return name != "required" && name != "fail" && name != "div" && name != "mod" &&
           name != "substr" && name != "semver" && name != "urlJoin" && name != "mustFirst" &&
           name != "mustLast" && name != "index" && name != "slice" && name != "mustSlice";
  }

  const FnSpec* pick_function(Ty want) {
    std::vector<const FnSpec*> fitting;
    int total = 0;
    for (const FnSpec* f : functions_) {
      if (f->weight > 0 && fits(want, cat_of(ty_of_code(f->result))) && allowed(*f)) {
        fitting.push_back(f);
        total += f->weight;
      }
    }
    if (fitting.empty()) return nullptr;
    long roll = rng_.range(0, total - 1);
    for (const FnSpec* f : fitting) {
      roll -= f->weight;
      if (roll < 0) return f;
    }
    return fitting.back();
  }

  const FnSpec* find_function(const std::string& name) {
    for (const FnSpec* f : functions_) {
      if (name == f->name) return f;
    }
    return nullptr;
  }

  // An argument for a parameter of kind `t`.
  Frag argument(Ty t, int depth) {
    if (wild(0.005)) return operand(Ty::Any, depth);  // sometimes the wrong kind
    switch (t) {
      case Ty::Epoch:
        if (rng_.chance(0.3)) return expr({lit(rng_.pick({"0", "1600000000", "-1", "1234567890"}))});
        [[fallthrough]];
      case Ty::Time:
        if (rng_.chance(0.3)) {
          return expr({lit("(toDate " + literal_of(rng_, Ty::DateFmt) + " " +
                           go_quote(rng_.pick({"2020-03-04", "2021-12-31T23:59:59Z", "10:30:00", "bad"})) + ")")});
        }
        return expr({lit(literal_of(rng_, Ty::Time))});
      case Ty::TplName: return expr({lit(go_quote(defined_.empty() ? prefix_ + ".none" : pick_define()))});
      case Ty::SmallInt: return expr({lit(int_literal(rng_, true))});
      case Ty::Key:
        if (!paths().empty() && rng_.chance(0.5)) {
          // A key that exists somewhere, for get/hasKey/pick on real maps.
          const ValuePath& p = rng_.pick(paths());
          const std::size_t dot = p.expr.rfind('.');
          if (dot != std::string::npos && p.expr[0] == '.') return expr({lit(go_quote(p.expr.substr(dot + 1)))});
        }
        return expr({lit(literal_of(rng_, Ty::Key))});
      case Ty::Str:
      case Ty::Any:
      case Ty::Num:
      case Ty::Int:
      case Ty::Float:
      case Ty::Bool:
      case Ty::Map:
      case Ty::List:
      case Ty::StrList:
      case Ty::Coll:
        return operand(t, depth);
      default:
        // Text kinds: mostly their pool, sometimes any string.
        return careful_ || rng_.chance(0.85) ? expr({lit(literal_of(rng_, t))}) : operand(Ty::Str, depth);
    }
  }

  // A call `name args...` (without parentheses), `piped` leaving the last argument to a pipe.
  Frag call(const FnSpec& f, int depth, bool piped) {
    Frag c = call_args(f, depth, piped);
    cat_ = cat_of(ty_of_code(f.result));
    return c;
  }

  Frag call_args(const FnSpec& f, int depth, bool piped) {
    const std::string name = f.name;
    Frag c = seq({lit(name)});
    auto arg = [&](Frag a) {
      c.add(lit(" "));
      c.add(std::move(a));
    };
    if (name == "printf") {
      const int n = static_cast<int>(rng_.range(0, 3));
      arg(expr({lit(format_string(rng_, n + (piped ? 1 : 0)))}));
      for (int i = 0; i < n; ++i) arg(operand(Ty::Any, depth + 1));
      return c;
    }
    if (name == "eq" || name == "ne" || name == "lt" || name == "le" || name == "gt" || name == "ge") {
      // Operands of one kind (Go refuses to compare ints with floats or strings).
      const bool ordered = name != "eq" && name != "ne";
      Cat kind = piped ? pipe_in_ : Cat::Any;
      if (kind == Cat::Any || (ordered && kind != Cat::Int && kind != Cat::Float && kind != Cat::Str)) {
        kind = ordered ? rng_.pick(std::vector<Cat>{Cat::Int, Cat::Float, Cat::Str})
                       : rng_.pick(std::vector<Cat>{Cat::Int, Cat::Float, Cat::Str, Cat::Bool});
      }
      const Ty want = kind == Cat::Str ? Ty::Str : kind == Cat::Int ? Ty::Int : kind == Cat::Float ? Ty::Float : Ty::Bool;
      const int n = name == "eq" && !piped ? static_cast<int>(rng_.range(2, 3)) : piped ? 1 : 2;
      for (int i = 0; i < n; ++i) arg(careful_ ? exact_operand(want) : operand(wild(0.05) ? Ty::Any : want, depth + 1));
      return c;
    }
    if ((name == "toDate" || name == "mustToDate") && careful_) {
      static const std::pair<const char*, const char*> kDates[] = {
          {"2006-01-02", "2020-03-04"}, {"2006-01-02T15:04:05Z07:00", "2021-12-31T23:59:59Z"},
          {"15:04:05", "10:30:00"}, {"Jan 2, 2006", "Feb 29, 2024"}, {"2006", "1999"},
          {"2006-01-02 15:04:05 -0700", "2001-02-03 04:05:06 +0530"}};
      const auto& [layout, text] = kDates[rng_.below(6)];
      arg(expr({lit(go_quote(layout))}));
      if (!piped) arg(expr({lit(go_quote(text))}));
      return c;
    }
    if (name == "index") {
      std::vector<const ValuePath*> colls;
      for (const ValuePath& p : paths()) {
        if (p.node->kind == VKind::List || p.node->kind == VKind::Map) colls.push_back(&p);
      }
      if (piped) {
        if (rng_.chance(0.5)) arg(expr({lit(go_quote(random_word(rng_)))}));
        return c;
      }
      if (!colls.empty() && rng_.chance(0.7)) {
        const ValuePath* p = rng_.pick(colls);
        arg(expr({lit(p->expr)}));
        if (p->node->kind == VKind::Map && !p->node->entries.empty()) {
          arg(expr({lit(go_quote(rng_.chance(0.85) ? p->node->entries[rng_.below(p->node->entries.size())].key
                                                    : random_word(rng_)))}));
        } else {
          arg(expr({lit(rng_.pick({"0", "1", "2", "-1", "5"}))}));
        }
      } else {
        arg(operand(Ty::Coll, depth + 1));
        arg(operand(rng_.chance(0.5) ? Ty::SmallInt : Ty::Key, depth + 1));
      }
      return c;
    }
    if (name == "dict") {
      const int pairs = static_cast<int>(rng_.range(0, 3));
      for (int i = 0; i < pairs; ++i) {
        arg(rng_.chance(0.95) ? expr({lit(go_quote(random_word(rng_)))}) : operand(Ty::Any, depth + 1));
        arg(operand(Ty::Any, depth + 1));
      }
      if (rng_.chance(0.03)) arg(operand(Ty::Any, depth + 1));  // odd count
      return c;
    }
    if (name == "dig") {
      const int keys = static_cast<int>(rng_.range(1, 3));
      for (int i = 0; i < keys; ++i) arg(argument(Ty::Key, depth + 1));
      arg(operand(Ty::Any, depth + 1));
      if (!piped) arg(rng_.chance(0.5) ? call_expr("dict", depth + 1) : value_path(Ty::Map));
      return c;
    }
    if (name == "include") {
      arg(argument(Ty::TplName, depth + 1));
      if (!piped) arg(data_argument(depth));
      return c;
    }
    if (name == "tpl") {
      arg(tpl_text(depth));
      if (!piped) arg(data_argument(depth));
      return c;
    }
    std::vector<Ty> params = f.param_types();
    std::size_t count = params.size();
    if (f.variadic()) {
      // The variadic part: zero to three more.
      count = params.size() - 1 + static_cast<std::size_t>(rng_.range(params.size() > 1 ? 0 : 0, 3));
    }
    if (wild(0.003)) count += 1;  // wrong count
    if (piped && count > 0) --count;
    for (std::size_t i = 0; i < count; ++i) {
      const Ty t = i < params.size() ? params[i] : (params.empty() ? Ty::Any : params.back());
      arg(argument(t, depth + 1));
    }
    return c;
  }

  Frag call_expr(const std::string& name, int depth) {
    const FnSpec* f = find_function(name);
    if (f == nullptr) return literal(Ty::Any);
    Frag c = call(*f, depth, false);
    return expr({lit("("), std::move(c), lit(")")});
  }

  Frag data_argument(int depth) {
    switch (rng_.below(5)) {
      case 0:
      case 1: return expr({lit(".")});
      case 2: return expr({lit("$")});
      case 3: return call_expr("dict", depth + 1);
      default: return operand(Ty::Any, depth + 1);
    }
  }

  // tpl's text: a small template of its own (fresh variables, unknown dot).
  Frag tpl_text(int depth) {
    if (!careful_ && rng_.chance(0.3)) {
      const std::vector<std::string> fixed = {
          "{{ .Release.Name }}", "{{ . }}", "x", "", "{{ .Values.missing }}", "{{ $.Chart.Name }}-{{ 1 }}",
          "{{ define \"t.in\" }}in{{ end }}{{ template \"t.in\" }}", "{{ bad", "{{ .x.y }}",
          "{{ include \"" + prefix_ + ".none\" . }}"};
      return expr({lit(go_quote(rng_.pick(fixed)))});
    }
    if (rng_.chance(0.1)) {
      return expr({lit(go_quote(rng_.pick({"{{ .Release.Name }}", "{{ . }}", "x", "", "{{ $.Chart.Name }}-{{ 1 }}"})))});
    }
    std::vector<Scope> saved;
    saved.swap(scopes_);
    scopes_.push_back({{"$", Cat::Any}});
    const DotInfo saved_dot = dot_;
    dot_ = DotInfo{};
    const int saved_range = in_range_;
    const bool saved_dollar = root_dollar_;
    in_range_ = 0;
    root_dollar_ = false;
    Frag inner = statements(static_cast<int>(rng_.range(1, 3)), std::max(depth + 1, limits_.max_depth - 1));
    in_range_ = saved_range;
    root_dollar_ = saved_dollar;
    dot_ = saved_dot;
    scopes_.swap(saved);
    return expr({Frag::of(K::Quoted, {std::move(inner)})});
  }

  // An operand of kind `want`: a literal, a path, a variable, a parenthesized call or pipeline.
  Frag operand(Ty want, int depth) {
    const bool deep = depth >= limits_.max_depth + 2;
    const std::size_t roll = rng_.below(100);
    if (roll < 25 || (deep && roll < 60)) return literal(want);
    if (roll < 50) return value_path(want);
    if (roll < 57 && has_vars()) {
      Frag f = expr({lit(pick_var(want))});
      return f;
    }
    if (roll < 60 && (want == Ty::Any || (want == Ty::Map && !careful_) ||
                      (want == Ty::Map && dot_.is == DotInfo::Is::Root))) {
      cat_ = Cat::Any;
      return expr({lit(rng_.pick({".", "$", "$", "."}))});
    }
    if (roll < 64 && !deep && (dot_.is == DotInfo::Is::Root || root_dollar_)) return object_call(want);
    if (roll < 65 && !deep && (want == Ty::Any || (want == Ty::Str && !careful_))) {
      // A chained field on a parenthesized call: (dict "a" 1).a, (semver "1.2.3").Major
      Frag f = chain(depth);
      cat_ = Cat::Any;
      return f;
    }
    if (deep) return literal(want);
    if (roll < 92) return call_or_literal(want, depth, true);
    return expr({lit("("), pipeline(want, depth + 1), lit(")")});
  }

  Frag chain(int depth) {
    switch (rng_.below(wild(0.2) ? 6 : 5)) {
      case 0:
        return expr({lit("(semver " + literal_of(rng_, Ty::Version) + ")." +
                         rng_.pick({"Major", "Minor", "Patch", "Prerelease", "Metadata", "Original"}))});
      case 1: return expr({lit("(dict \"a\" "), operand(Ty::Any, depth + 1), lit(").a")});
      case 2:
        return expr({lit("(urlParse " + literal_of(rng_, Ty::Url) + ")." +
                         rng_.pick({"host", "path", "scheme", "query", "userinfo", "fragment", "opaque"}))});
      case 3: return expr({lit("(fromYaml " + literal_of(rng_, Ty::Yaml) + ")." + rng_.pick({"a", "b", "Error"}))});
      case 4:
        return expr({lit(std::string("(") + rng_.pick({"genCA \"ca\" 365", "genPrivateKey \"rsa\" | dict \"Key\"",
                                                        "list 1 | dict \"Cert\""}) + ")." + rng_.pick({"Cert", "Key"}))});
      default:
        return expr({lit("("), call_or_literal(Ty::Any, depth),
                     lit(")." + std::string(rng_.pick({"a", "Major", "x", "name", "Key"})))});
    }
  }

  Frag call_or_literal(Ty want, int depth, bool parens = false) {
    const FnSpec* f = pick_function(want);
    if (f == nullptr) return literal(want);
    Frag c = call(*f, depth + 1, false);
    if (!parens) return c;
    return expr({lit("("), std::move(c), lit(")")});
  }

  // A pipeline: a first command, then up to three piped calls.
  Frag pipeline(Ty want, int depth) {
    Frag p = seq();
    const int pipes = depth >= limits_.max_depth ? 0 : static_cast<int>(rng_.below(rng_.chance(0.5) ? 2 : 4));
    Ty first_want = pipes > 0 ? Ty::Any : want;
    if (rng_.chance(0.45)) {
      const FnSpec* f = pick_function(first_want);
      p.add(f != nullptr ? call(*f, depth + 1, false) : operand(first_want, depth + 1));
    } else {
      p.add(operand(first_want, depth + 1));
    }
    for (int i = 0; i < pipes; ++i) {
      // A function whose last parameter takes what the pipeline holds so far.
      const FnSpec* f = pick_piped(cat_, i + 1 == pipes ? want : Ty::Any);
      if (f == nullptr) break;
      pipe_in_ = cat_;
      p.add(stmt({lit(" | "), call(*f, depth + 1, true)}));
    }
    return p;
  }

  const FnSpec* pick_piped(Cat have, Ty want) {
    std::vector<const FnSpec*> fitting;
    int total = 0;
    for (const FnSpec* f : functions_) {
      if (f->weight <= 0 || !fits(want, cat_of(ty_of_code(f->result))) || !allowed(*f)) continue;
      const std::string name = f->name;
      const std::vector<Ty> params = f->param_types();
      bool ok;
      const bool comparison = name == "eq" || name == "ne" || name == "lt" || name == "le" ||
                              name == "gt" || name == "ge";
      if (careful_ && comparison &&
          (have == Cat::Any || have == Cat::Map || have == Cat::List || have == Cat::Object ||
           (name != "eq" && name != "ne" && have != Cat::Int && have != Cat::Float && have != Cat::Str))) {
        ok = false;
      } else if (name == "index" || name == "dict" || name == "printf" || name == "include" || name == "tpl") {
        ok = name != "index" || have == Cat::Map || have == Cat::List;
      } else if (name == "dig") {
        ok = have == Cat::Map;
      } else {
        ok = !params.empty() && (fits(params.back(), have) || (have == Cat::Any && wild(0.05)));
        if (careful_ && ok && !params.empty() && !generic(params.back())) ok = false;
        if (careful_ && have == Cat::Any && !params.empty() && params.back() != Ty::Any) ok = false;
      }
      if (ok || wild(0.002)) {
        fitting.push_back(f);
        total += f->weight;
      }
    }
    if (fitting.empty()) return nullptr;
    long roll = rng_.range(0, total - 1);
    for (const FnSpec* f : fitting) {
      roll -= f->weight;
      if (roll < 0) return f;
    }
    return fitting.back();
  }

  Rng& rng_;
  const ChartContext& chart_;
  std::string prefix_;
  GenLimits limits_;
  std::vector<const FnSpec*> functions_;
  std::vector<ValuePath> root_paths_;
  std::vector<ValuePath> dot_paths_;
  const VNode* cached_dot_ = nullptr;
  std::vector<Scope> scopes_;
  std::vector<std::string> defined_;
  std::vector<Frag> inline_defines_;
  DotInfo dot_;
  bool root_dollar_ = true;  // `$` is the render data (not in defines, blocks or tpl texts)
  int in_range_ = 0;
  int blocks_ = 0;
  bool careful_ = false;
  Cat cat_ = Cat::Any;      // what the last generated operand or call produces
  Cat pipe_in_ = Cat::Any;  // what a piped call receives
};

}  // namespace

TemplateCase generate_template(Rng& rng, const ChartContext& chart, const std::string& prefix,
                               const GenLimits& limits,
                               const std::function<bool(const std::string&)>& has_function) {
  Generator g(rng, chart, prefix, limits, has_function);
  return g.run();
}

std::vector<std::string> generator_function_names() {
  std::vector<std::string> out;
  for (const FnSpec& f : function_table()) out.emplace_back(f.name);
  return out;
}

}  // namespace capstan::fuzz
