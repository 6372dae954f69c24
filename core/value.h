// The dynamic Value: what YAML and JSON decode into, what templates operate on, and what the
// orchestrator stores. It mirrors the Go values Helm and Kubernetes handle (interface{},
// map[string]interface{}, []interface{}, int, int64, float64, ...) closely enough that
// templates can print, compare and type-check them exactly as Go does.
//
// Sharing follows Go: a map is a reference (copying a Value copies the reference, so `set` on
// a dict is seen through every copy, as in Sprig), and so is a list's backing array. Use
// deep_copy() where Go code would copy (coalescing values, Sprig's deepCopy).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace capstan {

class Value;

// The Go numeric type a number carries, for %T, typeOf and Go's conversion rules.
enum class NumType : std::uint8_t {
  Int,  // Go int: template literals, len, atoi
  Int8,
  Int16,
  Int32,
  Int64,  // Sprig math, --set integers
  Uint,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Uintptr,
  Float32,
  Float64,  // every number in a values file or in JSON decoded into interface{}
};

std::string_view num_type_name(NumType type);

// A Go value that is not plain data: .Files, .Capabilities, time.Time, certificates.
// templating/ defines what can be done with one (fields, methods, printing).
class Object {
 public:
  virtual ~Object() = default;
  // Go's name for the dynamic type, as %T prints it ("chart.Files", "time.Time").
  virtual std::string type_name() const = 0;
};

struct List {
  std::vector<Value> items;
  // Go element type name: "interface {}" for []interface{}, "string" for []string, ...
  std::string_view elem_type = "interface {}";
  // A nil slice of that type (always empty): Go encodes it as JSON null where an empty slice
  // is [], and a nil slice in an interface {} is not a nil interface.
  bool nil = false;

  List() = default;
  explicit List(std::vector<Value> values, std::string_view elem = "interface {}")
      : items(std::move(values)), elem_type(elem) {}
  // Tears nested lists and maps down iteratively, so 10,000 levels of JSON do not overflow
  // the stack.
  ~List();
  List(const List&) = default;
  List(List&&) noexcept = default;
  List& operator=(const List&) = default;
  List& operator=(List&&) noexcept = default;
};

// Keys iterate in sorted (byte-wise) order, which is the order Go's template range, fmt and
// encoders use for maps.
struct Map {
  std::map<std::string, Value, std::less<>> entries;
  std::string_view elem_type = "interface {}";  // map[string]<elem_type>
  bool nil = false;                             // a nil map of that type (see List::nil)

  Map() = default;
  ~Map();  // iterative, like ~List
  Map(const Map&) = default;
  Map(Map&&) noexcept = default;
  Map& operator=(const Map&) = default;
  Map& operator=(Map&&) noexcept = default;
};

class Value {
 public:
  enum class Kind : std::uint8_t { Null, Bool, Int, Uint, Float, String, Bytes, List, Map, Object };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : kind_(Kind::Bool), data_(b) {}
  Value(int i) : kind_(Kind::Int), num_(NumType::Int), data_(std::int64_t{i}) {}
  Value(const char* s) : kind_(Kind::String), data_(std::string(s)) {}
  Value(std::string s) : kind_(Kind::String), data_(std::move(s)) {}
  Value(std::string_view s) : kind_(Kind::String), data_(std::string(s)) {}
  Value(List list);
  Value(Map map);
  Value(std::shared_ptr<List> list);
  Value(std::shared_ptr<Map> map);
  Value(std::shared_ptr<Object> object);

  static Value integer(std::int64_t i, NumType type = NumType::Int64);
  static Value unsigned_integer(std::uint64_t u, NumType type = NumType::Uint64);
  static Value floating(double f, NumType type = NumType::Float64);
  static Value bytes(std::string b);
  static Value empty_list(std::string_view elem_type = "interface {}");
  static Value empty_map(std::string_view elem_type = "interface {}");
  // A map[string]interface{} built from key/value pairs (later duplicates win).
  static Value map_of(std::initializer_list<std::pair<std::string_view, Value>> entries);
  static Value list_of(std::initializer_list<Value> items);

  Kind kind() const { return kind_; }
  NumType num_type() const { return num_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_int() const { return kind_ == Kind::Int; }
  bool is_uint() const { return kind_ == Kind::Uint; }
  bool is_float() const { return kind_ == Kind::Float; }
  bool is_number() const { return kind_ == Kind::Int || kind_ == Kind::Uint || kind_ == Kind::Float; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_bytes() const { return kind_ == Kind::Bytes; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_map() const { return kind_ == Kind::Map; }
  bool is_object() const { return kind_ == Kind::Object; }

  // Accessors require the matching kind (checked: a mismatch throws ErrorKind::Internal).
  bool as_bool() const;
  std::int64_t as_int() const;
  std::uint64_t as_uint() const;
  double as_float() const;
  const std::string& as_string() const;  // String or Bytes
  const List& list() const;
  List& mutable_list();
  const Map& map() const;
  Map& mutable_map();
  const std::shared_ptr<List>& list_ptr() const;
  const std::shared_ptr<Map>& map_ptr() const;
  const std::shared_ptr<Object>& object() const;

  // A number of any kind as a double / int64 (truncating), for code that does not care about
  // Go's types (the orchestrator reading spec.replicas).
  double number() const;
  std::int64_t integer_value() const;

  // Map helpers. find() returns nullptr when this is not a map or the key is absent.
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  // Walks nested maps; nullptr as soon as a step is missing or not a map.
  const Value* find_path(std::initializer_list<std::string_view> path) const;
  // Inserts or replaces; turns a null Value into an empty map first.
  Value& set(std::string_view key, Value value);
  // Returns the entry, creating a null one (turning a null Value into a map first).
  Value& operator[](std::string_view key);
  bool erase(std::string_view key);
  // A string field of a map, or `fallback` when missing or not a string.
  std::string get_string(std::string_view key, std::string_view fallback = "") const;

  // List helper: appends (turning a null Value into an empty list first).
  void push_back(Value item);
  std::size_t size() const;  // items of a list, entries of a map, bytes of a string; else 0

  // Go's name for the dynamic type, as %T prints it: "int", "float64", "[]interface {}",
  // "map[string]interface {}", "<nil>".
  std::string type_name() const;

  // A copy that shares nothing mutable with this one (objects stay shared: immutable).
  Value deep_copy() const;

  // Structural equality: same shape, equal strings and booleans, numbers equal by value
  // whatever their Go type (3 == 3.0), lists element-wise, maps key-wise, objects by identity.
  friend bool operator==(const Value& a, const Value& b);

 private:
  using Data = std::variant<std::monostate, bool, std::int64_t, std::uint64_t, double, std::string,
                            std::shared_ptr<List>, std::shared_ptr<Map>, std::shared_ptr<Object>>;
  Value(Kind kind, NumType num, Data data) : kind_(kind), num_(num), data_(std::move(data)) {}

  Kind kind_ = Kind::Null;
  NumType num_ = NumType::Int;
  Data data_;
};

}  // namespace capstan
