// sigs.k8s.io/yaml.Unmarshal into interface{}: yaml.v2's decoder (decode.go) over the node
// tree, then what sigs.k8s.io/yaml's convertToJSONableObject and the JSON round trip make of
// the result (keys become strings, numbers float64 or, Typed, int64 when the JSON text is an
// integer that fits, NaN and infinities are refused). Errors come in Go's order: yaml.v2's
// failures, then its collected strict-mode errors, then the conversion's, then the JSON step's.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>

#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"
#include "core/strconv.h"
#include "core/yaml.h"
#include "core/yaml_errors.h"
#include "core/yaml_fast.h"
#include "core/yaml_parse.h"
#include "core/yaml_resolve.h"

namespace capstan::yaml {

namespace {

using detail::Document;
using detail::Node;
using detail::Resolved;
using detail::Tag;

// strconv.Quote, for the Go-syntax values in yaml.v2's and sigs.k8s.io/yaml's messages.
std::string go_quote(std::string_view s) { return strconv::quote(s); }

// The alias ratio yaml.v2 tolerates (decode.go's allowedAliasRatio).
double allowed_alias_ratio(long decode_count) {
  constexpr long kLow = 400000;
  constexpr long kHigh = 4000000;
  if (decode_count <= kLow)
    return 0.99;
  if (decode_count >= kHigh)
    return 0.10;
  return 0.99 -
         0.89 * (static_cast<double>(decode_count - kLow) / static_cast<double>(kHigh - kLow));
}

class Decoder {
 public:
  // The document's unshared scalar texts are moved into the result.
  Decoder(Document& doc, const DecodeOptions& options)
      : doc_(doc), options_(options), active_(doc.nodes.size(), false) {}

  Value run() {
    ++decode_count_;  // the document node
    Value v = unmarshal(doc_.root);
    if (!strict_errors_.empty()) {
      std::string message = "yaml: unmarshal errors:";
      for (const std::string& e : strict_errors_) message += "\n  " + e;
      throw Error(ErrorKind::Parse, std::string(kConvertErrorPrefix) + message, where(doc_.root));
    }
    if (!conversion_error_.empty()) {
      throw Error(ErrorKind::Parse, std::string(kConvertErrorPrefix) + conversion_error_,
                  conversion_where_);
    }
    if (nonfinite_)
      check_finite(v);
    return v;
  }

 private:
  const Node& node(std::int32_t i) const { return doc_.nodes[static_cast<std::size_t>(i)]; }

  Location where(std::int32_t i) const {
    if (i < 0)
      return {options_.file, 0, 0};
    return {options_.file, node(i).line + 1, node(i).column + 1};
  }

  [[noreturn]] void fail(const std::string& message, std::int32_t at,
                         ErrorKind kind = ErrorKind::Parse) const {
    throw Error(kind, std::string(kConvertErrorPrefix) + "yaml: " + message, where(at));
  }

  // yaml.v2 counts every node it decodes, and those reached through aliases.
  void count(std::int32_t i) {
    ++decode_count_;
    if (alias_depth_ > 0)
      ++alias_count_;
    if ((alias_count_ > 100 && decode_count_ > 1000 &&
         static_cast<double>(alias_count_) / static_cast<double>(decode_count_) >
             allowed_alias_ratio(decode_count_)) ||
        static_cast<std::size_t>(alias_count_) > options_.max_alias_expansion) {
      fail("document contains excessive aliasing", i, ErrorKind::Limit);
    }
  }

  Value unmarshal(std::int32_t i) {
    count(i);
    const Node& n = node(i);
    switch (n.kind) {
      case Node::Kind::Alias: {
        if (active_[static_cast<std::size_t>(i)])
          fail("anchor '" + n.value + "' value contains itself", i);
        active_[static_cast<std::size_t>(i)] = true;
        ++alias_depth_;
        Value v = unmarshal(n.target);
        --alias_depth_;
        active_[static_cast<std::size_t>(i)] = false;
        return v;
      }
      case Node::Kind::Scalar:
        return scalar(i);
      case Node::Kind::Sequence: {
        Nesting nesting(*this, i);
        auto list = std::make_shared<List>();
        list->items.reserve(n.children.size());
        for (std::int32_t child : n.children) list->items.push_back(unmarshal(child));
        return Value(std::move(list));
      }
      case Node::Kind::Mapping: {
        Nesting nesting(*this, i);
        auto map = std::make_shared<Map>();
        std::set<std::string> seen;
        mapping(i, *map, seen);
        return Value(std::move(map));
      }
    }
    return Value();
  }

  // Bounds the recursion, which aliases can make deeper than the text.
  struct Nesting {
    Nesting(Decoder& d, std::int32_t at) : d_(d) {
      if (++d_.depth_ > d_.options_.max_depth) {
        d_.fail("exceeded max depth of " + std::to_string(d_.options_.max_depth), at,
                ErrorKind::Limit);
      }
    }
    ~Nesting() { --d_.depth_; }
    Decoder& d_;
  };

  // What a scalar node means to yaml.v2 (resolve with its tag, and the tag check).
  Resolved resolved(std::int32_t i) const {
    const Node& n = node(i);
    if (n.plain)
      return detail::resolve(Tag::None, n.value);
    if (n.tag.empty())
      return Resolved{};  // quoted: a string
    const Tag tag = detail::tag_from_long(n.tag);
    Resolved r = detail::resolve(tag, n.value);
    switch (tag) {
      case Tag::None:
      case Tag::Str:
      case Tag::Bool:
      case Tag::Int:
      case Tag::Float:
      case Tag::Null:
      case Tag::Timestamp:
        break;
      default:
        return r;  // tags yaml.v2 does not resolve: the text as it is
    }
    if (tag == Tag::Str || r.tag == tag)
      return r;
    if (tag == Tag::Float && r.tag == Tag::Int && r.type == Resolved::Type::Int) {
      r.tag = Tag::Float;
      r.type = Resolved::Type::Float;
      r.f = static_cast<double>(r.i);
      return r;
    }
    fail("cannot decode " + detail::short_tag(r.tag) + " `" + n.value + "` as a " +
             detail::short_tag(tag, n.tag),
         i);
  }

  Value scalar(std::int32_t i) {
    Node& n = doc_.nodes[static_cast<std::size_t>(i)];
    const Resolved r = resolved(i);
    switch (r.type) {
      case Resolved::Type::Null:
        return Value();
      case Resolved::Type::Bool:
        return Value(r.b);
      case Resolved::Type::Int:
        return integer(r.i);
      case Resolved::Type::Uint:
        return unsigned_integer(r.u);
      case Resolved::Type::Float:
        return floating(r.f);
      case Resolved::Type::String:
        break;
    }
    if (r.tag == Tag::Binary) {
      std::optional<std::string> data = json::base64_decode(n.value);
      if (!data)
        fail("!!binary value contains invalid base64 data", i);
      // The JSON step replaces what is not UTF-8.
      return Value(json::coerce_utf8(*data));
    }
    if (!n.shared)
      return Value(std::move(n.value));  // decoded once: the text can go
    return Value(n.value);
  }

  // Numbers as the JSON round trip leaves them.
  Value integer(std::int64_t i) const {
    if (options_.numbers == Numbers::Float64)
      return Value::floating(static_cast<double>(i));
    return Value::integer(i);
  }
  Value unsigned_integer(std::uint64_t u) const {
    if (options_.numbers == Numbers::Typed && u <= static_cast<std::uint64_t>(INT64_MAX)) {
      return Value::integer(static_cast<std::int64_t>(u));
    }
    return Value::floating(static_cast<double>(u));
  }
  Value floating(double f) {
    if (!std::isfinite(f)) {
      nonfinite_ = true;
      return Value::floating(f);
    }
    if (options_.numbers == Numbers::Typed) {
      const std::string text = json::format_float(f);
      if (text.find_first_of(".eE") == std::string::npos) {
        std::int64_t i = 0;
        auto r = std::from_chars(text.data(), text.data() + text.size(), i);
        if (r.ec == std::errc() && r.ptr == text.data() + text.size())
          return Value::integer(i);
      }
    }
    return Value::floating(f);
  }

  static bool is_merge(const Node& key) {
    return key.kind == Node::Kind::Scalar && key.value == "<<" &&
           (key.plain || detail::tag_from_long(key.tag) == Tag::Merge);
  }

  void mapping(std::int32_t i, Map& out, std::set<std::string>& seen) {
    const Node& n = node(i);
    for (std::size_t k = 0; k + 1 < n.children.size(); k += 2) {
      const std::int32_t key = n.children[k];
      const std::int32_t value = n.children[k + 1];
      if (is_merge(node(key))) {
        merge(value, out, seen);
        continue;
      }
      Key name = map_key(key);
      Value v = unmarshal(value);
      if (options_.strict && !name.typed.empty()) {
        if (!seen.insert(name.typed).second) {
          strict_errors_.push_back("line " + std::to_string(node(value).line + 1) + ": key " +
                                   name.go_syntax + " already set in map");
          continue;
        }
      }
      out.entries.insert_or_assign(std::move(name.text), std::move(v));
    }
  }

  // yaml.v2's merge: the merged mappings are decoded into this one, in place; of a list,
  // the last first, so that earlier ones win.
  void merge(std::int32_t i, Map& out, std::set<std::string>& seen) {
    auto mapping_of = [&](std::int32_t m) {
      const Node& mn = node(m);
      return mn.kind == Node::Kind::Mapping ||
             (mn.kind == Node::Kind::Alias && node(mn.target).kind == Node::Kind::Mapping);
    };
    const Node& n = node(i);
    std::vector<std::int32_t> sources;
    if (n.kind == Node::Kind::Mapping || n.kind == Node::Kind::Alias) {
      if (!mapping_of(i))
        fail("map merge requires map or sequence of maps as the value", i);
      sources.push_back(i);
    } else if (n.kind == Node::Kind::Sequence) {
      for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) {
        if (!mapping_of(*it))
          fail("map merge requires map or sequence of maps as the value", *it);
        sources.push_back(*it);
      }
    } else {
      fail("map merge requires map or sequence of maps as the value", i);
    }
    for (std::int32_t s : sources) merge_one(s, out, seen);
  }

  // d.unmarshal(n, out) with out the map being filled: counted like any node.
  void merge_one(std::int32_t i, Map& out, std::set<std::string>& seen) {
    count(i);
    const Node& n = node(i);
    if (n.kind == Node::Kind::Alias) {
      if (active_[static_cast<std::size_t>(i)])
        fail("anchor '" + n.value + "' value contains itself", i);
      active_[static_cast<std::size_t>(i)] = true;
      ++alias_depth_;
      merge_one(n.target, out, seen);
      --alias_depth_;
      active_[static_cast<std::size_t>(i)] = false;
      return;
    }
    Nesting nesting(*this, i);
    mapping(i, out, seen);
  }

  struct Key {
    std::string text;       // the JSON key
    std::string typed;      // identity of the yaml.v2 key, in strict mode only ("" for NaN)
    std::string go_syntax;  // %#v of the yaml.v2 key
  };

  // A key as yaml.v2 decodes it, then as sigs.k8s.io/yaml turns it into a string.
  Key map_key(std::int32_t i) {
    std::int32_t target = i;
    while (node(target).kind == Node::Kind::Alias) target = node(target).target;
    const Node& n = node(target);
    if (n.kind != Node::Kind::Scalar) {
      const std::string message = "invalid map key: " + go_syntax(i);
      unmarshal(i);  // yaml.v2 decodes the key before refusing it
      fail(message, i);
    }
    std::string binary;
    if (target == i) {
      count(i);  // a scalar key, read in place (its text is kept for messages)
    } else {
      Value decoded = unmarshal(i);
      if (decoded.is_string())
        binary = decoded.as_string();
    }
    const Resolved r = resolved(target);
    const bool strict = options_.strict;
    Key k;
    switch (r.type) {
      case Resolved::Type::Null:
        k.typed = "n";
        k.go_syntax = "<nil>";
        k.text = "null";
        conversion("%!s(<nil>)", "<nil>", i);
        break;
      case Resolved::Type::Bool:
        k.text = r.b ? "true" : "false";
        if (strict)
          k.typed = "b" + k.text;
        k.go_syntax = k.text;
        break;
      case Resolved::Type::Int:
        k.text = std::to_string(r.i);
        if (strict)
          k.typed = "i" + k.text;
        k.go_syntax = k.text;
        break;
      case Resolved::Type::Uint: {
        char hex[24];
        std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(r.u));
        k.text = std::to_string(r.u);
        if (strict)
          k.typed = "u" + k.text;
        k.go_syntax = hex;
        conversion("uint64", hex, i);
        break;
      }
      case Resolved::Type::Float: {
        // sigs.k8s.io/yaml formats float keys with 32-bit precision.
        std::string s = strconv::format_float(r.f, 'g', -1, 32);
        if (s == "+Inf")
          s = ".inf";
        if (s == "-Inf")
          s = "-.inf";
        if (s == "NaN")
          s = ".nan";
        k.text = s;
        k.go_syntax = strconv::format_float(r.f, 'g', -1, 64);
        if (strict && !std::isnan(r.f))
          k.typed = "f" + k.go_syntax;
        break;
      }
      case Resolved::Type::String:
        if (r.tag == Tag::Binary) {
          if (target == i) {
            std::optional<std::string> data = json::base64_decode(n.value);
            if (!data)
              fail("!!binary value contains invalid base64 data", i);
            binary = json::coerce_utf8(*data);
          }
          k.text = std::move(binary);
        } else {
          k.text = n.value;
        }
        if (strict) {
          k.typed = "s" + k.text;
          k.go_syntax = go_quote(k.text);
        }
        break;
    }
    return k;
  }

  // sigs.k8s.io/yaml refuses null and uint64 keys (after yaml.v2 is done).
  void conversion(const std::string& type, const std::string& key, std::int32_t key_node) {
    if (!conversion_error_.empty())
      return;
    const Node& map = parent_of(key_node);
    std::string value = "<nil>";
    for (std::size_t k = 0; k + 1 < map.children.size(); k += 2) {
      if (map.children[k] == key_node)
        value = go_syntax(map.children[k + 1]);
    }
    conversion_error_ =
        "Unsupported map key of type: " + type + ", key: " + key + ", value: " + value;
    conversion_where_ = where(key_node);
  }

  const Node& parent_of(std::int32_t child) const {
    for (const Node& n : doc_.nodes) {
      if (std::find(n.children.begin(), n.children.end(), child) != n.children.end())
        return n;
    }
    return node(doc_.root);
  }

  // %#v of the value yaml.v2 decodes from a node (for messages only).
  // Inside a composite, fmt's %#v names a nil interface's type.
  std::string go_syntax_element(std::int32_t i, int depth) const {
    std::string s = go_syntax(i, depth);
    return s == "<nil>" ? "interface {}(nil)" : s;
  }

  std::string go_syntax(std::int32_t i, int depth = 0) const {
    const Node& n = node(i);
    if (depth > 100)
      return "...";
    switch (n.kind) {
      case Node::Kind::Alias:
        return go_syntax(n.target, depth + 1);
      case Node::Kind::Sequence: {
        std::string out = "[]interface {}{";
        for (std::size_t k = 0; k < n.children.size(); ++k) {
          if (k > 0)
            out += ", ";
          out += go_syntax_element(n.children[k], depth + 1);
        }
        return out + "}";
      }
      case Node::Kind::Mapping: {
        std::vector<std::pair<std::string, std::string>> entries;
        for (std::size_t k = 0; k + 1 < n.children.size(); k += 2) {
          entries.emplace_back(go_syntax_element(n.children[k], depth + 1),
                               go_syntax_element(n.children[k + 1], depth + 1));
        }
        std::stable_sort(entries.begin(), entries.end());
        std::string out = "map[interface {}]interface {}{";
        for (std::size_t k = 0; k < entries.size(); ++k) {
          if (k > 0)
            out += ", ";
          out += entries[k].first + ":" + entries[k].second;
        }
        return out + "}";
      }
      case Node::Kind::Scalar:
        break;
    }
    Resolved r;
    try {
      r = resolved(i);
    } catch (const Error&) {
      return go_quote(n.value);
    }
    switch (r.type) {
      case Resolved::Type::Null:
        return "<nil>";
      case Resolved::Type::Bool:
        return r.b ? "true" : "false";
      case Resolved::Type::Int:
        return std::to_string(r.i);
      case Resolved::Type::Uint: {
        char hex[24];
        std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(r.u));
        return hex;
      }
      case Resolved::Type::Float:
        return strconv::format_float(r.f, 'g', -1, 64);
      case Resolved::Type::String:
        break;
    }
    if (r.tag == Tag::Binary) {
      if (auto data = json::base64_decode(n.value))
        return go_quote(*data);
    }
    return go_quote(n.value);
  }

  // json.Marshal refuses NaN and infinities; it meets them in key order.
  void check_finite(const Value& v) const {
    switch (v.kind()) {
      case Value::Kind::Float:
        if (!std::isfinite(v.as_float())) {
          throw Error(ErrorKind::Parse,
                      std::string(kConvertErrorPrefix) + "json: unsupported value: " +
                          strconv::format_float(v.as_float(), 'g', -1, 64),
                      {options_.file, 0, 0});
        }
        return;
      case Value::Kind::List:
        for (const Value& item : v.list().items) check_finite(item);
        return;
      case Value::Kind::Map:
        for (const auto& [key, item] : v.map().entries) check_finite(item);
        return;
      default:
        return;
    }
  }

  Document& doc_;
  const DecodeOptions& options_;
  std::vector<bool> active_;  // alias nodes being expanded
  long decode_count_ = 0;
  long alias_count_ = 0;
  int alias_depth_ = 0;
  std::size_t depth_ = 0;
  bool nonfinite_ = false;
  std::vector<std::string> strict_errors_;
  std::string conversion_error_;
  Location conversion_where_;
};

}  // namespace

std::string_view yaml_reason(const std::exception& error) {
  std::string_view what = error.what();
  if (what.substr(0, kConvertErrorPrefix.size()) == kConvertErrorPrefix) {
    what.remove_prefix(kConvertErrorPrefix.size());
  }
  return what;
}

namespace {

// Runs `parse` on the text, again with a space where libyaml splits a token yaml-cpp does not
// (see detail::Reparse); a handful of such places at most in real input.
template <typename F>
auto with_reparse(std::string_view text, F parse) {
  std::string patched;
  for (int attempt = 0;; ++attempt) {
    try {
      return parse(text);
    } catch (const detail::Reparse& r) {
      if (attempt >= 64 || r.pos > text.size()) {
        throw Error(ErrorKind::Limit,
                    std::string(kConvertErrorPrefix) + "yaml: too many anchors to re-read");
      }
      std::string next;
      next.reserve(text.size() + 1);
      next.append(text.substr(0, r.pos)).append(" ").append(text.substr(r.pos));
      patched = std::move(next);
      text = patched;
    }
  }
}

}  // namespace

Value decode(std::string_view text, const DecodeOptions& options) {
  if (options.fast_path && options.max_depth >= 64) {
    // Plain block YAML (values files, manifests) without yaml-cpp; anything else, and every
    // error, goes through the full parser below.
    Document doc;
    if (detail::parse_simple(text, doc)) {
      if (doc.root < 0) return Value();
      try {
        return Decoder(doc, options).run();
      } catch (const Error&) {
      }
    }
  }
  return with_reparse(text, [&](std::string_view input) {
    detail::Parser parser(input, options, /*first_only=*/true);
    Document doc;
    if (!parser.next(doc))
      return Value();
    // yaml.v2 finishes reading the document (up to the next one's start) before decoding it.
    parser.check_after_first();
    return Decoder(doc, options).run();
  });
}

std::vector<Value> decode_all(std::string_view text, const DecodeOptions& options) {
  return with_reparse(text, [&](std::string_view input) {
    detail::Parser parser(input, options);
    std::vector<Value> out;
    Document doc;
    while (parser.next(doc)) out.push_back(Decoder(doc, options).run());
    return out;
  });
}

}  // namespace capstan::yaml
