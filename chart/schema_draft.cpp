// Drafts, the embedded metaschemas and URL helpers (see schema_draft.h).
#include "chart/schema_draft.h"

#include <mutex>

#include "chart/schema.h"
#include "chart/schema_url.h"
#include "core/error.h"
#include "core/strconv.h"

namespace capstan::chart::jsonschema {

namespace {

SchemaPath schema_path(std::string_view path) {
  SchemaPath sp;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string tok(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    Position pos;
    if (tok == "*") {
      pos.kind = Position::Kind::AllProp;
    } else if (tok == "[]") {
      pos.kind = Position::Kind::AllItem;
    } else if (!tok.empty() && tok.find_first_not_of("0123456789") == std::string::npos) {
      pos.kind = Position::Kind::Item;
      pos.index = std::stoul(tok);
    } else {
      pos.kind = Position::Kind::Prop;
      pos.name = tok;
    }
    sp.push_back(pos);
    if (slash == std::string_view::npos)
      break;
    start = slash + 1;
  }
  return sp;
}

std::vector<SchemaPath> paths(std::initializer_list<std::string_view> list,
                              const std::vector<SchemaPath>& base = {}) {
  std::vector<SchemaPath> out = base;
  for (std::string_view p : list) out.push_back(schema_path(p));
  return out;
}

struct Drafts {
  Draft d4, d6, d7, d2019, d2020;
  Drafts() {
    d4 = {4, "http://json-schema.org/draft-04/schema", "id",
          paths({"definitions/*", "not", "allOf/[]", "anyOf/[]", "oneOf/[]", "properties/*",
                 "additionalProperties", "patternProperties/*", "items", "items/[]",
                 "additionalItems", "dependencies/*"}),
          "", {}, {}};
    d6 = {6, "http://json-schema.org/draft-06/schema", "$id",
          paths({"propertyNames", "contains"}, d4.subschemas), "", {}, {}};
    d7 = {7, "http://json-schema.org/draft-07/schema", "$id",
          paths({"if", "then", "else"}, d6.subschemas), "", {}, {}};
    d2019 = {2019, "https://json-schema.org/draft/2019-09/schema", "$id",
             paths({"$defs/*", "dependentSchemas/*", "unevaluatedProperties", "unevaluatedItems",
                    "contentSchema"},
                   d7.subschemas),
             "https://json-schema.org/draft/2019-09/vocab/",
             {"core", "applicator", "validation", "meta-data", "format", "content"},
             {"core", "applicator", "validation"}};
    d2020 = {2020, "https://json-schema.org/draft/2020-12/schema", "$id",
             paths({"prefixItems/[]"}, d2019.subschemas),
             "https://json-schema.org/draft/2020-12/vocab/",
             {"core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation",
              "format-assertion", "content"},
             {"core", "applicator", "unevaluated", "validation"}};
  }
};

const Drafts& drafts() {
  static const Drafts d;
  return d;
}

// The embedded documents, keyed by the URL part after "json-schema.org/".
const std::map<std::string, Value>& embedded() {
  static const std::map<std::string, Value> docs = [] {
    static const std::pair<const char*, const char*> kFiles[] = {
#include "chart/schema_metaschemas.inc"
    };
    std::map<std::string, Value> out;
    for (const auto& [name, text] : kFiles) out.emplace(name, unmarshal_json(text));
    return out;
  }();
  return docs;
}

std::optional<std::string> metaschema_key(const std::string& url) {
  for (std::string_view prefix : {"http://json-schema.org/", "https://json-schema.org/"}) {
    if (url.compare(0, prefix.size(), prefix) == 0) {
      std::string rest = url.substr(prefix.size());
      if (rest == "schema")
        rest = "draft/2020-12/schema";  // the latest draft
      return rest;
    }
  }
  return std::nullopt;
}

struct MetaState {
  std::unique_ptr<Compiler> compiler;
  std::map<int, const Schema*> drafts;
  std::map<std::pair<int, std::string>, const Schema*> vocabs;
};

const MetaState& meta_state() {
  static const MetaState state = [] {
    MetaState s;
    s.compiler = std::make_unique<Compiler>();
    s.compiler->assert_format();
    for (const Draft* d : {&draft4(), &draft6(), &draft7(), &draft2019(), &draft2020()}) {
      s.drafts[d->version] = &s.compiler->compile(d->url);
      const std::string base = d->url.substr(0, d->url.size() - std::string("schema").size());
      for (const std::string& vocab : d->all_vocabs) {
        s.vocabs[{d->version, vocab}] = &s.compiler->compile(base + "meta/" + vocab);
      }
    }
    return s;
  }();
  return state;
}

}  // namespace

const Draft& draft4() { return drafts().d4; }
const Draft& draft6() { return drafts().d6; }
const Draft& draft7() { return drafts().d7; }
const Draft& draft2019() { return drafts().d2019; }
const Draft& draft2020() { return drafts().d2020; }

const Draft* draft_for_version(int version) {
  for (const Draft* d : {&draft4(), &draft6(), &draft7(), &draft2019(), &draft2020()}) {
    if (d->version == version)
      return d;
  }
  return nullptr;
}

const Draft* draft_from_url(const std::string& url) {
  const UrlFrag uf{url.substr(0, url.find('#')),
                   url.find('#') == std::string::npos ? "" : url.substr(url.find('#') + 1)};
  if (!uf.frag.empty())
    return nullptr;
  std::string u = uf.url;
  if (u.compare(0, 7, "http://") == 0)
    u = u.substr(7);
  else if (u.compare(0, 8, "https://") == 0)
    u = u.substr(8);
  if (u == "json-schema.org/schema" || u == "json-schema.org/draft/2020-12/schema")
    return &draft2020();
  if (u == "json-schema.org/draft/2019-09/schema")
    return &draft2019();
  if (u == "json-schema.org/draft-07/schema")
    return &draft7();
  if (u == "json-schema.org/draft-06/schema")
    return &draft6();
  if (u == "json-schema.org/draft-04/schema")
    return &draft4();
  return nullptr;
}

const Schema& draft_metaschema(const Draft& d) { return *meta_state().drafts.at(d.version); }

const Schema* vocab_metaschema(const Draft& d, const std::string& vocab) {
  const auto& vocabs = meta_state().vocabs;
  auto it = vocabs.find({d.version, vocab});
  return it == vocabs.end() ? nullptr : it->second;
}

bool Dialect::has_vocab(const std::string& name) const {
  if (name == "core" || draft->version < 2019)
    return true;
  const std::vector<std::string>& list = vocabs ? *vocabs : draft->default_vocabs;
  return std::find(list.begin(), list.end(), name) != list.end();
}

const Value* embedded_metaschema(const std::string& url) {
  std::optional<std::string> key = metaschema_key(url);
  if (!key)
    return nullptr;
  const auto& docs = embedded();
  auto it = docs.find(*key);
  return it == docs.end() ? nullptr : &it->second;
}

bool is_metaschema_url(const std::string& url) { return embedded_metaschema(url) != nullptr; }

Resource& Root::resource(const JsonPointer& start) {
  JsonPointer ptr = start;
  while (true) {
    auto it = resources.find(ptr);
    if (it != resources.end())
      return it->second;
    const std::size_t slash = ptr.rfind('/');
    if (slash == std::string::npos)
      break;
    ptr = ptr.substr(0, slash);
  }
  return root_resource();
}

UrlFrag split_fragment(const std::string& s) {
  const std::size_t hash = s.find('#');
  if (hash == std::string::npos)
    return {s, ""};
  const std::string frag = s.substr(hash + 1);
  std::optional<std::string> decoded = path_unescape(frag);
  if (!decoded) {
    throw Error(ErrorKind::BadRequest,
                "error in parsing " + strconv::quote(s) + ": " + path_unescape_error(frag));
  }
  return {s.substr(0, hash), *decoded};
}

UrlFrag join_url(const std::string& base, const std::string& ref) {
  Url b;
  try {
    b = parse_url(base);
  } catch (const Error& e) {
    throw Error(ErrorKind::BadRequest,
                "error in parsing " + strconv::quote(base) + ": " + std::string(e.what()));
  }
  UrlFrag rf = split_fragment(ref);
  Url r;
  try {
    r = parse_url(rf.url);
  } catch (const Error& e) {
    throw Error(ErrorKind::BadRequest,
                "error in parsing " + strconv::quote(rf.url) + ": " + std::string(e.what()));
  }
  Url resolved = b.resolve_reference(r);
  if (!r.is_abs() && !b.opaque.empty())
    resolved.opaque = b.opaque;
  return {resolved.string(), rf.frag};
}

std::string encode_fragment(const std::string& frag) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = frag.find('/', start);
    out += path_escape(frag.substr(start, slash == std::string::npos ? slash : slash - start));
    if (slash == std::string::npos)
      break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

}  // namespace capstan::chart::jsonschema
