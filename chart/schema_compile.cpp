// Compiling schema documents the way jsonschema v6 does (roots.go, root.go, loader.go,
// compiler.go, objcompiler.go): documents are loaded on demand, their resources ($id) and
// anchors collected, each document validated against its draft's metaschema, then every
// reachable schema location compiled once through a work queue (no recursion, so reference
// cycles are fine). Error texts are the library's.
//
// Longer than most files: it is one port of five closely coupled Go files, kept together so the
// order of checks (which decides which error a bad schema gets) reads in one place.
#include <algorithm>
#include <functional>

#include "chart/schema.h"
#include "chart/schema_draft.h"
#include "chart/schema_url.h"
#include "chart/schema_validator.h"
#include "core/error.h"
#include "core/json.h"
#include "core/strconv.h"

namespace capstan::chart::jsonschema {

namespace {

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorKind::Values, message); }

bool has_prefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::optional<std::string> str_val(const Value& obj, const std::string& key) {
  if (!obj.is_map())
    return std::nullopt;
  auto it = obj.map().entries.find(key);
  if (it == obj.map().entries.end() || !it->second.is_string())
    return std::nullopt;
  return it->second.as_string();
}

const Value* member(const Value& obj, const std::string& key) {
  if (!obj.is_map())
    return nullptr;
  auto it = obj.map().entries.find(key);
  return it == obj.map().entries.end() ? nullptr : &it->second;
}

std::string ptr_append(const JsonPointer& ptr, std::string_view tok) {
  return ptr + "/" + pointer_escape(tok);
}

std::size_t depth_of(const JsonPointer& ptr) {
  return static_cast<std::size_t>(std::count(ptr.begin(), ptr.end(), '/'));
}

// The subschemas a path designates in `v`, keyed by pointer.
void collect(const SchemaPath& sp, std::size_t i, const Value& v, const JsonPointer& ptr,
             std::map<JsonPointer, const Value*>& out) {
  if (i == sp.size()) {
    out[ptr] = &v;
    return;
  }
  const Position& p = sp[i];
  switch (p.kind) {
    case Position::Kind::AllProp:
      if (v.is_map()) {
        for (const auto& [k, item] : v.map().entries) collect(sp, i + 1, item, ptr_append(ptr, k), out);
      }
      break;
    case Position::Kind::AllItem:
      if (v.is_list()) {
        const auto& items = v.list().items;
        for (std::size_t j = 0; j < items.size(); ++j)
          collect(sp, i + 1, items[j], ptr_append(ptr, std::to_string(j)), out);
      }
      break;
    case Position::Kind::Prop:
      if (const Value* m = member(v, p.name))
        collect(sp, i + 1, *m, ptr_append(ptr, p.name), out);
      break;
    case Position::Kind::Item:
      if (v.is_list() && p.index < v.list().items.size())
        collect(sp, i + 1, v.list().items[p.index], ptr_append(ptr, std::to_string(p.index)), out);
      break;
  }
}

}  // namespace

struct Compiler::Impl {
  const Draft* default_draft = &draft2020();
  bool assert_format = false;
  UrlLoader loader;
  std::map<std::string, Value> docs;
  std::map<std::string, Root> roots;
  std::map<UrlPtr, std::unique_ptr<Schema>> schemas;
  std::map<std::vector<std::string>, std::unique_ptr<Schema>> dialect_schemas;

  // --- loading ---

  const Value& load(const std::string& url) {
    if (auto it = docs.find(url); it != docs.end())
      return it->second;
    if (const Value* meta = embedded_metaschema(url))
      return docs.emplace(url, *meta).first->second;
    if (!loader)
      fail("failing loading " + strconv::quote(url) + ": no URLLoader set");
    Value doc;
    try {
      doc = loader(url);
    } catch (const Error& e) {
      fail("failing loading " + strconv::quote(url) + ": " + e.what());
    }
    return docs.emplace(url, std::move(doc)).first->second;
  }

  const Draft* get_draft(const UrlPtr& up, const Value& doc, const Draft* fallback,
                         std::set<std::string>& cycle) {
    std::optional<std::string> sch = str_val(doc, "$schema");
    if (!sch)
      return fallback;
    if (const Draft* d = draft_from_url(*sch))
      return d;
    const std::string url = sch->substr(0, sch->find('#'));
    try {
      parse_url(url);
    } catch (const Error& e) {
      fail("invalid $schema in " + strconv::quote(up.string()) + ": " + e.what());
    }
    if (up.ptr.empty() && url == up.url)
      fail("draft " + strconv::quote(url) + " is not supported");
    if (!cycle.insert(url).second)
      fail("cycle in resolving $schema in " + strconv::quote(url));
    const Value& meta = load(url);
    return get_draft(UrlPtr{url, ""}, meta, fallback, cycle);
  }

  std::optional<std::vector<std::string>> get_meta_vocabs(const Value& doc, const Draft& draft) {
    std::optional<std::string> sch = str_val(doc, "$schema");
    if (!sch || draft_from_url(*sch))
      return std::nullopt;
    const std::string url = sch->substr(0, sch->find('#'));
    try {
      parse_url(url);
    } catch (const Error& e) {
      fail("error in parsing " + strconv::quote(url) + ": " + e.what());
    }
    const Value& meta = load(url);
    return get_vocabs(url, meta, draft);
  }

  // Draft.getVocabs: the vocabularies a metaschema requires ($vocabulary, 2019-09 and later).
  static std::optional<std::vector<std::string>> get_vocabs(const std::string& url,
                                                            const Value& doc, const Draft& d) {
    if (d.version < 2019)
      return std::nullopt;
    const Value* v = member(doc, "$vocabulary");
    if (v == nullptr || !v->is_map())
      return std::nullopt;
    std::vector<std::string> vocabs;
    for (const auto& [vocab, reqd] : v->map().entries) {
      if (!reqd.is_bool() || !reqd.as_bool())
        continue;
      if (has_prefix(vocab, d.vocab_prefix)) {
        const std::string name = vocab.substr(d.vocab_prefix.size());
        if (std::find(d.all_vocabs.begin(), d.all_vocabs.end(), name) != d.all_vocabs.end()) {
          if (std::find(vocabs.begin(), vocabs.end(), name) == vocabs.end()) {
            vocabs.push_back(name);
            continue;
          }
        }
      }
      fail("unsupported vocabulary " + strconv::quote(vocab) + " in " + strconv::quote(url));
    }
    if (std::find(vocabs.begin(), vocabs.end(), "core") == vocabs.end())
      vocabs.push_back("core");
    return vocabs;
  }

  // --- resources and anchors ---

  Root& or_load(const std::string& url) {
    if (auto it = roots.find(url); it != roots.end())
      return it->second;
    const Value& doc = load(url);
    return add_root(url, doc);
  }

  // Metaschemas are not validated against themselves.
  static bool is_meta_document(const std::string& url) {
    return has_prefix(url, "http://json-schema.org/") || has_prefix(url, "https://json-schema.org/");
  }

  Root& add_root(const std::string& url, const Value& doc) {
    Root r;
    r.url = url;
    r.doc = doc;
    collect_resources(r, r.doc, url, "", Dialect{default_draft, std::nullopt});
    if (!is_meta_document(url))
      validate_doc(r, r.doc, "");
    return roots.emplace(url, std::move(r)).first->second;
  }

  void collect_resources(Root& r, const Value& sch, std::string base, const JsonPointer& ptr,
                         const Dialect& fallback) {
    if (r.subschemas_processed.count(ptr) != 0)
      return;
    if (depth_of(ptr) > kMaxSchemaDepth) {
      fail("schema at " + strconv::quote(UrlPtr{r.url, ptr}.string()) + " is nested deeper than " +
           std::to_string(kMaxSchemaDepth) + " levels");
    }
    collect_resources_once(r, sch, base, ptr, fallback);
    r.subschemas_processed.insert(ptr);
  }

  void collect_resources_once(Root& r, const Value& sch, std::string base, const JsonPointer& ptr,
                              const Dialect& fallback) {
    if (sch.is_bool()) {
      if (ptr.empty()) {
        Resource res{ptr, base, fallback, {}, {}};
        r.resources[ptr] = res;
      }
      return;
    }
    if (!sch.is_map())
      return;
    bool has_schema = str_val(sch, "$schema").has_value();
    std::set<std::string> cycle;
    const Draft* draft = get_draft(UrlPtr{r.url, ptr}, sch, fallback.draft, cycle);
    std::string id = get_id(*draft, sch);
    if (id.empty() && !ptr.empty()) {
      draft = fallback.draft;  // $schema only counts where $id makes a resource
      has_schema = false;
      id = get_id(*draft, sch);
    }
    std::optional<Resource> res;
    if (!id.empty()) {
      UrlFrag uf;
      try {
        uf = join_url(base, id);
      } catch (const Error&) {
        fail("error in parsing id at " + strconv::quote(UrlPtr{r.url, ptr}.string()));
      }
      base = uf.url;
      res = Resource{ptr, base, {}, {}, {}};
    } else if (ptr.empty()) {
      res = Resource{ptr, base, {}, {}, {}};
    }
    if (res) {
      bool found = false;
      for (const auto& [p, other] : r.resources) {
        if (other.id == base) {
          found = true;
          if (other.ptr != ptr) {
            fail("duplicate id " + strconv::quote(base) + " in " + strconv::quote(r.url) +
                 " at " + strconv::quote(ptr) + " and " + strconv::quote(other.ptr));
          }
        }
      }
      if (!found) {
        if (has_schema) {
          res->dialect = Dialect{draft, get_meta_vocabs(sch, *draft)};
        } else {
          res->dialect = fallback;
        }
        r.resources[ptr] = *res;
      }
    }
    Resource* base_res = nullptr;
    for (auto& [p, other] : r.resources) {
      if (other.id == base) {
        base_res = &other;
        break;
      }
    }
    if (base_res == nullptr)
      fail("internal error: no base resource for " + strconv::quote(base));
    collect_anchors(r, sch, ptr, *base_res);
    std::map<JsonPointer, const Value*> subschemas;
    for (const SchemaPath& sp : draft->subschemas) collect(sp, 0, sch, ptr, subschemas);
    const Dialect dialect = base_res->dialect;
    for (const auto& [p, v] : subschemas) collect_resources(r, *v, base, p, dialect);
  }

  static std::string get_id(const Draft& d, const Value& obj) {
    if (d.version < 2019 && member(obj, "$ref") != nullptr)
      return "";  // all other properties in a "$ref" object must be ignored
    std::optional<std::string> id = str_val(obj, d.id_key);
    if (!id)
      return "";
    return id->substr(0, id->find('#'));
  }

  void collect_anchors(Root& r, const Value& sch, const JsonPointer& ptr, Resource& res) {
    if (!sch.is_map())
      return;
    auto add_anchor = [&](const std::string& anchor) {
      auto it = res.anchors.find(anchor);
      if (it != res.anchors.end()) {
        if (it->second == ptr)
          return;
        fail("duplicate anchor " + strconv::quote(anchor) + " in " + strconv::quote(r.url) +
             " at " + strconv::quote(it->second) + " and " + strconv::quote(ptr));
      }
      res.anchors[anchor] = ptr;
    };
    const int version = res.dialect.draft->version;
    if (version < 2019) {
      if (member(sch, "$ref") != nullptr)
        return;
      if (std::optional<std::string> id = str_val(sch, res.dialect.draft->id_key)) {
        UrlFrag uf;
        try {
          uf = split_fragment(*id);
        } catch (const Error&) {
          fail("error in parsing anchor at " + strconv::quote(UrlPtr{r.url, ptr}.string()));
        }
        if (!uf.frag.empty() && uf.frag[0] != '/')
          add_anchor(uf.frag);
      }
    }
    if (version >= 2019) {
      if (std::optional<std::string> a = str_val(sch, "$anchor"))
        add_anchor(*a);
    }
    if (version >= 2020) {
      if (std::optional<std::string> a = str_val(sch, "$dynamicAnchor")) {
        add_anchor(*a);
        res.dynamic_anchors.push_back(*a);
      }
    }
  }

  const Value& lookup(const UrlPtr& up, const Value& doc) {
    bool bad = false;
    const Value* v = lookup_pointer(doc, up.ptr, bad);
    if (bad)
      fail("invalid json-pointer " + strconv::quote(up.string()));
    if (v == nullptr)
      fail("json-pointer in " + strconv::quote(up.string()) + " not found");
    return *v;
  }

  UrlPtr resolve_fragment_in(Root& r, const std::string& frag, Resource& res) {
    if (frag.empty() || frag[0] == '/')
      return UrlPtr{r.url, res.ptr + frag};
    auto it = res.anchors.find(frag);
    if (it == res.anchors.end()) {
      fail("anchor in " + strconv::quote(res.id + "#" + encode_fragment(frag)) +
           " not found in schema " + strconv::quote(r.url));
    }
    return UrlPtr{r.url, it->second};
  }

  UrlPtr resolve_fragment(const UrlFrag& uf) {
    Root& r = or_load(uf.url);
    return resolve_fragment_in(r, uf.frag, r.root_resource());
  }

  // root.resolve: the location of a reference inside `r`, or nullopt if it is external.
  std::optional<UrlPtr> resolve_in_root(Root& r, const UrlFrag& uf) {
    Resource* res = nullptr;
    if (uf.url == r.url) {
      res = &r.root_resource();
    } else {
      for (auto& [p, other] : r.resources) {
        if (other.id == uf.url) {
          res = &other;
          break;
        }
      }
      if (res == nullptr)
        return std::nullopt;
    }
    return resolve_fragment_in(r, uf.frag, *res);
  }

  void ensure_subschema(const UrlPtr& up) {
    Root& r = or_load(up.url);
    if (r.subschemas_processed.count(up.ptr) != 0)
      return;
    const Value& v = lookup(up, r.doc);
    Resource base = r.resource(up.ptr);
    collect_resources(r, v, base.id, up.ptr, base.dialect);
    if (r.resources.count(up.ptr) == 0)
      collect_anchors(r, v, up.ptr, r.resource(up.ptr));
    if (!is_meta_document(r.url))
      validate_doc(r, v, up.ptr);
  }

  // The metaschema for a dialect: the draft's, or the allOf of the enabled vocabularies'.
  const Schema& dialect_schema(const Dialect& d) {
    if (!d.vocabs)
      return draft_metaschema(*d.draft);
    auto& slot = dialect_schemas[*d.vocabs];
    if (!slot) {
      auto sch = std::make_unique<Schema>();
      sch->up = UrlPtr{"urn:mem:metaschema", ""};
      sch->location = "urn:mem:metaschema";
      sch->draft_version = d.draft->version;
      for (const std::string& vocab : *d.vocabs) {
        if (const Schema* v = vocab_metaschema(*d.draft, vocab))
          sch->all_of.push_back(const_cast<Schema*>(v));
      }
      if (std::find(d.vocabs->begin(), d.vocabs->end(), "core") == d.vocabs->end()) {
        const Schema* core = vocab_metaschema(*d.draft, "core");
        sch->all_of.push_back(const_cast<Schema*>(core ? core : &draft_metaschema(*d.draft)));
      }
      sch->resource = sch.get();
      if (sch->draft_version >= 2020) {
        sch->dynamic_anchor = "meta";
        sch->dynamic_anchors["meta"] = sch.get();
      }
      slot = std::move(sch);
    }
    return *slot;
  }

  void validate_doc(Root& r, const Value& v, const JsonPointer& ptr) {
    const Schema& meta = dialect_schema(r.resource(ptr).dialect);
    MetaContext ctx;
    ctx.meta = &meta;
    ctx.resources = &r.resources;
    ctx.dialect_schema = [this](const Dialect& d) -> const Schema* { return &dialect_schema(d); };
    if (std::optional<ValidationError> err = validate_with(meta, v, &ctx)) {
      fail(strconv::quote(UrlPtr{r.url, ptr}.string()) + " is not valid against metaschema: " +
           err->error());
    }
  }

  // --- compiling ---

  struct Queue {
    std::vector<std::unique_ptr<Schema>> owned;
    std::map<UrlPtr, Schema*> index;
    std::vector<Schema*> order;
  };

  Schema* enqueue(Queue& q, const UrlPtr& up) {
    if (auto it = schemas.find(up); it != schemas.end())
      return it->second.get();
    if (auto it = q.index.find(up); it != q.index.end())
      return it->second;
    auto sch = std::make_unique<Schema>();
    sch->up = up;
    sch->location = up.string();
    Schema* raw = sch.get();
    q.owned.push_back(std::move(sch));
    q.index[up] = raw;
    q.order.push_back(raw);
    return raw;
  }

  const Schema& do_compile(const UrlPtr& up) {
    Queue q;
    Schema* first = enqueue(q, up);
    for (std::size_t compiled = 0; compiled < q.order.size(); ++compiled) {
      Schema* sch = q.order[compiled];
      ensure_subschema(sch->up);
      Root& r = roots.at(sch->up.url);
      const Value& v = lookup(sch->up, r.doc);
      compile_value(v, *sch, r, q);
    }
    for (auto& owned : q.owned) {
      const UrlPtr key = owned->up;
      schemas.emplace(key, std::move(owned));
    }
    return *first;
  }

  void compile_value(const Value& v, Schema& sch, Root& r, Queue& q) {
    Resource& res = r.resource(sch.up.ptr);
    sch.draft_version = res.dialect.draft->version;
    sch.resource = enqueue(q, UrlPtr{sch.up.url, res.ptr});
    if (sch.draft_version >= 2020 && sch.up == sch.resource->up) {
      for (const auto& [anchor, aptr] : res.anchors) {
        if (std::find(res.dynamic_anchors.begin(), res.dynamic_anchors.end(), anchor) !=
            res.dynamic_anchors.end()) {
          sch.dynamic_anchors[anchor] = enqueue(q, UrlPtr{sch.up.url, aptr});
        }
      }
    }
    if (v.is_bool()) {
      sch.boolean = v.as_bool();
    } else if (v.is_map()) {
      if (v.map().entries.empty())
        sch.boolean = true;
      else
        ObjCompiler{*this, v, sch.up, r, res, q}.compile(sch);
    }
    sch.all_props_evaluated = sch.additional_properties.present;
    if (sch.draft_version < 2020) {
      sch.all_items_evaluated = sch.additional_items.present;
      if (sch.items != nullptr)
        sch.all_items_evaluated = true;
      else if (sch.items_list)
        sch.num_items_evaluated = sch.items_list->size();
    } else {
      sch.all_items_evaluated = sch.items2020 != nullptr;
      sch.num_items_evaluated = sch.prefix_items.size();
    }
  }

  struct ObjCompiler {
    Impl& c;
    const Value& obj;
    UrlPtr up;
    Root& r;
    Resource& res;
    Queue& q;

    bool has_vocab(const std::string& name) const { return res.dialect.has_vocab(name); }
    const Value* get(const std::string& k) const { return member(obj, k); }
    std::optional<std::string> str(const std::string& k) const { return str_val(obj, k); }
    std::string string_or_empty(const std::string& k) const { return str(k).value_or(""); }
    std::optional<bool> bool_val(const std::string& k) const {
      const Value* v = get(k);
      if (v == nullptr || !v->is_bool())
        return std::nullopt;
      return v->as_bool();
    }
    bool boolean(const std::string& k) const { return bool_val(k).value_or(false); }
    std::optional<Decimal> num(const std::string& k) const {
      const Value* v = get(k);
      return v == nullptr ? std::nullopt : Decimal::of(*v);
    }
    std::optional<std::int64_t> int_val(const std::string& k) const {
      std::optional<Decimal> n = num(k);
      if (!n || !n->is_integer())
        return std::nullopt;
      return n->to_int64().value_or(n->negative() ? INT64_MIN : INT64_MAX);
    }

    Schema* enqueue_ptr(const JsonPointer& ptr) { return c.enqueue(q, UrlPtr{up.url, ptr}); }
    Schema* enqueue_prop(const std::string& k) {
      if (get(k) == nullptr)
        return nullptr;
      return enqueue_ptr(ptr_append(up.ptr, k));
    }
    std::optional<std::vector<Schema*>> enqueue_arr(const std::string& k) {
      const Value* v = get(k);
      if (v == nullptr || !v->is_list())
        return std::nullopt;
      std::vector<Schema*> out;
      for (std::size_t i = 0; i < v->list().items.size(); ++i)
        out.push_back(enqueue_ptr(ptr_append(ptr_append(up.ptr, k), std::to_string(i))));
      return out;
    }
    std::optional<std::map<std::string, Schema*>> enqueue_map(const std::string& k) {
      const Value* v = get(k);
      if (v == nullptr || !v->is_map())
        return std::nullopt;
      std::map<std::string, Schema*> out;
      for (const auto& [name, item] : v->map().entries)
        out[name] = enqueue_ptr(ptr_append(ptr_append(up.ptr, k), name));
      return out;
    }
    Additional enqueue_additional(const std::string& k) {
      Additional a;
      if (std::optional<bool> b = bool_val(k)) {
        a.present = true;
        a.allowed = *b;
      } else if (Schema* s = enqueue_prop(k)) {
        a.present = true;
        a.schema = s;
      }
      return a;
    }
    Schema* enqueue_ref(const std::string& k) {
      std::optional<std::string> ref = str(k);
      if (!ref)
        return nullptr;
      const UrlFrag uf = join_url(res.id, *ref);
      if (std::optional<UrlPtr> local = c.resolve_in_root(r, uf))
        return enqueue_ptr(local->ptr);
      return c.enqueue(q, c.resolve_fragment(uf));
    }
    Pattern pattern(const std::string& source, const std::string& keyword) {
      std::string error;
      std::optional<Pattern> p = compile_pattern(source, error);
      if (!p) {
        fail("invalid regex " + strconv::quote(source) + " at " +
             strconv::quote(up.format(keyword)) + ": " + error);
      }
      return *p;
    }
    static std::vector<std::string> to_strings(const Value& arr) {
      std::vector<std::string> out;
      for (const Value& item : arr.list().items) {
        if (item.is_string())
          out.push_back(item.as_string());
      }
      return out;
    }
    bool assert_format(int version) const {
      if (c.assert_format || version < 2019)
        return true;
      return version == 2019 ? has_vocab("format") : has_vocab("format-assertion");
    }

    void compile(Schema& s) {
      s.id = get_id(*res.dialect.draft, obj);
      if (s.draft_version < 2019) {
        const std::string id = string_or_empty(res.dialect.draft->id_key);
        if (const std::size_t hash = id.find('#'); hash != std::string::npos) {
          std::optional<std::string> a = path_unescape(id.substr(hash + 1));
          if (!a)
            fail("error in parsing anchor at " + strconv::quote(s.location));
          s.anchor = *a;
        }
      } else {
        s.anchor = string_or_empty("$anchor");
      }
      compile_draft4(s);
      if (s.draft_version >= 6)
        compile_draft6(s);
      if (s.draft_version >= 7)
        compile_draft7(s);
      if (s.draft_version >= 2019)
        compile_draft2019(s);
      if (s.draft_version >= 2020)
        compile_draft2020(s);
    }

    void compile_draft4(Schema& s) {
      if (has_vocab("core")) {
        s.ref = enqueue_ref("$ref");
        if (s.draft_version < 2019 && s.ref != nullptr)
          return;  // all other properties in a "$ref" object must be ignored
      }
      if (has_vocab("applicator")) {
        s.all_of = enqueue_arr("allOf").value_or(std::vector<Schema*>{});
        s.any_of = enqueue_arr("anyOf").value_or(std::vector<Schema*>{});
        s.one_of = enqueue_arr("oneOf").value_or(std::vector<Schema*>{});
        s.not_ = enqueue_prop("not");
        if (s.draft_version < 2020) {
          if (const Value* items = get("items")) {
            if (items->is_list()) {
              s.items_list = enqueue_arr("items");
              s.additional_items = enqueue_additional("additionalItems");
            } else {
              s.items = enqueue_prop("items");
            }
          }
        }
        s.properties = enqueue_map("properties").value_or(std::map<std::string, Schema*>{});
        if (auto pp = enqueue_map("patternProperties")) {
          for (const auto& [name, sch] : *pp) {
            std::string error;
            std::optional<Pattern> p = compile_pattern(name, error);
            if (!p) {
              fail("invalid regex " + strconv::quote(name) + " at " +
                   strconv::quote(up.format("patternProperties")) + ": " + error);
            }
            s.pattern_properties.emplace_back(*p, sch);
          }
        }
        s.additional_properties = enqueue_additional("additionalProperties");
        if (const Value* deps = get("dependencies"); deps != nullptr && deps->is_map()) {
          for (const auto& [name, value] : deps->map().entries) {
            if (value.is_list()) {
              s.dependencies[name] = to_strings(value);
            } else {
              s.dependencies[name] =
                  enqueue_ptr(ptr_append(ptr_append(up.ptr, "dependencies"), name));
            }
          }
        }
      }
      if (has_vocab("validation")) {
        if (const Value* t = get("type")) {
          int types = 0;
          if (t->is_string()) {
            types |= type_from_string(t->as_string());
          } else if (t->is_list()) {
            for (const Value& item : t->list().items) {
              if (item.is_string())
                types |= type_from_string(item.as_string());
            }
          }
          s.types = types;
        }
        if (const Value* e = get("enum"); e != nullptr && e->is_list()) {
          s.enum_values = e->list().items;
          for (const Value& item : e->list().items) s.enum_types |= type_of(item);
        }
        s.multiple_of = num("multipleOf");
        s.maximum = num("maximum");
        if (boolean("exclusiveMaximum")) {
          s.exclusive_maximum = s.maximum;
          s.maximum.reset();
        } else {
          s.exclusive_maximum = num("exclusiveMaximum");
        }
        s.minimum = num("minimum");
        if (boolean("exclusiveMinimum")) {
          s.exclusive_minimum = s.minimum;
          s.minimum.reset();
        } else {
          s.exclusive_minimum = num("exclusiveMinimum");
        }
        s.min_length = int_val("minLength");
        s.max_length = int_val("maxLength");
        if (std::optional<std::string> pat = str("pattern"))
          s.pattern = pattern(*pat, "pattern");
        s.min_items = int_val("minItems");
        s.max_items = int_val("maxItems");
        s.unique_items = boolean("uniqueItems");
        s.max_properties = int_val("maxProperties");
        s.min_properties = int_val("minProperties");
        if (const Value* req = get("required"); req != nullptr && req->is_list())
          s.required = to_strings(*req);
      }
      if (assert_format(s.draft_version)) {
        if (std::optional<std::string> f = str("format")) {
          if (*f == "regex") {
            s.format = Format{"regex", validate_regex_format};
          } else if (const Format* known = find_format(*f)) {
            s.format = *known;
          }
        }
      }
    }

    void compile_draft6(Schema& s) {
      if (has_vocab("applicator")) {
        s.contains = enqueue_prop("contains");
        s.property_names = enqueue_prop("propertyNames");
      }
      if (has_vocab("validation")) {
        if (const Value* v = get("const"))
          s.const_value = *v;
      }
    }

    void compile_draft7(Schema& s) {
      if (has_vocab("applicator")) {
        s.if_ = enqueue_prop("if");
        if (s.if_ != nullptr) {
          std::optional<bool> b = bool_val("if");
          if (!b || *b)
            s.then_ = enqueue_prop("then");
          if (!b || !*b)
            s.else_ = enqueue_prop("else");
        }
      }
    }

    void compile_draft2019(Schema& s) {
      if (has_vocab("core")) {
        s.recursive_ref = enqueue_ref("$recursiveRef");
        s.recursive_anchor = boolean("$recursiveAnchor");
      }
      if (has_vocab("validation")) {
        if (s.contains != nullptr) {
          s.min_contains = int_val("minContains");
          s.max_contains = int_val("maxContains");
        }
        if (const Value* m = get("dependentRequired"); m != nullptr && m->is_map()) {
          for (const auto& [name, value] : m->map().entries) {
            if (value.is_list())
              s.dependent_required[name] = to_strings(value);
          }
        }
      }
      if (has_vocab("applicator"))
        s.dependent_schemas = enqueue_map("dependentSchemas").value_or(std::map<std::string, Schema*>{});
      const bool unevaluated =
          s.draft_version == 2019 ? has_vocab("applicator") : has_vocab("unevaluated");
      if (unevaluated) {
        s.unevaluated_items = enqueue_prop("unevaluatedItems");
        s.unevaluated_properties = enqueue_prop("unevaluatedProperties");
      }
    }

    void compile_draft2020(Schema& s) {
      if (has_vocab("core")) {
        if (Schema* sch = enqueue_ref("$dynamicRef")) {
          const UrlFrag uf = split_fragment(*str("$dynamicRef"));
          s.dynamic_ref = sch;
          if (!uf.frag.empty() && uf.frag[0] != '/')
            s.dynamic_ref_anchor = uf.frag;
        }
        s.dynamic_anchor = string_or_empty("$dynamicAnchor");
      }
      if (has_vocab("applicator")) {
        s.prefix_items = enqueue_arr("prefixItems").value_or(std::vector<Schema*>{});
        s.items2020 = enqueue_prop("items");
      }
    }
  };
};

Compiler::Compiler() : impl_(std::make_unique<Impl>()) {}
Compiler::~Compiler() = default;

void Compiler::use_loader(UrlLoader loader) { impl_->loader = std::move(loader); }
void Compiler::assert_format() { impl_->assert_format = true; }
void Compiler::default_draft(int version) {
  if (const Draft* d = draft_for_version(version))
    impl_->default_draft = d;
}

void Compiler::add_resource(const std::string& url, Value doc) {
  const UrlFrag uf = split_fragment(url);
  if (is_metaschema_url(uf.url) || !impl_->docs.emplace(uf.url, std::move(doc)).second)
    fail("resource for " + strconv::quote(uf.url) + " already exists");
}

const Schema& Compiler::compile(const std::string& location) {
  UrlFrag uf = split_fragment(location);
  Url parsed;
  try {
    parsed = parse_url(uf.url);
  } catch (const Error& e) {
    fail("error in parsing " + strconv::quote(location) + ": " + e.what());
  }
  if (!parsed.is_abs())
    uf.url = "file://" + std::string(uf.url.empty() || uf.url[0] != '/' ? "/" : "") + uf.url;
  return impl_->do_compile(impl_->resolve_fragment(uf));
}

}  // namespace capstan::chart::jsonschema

namespace capstan::chart::jsonschema {

Value unmarshal_json(std::string_view text) {
  json::DecodeOptions options;
  options.numbers = json::Numbers::Typed;
  options.max_depth = 1000;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    fail("EOF");  // json.Decoder on empty input
  try {
    return json::decode(text, options);
  } catch (const Error& e) {
    const std::string message = e.what();
    if (message.find("after top-level value") != std::string::npos)
      fail("invalid character after top-level value");
    if (message == "unexpected end of JSON input")
      fail("unexpected EOF");  // json.Decoder's word for truncated input
    throw Error(e.kind(), message);
  }
}

}  // namespace capstan::chart::jsonschema
