// fromToml's decoder: BurntSushi/toml v1.6.0's parser (parse.go) building the Go maps it
// builds, with its implicit-table and redefinition bookkeeping, so which documents fail and
// with which "Key 'a.b' has already been defined." follow the library. Unmarshal into a
// map[string]interface{} then hands these values over as they are.
#include <map>
#include <set>

#include "core/strconv.h"
#include "templating/toml.h"
#include "templating/toml_lex.h"
#include "templating/toml_values.h"

namespace capstan::templating::toml {

namespace {

using Key = std::vector<std::string>;

using detail::key_string;

Key add(Key k, std::string piece) {
  k.push_back(std::move(piece));
  return k;
}

enum class TomlType { Integer, Float, Datetime, String, Bool, Array, Hash, ArrayHash };

constexpr std::string_view kTableArray = "map[string]interface {}";  // []map[string]interface {}

bool is_table_array(const Value& v) {
  return v.is_list() && v.list().elem_type == kTableArray;
}

const char* item_name(ItemType t) {  // itemType.String(), for the library's BUG messages
  switch (t) {
    case ItemType::Error:
      return "Error";
    case ItemType::Eof:
      return "EOF";
    case ItemType::Text:
      return "Text";
    case ItemType::Bool:
      return "Bool";
    case ItemType::Integer:
      return "Integer";
    case ItemType::Float:
      return "Float";
    case ItemType::Datetime:
      return "DateTime";
    case ItemType::Array:
      return "Array";
    case ItemType::ArrayEnd:
      return "ArrayEnd";
    case ItemType::TableStart:
      return "TableStart";
    case ItemType::TableEnd:
      return "TableEnd";
    case ItemType::ArrayTableStart:
      return "ArrayTableStart";
    case ItemType::ArrayTableEnd:
      return "ArrayTableEnd";
    case ItemType::KeyStart:
      return "KeyStart";
    case ItemType::KeyEnd:
      return "KeyEnd";
    case ItemType::CommentStart:
      return "CommentStart";
    case ItemType::InlineTableStart:
      return "InlineTableStart";
    case ItemType::InlineTableEnd:
      return "InlineTableEnd";
    default:
      return "String";
  }
}

std::string error_text(int line, const std::string& last_key, const std::string& message) {
  if (last_key.empty())
    return "toml: line " + std::to_string(line) + ": " + message;
  return "toml: line " + std::to_string(line) + " (last key " + strconv::quote(last_key) +
         "): " + message;
}

class Parser {
 public:
  explicit Parser(std::string_view data) : lx_(data) {}

  Value parse() {
    for (Item item = next(); item.type != ItemType::Eof; item = next()) top_level(item);
    return mapping_;
  }

 private:
  struct KeyInfo {
    Position pos;
    TomlType type;
  };
  using Pair = std::pair<Value, TomlType>;

  [[noreturn]] void fail_at(const Position& pos, const std::string& message) {
    throw ParseError(error_text(pos.line, current(), message));
  }
  [[noreturn]] void panicf(const std::string& message) { fail_at(pos_, message); }
  [[noreturn]] static void bug(const std::string& message) {
    throw Panic("BUG: " + message + "\n\n");
  }

  Item next() {
    Item it = lx_.next_item();
    if (it.type == ItemType::Error)
      fail_at(it.pos, it.err);
    return it;
  }
  Item next_pos() {
    Item it = next();
    pos_ = it.pos;
    return it;
  }
  void expect(ItemType type) { assert_equal(type, next().type); }
  static void assert_equal(ItemType expected, ItemType got) {
    if (expected != got)
      bug(std::string("Expected '") + item_name(expected) + "' but got '" + item_name(got) + "'.");
  }

  void top_level(const Item& item) {
    switch (item.type) {
      case ItemType::CommentStart:
        expect(ItemType::Text);
        return;
      case ItemType::TableStart:
      case ItemType::ArrayTableStart: {
        const bool array = item.type == ItemType::ArrayTableStart;
        const ItemType end = array ? ItemType::ArrayTableEnd : ItemType::TableEnd;
        Key key;
        Item name = next_pos();
        for (; name.type != end && name.type != ItemType::Eof; name = next())
          key.push_back(key_part(name));
        assert_equal(end, name.type);
        add_context(key, array);
        set_type("", array ? TomlType::ArrayHash : TomlType::Hash, item.pos);
        return;
      }
      case ItemType::KeyStart: {
        const Key outer = context_;
        Item k = next_pos();
        Key key;
        for (; k.type != ItemType::KeyEnd && k.type != ItemType::Eof; k = next())
          key.push_back(key_part(k));
        assert_equal(ItemType::KeyEnd, k.type);
        current_key_ = key.back();
        // The other parts are implicit tables (a.b.c = 1).
        for (std::size_t i = 0; i + 1 < key.size(); ++i)
          add_implicit_context(add(context_, key[i]));
        const Item v = next();
        Pair val = value(v, false);
        set_value(current_key_, val.first);
        set_type(current_key_, val.second, v.pos);
        context_ = outer;
        current_key_.clear();
        return;
      }
      default:
        bug(std::string("Unexpected type at top level: ") + item_name(item.type));
    }
  }

  std::string key_part(const Item& it) {
    switch (it.type) {
      case ItemType::Text:
        return it.val;
      case ItemType::String:
      case ItemType::StringEsc:
      case ItemType::MultilineString:
      case ItemType::RawString:
      case ItemType::RawMultilineString:
        return value(it, false).first.as_string();
      default:
        bug(std::string("Unexpected key type: ") + item_name(it.type));
    }
  }

  Pair value(const Item& it, bool parent_is_array) {
    try {
      switch (it.type) {
        case ItemType::String:
        case ItemType::RawString:
          return {Value(it.val), TomlType::String};
        case ItemType::StringEsc:
          return {Value(detail::replace_escapes(it.val)), TomlType::String};
        case ItemType::MultilineString:
          return {Value(detail::replace_escapes(
                      detail::strip_escaped_newlines(detail::strip_first_newline(it.val)))),
                  TomlType::String};
        case ItemType::RawMultilineString:
          return {Value(detail::strip_first_newline(it.val)), TomlType::String};
        case ItemType::Integer:
          return {detail::integer(it.val), TomlType::Integer};
        case ItemType::Float:
          return {detail::floating(it.val), TomlType::Float};
        case ItemType::Bool:
          if (it.val == "true")
            return {Value(true), TomlType::Bool};
          if (it.val == "false")
            return {Value(false), TomlType::Bool};
          bug("Expected boolean value, but got '" + it.val + "'.");
        case ItemType::Datetime:
          return {detail::datetime(it.val), TomlType::Datetime};
        case ItemType::Array:
          return value_array(it);
        case ItemType::InlineTableStart:
          return value_inline_table(parent_is_array);
        default:
          bug(std::string("Unexpected value type: ") + item_name(it.type));
      }
    } catch (const detail::ItemError& e) {
      fail_at(it.pos, e.message);
    }
  }

  Pair value_array(const Item& it) {
    set_type(current_key_, TomlType::Array, it.pos);
    Value array = Value::empty_list();
    for (Item e = next(); e.type != ItemType::ArrayEnd; e = next()) {
      if (e.type == ItemType::CommentStart) {
        expect(ItemType::Text);
        continue;
      }
      array.push_back(value(e, true).first);
    }
    return {array, TomlType::Array};
  }

  // An inline table is built twice: through the mapping (which checks redefinitions and, at
  // the top, keeps the result) and as its own map (what an array element gets).
  Pair value_inline_table(bool parent_is_array) {
    Value top_hash = Value::empty_map();
    const Key outer_context = context_;
    const std::string outer_key = current_key_;

    context_.push_back(current_key_);
    const Key prev_context = context_;
    current_key_.clear();

    add_implicit(context_);
    add_context(context_, parent_is_array);

    for (Item it = next(); it.type != ItemType::InlineTableEnd; it = next()) {
      if (it.type == ItemType::CommentStart) {
        expect(ItemType::Text);
        continue;
      }
      Item k = next_pos();
      Key key;
      for (; k.type != ItemType::KeyEnd && k.type != ItemType::Eof; k = next())
        key.push_back(key_part(k));
      assert_equal(ItemType::KeyEnd, k.type);
      current_key_ = key.back();
      for (std::size_t i = 0; i + 1 < key.size(); ++i) add_implicit_context(add(context_, key[i]));

      Pair val = value(next(), false);
      set_value(current_key_, val.first);
      set_type(current_key_, val.second, it.pos);

      Value hash = top_hash;
      for (std::size_t i = 0; i + 1 < key.size(); ++i) {
        Value* h = hash.find(key[i]);
        if (h == nullptr)
          h = &hash.set(key[i], Value::empty_map());
        if (!h->is_map())
          panicf(strconv::quote(key_string(context_)) + " is not a table");
        Value inner = *h;
        hash = inner;
      }
      hash.set(current_key_, val.first);
      context_ = prev_context;
    }
    context_ = outer_context;
    current_key_ = outer_key;
    return {top_hash, TomlType::Hash};
  }

  // Makes `key` the current table (or a new element of the array of tables `key`), creating
  // implicit parent tables and refusing keys already used otherwise.
  void add_context(Key key, bool array) {  // a copy: callers pass context_
    Value hash_context = mapping_;
    Key key_context;
    for (std::size_t i = 0; i + 1 < key.size(); ++i) {
      const std::string& k = key[i];
      const bool ok = hash_context.find(k) != nullptr;
      key_context.push_back(k);
      if (!ok) {
        add_implicit(key_context);
        hash_context.set(k, Value::empty_map());
      }
      const Value t = *hash_context.find(k);
      if (is_table_array(t)) {
        hash_context = t.list().items.back();
      } else if (t.is_map()) {
        hash_context = t;
      } else {
        panicf("Key '" + key_string(key_context) + "' was already created as a hash.");
      }
    }
    context_ = key_context;
    if (array) {
      const std::string& k = key.back();
      if (hash_context.find(k) == nullptr)
        hash_context.set(k, Value(List({}, kTableArray)));
      Value* list = hash_context.find(k);
      if (!is_table_array(*list)) {
        panicf("Key '" + key_string(key) + "' was already created and cannot be used as an array.");
      }
      list->mutable_list().items.push_back(Value::empty_map());
    } else {
      set_value(key.back(), Value::empty_map());
    }
    context_.push_back(key.back());
  }

  // Sets `key` in the current context. A key defined only implicitly so far may be defined
  // concretely once; anything else defined twice is an error.
  void set_value(const std::string& key, const Value& value) {
    Value hash = mapping_;
    Key key_context;
    for (const std::string& k : context_) {
      key_context.push_back(k);
      const Value* tmp = hash.find(k);
      if (tmp == nullptr)
        bug("Context for key '" + key_string(key_context) + "' has not been established.");
      if (is_table_array(*tmp)) {
        hash = tmp->list().items.back();
      } else if (tmp->is_map()) {
        hash = *tmp;
      } else {
        panicf("Key '" + key_string(key_context) + "' has already been defined.");
      }
    }
    key_context.push_back(key);

    if (hash.find(key) != nullptr) {
      if (is_array(key_context)) {
        // v1.6: redefining an array is an error (v1.2 replaced it silently).
        if (!is_implicit(key_context))
          panicf("Key '" + key_string(key_context) + "' has already been defined.");
        remove_implicit(key_context);
        hash.set(key, value);
        return;
      }
      if (is_implicit(key_context)) {
        remove_implicit(key_context);
        return;
      }
      panicf("Key '" + key_string(key_context) + "' has already been defined.");
    }
    hash.set(key, value);
  }

  // Records a key's type; an empty key names the current table itself.
  void set_type(const std::string& key, TomlType type, const Position& pos) {
    Key key_context = context_;
    if (!key.empty())
      key_context.push_back(key);
    if (key_context.empty())
      key_context = Key{""};
    key_info_.insert_or_assign(key_string(key_context), KeyInfo{pos, type});
  }

  void add_implicit(const Key& key) { implicits_.insert(key_string(key)); }
  void remove_implicit(const Key& key) { implicits_.erase(key_string(key)); }
  bool is_implicit(const Key& key) const { return implicits_.count(key_string(key)) > 0; }
  bool is_array(const Key& key) const {
    auto it = key_info_.find(key_string(key));
    return it != key_info_.end() && it->second.type == TomlType::Array;
  }
  void add_implicit_context(Key key) {
    add_implicit(key);
    add_context(key, false);
  }

  // The full name of the current key, for "(last key ...)".
  std::string current() const {
    if (current_key_.empty())
      return key_string(context_);
    if (context_.empty())
      return current_key_;
    return key_string(context_) + "." + current_key_;
  }

  Lexer lx_;
  Key context_;              // the table in scope
  std::string current_key_;  // the key being set, except for tables
  Position pos_;             // of the last item read with next_pos
  std::map<std::string, KeyInfo> key_info_;
  Value mapping_ = Value::empty_map();
  std::set<std::string> implicits_;  // tables only implied by [a.b.c] or a.b.c = 1
};

}  // namespace

Value decode(std::string_view data) {
  // A byte-order mark is skipped (UTF-16's too, though the rest will not be UTF-8).
  if (data.substr(0, 2) == "\xff\xfe" || data.substr(0, 2) == "\xfe\xff") {
    data.remove_prefix(2);
  } else if (data.substr(0, 3) == "\xef\xbb\xbf") {
    data.remove_prefix(3);
  }
  // A NUL among the first bytes most likely means UTF-16.
  if (data.substr(0, 6).find('\0') != std::string_view::npos) {
    throw ParseError(error_text(
        1, "", "files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8"));
  }
  return Parser(data).parse();
}

}  // namespace capstan::templating::toml
