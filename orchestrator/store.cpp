// SQLite-backed object store with an in-memory read copy (see store.h).
#include "orchestrator/store.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include "core/error.h"
#include "core/json.h"

namespace capstan::orchestrator {

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw Error(ErrorKind::Io, "cluster store: " + what + ": " + (db ? sqlite3_errmsg(db) : "?"));
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) fail(db, "prepare");
  return stmt;
}

void bind_text(sqlite3_stmt* stmt, int index, std::string_view text) {
  // An empty view may have a null data pointer, which SQLite would store as NULL.
  sqlite3_bind_text(stmt, index, text.empty() ? "" : text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
}

void step_done(sqlite3* db, sqlite3_stmt* stmt, const char* what) {
  const int rc = sqlite3_step(stmt);
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (rc != SQLITE_DONE) fail(db, what);
}

std::string column_text(sqlite3_stmt* stmt, int col) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
  return p == nullptr ? std::string() : std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)));
}

std::string meta_string(const Value& object, std::string_view field) {
  const Value* m = object.find("metadata");
  return m == nullptr ? std::string() : m->get_string(field);
}

}  // namespace

Store::Store(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string msg = "cannot open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ErrorKind::Io, msg);
  }
  sqlite3_busy_timeout(db_, 30000);
  try {
    // WAL + NORMAL: durable at checkpoints, one fsync per transaction avoided (kine's setting).
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("CREATE TABLE IF NOT EXISTS objects (resource TEXT NOT NULL, namespace TEXT NOT NULL, "
         "name TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (resource, namespace, name)) "
         "WITHOUT ROWID");
    exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    put_stmt_ = prepare(db_, "INSERT OR REPLACE INTO objects VALUES (?, ?, ?, ?)");
    erase_stmt_ = prepare(db_, "DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?");
    meta_stmt_ = prepare(db_, "INSERT OR REPLACE INTO meta VALUES (?, ?)");
    load();
  } catch (...) {
    sqlite3_finalize(put_stmt_);
    sqlite3_finalize(erase_stmt_);
    sqlite3_finalize(meta_stmt_);
    sqlite3_close(db_);
    throw;
  }
}

Store::~Store() {
  sqlite3_finalize(put_stmt_);
  sqlite3_finalize(erase_stmt_);
  sqlite3_finalize(meta_stmt_);
  sqlite3_close(db_);
}

void Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error(ErrorKind::Io, std::string("cluster store: ") + sql + ": " + msg);
  }
}

std::int64_t Store::data_version() {
  sqlite3_stmt* stmt = prepare(db_, "PRAGMA data_version");
  std::int64_t v = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) v = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return v;
}

void Store::load() {
  objects_.clear();
  meta_.clear();
  sqlite3_stmt* stmt = prepare(db_, "SELECT resource, namespace, name, body FROM objects");
  json::DecodeOptions options;
  options.numbers = json::Numbers::Typed;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    options.file = column_text(stmt, 0) + "/" + column_text(stmt, 2);
    try {
      objects_[column_text(stmt, 0)][{column_text(stmt, 1), column_text(stmt, 2)}] =
          json::decode(column_text(stmt, 3), options);
    } catch (...) {
      sqlite3_finalize(stmt);
      throw;
    }
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) fail(db_, "load objects");
  stmt = prepare(db_, "SELECT key, value FROM meta");
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) meta_[column_text(stmt, 0)] = column_text(stmt, 1);
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) fail(db_, "load meta");
  data_version_ = data_version();
}

void Store::refresh_if_changed() {
  // Inside our own transaction nobody else can have written; outside, another process may.
  if (depth_ > 0) return;
  if (data_version() != data_version_) load();
}

void Store::require_transaction() const {
  if (depth_ == 0) throw Error(ErrorKind::Internal, "cluster store: write outside a transaction");
}

std::optional<Value> Store::get(std::string_view resource, std::string_view ns, std::string_view name) {
  refresh_if_changed();
  const auto r = objects_.find(resource);
  if (r == objects_.end()) return std::nullopt;
  const auto it = r->second.find({std::string(ns), std::string(name)});
  if (it == r->second.end()) return std::nullopt;
  return it->second.deep_copy();
}

bool Store::contains(std::string_view resource, std::string_view ns, std::string_view name) {
  refresh_if_changed();
  const auto r = objects_.find(resource);
  return r != objects_.end() && r->second.count({std::string(ns), std::string(name)}) != 0;
}

std::vector<Value> Store::list(std::string_view resource, std::optional<std::string_view> ns) {
  refresh_if_changed();
  std::vector<Value> out;
  const auto r = objects_.find(resource);
  if (r == objects_.end()) return out;
  if (ns) {
    const std::string n(*ns);
    for (auto it = r->second.lower_bound({n, ""}); it != r->second.end() && it->first.first == n; ++it) {
      out.push_back(it->second.deep_copy());
    }
  } else {
    for (const auto& [key, object] : r->second) out.push_back(object.deep_copy());
  }
  return out;
}

std::vector<Value> Store::list_if(std::string_view resource, std::optional<std::string_view> ns,
                                  const std::function<bool(const Value&)>& keep, std::string_view name_prefix) {
  refresh_if_changed();
  std::vector<Value> out;
  const auto r = objects_.find(resource);
  if (r == objects_.end()) return out;
  const auto visit = [&](const Value& object) {
    if (!keep || keep(object)) out.push_back(object.deep_copy());
  };
  if (ns) {
    const std::string n(*ns);
    for (auto it = r->second.lower_bound({n, std::string(name_prefix)});
         it != r->second.end() && it->first.first == n && it->first.second.compare(0, name_prefix.size(), name_prefix) == 0;
         ++it) {
      visit(it->second);
    }
  } else {
    for (const auto& [key, object] : r->second) {
      if (key.second.compare(0, name_prefix.size(), name_prefix) == 0) visit(object);
    }
  }
  return out;
}

bool Store::empty() {
  refresh_if_changed();
  for (const auto& [resource, objects] : objects_) {
    if (!objects.empty()) return false;
  }
  return true;
}

void Store::put(std::string_view resource, const Value& object) {
  require_transaction();
  Key key{meta_string(object, "namespace"), meta_string(object, "name")};
  auto& objects = objects_[std::string(resource)];
  const auto it = objects.find(key);
  undo_.push_back({std::string(resource), key,
                   it == objects.end() ? std::nullopt : std::optional<Value>(it->second)});
  const std::string body = json::encode(object);
  bind_text(put_stmt_, 1, resource);
  bind_text(put_stmt_, 2, key.first);
  bind_text(put_stmt_, 3, key.second);
  bind_text(put_stmt_, 4, body);
  step_done(db_, put_stmt_, "write object");
  objects[key] = object.deep_copy();
  dirty_ = true;
}

void Store::erase(std::string_view resource, std::string_view ns, std::string_view name) {
  require_transaction();
  const auto r = objects_.find(resource);
  if (r == objects_.end()) return;
  Key key{std::string(ns), std::string(name)};
  const auto it = r->second.find(key);
  if (it == r->second.end()) return;
  undo_.push_back({std::string(resource), key, it->second});
  bind_text(erase_stmt_, 1, resource);
  bind_text(erase_stmt_, 2, ns);
  bind_text(erase_stmt_, 3, name);
  step_done(db_, erase_stmt_, "delete object");
  r->second.erase(it);
  dirty_ = true;
}

std::optional<std::string> Store::meta(std::string_view key) {
  refresh_if_changed();
  const auto it = meta_.find(key);
  if (it == meta_.end()) return std::nullopt;
  return it->second;
}

void Store::set_meta(std::string_view key, std::string_view value) {
  require_transaction();
  const auto it = meta_.find(key);
  meta_undo_.emplace_back(std::string(key),
                          it == meta_.end() ? std::nullopt : std::optional<std::string>(it->second));
  bind_text(meta_stmt_, 1, key);
  bind_text(meta_stmt_, 2, value);
  step_done(db_, meta_stmt_, "write meta");
  meta_[std::string(key)] = std::string(value);
}

std::int64_t Store::write_seq() {
  const std::optional<std::string> v = meta("writeSeq");
  return v ? std::stoll(*v) : 0;
}

std::int64_t Store::next_resource_version() {
  const std::optional<std::string> current = meta("resourceVersion");
  const std::int64_t next = (current ? std::stoll(*current) : 0) + 1;
  set_meta("resourceVersion", std::to_string(next));
  return next;
}

void Store::transaction(const std::function<void()>& body) {
  if (depth_ > 0) {
    body();
    return;
  }
  // Another process may have written since our last read: start from its state.
  refresh_if_changed();
  exec("BEGIN IMMEDIATE");
  if (data_version() != data_version_) load();
  depth_ = 1;
  dirty_ = false;
  undo_.clear();
  meta_undo_.clear();
  const auto write_point = [this] {
    if (crash_at_ > 0 && ++write_points_ == crash_at_) ::kill(::getpid(), SIGKILL);
  };
  bool wrote = false;
  try {
    body();
    wrote = dirty_;
    if (wrote) {
      set_meta("writeSeq", std::to_string(write_seq() + 1));
      write_point();
    }
    exec("COMMIT");
  } catch (...) {
    depth_ = 0;
    try {
      exec("ROLLBACK");
    } catch (...) {
      // The original error matters more; the memory copy is restored below either way.
    }
    for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
      auto& objects = objects_[it->resource];
      if (it->previous) {
        objects[it->key] = std::move(*it->previous);
      } else {
        objects.erase(it->key);
      }
    }
    for (auto it = meta_undo_.rbegin(); it != meta_undo_.rend(); ++it) {
      if (it->second) {
        meta_[it->first] = *it->second;
      } else {
        meta_.erase(it->first);
      }
    }
    undo_.clear();
    meta_undo_.clear();
    throw;
  }
  depth_ = 0;
  undo_.clear();
  meta_undo_.clear();
  data_version_ = data_version();
  if (wrote) write_point();
}

}  // namespace capstan::orchestrator
