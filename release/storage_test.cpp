// Storage over the memory driver: keys, queries by label, last/deployed, history pruning.
#include "release/storage.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace rel = capstan::release;

namespace {

rel::Release make(const std::string& name, int version, rel::Status status,
                  const std::string& ns = "default") {
  rel::Release r;
  r.name = name;
  r.version = version;
  r.ns = ns;
  r.info.status = status;
  return r;
}

std::vector<int> versions(std::vector<rel::Release> rs) {
  rel::sort_by_revision(rs);
  std::vector<int> out;
  for (const auto& r : rs) out.push_back(r.version);
  return out;
}

}  // namespace

TEST_CASE("keys are Helm's", "[storage]") {
  CHECK(rel::make_key("demo", 12) == "sh.helm.release.v1.demo.v12");
}

TEST_CASE("create, get, update, history, last and deployed", "[storage]") {
  rel::MemoryDriver driver;
  rel::Storage storage(driver);
  storage.create(make("demo", 1, rel::Status::Superseded));
  storage.create(make("demo", 2, rel::Status::Deployed));
  storage.create(make("demo", 3, rel::Status::Failed));
  storage.create(make("other", 1, rel::Status::Deployed));
  CHECK_THROWS_WITH(storage.create(make("demo", 3, rel::Status::Failed)),
                    "release: already exists");
  CHECK(versions(storage.history("demo")) == std::vector<int>{1, 2, 3});
  CHECK(storage.history("nope").empty());
  CHECK(storage.last("demo")->version == 3);
  CHECK(storage.deployed("demo")->version == 2);
  CHECK_FALSE(storage.deployed("nope"));
  rel::Release r3 = *storage.get("demo", 3);
  r3.info.status = rel::Status::Deployed;
  storage.update(r3);
  CHECK(versions(storage.deployed_all("demo")) == std::vector<int>{2, 3});
  CHECK_THROWS_WITH(storage.update(make("demo", 9, rel::Status::Failed)), "release: not found");
  CHECK(storage.remove("demo", 1)->version == 1);
  CHECK_FALSE(storage.remove("demo", 1));
}

TEST_CASE("history is pruned to max_history, keeping the deployed revision", "[storage]") {
  rel::MemoryDriver driver;
  rel::Storage storage(driver);
  storage.max_history = 3;
  storage.create(make("demo", 1, rel::Status::Deployed));
  for (int v = 2; v <= 5; ++v) storage.create(make("demo", v, rel::Status::Failed));
  // Making room for 5 kept 1 (deployed) and the newest.
  CHECK(versions(storage.history("demo")) == std::vector<int>{1, 4, 5});
}

TEST_CASE("labels: custom labels kept, system labels filtered on get", "[storage]") {
  rel::MemoryDriver driver;
  rel::Storage storage(driver);
  rel::Release r = make("demo", 1, rel::Status::Deployed);
  r.labels = {{"team", "a"}};
  storage.create(r);
  CHECK(storage.get("demo", 1)->labels == rel::Labels{{"team", "a"}});
  const auto listed = storage.list_all();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].labels.at("status") == "deployed");
  CHECK(listed[0].labels.at("team") == "a");
  CHECK(rel::contains_system_labels({{"owner", "x"}}));
  CHECK_FALSE(rel::contains_system_labels({{"team", "x"}}));
}

TEST_CASE("a namespaced driver sees only its namespace; '' sees all", "[storage]") {
  rel::MemoryDriver driver("default");
  rel::Storage storage(driver);
  storage.create(make("a", 1, rel::Status::Deployed, "default"));
  storage.create(make("b", 1, rel::Status::Deployed, "prod"));
  CHECK(storage.list_all().size() == 1);
  driver.set_namespace("");
  CHECK(storage.list_all().size() == 2);
}

TEST_CASE("stored records do not share values with the caller", "[storage]") {
  rel::MemoryDriver driver;
  rel::Storage storage(driver);
  rel::Release r = make("demo", 1, rel::Status::Deployed);
  r.config = capstan::Value::map_of({{"a", 1}});
  storage.create(r);
  r.config.set("a", 2);
  CHECK(storage.get("demo", 1)->config.find("a")->as_int() == 1);
}
