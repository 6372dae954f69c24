// Values coalescing, carried over from Helm's pkg/chartutil/coalesce.go (as the oracle models
// v3.21.4). Iteration is in key order where Go's is random; only the order of log lines can
// show it.
#include "chart/coalesce.h"

#include <utility>
#include <vector>

#include "chart/values.h"
#include "core/error.h"
#include "core/strconv.h"
#include "templating/gofmt.h"

namespace capstan::chart {

namespace {

std::string join_key(const std::string& a, std::string_view b) {
  if (a.empty())
    return std::string(b);
  return a + "." + std::string(b);
}

// fmt's %v of one value.
std::string sprint(const Value& v) {
  return templating::gofmt::sprint({v});
}

// The entries of a map, copied, so that the map can change while they are visited (Go allows
// writes during range; std::map iterators would not survive an erase).
std::vector<std::pair<std::string, Value>> entries_of(const Value& m) {
  std::vector<std::pair<std::string, Value>> out;
  if (!m.is_map())
    return out;
  out.reserve(m.map().entries.size());
  for (const auto& [k, v] : m.map().entries) out.emplace_back(k, v);
  return out;
}

Value coalesce_tables_full(Value dst, Value src, const std::string& prefix, bool merge,
                           const Log& log) {
  if (src.is_null())
    return dst;
  if (dst.is_null())
    return src;
  std::vector<std::string> src_had_value;
  for (const auto& [k, v] : src.map().entries) {
    if (!v.is_null())
      src_had_value.push_back(k);
  }
  auto had_value = [&](const std::string& k) {
    for (const auto& x : src_had_value) {
      if (x == k)
        return true;
    }
    return false;
  };
  // Helm marks keys that are null in dst as null in src too (changing src).
  for (const auto& [k, v] : entries_of(dst)) {
    if (v.is_null())
      src.set(k, Value());
  }
  for (const auto& [k, sv] : entries_of(src)) {
    const std::string full = join_key(prefix, k);
    Value* dv = dst.find(k);
    if (dv != nullptr && !merge && dv->is_null() && had_value(k)) {
      dst.erase(k);
    } else if (dv == nullptr) {
      dst.set(k, sv);
    } else if (is_table(sv)) {
      if (is_table(*dv)) {
        coalesce_tables_full(*dv, sv, full, merge, log);
      } else {
        log_to(
            log, "coalesce.go:316",
            "warning: cannot overwrite table with non table for " + full + " (" + sprint(sv) + ")");
      }
    } else if (is_table(*dv) && !sv.is_null()) {
      log_to(log, "coalesce.go:319",
             "warning: destination for " + full + " is a table. Ignoring non-table value (" +
                 sprint(sv) + ")");
    }
  }
  return dst;
}

// coalesceValues: the chart's own defaults into v.
void coalesce_chart_values(const Chart& chart, Value& v, const std::string& prefix, bool merge,
                           const Log& log) {
  const std::string sub_prefix = join_key(prefix, chart.name());
  Value defaults = chart.values.deep_copy();
  for (const auto& [k, dv] : entries_of(defaults)) {
    Value* uv = v.find(k);
    if (uv == nullptr) {
      v.set(k, dv);
      continue;
    }
    if (uv->is_null() && !merge) {
      v.erase(k);
      continue;
    }
    if (!is_table(*uv))
      continue;
    if (!is_table(dv)) {
      if (!dv.is_null()) {
        log_to(log, "coalesce.go:237",
               "warning: skipped value for " + sub_prefix + "." + k + ": Not a table.");
      }
      continue;
    }
    bool m = merge;
    for (const auto& sub : chart.dependencies()) {
      if (sub->name() == k)
        m = true;
    }
    coalesce_tables_full(*uv, dv, join_key(sub_prefix, k), m, log);
  }
}

// coalesceGlobals: the parent's globals into a subchart's values.
void coalesce_globals(Value& dest, const Value& src, const std::string& prefix, const Log& log) {
  Value dg = Value::empty_map();
  if (const Value* x = dest.find(kGlobalKey)) {
    if (!is_table(*x)) {
      log_to(log, "coalesce.go:138",
             "warning: skipping globals because destination global is not a table.");
      return;
    }
    dg = *x;
  }
  Value sg = Value::empty_map();
  if (const Value* x = src.find(kGlobalKey)) {
    if (!is_table(*x)) {
      log_to(log, "coalesce.go:145",
             "warning: skipping globals because source global is not a table.");
      return;
    }
    sg = *x;
  }
  for (const auto& [k, v] : entries_of(sg)) {
    Value* dv = dg.find(k);
    if (is_table(v)) {
      Value vv = Value::empty_map();
      for (const auto& [kk, vv_item] : v.map().entries) vv.set(kk, vv_item);  // shallow copy
      if (dv == nullptr) {
        dg.set(k, vv);
      } else if (!is_table(*dv)) {
        log_to(log, "coalesce.go:161",
               "Conflict: cannot merge map onto non-map for " + strconv::quote(k) + ". Skipping.");
      } else {
        coalesce_tables_full(vv, *dv, join_key(prefix, k), true, log);
        dg.set(k, vv);
      }
    } else if (dv != nullptr && is_table(*dv)) {
      log_to(log, "coalesce.go:175", "key " + k + " is table. Skipping");
    } else {
      dg.set(k, v);
    }
  }
  dest.set(kGlobalKey, dg);
}

Value coalesce(const Chart& chart, Value dest, const std::string& prefix, bool merge,
               const Log& log);

void coalesce_deps(const Chart& chart, Value& dest, const std::string& prefix, bool merge,
                   const Log& log) {
  for (const auto& sub : chart.dependencies()) {
    const Value* x = dest.find(sub->name());
    if (x == nullptr) {
      dest.set(sub->name(), Value::empty_map());
    } else if (!is_table(*x)) {
      // Helm formats the value with %t: only a bool prints plainly.
      throw Error(ErrorKind::Values,
                  templating::gofmt::sprintf("type mismatch on %s: %t", {Value(sub->name()), *x}));
    }
    Value sub_values = *dest.find(sub->name());
    const std::string sub_prefix = join_key(prefix, chart.name());
    coalesce_globals(sub_values, dest, sub_prefix, log);
    dest.set(sub->name(), coalesce(*sub, sub_values, sub_prefix, merge, log));
  }
}

Value coalesce(const Chart& chart, Value dest, const std::string& prefix, bool merge,
               const Log& log) {
  coalesce_chart_values(chart, dest, prefix, merge, log);
  coalesce_deps(chart, dest, prefix, merge, log);
  return dest;
}

// copystructure.Copy of the user's map; a nil map becomes an empty one.
Value copy_user_values(const Value& user) {
  if (!is_table(user))
    return Value::empty_map();
  return user.deep_copy();
}

}  // namespace

Value coalesce_values(const Chart& chart, const Value& user, const Log& log) {
  return coalesce(chart, copy_user_values(user), "", false, log);
}

Value merge_values(const Chart& chart, const Value& user, const Log& log) {
  return coalesce(chart, copy_user_values(user), "", true, log);
}

Value coalesce_tables(Value dst, Value src, const Log& log) {
  return coalesce_tables_full(std::move(dst), std::move(src), "", false, log);
}

Value merge_tables(Value dst, Value src, const Log& log) {
  return coalesce_tables_full(std::move(dst), std::move(src), "", true, log);
}

}  // namespace capstan::chart
