// chartutil.IsCompatibleRange: Masterminds/semver (v3.2, the oracle's) NewConstraint + Check,
// for dependency versions and Chart.yaml kubeVersion. Hand-written instead of its regexes:
// a constraint is "||"-separated groups of [op] version, separated by spaces or commas, with
// "A - B" ranges; x/X/* wildcards make a constraint "dirty" at that position; prerelease
// versions only satisfy constraints that carry a prerelease themselves.
// TODO(core/semver): use core's semver once it exists, keeping these semantics.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chart/dependencies.h"
#include "chart/metadata.h"
#include "core/strconv.h"

namespace capstan::chart {

namespace {

struct Version {
  std::uint64_t major = 0;
  std::uint64_t minor = 0;
  std::uint64_t patch = 0;
  std::string pre;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

// NewVersion (lenient), after is_chart_version accepted the text.
std::optional<Version> parse_version(std::string_view s) {
  if (!is_chart_version(s)) return std::nullopt;
  Version v;
  std::size_t i = (!s.empty() && s[0] == 'v') ? 1 : 0;
  std::uint64_t* parts[] = {&v.major, &v.minor, &v.patch};
  for (int k = 0; k < 3 && i < s.size() && is_digit(s[i]); ++k) {
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    *parts[k] = strconv::parse_uint(s.substr(start, i - start), 10, 64).value;
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1])) ++i;
  }
  if (i < s.size() && s[i] == '-') {
    std::size_t end = s.find('+', i);
    v.pre = std::string(s.substr(i + 1, end == std::string_view::npos ? end : end - i - 1));
  }
  return v;
}

int compare_pre_part(const std::string& s, const std::string& o) {
  if (s == o) return 0;
  if (s.empty()) return o.empty() ? 1 : -1;
  if (o.empty()) return 1;
  auto oi = strconv::parse_uint(o, 10, 64);
  auto si = strconv::parse_uint(s, 10, 64);
  if (!oi.ok() && !si.ok()) return s > o ? 1 : -1;
  if (!oi.ok()) return -1;
  if (!si.ok()) return 1;
  return si.value > oi.value ? 1 : -1;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? at : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

int compare_pre(const std::string& a, const std::string& b) {
  std::vector<std::string> sp = split(a, '.');
  std::vector<std::string> op = split(b, '.');
  for (std::size_t i = 0; i < std::max(sp.size(), op.size()); ++i) {
    int d = compare_pre_part(i < sp.size() ? sp[i] : "", i < op.size() ? op[i] : "");
    if (d != 0) return d;
  }
  return 0;
}

int compare(const Version& v, const Version& o) {
  for (auto [a, b] : {std::pair{v.major, o.major}, {v.minor, o.minor}, {v.patch, o.patch}}) {
    if (a != b) return a < b ? -1 : 1;
  }
  if (v.pre.empty() && o.pre.empty()) return 0;
  if (v.pre.empty()) return 1;
  if (o.pre.empty()) return -1;
  return compare_pre(v.pre, o.pre);
}

struct Constraint {
  std::string op;
  Version con;
  bool dirty = false;
  bool minor_dirty = false;
  bool patch_dirty = false;
};

bool is_x(std::string_view s) { return s == "x" || s == "X" || s == "*"; }

// cvRegex's characters for a version segment: [0-9|x|X|\*].
bool is_segment_char(char c) { return is_digit(c) || c == '|' || c == 'x' || c == 'X' || c == '*'; }

// The cv part at `i` (greedy, as the regex matches it): segments and the prerelease (kept
// apart, as parseConstraint rebuilds dirty versions from them). nullopt when there is none.
struct Cv {
  std::string text;  // the whole match
  std::string major, minor, patch;
  std::string pre_with_dash;
};

std::optional<Cv> parse_cv(std::string_view s, std::size_t& i) {
  Cv cv;
  const std::size_t start = i;
  if (i < s.size() && s[i] == 'v') ++i;
  auto segment = [&](std::string& out) {
    std::size_t b = i;
    while (i < s.size() && is_segment_char(s[i])) ++i;
    out = std::string(s.substr(b, i - b));
    return i > b;
  };
  if (!segment(cv.major)) {
    i = start;
    return std::nullopt;
  }
  for (std::string* part : {&cv.minor, &cv.patch}) {
    if (i + 1 < s.size() && s[i] == '.' && is_segment_char(s[i + 1])) {
      ++i;
      segment(*part);
      *part = "." + *part;
    } else {
      break;
    }
  }
  auto ident_list = [&]() {
    std::size_t b = i;
    while (true) {
      std::size_t seg = i;
      while (i < s.size() && is_ident(s[i])) ++i;
      if (i == seg) {
        i = seg > b ? seg - 1 : b;  // drop a dangling '.'
        break;
      }
      if (i + 1 < s.size() && s[i] == '.' && is_ident(s[i + 1])) {
        ++i;
        continue;
      }
      break;
    }
    return i > b;
  };
  if (i + 1 < s.size() && s[i] == '-' && is_ident(s[i + 1])) {
    std::size_t dash = i++;
    ident_list();
    cv.pre_with_dash = std::string(s.substr(dash, i - dash));
  }
  if (i + 1 < s.size() && s[i] == '+' && is_ident(s[i + 1])) {
    ++i;
    ident_list();
  }
  cv.text = std::string(s.substr(start, i - start));
  return cv;
}

bool re_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

std::string_view read_op(std::string_view s, std::size_t& i) {
  static constexpr std::string_view kOps[] = {"!=", ">=", "=>", "<=", "=<", "~>",
                                              ">",  "<",  "=",  "~",  "^"};
  for (std::string_view op : kOps) {
    if (s.substr(i, op.size()) == op) {
      i += op.size();
      return op;
    }
  }
  return "";
}

// parseConstraint.
std::optional<Constraint> make_constraint(std::string_view op, const Cv& cv) {
  Constraint c;
  c.op = std::string(op);
  std::string ver = cv.text;
  if (is_x(cv.major)) {
    ver = "0.0.0" + cv.pre_with_dash;
    c.dirty = true;
  } else if (cv.minor.empty() || is_x(cv.minor.substr(1))) {
    c.minor_dirty = c.dirty = true;
    ver = cv.major + ".0.0" + cv.pre_with_dash;
  } else if (cv.patch.empty() || is_x(cv.patch.substr(1))) {
    c.patch_dirty = c.dirty = true;
    ver = cv.major + cv.minor + ".0" + cv.pre_with_dash;
  }
  std::optional<Version> v = parse_version(ver);
  if (!v) return std::nullopt;
  c.con = *v;
  return c;
}

// One "||" alternative: constraints separated by blanks or commas.
std::optional<std::vector<Constraint>> parse_group(std::string_view s) {
  std::vector<Constraint> out;
  std::size_t i = 0;
  while (i < s.size() && re_space(s[i])) ++i;
  while (true) {
    std::string_view op = read_op(s, i);
    while (i < s.size() && re_space(s[i])) ++i;
    std::optional<Cv> cv = parse_cv(s, i);
    if (!cv) return std::nullopt;
    std::optional<Constraint> c = make_constraint(op, *cv);
    if (!c) return std::nullopt;
    out.push_back(*c);
    std::size_t before = i;
    while (i < s.size() && re_space(s[i])) ++i;
    if (i == s.size()) return out;
    if (s[i] == ',') {
      ++i;
      while (i < s.size() && re_space(s[i])) ++i;
    } else if (i == before) {
      return std::nullopt;  // no separator between two constraints
    }
  }
}

// rewriteRange: "A - B" becomes ">= A, <= B".
std::string rewrite_ranges(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    std::optional<Cv> a = parse_cv(s, j);
    if (a && (i == 0 || !is_segment_char(s[i - 1]))) {
      std::size_t k = j;
      std::size_t spaces = 0;
      while (k < s.size() && re_space(s[k])) ++k, ++spaces;
      if (spaces > 0 && k < s.size() && s[k] == '-') {
        std::size_t m = k + 1;
        std::size_t spaces2 = 0;
        while (m < s.size() && re_space(s[m])) ++m, ++spaces2;
        std::optional<Cv> b = spaces2 > 0 ? parse_cv(s, m) : std::nullopt;
        if (b) {
          out += ">= " + a->text + ", <= " + b->text;
          i = m;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return out;
}

bool check(const Version& v, const Constraint& c) {
  const Version& con = c.con;
  const bool pre_mismatch = !v.pre.empty() && con.pre.empty();
  auto tilde = [&] {
    if (pre_mismatch || compare(v, con) < 0) return false;
    if (con.major == 0 && con.minor == 0 && con.patch == 0 && !c.minor_dirty && !c.patch_dirty) {
      return true;
    }
    if (v.major != con.major) return false;
    return !(v.minor != con.minor && !c.minor_dirty);
  };
  if (c.op == "" || c.op == "=") {
    if (pre_mismatch) return false;
    return c.dirty ? tilde() : compare(v, con) == 0;
  }
  if (c.op == "!=") {
    if (c.dirty) {
      if (pre_mismatch) return false;
      if (con.major != v.major) return true;
      if (con.minor != v.minor && !c.minor_dirty) return true;
      if (c.minor_dirty) return false;
      if (con.patch != v.patch && !c.patch_dirty) return true;
      if (c.patch_dirty) {
        if (!v.pre.empty() || !con.pre.empty()) return compare_pre(v.pre, con.pre) != 0;
        return false;
      }
    }
    return compare(v, con) != 0;
  }
  if (pre_mismatch) return false;
  if (c.op == ">") {
    if (!c.dirty) return compare(v, con) == 1;
    if (v.major > con.major) return true;
    if (v.major < con.major || c.minor_dirty) return false;
    if (c.patch_dirty) return v.minor > con.minor;
    return compare(v, con) == 1;
  }
  if (c.op == "<") return compare(v, con) < 0;
  if (c.op == ">=" || c.op == "=>") return compare(v, con) >= 0;
  if (c.op == "<=" || c.op == "=<") {
    if (!c.dirty) return compare(v, con) <= 0;
    if (v.major > con.major) return false;
    return !(v.major == con.major && v.minor > con.minor && !c.minor_dirty);
  }
  if (c.op == "~" || c.op == "~>") return tilde();
  // "^"
  if (compare(v, con) < 0) return false;
  if (con.major > 0 || c.minor_dirty) return v.major == con.major;
  if (v.major > 0) return false;
  if (con.minor > 0 || c.patch_dirty) return v.minor == con.minor;
  if (v.minor > 0) return false;
  return con.patch == v.patch;
}

}  // namespace

bool is_compatible_range(std::string_view constraint, std::string_view version) {
  std::optional<Version> v = parse_version(version);
  if (!v) return false;
  const std::string rewritten = rewrite_ranges(std::string(constraint));
  std::vector<std::vector<Constraint>> groups;
  std::size_t start = 0;
  while (true) {
    std::size_t bar = rewritten.find("||", start);
    std::optional<std::vector<Constraint>> g = parse_group(
        std::string_view(rewritten).substr(start, bar == std::string::npos ? bar : bar - start));
    if (!g) return false;  // NewConstraint fails: "improper constraint"
    groups.push_back(std::move(*g));
    if (bar == std::string::npos) break;
    start = bar + 2;
  }
  for (const auto& group : groups) {
    bool all = true;
    for (const Constraint& c : group) all = all && check(*v, c);
    if (all) return true;
  }
  return false;
}

}  // namespace capstan::chart
