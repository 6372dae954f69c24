// Dependency processing, carried over from Helm's pkg/chartutil/dependencies.go
// (processDependencyEnabled, getAliasDependency, processDependencyConditions/Tags,
// processImportValues with merge) and pkg/action's CheckDependencies. Helm changes the shared
// *Dependency objects in place (aliases rename them, Enabled is set); Metadata keeps them
// behind shared pointers so that the same sharing happens here.
#include "chart/dependencies.h"

#include "chart/coalesce.h"
#include "chart/values.h"
#include "core/error.h"
#include "core/semver.h"
#include "core/strconv.h"
#include "templating/gofmt.h"

namespace capstan::chart {

bool is_compatible_range(std::string_view constraint, std::string_view version) {
  try {
    return semver::Constraints::parse(constraint).check(semver::Version::parse(version));
  } catch (const Error&) {
    return false;  // an unparsable version or constraint is not compatible
  }
}

void check_dependencies(const Chart& chart) {
  std::vector<std::string> missing;
  for (const auto& req : chart.metadata.dependencies) {
    bool found = false;
    for (const auto& dep : chart.dependencies()) found = found || dep->name() == req->name;
    if (!found)
      missing.push_back(req->name);
  }
  if (missing.empty())
    return;
  std::string list;
  for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
  throw Error(ErrorKind::Chart, "found in Chart.yaml, but missing in charts/ directory: " + list);
}

namespace {

// getAliasDependency: a shallow copy of the first matching subchart, renamed to the alias.
std::shared_ptr<Chart> alias_copy(const std::vector<std::shared_ptr<Chart>>& charts,
                                  const Dependency& dep) {
  for (const auto& c : charts) {
    if (!c || c->name() != dep.name)
      continue;
    if (!is_compatible_range(dep.version, c->metadata.version))
      continue;
    auto out = std::make_shared<Chart>(*c);
    if (!dep.alias.empty())
      out->metadata.name = dep.alias;
    return out;
  }
  return nullptr;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos)
      break;
    start = at + 1;
  }
  return out;
}

std::string_view trim_ascii_space(std::string_view s) {
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

void apply_tags(const std::vector<std::shared_ptr<Dependency>>& reqs, const Value& cvals,
                const Log& log) {
  std::optional<Value> tags = table(cvals, "tags");
  if (!tags)
    return;
  for (const auto& r : reqs) {
    bool any_true = false;
    bool any_false = false;
    for (const std::string& k : r->tags) {
      const Value* v = tags->find(k);
      if (v == nullptr)
        continue;
      if (v->is_bool()) {
        (v->as_bool() ? any_true : any_false) = true;
      } else {
        log_to(log, "dependencies.go:95",
               "Warning: Tag '" + k + "' for chart " + r->name + " returned non-bool value");
      }
    }
    if (!any_true && any_false) {
      r->enabled = false;
    } else if (any_true || (!any_true && !any_false)) {
      r->enabled = true;
    }
  }
}

void apply_conditions(const std::vector<std::shared_ptr<Dependency>>& reqs, const Value& cvals,
                      const std::string& cpath, const Log& log) {
  for (const auto& r : reqs) {
    for (const std::string& cond : split(trim_ascii_space(r->condition), ',')) {
      if (cond.empty())
        continue;
      std::optional<Value> v = path_value(cvals, cpath + cond);
      if (!v)
        continue;
      if (v->is_bool()) {
        r->enabled = v->as_bool();
        break;
      }
      log_to(log, "dependencies.go:64",
             "Warning: Condition path '" + cond + "' for chart " + r->name +
                 " returned non-bool value");
    }
  }
}

void enable_dependencies(Chart& c, const Value& v, const std::string& cpath, const Log& log) {
  if (!c.metadata.has_dependencies)
    return;
  std::vector<std::shared_ptr<Chart>> kept;
  for (const auto& existing : c.dependencies()) {
    bool declared = false;
    for (const auto& req : c.metadata.dependencies) {
      if (existing->name() == req->name &&
          is_compatible_range(req->version, existing->metadata.version)) {
        declared = true;
        break;
      }
    }
    if (!declared)
      kept.push_back(existing);
  }
  for (const auto& req : c.metadata.dependencies) {
    if (!req)
      continue;
    if (auto copy = alias_copy(c.dependencies(), *req))
      kept.push_back(std::move(copy));
    if (!req->alias.empty())
      req->name = req->alias;
  }
  c.set_dependencies(kept);
  for (const auto& r : c.metadata.dependencies) r->enabled = true;
  Value cvals = coalesce_values(c, v, log);
  apply_tags(c.metadata.dependencies, cvals, log);
  apply_conditions(c.metadata.dependencies, cvals, cpath, log);
  auto disabled = [&](const std::string& name) {
    for (const auto& r : c.metadata.dependencies) {
      if (!r->enabled && r->name == name)
        return true;
    }
    return false;
  };
  std::vector<std::shared_ptr<Chart>> deps;
  for (const auto& d : c.dependencies()) {
    if (!disabled(d->metadata.name))
      deps.push_back(d);
  }
  std::vector<std::shared_ptr<Dependency>> reqs;
  for (const auto& r : c.metadata.dependencies) {
    if (!disabled(r->name))
      reqs.push_back(r);
  }
  for (const auto& d : deps) enable_dependencies(*d, cvals, cpath + d->metadata.name + ".", log);
  c.metadata.dependencies = reqs;
  c.metadata.has_dependencies = !reqs.empty();  // Go: append(nil, reqs...) is nil when empty
  c.set_dependencies(deps);
}

// The key Values.Table stops at (Helm's ErrNoTable), or nullopt when the path is a table.
std::optional<std::string> missing_table_key(const Value& values, std::string_view dotted) {
  Value at = values;
  for (const std::string& key : split(dotted, '.')) {
    const Value* next = at.find(key);
    if (next == nullptr || !next->is_map())
      return key;
    at = *next;
  }
  return std::nullopt;
}

// pathToMap: data nested under a dotted path ("." is the data itself).
Value nest_under(const std::string& path, const Value& data) {
  if (path == ".")
    return data;
  std::vector<std::string> parts = split(path, '.');
  Value cur = data;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    Value m = Value::empty_map();
    m.set(*it, cur);
    cur = m;
  }
  return cur;
}

// Values.AsMap: the table, or a fresh empty map for an empty one.
Value as_map(const Value& table) {
  return table.size() == 0 ? Value::empty_map() : table;
}

void import_values(Chart& c, const Log& log) {
  if (!c.metadata.has_dependencies)
    return;
  Value cvals = merge_values(c, Value(), log);
  Value b = Value::empty_map();
  for (const auto& r : c.metadata.dependencies) {
    Value out;
    if (r->import_values.is_list()) {
      for (const Value& riv : r->import_values.list().items) {
        if (is_table(riv)) {
          const Value* child_value = riv.find("child");
          const Value* parent_value = riv.find("parent");
          const std::string child =
              templating::gofmt::sprint({child_value ? *child_value : Value()});
          const std::string parent =
              templating::gofmt::sprint({parent_value ? *parent_value : Value()});
          Value entry = Value::empty_map("string");
          entry.set("child", Value(child));
          entry.set("parent", Value(parent));
          out.push_back(entry);
          const std::string path = r->name + "." + child;
          if (auto key = missing_table_key(cvals, path)) {
            log_to(log, "dependencies.go:270",
                   "Warning: ImportValues missing table from chart " + r->name + ": " +
                       strconv::quote(*key) + " is not a table");
            continue;
          }
          b = merge_tables(b, nest_under(parent, as_map(*table(cvals, path))), log);
        } else if (riv.is_string()) {
          const std::string child = "exports." + riv.as_string();
          Value entry = Value::empty_map("string");
          entry.set("child", Value(child));
          entry.set("parent", Value("."));
          out.push_back(entry);
          const std::string path = r->name + "." + child;
          if (auto key = missing_table_key(cvals, path)) {
            log_to(
                log, "dependencies.go:287",
                "Warning: ImportValues missing table: " + strconv::quote(*key) + " is not a table");
            continue;
          }
          b = merge_tables(b, as_map(*table(cvals, path)), log);
        }
      }
    }
    r->import_values = out;
  }
  c.values = merge_tables(cvals.deep_copy(), b, log);
}

void import_all_values(Chart& c, const Log& log) {
  for (const auto& d : c.dependencies()) import_all_values(*d, log);
  import_values(c, log);
}

}  // namespace

void process_dependencies(Chart& chart, const Value& user_values, const Log& log) {
  enable_dependencies(chart, user_values, "", log);
  import_all_values(chart, log);
}

}  // namespace capstan::chart
