// Sprig's password and cipher functions (crypto.go): bcrypt, htpasswd, derivePassword (the
// Master Password algorithm: scrypt, then HMAC-SHA256 choosing template characters),
// encryptAES and decryptAES (AES-256-CBC, the password zero-padded or cut to 32 bytes as the
// key, PKCS#7-style padding, a random IV in front, base64). decryptAES trusts its input as
// Sprig does: short or malformed ciphertexts panic with Go's runtime texts.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>

#include <map>
#include <vector>

#include "templating/engine.h"
#include "templating/function.h"
#include "templating/sprig_bcrypt.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

constexpr std::string_view kDeterministicHash =
    "$2a$10$DETERMINISTICDETERMINISTICDETERMINISTICDETERMINISTIC";

std::string bcrypt_hash(CallContext& ctx, const std::string& password) {
  if (ctx.options().deterministic)
    return std::string(kDeterministicHash);
  return bcrypt::generate(password, 10, sprig::random_bytes(ctx, 16));
}

// --- derivePassword ---

const std::map<std::string, std::vector<std::string>, std::less<>>& password_templates() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> templates = {
      {"maximum", {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"}},
      {"long",
       {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
        "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
        "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
        "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
        "CvccCvcvCvccno"}},
      {"medium", {"CvcnoCvc", "CvcCvcno"}},
      {"short", {"Cvcn"}},
      {"basic", {"aaanaaan", "aannaaan", "aaannaaa"}},
      {"pin", {"nnnn"}},
  };
  return templates;
}

std::string_view template_characters(char c) {
  switch (c) {
    case 'V':
      return "AEIOU";
    case 'C':
      return "BCDFGHJKLMNPQRSTVWXYZ";
    case 'v':
      return "aeiou";
    case 'c':
      return "bcdfghjklmnpqrstvwxyz";
    case 'A':
      return "AEIOUBCDFGHJKLMNPQRSTVWXYZ";
    case 'a':
      return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
    case 'n':
      return "0123456789";
    case 'o':
      return "@&%?,=[]_:-+*$#!'^~;()/.";
    case 'x':
      return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()";
    default:
      return "";
  }
}

void append_be32(std::string& out, std::uint32_t v) {
  for (int k = 24; k >= 0; k -= 8) out += static_cast<char>((v >> k) & 0xff);
}

std::string derive_password(std::uint32_t counter, const std::string& type,
                            const std::string& password, const std::string& user,
                            const std::string& site) {
  const auto it = password_templates().find(type);
  if (it == password_templates().end())
    return "cannot find password template " + type;
  const std::string seed = "com.lyndir.masterpassword";
  std::string salt = seed;
  append_be32(salt, static_cast<std::uint32_t>(user.size()));
  salt += user;
  unsigned char key[64];
  if (EVP_PBE_scrypt(password.data(), password.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), 32768, 8, 2,
                     std::uint64_t{128} << 20, key, sizeof key) != 1) {
    return "failed to derive password: scrypt failed";
  }
  std::string message = seed;
  append_be32(message, static_cast<std::uint32_t>(site.size()));
  message += site;
  append_be32(message, counter);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  HMAC(EVP_sha256(), key, sizeof key, reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), digest, &digest_len);
  const std::vector<std::string>& templates = it->second;
  const std::string& tmpl = templates[digest[0] % templates.size()];
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    const std::string_view chars = template_characters(tmpl[i]);
    out += chars[digest[i + 1] % chars.size()];
  }
  return out;
}

// --- AES ---

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

std::string aes_key(const std::string& password) {
  std::string key(32, '\0');
  password.copy(key.data(), std::min<std::size_t>(32, password.size()));
  return key;
}

// AES-256-CBC over whole blocks, without padding.
std::string cbc(const std::string& key, std::string_view iv, std::string_view in, bool encrypt) {
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> c(EVP_CIPHER_CTX_new());
  std::string out(in.size() + 16, '\0');
  int len = 0, final_len = 0;
  if (!c ||
      EVP_CipherInit_ex(c.get(), EVP_aes_256_cbc(), nullptr,
                        reinterpret_cast<const unsigned char*>(key.data()),
                        reinterpret_cast<const unsigned char*>(iv.data()), encrypt ? 1 : 0) != 1 ||
      EVP_CIPHER_CTX_set_padding(c.get(), 0) != 1 ||
      EVP_CipherUpdate(c.get(), reinterpret_cast<unsigned char*>(out.data()), &len,
                       reinterpret_cast<const unsigned char*>(in.data()),
                       static_cast<int>(in.size())) != 1 ||
      EVP_CipherFinal_ex(c.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &final_len) !=
          1) {
    throw FuncError("crypto/aes: cipher failed");
  }
  out.resize(static_cast<std::size_t>(len + final_len));
  return out;
}

std::string encrypt_aes(CallContext& ctx, const std::string& password,
                        const std::string& plaintext) {
  if (plaintext.empty())
    return "";
  std::string content = plaintext;
  const std::size_t padding = 16 - content.size() % 16;
  content.append(padding, static_cast<char>(padding));
  const std::string iv = sprig::random_bytes(ctx, 16);
  return sprig::base64_encode(iv + cbc(aes_key(password), iv, content, true));
}

std::string decrypt_aes(const std::string& password, const std::string& crypt64) {
  if (crypt64.empty())
    return "";
  std::string error;
  const std::optional<std::string> decoded = sprig::base64_decode(crypt64, &error);
  if (!decoded)
    throw FuncError(error);
  const std::string& crypt = *decoded;
  // Go slices the decoded buffer, whose capacity is DecodedLen of the text.
  const std::size_t cap = crypt64.size() / 4 * 3;
  if (crypt.size() < 16) {
    throw FuncError("runtime error: slice bounds out of range [:16] with capacity " +
                    std::to_string(cap));
  }
  const std::string_view iv(crypt.data(), 16);
  const std::string_view body(crypt.data() + 16, crypt.size() - 16);
  if (body.size() % 16 != 0)
    throw FuncError("crypto/cipher: input not full blocks");
  if (body.empty())
    throw FuncError("runtime error: index out of range [-1]");
  const std::string decrypted = cbc(aes_key(password), iv, body, false);
  const auto len = static_cast<std::int64_t>(decrypted.size());
  const std::int64_t end = len - static_cast<unsigned char>(decrypted.back());
  if (end < 0)
    throw FuncError("runtime error: slice bounds out of range [:" + std::to_string(end) + "]");
  return decrypted.substr(0, static_cast<std::size_t>(end));
}

}  // namespace

void register_sprig_crypto(FuncMap& f) {
  f.add("bcrypt", "func(string) string",
        [](CallContext& c, Args& a) { return Value(bcrypt_hash(c, a[0].as_string())); });
  f.add("htpasswd", "func(string, string) string", [](CallContext& c, Args& a) {
    const std::string& user = a[0].as_string();
    // The oracle's deterministic stand-in does not check the name.
    if (user.find(':') != std::string::npos && !c.options().deterministic)
      return Value("invalid username: " + user);
    return Value(user + ":" + bcrypt_hash(c, a[1].as_string()));
  });
  f.add("derivePassword", "func(uint32, string, string, string, string) string",
        [](CallContext&, Args& a) {
          return Value(derive_password(static_cast<std::uint32_t>(a[0].as_uint()), a[1].as_string(),
                                       a[2].as_string(), a[3].as_string(), a[4].as_string()));
        });
  f.add("encryptAES", "func(string, string) (string, error)", [](CallContext& c, Args& a) {
    return Value(encrypt_aes(c, a[0].as_string(), a[1].as_string()));
  });
  f.add("decryptAES", "func(string, string) (string, error)", [](CallContext&, Args& a) {
    return Value(decrypt_aes(a[0].as_string(), a[1].as_string()));
  });
}

}  // namespace capstan::templating
