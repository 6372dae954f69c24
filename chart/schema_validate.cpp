// Validating an instance against a compiled schema as jsonschema v6's validator.go does: the
// same keyword order, the same error tree (a group when several keywords fail at one place,
// references shown through their causes), unevaluated properties/items tracking, dynamic and
// recursive references resolved along the scope chain, and reference cycles on one instance
// location reported rather than followed. Go visits object members in map order (random);
// here they are visited in key order.
//
// Longer than most files: one port of validator.go, whose parts share the validator state.
#include <set>

#include "chart/schema.h"
#include "chart/schema_url.h"
#include "chart/schema_validator.h"
#include "core/strconv.h"

namespace capstan::chart::jsonschema {

namespace {

struct Scope {
  const Schema* sch;
  std::string ref_keyword;
  int vid;
  const Scope* parent;
  std::size_t depth;

  const Scope* check_cycle() const {
    for (const Scope* s = parent; s != nullptr; s = s->parent) {
      if (s->vid != vid)
        break;
      if (s->sch == sch)
        return s;
    }
    return nullptr;
  }

  std::string kw_loc() const {
    std::string loc;
    for (const Scope* sc = this; sc->parent != nullptr; sc = sc->parent) {
      if (!sc->ref_keyword.empty()) {
        loc = "/" + pointer_escape(sc->ref_keyword) + loc;
      } else {
        const std::string& cur = sc->sch->location;
        const std::string& par = sc->parent->sch->location;
        loc = (cur.size() >= par.size() ? cur.substr(par.size()) : std::string()) + loc;
      }
    }
    return loc;
  }
};

struct Uneval {
  std::set<std::string> props;
  std::set<std::size_t> items;

  static Uneval from(const Value& v, const Schema& sch, bool caller_needs) {
    Uneval u;
    if (v.is_map()) {
      if (!sch.all_props_evaluated && (caller_needs || sch.unevaluated_properties != nullptr)) {
        for (const auto& [k, item] : v.map().entries) u.props.insert(k);
      }
    } else if (v.is_list()) {
      const std::size_t n = v.list().items.size();
      if (!sch.all_items_evaluated && (caller_needs || sch.unevaluated_items != nullptr) &&
          sch.num_items_evaluated < n) {
        for (std::size_t i = sch.num_items_evaluated; i < n; ++i) u.items.insert(i);
      }
    }
    return u;
  }
  void merge(const Uneval& other) {
    for (auto it = props.begin(); it != props.end();)
      it = other.props.count(*it) ? std::next(it) : props.erase(it);
    for (auto it = items.begin(); it != items.end();)
      it = other.items.count(*it) ? std::next(it) : items.erase(it);
  }
  bool empty() const { return props.empty() && items.empty(); }
};

// kind.display: strings quoted, arrays and objects as "value", the rest as Go's %v.
std::string display(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String:
      return single_quote(v.as_string());
    case Value::Kind::List:
    case Value::Kind::Map:
      return "value";
    case Value::Kind::Null:
      return "<nil>";
    case Value::Kind::Bool:
      return v.as_bool() ? "true" : "false";
    case Value::Kind::Int:
      return std::to_string(v.as_int());
    case Value::Kind::Uint:
      return std::to_string(v.as_uint());
    case Value::Kind::Float:
      return strconv::format_float(v.as_float(), 'g', -1, 64);
    default:
      return "?";
  }
}

std::string join_quoted(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : ", ") + single_quote(s);
  return out;
}

std::string go_int_list(const std::vector<std::size_t>& v) {
  std::string out;
  for (std::size_t i : v) out += (out.empty() ? "" : " ") + std::to_string(i);
  return out;
}

bool is_integer_value(const Value& v) {
  std::optional<Decimal> d = Decimal::of(v);
  return d && d->is_integer();
}

class Validator {
 public:
  Validator(const Value& v, std::vector<std::string> vloc, const Schema* sch, const Scope* scp,
            Uneval uneval, bool bool_result, const MetaContext* meta)
      : v_(v), vloc_(std::move(vloc)), sch_(sch), scp_(scp), uneval_(std::move(uneval)),
        bool_result_(bool_result), meta_(meta) {}

  // validator.validate: nullopt (and the unevaluated leftovers in `out`) when valid.
  std::optional<ValidationError> run(Uneval* out) {
    const Schema& s = *sch_;
    if (s.boolean) {
      if (*s.boolean) {
        if (out)
          *out = std::move(uneval_);
        return std::nullopt;
      }
      return error(ValidationError::Kind::Other, "false schema");
    }
    if (scp_->depth > kMaxValidationDepth) {
      return error(ValidationError::Kind::Other,
                   "validation nested deeper than " + std::to_string(kMaxValidationDepth) +
                       " levels");
    }
    if (const Scope* other = scp_->check_cycle()) {
      return error(ValidationError::Kind::Other, "both " + scp_->kw_loc() + " and " +
                                                     other->kw_loc() + " resolve to " +
                                                     strconv::quote(s.location) +
                                                     " causing reference cycle");
    }
    const JsonType t = type_of(v_);
    if (t == kInvalidType)
      return error(ValidationError::Kind::Other, "invalid jsonType " + go_type_name(v_));
    if (s.types != 0) {
      const bool matched =
          (s.types & t) || ((s.types & kIntegerType) && t == kNumberType && is_integer_value(v_));
      if (!matched) {
        std::string want;
        for (const std::string& n : type_names(s.types)) want += (want.empty() ? "" : " or ") + n;
        return error(ValidationError::Kind::Other, "got " + type_name(t) + ", want " + want);
      }
    }
    if (s.const_value && !json_equals(v_, *s.const_value)) {
      const bool compound = s.const_value->is_list() || s.const_value->is_map();
      return error(ValidationError::Kind::Other,
                   compound ? "const failed" : "value must be " + display(*s.const_value));
    }
    if (s.enum_values) {
      bool matched = (s.enum_types & type_of(v_)) != 0;
      if (matched) {
        matched = false;
        for (const Value& item : *s.enum_values) {
          if (json_equals(v_, item)) {
            matched = true;
            break;
          }
        }
      }
      if (!matched)
        return error(ValidationError::Kind::Other, enum_message(*s.enum_values));
    }
    if (s.format) {
      if (std::optional<std::string> err = s.format->validate(v_)) {
        return error(ValidationError::Kind::Other,
                     display(v_) + " is not valid " + s.format->name + ": " + *err);
      }
    }
    if (s.ref != nullptr) {
      std::optional<ValidationError> err = validate_ref(*s.ref, "$ref");
      if (s.draft_version < 2019) {
        if (!err && out)
          *out = std::move(uneval_);
        return err;
      }
      add(std::move(err));
    }
    switch (t) {
      case kObjectType:
        obj_validate();
        break;
      case kArrayType:
        arr_validate();
        break;
      case kStringType:
        str_validate();
        break;
      case kNumberType:
        num_validate();
        break;
      default:
        break;
    }
    if (errors_.empty() || !bool_result_) {
      if (s.draft_version >= 2019)
        validate_refs();
      cond_validate();
      if (s.draft_version >= 2019)
        uneval_validate();
    }
    if (errors_.empty()) {
      if (out)
        *out = std::move(uneval_);
      return std::nullopt;
    }
    if (errors_.size() == 1)
      return std::move(errors_[0]);
    ValidationError group = error(ValidationError::Kind::Group, "validation failed");
    group.causes = std::move(errors_);
    return group;
  }

  // Schema.validate at the top: the root error names the schema.
  static std::optional<ValidationError> top(const Schema& sch, const Value& v,
                                            const MetaContext* meta) {
    Scope scope{&sch, "", 0, nullptr, 0};
    Validator vd(v, {}, &sch, &scope, Uneval::from(v, sch, false), false, meta);
    std::optional<ValidationError> err = vd.run(nullptr);
    if (!err)
      return std::nullopt;
    ValidationError root;
    root.schema_url = sch.location;
    root.kind = ValidationError::Kind::Schema;
    root.message = "jsonschema validation failed with " + single_quote(sch.location);
    if (err->kind == ValidationError::Kind::Group)
      root.causes = std::move(err->causes);
    else
      root.causes.push_back(std::move(*err));
    return root;
  }

 private:
  static std::string go_type_name(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::Bytes:
        return "[]uint8";
      default:
        return "<unknown>";
    }
  }

  static std::string enum_message(const std::vector<Value>& want) {
    for (const Value& item : want) {
      if (item.is_list() || item.is_map())
        return "enum failed";
    }
    if (want.size() == 1)
      return "value must be " + display(want[0]);
    std::string list;
    for (const Value& item : want) list += (list.empty() ? "" : ", ") + display(item);
    return "value must be one of " + list;
  }

  ValidationError error(ValidationError::Kind kind, std::string message) const {
    if (bool_result_)
      return ValidationError{};
    ValidationError e;
    e.schema_url = sch_->location;
    e.instance_location = vloc_;
    e.kind = kind;
    e.message = std::move(message);
    return e;
  }
  void add_error(std::string message) {
    errors_.push_back(error(ValidationError::Kind::Other, std::move(message)));
  }
  void add(std::optional<ValidationError> err) {
    if (err)
      errors_.push_back(std::move(*err));
  }
  void add_errors(std::vector<ValidationError> causes, std::string message) {
    ValidationError e = error(ValidationError::Kind::Other, std::move(message));
    e.causes = std::move(causes);
    errors_.push_back(std::move(e));
  }
  bool stop() const { return bool_result_ && !errors_.empty(); }

  // The metaschema's view of a subschema with its own $schema (validator.metaResource).
  const Resource* meta_resource(const Schema* sch) const {
    if (meta_ == nullptr || sch != meta_->meta || meta_->resources == nullptr)
      return nullptr;
    std::string ptr;
    for (const std::string& tok : vloc_) ptr += "/" + pointer_escape(tok);
    auto it = meta_->resources->find(ptr);
    return it == meta_->resources->end() ? nullptr : &it->second;
  }

  // Where a subschema of a schema document has its own $schema, the metaschema switches to
  // that dialect's (validator.handleMeta).
  void handle_meta() {
    const Resource* res = meta_resource(sch_);
    if (res == nullptr)
      return;
    const Schema* sch = meta_->dialect_schema(res->dialect);
    owned_meta_ = *meta_;
    owned_meta_.meta = sch;
    meta_ = &owned_meta_;
    sch_ = sch;
  }

  std::optional<ValidationError> validate_self(const Schema& sch, const std::string& ref_kw,
                                               bool bool_result) {
    Scope scope{&sch, ref_kw, scp_->vid, scp_, scp_->depth + 1};
    Validator sub(v_, vloc_, &sch, &scope, Uneval::from(v_, sch, !uneval_.empty()),
                  bool_result_ || bool_result, meta_);
    sub.handle_meta();
    Uneval result;
    std::optional<ValidationError> err = sub.run(&result);
    if (!err)
      uneval_.merge(result);
    return err;
  }

  std::optional<ValidationError> validate_val(const Schema& sch, const Value& v,
                                              const std::string& tok) {
    std::vector<std::string> vloc = vloc_;
    vloc.push_back(tok);
    Scope scope{&sch, "", scp_->vid + 1, scp_, scp_->depth + 1};
    Validator sub(v, std::move(vloc), &sch, &scope, Uneval::from(v, sch, false), bool_result_,
                  meta_);
    sub.handle_meta();
    return sub.run(nullptr);
  }

  std::optional<ValidationError> validate_ref(const Schema& sch, const std::string& kw) {
    std::optional<ValidationError> err = validate_self(sch, kw, false);
    if (!err)
      return std::nullopt;
    ValidationError ref = error(ValidationError::Kind::Reference, "validation failed");
    if (err->kind == ValidationError::Kind::Group)
      ref.causes = std::move(err->causes);
    else
      ref.causes.push_back(std::move(*err));
    return ref;
  }

  std::vector<std::string> find_missing(const Value& obj, const std::vector<std::string>& reqd,
                                        bool& any) const {
    std::vector<std::string> missing;
    any = false;
    for (const std::string& name : reqd) {
      if (obj.map().entries.count(name) == 0) {
        any = true;
        if (bool_result_)
          return {};
        missing.push_back(name);
      }
    }
    return missing;
  }

  void obj_validate() {
    const Schema& s = *sch_;
    const auto& entries = v_.map().entries;
    const auto size = static_cast<std::int64_t>(entries.size());
    if (s.min_properties && size < *s.min_properties) {
      add_error("minProperties: got " + localized_int(size) + ", want " +
                localized_int(*s.min_properties));
    }
    if (s.max_properties && size > *s.max_properties) {
      add_error("maxProperties: got " + localized_int(size) + ", want " +
                localized_int(*s.max_properties));
    }
    if (!s.required.empty()) {
      bool any = false;
      std::vector<std::string> missing = find_missing(v_, s.required, any);
      if (any) {
        add_error(missing.size() == 1 ? "missing property " + single_quote(missing[0])
                                      : "missing properties " + join_quoted(missing));
      }
    }
    if (stop())
      return;
    for (const auto& [pname, dep] : s.dependencies) {
      if (entries.count(pname) == 0)
        continue;
      if (const auto* names = std::get_if<std::vector<std::string>>(&dep)) {
        bool any = false;
        std::vector<std::string> missing = find_missing(v_, *names, any);
        if (any) {
          add_error("properties " + join_quoted(missing) + " required, if " +
                    single_quote(pname) + " exists");
        }
      } else {
        add(validate_self(*std::get<Schema*>(dep), "", false));
      }
    }
    std::vector<std::string> additional;
    for (const auto& [pname, pvalue] : entries) {
      if (stop())
        return;
      bool evaluated = false;
      if (auto it = s.properties.find(pname); it != s.properties.end()) {
        evaluated = true;
        add(validate_val(*it->second, pvalue, pname));
      }
      for (const auto& [pattern, sch] : s.pattern_properties) {
        if (pattern.re->match(pname)) {
          evaluated = true;
          add(validate_val(*sch, pvalue, pname));
        }
      }
      if (!evaluated && s.additional_properties.present) {
        evaluated = true;
        if (s.additional_properties.schema != nullptr)
          add(validate_val(*s.additional_properties.schema, pvalue, pname));
        else if (!s.additional_properties.allowed)
          additional.push_back(pname);
      }
      if (evaluated)
        uneval_.props.erase(pname);
    }
    if (!additional.empty())
      add_error("additional properties " + join_quoted(additional) + " not allowed");
    if (s.draft_version == 4)
      return;
    if (s.property_names != nullptr) {
      for (const auto& [pname, pvalue] : entries) {
        const Schema* sch = s.property_names;
        MetaContext ctx;
        const MetaContext* meta = meta_;
        if (const Resource* res = meta_resource(sch)) {
          ctx = *meta_;
          ctx.meta = meta_->dialect_schema(res->dialect);
          sch = ctx.meta;
          meta = &ctx;
        }
        if (std::optional<ValidationError> err = Validator::top(*sch, Value(pname), meta)) {
          if (bool_result_) {
            errors_.push_back(ValidationError{});
            continue;
          }
          err->schema_url = s.property_names->location;
          err->kind = ValidationError::Kind::Other;
          err->message = "invalid propertyName " + single_quote(pname);
          errors_.push_back(std::move(*err));
        }
      }
    }
    if (s.draft_version == 6)
      return;
    for (const auto& [pname, sch] : s.dependent_schemas) {
      if (entries.count(pname) != 0)
        add(validate_self(*sch, "", false));
    }
    for (const auto& [pname, reqd] : s.dependent_required) {
      if (entries.count(pname) == 0)
        continue;
      bool any = false;
      std::vector<std::string> missing = find_missing(v_, reqd, any);
      if (any) {
        add_error("properties " + join_quoted(missing) + " required, if " + single_quote(pname) +
                  " exists");
      }
    }
  }

  void arr_validate() {
    const Schema& s = *sch_;
    const auto& arr = v_.list().items;
    const auto size = static_cast<std::int64_t>(arr.size());
    if (s.min_items && size < *s.min_items)
      add_error("minItems: got " + localized_int(size) + ", want " + localized_int(*s.min_items));
    if (s.max_items && size > *s.max_items)
      add_error("maxItems: got " + localized_int(size) + ", want " + localized_int(*s.max_items));
    if (s.unique_items && arr.size() > 1) {
      bool found = false;
      for (std::size_t i = 1; i < arr.size() && !found; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (json_equals(arr[i], arr[j])) {
            add_error("items at " + localized_int(static_cast<std::int64_t>(j)) + " and " +
                      localized_int(static_cast<std::int64_t>(i)) + " are equal");
            found = true;
            break;
          }
        }
      }
    }
    if (s.draft_version < 2020) {
      std::size_t evaluated = 0;
      if (s.items != nullptr) {
        for (std::size_t i = 0; i < arr.size(); ++i)
          add(validate_val(*s.items, arr[i], std::to_string(i)));
        evaluated = arr.size();
      } else if (s.items_list) {
        const std::size_t n = std::min(arr.size(), s.items_list->size());
        for (std::size_t i = 0; i < n; ++i)
          add(validate_val(*(*s.items_list)[i], arr[i], std::to_string(i)));
        evaluated = n;
      }
      if (s.additional_items.present) {
        if (s.additional_items.schema != nullptr) {
          // v6 numbers these items from 0, not from their index in the array.
          for (std::size_t i = evaluated; i < arr.size(); ++i)
            add(validate_val(*s.additional_items.schema, arr[i], std::to_string(i - evaluated)));
        } else if (!s.additional_items.allowed && evaluated != arr.size()) {
          add_error("last " + localized_int(static_cast<std::int64_t>(arr.size() - evaluated)) +
                    " additionalItem(s) not allowed");
        }
      }
    } else {
      const std::size_t evaluated = std::min(s.prefix_items.size(), arr.size());
      for (std::size_t i = 0; i < evaluated; ++i)
        add(validate_val(*s.prefix_items[i], arr[i], std::to_string(i)));
      if (s.items2020 != nullptr) {
        for (std::size_t i = evaluated; i < arr.size(); ++i)
          add(validate_val(*s.items2020, arr[i], std::to_string(i - evaluated)));
      }
    }
    if (s.contains != nullptr) {
      std::vector<ValidationError> errors;
      std::vector<std::size_t> matched;
      for (std::size_t i = 0; i < arr.size(); ++i) {
        if (std::optional<ValidationError> err =
                validate_val(*s.contains, arr[i], std::to_string(i))) {
          errors.push_back(std::move(*err));
        } else {
          matched.push_back(i);
          if (s.draft_version >= 2020)
            uneval_.items.erase(i);
        }
      }
      if (s.min_contains) {
        if (static_cast<std::int64_t>(matched.size()) < *s.min_contains) {
          add_errors(std::move(errors),
                     matched.empty()
                         ? "min " + localized_int(*s.min_contains) +
                               " items required to match contains schema, but none matched"
                         : "min " + localized_int(*s.min_contains) +
                               " items required to match contains schema, but matched " +
                               localized_int(static_cast<std::int64_t>(matched.size())) +
                               " items at " + go_int_list(matched));
        }
      } else if (matched.empty()) {
        add_errors(std::move(errors), "no items match contains schema");
      }
      if (s.max_contains && static_cast<std::int64_t>(matched.size()) > *s.max_contains) {
        add_error("max " + localized_int(*s.max_contains) +
                  " items required to match contains schema, but matched " +
                  localized_int(static_cast<std::int64_t>(matched.size())) + " items at " +
                  go_int_list(matched));
      }
    }
  }

  void str_validate() {
    const Schema& s = *sch_;
    const std::string& str = v_.as_string();
    if (s.min_length || s.max_length) {
      std::int64_t n = 0;
      for (std::size_t i = 0; i < str.size();) {
        i += static_cast<std::size_t>(strconv::decode_rune(std::string_view(str).substr(i)).width);
        ++n;
      }
      if (s.min_length && n < *s.min_length)
        add_error("minLength: got " + localized_int(n) + ", want " + localized_int(*s.min_length));
      if (s.max_length && n > *s.max_length)
        add_error("maxLength: got " + localized_int(n) + ", want " + localized_int(*s.max_length));
    }
    if (s.pattern && !s.pattern->re->match(str)) {
      add_error(single_quote(str) + " does not match pattern " + single_quote(s.pattern->source));
    }
  }

  void num_validate() {
    const Schema& s = *sch_;
    const std::optional<Decimal> num = Decimal::of(v_);
    if (!num)
      return;
    auto message = [&](const char* keyword, const Decimal& want) {
      return std::string(keyword) + ": got " + localized_float(num->to_double()) + ", want " +
             localized_float(want.to_double());
    };
    if (s.minimum && num->compare(*s.minimum) < 0)
      add_error(message("minimum", *s.minimum));
    if (s.maximum && num->compare(*s.maximum) > 0)
      add_error(message("maximum", *s.maximum));
    if (s.exclusive_minimum && num->compare(*s.exclusive_minimum) <= 0)
      add_error(message("exclusiveMinimum", *s.exclusive_minimum));
    if (s.exclusive_maximum && num->compare(*s.exclusive_maximum) >= 0)
      add_error(message("exclusiveMaximum", *s.exclusive_maximum));
    if (s.multiple_of && !num->multiple_of(*s.multiple_of))
      add_error(message("multipleOf", *s.multiple_of));
  }

  void cond_validate() {
    const Schema& s = *sch_;
    if (s.not_ != nullptr && !validate_self(*s.not_, "", true))
      add_error("not failed");
    if (!s.all_of.empty()) {
      std::vector<ValidationError> errors;
      for (const Schema* sch : s.all_of) {
        if (std::optional<ValidationError> err = validate_self(*sch, "", false)) {
          errors.push_back(std::move(*err));
          if (bool_result_)
            break;
        }
      }
      if (!errors.empty())
        add_errors(std::move(errors), "allOf failed");
    }
    if (!s.any_of.empty()) {
      bool matched = false;
      std::vector<ValidationError> errors;
      for (const Schema* sch : s.any_of) {
        if (std::optional<ValidationError> err = validate_self(*sch, "", false)) {
          errors.push_back(std::move(*err));
        } else {
          matched = true;
          if (uneval_.empty())
            break;  // for unevaluated keywords every subschema must be evaluated
        }
      }
      if (!matched)
        add_errors(std::move(errors), "anyOf failed");
    }
    if (!s.one_of.empty()) {
      std::optional<std::size_t> matched;
      std::vector<ValidationError> errors;
      for (std::size_t i = 0; i < s.one_of.size(); ++i) {
        if (std::optional<ValidationError> err =
                validate_self(*s.one_of[i], "", matched.has_value())) {
          if (!matched)
            errors.push_back(std::move(*err));
        } else if (!matched) {
          matched = i;
        } else {
          add_error("oneOf failed, subschemas " + localized_int(static_cast<std::int64_t>(*matched)) +
                    ", " + localized_int(static_cast<std::int64_t>(i)) + " matched");
          break;
        }
      }
      if (!matched)
        add_errors(std::move(errors), "oneOf failed, none matched");
    }
    if (s.if_ != nullptr) {
      if (!validate_self(*s.if_, "", true)) {
        if (s.then_ != nullptr)
          add(validate_self(*s.then_, "", false));
      } else if (s.else_ != nullptr) {
        add(validate_self(*s.else_, "", false));
      }
    }
  }

  void uneval_validate() {
    const Schema& s = *sch_;
    if (v_.is_map() && s.unevaluated_properties != nullptr) {
      const std::set<std::string> props = uneval_.props;
      for (const std::string& pname : props) {
        auto it = v_.map().entries.find(pname);
        if (it != v_.map().entries.end())
          add(validate_val(*s.unevaluated_properties, it->second, pname));
      }
      uneval_.props.clear();
    }
    if (v_.is_list() && s.unevaluated_items != nullptr) {
      const std::set<std::size_t> items = uneval_.items;
      for (std::size_t i : items)
        add(validate_val(*s.unevaluated_items, v_.list().items[i], std::to_string(i)));
      uneval_.items.clear();
    }
  }

  const Schema* resolve_recursive_anchor(const Schema* fallback) const {
    const Schema* sch = fallback;
    for (const Scope* scp = scp_; scp != nullptr; scp = scp->parent) {
      if (scp->sch->resource != nullptr && scp->sch->resource->recursive_anchor)
        sch = scp->sch;
    }
    return sch;
  }

  const Schema* resolve_dynamic_anchor(const std::string& name, const Schema* fallback) const {
    const Schema* sch = fallback;
    for (const Scope* scp = scp_; scp != nullptr; scp = scp->parent) {
      if (scp->sch->resource == nullptr)
        continue;
      const auto& anchors = scp->sch->resource->dynamic_anchors;
      if (auto it = anchors.find(name); it != anchors.end())
        sch = it->second;
    }
    return sch;
  }

  void validate_refs() {
    if (const Schema* sch = sch_->recursive_ref) {
      if (sch->recursive_anchor)
        sch = resolve_recursive_anchor(sch);
      add(validate_ref(*sch, "$recursiveRef"));
    }
    if (const Schema* sch = sch_->dynamic_ref) {
      const std::string& anchor = sch_->dynamic_ref_anchor;
      if (!anchor.empty() && sch->dynamic_anchor == anchor)
        sch = resolve_dynamic_anchor(anchor, sch);
      add(validate_ref(*sch, "$dynamicRef"));
    }
  }

  const Value& v_;
  std::vector<std::string> vloc_;
  const Schema* sch_;
  const Scope* scp_;
  Uneval uneval_;
  std::vector<ValidationError> errors_;
  bool bool_result_;
  const MetaContext* meta_;
  MetaContext owned_meta_;
};

}  // namespace

std::optional<ValidationError> validate_with(const Schema& schema, const Value& v,
                                             const MetaContext* meta) {
  return Validator::top(schema, v, meta);
}

std::optional<ValidationError> validate(const Schema& schema, const Value& instance) {
  return Validator::top(schema, instance, nullptr);
}

}  // namespace capstan::chart::jsonschema
