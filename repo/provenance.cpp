// Signing and verifying chart provenance with GPGME (GnuPG does the OpenPGP).
#include "repo/provenance.h"

#include <gpgme.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "chart/loader.h"
#include "chart/metadata.h"
#include "core/error.h"
#include "core/value.h"
#include "core/yaml.h"
#include "repo/digest.h"

extern char** environ;

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

void init_gpgme() {
  static std::once_flag once;
  std::call_once(once, [] {
    gpgme_check_version(nullptr);
    gpgme_engine_check_version(GPGME_PROTOCOL_OpenPGP);
  });
}

[[noreturn]] void fail(const std::string& what, gpgme_error_t err) {
  throw Error(ErrorKind::Io, what + ": " + gpgme_strerror(err));
}

// A GNUPGHOME for one operation: a short path (gpg-agent's socket lives in it), SHA-512
// signatures, and the agent it starts stopped when done.
class TempHome {
 public:
  TempHome() {
    char tmpl[] = "/tmp/capstan-gpg-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr)
      throw Error(ErrorKind::Io, "cannot create a temporary GnuPG home");
    dir_ = tmpl;
    fs::permissions(dir_, fs::perms::owner_all);
    write_text(dir_ / "gpg.conf", "digest-algo SHA512\npersonal-digest-preferences SHA512\n");
    write_text(dir_ / "gpg-agent.conf", "allow-loopback-pinentry\n");
  }
  ~TempHome() {
    // gpgconf --homedir DIR --kill all: the agent GnuPG started for this home only.
    std::string home = dir_.string();
    std::vector<std::string> args{"gpgconf", "--homedir", home, "--kill", "all"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (::posix_spawnp(&pid, "gpgconf", nullptr, nullptr, argv.data(), environ) == 0) {
      int status = 0;
      ::waitpid(pid, &status, 0);
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  TempHome(const TempHome&) = delete;
  TempHome& operator=(const TempHome&) = delete;
  const fs::path& dir() const { return dir_; }

 private:
  static void write_text(const fs::path& p, const std::string& s) { atomic_write_file(p, s, 0600); }
  fs::path dir_;
};

class Data {
 public:
  Data() {
    if (auto err = gpgme_data_new(&d_))
      fail("gpgme", err);
  }
  explicit Data(const std::string& bytes) {
    if (auto err = gpgme_data_new_from_mem(&d_, bytes.data(), bytes.size(), 1))
      fail("gpgme", err);
  }
  ~Data() { gpgme_data_release(d_); }
  Data(const Data&) = delete;
  Data& operator=(const Data&) = delete;
  gpgme_data_t get() const { return d_; }
  std::string bytes() {
    std::size_t n = 0;
    char* p = gpgme_data_release_and_get_mem(d_, &n);
    d_ = nullptr;
    std::string out(p != nullptr ? p : "", n);
    gpgme_free(p);
    gpgme_data_new(&d_);
    return out;
  }

 private:
  gpgme_data_t d_ = nullptr;
};

gpgme_error_t passphrase_cb(void* hook, const char*, const char*, int prev_was_bad, int fd) {
  const std::string* pass = static_cast<const std::string*>(hook);
  if (prev_was_bad != 0 || pass == nullptr)
    return gpgme_error(GPG_ERR_CANCELED);
  const std::string line = *pass + "\n";
  gpgme_io_writen(fd, line.data(), line.size());
  return 0;
}

class Context {
 public:
  // home: "" = GnuPG's default.
  Context(const fs::path& home, const std::string* passphrase) {
    init_gpgme();
    if (auto err = gpgme_new(&ctx_))
      fail("gpgme", err);
    if (!home.empty()) {
      if (auto err = gpgme_ctx_set_engine_info(ctx_, GPGME_PROTOCOL_OpenPGP, nullptr, home.c_str()))
        fail("gpgme", err);
    }
    gpgme_set_armor(ctx_, 1);
    gpgme_set_pinentry_mode(ctx_, GPGME_PINENTRY_MODE_LOOPBACK);
    gpgme_set_passphrase_cb(ctx_, passphrase_cb, const_cast<std::string*>(passphrase));
  }
  ~Context() { gpgme_release(ctx_); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  gpgme_ctx_t get() const { return ctx_; }

  // Imports a keyring file; throws Helm's "failed to load keyring: ..." when it holds no keys.
  void import_keyring(const std::string& path) {
    std::string bytes;
    try {
      bytes = read_file(path);
    } catch (const Error& e) {
      throw Error(e.kind(), "failed to load keyring: " + std::string(e.what()));
    }
    Data d(bytes);
    if (auto err = gpgme_op_import(ctx_, d.get()))
      fail("failed to load keyring", err);
    gpgme_import_result_t r = gpgme_op_import_result(ctx_);
    if (r == nullptr || r->considered == 0 || (r->imported == 0 && r->unchanged == 0 &&
                                               r->secret_imported == 0 &&
                                               r->secret_unchanged == 0)) {
      throw Error(ErrorKind::Parse,
                  "failed to load keyring: openpgp: invalid data: no keys in " + path);
    }
  }

 private:
  gpgme_ctx_t ctx_ = nullptr;
};

std::vector<std::string> uids_of(gpgme_key_t key) {
  std::vector<std::string> out;
  for (gpgme_user_id_t u = key->uids; u != nullptr; u = u->next) {
    if (u->uid != nullptr)
      out.emplace_back(u->uid);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// NewFromKeyring's key choice: an identity equal to `id`, else the only key with an identity
// containing it. The returned key is referenced (the caller unrefs it).
gpgme_key_t find_secret_key(gpgme_ctx_t ctx, const std::string& id) {
  if (auto err = gpgme_op_keylist_start(ctx, nullptr, 1))
    fail("gpgme", err);
  std::vector<gpgme_key_t> keys;
  for (gpgme_key_t key = nullptr; gpgme_op_keylist_next(ctx, &key) == 0;) keys.push_back(key);
  gpgme_op_keylist_end(ctx);
  gpgme_key_t chosen = nullptr;
  int containing = 0;
  for (gpgme_key_t key : keys) {
    const auto uids = uids_of(key);
    if (std::find(uids.begin(), uids.end(), id) != uids.end()) {
      chosen = key;
      containing = 1;
      break;
    }
    if (std::any_of(uids.begin(), uids.end(),
                    [&](const std::string& u) { return u.find(id) != std::string::npos; })) {
      chosen = key;
      ++containing;
    }
  }
  for (gpgme_key_t key : keys) {
    if (key != chosen || containing > 1)
      gpgme_key_unref(key);
  }
  if (containing > 1)
    throw Error(ErrorKind::BadRequest, "more than one key contain the id \"" + id + "\"");
  if (chosen == nullptr)
    throw Error(ErrorKind::NotFound, "private key not found");
  return chosen;
}

std::string base_name(const fs::path& p) { return p.filename().string(); }

}  // namespace

std::string message_block(const fs::path& tgz) {
  const std::string digest = digest_file(tgz);
  auto c = chart::load(tgz);
  std::string out = yaml::encode(chart::metadata_json(c->metadata));
  out += "\n...\n";
  Value files = Value::empty_map("string");
  files.set(base_name(tgz), Value("sha256:" + digest));
  Value sums = Value::empty_map();
  sums.set("files", files);
  out += yaml::encode(sums);
  return out;
}

std::string clear_sign(const fs::path& tgz, const SignOptions& o) {
  std::error_code ec;
  if (!fs::exists(tgz, ec))
    throw Error(ErrorKind::NotFound, "stat " + tgz.string() + ": no such file or directory");
  if (fs::is_directory(tgz, ec))
    throw Error(ErrorKind::BadRequest, "cannot sign a directory");
  const std::string message = message_block(tgz);
  std::unique_ptr<TempHome> home;
  if (!o.keyring.empty())
    home = std::make_unique<TempHome>();
  Context ctx(home ? home->dir() : fs::path(), &o.passphrase);
  if (!o.keyring.empty())
    ctx.import_keyring(o.keyring);
  gpgme_key_t key = find_secret_key(ctx.get(), o.key);
  gpgme_signers_clear(ctx.get());
  const gpgme_error_t add = gpgme_signers_add(ctx.get(), key);
  gpgme_key_unref(key);
  if (add)
    fail("failed to either sign or armor message block", add);
  Data plain(message), sig;
  if (auto err = gpgme_op_sign(ctx.get(), plain.get(), sig.get(), GPGME_SIG_MODE_CLEAR))
    fail("failed to either sign or armor message block", err);
  return sig.bytes();
}

fs::path sign_chart(const fs::path& tgz, const SignOptions& o) {
  const std::string prov = clear_sign(tgz, o);
  fs::path out = tgz;
  out += ".prov";
  atomic_write_file(out, prov, 0644);
  return out;
}

Verification verify_chart(const fs::path& tgz, const std::string& keyring) {
  std::error_code ec;
  if (!fs::exists(tgz, ec))
    throw Error(ErrorKind::NotFound, "stat " + tgz.string() + ": no such file or directory");
  if (fs::is_directory(tgz, ec))
    throw Error(ErrorKind::BadRequest, "unpacked charts cannot be verified");
  std::string ext = upper(tgz.extension().string());
  if (ext != ".TGZ")
    throw Error(ErrorKind::BadRequest, "chart must be a tgz file");
  fs::path prov = tgz;
  prov += ".prov";
  if (!fs::exists(prov, ec)) {
    throw Error(ErrorKind::NotFound, "could not load provenance file " + prov.string() +
                                         ": stat " + prov.string() +
                                         ": no such file or directory");
  }
  std::unique_ptr<TempHome> home;
  if (!keyring.empty())
    home = std::make_unique<TempHome>();
  Context ctx(home ? home->dir() : fs::path(), nullptr);
  if (!keyring.empty())
    ctx.import_keyring(keyring);
  const std::string signed_text = read_file(prov);
  if (signed_text.find("-----BEGIN PGP SIGNED MESSAGE-----") == std::string::npos)
    throw Error(ErrorKind::Parse, "failed to decode signature: signature block not found");
  Data sig(signed_text), plain;
  if (auto err = gpgme_op_verify(ctx.get(), sig.get(), nullptr, plain.get()))
    throw Error(ErrorKind::Forbidden, std::string("openpgp: ") + gpgme_strerror(err));
  gpgme_verify_result_t r = gpgme_op_verify_result(ctx.get());
  if (r == nullptr || r->signatures == nullptr)
    throw Error(ErrorKind::Forbidden, "openpgp: signature made by unknown entity");
  gpgme_signature_t s = r->signatures;
  if (gpg_err_code(s->status) == GPG_ERR_NO_PUBKEY)
    throw Error(ErrorKind::Forbidden, "openpgp: signature made by unknown entity");
  if (gpg_err_code(s->status) != GPG_ERR_NO_ERROR) {
    throw Error(ErrorKind::Forbidden,
                std::string("openpgp: invalid signature: ") + gpgme_strerror(s->status));
  }
  Verification v;
  gpgme_key_t key = nullptr;
  if (gpgme_get_key(ctx.get(), s->fpr, &key, 0) == 0 && key != nullptr) {
    v.signed_by = uids_of(key);
    v.fingerprint = upper(key->fpr != nullptr ? key->fpr : s->fpr);
    gpgme_key_unref(key);
  } else {
    v.fingerprint = upper(s->fpr);
  }
  // parseMessageBlock: metadata, "\n...\n", the sums.
  const std::string text = plain.bytes();
  const std::size_t sep = text.find("\n...\n");
  if (sep == std::string::npos)
    throw Error(ErrorKind::Parse, "message block must have at least two parts");
  const Value sums = yaml::decode(std::string_view(text).substr(sep + 5));
  const std::string sum = "sha256:" + digest_file(tgz);
  const std::string base = base_name(tgz);
  const Value* files = sums.is_map() ? sums.find("files") : nullptr;
  const Value* sha = files != nullptr && files->is_map() ? files->find(base) : nullptr;
  if (sha == nullptr || !sha->is_string()) {
    throw Error(ErrorKind::Forbidden,
                "provenance does not contain a SHA for a file named \"" + base + "\"");
  }
  if (sha->as_string() != sum) {
    throw Error(ErrorKind::Forbidden, "sha256 sum does not match for " + base + ": \"" +
                                          sha->as_string() + "\" != \"" + sum + "\"");
  }
  v.file_hash = sum;
  v.file_name = base;
  return v;
}

std::string format_verification(const Verification& v) {
  std::string out;
  for (const auto& id : v.signed_by) out += "Signed by: " + id + "\n";
  out += "Using Key With Fingerprint: " + v.fingerprint + "\n";
  out += "Chart Hash Verified: " + v.file_hash + "\n";
  return out;
}

}  // namespace capstan::repo
