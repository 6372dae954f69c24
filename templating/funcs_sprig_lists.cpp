// Sprig's list functions (list.go): list/tuple, append/push, prepend, first, rest, last,
// initial, reverse, uniq, without, has, slice, concat, chunk, compact, and their must* forms.
// They accept any slice (via reflect) and return []interface {}. A nil list panics in
// reflect.TypeOf(nil).Kind(); other kinds fail with Sprig's "Cannot ... on type KIND", which the
// plain forms panic with and the must* forms return: both read the same in a template.
#include <cmath>

#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

using sprig::any_list;

// The items of a slice argument, or the error Sprig reports for `what` on another kind.
std::vector<Value> items_of(const Value& list, const std::string& what) {
  if (list.is_null())
    throw FuncError(std::string(sprig::kNilDeref));
  if (!sprig::is_slice(list))
    throw FuncError(what + " " + sprig::reflect_kind(list));
  return sprig::slice_items(list);
}

bool in_list(const std::vector<Value>& haystack, const Value& needle) {
  for (const Value& h : haystack) {
    if (sprig::deep_equal(needle, h))
      return true;
  }
  return false;
}

[[noreturn]] void makeslice_panic() {
  throw FuncError("runtime error: makeslice: len out of range");
}

// mustChunk: ceil(len/size) chunks computed in float64 as Sprig does, so sizes <= 0 fail as
// Go's make fails.
Value chunk(std::int64_t size, const std::vector<Value>& items) {
  const auto l = static_cast<std::int64_t>(items.size());
  const std::int64_t cs =
      sprig::float_to_int64(std::floor(static_cast<double>(l - 1) / static_cast<double>(size)) + 1);
  if (cs < 0)
    makeslice_panic();
  auto out = std::make_shared<List>();
  out->elem_type = "[]interface {}";
  for (std::int64_t i = 0; i < cs; ++i) {
    std::int64_t clen = size;
    if (i == cs - 1) {
      clen = sprig::float_to_int64(
          std::floor(std::fmod(static_cast<double>(l), static_cast<double>(size))));
      if (clen == 0)
        clen = size;
    }
    if (clen < 0)
      makeslice_panic();
    std::vector<Value> part;
    for (std::int64_t j = 0; j < clen; ++j) {
      const std::int64_t ix = i * size + j;
      if (ix < 0 || ix >= l)
        throw FuncError("reflect: slice index out of range");
      part.push_back(items[static_cast<std::size_t>(ix)]);
    }
    out->items.push_back(any_list(std::move(part)));
  }
  return Value(std::move(out));
}

Value slice(const Value& list, const std::vector<Value>& indices) {
  if (list.is_null())
    throw FuncError(std::string(sprig::kNilDeref));
  const Value& d = sprig::data_of(list);
  if (!d.is_list() && !d.is_bytes()) {
    throw FuncError("list should be type of slice or array but " + sprig::reflect_kind(list));
  }
  const std::size_t len = d.size();
  if (len == 0)
    return Value();
  const std::int64_t start = indices.empty() ? 0 : sprig::to_int(indices[0]);
  const std::int64_t end =
      indices.size() < 2 ? static_cast<std::int64_t>(len) : sprig::to_int(indices[1]);
  if (start < 0 || end < start || static_cast<std::size_t>(end) > len) {
    throw FuncError("reflect.Value.Slice: slice index out of bounds");
  }
  if (d.is_bytes()) {
    return Value::bytes(d.as_string().substr(static_cast<std::size_t>(start),
                                             static_cast<std::size_t>(end - start)));
  }
  auto out = std::make_shared<List>();
  out->elem_type = d.list().elem_type;
  out->items.assign(d.list().items.begin() + start, d.list().items.begin() + end);
  return Value(std::move(out));
}

// Registers `name` and `mustName` with the same body.
void add_pair(FuncMap& f, const std::string& name, std::string_view plain_sig,
              std::string_view must_sig, FuncImpl impl) {
  f.add(name, plain_sig, impl);
  std::string must = "must" + name;
  must[4] = static_cast<char>(must[4] - 'a' + 'A');
  f.add(must, must_sig, std::move(impl));
}

}  // namespace

void register_sprig_lists(FuncMap& f) {
  const auto list = [](CallContext&, Args& a) { return a[0]; };
  f.add("list", "func(...interface {}) []interface {}", list);
  f.add("tuple", "func(...interface {}) []interface {}", list);

  const auto push = [](CallContext&, Args& a) {
    std::vector<Value> items = items_of(a[0], "Cannot push on type");
    items.push_back(a[1]);
    return any_list(std::move(items));
  };
  for (const char* name : {"append", "push"}) {
    add_pair(f, name, "func(interface {}, interface {}) []interface {}",
             "func(interface {}, interface {}) ([]interface {}, error)", push);
  }
  add_pair(f, "prepend", "func(interface {}, interface {}) []interface {}",
           "func(interface {}, interface {}) ([]interface {}, error)", [](CallContext&, Args& a) {
             std::vector<Value> items = items_of(a[0], "Cannot prepend on type");
             items.insert(items.begin(), a[1]);
             return any_list(std::move(items));
           });
  add_pair(f, "first", "func(interface {}) interface {}",
           "func(interface {}) (interface {}, error)", [](CallContext&, Args& a) {
             const std::vector<Value> items = items_of(a[0], "Cannot find first on type");
             return items.empty() ? Value() : items.front();
           });
  add_pair(f, "last", "func(interface {}) interface {}", "func(interface {}) (interface {}, error)",
           [](CallContext&, Args& a) {
             const std::vector<Value> items = items_of(a[0], "Cannot find last on type");
             return items.empty() ? Value() : items.back();
           });
  add_pair(f, "rest", "func(interface {}) []interface {}",
           "func(interface {}) ([]interface {}, error)", [](CallContext&, Args& a) {
             std::vector<Value> items = items_of(a[0], "Cannot find rest on type");
             if (items.empty())
               return Value();
             items.erase(items.begin());
             return any_list(std::move(items));
           });
  add_pair(f, "initial", "func(interface {}) []interface {}",
           "func(interface {}) ([]interface {}, error)", [](CallContext&, Args& a) {
             std::vector<Value> items = items_of(a[0], "Cannot find initial on type");
             if (items.empty())
               return Value();
             items.pop_back();
             return any_list(std::move(items));
           });
  add_pair(f, "reverse", "func(interface {}) []interface {}",
           "func(interface {}) ([]interface {}, error)", [](CallContext&, Args& a) {
             std::vector<Value> items = items_of(a[0], "Cannot find reverse on type");
             return any_list(std::vector<Value>(items.rbegin(), items.rend()));
           });
  add_pair(f, "uniq", "func(interface {}) []interface {}",
           "func(interface {}) ([]interface {}, error)", [](CallContext&, Args& a) {
             std::vector<Value> dest;
             for (const Value& item : items_of(a[0], "Cannot find uniq on type")) {
               if (!in_list(dest, item))
                 dest.push_back(item);
             }
             return any_list(std::move(dest));
           });
  add_pair(f, "compact", "func(interface {}) []interface {}",
           "func(interface {}) ([]interface {}, error)", [](CallContext&, Args& a) {
             std::vector<Value> out;
             for (const Value& item : items_of(a[0], "Cannot compact on type")) {
               if (!sprig::empty(item))
                 out.push_back(item);
             }
             return any_list(std::move(out));
           });
  add_pair(f, "without", "func(interface {}, ...interface {}) []interface {}",
           "func(interface {}, ...interface {}) ([]interface {}, error)",
           [](CallContext&, Args& a) {
             std::vector<Value> out;
             const auto& omit = a[1].list().items;
             for (const Value& item : items_of(a[0], "Cannot find without on type")) {
               if (!in_list(omit, item))
                 out.push_back(item);
             }
             return any_list(std::move(out));
           });
  add_pair(f, "has", "func(interface {}, interface {}) bool",
           "func(interface {}, interface {}) (bool, error)", [](CallContext&, Args& a) {
             if (a[1].is_null())
               return Value(false);
             return Value(in_list(items_of(a[1], "Cannot find has on type"), a[0]));
           });
  add_pair(f, "slice", "func(interface {}, ...interface {}) interface {}",
           "func(interface {}, ...interface {}) (interface {}, error)",
           [](CallContext&, Args& a) { return slice(a[0], a[1].list().items); });
  add_pair(f, "chunk", "func(int, interface {}) [][]interface {}",
           "func(int, interface {}) ([][]interface {}, error)", [](CallContext&, Args& a) {
             return chunk(a[0].as_int(), items_of(a[1], "Cannot chunk type"));
           });
  f.add("concat", "func(...interface {}) interface {}", [](CallContext&, Args& a) {
    std::vector<Value> out;
    for (const Value& list : a[0].list().items) {
      if (list.is_null())
        throw FuncError(std::string(sprig::kNilDeref));
      if (!sprig::is_slice(list))
        throw FuncError("Cannot concat type " + sprig::reflect_kind(list) + " as list");
      for (Value& item : sprig::slice_items(list)) out.push_back(std::move(item));
    }
    // Go's result is a nil []interface {} (in an interface {}) when nothing was appended.
    if (out.empty()) {
      auto nil = std::make_shared<List>();
      nil->nil = true;
      return Value(std::move(nil));
    }
    return any_list(std::move(out));
  });
}

}  // namespace capstan::templating
