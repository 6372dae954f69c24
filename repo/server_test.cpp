// `repo serve` as a real server on 127.0.0.1 with real clients: Helm's GETs, ChartMuseum's API
// and its overwrite rules, basic auth, `push`, and many concurrent uploads with nothing lost.
#include <catch2/catch.hpp>
#include <thread>

#include "core/error.h"
#include "core/json.h"
#include "repo/chart_repo.h"
#include "repo/digest.h"
#include "repo/getter.h"
#include "repo/index.h"
#include "repo/push.h"
#include "repo/test_support.h"

namespace {

namespace fs = std::filesystem;
namespace repo = capstan::repo;
using capstan::Error;
using repo::testing::Home;
using repo::testing::make_tgz;
using repo::testing::packaged;
using repo::testing::Served;

std::string tiny_chart(const std::string& name, const std::string& version) {
  return make_tgz({{name + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n"},
                   {name + "/templates/cm.yaml", "kind: ConfigMap\n"}});
}

repo::HttpResponse post(const std::string& url, const std::string& body,
                        const repo::GetterOptions& o = {}) {
  return repo::http_request("POST", url, o, body, "application/octet-stream");
}

repo::HttpResponse get(const std::string& url, const repo::GetterOptions& o = {}) {
  return repo::http_request("GET", url, o);
}

TEST_CASE("serve: the directory's charts as a Helm repository") {
  Served s;
  const repo::IndexFile idx = repo::load_index(get(s.url() + "/index.yaml").body);
  CHECK(idx.entries.size() == 2);  // alpine, nginx (notachart is skipped)
  const auto& v = idx.get("alpine", "0.1.0");
  CHECK(v.urls[0] == "charts/alpine-0.1.0.tgz");
  CHECK(v.digest == repo::sha256_hex(packaged("alpine-0.1.0.tgz")));
  CHECK(get(s.url() + "/charts/alpine-0.1.0.tgz").body == packaged("alpine-0.1.0.tgz"));
  CHECK(get(s.url() + "/charts/nope-1.tgz").status == 404);
  CHECK(get(s.url() + "/charts/..%2Findex.yaml").status == 404);
  CHECK(get(s.url() + "/health").body == "{\"healthy\":true}");
  const capstan::Value all = capstan::json::decode(get(s.url() + "/api/charts").body);
  CHECK(all.find("alpine")->size() == 3);
  CHECK(get(s.url() + "/api/charts/alpine/latest").body.find("\"version\":\"0.2.0\"") != std::string::npos);
  CHECK(get(s.url() + "/api/charts/alpine/0.1.0").body.find("\"digest\":\"" + std::string(v.digest.substr(0, 8))) != std::string::npos);
  CHECK(get(s.url() + "/api/charts/zzz").body == "{\"error\":\"chart not found\"}");
  CHECK(get(s.url() + "/api/charts/alpine/9.9.9").body ==
        "{\"error\":\"no chart version found for alpine-9.9.9\"}");
}

TEST_CASE("serve: uploads (raw and multipart), overwrite rules, delete") {
  Served s;
  const std::string chart = tiny_chart("fresh", "0.1.0");
  auto r = post(s.url() + "/api/charts", chart);
  CHECK(r.status == 201);
  CHECK(r.body == "{\"saved\":true}");
  CHECK(fs::exists(s.dir.path() / "fresh-0.1.0.tgz"));
  CHECK(repo::load_index(get(s.url() + "/index.yaml").body).has("fresh", "0.1.0"));
  r = post(s.url() + "/api/charts", chart);
  CHECK(r.status == 409);
  CHECK(r.body == "{\"error\":\"file already exists\"}");
  CHECK(post(s.url() + "/api/charts?force", chart).status == 201);
  r = repo::http_request("POST", s.url() + "/api/charts", {}, {}, {},
                         {{"chart", "x.tgz", "application/gzip", chart}});
  CHECK(r.status == 409);
  CHECK(r.body == "{\"error\":\"chart already exists\"}");
  r = repo::http_request("POST", s.url() + "/api/charts", {}, {}, {},
                         {{"chart", "x.tgz", "application/gzip", tiny_chart("multi", "1.0.0")},
                          {"prov", "x.prov", "text/plain",
                           "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nname: multi\nversion: 1.0.0\n\n...\nfiles: {}\n"}});
  CHECK(r.status == 201);
  CHECK(fs::exists(s.dir.path() / "multi-1.0.0.tgz.prov"));
  CHECK(get(s.url() + "/charts/multi-1.0.0.tgz.prov").status == 200);
  // Not a chart, a traversal name, a bomb: refused, nothing written.
  r = post(s.url() + "/api/charts", "not a chart");
  CHECK(r.status == 500);
  CHECK(r.body == "{\"error\":\"gzip: invalid header\"}");
  r = post(s.url() + "/api/charts", make_tgz({{"evil/Chart.yaml", "apiVersion: v2\nname: ../evil\nversion: 1.0.0\n"}}));
  CHECK(r.status == 500);
  CHECK(r.body.find("chart.metadata.name \\\"../evil\\\" is invalid") != std::string::npos);
  CHECK(fs::exists(s.dir.path() / ".." / "evil-1.0.0.tgz") == false);
  r = repo::http_request("DELETE", s.url() + "/api/charts/multi/1.0.0", {});
  CHECK(r.status == 200);
  CHECK(r.body == "{\"deleted\":true}");
  CHECK_FALSE(fs::exists(s.dir.path() / "multi-1.0.0.tgz"));
  CHECK_FALSE(fs::exists(s.dir.path() / "multi-1.0.0.tgz.prov"));
  CHECK_FALSE(repo::load_index(get(s.url() + "/index.yaml").body).has("multi", "1.0.0"));
  CHECK(repo::http_request("DELETE", s.url() + "/api/charts/multi/1.0.0", {}).status == 404);
}

TEST_CASE("serve: --allow-overwrite and --disable-force-overwrite") {
  repo::ServerOptions allow;
  allow.allow_overwrite = true;
  Served a(allow);
  const std::string chart = tiny_chart("c", "1.0.0");
  CHECK(post(a.url() + "/api/charts", chart).status == 201);
  CHECK(post(a.url() + "/api/charts", chart).status == 201);
  repo::ServerOptions strict;
  strict.disable_force_overwrite = true;
  Served b(strict);
  CHECK(post(b.url() + "/api/charts", chart).status == 201);
  CHECK(post(b.url() + "/api/charts?force", chart).status == 409);
}

TEST_CASE("serve: basic auth, with anonymous GETs on request") {
  repo::ServerOptions o;
  o.username = "ci";
  o.password = "token";
  Served s(o);
  CHECK(get(s.url() + "/index.yaml").status == 401);
  CHECK(get(s.url() + "/health").status == 200);
  repo::GetterOptions creds;
  creds.url = s.url();
  creds.username = "ci";
  creds.password = "token";
  CHECK(get(s.url() + "/index.yaml", creds).status == 200);
  CHECK(post(s.url() + "/api/charts", tiny_chart("c", "1.0.0")).status == 401);
  CHECK(post(s.url() + "/api/charts", tiny_chart("c", "1.0.0"), creds).status == 201);
  Home h;
  repo::RepoAddOptions add;
  add.entry = {"authed", s.url(), "ci", "token", "", "", "", false, false};
  CHECK(repo::repo_add(add, h.settings) == "\"authed\" has been added to your repositories\n");

  o.auth_anonymous_get = true;
  Served anon(o);
  CHECK(get(anon.url() + "/index.yaml").status == 200);
  CHECK(post(anon.url() + "/api/charts", tiny_chart("c", "1.0.0")).status == 401);
}

TEST_CASE("push: a chart and its .prov to the server, by URL or repository name") {
  repo::ServerOptions o;
  o.username = "ci";
  o.password = "token";
  Served s(o, false);
  Home h;
  capstan::testing::write_file(h.path("c-1.0.0.tgz"), tiny_chart("c", "1.0.0"));
  capstan::testing::write_file(h.path("c-1.0.0.tgz.prov"),
                               "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nname: c\nversion: 1.0.0\n\n...\nfiles: {}\n");
  repo::PushOptions p;
  CHECK_THROWS_WITH(repo::push_chart(h.path("c-1.0.0.tgz"), s.url(), p, h.settings),
                    "failed to push c-1.0.0.tgz: 401 Unauthorized: unauthorized");
  p.http.username = "ci";
  p.http.password = "token";
  CHECK(repo::push_chart(h.path("c-1.0.0.tgz"), s.url(), p, h.settings) ==
        "Pushing c-1.0.0.tgz to " + s.url() + "...\nDone.\n");
  CHECK(fs::exists(s.dir.path() / "c-1.0.0.tgz.prov"));
  CHECK_THROWS_WITH(repo::push_chart(h.path("c-1.0.0.tgz"), s.url(), p, h.settings),
                    "failed to push c-1.0.0.tgz: 409 Conflict: chart already exists");
  p.force = true;
  CHECK(repo::push_chart(h.path("c-1.0.0.tgz"), s.url(), p, h.settings).find("Done.") != std::string::npos);
  repo::RepoAddOptions add;
  add.entry = {"team", s.url(), "ci", "token", "", "", "", false, false};
  repo::repo_add(add, h.settings);
  capstan::testing::write_file(h.path("d-2.0.0.tgz"), tiny_chart("d", "2.0.0"));
  CHECK(repo::push_chart(h.path("d-2.0.0.tgz"), "team", {}, h.settings) ==
        "Pushing d-2.0.0.tgz to team...\nDone.\n");
  capstan::testing::write_file(h.path("bad.tgz"), "junk");
  CHECK_THROWS_WITH(repo::push_chart(h.path("bad.tgz"), "team", {}, h.settings), "gzip: invalid header");
  CHECK_THROWS_WITH(repo::push_chart(h.path("d-2.0.0.tgz"), "nope", {}, h.settings), "repo nope not found");
}

TEST_CASE("serve: concurrent uploads all land in the index, which matches the files") {
  Served s({}, false);
  constexpr int kThreads = 8, kPerThread = 12;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        // Half the uploads add versions of one shared chart, half a chart of their own.
        const std::string name = i % 2 == 0 ? "shared" : "own" + std::to_string(t);
        const std::string version = "1." + std::to_string(t) + "." + std::to_string(i);
        try {
          if (post(s.url() + "/api/charts", tiny_chart(name, version)).status != 201)
            ++failures[t];
        } catch (const Error&) {
          ++failures[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) CHECK(f == 0);
  const repo::IndexFile idx = repo::load_index(get(s.url() + "/index.yaml").body);
  std::size_t versions = 0;
  for (const auto& [name, vs] : idx.entries) versions += vs.size();
  CHECK(versions == kThreads * kPerThread);
  CHECK(idx.entries.at("shared").size() == kThreads * kPerThread / 2);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(s.dir.path())) files += e.path().extension() == ".tgz";
  CHECK(files == versions);
  // A restarted server over the same directory serves the same index.
  repo::ServerOptions again;
  again.dir = s.dir.path();
  again.port = 0;
  again.now = repo::fixed_now(repo::testing::kNow);
  repo::RepoServer restarted(again);
  restarted.start_background();
  CHECK(repo::load_index(get(restarted.url() + "/index.yaml").body).to_yaml() == idx.to_yaml());
}

}  // namespace
