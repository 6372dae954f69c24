// engine.Render (Helm's pkg/engine/engine.go, as the oracle models it).
#include "chart/render.h"

#include <algorithm>
#include <vector>

#include "chart/metadata.h"
#include "chart/values.h"
#include "templating/helm_types.h"
#include "templating/object.h"

namespace capstan::chart {

namespace {

namespace helm = templating::helm;

// The plain map inside a chartutil.Values.
Value values_map(const Value& v) {
  if (const templating::GoObject* o = templating::as_go_object(v); o && o->is_named()) {
    return o->underlying();
  }
  return v;
}

Value files_object(const std::vector<File>& files) {
  std::vector<std::pair<std::string, std::string>> named;
  named.reserve(files.size());
  for (const File& f : files) named.emplace_back(f.name, f.data);
  return helm::files(std::move(named));
}

struct Renderable {
  std::string text;
  Value data;  // the chart's `next` map, shared by all its templates
  std::string base_path;
};

bool is_partial(const std::string& path) {
  std::size_t slash = path.rfind('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return !base.empty() && base[0] == '_';
}

bool equal_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z')
      y = static_cast<char>(y - 'A' + 'a');
    if (x != y)
      return false;
  }
  return true;
}

// recAllTpls: the chart's templates with its data; returns the data (for .Subcharts).
Value collect(const Chart& chart, std::map<std::string, Renderable>& out, const Value& parent) {
  Value subcharts = Value::empty_map();
  Value next = Value::empty_map();
  next.set("Chart", helm::chart(metadata_json(chart.metadata), chart.is_root()));
  next.set("Files", files_object(chart.files));
  next.set("Release", parent.find("Release") ? *parent.find("Release") : Value());
  next.set("Capabilities", parent.find("Capabilities") ? *parent.find("Capabilities") : Value());
  next.set("Values", helm::values(Value::empty_map()));
  next.set("Subcharts", subcharts);
  const Value* parent_values = parent.find("Values");
  if (chart.is_root()) {
    next.set("Values", parent_values ? *parent_values : helm::values(Value()));
  } else if (parent_values != nullptr) {
    if (std::optional<Value> scoped = table(values_map(*parent_values), chart.name())) {
      next.set("Values", helm::values(*scoped));
    }
  }
  for (const auto& dep : chart.dependencies()) {
    subcharts.set(dep->name(), collect(*dep, out, next));
  }
  const std::string prefix = chart.full_path();
  const bool library = equal_fold(chart.metadata.type, "library");
  for (const File& t : chart.templates) {
    const std::string base = t.name.substr(t.name.rfind('/') + 1);
    if (library && (base.empty() || base[0] != '_'))
      continue;
    out[prefix + "/" + t.name] = Renderable{t.data, next, prefix + "/templates"};
  }
  return next;
}

// sortTemplates: most '/' first, then reverse lexical order.
std::vector<std::string> parse_order(const std::map<std::string, Renderable>& templates) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : templates) keys.push_back(k);
  std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    auto ca = std::count(a.begin(), a.end(), '/');
    auto cb = std::count(b.begin(), b.end(), '/');
    if (ca == cb)
      return a > b;
    return ca > cb;
  });
  return keys;
}

}  // namespace

std::map<std::string, std::string> render_templates(const Chart& chart, const Value& top,
                                                    const templating::EngineOptions& options,
                                                    Retain* retain) {
  std::map<std::string, Renderable> templates;
  collect(chart, templates, top);
  const std::vector<std::string> order = parse_order(templates);
  auto engine_ptr = std::make_unique<templating::Engine>(options);
  templating::Engine& engine = *engine_ptr;
  for (const std::string& name : order) engine.parse(name, templates.at(name).text);
  std::map<std::string, std::string> out;
  for (const std::string& name : order) {
    if (is_partial(name))
      continue;
    Renderable& r = templates.at(name);
    r.data.set("Template", helm::values(Value::map_of(
                               {{"Name", Value(name)}, {"BasePath", Value(r.base_path)}})));
    out[name] = engine.render(name, helm::values(r.data));
  }
  if (retain != nullptr) {
    retain->keep(std::move(engine_ptr));
    retain->keep(std::move(templates));
  }
  return out;
}

}  // namespace capstan::chart
