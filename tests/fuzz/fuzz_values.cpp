// Random values documents and their YAML text (see fuzz_values.h).
#include "tests/fuzz/fuzz_values.h"

#include <set>

namespace capstan::fuzz {

namespace {

const std::vector<std::string> kWords = {
    "alpha", "beta", "gamma", "delta", "app", "web", "db", "cache", "name", "image", "tag",
    "port", "enabled", "replicas", "config", "labels", "env", "value", "items", "data",
    "Key", "camelCase", "snake_case", "x", "y", "z", "a1", "B2", "héllo", "naïve", "日本",
    "über", "Ωmega", "mixed Case", "with-dash", "dot.ted", "sp ace", "nginx", "redis"};

const std::vector<std::string> kUnicode = {"é", "ü", "ß", "Ω", "日", "本", "🚀", "€", "ñ", "ç",
                                           "\u00a0", "\u200b", "ı", "İ", "ǅ", "σ", "ﬁ", "Ⅻ"};

// Plain scalars that resolve to something other than a string in YAML 1.1 (yaml.v2).
bool resolves_specially(const std::string& s) {
  static const std::set<std::string> special = {
      "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
      "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
      "y", "Y", "n", "N", ".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN", "<<", "="};
  if (special.count(s)) return true;
  const char c = s[0];
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

bool plain_safe(const std::string& s) {
  if (s.empty() || resolves_specially(s)) return false;
  if (std::string("-?:,[]{}#&*!|>'\"%@` ").find(s[0]) != std::string::npos) return false;
  if (s.back() == ' ' || s.back() == ':') return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return false;
    if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') return false;  // flow-safe too
  }
  // Non-breaking and zero-width spaces are not YAML white space, but keep them quoted.
  return s.find("\u00a0") == std::string::npos && s.find("\u200b") == std::string::npos;
}

std::string double_quoted(Rng& rng, const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += rng.chance(0.5) ? "\\t" : "\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          static const char* hex = "0123456789abcdef";
          out += "\\x";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else if (c == 0xc3 && i + 1 < s.size() && rng.chance(0.3)) {
          // Two-byte Latin-1 letters as \u escapes.
          const unsigned cp = ((c & 0x1f) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3f);
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", cp);
          out += buf;
          ++i;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string single_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "''";
    else out += c;
  }
  return out + "'";
}

bool has_control(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// A string scalar written in one of YAML's styles.
VNode string_node(Rng& rng, const std::string& s) {
  VNode n;
  n.kind = VKind::String;
  if (plain_safe(s) && rng.chance(0.6)) {
    n.text = s;
  } else if (!has_control(s) && rng.chance(0.3)) {
    n.text = single_quoted(s);
  } else {
    n.text = double_quoted(rng, s);
  }
  return n;
}

VNode block_string(Rng& rng) {
  VNode n;
  n.kind = VKind::String;
  n.block = true;
  n.text = rng.pick({"|", "|-", "|+", ">", ">-", ">+"});
  n.text += "\n";
  const int lines = static_cast<int>(rng.range(1, 4));
  for (int i = 0; i < lines; ++i) {
    if (i > 0 && rng.chance(0.15)) n.text += "\n";  // an empty line inside
    std::string line = random_word(rng);
    const int words = static_cast<int>(rng.range(0, 4));
    for (int w = 0; w < words; ++w) line += " " + random_word(rng);
    if (rng.chance(0.1)) line += " {{ .Release.Name }}";
    if (rng.chance(0.1)) line = "  " + line;  // more indented line (literal keeps it)
    n.text += line + "\n";
  }
  // The first content line may not be more indented than the rest without an indicator.
  if (n.text.find("\n  ") == n.text.find('\n')) {
    n.text.erase(n.text.find('\n') + 1, 2);
  }
  return n;
}

VNode scalar(Rng& rng) {
  VNode n;
  switch (rng.below(11)) {
    case 0:
    case 1:
      n.kind = VKind::Int;
      n.text = rng.pick({"0", "1", "2", "3", "7", "10", "42", "-1", "-7", "100", "8080", "65535",
                         "0x1F", "0xff", "0o17", "017", "0b1010", "1_000", "+5", "-0",
                         "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                         "18446744073709551615", "12345678901234567890", "007", "0x_1F"});
      break;
    case 2:
      n.kind = VKind::Float;
      n.text = rng.pick({"1.5", "-0.25", "0.1", "3.14159", "1e3", "1E-3", "6.02e+23", "1.0",
                         "2.50", "100.0", "1e21", "1e20", "123456789.125", ".5", "-.5", "5.",
                         ".inf", "-.Inf", "+.inf", "1.7976931348623157e308", "5e-324",
                         "0.000001", "1e-7", "1_000.5", "3.0e2", "-0.0"});
      break;
    case 3:
      n.kind = VKind::Bool;
      n.text = rng.pick({"true", "false", "True", "FALSE", "yes", "no", "on", "off", "Yes",
                         "OFF", "y", "n", "Y"});
      break;
    case 4:
      n.kind = VKind::Null;
      n.text = rng.pick({"null", "~", "Null", "NULL", ""});
      break;
    case 5: n = block_string(rng); break;
    case 6: {
      // Strings that look like other types.
      const std::string s = rng.pick({"123", "1.5", "true", "yes", "null", "0x10", "1e3", "",
                                      " ", "007", "-", "2001-12-14", "12:30", "~", "0.0"});
      n = string_node(rng, s);
      if (n.text == s) n.text = "\"" + s + "\"";
      break;
    }
    case 7:
      n.kind = VKind::String;
      // Timestamps and other plain scalars yaml.v2 keeps as strings.
      n.text = rng.pick({"2001-12-14", "2001-12-14t21:59:43.10-05:00", "2002-12-14 21:59:43.10 -5",
                         "1:20", "190:20:30", "0o", "0x", "1.2.3", "v1.2.3", "1e", "+", ".",
                         "_1", "1__0", "0b102", "08", "0.1.2", "--5"});
      break;
    case 8: {
      std::string s = "{{ " + std::string(rng.pick({".Release.Name", ".Chart.Name", "\"tpl\"",
                                                    ".Values.name", "1 | add 2", "$.Release.Namespace"})) + " }}";
      if (rng.chance(0.5)) s = random_word(rng) + "-" + s;
      n = string_node(rng, s);
      break;
    }
    default: n = string_node(rng, random_text(rng, 16, rng.chance(0.2))); break;
  }
  return n;
}

VNode generate(Rng& rng, int& budget, int depth);

void fill_map(Rng& rng, VNode& n, int& budget, int depth) {
  n.kind = VKind::Map;
  std::set<std::string> used;
  const int count = static_cast<int>(rng.range(depth == 0 ? 4 : 0, depth == 0 ? 10 : 5));
  for (int i = 0; i < count && budget > 0; ++i) {
    VEntry e;
    if (rng.chance(0.06)) {
      // Keys yaml.v2 reads as other types; sigs.k8s.io/yaml turns them into strings.
      static const std::vector<std::pair<std::string, std::string>> odd = {
          {"yes", "true"}, {"on", "true"}, {"false", "false"}, {"1", "1"}, {"0x10", "16"},
          {"1.5", "1.5"}, {"1e3", "1000"}, {"-2", "-2"}, {"\"quoted key\"", "quoted key"},
          {"'it''s'", "it's"}};
      const auto& [text, key] = rng.pick(odd);
      e.key = key;
      e.key_text = text;
    } else {
      e.key = random_word(rng);
      if (rng.chance(0.1)) e.key += std::to_string(rng.below(10));
      e.key_text = plain_safe(e.key) ? e.key : double_quoted(rng, e.key);
    }
    if (!used.insert(e.key).second) continue;
    e.value = generate(rng, budget, depth + 1);
    if (rng.chance(0.05)) e.comment = "# " + random_text(rng, 12, false);
    n.entries.push_back(std::move(e));
  }
  n.flow = depth > 0 && rng.chance(0.12);
}

void fill_list(Rng& rng, VNode& n, int& budget, int depth) {
  n.kind = VKind::List;
  const int count = static_cast<int>(rng.range(0, 5));
  for (int i = 0; i < count && budget > 0; ++i) n.items.push_back(generate(rng, budget, depth + 1));
  n.flow = rng.chance(0.15);
}

// Flow collections may only hold flow-safe nodes: no block scalars, no block collections.
void make_flow_safe(VNode& n) {
  for (auto& e : n.entries) {
    if (e.value.block) e.value.block = false, e.value.text = "\"block\"";
    e.comment.clear();
    if (e.value.kind == VKind::Map || e.value.kind == VKind::List) e.value.flow = true;
    make_flow_safe(e.value);
  }
  for (auto& i : n.items) {
    if (i.block) i.block = false, i.text = "\"block\"";
    if (i.kind == VKind::Map || i.kind == VKind::List) i.flow = true;
    make_flow_safe(i);
  }
  if (n.kind == VKind::Null && n.text.empty() && n.flow) n.text = "null";
}

VNode generate(Rng& rng, int& budget, int depth) {
  --budget;
  VNode n;
  const bool can_nest = depth < 5 && budget > 0;
  const std::size_t roll = rng.below(10);
  if (can_nest && roll < 3) {
    fill_map(rng, n, budget, depth);
  } else if (can_nest && roll < 5) {
    fill_list(rng, n, budget, depth);
  } else {
    n = scalar(rng);
  }
  if (n.flow) make_flow_safe(n);
  return n;
}

void emit(const VNode& n, int indent, std::string& out);

std::string flow_text(const VNode& n) {
  if (n.kind == VKind::Map) {
    std::string s = "{";
    for (std::size_t i = 0; i < n.entries.size(); ++i) {
      if (i) s += ", ";
      s += n.entries[i].key_text + ": " + flow_text(n.entries[i].value);
    }
    return s + "}";
  }
  if (n.kind == VKind::List) {
    std::string s = "[";
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      if (i) s += ", ";
      s += flow_text(n.items[i]);
    }
    return s + "]";
  }
  return n.text.empty() ? "null" : n.text;
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

// The value part after "key:" or "- ": either " text\n" or "\n" + nested block lines.
void emit_value(const VNode& v, int indent, std::string& out) {
  if (!v.anchor.empty()) out += " " + v.anchor;
  if (v.kind == VKind::Map && !v.entries.empty() && !v.flow) {
    out += "\n";
    emit(v, indent + 2, out);
  } else if (v.kind == VKind::List && !v.items.empty() && !v.flow) {
    out += "\n";
    emit(v, indent + 2, out);
  } else if (v.kind == VKind::Map || v.kind == VKind::List) {
    out += " " + flow_text(v) + "\n";
  } else if (v.block) {
    const std::size_t nl = v.text.find('\n');
    out += " " + v.text.substr(0, nl) + "\n";
    std::size_t from = nl + 1;
    while (from < v.text.size()) {
      const std::size_t end = v.text.find('\n', from);
      const std::string line = v.text.substr(from, end - from);
      out += line.empty() ? "\n" : spaces(indent + 2) + line + "\n";
      from = end + 1;
    }
  } else {
    out += v.text.empty() ? "\n" : " " + v.text + "\n";
  }
}

void emit(const VNode& n, int indent, std::string& out) {
  if (n.kind == VKind::Map) {
    for (const auto& e : n.entries) {
      if (!e.comment.empty()) out += spaces(indent) + e.comment + "\n";
      out += spaces(indent) + e.key_text + ":";
      emit_value(e.value, indent, out);
    }
  } else if (n.kind == VKind::List) {
    for (const auto& item : n.items) {
      std::string sub;
      if ((item.kind == VKind::Map && !item.entries.empty() && !item.flow && item.anchor.empty()) ||
          (item.kind == VKind::List && !item.items.empty() && !item.flow && item.anchor.empty())) {
        // "- key: v" with the rest of the map under it.
        emit(item, indent + 2, sub);
        sub.replace(0, static_cast<std::size_t>(indent + 2), spaces(indent) + "- ");
        out += sub;
      } else {
        out += spaces(indent) + "-";
        emit_value(item, indent, out);
      }
    }
  }
}

void collect_paths(const VNode& n, const std::string& base, std::vector<std::string>& idx_path,
                   bool all_ident, std::vector<ValuePath>& out, const std::string& root) {
  for (const auto& e : n.entries) {
    std::string expr;
    std::vector<std::string> next = idx_path;
    next.push_back("\"" + e.key + "\"");
    const bool ident = all_ident && is_identifier(e.key);
    if (ident) {
      expr = (base == "." ? "" : base) + "." + e.key;
    } else {
      expr = "(index " + root;
      for (const auto& p : next) expr += " " + p;
      expr += ")";
    }
    out.push_back({expr, &e.value});
    collect_paths(e.value, ident ? expr : base, next, ident, out, root);
  }
  for (std::size_t i = 0; i < n.items.size() && i < 3; ++i) {
    std::vector<std::string> next = idx_path;
    next.push_back(std::to_string(i));
    std::string expr = "(index " + root;
    for (const auto& p : next) expr += " " + p;
    expr += ")";
    out.push_back({expr, &n.items[i]});
    collect_paths(n.items[i], expr, next, false, out, root);
  }
}

void count(const VNode& n, std::size_t& c) {
  for (const auto& e : n.entries) ++c, count(e.value, c);
  for (const auto& i : n.items) ++c, count(i, c);
}

bool remove_at(VNode& n, std::size_t& index) {
  for (std::size_t k = 0; k < n.entries.size(); ++k) {
    if (index == 0) {
      n.entries.erase(n.entries.begin() + static_cast<long>(k));
      return true;
    }
    --index;
    if (remove_at(n.entries[k].value, index)) return true;
  }
  for (std::size_t k = 0; k < n.items.size(); ++k) {
    if (index == 0) {
      n.items.erase(n.items.begin() + static_cast<long>(k));
      return true;
    }
    --index;
    if (remove_at(n.items[k], index)) return true;
  }
  return false;
}

}  // namespace

bool is_identifier(const std::string& s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  // Non-ASCII letters are identifiers to Go too, but not every rune is a letter: keep ASCII.
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string random_word(Rng& rng) { return rng.pick(kWords); }

std::string random_text(Rng& rng, int max_len, bool allow_newlines) {
  std::string s;
  const int len = static_cast<int>(rng.range(0, max_len));
  for (int i = 0; i < len; ++i) {
    const std::size_t roll = rng.below(20);
    if (roll < 12) {
      s += static_cast<char>(rng.chance(0.8) ? 'a' + rng.below(26) : 'A' + rng.below(26));
    } else if (roll < 14) {
      s += ' ';
    } else if (roll < 15) {
      s += static_cast<char>('0' + rng.below(10));
    } else if (roll < 17) {
      s += rng.pick(kUnicode);
    } else if (roll < 18 && allow_newlines) {
      s += '\n';
    } else {
      s += rng.pick({"-", "_", ".", ":", "/", "=", "\"", "'", "\\", "%", "&", "<", ">", "$", "\t", "#", "*", "@", "!", "?"});
    }
  }
  return s;
}

VNode generate_values(Rng& rng, int budget) {
  VNode root;
  fill_map(rng, root, budget, 0);
  // Anchors and aliases: a map value anchored and merged or aliased elsewhere.
  if (root.entries.size() >= 2 && rng.chance(0.15)) {
    for (auto& e : root.entries) {
      if (e.value.kind == VKind::Map && !e.value.entries.empty() && !e.value.flow) {
        e.value.anchor = "&base";
        VEntry merged;
        merged.key = "merged";
        merged.key_text = "merged";
        merged.value.kind = VKind::Map;
        VEntry m;
        m.key = "<<";
        m.key_text = "<<";
        m.value.kind = VKind::String;  // an alias: printed as is
        m.value.text = "*base";
        merged.value.entries.push_back(m);
        VEntry extra;
        extra.key = "extra";
        extra.key_text = "extra";
        extra.value.kind = VKind::Int;
        extra.value.text = "1";
        merged.value.entries.push_back(extra);
        root.entries.push_back(merged);
        break;
      }
    }
  }
  return root;
}

std::string emit_yaml(const VNode& root) {
  std::string out;
  emit(root, 0, out);
  return out;
}

std::vector<ValuePath> value_paths(const VNode& root, const std::string& base) {
  std::vector<ValuePath> out;
  std::vector<std::string> idx;
  collect_paths(root, base, idx, true, out, base == "." ? "." : base);
  return out;
}

std::size_t count_removable(const VNode& root) {
  std::size_t c = 0;
  count(root, c);
  return c;
}

VNode without_removable(const VNode& root, std::size_t index) {
  VNode copy = root;
  remove_at(copy, index);
  return copy;
}

}  // namespace capstan::fuzz
