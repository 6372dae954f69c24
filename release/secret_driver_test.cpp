// The Secret driver: records stored as Helm stores them, read back through labels.
#include "release/secret_driver.h"

#include <catch2/catch.hpp>

#include "core/json_text.h"
#include "release/fake_cluster_test.h"
#include "release/record_codec.h"
#include "release/storage.h"

namespace rel = capstan::release;
using capstan::Value;

namespace {

rel::Release make(int version, rel::Status status) {
  rel::Release r;
  r.name = "demo";
  r.ns = "default";
  r.version = version;
  r.info.status = status;
  r.manifest = "kind: X\n";
  return r;
}

}  // namespace

TEST_CASE("records are Secrets named, typed and labelled as Helm's", "[secret]") {
  rel::testing::FakeCluster cluster;
  rel::FixedClock clock(rel::Time::from_unix(1767225600));
  rel::SecretDriver driver(cluster, clock, "default");
  rel::Storage storage(driver);
  storage.create(make(1, rel::Status::Deployed));
  const auto secret = cluster.get({"v1", "Secret", "default", "sh.helm.release.v1.demo.v1"});
  REQUIRE(secret);
  CHECK(secret->get_string("type") == "helm.sh/release.v1");
  const Value* labels = secret->find_path({"metadata", "labels"});
  CHECK(labels->get_string("name") == "demo");
  CHECK(labels->get_string("owner") == "helm");
  CHECK(labels->get_string("status") == "deployed");
  CHECK(labels->get_string("version") == "1");
  CHECK(labels->get_string("createdAt") == "1767225600");
  // data.release is base64 (the Secret's) of base64(gzip(json)) (the record's).
  const std::string wire = secret->find_path({"data", "release"})->as_string();
  const auto record = capstan::json::base64_decode(wire);
  REQUIRE(record);
  CHECK(record->rfind("H4sI", 0) == 0);
  CHECK(rel::decode_record(*record).manifest == "kind: X\n");

  rel::Release r = *storage.get("demo", 1);
  r.info.status = rel::Status::Superseded;
  clock.set(rel::Time::from_unix(1767225700));
  storage.update(r);
  const auto updated = cluster.get({"v1", "Secret", "default", "sh.helm.release.v1.demo.v1"});
  CHECK(updated->find_path({"metadata", "labels"})->get_string("status") == "superseded");
  CHECK(updated->find_path({"metadata", "labels"})->get_string("modifiedAt") == "1767225700");
  CHECK(updated->find_path({"metadata", "labels", "createdAt"}) == nullptr);

  storage.create(make(2, rel::Status::Deployed));
  CHECK(storage.history("demo").size() == 2);
  CHECK(storage.deployed("demo")->version == 2);
  CHECK(storage.last("demo")->version == 2);
  CHECK_THROWS_WITH(storage.create(make(2, rel::Status::Deployed)), "release: already exists");
  CHECK(storage.remove("demo", 1));
  CHECK(storage.history("demo").size() == 1);
}

TEST_CASE("a Helm-written record in a Secret is readable", "[secret]") {
  rel::testing::FakeCluster cluster;
  rel::FixedClock clock(rel::Time::from_unix(0));
  // What `kubectl get secret -o json` shows for a Helm 3 release.
  const rel::Release helm = rel::decode_record(
      rel::encode_record(make(3, rel::Status::Failed)));
  Value secret = rel::SecretDriver::secret_object("sh.helm.release.v1.demo.v3", helm, {});
  secret["metadata"].set("namespace", "default");
  cluster.put(secret);
  rel::SecretDriver driver(cluster, clock, "default");
  CHECK(driver.query({{"name", "demo"}, {"status", "failed"}}).size() == 1);
  CHECK(driver.query({{"name", "demo"}, {"status", "deployed"}}).empty());
  rel::SecretDriver all(cluster, clock, "");
  CHECK(all.get("sh.helm.release.v1.demo.v3")->version == 3);
}
