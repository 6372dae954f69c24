// kubectl get: tables (one per kind, separated by blank lines, names prefixed with kind.group/
// when several kinds are shown), -o wide|yaml|json|name, and "No resources found" on stderr.
#include "core/json.h"
#include "core/yaml.h"
#include "orchestrator/kubectl.h"
#include "orchestrator/kubectl_resolve.h"
#include "orchestrator/labels.h"
#include "orchestrator/object.h"
#include "orchestrator/printers.h"
#include "orchestrator/tabwriter.h"

namespace capstan::orchestrator::kubectl {

namespace {

std::string print_document(const Value& v, const std::string& format) {
  if (format == "yaml") return yaml::encode(v);
  json::EncodeOptions o;
  o.indent = "    ";
  return json::encode(v, o) + "\n";
}

}  // namespace

Output get(Client& client, const GetOptions& options) {
  Output result;
  std::vector<Request> requests;
  try {
    requests = parse_args(client.registry(), options.args, "get");
    parse_selector(options.selector);
  } catch (const Error& e) {
    result.err = error_text(e);
    result.exit_code = 1;
    return result;
  }
  bool failed = false;
  std::vector<Fetched> fetched;
  try {
    fetched = fetch(client, options, requests, result.err, failed);
  } catch (const Error& e) {
    result.err += error_text(e);
    result.exit_code = 1;
    return result;
  }
  bool single = requests.size() == 1 && requests[0].names.size() == 1;
  const std::string& format = options.output;
  std::size_t total = 0;
  for (const Fetched& f : fetched) total += f.objects.size();

  if (format == "yaml" || format == "json") {
    if (single && total == 1) {
      result.out = print_document(fetched[0].objects[0], format);
    } else if (total > 0 || !failed) {
      Value items = Value::empty_list();
      for (const Fetched& f : fetched) {
        for (const Value& o : f.objects) items.push_back(o);
      }
      result.out = print_document(Value::map_of({{"apiVersion", "v1"}, {"items", items}, {"kind", "List"},
                                                 {"metadata", Value::map_of({{"resourceVersion", ""}})}}),
                                  format);
    }
  } else if (format == "name") {
    for (const Fetched& f : fetched) {
      for (const Value& o : f.objects) result.out += kind_name(*f.type, o) + "\n";
    }
  } else if (!format.empty() && format != "wide") {
    result.err = "error: unable to match a printer suitable for the output format \"" + format +
                 "\", allowed formats are: json,name,wide,yaml\n";
    result.exit_code = 1;
    return result;
  } else {
    const bool wide = format == "wide";
    const bool with_kind = options.show_kind || requests.size() > 1;
    const Seconds now = client.now();
    bool printed = false;
    for (const Fetched& f : fetched) {
      if (f.objects.empty()) continue;
      TabWriter w(6, 4, 3, ' ');
      std::vector<std::string> headers = table_columns(*f.type, wide);
      const bool with_ns = options.all_namespaces && f.type->namespaced;
      if (with_ns) headers.insert(headers.begin(), "NAMESPACE");
      if (options.show_labels) headers.push_back("LABELS");
      std::string text;
      for (std::size_t i = 0; i < headers.size(); ++i) text += (i ? "\t" : "") + headers[i];
      text += "\n";
      for (const Value& o : f.objects) {
        std::vector<std::string> cells = table_row(*f.type, o, wide, now);
        // The NAME column (the first, except for events) carries the kind when several kinds show.
        if (with_kind && f.type->kind != "Event") cells[0] = kind_name(*f.type, o);
        if (with_ns) cells.insert(cells.begin(), namespace_of(o));
        if (options.show_labels) cells.push_back(format_labels(labels_of(o)));
        for (std::size_t i = 0; i < cells.size(); ++i) text += (i ? "\t" : "") + cells[i];
        text += "\n";
      }
      w.write(text);
      if (printed) result.out += "\n";
      result.out += w.str();
      printed = true;
    }
    if (!printed && !failed) {
      const bool cluster_scoped = !requests.empty() && !requests[0].type->namespaced && requests.size() == 1;
      result.err += options.all_namespaces || cluster_scoped
                        ? "No resources found\n"
                        : "No resources found in " + options.ns + " namespace.\n";
    }
  }
  if (failed) result.exit_code = 1;
  return result;
}

std::string resource_tables(Client& client,
                            const std::vector<std::pair<std::string, std::vector<Value>>>& groups) {
  std::string out;
  const Seconds now = client.now();
  // HumanReadablePrinter's state across PrintObj calls: the last columns printed and whether
  // their header has been shown.
  std::vector<std::string> last_columns;
  bool printed_headers = false;
  for (const auto& [key, objects] : groups) {
    out += "==> " + key + "\n";
    for (const Value& o : objects) {
      const ResourceType* type = client.registry().by_kind(o.get_string("apiVersion"), o.get_string("kind"));
      if (type == nullptr) type = client.registry().by_kind(o.get_string("kind"));
      if (type == nullptr) continue;
      const std::vector<std::string> columns = table_columns(*type, false);
      bool headers = !(printed_headers && columns == last_columns);
      if (columns != last_columns) {
        last_columns = columns;
        printed_headers = false;
        headers = true;
      }
      std::string text;
      if (headers) {
        for (std::size_t i = 0; i < columns.size(); ++i) text += (i ? "\t" : "") + columns[i];
        text += "\n";
      }
      const std::vector<std::string> cells = table_row(*type, o, false, now);
      for (std::size_t i = 0; i < cells.size(); ++i) text += (i ? "\t" : "") + cells[i];
      text += "\n";
      printed_headers = true;
      TabWriter w(6, 4, 3, ' ');
      w.write(text);
      out += w.str();
    }
    out += "\n";
  }
  return out;
}

}  // namespace capstan::orchestrator::kubectl
