// The repository client against real servers on 127.0.0.1: repo add/list/update/remove,
// search, pull (version ranges, --devel, --untar), basic auth and where credentials go
// (CVE-2021-32690), redirects, and TLS (--ca-file, client certificates,
// --insecure-skip-tls-verify).
#include <catch2/catch.hpp>

#include "core/error.h"
#include "repo/chart_repo.h"
#include "repo/digest.h"
#include "repo/downloader.h"
#include "repo/index.h"
#include "repo/pull.h"
#include "repo/search.h"
#include "repo/test_support.h"

namespace {

namespace fs = std::filesystem;
namespace repo = capstan::repo;
using capstan::Error;
using capstan::testing::read_file;
using repo::testing::Home;
using repo::testing::packaged;
using repo::testing::ScriptedServer;
using repo::testing::Served;

std::string add(Home& h, const std::string& name, const std::string& url,
                repo::Entry extra = {}) {
  repo::RepoAddOptions o;
  o.entry = extra;
  o.entry.name = name;
  o.entry.url = url;
  return repo::repo_add(o, h.settings);
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST_CASE("repo add writes repositories.yaml and the cache as Helm does") {
  Served served;
  Home h;
  CHECK(add(h, "myrepo", served.url()) == "\"myrepo\" has been added to your repositories\n");
  CHECK(read_file(h.settings.repository_config) ==
        "apiVersion: \"\"\ngenerated: \"0001-01-01T00:00:00Z\"\nrepositories:\n- caFile: \"\"\n"
        "  certFile: \"\"\n  insecure_skip_tls_verify: false\n  keyFile: \"\"\n  name: myrepo\n"
        "  pass_credentials_all: false\n  password: \"\"\n  url: " +
            served.url() + "\n  username: \"\"\n");
  CHECK(fs::status(h.settings.repository_config).permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(read_file(h.settings.repository_cache / "myrepo-charts.txt") == "alpine\nnginx\n");
  const repo::IndexFile idx =
      repo::load_index_file((h.settings.repository_cache / "myrepo-index.yaml").string());
  CHECK(idx.get("alpine", "").urls[0] == "charts/alpine-0.2.0.tgz");

  CHECK(add(h, "myrepo", served.url()) ==
        "\"myrepo\" already exists with the same configuration, skipping\n");
  CHECK(error_of([&] { add(h, "myrepo", served.url() + "/other"); }) ==
        "repository name (myrepo) already exists, please specify a different name");
  CHECK(error_of([&] { add(h, "my/repo", served.url()); }) ==
        "repository name (my/repo) contains '/', please specify a different name without '/'");
  CHECK(error_of([&] { add(h, "old", "https://kubernetes-charts.storage.googleapis.com"); }) ==
        "repo \"https://kubernetes-charts.storage.googleapis.com\" is no longer available; try "
        "\"https://charts.helm.sh/stable\" instead");
  CHECK(error_of([&] { add(h, "ftp", "ftp://example.com/charts"); }) ==
        "looks like \"ftp://example.com/charts\" is not a valid chart repository or cannot be "
        "reached: could not find protocol handler for: ftp");
}

TEST_CASE("repo add refuses what is not a repository, and nothing is written") {
  ScriptedServer bad;
  bad.put("/index.yaml", "apiVersion: v1\nentries:\n  a:\n  - name: a\n    name: b\n");
  Home h;
  CHECK(error_of([&] { add(h, "bad", bad.url()); }) ==
        "looks like \"" + bad.url() +
            "\" is not a valid chart repository or cannot be reached: error converting YAML to "
            "JSON: yaml: unmarshal errors:\n  line 5: key \"name\" already set in map");
  CHECK(error_of([&] { add(h, "missing", bad.url() + "/nothing"); }) ==
        "looks like \"" + bad.url() + "/nothing\" is not a valid chart repository or cannot be "
        "reached: failed to fetch " + bad.url() + "/nothing/index.yaml : 404 Not Found");
  CHECK_FALSE(fs::exists(h.settings.repository_config));
}

TEST_CASE("repo list, update and remove") {
  Served served;
  Home h;
  CHECK(error_of([&] { repo::repo_list(h.settings, repo::OutputFormat::Table); }) ==
        "no repositories to show");
  CHECK(repo::repo_list(h.settings, repo::OutputFormat::Json) == "[]\n");
  add(h, "myrepo", served.url());
  add(h, "second", served.url() + "/");
  const std::string u = served.url();
  CHECK(repo::repo_list(h.settings, repo::OutputFormat::Table) ==
        "NAME  \tURL" + std::string(u.size() - 2, ' ') + "\nmyrepo\t" + u + " \nsecond\t" + u + "/\n");
  CHECK(repo::repo_list(h.settings, repo::OutputFormat::Json) ==
        "[{\"name\":\"myrepo\",\"url\":\"" + u + "\"},{\"name\":\"second\",\"url\":\"" + u + "/\"}]\n");
  CHECK(repo::repo_list(h.settings, repo::OutputFormat::Yaml) ==
        "- name: myrepo\n  url: " + u + "\n- name: second\n  url: " + u + "/\n");

  h.take_out();
  repo::RepoUpdateOptions up;
  repo::repo_update(up, h.settings);
  CHECK(h.take_out() ==
        "Hang tight while we grab the latest from your chart repositories...\n"
        "...Successfully got an update from the \"myrepo\" chart repository\n"
        "...Successfully got an update from the \"second\" chart repository\n"
        "Update Complete. \u2388Happy Helming!\u2388\n");
  up.names = {"nope"};
  CHECK(error_of([&] { repo::repo_update(up, h.settings); }) ==
        "no repositories found matching 'nope'.  Nothing will be updated");

  repo::repo_remove({"second"}, h.settings);
  CHECK(h.take_out() == "\"second\" has been removed from your repositories\n");
  CHECK_FALSE(fs::exists(h.settings.repository_cache / "second-index.yaml"));
  CHECK_FALSE(fs::exists(h.settings.repository_cache / "second-charts.txt"));
  CHECK(error_of([&] { repo::repo_remove({"second"}, h.settings); }) ==
        "no repo named \"second\" found");
  repo::repo_remove({"myrepo"}, h.settings);
  CHECK(read_file(h.settings.repository_config).find("repositories: []\n") != std::string::npos);
  CHECK(error_of([&] { repo::repo_remove({"myrepo"}, h.settings); }) == "no repositories configured");
  CHECK(error_of([&] { repo::repo_update({}, h.settings); }) ==
        "no repositories found. You must add one before updating");
}

TEST_CASE("repo update reports a repository that fails and goes on") {
  Served served;
  Home h;
  add(h, "good", served.url());
  {
    ScriptedServer gone;
    gone.put("/index.yaml", read_file(h.settings.repository_cache / "good-index.yaml"));
    add(h, "gone", gone.url());
  }
  h.take_out();
  repo::RepoUpdateOptions up;
  repo::repo_update(up, h.settings);
  const std::string out = h.take_out();
  CHECK(out.find("...Successfully got an update from the \"good\" chart repository\n") != std::string::npos);
  CHECK(out.find("...Unable to get an update from the \"gone\" chart repository (http://127.0.0.1:") != std::string::npos);
  up.fail_on_repo_update_fail = true;
  CHECK(error_of([&] { repo::repo_update(up, h.settings); }).rfind("Failed to update the following repositories: [http://127.0.0.1:", 0) == 0);
}

std::string search(Home& h, repo::SearchOptions o) { return repo::search_repo(o, h.settings); }

TEST_CASE("search repo: terms, regexps, versions, constraints and output formats") {
  Served served;
  Home h;
  CHECK(error_of([&] { search(h, {}); }) == "no repositories configured");
  add(h, "myrepo", served.url());
  CHECK(search(h, {}) ==
        "NAME         \tCHART VERSION\tAPP VERSION\tDESCRIPTION                                       \n"
        "myrepo/alpine\t0.2.0        \t3.19       \tDeploy a basic Alpine Linux pod                   \n"
        "myrepo/nginx \t1.2.3        \t1.25.3     \tAn NGINX web server [31mwith a hidden colour[0m...\n");
  repo::SearchOptions o;
  o.terms = {"alpine"};
  o.versions = true;
  o.format = repo::OutputFormat::Json;
  CHECK(search(h, o) ==
        "[{\"name\":\"myrepo/alpine\",\"version\":\"0.2.0\",\"app_version\":\"3.19\",\"description\":"
        "\"Deploy a basic Alpine Linux pod\"},{\"name\":\"myrepo/alpine\",\"version\":\"0.1.0\","
        "\"app_version\":\"3.18\",\"description\":\"Deploy a basic Alpine Linux pod\"}]\n");
  o.devel = true;
  o.versions = false;
  o.format = repo::OutputFormat::Yaml;
  CHECK(search(h, o) ==
        "- app_version: \"3.20\"\n  description: Deploy a basic Alpine Linux pod\n  name: "
        "myrepo/alpine\n  version: 1.0.0-rc.1\n");
  repo::SearchOptions c;
  c.terms = {"alpine"};
  c.version = "^0.1";
  c.format = repo::OutputFormat::Json;
  CHECK(search(h, c).find("\"version\":\"0.1.0\"") != std::string::npos);
  c.version = "not a constraint";
  CHECK(error_of([&] { search(h, c); }) ==
        "an invalid version/constraint format: improper constraint: not a constraint");
  // A keyword matches (score 3), the description's "web" too; the name field ranks first.
  repo::SearchOptions kw;
  kw.terms = {"PROXY"};
  kw.format = repo::OutputFormat::Json;
  CHECK(search(h, kw).find("myrepo/nginx") != std::string::npos);
  repo::SearchOptions re;
  re.regexp = true;
  re.terms = {"^ngi"};
  re.format = repo::OutputFormat::Json;
  CHECK(search(h, re).find("\"name\":\"myrepo/nginx\"") != std::string::npos);
  CHECK(search(h, re).find("alpine") == std::string::npos);
  re.terms = {"ng("};
  CHECK(error_of([&] { search(h, re); }) == "error parsing regexp: missing closing ): `ng(`");
  repo::SearchOptions none;
  none.terms = {"zzz"};
  CHECK(search(h, none) == "No results found\n");
  none.fail_on_no_result = true;
  CHECK(error_of([&] { search(h, none); }) == "no results found");
}

TEST_CASE("search repo: printed fields carry no terminal escapes (CVE-2021-21303)") {
  ScriptedServer s;
  s.put("/index.yaml",
        "apiVersion: v1\nentries:\n  spoof:\n  - name: spoof\n    version: 1.0.0\n"
        "    appVersion: \"1\\e]0;owned\\a\"\n    description: \"ok\\e[2J\\e[1;1Hfake prompt $\\r\"\n"
        "    urls: [spoof-1.0.0.tgz]\n");
  Home h;
  add(h, "s", s.url());
  const std::string out = search(h, {});
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\a') == std::string::npos);
  CHECK(out.find('\r') == std::string::npos);
  CHECK(out.find("ok[2J[1;1Hfake prompt $ ") != std::string::npos);
}

TEST_CASE("search repo: a corrupt cache is skipped with Helm's warnings") {
  Served served;
  Home h;
  add(h, "myrepo", served.url());
  add(h, "broken", served.url());
  capstan::testing::write_file(h.settings.repository_cache / "broken-index.yaml", "entries: [\n");
  CHECK(search(h, {}).find("myrepo/alpine") != std::string::npos);
  CHECK(h.warn.str().rfind("WARNING: Repo \"broken\" is corrupt or missing. Try 'helm repo update'.\n"
                           "WARNING: error loading ", 0) == 0);
}

std::string pull(Home& h, const std::string& ref, repo::PullOptions o) {
  return repo::pull(ref, o, h.settings);
}

TEST_CASE("pull: version ranges as Masterminds reads them, --devel, -d") {
  Served served;
  Home h;
  add(h, "myrepo", served.url());
  repo::PullOptions o;
  o.dest_dir = h.path("out").string();
  pull(h, "myrepo/alpine", o);
  CHECK(read_file(h.path("out/alpine-0.2.0.tgz")) == packaged("alpine-0.2.0.tgz"));
  for (const auto& [range, file] : std::vector<std::pair<std::string, std::string>>{
           {"~0.1.0", "alpine-0.1.0.tgz"},
           {">=0.1.0 <0.2.0", "alpine-0.1.0.tgz"},
           {"0.1.x", "alpine-0.1.0.tgz"},
           {"^0", "alpine-0.2.0.tgz"},
           {"<0.2.0 || >=1.0.0-0", "alpine-1.0.0-rc.1.tgz"},
           {"1.0.0-rc.1", "alpine-1.0.0-rc.1.tgz"}}) {
    INFO(range);
    fs::remove_all(h.path("out"));
    o.chart.version = range;
    pull(h, "myrepo/alpine", o);
    CHECK(fs::exists(h.path("out/" + file)));
  }
  fs::remove_all(h.path("out"));
  o.chart.version.clear();
  o.chart.devel = true;
  pull(h, "myrepo/alpine", o);
  CHECK(fs::exists(h.path("out/alpine-1.0.0-rc.1.tgz")));
  o.chart.devel = false;
  o.chart.version = "2.x";
  CHECK(error_of([&] { pull(h, "myrepo/alpine", o); }) ==
        "chart \"alpine\" matching 2.x not found in myrepo index. (try 'helm repo update'): no "
        "chart version found for alpine-2.x");
  o.chart.version.clear();
  CHECK(error_of([&] { pull(h, "nope/alpine", o); }) == "repo nope not found");
  CHECK(error_of([&] { pull(h, "alpine", o); }) ==
        "non-absolute URLs should be in form of repo_name/path_to_chart, got: alpine");
  CHECK(error_of([&] { pull(h, "myrepo/zzz", o); }) ==
        "chart \"zzz\" matching  not found in myrepo index. (try 'helm repo update'): no chart "
        "name found");
}

TEST_CASE("pull: --untar after download, --untardir, refusing to overwrite") {
  Served served;
  Home h;
  add(h, "myrepo", served.url());
  repo::PullOptions o;
  o.dest_dir = h.path("out").string();
  o.untar = true;
  pull(h, "myrepo/alpine", o);
  CHECK(read_file(h.path("out/alpine/Chart.yaml")).find("version: 0.2.0") != std::string::npos);
  CHECK(fs::exists(h.path("out/alpine/templates/configmap.yaml")));
  CHECK_FALSE(fs::exists(h.path("out/alpine-0.2.0.tgz")));
  CHECK(error_of([&] { pull(h, "myrepo/alpine", o); }) ==
        "failed to untar: a file or directory with the name " + h.path("out/alpine").string() +
            " already exists");
  o.untar_dir = "unpacked";
  pull(h, "myrepo/nginx", o);
  CHECK(fs::exists(h.path("out/unpacked/nginx/Chart.yaml")));
  o.untar_dir = h.path("abs").string();
  pull(h, "myrepo/nginx", o);
  CHECK(fs::exists(h.path("abs/nginx/values.yaml")));
}

TEST_CASE("pull: --repo URL without adding it, and absolute chart URLs") {
  Served served;
  Home h;
  repo::PullOptions o;
  o.dest_dir = h.path("out").string();
  o.chart.repo_url = served.url();
  o.chart.version = "0.1.0";
  pull(h, "alpine", o);
  CHECK(read_file(h.path("out/alpine-0.1.0.tgz")) == packaged("alpine-0.1.0.tgz"));
  // The temporary cache entry is gone.
  for (const auto& e : fs::directory_iterator(h.settings.repository_cache))
    CHECK(e.path().filename().string().find("-index.yaml") == std::string::npos);
  o.chart.version = "9";
  CHECK(error_of([&] { pull(h, "alpine", o); }) ==
        "chart \"alpine\" version \"9\" not found in " + served.url() + " repository");
  repo::PullOptions direct;
  direct.dest_dir = h.path("direct").string();
  pull(h, served.url() + "/charts/nginx-1.2.3.tgz", direct);
  CHECK(read_file(h.path("direct/nginx-1.2.3.tgz")) == packaged("nginx-1.2.3.tgz"));
  CHECK(error_of([&] { pull(h, served.url() + "/charts/zzz-1.tgz", direct); }) ==
        "failed to fetch " + served.url() + "/charts/zzz-1.tgz : 404 Not Found");
}

// A repository behind basic auth whose index also lists a chart on another host.
struct CrossHost {
  ScriptedServer a, b;
  CrossHost() {
    a.require_auth("alice", "s3cret");
    const std::string index =
        "apiVersion: v1\nentries:\n"
        "  alpine:\n  - name: alpine\n    version: 0.2.0\n    urls:\n    - " + b.url() + "/alpine-0.2.0.tgz\n"
        "  nginx:\n  - name: nginx\n    version: 1.2.3\n    urls:\n    - nginx-1.2.3.tgz\n"
        "  moved:\n  - name: alpine\n    version: 0.1.0\n    urls:\n    - moved.tgz\n";
    a.put("/index.yaml", index);
    a.put("/nginx-1.2.3.tgz", packaged("nginx-1.2.3.tgz"));
    a.put("/moved.tgz", "REDIRECT " + b.url() + "/alpine-0.1.0.tgz");
    b.put("/alpine-0.2.0.tgz", packaged("alpine-0.2.0.tgz"));
    b.put("/alpine-0.1.0.tgz", packaged("alpine-0.1.0.tgz"));
  }
  // The Authorization header of the last request for `path`.
  static std::string auth_of(ScriptedServer& s, const std::string& path) {
    std::string out = "(no request)";
    for (const auto& [p, a] : s.requests()) {
      if (p == path)
        out = a;
    }
    return out;
  }
};

TEST_CASE("credentials go only to the repository's scheme, host and port (CVE-2021-32690)") {
  CrossHost x;
  Home h;
  CHECK(error_of([&] { add(h, "a", x.a.url()); }) ==
        "looks like \"" + x.a.url() + "\" is not a valid chart repository or cannot be reached: "
        "failed to fetch " + x.a.url() + "/index.yaml : 401 Unauthorized");
  repo::Entry creds;
  creds.username = "alice";
  creds.password = "s3cret";
  add(h, "a", x.a.url(), creds);
  const std::string basic = "Basic YWxpY2U6czNjcmV0";
  CHECK(CrossHost::auth_of(x.a, "/index.yaml") == basic);
  repo::PullOptions o;
  o.dest_dir = h.path("out").string();
  pull(h, "a/nginx", o);
  CHECK(CrossHost::auth_of(x.a, "/nginx-1.2.3.tgz") == basic);
  pull(h, "a/alpine", o);
  CHECK(CrossHost::auth_of(x.b, "/alpine-0.2.0.tgz") == "");
  // A redirect to the other host loses the credentials too.
  pull(h, "a/moved", o);
  CHECK(CrossHost::auth_of(x.a, "/moved.tgz") == basic);
  CHECK(CrossHost::auth_of(x.b, "/alpine-0.1.0.tgz") == "");
  CHECK(fs::exists(h.path("out/moved.tgz")));  // named after the URL asked for, as Helm does
}

TEST_CASE("--pass-credentials sends them everywhere, as asked") {
  CrossHost x;
  Home h;
  repo::Entry creds;
  creds.username = "alice";
  creds.password = "s3cret";
  creds.pass_credentials_all = true;
  add(h, "a", x.a.url(), creds);
  repo::PullOptions o;
  o.dest_dir = h.path("out").string();
  pull(h, "a/alpine", o);
  CHECK(CrossHost::auth_of(x.b, "/alpine-0.2.0.tgz") == "Basic YWxpY2U6czNjcmV0");
}

TEST_CASE("--repo with credentials: the chart on another host gets none") {
  CrossHost x;
  Home h;
  repo::PullOptions o;
  o.dest_dir = h.path("out").string();
  o.chart.repo_url = x.a.url();
  o.chart.username = "alice";
  o.chart.password = "s3cret";
  pull(h, "alpine", o);
  CHECK(CrossHost::auth_of(x.b, "/alpine-0.2.0.tgz") == "");
  repo::LocatedChart located = repo::locate_chart("alpine", o.chart, h.settings);
  CHECK(located.path.filename() == "alpine-0.2.0.tgz");
  CHECK(CrossHost::auth_of(x.b, "/alpine-0.2.0.tgz") == "");
}

TEST_CASE("TLS: --ca-file, client certificates, --insecure-skip-tls-verify") {
  capstan::testing::TempDir certs;
  repo::testing::Pki pki(certs.path());
  pki.issue("server", "127.0.0.1");
  pki.issue("client", "");
  const std::string index = read_file(capstan::testing::testdata("repo/index/load/basic.yaml"));
  ScriptedServer tls(std::make_unique<httplib::SSLServer>(pki.crt("server").c_str(),
                                                           pki.key("server").c_str()),
                     true);
  tls.put("/index.yaml", index);
  Home h;
  const std::string refused = error_of([&] { add(h, "tls", tls.url()); });
  CHECK(refused.find("certificate") != std::string::npos);
  repo::Entry ca;
  ca.ca_file = pki.crt("ca").string();
  CHECK(add(h, "tls", tls.url(), ca) == "\"tls\" has been added to your repositories\n");
  repo::Entry insecure;
  insecure.insecure_skip_tls_verify = true;
  CHECK(add(h, "tls2", tls.url(), insecure) == "\"tls2\" has been added to your repositories\n");

  ScriptedServer mtls(std::make_unique<httplib::SSLServer>(pki.crt("server").c_str(),
                                                            pki.key("server").c_str(),
                                                            pki.crt("ca").c_str()),
                      true);
  mtls.put("/index.yaml", index);
  CHECK(error_of([&] { add(h, "mtls", mtls.url(), ca); }) != "(no error)");
  repo::Entry client = ca;
  client.cert_file = pki.crt("client").string();
  client.key_file = pki.key("client").string();
  CHECK(add(h, "mtls", mtls.url(), client) == "\"mtls\" has been added to your repositories\n");
  CHECK(read_file(h.settings.repository_config).find("certFile: " + client.cert_file) != std::string::npos);
}

}  // namespace
