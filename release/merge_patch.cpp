// Merge patch creation, application and the three-way combination.
#include "release/merge_patch.h"

#include "core/error.h"

namespace capstan::release {

namespace {

// keepOrDeleteNullInObj: only the deletions (keep_null) or only the rest. An explicitly empty
// map is a value, not an empty sub-patch.
Value filter_nulls(const Value& patch, bool keep_null) {
  Value out = Value::empty_map();
  for (const auto& [key, val] : patch.map().entries) {
    if (val.is_null()) {
      if (keep_null) out.set(key, Value());
    } else if (val.is_map()) {
      if (val.size() == 0) {
        if (!keep_null) out.set(key, Value::empty_map());
        continue;
      }
      Value sub = filter_nulls(val, keep_null);
      if (sub.size() > 0) out.set(key, sub);
    } else if (!keep_null) {
      out.set(key, val);
    }
  }
  return out;
}

// Deep merge of two patches; `b` wins (MergePatch of patch documents without nulls).
Value merge_patches(const Value& a, const Value& b) {
  Value out = a.deep_copy();
  for (const auto& [key, val] : b.map().entries) {
    Value* existing = out.find(key);
    if (existing != nullptr && existing->is_map() && val.is_map()) {
      *existing = merge_patches(*existing, val);
    } else {
      out.set(key, val.deep_copy());
    }
  }
  return out;
}

}  // namespace

Value create_merge_patch(const Value& original, const Value& modified) {
  Value patch = Value::empty_map();
  for (const auto& [key, val] : modified.map().entries) {
    const Value* old = original.find(key);
    if (old == nullptr) {
      patch.set(key, val.deep_copy());
    } else if (old->is_map() && val.is_map()) {
      Value sub = create_merge_patch(*old, val);
      if (sub.size() > 0) patch.set(key, sub);
    } else if (!(*old == val)) {
      patch.set(key, val.deep_copy());
    }
  }
  for (const auto& [key, val] : original.map().entries) {
    if (modified.find(key) == nullptr) patch.set(key, Value());
  }
  return patch;
}

Value apply_merge_patch(const Value& target, const Value& patch) {
  if (!patch.is_map()) return patch.deep_copy();
  Value out = target.is_map() ? target.deep_copy() : Value::empty_map();
  for (const auto& [key, val] : patch.map().entries) {
    if (val.is_null()) {
      out.erase(key);
    } else {
      const Value* existing = out.find(key);
      out.set(key, apply_merge_patch(existing == nullptr ? Value() : *existing, val));
    }
  }
  return out;
}

Value three_way_merge_patch(const Value& original, const Value& modified, const Value& current) {
  const Value empty = Value::empty_map();
  const Value& orig = original.is_map() ? original : empty;
  const Value& cur = current.is_map() ? current : empty;
  const Value add_and_change = filter_nulls(create_merge_patch(cur, modified), false);
  const Value deletions = filter_nulls(create_merge_patch(orig, modified), true);
  Value patch = merge_patches(deletions, add_and_change);
  const Value* metadata = patch.find("metadata");
  if (patch.find("apiVersion") != nullptr || patch.find("kind") != nullptr ||
      (metadata != nullptr && metadata->is_map() && metadata->find("name") != nullptr)) {
    throw Error(ErrorKind::Conflict,
                "precondition failed: at least one field was changed: apiVersion, kind or name");
  }
  return patch;
}

}  // namespace capstan::release
