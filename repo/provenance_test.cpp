// Provenance with GnuPG through GPGME: keys made in a temporary GnuPG home, a .prov as Helm
// writes it (Chart.yaml metadata, "...", the archive's sha256, clear-signed with SHA-512),
// verify against a keyring, and what fails: another key, a changed archive, a missing .prov,
// a wrong passphrase; pull --verify from a real server.
#include "repo/provenance.h"

#include <gpgme.h>
#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "core/error.h"
#include "repo/chart_repo.h"
#include "repo/digest.h"
#include "repo/pull.h"
#include "repo/test_support.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
namespace repo = capstan::repo;
using capstan::testing::read_file;
using capstan::testing::write_file;
using repo::testing::Home;
using repo::testing::packaged;
using repo::testing::Served;

// A key pair made on the spot; its keyrings exported as files, as Helm's --keyring takes them.
class TestKey {
 public:
  TestKey(const std::string& uid, const std::string& passphrase = "") : passphrase_(passphrase) {
    char tmpl[] = "/tmp/capstan-gpgkey-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    home_ = tmpl;
    write_file(home_ / "gpg-agent.conf", "allow-loopback-pinentry\n");
    gpgme_check_version(nullptr);
    REQUIRE(gpgme_new(&ctx_) == 0);
    gpgme_ctx_set_engine_info(ctx_, GPGME_PROTOCOL_OpenPGP, nullptr, home_.c_str());
    gpgme_set_pinentry_mode(ctx_, GPGME_PINENTRY_MODE_LOOPBACK);
    gpgme_set_passphrase_cb(ctx_, [](void* hook, const char*, const char*, int, int fd) {
      const std::string line = *static_cast<std::string*>(hook) + "\n";
      gpgme_io_writen(fd, line.data(), line.size());
      return gpgme_error_t(0);
    }, &passphrase_);
    unsigned flags = GPGME_CREATE_SIGN | GPGME_CREATE_NOEXPIRE;
    if (passphrase.empty())
      flags |= GPGME_CREATE_NOPASSWD;
    REQUIRE(gpgme_op_createkey(ctx_, uid.c_str(), "ed25519", 0, 0, nullptr, flags) == 0);
    fingerprint_ = gpgme_op_genkey_result(ctx_)->fpr;
    pubring_ = export_keys(0, "pubring.gpg");
    secring_ = export_keys(GPGME_EXPORT_MODE_SECRET, "secring.gpg");
  }
  ~TestKey() {
    gpgme_release(ctx_);
    std::string home = home_.string();
    std::vector<std::string> args{"gpgconf", "--homedir", home, "--kill", "all"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (::posix_spawnp(&pid, "gpgconf", nullptr, nullptr, argv.data(), environ) == 0) {
      int status = 0;
      ::waitpid(pid, &status, 0);
    }
    fs::remove_all(home_);
  }
  const std::string& pubring() const { return pubring_; }
  const std::string& secring() const { return secring_; }
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::string export_keys(gpgme_export_mode_t mode, const std::string& name) {
    gpgme_data_t d = nullptr;
    gpgme_data_new(&d);
    gpgme_set_armor(ctx_, 0);
    REQUIRE(gpgme_op_export(ctx_, fingerprint_.c_str(), mode, d) == 0);
    std::size_t n = 0;
    char* p = gpgme_data_release_and_get_mem(d, &n);
    const fs::path path = home_ / name;
    write_file(path, std::string(p, n));
    gpgme_free(p);
    return path.string();
  }
  fs::path home_;
  gpgme_ctx_t ctx_ = nullptr;
  std::string passphrase_, fingerprint_, pubring_, secring_;
};

TEST_CASE("provenance: sign writes Helm's message block, verify checks key and hash") {
  TestKey key("Capstan Test <test@example.com>");
  Home h;
  const fs::path tgz = h.path("alpine-0.1.0.tgz");
  write_file(tgz, packaged("alpine-0.1.0.tgz"));
  const std::string digest = repo::sha256_hex(packaged("alpine-0.1.0.tgz"));
  CHECK(repo::message_block(tgz) ==
        "apiVersion: v2\nappVersion: \"3.18\"\ndescription: Deploy a basic Alpine Linux pod\n"
        "home: https://example.com/alpine\nkeywords:\n- linux\n- alpine\nmaintainers:\n"
        "- email: charts@example.com\n  name: Capstan Authors\nname: alpine\nversion: 0.1.0\n"
        "\n...\nfiles:\n  alpine-0.1.0.tgz: sha256:" + digest + "\n");
  repo::SignOptions so;
  so.key = "Capstan Test";
  so.keyring = key.secring();
  const fs::path prov = repo::sign_chart(tgz, so);
  CHECK(prov == h.path("alpine-0.1.0.tgz.prov"));
  const std::string text = read_file(prov);
  CHECK(text.rfind("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\n", 0) == 0);
  CHECK(text.find("files:\n  alpine-0.1.0.tgz: sha256:" + digest + "\n-----BEGIN PGP SIGNATURE-----") != std::string::npos);

  const repo::Verification v = repo::verify_chart(tgz, key.pubring());
  CHECK(v.signed_by == std::vector<std::string>{"Capstan Test <test@example.com>"});
  CHECK(v.fingerprint == key.fingerprint());
  CHECK(v.file_hash == "sha256:" + digest);
  CHECK(repo::format_verification(v) == "Signed by: Capstan Test <test@example.com>\n"
                                        "Using Key With Fingerprint: " + key.fingerprint() +
                                        "\nChart Hash Verified: sha256:" + digest + "\n");
}

TEST_CASE("provenance: what verification refuses") {
  TestKey key("Capstan Test <test@example.com>");
  TestKey stranger("Stranger <x@example.com>");
  Home h;
  const fs::path tgz = h.path("alpine-0.1.0.tgz");
  write_file(tgz, packaged("alpine-0.1.0.tgz"));
  repo::SignOptions so;
  so.key = "test@example.com";
  so.keyring = key.secring();
  repo::sign_chart(tgz, so);
  CHECK_THROWS_WITH(repo::verify_chart(tgz, stranger.pubring()),
                    "openpgp: signature made by unknown entity");
  // The archive changed after signing.
  write_file(tgz, packaged("alpine-0.2.0.tgz"));
  CHECK_THROWS_WITH(repo::verify_chart(tgz, key.pubring()),
                    "sha256 sum does not match for alpine-0.1.0.tgz: \"sha256:" +
                        repo::sha256_hex(packaged("alpine-0.1.0.tgz")) + "\" != \"sha256:" +
                        repo::sha256_hex(packaged("alpine-0.2.0.tgz")) + "\"");
  // The signed text changed.
  write_file(tgz, packaged("alpine-0.1.0.tgz"));
  std::string prov = read_file(h.path("alpine-0.1.0.tgz.prov"));
  prov.replace(prov.find("version: 0.1.0"), 14, "version: 6.6.6");
  write_file(h.path("alpine-0.1.0.tgz.prov"), prov);
  CHECK_THROWS_WITH(repo::verify_chart(tgz, key.pubring()), Catch::StartsWith("openpgp: invalid signature"));
  fs::remove(h.path("alpine-0.1.0.tgz.prov"));
  CHECK_THROWS_WITH(repo::verify_chart(tgz, key.pubring()),
                    "could not load provenance file " + tgz.string() + ".prov: stat " +
                        tgz.string() + ".prov: no such file or directory");
  CHECK_THROWS_WITH(repo::verify_chart(h.path("Chart.yaml"), key.pubring()),
                    "stat " + h.path("Chart.yaml").string() + ": no such file or directory");
  write_file(h.path("chart.zip"), "x");
  CHECK_THROWS_WITH(repo::verify_chart(h.path("chart.zip"), key.pubring()), "chart must be a tgz file");
  CHECK_THROWS_WITH(repo::verify_chart(h.tmp.path(), key.pubring()), "unpacked charts cannot be verified");
  repo::sign_chart(tgz, so);
  CHECK_THROWS_WITH(repo::verify_chart(tgz, h.path("nokeys").string()),
                    "failed to load keyring: open " + h.path("nokeys").string() +
                        ": no such file or directory");
  so.key = "nobody";
  CHECK_THROWS_WITH(repo::sign_chart(tgz, so), "private key not found");
}

TEST_CASE("provenance: a protected key signs with its passphrase only") {
  TestKey key("Locked <locked@example.com>", "open sesame");
  Home h;
  const fs::path tgz = h.path("nginx-1.2.3.tgz");
  write_file(tgz, packaged("nginx-1.2.3.tgz"));
  repo::SignOptions so;
  so.key = "Locked";
  so.keyring = key.secring();
  so.passphrase = "wrong";
  CHECK_THROWS(repo::sign_chart(tgz, so));
  so.passphrase = "open sesame";
  repo::sign_chart(tgz, so);
  CHECK(repo::verify_chart(tgz, key.pubring()).signed_by[0] == "Locked <locked@example.com>");
}

TEST_CASE("pull --verify: the .prov from the server, checked before anything is kept") {
  TestKey key("Capstan Test <test@example.com>");
  Served served;
  repo::SignOptions so;
  so.key = "Capstan Test";
  so.keyring = key.secring();
  repo::sign_chart(served.dir.path() / "alpine-0.1.0.tgz", so);
  Home h;
  repo::RepoAddOptions add;
  add.entry.name = "myrepo";
  add.entry.url = served.url();
  repo::repo_add(add, h.settings);
  repo::PullOptions o;
  o.dest_dir = h.path("out").string();
  o.chart.verify = true;
  o.chart.keyring = key.pubring();
  o.chart.version = "0.1.0";
  const std::string out = repo::pull("myrepo/alpine", o, h.settings);
  CHECK(out == "Signed by: Capstan Test <test@example.com>\nUsing Key With Fingerprint: " +
                   key.fingerprint() + "\nChart Hash Verified: sha256:" +
                   repo::sha256_hex(packaged("alpine-0.1.0.tgz")) + "\n");
  CHECK(fs::exists(h.path("out/alpine-0.1.0.tgz.prov")));
  o.chart.version = "0.2.0";  // no .prov on the server
  CHECK_THROWS_WITH(repo::pull("myrepo/alpine", o, h.settings),
                    "failed to fetch provenance \"" + served.url() + "/charts/alpine-0.2.0.tgz.prov\"");
  // --verify with --untar: nothing is expanded when verification fails.
  o.untar = true;
  CHECK_THROWS(repo::pull("myrepo/alpine", o, h.settings));
  CHECK_FALSE(fs::exists(h.path("out/alpine")));
  // A local archive with --verify (install's LocateChart path).
  repo::ChartPathOptions c;
  c.verify = true;
  c.keyring = key.pubring();
  CHECK(repo::locate_chart(h.path("out/alpine-0.1.0.tgz").string(), c, h.settings).verified.has_value());
}

}  // namespace
