// Go's pem.Decode/Encode, Sprig's key formats and x509.CreateCertificate over OpenSSL 3.
#include "templating/sprig_x509.h"

#include <arpa/inet.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "core/strconv.h"
#include "templating/sprig_values.h"

namespace capstan::templating::gox509 {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Ptr = std::unique_ptr<T, Deleter<T, Free>>;

using PkeyPtr = Ptr<EVP_PKEY, EVP_PKEY_free>;
using PkeyCtxPtr = Ptr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using X509Ptr = Ptr<X509, X509_free>;
using NamePtr = Ptr<X509_NAME, X509_NAME_free>;
using BnPtr = Ptr<BIGNUM, BN_free>;

// i2d_* into a string.
template <typename T, typename F>
std::string der_of(const T* obj, F i2d) {
  unsigned char* out = nullptr;
  const int n = i2d(obj, &out);
  if (n < 0 || out == nullptr)
    throw X509Error("x509: encoding failed");
  std::string der(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  OPENSSL_free(out);
  return der;
}

// getLine: a line without its end and trailing spaces and tabs, and the rest.
std::pair<std::string_view, std::string_view> get_line(std::string_view data) {
  std::size_t i = data.find('\n');
  std::size_t j = 0;
  if (i == std::string_view::npos) {
    i = j = data.size();
  } else {
    j = i + 1;
    if (i > 0 && data[i - 1] == '\r')
      --i;
  }
  std::string_view line = data.substr(0, i);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return {line, data.substr(j)};
}

bool has_prefix(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool has_suffix(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool is_printable_asn1(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ' ' ||
         b == '\'' || b == '(' || b == ')' || b == '+' || b == ',' || b == '-' || b == '.' ||
         b == '/' || b == ':' || b == '=' || b == '?' ||
         b == '*';  // Go's marshaller allows '*' in PrintableString
}

PrivateKey::Kind kind_of(const EVP_PKEY* key) {
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
      return PrivateKey::Kind::Rsa;
    case EVP_PKEY_EC:
      return PrivateKey::Kind::Ecdsa;
    case EVP_PKEY_ED25519:
      return PrivateKey::Kind::Ed25519;
    case EVP_PKEY_DSA:
      return PrivateKey::Kind::Dsa;
    default:
      throw X509Error("x509: unsupported key type");
  }
}

PrivateKey wrap(EVP_PKEY* key) {
  PkeyPtr owned(key);
  const PrivateKey::Kind kind = kind_of(key);
  return PrivateKey(owned.release(), kind);
}

// d2i of a DER private key in the named format; nullptr when it does not parse.
EVP_PKEY* parse_der(int type, std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  if (type == EVP_PKEY_NONE) {
    Ptr<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free> info(
        d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, static_cast<long>(der.size())));
    if (!info)
      return nullptr;
    return EVP_PKCS82PKEY(info.get());
  }
  EVP_PKEY* key = d2i_PrivateKey(type, nullptr, &p, static_cast<long>(der.size()));
  if (key != nullptr && p != reinterpret_cast<const unsigned char*>(der.data() + der.size())) {
    EVP_PKEY_free(key);
    return nullptr;
  }
  return key;
}

// Go's hint when a key parses in another format than the one asked for.
std::string wrong_format(std::string_view der, int asked) {
  if (asked != EVP_PKEY_EC) {
    if (EVP_PKEY* k = parse_der(EVP_PKEY_EC, der)) {
      EVP_PKEY_free(k);
      return "x509: failed to parse private key (use ParseECPrivateKey instead for this key "
             "format)";
    }
  }
  if (asked != EVP_PKEY_RSA) {
    if (EVP_PKEY* k = parse_der(EVP_PKEY_RSA, der)) {
      EVP_PKEY_free(k);
      return "x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key "
             "format)";
    }
  }
  if (asked != EVP_PKEY_NONE) {
    if (EVP_PKEY* k = parse_der(EVP_PKEY_NONE, der)) {
      EVP_PKEY_free(k);
      return "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key "
             "format)";
    }
  }
  return "asn1: structure error: malformed private key";
}

ASN1_OCTET_STRING* octets(std::string_view bytes) {
  ASN1_OCTET_STRING* o = ASN1_OCTET_STRING_new();
  ASN1_OCTET_STRING_set(o, reinterpret_cast<const unsigned char*>(bytes.data()),
                        static_cast<int>(bytes.size()));
  return o;
}

void add_ext(X509* x, int nid, void* value, bool critical) {
  if (X509_add1_ext_i2d(x, nid, value, critical ? 1 : 0, X509V3_ADD_DEFAULT) != 1) {
    throw X509Error("x509: cannot add extension");
  }
}

// The Name's DER: CN as PrintableString when it can be, else UTF8String; empty without a CN.
NamePtr subject_name(const std::string& cn) {
  NamePtr name(X509_NAME_new());
  if (!cn.empty()) {
    bool printable = true;
    for (char c : cn) printable = printable && is_printable_asn1(static_cast<unsigned char>(c));
    if (!printable && !strconv::valid_utf8(cn))
      throw X509Error("asn1: string not valid UTF-8");
    X509_NAME_add_entry_by_NID(
        name.get(), NID_commonName, printable ? V_ASN1_PRINTABLESTRING : V_ASN1_UTF8STRING,
        reinterpret_cast<const unsigned char*>(cn.data()), static_cast<int>(cn.size()), -1, 0);
  }
  return name;
}

}  // namespace

// --- PEM ---

std::optional<PemBlock> pem_decode(std::string_view data) {
  constexpr std::string_view kStart = "\n-----BEGIN ", kEnd = "\n-----END ", kEndOfLine = "-----";
  std::string_view rest = data;
  while (true) {
    if (has_prefix(rest, kStart.substr(1))) {
      rest.remove_prefix(kStart.size() - 1);
    } else if (const std::size_t at = rest.find(kStart); at != std::string_view::npos) {
      rest.remove_prefix(at + kStart.size());
    } else {
      return std::nullopt;
    }
    auto [type_line, after_type] = get_line(rest);
    rest = after_type;
    if (!has_suffix(type_line, kEndOfLine))
      continue;
    type_line.remove_suffix(kEndOfLine.size());
    bool headers = false;
    while (true) {
      if (rest.empty())
        return std::nullopt;
      auto [line, next] = get_line(rest);
      if (line.find(':') == std::string_view::npos)
        break;
      headers = true;
      rest = next;
    }
    std::size_t end_index = 0, end_trailer_index = 0;
    if (!headers && has_prefix(rest, kEnd.substr(1))) {
      end_trailer_index = kEnd.size() - 1;
    } else {
      end_index = rest.find(kEnd);
      if (end_index == std::string_view::npos)
        continue;
      end_trailer_index = end_index + kEnd.size();
    }
    std::string_view end_trailer = rest.substr(end_trailer_index);
    const std::size_t trailer_len = type_line.size() + kEndOfLine.size();
    if (end_trailer.size() < trailer_len)
      continue;
    const std::string_view rest_of_end_line = end_trailer.substr(trailer_len);
    end_trailer = end_trailer.substr(0, trailer_len);
    if (!has_prefix(end_trailer, type_line) || !has_suffix(end_trailer, kEndOfLine))
      continue;
    if (!get_line(rest_of_end_line).first.empty())
      continue;
    std::string base64;
    for (char c : rest.substr(0, end_index)) {
      if (c != ' ' && c != '\t')
        base64 += c;
    }
    std::optional<std::string> bytes = sprig::base64_decode(base64, nullptr);
    if (!bytes)
      continue;
    return PemBlock{std::string(type_line), std::move(*bytes)};
  }
}

std::string pem_encode(std::string_view type, std::string_view der) {
  const std::string b64 = sprig::base64_encode(der);
  std::string out = "-----BEGIN " + std::string(type) + "-----\n";
  for (std::size_t i = 0; i < b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
  out += "-----END " + std::string(type) + "-----\n";
  return out;
}

// --- keys ---

PrivateKey::PrivateKey(evp_pkey_st* key, Kind kind) : key_(key), kind_(kind) {}
PrivateKey::~PrivateKey() {
  EVP_PKEY_free(key_);
}
PrivateKey::PrivateKey(PrivateKey&& other) noexcept : key_(other.key_), kind_(other.kind_) {
  other.key_ = nullptr;
}
PrivateKey& PrivateKey::operator=(PrivateKey&& other) noexcept {
  std::swap(key_, other.key_);
  kind_ = other.kind_;
  return *this;
}

std::string PrivateKey::pem() const {
  switch (kind_) {
    case Kind::Rsa:
      return pem_encode("RSA PRIVATE KEY", der_of(key_, i2d_PrivateKey));
    case Kind::Ecdsa:
      return pem_encode("EC PRIVATE KEY", der_of(key_, i2d_PrivateKey));
    case Kind::Dsa:
      return pem_encode("DSA PRIVATE KEY", der_of(key_, i2d_PrivateKey));
    case Kind::Ed25519: {
      Ptr<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free> info(EVP_PKEY2PKCS8(key_));
      if (!info)
        throw X509Error("x509: cannot encode key");
      return pem_encode("PRIVATE KEY", der_of(info.get(), i2d_PKCS8_PRIV_KEY_INFO));
    }
  }
  return "";
}

PrivateKey generate_key(PrivateKey::Kind kind, int rsa_bits) {
  EVP_PKEY* key = nullptr;
  switch (kind) {
    case PrivateKey::Kind::Rsa:
      key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<std::size_t>(rsa_bits));
      break;
    case PrivateKey::Kind::Ecdsa:
      key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
      break;
    case PrivateKey::Kind::Ed25519:
      key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
      break;
    case PrivateKey::Kind::Dsa: {
      PkeyCtxPtr pctx(EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr));
      EVP_PKEY* params = nullptr;
      if (!pctx || EVP_PKEY_paramgen_init(pctx.get()) != 1 ||
          EVP_PKEY_CTX_set_dsa_paramgen_bits(pctx.get(), 2048) != 1 ||
          EVP_PKEY_CTX_set_dsa_paramgen_q_bits(pctx.get(), 256) != 1 ||
          EVP_PKEY_paramgen(pctx.get(), &params) != 1) {
        throw X509Error("failed to generate dsa params");
      }
      PkeyPtr owned_params(params);
      PkeyCtxPtr kctx(EVP_PKEY_CTX_new_from_pkey(nullptr, params, nullptr));
      if (!kctx || EVP_PKEY_keygen_init(kctx.get()) != 1 || EVP_PKEY_keygen(kctx.get(), &key) != 1)
        key = nullptr;
      break;
    }
  }
  if (key == nullptr)
    throw X509Error("failed to generate private key");
  return PrivateKey(key, kind);
}

PrivateKey parse_private_key_pem(std::string_view pem) {
  const std::optional<PemBlock> block = pem_decode(pem);
  if (!block)
    throw X509Error("no PEM data in input");
  if (block->type == "PRIVATE KEY") {
    EVP_PKEY* key = parse_der(EVP_PKEY_NONE, block->bytes);
    if (key == nullptr)
      throw X509Error("decoding PEM as PKCS#8: " + wrong_format(block->bytes, EVP_PKEY_NONE));
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_DSA) {
      EVP_PKEY_free(key);
      throw X509Error(
          "decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown "
          "algorithm: 1.2.840.10040.4.1");
    }
    return wrap(key);
  }
  if (!has_suffix(block->type, " PRIVATE KEY")) {
    throw X509Error("no private key data in PEM block of type " + block->type);
  }
  const std::string prefix = block->type.substr(0, block->type.size() - 12);
  int type = EVP_PKEY_NONE;
  std::string what;
  if (prefix == "RSA") {
    type = EVP_PKEY_RSA, what = "parsing RSA private key from PEM: ";
  } else if (prefix == "EC") {
    type = EVP_PKEY_EC, what = "parsing EC private key from PEM: ";
  } else if (prefix == "DSA") {
    type = EVP_PKEY_DSA, what = "parsing DSA private key from PEM: ";
  } else {
    throw X509Error("invalid private key type " + block->type);
  }
  EVP_PKEY* key = parse_der(type, block->bytes);
  if (key == nullptr)
    throw X509Error(what + wrong_format(block->bytes, type));
  return wrap(key);
}

std::optional<std::string> certificate_error(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!cert)
    return std::string("x509: malformed certificate");
  if (p != reinterpret_cast<const unsigned char*>(der.data() + der.size()))
    return std::string("x509: trailing data");
  return std::nullopt;
}

// --- certificates ---

std::string create_certificate(const CertTemplate& tmpl, const PrivateKey& signee,
                               std::string_view parent_der, const PrivateKey& signer) {
  if (signer.kind() == PrivateKey::Kind::Dsa) {
    throw X509Error("x509: certificate private key does not implement crypto.Signer");
  }
  const EVP_MD* md = nullptr;
  if (signer.kind() == PrivateKey::Kind::Rsa) {
    md = EVP_sha256();
  } else if (signer.kind() == PrivateKey::Kind::Ecdsa) {
    switch (EVP_PKEY_get_bits(signer.get())) {
      case 256:
        md = EVP_sha256();
        break;
      case 384:
        md = EVP_sha384();
        break;
      case 521:
        md = EVP_sha512();
        break;
      default:
        throw X509Error("x509: unknown elliptic curve");
    }
  }
  if (signee.kind() == PrivateKey::Kind::Dsa)
    throw X509Error("x509: only RSA, ECDSA and Ed25519 keys supported");
  X509Ptr parent;
  if (!parent_der.empty()) {
    const auto* p = reinterpret_cast<const unsigned char*>(parent_der.data());
    parent.reset(d2i_X509(nullptr, &p, static_cast<long>(parent_der.size())));
    if (!parent)
      throw X509Error("x509: malformed certificate");
  }
  X509Ptr x(X509_new());
  X509_set_version(x.get(), 2);
  BnPtr serial(BN_bin2bn(reinterpret_cast<const unsigned char*>(tmpl.serial.data()),
                         static_cast<int>(tmpl.serial.size()), nullptr));
  Ptr<ASN1_INTEGER, ASN1_INTEGER_free> serial_int(BN_to_ASN1_INTEGER(serial.get(), nullptr));
  X509_set_serialNumber(x.get(), serial_int.get());

  const NamePtr subject = subject_name(tmpl.common_name);
  X509_set_subject_name(x.get(), subject.get());
  const X509_NAME* issuer = parent ? X509_get_subject_name(parent.get()) : subject.get();
  X509_set_issuer_name(x.get(), issuer);
  ASN1_TIME_set(X509_getm_notBefore(x.get()), static_cast<time_t>(tmpl.not_before));
  ASN1_TIME_set(X509_getm_notAfter(x.get()), static_cast<time_t>(tmpl.not_after));
  X509_set_pubkey(x.get(), signee.get());
  if (parent && EVP_PKEY_eq(X509_get0_pubkey(parent.get()), signer.get()) != 1) {
    throw X509Error("x509: provided PrivateKey doesn't match parent's PublicKey");
  }

  // Extensions in Go's order: key usage, extended key usage, basic constraints, subject and
  // authority key identifiers, subject alternative names.
  Ptr<ASN1_BIT_STRING, ASN1_BIT_STRING_free> usage(ASN1_BIT_STRING_new());
  ASN1_BIT_STRING_set_bit(usage.get(), 0, 1);  // digitalSignature
  ASN1_BIT_STRING_set_bit(usage.get(), 2, 1);  // keyEncipherment
  if (tmpl.is_ca)
    ASN1_BIT_STRING_set_bit(usage.get(), 5, 1);  // keyCertSign
  add_ext(x.get(), NID_key_usage, usage.get(), true);

  Ptr<EXTENDED_KEY_USAGE, EXTENDED_KEY_USAGE_free> eku(sk_ASN1_OBJECT_new_null());
  sk_ASN1_OBJECT_push(eku.get(), OBJ_nid2obj(NID_server_auth));
  sk_ASN1_OBJECT_push(eku.get(), OBJ_nid2obj(NID_client_auth));
  add_ext(x.get(), NID_ext_key_usage, eku.get(), false);

  Ptr<BASIC_CONSTRAINTS, BASIC_CONSTRAINTS_free> bc(BASIC_CONSTRAINTS_new());
  bc->ca = tmpl.is_ca ? 0xFF : 0;
  add_ext(x.get(), NID_basic_constraints, bc.get(), true);

  if (tmpl.is_ca) {
    const unsigned char* key_bytes = nullptr;
    int key_len = 0;
    X509_PUBKEY_get0_param(nullptr, &key_bytes, &key_len, nullptr, X509_get_X509_PUBKEY(x.get()));
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(key_bytes, static_cast<std::size_t>(key_len), digest);
    Ptr<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free> skid(
        octets(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest)));
    add_ext(x.get(), NID_subject_key_identifier, skid.get(), false);
  }
  if (parent) {
    const std::string issuer_der = der_of(issuer, i2d_X509_NAME);
    const std::string subject_der = der_of(subject.get(), i2d_X509_NAME);
    const ASN1_OCTET_STRING* parent_skid = X509_get0_subject_key_id(parent.get());
    if (issuer_der != subject_der && parent_skid != nullptr &&
        ASN1_STRING_length(parent_skid) > 0) {
      Ptr<AUTHORITY_KEYID, AUTHORITY_KEYID_free> akid(AUTHORITY_KEYID_new());
      akid->keyid = ASN1_OCTET_STRING_dup(parent_skid);
      add_ext(x.get(), NID_authority_key_identifier, akid.get(), false);
    }
  }
  if (!tmpl.dns_names.empty() || !tmpl.ip_addresses.empty()) {
    Ptr<GENERAL_NAMES, GENERAL_NAMES_free> sans(sk_GENERAL_NAME_new_null());
    for (const std::string& dns : tmpl.dns_names) {
      for (char c : dns) {
        if (static_cast<unsigned char>(c) > 0x7F) {
          throw X509Error("x509: \"" + dns + "\" cannot be encoded as an IA5String");
        }
      }
      GENERAL_NAME* g = GENERAL_NAME_new();
      ASN1_IA5STRING* s = ASN1_IA5STRING_new();
      ASN1_STRING_set(s, dns.data(), static_cast<int>(dns.size()));
      GENERAL_NAME_set0_value(g, GEN_DNS, s);
      sk_GENERAL_NAME_push(sans.get(), g);
    }
    for (const std::string& ip : tmpl.ip_addresses) {
      GENERAL_NAME* g = GENERAL_NAME_new();
      GENERAL_NAME_set0_value(g, GEN_IPADD, octets(ip));
      sk_GENERAL_NAME_push(sans.get(), g);
    }
    add_ext(x.get(), NID_subject_alt_name, sans.get(), tmpl.common_name.empty());
  }
  if (X509_sign(x.get(), signer.get(), md) <= 0)
    throw X509Error("x509: signing failed");
  return der_of(x.get(), i2d_X509);
}

std::optional<std::string> parse_ip(std::string_view s) {
  const std::string text(s);
  unsigned char buf[16];
  if (inet_pton(AF_INET, text.c_str(), buf) == 1)
    return std::string(reinterpret_cast<char*>(buf), 4);
  if (text.find('%') == std::string::npos && inet_pton(AF_INET6, text.c_str(), buf) == 1) {
    static constexpr unsigned char kV4InV6[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(buf, buf + 12, kV4InV6))
      return std::string(reinterpret_cast<char*>(buf + 12), 4);
    return std::string(reinterpret_cast<char*>(buf), 16);
  }
  return std::nullopt;
}

}  // namespace capstan::templating::gox509
