// The release actions against the memory driver and a fake cluster: install, upgrade,
// rollback, uninstall, history and list, including the failure paths that must leave the
// store as it was.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "release/fake_cluster_test.h"
#include "release/install.h"
#include "release/query.h"
#include "release/rollback.h"
#include "release/uninstall.h"
#include "release/upgrade.h"

namespace rel = capstan::release;
using capstan::Error;
using capstan::Value;
using rel::testing::FakeCluster;

namespace {

std::string service(const std::string& extra = "") {
  return "---\n# Source: demo/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n"
         "  name: demo-service\n" + extra + "spec:\n  ports:\n  - port: 80\n";
}

std::string deployment(int replicas, const std::string& tag) {
  return "---\n# Source: demo/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n"
         "metadata:\n  name: demo\nspec:\n  replicas: " + std::to_string(replicas) +
         "\n  template:\n    spec:\n      containers:\n      - image: demo:" + tag + "\n";
}

// Renders "replicas" and "tag" from the values, like a tiny chart.
struct FakeChart {
  int renders = 0;
  bool fail = false;
  std::string extra;  // more manifest text

  rel::RenderedChart operator()(const rel::RenderRequest& req) {
    ++renders;
    if (fail) throw Error(capstan::ErrorKind::Template, "template: demo/templates/x.yaml:3: boom");
    const Value* r = req.values.find("replicas");
    const Value* t = req.values.find("tag");
    rel::RenderedChart out;
    out.chart = Value::map_of(
        {{"metadata", Value::map_of({{"name", "demo"}, {"version", "1.0.1"}})},
         {"values", Value::map_of({{"replicas", 1}})}});
    out.manifest = service() + deployment(r ? int(r->number()) : 1, t ? t->as_string() : "hello") +
                   extra;
    out.notes = "revision " + std::to_string(req.release.revision);
    return out;
  }
};

struct Env {
  FakeCluster cluster;
  rel::MemoryDriver driver{"default"};
  rel::Storage storage{driver};
  rel::KubeClient kube{cluster};
  rel::FixedClock clock{rel::Time::from_unix(1767225600)};
  rel::Configuration cfg{storage, kube, clock};
  FakeChart chart;
  rel::Renderer render() {
    return [this](const rel::RenderRequest& r) { return chart(r); };
  }

  rel::Release install(const Value& values = Value::empty_map()) {
    rel::InstallOptions o;
    o.release_name = "demo";
    return rel::install(cfg, render(), values, o);
  }
  rel::Release upgrade(const Value& values = Value::empty_map(), rel::UpgradeOptions o = {}) {
    return rel::upgrade(cfg, "demo", render(), values, o);
  }
  std::vector<std::string> statuses() {
    std::vector<std::string> out;
    for (const auto& r : rel::history(storage, "demo")) {
      out.push_back(std::to_string(r.version) + " " + std::string(rel::status_name(r.info.status)) +
                    " " + r.info.description);
    }
    return out;
  }
  Value live(const std::string& kind, const std::string& name) {
    auto v = cluster.get({"", kind, "default", name});
    return v ? *v : Value();
  }
};

std::string str(const Value& v, std::initializer_list<std::string_view> path) {
  const Value* x = v.find_path(path);
  return x != nullptr && x->is_string() ? x->as_string() : "";
}

}  // namespace

TEST_CASE("install records revision 1, creates objects in kind order with ownership", "[install]") {
  Env env;
  const rel::Release r = env.install();
  CHECK(r.version == 1);
  CHECK(r.info.status == rel::Status::Deployed);
  CHECK(r.info.description == "Install complete");
  CHECK(r.info.notes == "revision 1");
  CHECK(env.cluster.writes ==
        std::vector<std::string>{"create Service default/demo-service",
                                 "create Deployment default/demo"});
  const Value svc = env.live("Service", "demo-service");
  CHECK(str(svc, {"metadata", "labels", "app.kubernetes.io/managed-by"}) == "Helm");
  CHECK(str(svc, {"metadata", "annotations", "meta.helm.sh/release-name"}) == "demo");
  CHECK(str(svc, {"metadata", "annotations", "meta.helm.sh/release-namespace"}) == "default");
  CHECK(env.statuses() == std::vector<std::string>{"1 deployed Install complete"});
  CHECK(env.cluster.settles >= 1);
  // The stored manifest is the rendered one: ownership metadata lives only on the objects.
  CHECK(r.manifest.find("managed-by") == std::string::npos);
}

TEST_CASE("install refuses a name in use, bad names and unowned objects, writing nothing",
          "[install]") {
  Env env;
  env.install();
  const auto writes = env.cluster.writes;
  CHECK_THROWS_WITH(env.install(), "cannot re-use a name that is still in use");

  rel::InstallOptions bad;
  bad.release_name = "Demo";
  CHECK_THROWS_WITH(rel::install(env.cfg, env.render(), Value::empty_map(), bad),
                    Catch::StartsWith("release name \"Demo\": invalid release name, must match regex"));

  Env other;
  other.cluster.put(Value::map_of({{"apiVersion", "v1"},
                                   {"kind", "Service"},
                                   {"metadata", Value::map_of({{"name", "demo-service"},
                                                               {"namespace", "default"}})}}));
  CHECK_THROWS_WITH(
      other.install(),
      "Unable to continue with install: Service \"demo-service\" in namespace \"default\" exists "
      "and cannot be imported into the current release: invalid ownership metadata; label "
      "validation error: missing key \"app.kubernetes.io/managed-by\": must be set to \"Helm\"; "
      "annotation validation error: missing key \"meta.helm.sh/release-name\": must be set to "
      "\"demo\"; annotation validation error: missing key \"meta.helm.sh/release-namespace\": "
      "must be set to \"default\"");
  CHECK(other.storage.list_all().empty());
  CHECK(other.cluster.writes.empty());
  CHECK(env.cluster.writes == writes);
}

TEST_CASE("a render failure leaves the store and cluster untouched", "[install][upgrade]") {
  Env env;
  env.chart.fail = true;
  CHECK_THROWS_WITH(env.install(), "template: demo/templates/x.yaml:3: boom");
  CHECK(env.storage.list_all().empty());
  env.chart.fail = false;
  env.install();
  env.chart.fail = true;
  CHECK_THROWS(env.upgrade(Value::map_of({{"replicas", 3}})));
  CHECK(env.statuses() == std::vector<std::string>{"1 deployed Install complete"});
}

TEST_CASE("upgrade: new revision, previous superseded, live-only fields kept", "[upgrade]") {
  Env env;
  env.install();
  // A field the API server filled in, and one changed by hand that the chart does not set.
  Value svc = env.live("Service", "demo-service");
  svc["spec"].set("clusterIP", "10.96.0.10");
  svc["metadata"]["labels"].set("touched", "by-hand");
  env.cluster.put(svc);

  const rel::Release r = env.upgrade(Value::map_of({{"replicas", 3}}));
  CHECK(r.version == 2);
  CHECK(r.info.description == "Upgrade complete");
  CHECK(env.statuses() == std::vector<std::string>{"1 superseded Install complete",
                                                   "2 deployed Upgrade complete"});
  const Value dep = env.live("Deployment", "demo");
  CHECK(dep.find_path({"spec", "replicas"})->number() == 3);
  const Value svc2 = env.live("Service", "demo-service");
  CHECK(str(svc2, {"spec", "clusterIP"}) == "10.96.0.10");
  CHECK(str(svc2, {"metadata", "labels", "touched"}) == "by-hand");
  // The unchanged Service was not written.
  CHECK(env.cluster.writes.back() == "update Deployment default/demo");
}

TEST_CASE("upgrade reuses the previous values when none are given", "[upgrade]") {
  Env env;
  env.install(Value::map_of({{"replicas", 2}}));
  env.upgrade();
  CHECK(env.live("Deployment", "demo").find_path({"spec", "replicas"})->number() == 2);
  CHECK(rel::release_content(env.storage, "demo").config.find("replicas")->number() == 2);
  // With values given, the old ones are dropped (chart defaults + new values).
  env.upgrade(Value::map_of({{"tag", "other"}}));
  CHECK(env.live("Deployment", "demo").find_path({"spec", "replicas"})->number() == 1);
  rel::UpgradeOptions reset;
  reset.reset_values = true;
  CHECK(rel::upgrade_values(rel::release_content(env.storage, "demo"), Value::empty_map(), reset,
                            nullptr)
            .values.size() == 0);
}

TEST_CASE("upgrade errors: no release, pending, failed apply", "[upgrade]") {
  Env env;
  CHECK_THROWS_WITH(env.upgrade(), "\"demo\" has no deployed releases");
  env.install();
  env.cluster.fail_create_kind = "ConfigMap";
  env.chart.extra = "---\n# Source: demo/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n"
                    "metadata:\n  name: cm\n";
  CHECK_THROWS_WITH(env.upgrade(Value::map_of({{"replicas", 2}})),
                    "failed to create resource: ConfigMap \"cm\" is invalid: injected");
  CHECK(env.statuses() ==
        std::vector<std::string>{"1 deployed Install complete",
                                 "2 failed Upgrade \"demo\" failed: failed to create resource: "
                                 "ConfigMap \"cm\" is invalid: injected"});
  // A failed last revision can still be upgraded; the deployed one is the base.
  env.cluster.fail_create_kind.clear();
  CHECK(env.upgrade(Value::map_of({{"replicas", 2}})).version == 3);
  rel::Release pending = *env.storage.get("demo", 3);
  pending.info.status = rel::Status::PendingUpgrade;
  env.storage.update(pending);
  CHECK_THROWS_WITH(env.upgrade(), "another operation (install/upgrade/rollback) is in progress");
}

TEST_CASE("upgrade deletes objects dropped from the chart unless kept", "[upgrade]") {
  Env env;
  env.chart.extra = "---\n# Source: demo/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n"
                    "metadata:\n  name: cm\n---\n# Source: demo/templates/keep.yaml\n"
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n  annotations:\n"
                    "    helm.sh/resource-policy: keep\n";
  env.install();
  CHECK(env.cluster.count("ConfigMap") == 2);
  env.chart.extra.clear();
  env.upgrade(Value::map_of({{"replicas", 1}}));
  CHECK(env.cluster.count("ConfigMap") == 1);
  CHECK(env.cluster.get({"v1", "ConfigMap", "default", "kept"}));
}

TEST_CASE("upgrade prunes history to --history-max", "[upgrade]") {
  Env env;
  env.install();
  rel::UpgradeOptions o;
  o.max_history = 3;
  for (int i = 2; i <= 6; ++i) env.upgrade(Value::map_of({{"replicas", i}}), o);
  std::vector<int> versions;
  for (const auto& r : rel::history(env.storage, "demo")) versions.push_back(r.version);
  CHECK(versions == std::vector<int>{4, 5, 6});
}

TEST_CASE("rollback copies the target revision into a new one", "[rollback]") {
  Env env;
  env.install();
  env.upgrade(Value::map_of({{"replicas", 3}}));
  env.upgrade(Value::map_of({{"replicas", 3}, {"tag", "other"}}));
  rel::RollbackOptions o;
  o.version = 1;
  const rel::Release r = rel::rollback(env.cfg, "demo", o);
  CHECK(r.version == 4);
  CHECK(env.statuses() == std::vector<std::string>{"1 superseded Install complete",
                                                   "2 superseded Upgrade complete",
                                                   "3 superseded Upgrade complete",
                                                   "4 deployed Rollback to 1"});
  const Value dep = env.live("Deployment", "demo");
  CHECK(dep.find_path({"spec", "replicas"})->number() == 1);
  CHECK(dep.find_path({"spec", "template", "spec", "containers"})
            ->list().items[0].get_string("image") == "demo:hello");
  CHECK(rel::release_content(env.storage, "demo").info.notes == "revision 1");
  o.version = 9;
  CHECK_THROWS_WITH(rel::rollback(env.cfg, "demo", o), "release has no 9 version");
  CHECK_THROWS_WITH(rel::rollback(env.cfg, "nope", {}), "release: not found");
  // Without a revision: the one before the last.
  CHECK(rel::rollback(env.cfg, "demo", {}).info.description == "Rollback to 3");
}

TEST_CASE("uninstall deletes objects in reverse order and purges records", "[uninstall]") {
  Env env;
  env.install();
  env.cluster.writes.clear();
  const rel::UninstallResult res = rel::uninstall(env.cfg, "demo", {});
  CHECK(res.release->info.status == rel::Status::Uninstalled);
  CHECK(env.cluster.writes == std::vector<std::string>{"delete Service default/demo-service",
                                                       "delete Deployment default/demo"});
  CHECK(env.storage.list_all().empty());
  CHECK_THROWS_WITH(rel::uninstall(env.cfg, "demo", {}),
                    "uninstall: Release not loaded: demo: release: not found");
  rel::UninstallOptions ignore;
  ignore.ignore_not_found = true;
  CHECK_FALSE(rel::uninstall(env.cfg, "demo", ignore).release);
}

TEST_CASE("uninstall --keep-history keeps records; list --uninstalled shows them", "[uninstall]") {
  Env env;
  env.install();
  env.upgrade(Value::map_of({{"replicas", 2}}));
  rel::UninstallOptions keep;
  keep.keep_history = true;
  rel::uninstall(env.cfg, "demo", keep);
  CHECK(env.statuses() == std::vector<std::string>{"1 superseded Install complete",
                                                   "2 uninstalled Uninstallation complete"});
  CHECK(env.cluster.count("Deployment") == 0);
  CHECK(rel::list(env.storage, {}).empty());
  rel::ListOptions uninstalled;
  uninstalled.uninstalled = true;
  const auto listed = rel::list(env.storage, uninstalled);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].version == 2);
  CHECK_THROWS_WITH(rel::uninstall(env.cfg, "demo", keep),
                    "the release named \"demo\" is already deleted");
  // The name can be installed again only with --replace.
  CHECK_THROWS_WITH(env.install(), "cannot re-use a name that is still in use");
  rel::InstallOptions replace;
  replace.release_name = "demo";
  replace.replace = true;
  CHECK(rel::install(env.cfg, env.render(), Value::empty_map(), replace).version == 3);
}

TEST_CASE("list filters by state, name regex and sorts", "[list]") {
  Env env;
  env.install();
  rel::InstallOptions other;
  other.release_name = "alpha";
  rel::install(env.cfg, [](const rel::RenderRequest&) { return rel::RenderedChart{}; },
               Value::empty_map(), other);
  auto names = [](const std::vector<rel::Release>& rs) {
    std::vector<std::string> out;
    for (const auto& r : rs) out.push_back(r.name);
    return out;
  };
  CHECK(names(rel::list(env.storage, {})) == std::vector<std::string>{"alpha", "demo"});
  rel::ListOptions o;
  o.reverse = true;
  CHECK(names(rel::list(env.storage, o)) == std::vector<std::string>{"demo", "alpha"});
  o = {};
  o.filter = "^de";
  CHECK(names(rel::list(env.storage, o)) == std::vector<std::string>{"demo"});
  o = {};
  o.selector = "name!=demo";
  CHECK(names(rel::list(env.storage, o)) == std::vector<std::string>{"alpha"});
  o = {};
  o.superseded = true;
  CHECK(rel::list(env.storage, o).empty());
  o = {};
  o.filter = "(";
  CHECK_THROWS_WITH(rel::list(env.storage, o), Catch::StartsWith("error parsing regexp: "));
}

TEST_CASE("history --max keeps the newest revisions", "[history]") {
  Env env;
  env.install();
  env.upgrade(Value::map_of({{"replicas", 2}}));
  env.upgrade(Value::map_of({{"replicas", 3}}));
  const auto h = rel::history(env.storage, "demo", 2);
  REQUIRE(h.size() == 2);
  CHECK(h[0].version == 2);
  CHECK(h[1].version == 3);
  CHECK_THROWS_WITH(rel::history(env.storage, "nope"), "release: not found");
  CHECK_THROWS_WITH(rel::history(env.storage, "No"), "release name is invalid: No");
}

TEST_CASE("--take-ownership adopts objects that belong to no release", "[install]") {
  Env env;
  env.cluster.put(Value::map_of({{"apiVersion", "v1"},
                                 {"kind", "Service"},
                                 {"metadata", Value::map_of({{"name", "demo-service"},
                                                             {"namespace", "default"}})},
                                 {"spec", Value::map_of({{"clusterIP", "10.0.0.9"}})}}));
  rel::InstallOptions o;
  o.release_name = "demo";
  o.take_ownership = true;
  rel::install(env.cfg, env.render(), Value::empty_map(), o);
  const Value svc = env.live("Service", "demo-service");
  CHECK(str(svc, {"metadata", "annotations", "meta.helm.sh/release-name"}) == "demo");
  CHECK(str(svc, {"spec", "clusterIP"}) == "10.0.0.9");
  CHECK(env.cluster.writes == std::vector<std::string>{"update Service default/demo-service",
                                                       "create Deployment default/demo"});
}

TEST_CASE("uninstall --cascade passes the propagation policy on", "[uninstall]") {
  Env env;
  env.install();
  env.cluster.writes.clear();
  rel::UninstallOptions o;
  o.cascade = rel::Propagation::Orphan;
  rel::uninstall(env.cfg, "demo", o);
  CHECK(env.cluster.writes == std::vector<std::string>{
                                  "orphan Service default/demo-service",
                                  "delete Service default/demo-service",
                                  "orphan Deployment default/demo", "delete Deployment default/demo"});
}
