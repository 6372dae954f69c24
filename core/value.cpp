// The dynamic Value.
#include "core/value.h"

#include "core/error.h"

namespace capstan {

std::string_view num_type_name(NumType type) {
  switch (type) {
    case NumType::Int: return "int";
    case NumType::Int8: return "int8";
    case NumType::Int16: return "int16";
    case NumType::Int32: return "int32";
    case NumType::Int64: return "int64";
    case NumType::Uint: return "uint";
    case NumType::Uint8: return "uint8";
    case NumType::Uint16: return "uint16";
    case NumType::Uint32: return "uint32";
    case NumType::Uint64: return "uint64";
    case NumType::Uintptr: return "uintptr";
    case NumType::Float32: return "float32";
    case NumType::Float64: return "float64";
  }
  return "int";
}

namespace {

[[noreturn]] void wrong_kind(const char* wanted, const Value& v) {
  throw Error(ErrorKind::Internal,
              std::string("Value: wanted ") + wanted + ", have " + v.type_name());
}

bool is_container(const Value& v) { return v.is_list() || v.is_map(); }

// Destroys the containers in `pending` without recursion: a container about to die first gives
// its nested containers to the worklist, so each destructor only ever frees flat contents.
void drain(std::vector<Value>& pending) {
  while (!pending.empty()) {
    Value v = std::move(pending.back());
    pending.pop_back();
    if (v.is_list() && v.list_ptr().use_count() == 1) {
      for (Value& item : v.mutable_list().items) {
        if (is_container(item)) pending.push_back(std::move(item));
      }
    } else if (v.is_map() && v.map_ptr().use_count() == 1) {
      for (auto& entry : v.mutable_map().entries) {
        if (is_container(entry.second)) pending.push_back(std::move(entry.second));
      }
    }
  }
}

}  // namespace

List::~List() {
  std::vector<Value> pending;
  for (Value& item : items) {
    if (is_container(item)) pending.push_back(std::move(item));
  }
  drain(pending);
}

Map::~Map() {
  std::vector<Value> pending;
  for (auto& entry : entries) {
    if (is_container(entry.second)) pending.push_back(std::move(entry.second));
  }
  drain(pending);
}

Value::Value(List list)
    : kind_(Kind::List), data_(std::make_shared<List>(std::move(list))) {}
Value::Value(Map map) : kind_(Kind::Map), data_(std::make_shared<Map>(std::move(map))) {}
Value::Value(std::shared_ptr<List> list) : kind_(Kind::List), data_(std::move(list)) {
  if (!std::get<std::shared_ptr<List>>(data_)) {
    *this = Value();
  }
}
Value::Value(std::shared_ptr<Map> map) : kind_(Kind::Map), data_(std::move(map)) {
  if (!std::get<std::shared_ptr<Map>>(data_)) {
    *this = Value();
  }
}
Value::Value(std::shared_ptr<Object> object) : kind_(Kind::Object), data_(std::move(object)) {
  if (!std::get<std::shared_ptr<Object>>(data_)) {
    *this = Value();
  }
}

Value Value::integer(std::int64_t i, NumType type) { return Value(Kind::Int, type, i); }
Value Value::unsigned_integer(std::uint64_t u, NumType type) { return Value(Kind::Uint, type, u); }
Value Value::floating(double f, NumType type) { return Value(Kind::Float, type, f); }
Value Value::bytes(std::string b) { return Value(Kind::Bytes, NumType::Uint8, std::move(b)); }

Value Value::empty_list(std::string_view elem_type) {
  auto list = std::make_shared<List>();
  list->elem_type = elem_type;
  return Value(std::move(list));
}

Value Value::empty_map(std::string_view elem_type) {
  auto map = std::make_shared<Map>();
  map->elem_type = elem_type;
  return Value(std::move(map));
}

Value Value::map_of(std::initializer_list<std::pair<std::string_view, Value>> entries) {
  Value out = empty_map();
  for (const auto& [key, value] : entries) {
    out.set(key, value);
  }
  return out;
}

Value Value::list_of(std::initializer_list<Value> items) {
  return Value(List(std::vector<Value>(items)));
}

bool Value::as_bool() const {
  if (kind_ != Kind::Bool) wrong_kind("bool", *this);
  return std::get<bool>(data_);
}

std::int64_t Value::as_int() const {
  if (kind_ != Kind::Int) wrong_kind("int", *this);
  return std::get<std::int64_t>(data_);
}

std::uint64_t Value::as_uint() const {
  if (kind_ != Kind::Uint) wrong_kind("uint", *this);
  return std::get<std::uint64_t>(data_);
}

double Value::as_float() const {
  if (kind_ != Kind::Float) wrong_kind("float", *this);
  return std::get<double>(data_);
}

const std::string& Value::as_string() const {
  if (kind_ != Kind::String && kind_ != Kind::Bytes) wrong_kind("string", *this);
  return std::get<std::string>(data_);
}

const List& Value::list() const { return *list_ptr(); }
List& Value::mutable_list() { return *list_ptr(); }
const Map& Value::map() const { return *map_ptr(); }
Map& Value::mutable_map() { return *map_ptr(); }

const std::shared_ptr<List>& Value::list_ptr() const {
  if (kind_ != Kind::List) wrong_kind("list", *this);
  return std::get<std::shared_ptr<List>>(data_);
}

const std::shared_ptr<Map>& Value::map_ptr() const {
  if (kind_ != Kind::Map) wrong_kind("map", *this);
  return std::get<std::shared_ptr<Map>>(data_);
}

const std::shared_ptr<Object>& Value::object() const {
  if (kind_ != Kind::Object) wrong_kind("object", *this);
  return std::get<std::shared_ptr<Object>>(data_);
}

double Value::number() const {
  switch (kind_) {
    case Kind::Int: return static_cast<double>(std::get<std::int64_t>(data_));
    case Kind::Uint: return static_cast<double>(std::get<std::uint64_t>(data_));
    case Kind::Float: return std::get<double>(data_);
    default: wrong_kind("number", *this);
  }
}

std::int64_t Value::integer_value() const {
  switch (kind_) {
    case Kind::Int: return std::get<std::int64_t>(data_);
    case Kind::Uint: return static_cast<std::int64_t>(std::get<std::uint64_t>(data_));
    case Kind::Float: return static_cast<std::int64_t>(std::get<double>(data_));
    default: wrong_kind("number", *this);
  }
}

const Value* Value::find(std::string_view key) const {
  if (kind_ != Kind::Map) return nullptr;
  const auto& entries = map().entries;
  auto it = entries.find(key);
  return it == entries.end() ? nullptr : &it->second;
}

Value* Value::find(std::string_view key) {
  if (kind_ != Kind::Map) return nullptr;
  auto& entries = mutable_map().entries;
  auto it = entries.find(key);
  return it == entries.end() ? nullptr : &it->second;
}

const Value* Value::find_path(std::initializer_list<std::string_view> path) const {
  const Value* at = this;
  for (std::string_view step : path) {
    at = at->find(step);
    if (at == nullptr) return nullptr;
  }
  return at;
}

Value& Value::set(std::string_view key, Value value) {
  Value& slot = (*this)[key];
  slot = std::move(value);
  return slot;
}

Value& Value::operator[](std::string_view key) {
  if (kind_ == Kind::Null) *this = empty_map();
  auto& entries = mutable_map().entries;
  auto it = entries.find(key);
  if (it == entries.end()) {
    it = entries.emplace(std::string(key), Value()).first;
  }
  return it->second;
}

bool Value::erase(std::string_view key) {
  if (kind_ != Kind::Map) return false;
  auto& entries = mutable_map().entries;
  auto it = entries.find(key);
  if (it == entries.end()) return false;
  entries.erase(it);
  return true;
}

std::string Value::get_string(std::string_view key, std::string_view fallback) const {
  const Value* v = find(key);
  if (v == nullptr || !v->is_string()) return std::string(fallback);
  return v->as_string();
}

void Value::push_back(Value item) {
  if (kind_ == Kind::Null) *this = empty_list();
  mutable_list().items.push_back(std::move(item));
}

std::size_t Value::size() const {
  switch (kind_) {
    case Kind::List: return list().items.size();
    case Kind::Map: return map().entries.size();
    case Kind::String:
    case Kind::Bytes: return as_string().size();
    default: return 0;
  }
}

std::string Value::type_name() const {
  switch (kind_) {
    case Kind::Null: return "<nil>";
    case Kind::Bool: return "bool";
    case Kind::Int:
    case Kind::Uint:
    case Kind::Float: return std::string(num_type_name(num_));
    case Kind::String: return "string";
    case Kind::Bytes: return "[]uint8";
    case Kind::List: return "[]" + std::string(list().elem_type);
    case Kind::Map: return "map[string]" + std::string(map().elem_type);
    case Kind::Object: return object()->type_name();
  }
  return "<nil>";
}

Value Value::deep_copy() const {
  switch (kind_) {
    case Kind::List: {
      auto copy = std::make_shared<List>();
      copy->elem_type = list().elem_type;
      copy->items.reserve(list().items.size());
      for (const Value& item : list().items) copy->items.push_back(item.deep_copy());
      return Value(std::move(copy));
    }
    case Kind::Map: {
      auto copy = std::make_shared<Map>();
      copy->elem_type = map().elem_type;
      for (const auto& [key, item] : map().entries) copy->entries.emplace(key, item.deep_copy());
      return Value(std::move(copy));
    }
    default: return *this;
  }
}

bool operator==(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_float() || b.is_float()) return a.number() == b.number();
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    if (a.is_uint() && b.is_uint()) return a.as_uint() == b.as_uint();
    const Value& s = a.is_int() ? a : b;
    const Value& u = a.is_int() ? b : a;
    return s.as_int() >= 0 && static_cast<std::uint64_t>(s.as_int()) == u.as_uint();
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return a.as_bool() == b.as_bool();
    case Value::Kind::String:
    case Value::Kind::Bytes: return a.as_string() == b.as_string();
    case Value::Kind::List: {
      if (a.list_ptr() == b.list_ptr()) return true;
      const auto& x = a.list().items;
      const auto& y = b.list().items;
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] == y[i])) return false;
      }
      return true;
    }
    case Value::Kind::Map: {
      if (a.map_ptr() == b.map_ptr()) return true;
      const auto& x = a.map().entries;
      const auto& y = b.map().entries;
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first || !(i->second == j->second)) return false;
      }
      return true;
    }
    case Value::Kind::Object: return a.object() == b.object();
    default: return false;
  }
}

}  // namespace capstan
