// list and history over records in every status: Helm's state mask (default deployed|failed,
// --pending selects all three pending-* states), the latest-revision rule (except for
// --superseded alone), label selectors with set operators, paging with --max/--offset.
#include "release/query.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace rel = capstan::release;
using capstan::Value;

namespace {

rel::Release record(const std::string& name, int version, rel::Status status,
                    std::map<std::string, std::string> labels = {}) {
  rel::Release r;
  r.name = name;
  r.ns = "default";
  r.version = version;
  r.info.status = status;
  r.info.last_deployed = rel::Time::from_unix(1767225600 + version);
  r.chart = Value::map_of({{"metadata", Value::map_of({{"name", "c"}, {"version", "1.0.0"}})}});
  r.labels = std::move(labels);
  return r;
}

struct Store {
  rel::MemoryDriver driver{"default"};
  rel::Storage storage{driver};
  Store() {
    // One release per status, each at revision 2 over a superseded revision 1.
    int i = 0;
    for (rel::Status s : {rel::Status::Deployed, rel::Status::Uninstalled, rel::Status::Superseded,
                          rel::Status::Failed, rel::Status::Uninstalling,
                          rel::Status::PendingInstall, rel::Status::PendingUpgrade,
                          rel::Status::PendingRollback, rel::Status::Unknown}) {
      const std::string name = "r" + std::to_string(i++) + "-" + std::string(rel::status_name(s));
      storage.create(record(name, 1, rel::Status::Superseded));
      storage.create(record(name, 2, s, {{"tier", i % 2 ? "web" : "db"}}));
    }
  }
  std::vector<std::string> names(const rel::ListOptions& o) {
    std::vector<std::string> out;
    for (const rel::Release& r : rel::list(storage, o)) {
      out.push_back(r.name + "@" + std::to_string(r.version));
    }
    return out;
  }
};

}  // namespace

TEST_CASE("list selects releases by the state of their latest revision", "[list]") {
  Store s;
  rel::ListOptions o;
  CHECK(s.names(o) == std::vector<std::string>{"r0-deployed@2", "r3-failed@2"});
  o.pending = true;
  CHECK(s.names(o) == std::vector<std::string>{"r5-pending-install@2", "r6-pending-upgrade@2",
                                                "r7-pending-rollback@2"});
  o = {};
  o.uninstalled = true;
  o.uninstalling = true;
  CHECK(s.names(o) == std::vector<std::string>{"r1-uninstalled@2", "r4-uninstalling@2"});
  o = {};
  o.deployed = true;
  o.failed = true;
  o.superseded = true;  // with other states, superseded matches latest revisions only
  CHECK(s.names(o) ==
        std::vector<std::string>{"r0-deployed@2", "r2-superseded@2", "r3-failed@2"});
  o = {};
  o.superseded = true;  // alone: every superseded revision
  CHECK(s.names(o).size() == 10);
  o = {};
  o.all = true;  // unknown is not part of ListAll
  CHECK(s.names(o).size() == 8);
}

TEST_CASE("list pages, sorts and filters by label", "[list]") {
  Store s;
  rel::ListOptions o;
  o.all = true;
  o.limit = 3;
  o.offset = 2;
  CHECK(s.names(o) == std::vector<std::string>{"r2-superseded@2", "r3-failed@2",
                                                "r4-uninstalling@2"});
  o.offset = 8;
  CHECK(s.names(o).empty());
  o = {};
  o.all = true;
  o.by_date = true;
  o.reverse = true;
  o.limit = 1;
  CHECK(s.names(o).size() == 1);
  o = {};
  o.all = true;
  o.selector = "tier in (db),status!=failed";
  CHECK(s.names(o) == std::vector<std::string>{"r1-uninstalled@2", "r5-pending-install@2",
                                                "r7-pending-rollback@2"});
  o.selector = "tier notin (db, web)";
  CHECK(s.names(o).empty());
  o.selector = "!tier";
  CHECK(s.names(o).empty());
  o.selector = "tier,owner=helm,version==2,name=r0-deployed";
  CHECK(s.names(o) == std::vector<std::string>{"r0-deployed@2"});
  o.selector = "a,,b";
  CHECK_THROWS_WITH(s.names(o), "found '', expected: identifier");
}

TEST_CASE("history of a release in every status", "[history]") {
  Store s;
  const auto h = rel::history(s.storage, "r6-pending-upgrade");
  REQUIRE(h.size() == 2);
  CHECK(h[1].info.status == rel::Status::PendingUpgrade);
  CHECK_THROWS_WITH(rel::history(s.storage, "nope"), "release: not found");
  CHECK_THROWS_WITH(rel::history(s.storage, "Bad_Name"), "release name is invalid: Bad_Name");
}
