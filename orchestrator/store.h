// The object store: one SQLite file holding every object as JSON, keyed by (resource,
// namespace, name), plus a small key/value table for counters (the global resourceVersion, the
// persisted random state, allocator bookkeeping). Reads are served from an in-memory copy that
// is reloaded when another process has written the file (PRAGMA data_version). Writes happen
// inside transactions (BEGIN IMMEDIATE, so concurrent processes queue); a failed transaction
// rolls back both the file and the memory copy, so no half-written operation is ever visible.
// This layer knows nothing of Kubernetes semantics beyond metadata.namespace/name.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/value.h"

struct sqlite3;
struct sqlite3_stmt;

namespace capstan::orchestrator {

class Store {
 public:
  // Opens (creating if needed) the SQLite file at `path`; ":memory:" for a private store.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Deep copies of stored objects.
  std::optional<Value> get(std::string_view resource, std::string_view ns, std::string_view name);
  bool contains(std::string_view resource, std::string_view ns, std::string_view name);
  // Objects of a resource, in one namespace or (nullopt) all, ordered by namespace then name.
  std::vector<Value> list(std::string_view resource, std::optional<std::string_view> ns);
  // Like list(), keeping only objects `keep` accepts (it sees the stored object, uncopied) and,
  // when `name_prefix` is set, only names starting with it (a range scan: cheap).
  std::vector<Value> list_if(std::string_view resource, std::optional<std::string_view> ns,
                             const std::function<bool(const Value&)>& keep, std::string_view name_prefix = "");
  bool empty();  // no objects at all (a fresh file)

  // Writes: only inside transaction(). put() inserts or replaces by metadata.namespace/name.
  void put(std::string_view resource, const Value& object);
  void erase(std::string_view resource, std::string_view ns, std::string_view name);

  std::optional<std::string> meta(std::string_view key);
  void set_meta(std::string_view key, std::string_view value);
  // Increments and returns the global resourceVersion counter (like etcd's revision).
  std::int64_t next_resource_version();

  // Counts committed transactions that wrote objects (persisted as meta "writeSeq"), so a later
  // process can tell whether anything changed since the cluster last settled.
  std::int64_t write_seq();

  // Fault injection for crash tests: with `crash_at` = n > 0, the process kills itself with
  // SIGKILL at the n-th write point, counting two per transaction that writes: just before
  // its COMMIT (the transaction is lost) and just after (it is durable).
  void set_crash_at(long n) { crash_at_ = n; }

  // Runs `body` in a transaction: committed when it returns, rolled back (file and memory) when
  // it throws. Nested calls join the outer transaction.
  void transaction(const std::function<void()>& body);
  bool in_transaction() const { return depth_ > 0; }

 private:
  using Key = std::pair<std::string, std::string>;  // namespace, name
  struct Undo {
    std::string resource;
    Key key;
    std::optional<Value> previous;
  };

  void exec(const char* sql);
  void refresh_if_changed();
  void load();
  std::int64_t data_version();
  void require_transaction() const;

  sqlite3* db_ = nullptr;
  sqlite3_stmt* put_stmt_ = nullptr;
  sqlite3_stmt* erase_stmt_ = nullptr;
  sqlite3_stmt* meta_stmt_ = nullptr;
  std::int64_t data_version_ = -1;
  std::map<std::string, std::map<Key, Value>, std::less<>> objects_;
  std::map<std::string, std::string, std::less<>> meta_;
  int depth_ = 0;
  bool dirty_ = false;  // the current transaction put or erased an object
  long crash_at_ = 0;
  long write_points_ = 0;
  std::vector<Undo> undo_;
  std::vector<std::pair<std::string, std::optional<std::string>>> meta_undo_;
};

}  // namespace capstan::orchestrator
