// Sprig's merge, mustMerge, mergeOverwrite, mustMergeOverwrite: imdario/mergo 0.3.12's
// deepMerge over map[string]interface {}, plus the oracle's patch for mergeOverwrite (Helm's
// Sprig 3.3 uses mergo 1.0.1, where a table in src replaces a non-empty non-table in dst; see
// shared/oracle/engine/mergo.go). Nested maps of dst are changed in place and src's maps and
// slices are shared into dst, as in Go.
#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

// mergo's isEmptyValue: zero numbers, false, empty strings/maps/slices, nil; structs never.
bool is_empty_value(const Value& v) {
  return sprig::empty(v);
}

// The kind of an element's dynamic value as reflect.TypeOf(x).Kind() names it.
std::string elem_kind(const Value& v) {
  return sprig::reflect_kind(v);
}

void merge_map(Value& dst, bool settable, const Value& src, bool overwrite);

// deepMerge for an element of dst (held in an interface, so not settable) and src's map,
// struct or pointer element.
void merge_element(const Value& dst_elem, const Value& src_elem, bool overwrite) {
  const Value& d = sprig::data_of(dst_elem);
  if (!d.is_map())
    return;  // structs without exported fields, slices, scalars: nothing to do
  const Value& s = sprig::data_of(src_elem);
  if (!s.is_map()) {
    if (overwrite)
      throw FuncError("reflect: reflect.Value.Set using unaddressable value");
    return;
  }
  Value nested = d;  // shares the map: changes land in dst's nested map
  merge_map(nested, false, s, overwrite);
}

bool is_nil_map(const Value& v) {
  return v.is_null() || (v.is_map() && v.map().nil);
}

void merge_map(Value& dst, bool settable, const Value& src, bool overwrite) {
  if (is_nil_map(dst)) {
    // A nil dst becomes a new map only where it can be set (the top level); src's entries
    // cannot land in a nil map nested in an interface.
    if (is_nil_map(src) || !settable)
      return;
    dst = Value::empty_map();
  }
  if (!src.is_map())
    return;
  for (const auto& [key, se] : src.map().entries) {
    const Value* found = dst.find(key);
    const bool has_dst = found != nullptr;
    const Value de = has_dst ? *found : Value();
    if (se.is_null()) {
      if (overwrite)
        dst.set(key, Value());
      continue;
    }
    const std::string kind = elem_kind(se);
    if (kind == "map" || kind == "struct" || kind == "ptr") {
      if (has_dst)
        merge_element(de, se, overwrite);
    } else if (kind == "slice") {
      // The slice rule: src's slice when overwriting or dst's element is missing or empty.
      if (overwrite || !has_dst || is_empty_value(de)) {
        dst.set(key, se);
      }
    }
    if (has_dst && !is_empty_value(de) && (kind == "map" || kind == "slice"))
      continue;
    if (overwrite || !has_dst || is_empty_value(de))
      dst.set(key, se);
  }
}

// The oracle's overwriteTables: with overwrite, a table in src replaces a non-empty non-table
// value in dst, level by level, before mergo runs.
void overwrite_tables(Value& dst, const Value& src) {
  if (!src.is_map() || !dst.is_map())
    return;
  for (const auto& [key, sv] : src.map().entries) {
    if (!sv.is_map() || sv.map().elem_type != "interface {}")
      continue;
    Value* dv = dst.find(key);
    if (dv == nullptr)
      continue;
    if (dv->is_map() && dv->map().elem_type == "interface {}") {
      overwrite_tables(*dv, sv);
      continue;
    }
    if (!is_empty_value(*dv))
      *dv = sv;
  }
}

Value merge(Args& a, bool overwrite) {
  Value dst = a[0];
  for (const Value& src : a[1].list().items) {
    if (overwrite)
      overwrite_tables(dst, src);
    merge_map(dst, true, src, overwrite);
  }
  // A nil dst stays a nil map (in the interface {} result: map[], JSON null).
  if (dst.is_null()) {
    auto nil = std::make_shared<Map>();
    nil->nil = true;
    return Value(std::move(nil));
  }
  return dst;
}

}  // namespace

void register_sprig_merge(FuncMap& f) {
  f.add("merge", "func(map[string]interface {}, ...map[string]interface {}) interface {}",
        [](CallContext&, Args& a) { return merge(a, false); });
  f.add("mustMerge",
        "func(map[string]interface {}, ...map[string]interface {}) (interface {}, error)",
        [](CallContext&, Args& a) { return merge(a, false); });
  f.add("mergeOverwrite", "func(map[string]interface {}, ...map[string]interface {}) interface {}",
        [](CallContext&, Args& a) { return merge(a, true); });
  f.add("mustMergeOverwrite",
        "func(map[string]interface {}, ...map[string]interface {}) (interface {}, error)",
        [](CallContext&, Args& a) { return merge(a, true); });
}

}  // namespace capstan::templating
