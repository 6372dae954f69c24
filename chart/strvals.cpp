// Helm's strvals parser, carried over from pkg/strvals/parser.go step by step so that every
// quirk survives: "a={}" is [""], "a[0]" alone leaves an empty list, "a=" is "", a failed
// type assertion is reported as Go's recovered panic ("unable to parse key: interface
// conversion: ...").
//
// The input is read byte by byte: every delimiter is ASCII, so UTF-8 sequences pass through
// untouched; keys and values are made valid UTF-8 afterwards, as Go's []rune -> string does.
#include "chart/strvals.h"

#include <optional>
#include <utility>

#include "chart/go_format.h"
#include "core/error.h"
#include "core/json.h"
#include "core/json_text.h"
#include "core/strconv.h"

namespace capstan::chart::strvals {

namespace {

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorKind::Parse, message);
}

// A Go panic inside a key; key() turns it into "unable to parse key: ...".
struct Panic {
  std::string message;
};

std::string go_type(const Value& v) {
  return v.is_null() ? "nil" : v.type_name();
}

Value& assert_list(Value& v) {
  if (!v.is_list() || v.list().elem_type != "interface {}") {
    throw Panic{"interface conversion: interface {} is " + go_type(v) + ", not []interface {}"};
  }
  return v;
}

Value& assert_map(Value& v) {
  if (!v.is_map() || v.map().elem_type != "interface {}") {
    throw Panic{"interface conversion: interface {} is " + go_type(v) +
                ", not map[string]interface {}"};
  }
  return v;
}

std::int64_t atoi_or_fail(const std::string& s) {
  strconv::Parsed<std::int64_t> n = strconv::parse_int(s, 10, 64);
  if (!n.ok())
    fail("error parsing index: " + strconv::num_error_message("Atoi", s, n.err));
  return n.value;
}

// What runes_until read: the text before a stop character, and which stop ended it.
struct Read {
  std::string text;
  char last = 0;
  bool eof = false;
};

enum class Status { Ok, Eof };

void set(Value& data, const std::string& key, Value value) {
  if (key.empty())
    return;
  data.set(key, std::move(value));
}

// setIndex: grows the list to index+1 (a new backing array, as Go's make+copy), then stores.
Value set_index(Value list, std::int64_t index, Value value) {
  if (index < 0)
    fail("negative " + std::to_string(index) + " index not allowed");
  if (index > kMaxIndex) {
    fail("index of " + std::to_string(index) + " is greater than maximum supported index of " +
         std::to_string(kMaxIndex));
  }
  const auto at = static_cast<std::size_t>(index);
  if (list.is_null() || list.list().items.size() <= at) {
    std::vector<Value> grown(at + 1);
    if (!list.is_null()) {
      const auto& old = list.list().items;
      std::copy(old.begin(), old.end(), grown.begin());
    }
    list = Value(List(std::move(grown)));
  }
  list.mutable_list().items[at] = std::move(value);
  return list;
}

enum class Mode { Typed, String, File, Json, Literal };

class Parser {
 public:
  Parser(std::string_view text, Mode mode, const FileReader* read)
      : s_(text), mode_(mode), read_(read) {}

  void parse(Value& data) {
    if (data.is_null())
      data = Value::empty_map();
    while (mode_ == Mode::Literal ? literal_key(data, 0) == Status::Ok
                                  : key(data, 0) == Status::Ok) {
    }
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }

  // runesUntil: '\' takes the next character literally (not for --set-literal).
  Read until(std::string_view stops, bool escapes = true) {
    Read out;
    while (true) {
      if (at_end()) {
        out.eof = true;
        break;
      }
      char c = s_[pos_++];
      if (stops.find(c) != std::string_view::npos) {
        out.last = c;
        break;
      }
      if (c == '\\' && escapes) {
        if (at_end()) {
          out.eof = true;
          break;
        }
        c = s_[pos_++];
      }
      out.text += c;
    }
    out.text = json::coerce_utf8(out.text);
    return out;
  }

  Value read_value(const std::string& text) {
    switch (mode_) {
      case Mode::String:
        return Value(text);
      case Mode::File:
        return Value((*read_)(text));
      default:
        return typed_value(text);
    }
  }

  Status key(Value& data, int level) {
    try {
      return key_body(data, level);
    } catch (const Panic& p) {
      fail("unable to parse key: " + p.message);
    }
  }

  Status key_body(Value& data, int level) {
    Read k = until("=[,.");
    if (k.eof) {
      if (k.text.empty())
        return Status::Eof;
      fail("key " + strconv::quote(k.text) + " has no value");
    }
    switch (k.last) {
      case '[': {
        std::int64_t i = key_index();
        Value list = Value::empty_list();
        if (Value* existing = data.find(k.text))
          list = assert_list(*existing);
        Status st = list_item(list, i, level);
        set(data, k.text, list);
        return st;
      }
      case '=': {
        if (mode_ == Mode::Json) {
          set(data, k.text, json_value());
          return Status::Ok;
        }
        std::optional<Value> vl;
        if (at_end()) {
          set(data, k.text, Value(""));
          return Status::Eof;
        }
        if ((vl = value_list())) {
          set(data, k.text, std::move(*vl));
          return Status::Ok;
        }
        Read v = until(",");
        set(data, k.text, read_value(v.text));
        return Status::Ok;
      }
      case ',':
        set(data, k.text, Value(""));
        fail("key " + strconv::quote(k.text) + " has no value (cannot end with ,)");
      default: {  // '.'
        if (++level > kMaxNestedNameLevel)
          nested_too_deep();
        Value inner = Value::empty_map();
        if (Value* existing = data.find(k.text))
          inner = assert_map(*existing);
        Status st = key(inner, level);
        if (st == Status::Ok && inner.size() == 0) {
          fail("key map " + strconv::quote(k.text) + " has no value");
        }
        if (inner.size() != 0)
          set(data, k.text, inner);
        return st;
      }
    }
  }

  [[noreturn]] static void nested_too_deep() {
    fail("value name nested level is greater than maximum supported nested level of " +
         std::to_string(kMaxNestedNameLevel));
  }

  std::int64_t key_index() {
    Read v = until("]", mode_ != Mode::Literal);
    if (v.eof)
      fail("error parsing index: EOF");
    return atoi_or_fail(v.text);
  }

  // listItem: `list` is updated in place (it is the caller's slot), as Go returns the slice.
  Status list_item(Value& list, std::int64_t i, int level) {
    if (i < 0)
      fail("negative " + std::to_string(i) + " index not allowed");
    const bool literal = mode_ == Mode::Literal;
    Read k = until("[.=", !literal);
    if (!k.text.empty()) {
      fail("unexpected data at end of array index: " + go_quote_runes(k.text));
    }
    if (k.eof)
      return Status::Eof;
    switch (k.last) {
      case '=': {
        if (literal) {
          list = set_index(list, i, Value(rest()));
          return Status::Ok;
        }
        if (mode_ == Mode::Json) {
          list = set_index(list, i, json_value());
          return Status::Ok;
        }
        if (at_end()) {
          list = set_index(list, i, Value(""));
          return Status::Ok;
        }
        if (std::optional<Value> vl = value_list()) {
          list = set_index(list, i, std::move(*vl));
          return Status::Ok;
        }
        Read v = until(",");
        list = set_index(list, i, read_value(v.text));
        return Status::Ok;
      }
      case '[': {
        std::int64_t next = key_index();
        Value cur;
        if (list.is_list() && list.list().items.size() > static_cast<std::size_t>(i) &&
            !list.list().items[static_cast<std::size_t>(i)].is_null()) {
          cur = assert_list(list.mutable_list().items[static_cast<std::size_t>(i)]);
        }
        Status st = list_item(cur, next, level);
        if (st == Status::Eof)
          return st;
        list = set_index(list, i, cur);
        return Status::Ok;
      }
      default: {  // '.'
        Value inner = Value::empty_map();
        if (list.is_list() && list.list().items.size() > static_cast<std::size_t>(i)) {
          Value& slot = list.mutable_list().items[static_cast<std::size_t>(i)];
          if (!slot.is_map() || slot.map().elem_type != "interface {}")
            slot = Value::empty_map();
          inner = slot;
        }
        Status st = literal ? literal_key(inner, level) : key(inner, level);
        if (st == Status::Eof)
          return st;
        list = set_index(list, i, inner);
        return Status::Ok;
      }
    }
  }

  // valList: a "{a,b}" list, or nullopt (Go's errNotList) when the value does not start with
  // '{'. The caller has checked that input remains.
  std::optional<Value> value_list() {
    if (s_[pos_] != '{')
      return std::nullopt;
    ++pos_;
    Value list = Value::empty_list();
    while (true) {
      Read rs = until(",}");
      if (rs.eof)
        fail("list must terminate with '}'");
      if (rs.last == '}') {
        if (!at_end() && s_[pos_] == ',')
          ++pos_;
        list.push_back(read_value(rs.text));
        return list;
      }
      list.push_back(read_value(rs.text));
    }
  }

  // emptyVal: skips blanks; true when the value ends there (end of input or ',').
  bool empty_value() {
    while (!at_end()) {
      json::Rune r = json::decode_rune(s_, pos_);
      if (r.rune == ',') {
        ++pos_;
        return true;
      }
      if (!go_is_space(r.rune))
        return false;
      pos_ += static_cast<std::size_t>(r.size);
    }
    return true;
  }

  // One JSON document read the way json.Decoder reads the head of a stream, then the blanks
  // and the ',' after it. An empty value is null.
  Value json_value() {
    if (empty_value())
      return Value();
    std::size_t end = json_extent(s_, pos_);
    Value v = json::decode(s_.substr(pos_, end - pos_));
    pos_ = end;
    empty_value();
    return v;
  }

  // Where the JSON value starting at `from` ends: a balanced {...} or [...] (strings
  // respected), a string, or a run of literal/number characters. A malformed value makes
  // json::decode fail on the extent, as it makes Go's decoder fail.
  static std::size_t json_extent(std::string_view s, std::size_t from) {
    std::size_t i = from;
    auto skip_string = [&] {
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\')
          ++i;
      }
      if (i < s.size())
        ++i;
    };
    if (s[i] == '"') {
      skip_string();
      return std::min(i, s.size());
    }
    if (s[i] == '{' || s[i] == '[') {
      int depth = 0;
      while (i < s.size()) {
        char c = s[i];
        if (c == '"') {
          skip_string();
          continue;
        }
        if (c == '{' || c == '[')
          ++depth;
        if (c == '}' || c == ']') {
          if (--depth == 0)
            return i + 1;
        }
        ++i;
      }
      return s.size();
    }
    while (i < s.size() &&
           std::string_view("+-.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
                   .find(s[i]) != std::string_view::npos) {
      ++i;
    }
    return i == from ? from + 1 : i;
  }

  // --set-literal (literal_parser.go): no escapes, no lists, no ',' separators.
  std::string rest() {
    std::string out = json::coerce_utf8(s_.substr(pos_));
    pos_ = s_.size();
    return out;
  }

  Status literal_key(Value& data, int level) {
    try {
      Read k = until("=[.", false);
      if (k.eof) {
        if (k.text.empty())
          return Status::Eof;
        fail("key " + strconv::quote(k.text) + " has no value");
      }
      if (k.last == '=') {
        set(data, k.text, Value(rest()));
        return Status::Ok;
      }
      if (k.last == '.') {
        if (++level > kMaxNestedNameLevel)
          nested_too_deep();
        Value inner = Value::empty_map();
        if (Value* existing = data.find(k.text))
          inner = assert_map(*existing);
        Status st = literal_key(inner, level);
        if (st == Status::Ok && inner.size() == 0) {
          fail("key map " + strconv::quote(k.text) + " has no value");
        }
        if (inner.size() != 0)
          set(data, k.text, inner);
        return st;
      }
      std::int64_t i = key_index();
      Value list = Value::empty_list();
      if (Value* existing = data.find(k.text))
        list = assert_list(*existing);
      Status st = list_item(list, i, level);
      set(data, k.text, list);
      return st;
    } catch (const Panic& p) {
      fail("unable to parse key: " + p.message);
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  Mode mode_;
  const FileReader* read_;
};

}  // namespace

Value typed_value(std::string_view text) {
  auto equal_fold = [&](std::string_view word) {
    if (text.size() != word.size())
      return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z')
        c = static_cast<char>(c - 'A' + 'a');
      if (c != word[i])
        return false;
    }
    return true;
  };
  if (equal_fold("true"))
    return Value(true);
  if (equal_fold("false"))
    return Value(false);
  if (equal_fold("null"))
    return Value();
  if (text == "0")
    return Value::integer(0, NumType::Int64);
  if (!text.empty() && text[0] != '0') {
    strconv::Parsed<std::int64_t> n = strconv::parse_int(text, 10, 64);
    if (n.ok())
      return Value::integer(n.value, NumType::Int64);
  }
  return Value(std::string(text));
}

void parse_into(std::string_view text, Value& dest) {
  Parser(text, Mode::Typed, nullptr).parse(dest);
}

void parse_into_string(std::string_view text, Value& dest) {
  Parser(text, Mode::String, nullptr).parse(dest);
}

void parse_json(std::string_view text, Value& dest) {
  Parser(text, Mode::Json, nullptr).parse(dest);
}

void parse_into_file(std::string_view text, Value& dest, const FileReader& read) {
  Parser(text, Mode::File, &read).parse(dest);
}

void parse_literal_into(std::string_view text, Value& dest) {
  Parser(text, Mode::Literal, nullptr).parse(dest);
}

Value parse(std::string_view text) {
  Value out = Value::empty_map();
  parse_into(text, out);
  return out;
}

Value parse_string(std::string_view text) {
  Value out = Value::empty_map();
  parse_into_string(text, out);
  return out;
}

}  // namespace capstan::chart::strvals
