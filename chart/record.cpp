// chart.Chart's JSON form (see record.h).
#include "chart/record.h"

#include "chart/metadata.h"

namespace capstan::chart {

namespace {

Value file_list(const std::vector<File>& files) {
  if (files.empty())
    return Value();  // a nil slice encodes as null
  Value list = Value::empty_list();
  for (const File& f : files) {
    list.push_back(Value::map_of({{"name", Value(f.name)}, {"data", Value::bytes(f.data)}}));
  }
  return list;
}

}  // namespace

Value chart_record(const Chart& chart) {
  Value out = Value::empty_map();
  out.set("metadata", chart.has_metadata ? metadata_json(chart.metadata) : Value());
  out.set("lock", chart.lock);
  out.set("templates", file_list(chart.templates));
  out.set("values", chart.values);
  out.set("schema", chart.schema.empty() ? Value() : Value::bytes(chart.schema));
  out.set("files", file_list(chart.files));
  return out;
}

}  // namespace capstan::chart
