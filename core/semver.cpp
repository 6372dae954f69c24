// Masterminds/semver v3.2.0 (version.go, constraints.go). Its constraint syntax is defined by
// Go regular expressions whose leftmost-first, backtracking semantics decide odd cases
// ("1.2 3" is two constraints, a space may separate them, "|" is a digit to the version
// pattern); the matchers below follow those expressions piece by piece rather than guess a
// grammar. Checks keep Masterminds' per-operator rules, wildcards ("dirty" parts) included.
#include "core/semver.h"

#include <array>
#include <functional>
#include <set>

#include "core/error.h"

namespace capstan::semver {

namespace {

constexpr std::size_t npos = std::string_view::npos;

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorKind::Parse, message);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ident(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
// cvRegex's segment class [0-9|x|X|\*]: digits, wildcards, and '|' itself.
bool is_segment(char c) {
  return is_digit(c) || c == 'x' || c == 'X' || c == '*' || c == '|';
}
// Go's \s: [\t\n\f\r ].
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool only_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c))
      return false;
  }
  return true;
}
bool only_ident(std::string_view s) {
  for (char c : s) {
    if (!is_ident(c))
      return false;
  }
  return true;
}

std::size_t run(std::string_view s, std::size_t p, bool (*cls)(char)) {
  std::size_t n = 0;
  while (p + n < s.size() && cls(s[p + n])) ++n;
  return n;
}

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == npos ? npos : at - start));
    if (at == npos)
      return out;
    start = at + sep.size();
  }
}

// strconv.ParseUint(s, 10, 64) as Masterminds reports it.
std::uint64_t parse_uint(std::string_view s, std::string* error) {
  const std::string quoted = "strconv.ParseUint: parsing \"" + std::string(s) + "\": ";
  if (s.empty() || !only_digits(s)) {
    *error = quoted + "invalid syntax";
    return 0;
  }
  std::uint64_t n = 0;
  for (char c : s) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (n > (UINT64_MAX - d) / 10) {
      *error = quoted + "value out of range";
      return 0;
    }
    n = n * 10 + d;
  }
  return n;
}

void validate_prerelease(std::string_view pre) {
  for (std::string_view part : split(pre, ".")) {
    if (only_digits(part)) {
      if (part.size() > 1 && part[0] == '0')
        fail("Version segment starts with 0");
    } else if (!only_ident(part)) {
      fail("Invalid Prerelease string");
    }
  }
}

void validate_metadata(std::string_view meta) {
  for (std::string_view part : split(meta, ".")) {
    if (!only_ident(part))
      fail("Invalid Metadata string");
  }
}

// comparePrePart: numeric identifiers numerically and before alphanumeric ones; a missing
// identifier before a present one.
int compare_pre_part(std::string_view s, std::string_view o) {
  if (s == o)
    return 0;
  if (s.empty())
    return -1;
  if (o.empty())
    return 1;
  std::string err_o;
  std::string err_s;
  const std::uint64_t oi = parse_uint(o, &err_o);
  const std::uint64_t si = parse_uint(s, &err_s);
  if (!err_o.empty() && !err_s.empty())
    return s > o ? 1 : -1;
  if (!err_o.empty())
    return -1;
  if (!err_s.empty())
    return 1;
  return si > oi ? 1 : -1;
}

int compare_prerelease(std::string_view a, std::string_view b) {
  const auto sp = split(a, ".");
  const auto op = split(b, ".");
  const std::size_t n = std::max(sp.size(), op.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int d = compare_pre_part(i < sp.size() ? sp[i] : "", i < op.size() ? op[i] : "");
    if (d != 0)
      return d;
  }
  return 0;
}

// --- cvRegex, leftmost-first: v?([0-9|x|X|\*]+)(\.[...]+)?(\.[...]+)?(-(ids))?(\+(ids))?
struct Span {
  std::size_t b = npos;
  std::size_t e = npos;
  bool present() const { return b != npos; }
  std::string_view of(std::string_view s) const {
    return present() ? s.substr(b, e - b) : std::string_view();
  }
};

struct CvMatch {
  Span whole, major, minor, patch, pre, meta;  // minor/patch/pre/meta include their '.', '-', '+'
};

using Next = std::function<bool(std::size_t)>;

// ([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*), greedy.
bool match_idents(std::string_view s, std::size_t p, const Next& k) {
  const std::size_t m = run(s, p, is_ident);
  for (std::size_t j = m; j >= 1; --j) {
    std::function<bool(std::size_t)> more = [&](std::size_t q) {
      if (q < s.size() && s[q] == '.') {
        const std::size_t r = run(s, q + 1, is_ident);
        for (std::size_t i = r; i >= 1; --i) {
          if (more(q + 1 + i))
            return true;
        }
      }
      return k(q);
    };
    if (more(p + j))
      return true;
  }
  return false;
}

// An optional "(<lead>ids)" group, present first.
bool match_tagged(std::string_view s, std::size_t p, char lead, Span& span, const Next& k) {
  if (p < s.size() && s[p] == lead) {
    if (match_idents(s, p + 1, [&](std::size_t e) {
          span = {p, e};
          return k(e);
        })) {
      return true;
    }
  }
  span = {};
  return k(p);
}

// An optional "(\.[0-9|x|X|\*]+)" group, present (longest) first.
bool match_dot_segment(std::string_view s, std::size_t p, Span& span, const Next& k) {
  if (p < s.size() && s[p] == '.') {
    for (std::size_t j = run(s, p + 1, is_segment); j >= 1; --j) {
      span = {p, p + 1 + j};
      if (k(p + 1 + j))
        return true;
    }
  }
  span = {};
  return k(p);
}

bool match_cv(std::string_view s, std::size_t p, CvMatch& m, const Next& k) {
  for (int with_v = 1; with_v >= 0; --with_v) {
    std::size_t q = p;
    if (with_v == 1) {
      if (q >= s.size() || s[q] != 'v')
        continue;
      ++q;
    }
    for (std::size_t i = run(s, q, is_segment); i >= 1; --i) {
      m.major = {q, q + i};
      const bool ok = match_dot_segment(s, q + i, m.minor, [&](std::size_t a) {
        return match_dot_segment(s, a, m.patch, [&](std::size_t b) {
          return match_tagged(s, b, '-', m.pre, [&](std::size_t c) {
            return match_tagged(s, c, '+', m.meta, [&](std::size_t e) {
              m.whole = {p, e};
              return k(e);
            });
          });
        });
      });
      if (ok)
        return true;
    }
  }
  return false;
}

// \s* or \s+ (min 1), greedy.
bool match_spaces(std::string_view s, std::size_t p, std::size_t min, const Next& k) {
  for (std::size_t n = run(s, p, is_space) + 1; n-- > min;) {
    if (k(p + n))
      return true;
  }
  return false;
}

// The operator alternation `=||!=|>|<|>=|=>|<=|=<|~|~>|\^`, in its order ("" second).
constexpr std::array<std::string_view, 12> kOps = {
    "=", "", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"};

bool match_op(std::string_view s, std::size_t p, Span& span, const Next& k) {
  for (std::string_view op : kOps) {
    if (s.substr(p, op.size()) != op)
      continue;
    span = {p, p + op.size()};
    if (k(p + op.size()))
      return true;
  }
  return false;
}

// constraintRegex: ^\s*(ops)\s*(cv)\s*$
bool match_constraint(std::string_view s, Span& op, CvMatch& cv) {
  return match_spaces(s, 0, 0, [&](std::size_t a) {
    return match_op(s, a, op, [&](std::size_t b) {
      return match_spaces(s, b, 0, [&](std::size_t c) {
        return match_cv(s, c, cv, [&](std::size_t d) {
          return match_spaces(s, d, 0, [&](std::size_t e) { return e == s.size(); });
        });
      });
    });
  });
}

// findConstraintRegex.FindAllString: (ops)\s*(cv), leftmost-first, non-overlapping.
std::vector<std::string_view> find_constraints(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0; start < s.size();) {
    Span op;
    CvMatch cv;
    std::size_t end = npos;
    match_op(s, start, op, [&](std::size_t a) {
      return match_spaces(s, a, 0, [&](std::size_t b) {
        return match_cv(s, b, cv, [&](std::size_t c) {
          end = c;
          return true;
        });
      });
    });
    if (end == npos) {
      ++start;
      continue;
    }
    out.push_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

// All end positions of cvRegex from p (for the yes/no validConstraintRegex).
std::set<std::size_t> cv_ends(std::string_view s, std::size_t p) {
  std::set<std::size_t> ends;
  CvMatch m;
  match_cv(s, p, m, [&](std::size_t e) {
    ends.insert(e);
    return false;  // keep exploring every parse
  });
  return ends;
}

std::set<std::size_t> spaces_ends(std::string_view s, const std::set<std::size_t>& from,
                                  std::size_t min) {
  std::set<std::size_t> out;
  for (std::size_t p : from) {
    const std::size_t n = run(s, p, is_space);
    for (std::size_t i = min; i <= n; ++i) out.insert(p + i);
  }
  return out;
}

// (ops)\s*(cv)\s* from each position.
std::set<std::size_t> constraint_ends(std::string_view s, const std::set<std::size_t>& from) {
  std::set<std::size_t> after_op;
  for (std::size_t p : from) {
    for (std::string_view op : kOps) {
      if (s.substr(p, op.size()) == op)
        after_op.insert(p + op.size());
    }
  }
  std::set<std::size_t> after_cv;
  for (std::size_t p : spaces_ends(s, after_op, 0)) {
    for (std::size_t e : cv_ends(s, p)) after_cv.insert(e);
  }
  return spaces_ends(s, after_cv, 0);
}

// validConstraintRegex: ^(\s*(ops)\s*(cv)\s*)((?:\s+|,\s*)(ops)\s*(cv)\s*)*$
bool valid_constraint(std::string_view s) {
  std::set<std::size_t> reached = constraint_ends(s, spaces_ends(s, {0}, 0));
  std::set<std::size_t> frontier = reached;
  while (!frontier.empty()) {
    if (reached.count(s.size()))
      return true;
    std::set<std::size_t> separated = spaces_ends(s, frontier, 1);
    std::set<std::size_t> commas;
    for (std::size_t p : frontier) {
      if (p < s.size() && s[p] == ',')
        commas.insert(p + 1);
    }
    for (std::size_t p : spaces_ends(s, commas, 0)) separated.insert(p);
    std::set<std::size_t> next;
    for (std::size_t e : constraint_ends(s, separated)) {
      if (reached.insert(e).second)
        next.insert(e);
    }
    frontier = std::move(next);
  }
  return reached.count(s.size()) > 0;
}

// rewriteRange: each "\s*(cv)\s+-\s+(cv)\s*" becomes ">= A, <= B".
std::string rewrite_range(std::string_view in) {
  std::vector<std::pair<std::string, std::string>> replacements;  // (match, replacement)
  for (std::size_t start = 0; start < in.size();) {
    CvMatch a;
    CvMatch b;
    std::size_t end = npos;
    match_spaces(in, start, 0, [&](std::size_t p) {
      return match_cv(in, p, a, [&](std::size_t q) {
        return match_spaces(in, q, 1, [&](std::size_t r) {
          if (r >= in.size() || in[r] != '-')
            return false;
          return match_spaces(in, r + 1, 1, [&](std::size_t t) {
            return match_cv(in, t, b, [&](std::size_t u) {
              return match_spaces(in, u, 0, [&](std::size_t w) {
                end = w;
                return true;
              });
            });
          });
        });
      });
    });
    if (end == npos) {
      ++start;
      continue;
    }
    replacements.emplace_back(
        std::string(in.substr(start, end - start)),
        ">= " + std::string(a.whole.of(in)) + ", <= " + std::string(b.whole.of(in)));
    start = end > start ? end : start + 1;
  }
  std::string out(in);
  for (const auto& [match, repl] : replacements) {
    // strings.Replace(o, v[0], t, 1): the first occurrence in the text so far.
    const std::size_t at = out.find(match);
    if (at != std::string::npos)
      out.replace(at, match.size(), repl);
  }
  return out;
}

bool is_x(std::string_view s) {
  return s == "x" || s == "*" || s == "X";
}

std::string strip_dot(std::string_view s) {
  return std::string(s.empty() ? s : s.substr(1));
}

}  // namespace

// --- Version

Version::Version(std::uint64_t major, std::uint64_t minor, std::uint64_t patch,
                 std::string prerelease, std::string metadata)
    : major_(major),
      minor_(minor),
      patch_(patch),
      pre_(std::move(prerelease)),
      metadata_(std::move(metadata)) {
  original_ = str();
}

Version Version::parse(std::string_view text) {
  // versionRegex: ^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-(ids))?(\+(ids))?$
  std::size_t p = 0;
  if (p < text.size() && text[p] == 'v')
    ++p;
  const std::size_t major_len = run(text, p, is_digit);
  if (major_len == 0)
    fail("Invalid Semantic Version");
  Span major{p, p + major_len};
  p += major_len;
  Span segments[2];
  for (Span& seg : segments) {
    if (p < text.size() && text[p] == '.') {
      const std::size_t n = run(text, p + 1, is_digit);
      if (n > 0) {
        seg = {p + 1, p + 1 + n};
        p += 1 + n;
      }
    }
  }
  Span pre;
  Span meta;
  auto tagged = [&](char lead, Span& span) {
    if (p >= text.size() || text[p] != lead)
      return;
    match_idents(text, p + 1, [&](std::size_t e) {
      span = {p + 1, e};
      return true;
    });
    if (span.present())
      p = span.e;
  };
  tagged('-', pre);
  tagged('+', meta);
  if (p != text.size())
    fail("Invalid Semantic Version");

  Version v;
  v.original_ = std::string(text);
  v.pre_ = std::string(pre.of(text));
  v.metadata_ = std::string(meta.of(text));
  std::string error;
  v.major_ = parse_uint(major.of(text), &error);
  if (error.empty() && segments[0].present())
    v.minor_ = parse_uint(segments[0].of(text), &error);
  if (error.empty() && segments[1].present())
    v.patch_ = parse_uint(segments[1].of(text), &error);
  if (!error.empty())
    fail("Error parsing version segment: " + error);
  if (!v.pre_.empty())
    validate_prerelease(v.pre_);
  if (!v.metadata_.empty())
    validate_metadata(v.metadata_);
  return v;
}

Version Version::parse_strict(std::string_view text) {
  if (text.empty())
    fail("Version string empty");
  std::vector<std::string_view> parts;
  {
    // strings.SplitN(v, ".", 3)
    std::size_t start = 0;
    for (int i = 0; i < 2; ++i) {
      const std::size_t dot = text.find('.', start);
      if (dot == npos)
        break;
      parts.push_back(text.substr(start, dot - start));
      start = dot + 1;
    }
    parts.push_back(text.substr(start));
  }
  if (parts.size() != 3)
    fail("Invalid Semantic Version");
  Version v;
  v.original_ = std::string(text);
  if (parts[2].find_first_of("-+") != npos) {
    if (std::size_t plus = parts[2].find('+'); plus != npos) {
      v.metadata_ = std::string(parts[2].substr(plus + 1));
      parts[2] = parts[2].substr(0, plus);
    }
    if (std::size_t dash = parts[2].find('-'); dash != npos) {
      v.pre_ = std::string(parts[2].substr(dash + 1));
      parts[2] = parts[2].substr(0, dash);
    }
  }
  for (std::string_view part : parts) {
    if (!only_digits(part))
      fail("Invalid characters in version");
    if (part.size() > 1 && part[0] == '0')
      fail("Version segment starts with 0");
  }
  std::string error;
  v.major_ = parse_uint(parts[0], &error);
  if (error.empty())
    v.minor_ = parse_uint(parts[1], &error);
  if (error.empty())
    v.patch_ = parse_uint(parts[2], &error);
  if (!error.empty())
    fail(error);
  if (!v.pre_.empty())
    validate_prerelease(v.pre_);
  if (!v.metadata_.empty())
    validate_metadata(v.metadata_);
  return v;
}

std::string Version::str() const {
  std::string out =
      std::to_string(major_) + "." + std::to_string(minor_) + "." + std::to_string(patch_);
  if (!pre_.empty())
    out += "-" + pre_;
  if (!metadata_.empty())
    out += "+" + metadata_;
  return out;
}

int Version::compare(const Version& o) const {
  if (major_ != o.major_)
    return major_ < o.major_ ? -1 : 1;
  if (minor_ != o.minor_)
    return minor_ < o.minor_ ? -1 : 1;
  if (patch_ != o.patch_)
    return patch_ < o.patch_ ? -1 : 1;
  if (pre_.empty() && o.pre_.empty())
    return 0;
  if (pre_.empty())
    return 1;
  if (o.pre_.empty())
    return -1;
  return compare_prerelease(pre_, o.pre_);
}

// --- Constraints

namespace {

using Constraint = Constraints::Constraint;

Constraint parse_constraint(std::string_view text) {
  if (text.empty()) {
    return Constraint{Version::parse_strict("0.0.0"), "", "", true, false, false};
  }
  Span op;
  CvMatch m;
  if (!match_constraint(text, op, m))
    fail("improper constraint: " + std::string(text));
  const std::string_view major = m.major.of(text);
  const std::string_view minor = m.minor.of(text);
  const std::string_view patch = m.patch.of(text);
  const std::string_view pre = m.pre.of(text);  // with its '-'
  std::string ver(m.whole.of(text));
  bool dirty = false;
  bool minor_dirty = false;
  bool patch_dirty = false;
  if (is_x(major) || major.empty()) {
    ver = "0.0.0" + std::string(pre);
    dirty = true;
  } else if (is_x(strip_dot(minor)) || minor.empty()) {
    minor_dirty = true;
    dirty = true;
    ver = std::string(major) + ".0.0" + std::string(pre);
  } else if (is_x(strip_dot(patch)) || patch.empty()) {
    dirty = true;
    patch_dirty = true;
    ver = std::string(major) + std::string(minor) + ".0" + std::string(pre);
  }
  Version version(0, 0, 0);
  try {
    version = Version::parse(ver);
  } catch (const Error&) {
    fail("constraint Parser Error");
  }
  return Constraint{
      version,    std::string(m.whole.of(text)), std::string(op.of(text)), dirty, minor_dirty,
      patch_dirty};
}

using Result = std::pair<bool, std::string>;  // holds, or why not

Result yes() {
  return {true, {}};
}
Result no(const Version& v, const std::string& what, const Constraint& c) {
  return {false, v.str() + " " + what + " " + c.original};
}

bool prerelease_excluded(const Version& v, const Constraint& c) {
  return !v.prerelease().empty() && c.version.prerelease().empty();
}

Result prerelease_refusal(const Version& v) {
  return {
      false,
      v.str() + " is a prerelease version and the constraint is only looking for release versions"};
}

Result tilde(const Version& v, const Constraint& c) {
  if (prerelease_excluded(v, c))
    return prerelease_refusal(v);
  if (v < c.version)
    return no(v, "is less than", c);
  const Version& k = c.version;
  if (k.major() == 0 && k.minor() == 0 && k.patch() == 0 && !c.minor_dirty && !c.patch_dirty)
    return yes();
  if (v.major() != k.major())
    return no(v, "does not have same major version as", c);
  if (v.minor() != k.minor() && !c.minor_dirty)
    return no(v, "does not have same major and minor version as", c);
  return yes();
}

Result check_one(const Version& v, const Constraint& c) {
  const Version& k = c.version;
  const std::string& op = c.op;
  if (op.empty() || op == "=") {
    if (prerelease_excluded(v, c))
      return prerelease_refusal(v);
    if (c.dirty)
      return tilde(v, c);
    return v == k ? yes() : no(v, "is not equal to", c);
  }
  if (op == "!=") {
    if (c.dirty) {
      if (prerelease_excluded(v, c))
        return prerelease_refusal(v);
      if (k.major() != v.major())
        return yes();
      if (k.minor() != v.minor() && !c.minor_dirty)
        return yes();
      if (c.minor_dirty)
        return no(v, "is equal to", c);
      if (k.patch() != v.patch() && !c.patch_dirty)
        return yes();
      if (c.patch_dirty) {
        if (!v.prerelease().empty() || !k.prerelease().empty()) {
          if (compare_prerelease(v.prerelease(), k.prerelease()) != 0)
            return yes();
        }
        return no(v, "is equal to", c);
      }
    }
    return v == k ? no(v, "is equal to", c) : yes();
  }
  if (prerelease_excluded(v, c))
    return prerelease_refusal(v);
  if (op == ">") {
    if (!c.dirty)
      return v.compare(k) == 1 ? yes() : no(v, "is less than or equal to", c);
    if (v.major() > k.major())
      return yes();
    if (v.major() < k.major() || c.minor_dirty)
      return no(v, "is less than or equal to", c);
    if (c.patch_dirty)
      return v.minor() > k.minor() ? yes() : no(v, "is less than or equal to", c);
    return v.compare(k) == 1 ? yes() : no(v, "is less than or equal to", c);
  }
  if (op == "<")
    return v.compare(k) < 0 ? yes() : no(v, "is greater than or equal to", c);
  if (op == ">=" || op == "=>")
    return v.compare(k) >= 0 ? yes() : no(v, "is less than", c);
  if (op == "<=" || op == "=<") {
    if (!c.dirty)
      return v.compare(k) <= 0 ? yes() : no(v, "is greater than", c);
    if (v.major() > k.major())
      return no(v, "is greater than", c);
    if (v.major() == k.major() && v.minor() > k.minor() && !c.minor_dirty)
      return no(v, "is greater than", c);
    return yes();
  }
  if (op == "~" || op == "~>")
    return tilde(v, c);
  // "^"
  if (v < k)
    return no(v, "is less than", c);
  if (k.major() > 0 || c.minor_dirty) {
    return v.major() == k.major() ? yes() : no(v, "does not have same major version as", c);
  }
  if (k.major() == 0 && v.major() > 0)
    return no(v, "does not have same major version as", c);
  if (k.minor() > 0 || c.patch_dirty) {
    if (v.minor() == k.minor())
      return yes();
    return {false, v.str() + " does not have same minor version as " + c.original +
                       ". Expected minor versions to match when constraint major version is 0"};
  }
  if (k.minor() == 0 && v.minor() > 0)
    return no(v, "does not have same minor version as", c);
  if (k.patch() == v.patch())
    return yes();
  return {false,
          v.str() + " does not equal " + c.original +
              ". Expect version and constraint to equal when major and minor versions are 0"};
}

}  // namespace

Constraints Constraints::parse(std::string_view text) {
  const std::string rewritten = rewrite_range(text);
  Constraints out;
  for (std::string_view group : split(rewritten, "||")) {
    if (!valid_constraint(group))
      fail("improper constraint: " + std::string(group));
    std::vector<std::string_view> found = find_constraints(group);
    if (found.empty())
      found.push_back(group);
    std::vector<Constraint> parsed;
    parsed.reserve(found.size());
    for (std::string_view c : found) parsed.push_back(parse_constraint(c));
    out.groups_.push_back(std::move(parsed));
  }
  return out;
}

bool Constraints::check(const Version& v) const {
  for (const auto& group : groups_) {
    bool all = true;
    for (const Constraint& c : group) {
      if (!check_one(v, c).first) {
        all = false;
        break;
      }
    }
    if (all)
      return true;
  }
  return false;
}

std::pair<bool, std::vector<std::string>> Constraints::validate(const Version& v) const {
  std::vector<std::string> errors;
  bool prerelease_reported = false;
  for (const auto& group : groups_) {
    bool all = true;
    for (const Constraint& c : group) {
      if (c.version.prerelease().empty() && !v.prerelease().empty()) {
        if (!prerelease_reported) {
          errors.push_back(prerelease_refusal(v).second);
          prerelease_reported = true;
        }
        all = false;
      } else if (Result r = check_one(v, c); !r.first) {
        errors.push_back(r.second);
        all = false;
      }
    }
    if (all)
      return {true, {}};
  }
  return {false, errors};
}

std::string Constraints::str() const {
  std::string out;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (g > 0)
      out += " || ";
    for (std::size_t i = 0; i < groups_[g].size(); ++i) {
      if (i > 0)
        out += " ";
      out += groups_[g][i].op + groups_[g][i].original;
    }
  }
  return out;
}

}  // namespace capstan::semver
