// Label selector parsing and matching, after k8s.io/apimachinery/pkg/labels/selector.go: the
// same tokens, the same recursive descent and the same error texts.
#include "orchestrator/labels.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/error.h"
#include "core/strconv.h"
#include "core/value.h"
#include "orchestrator/validation.h"

namespace capstan::orchestrator {

namespace {

enum class Tok {
  Error,
  End,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  Gt,
  Identifier,
  In,
  Lt,
  NotEquals,
  NotIn,
  OpenPar
};

struct Item {
  Tok tok;
  std::string lit;
};

bool keyword(std::string_view s, Tok& tok) {
  static const std::pair<std::string_view, Tok> kTokens[] = {
      {")", Tok::ClosedPar}, {",", Tok::Comma},      {"!", Tok::DoesNotExist},
      {"==", Tok::DoubleEquals}, {"=", Tok::Equals}, {">", Tok::Gt},
      {"in", Tok::In},       {"<", Tok::Lt},         {"!=", Tok::NotEquals},
      {"notin", Tok::NotIn}, {"(", Tok::OpenPar},
  };
  for (const auto& [text, t] : kTokens) {
    if (s == text) {
      tok = t;
      return true;
    }
  }
  return false;
}

bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_special(char c) {
  return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
}

std::vector<Item> scan(std::string_view s) {
  std::vector<Item> items;
  std::size_t pos = 0;
  for (;;) {
    while (pos < s.size() && is_whitespace(s[pos])) ++pos;
    if (pos >= s.size() || s[pos] == '\0') {
      items.push_back({Tok::End, ""});
      return items;
    }
    if (is_special(s[pos])) {
      // Longest run of special symbols that still forms a token.
      std::string buffer;
      Item last{Tok::Error, ""};
      while (pos < s.size() && is_special(s[pos])) {
        buffer += s[pos];
        Tok t;
        if (keyword(buffer, t)) {
          last = {t, buffer};
          ++pos;
        } else if (last.tok != Tok::Error) {
          break;
        } else {
          ++pos;
        }
      }
      if (last.tok == Tok::Error) last.lit = "error expected: keyword found '" + buffer + "'";
      items.push_back(last);
      continue;
    }
    std::string buffer;
    while (pos < s.size() && s[pos] != '\0' && !is_special(s[pos]) && !is_whitespace(s[pos])) {
      buffer += s[pos++];
    }
    Tok t;
    items.push_back(keyword(buffer, t) ? Item{t, buffer} : Item{Tok::Identifier, buffer});
  }
}

bool parse_int64(const std::string& s, std::int64_t& out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end && !s.empty();
}

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorKind::BadRequest, message); }

std::string values_text(const std::vector<std::string>& values) {
  // Go's %#v of a []string in a field.Invalid.
  std::string out = "[]string{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += strconv::quote(values[i]);
  }
  return out + "}";
}

// labels.NewRequirement's validation; `path` is the field path prefix ("" = none).
Requirement new_requirement(std::string key, SelectorOp op, std::vector<std::string> values,
                            const std::string& path) {
  const auto child = [&](const std::string& name) { return path.empty() ? name : path + "." + name; };
  std::vector<FieldError> errs;
  if (auto msgs = qualified_name_errors(key); !msgs.empty()) {
    std::string joined;
    for (const auto& m : msgs) joined += (joined.empty() ? "" : "; ") + m;
    errs.push_back(field_invalid(child("key"), Value(key), joined));
  }
  const std::string values_path = child("values");
  switch (op) {
    case SelectorOp::In:
    case SelectorOp::NotIn:
      if (values.empty()) {
        errs.push_back(field_invalid_text(values_path, values_text(values),
                                          "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case SelectorOp::Equals:
    case SelectorOp::DoubleEquals:
    case SelectorOp::NotEquals:
      if (values.size() != 1) {
        errs.push_back(field_invalid_text(values_path, values_text(values),
                                          "exact-match compatibility requires one single value"));
      }
      break;
    case SelectorOp::Exists:
    case SelectorOp::DoesNotExist:
      if (!values.empty()) {
        errs.push_back(field_invalid_text(values_path, values_text(values),
                                          "values set must be empty for exists and does not exist"));
      }
      break;
    case SelectorOp::Gt:
    case SelectorOp::Lt:
      if (values.size() != 1) {
        errs.push_back(field_invalid_text(values_path, values_text(values),
                                          "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      for (std::size_t i = 0; i < values.size(); ++i) {
        std::int64_t ignored;
        if (!parse_int64(values[i], ignored)) {
          errs.push_back(field_invalid(values_path + "[" + std::to_string(i) + "]", Value(values[i]),
                                       "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      }
      break;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (auto msgs = label_value_errors(values[i]); !msgs.empty()) {
      std::string joined;
      for (const auto& m : msgs) joined += (joined.empty() ? "" : "; ") + m;
      errs.push_back(field_invalid(values_path + "[" + std::to_string(i) + "][" + key + "]",
                                   Value(values[i]), joined));
    }
  }
  if (!errs.empty()) throw Error(ErrorKind::BadRequest, aggregate(errs));
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return Requirement{std::move(key), op, std::move(values)};
}

class Parser {
 public:
  explicit Parser(std::string_view text) : items_(scan(text)) {}

  Selector parse() {
    Selector selector;
    for (;;) {
      auto [tok, lit] = lookahead(true);
      if (tok == Tok::Identifier || tok == Tok::DoesNotExist) {
        Requirement r;
        try {
          r = parse_requirement();
        } catch (const Error& e) {
          fail("unable to parse requirement: " + std::string(e.what()));
        }
        selector.add(std::move(r));
        auto [t, l] = consume(true);
        if (t == Tok::End) return selector;
        if (t == Tok::Comma) {
          auto [t2, l2] = lookahead(true);
          if (t2 != Tok::Identifier && t2 != Tok::DoesNotExist) {
            fail("found '" + l2 + "', expected: identifier after ','");
          }
          continue;
        }
        fail("found '" + l + "', expected: ',' or 'end of string'");
      }
      if (tok == Tok::End) return selector;
      fail("found '" + lit + "', expected: !, identifier, or 'end of string'");
    }
  }

 private:
  // In a value context, "in" and "notin" are plain identifiers.
  Item lookahead(bool values) const {
    Item it = items_[pos_];
    if (values && (it.tok == Tok::In || it.tok == Tok::NotIn)) it.tok = Tok::Identifier;
    return it;
  }
  Item consume(bool values) {
    Item it = lookahead(values);
    ++pos_;
    return it;
  }

  Requirement parse_requirement() {
    SelectorOp op = SelectorOp::Equals;
    bool inferred = false;
    Item item = consume(true);
    bool not_exist = false;
    if (item.tok == Tok::DoesNotExist) {
      not_exist = true;
      item = consume(true);
    }
    if (item.tok != Tok::Identifier) {
      throw Error(ErrorKind::BadRequest, "found '" + item.lit + "', expected: identifier");
    }
    if (auto msgs = qualified_name_errors(item.lit); !msgs.empty()) {
      std::string joined;
      for (const auto& m : msgs) joined += (joined.empty() ? "" : "; ") + m;
      // Go: the parser validates keys with a nil field path, which prints as "<nil>".
      throw Error(ErrorKind::BadRequest, field_invalid("<nil>", Value(item.lit), joined).str());
    }
    const std::string key = item.lit;
    const Tok next = lookahead(true).tok;
    if (next == Tok::End || next == Tok::Comma) {
      op = not_exist ? SelectorOp::DoesNotExist : SelectorOp::Exists;
      inferred = true;
    } else if (not_exist) {
      op = SelectorOp::DoesNotExist;
      inferred = true;
    }
    if (inferred) return new_requirement(key, op, {}, "");
    auto [otok, olit] = consume(false);
    switch (otok) {
      case Tok::In: op = SelectorOp::In; break;
      case Tok::Equals: op = SelectorOp::Equals; break;
      case Tok::DoubleEquals: op = SelectorOp::DoubleEquals; break;
      case Tok::Gt: op = SelectorOp::Gt; break;
      case Tok::Lt: op = SelectorOp::Lt; break;
      case Tok::NotIn: op = SelectorOp::NotIn; break;
      case Tok::NotEquals: op = SelectorOp::NotEquals; break;
      default:
        throw Error(ErrorKind::BadRequest,
                    "found '" + olit + "', expected: in, notin, =, ==, !=, gt, lt");
    }
    std::set<std::string> values;
    if (op == SelectorOp::In || op == SelectorOp::NotIn) {
      values = parse_values();
    } else {
      values = parse_exact_value();
    }
    return new_requirement(key, op, std::vector<std::string>(values.begin(), values.end()), "");
  }

  std::set<std::string> parse_values() {
    auto [tok, lit] = consume(true);
    if (tok != Tok::OpenPar) throw Error(ErrorKind::BadRequest, "found '" + lit + "' expected: '('");
    auto [t2, l2] = lookahead(true);
    if (t2 == Tok::Identifier || t2 == Tok::Comma) {
      std::set<std::string> s = parse_identifiers_list();
      if (consume(true).tok != Tok::ClosedPar) {
        throw Error(ErrorKind::BadRequest, "found '" + l2 + "', expected: ')'");
      }
      return s;
    }
    if (t2 == Tok::ClosedPar) {
      consume(true);
      return {""};
    }
    throw Error(ErrorKind::BadRequest, "found '" + l2 + "', expected: ',', ')' or identifier");
  }

  std::set<std::string> parse_identifiers_list() {
    std::set<std::string> s;
    for (;;) {
      auto [tok, lit] = consume(true);
      if (tok == Tok::Identifier) {
        s.insert(lit);
        auto [t2, l2] = lookahead(true);
        if (t2 == Tok::Comma) continue;
        if (t2 == Tok::ClosedPar) return s;
        throw Error(ErrorKind::BadRequest, "found '" + l2 + "', expected: ',' or ')'");
      }
      if (tok == Tok::Comma) {
        if (s.empty()) s.insert("");
        const Tok t2 = lookahead(true).tok;
        if (t2 == Tok::ClosedPar) {
          s.insert("");
          return s;
        }
        if (t2 == Tok::Comma) {
          consume(true);
          s.insert("");
        }
        continue;
      }
      throw Error(ErrorKind::BadRequest, "found '" + lit + "', expected: ',', or identifier");
    }
  }

  std::set<std::string> parse_exact_value() {
    const Tok t = lookahead(true).tok;
    if (t == Tok::End || t == Tok::Comma) return {""};
    auto [tok, lit] = consume(true);
    if (tok == Tok::Identifier) return {lit};
    throw Error(ErrorKind::BadRequest, "found '" + lit + "', expected: identifier");
  }

  std::vector<Item> items_;
  std::size_t pos_ = 0;
};

const std::string* label_of(const Value& labels, const std::string& key) {
  const Value* v = labels.find(key);
  if (v == nullptr) return nullptr;
  if (v->is_string()) return &v->as_string();
  static const std::string kEmpty;
  return &kEmpty;
}

}  // namespace

bool Requirement::matches(const Value& labels) const {
  const std::string* value = label_of(labels, key);
  const auto has = [&](const std::string& v) {
    return std::binary_search(values.begin(), values.end(), v);
  };
  switch (op) {
    case SelectorOp::In:
    case SelectorOp::Equals:
    case SelectorOp::DoubleEquals:
      return value != nullptr && has(*value);
    case SelectorOp::NotIn:
    case SelectorOp::NotEquals:
      return value == nullptr || !has(*value);
    case SelectorOp::Exists: return value != nullptr;
    case SelectorOp::DoesNotExist: return value == nullptr;
    case SelectorOp::Gt:
    case SelectorOp::Lt: {
      std::int64_t have, want;
      if (value == nullptr || values.size() != 1 || !parse_int64(*value, have) ||
          !parse_int64(values[0], want)) {
        return false;
      }
      return op == SelectorOp::Gt ? have > want : have < want;
    }
  }
  return false;
}

std::string Requirement::str() const {
  std::string out = op == SelectorOp::DoesNotExist ? "!" + key : key;
  switch (op) {
    case SelectorOp::Equals: out += "="; break;
    case SelectorOp::DoubleEquals: out += "=="; break;
    case SelectorOp::NotEquals: out += "!="; break;
    case SelectorOp::In: out += " in "; break;
    case SelectorOp::NotIn: out += " notin "; break;
    case SelectorOp::Gt: out += ">"; break;
    case SelectorOp::Lt: out += "<"; break;
    case SelectorOp::Exists:
    case SelectorOp::DoesNotExist: return out;
  }
  const bool set = op == SelectorOp::In || op == SelectorOp::NotIn;
  if (set) out += "(";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ",";
    out += values[i];
  }
  if (set) out += ")";
  return out;
}

bool Selector::matches(const Value& labels) const {
  if (nothing_) return false;
  for (const Requirement& r : requirements_) {
    if (!r.matches(labels)) return false;
  }
  return true;
}

std::string Selector::str() const {
  std::string out;
  for (const Requirement& r : requirements_) {
    if (!out.empty()) out += ",";
    out += r.str();
  }
  return out;
}

void Selector::add(Requirement r) {
  const auto at = std::upper_bound(
      requirements_.begin(), requirements_.end(), r,
      [](const Requirement& a, const Requirement& b) { return a.key < b.key; });
  requirements_.insert(at, std::move(r));
}

Selector parse_selector(std::string_view text) { return Parser(text).parse(); }

Selector label_selector_as_selector(const Value& ls) {
  if (ls.is_null()) return Selector::nothing();
  const Value* match_labels = ls.find("matchLabels");
  const Value* exprs = ls.find("matchExpressions");
  const std::size_t n = (match_labels != nullptr && match_labels->is_map() ? match_labels->size() : 0) +
                        (exprs != nullptr && exprs->is_list() ? exprs->size() : 0);
  if (n == 0) return Selector::everything();
  Selector selector;
  try {
    if (match_labels != nullptr && match_labels->is_map()) {
      for (const auto& [k, v] : match_labels->map().entries) {
        selector.add(new_requirement(k, SelectorOp::Equals, {v.is_string() ? v.as_string() : ""}, ""));
      }
    }
    if (exprs != nullptr && exprs->is_list()) {
      for (const Value& e : exprs->list().items) {
        const std::string op = e.get_string("operator");
        SelectorOp sop;
        if (op == "In") {
          sop = SelectorOp::In;
        } else if (op == "NotIn") {
          sop = SelectorOp::NotIn;
        } else if (op == "Exists") {
          sop = SelectorOp::Exists;
        } else if (op == "DoesNotExist") {
          sop = SelectorOp::DoesNotExist;
        } else {
          throw Error(ErrorKind::Invalid, strconv::quote(op) + " is not a valid label selector operator");
        }
        std::vector<std::string> values;
        if (const Value* vs = e.find("values"); vs != nullptr && vs->is_list()) {
          for (const Value& v : vs->list().items) values.push_back(v.is_string() ? v.as_string() : "");
        }
        selector.add(new_requirement(e.get_string("key"), sop, std::move(values), ""));
      }
    }
  } catch (const Error& e) {
    throw Error(ErrorKind::Invalid, e.what());
  }
  return selector;
}

std::string format_label_selector(const Value& ls) {
  try {
    std::string s = label_selector_as_selector(ls).str();
    return s.empty() ? "<none>" : s;
  } catch (const Error&) {
    return "<error>";
  }
}

std::string format_labels(const Value& labels) {
  std::string out;
  if (labels.is_map()) {
    for (const auto& [k, v] : labels.map().entries) {
      if (!out.empty()) out += ",";
      out += k + "=" + (v.is_string() ? v.as_string() : "");
    }
  }
  return out.empty() ? "<none>" : out;
}

Selector selector_from_map(const Value& labels) {
  Selector s;
  if (labels.is_map()) {
    for (const auto& [k, v] : labels.map().entries) {
      s.add(Requirement{k, SelectorOp::Equals, {v.is_string() ? v.as_string() : ""}});
    }
  }
  return s;
}

}  // namespace capstan::orchestrator
