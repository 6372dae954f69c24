// Sprig's generated keys and certificates, checked with OpenSSL where the oracle cannot compare
// (they are random): keys parse in Go's formats, certificates are X.509 v3 with the extensions
// Sprig's template sets, validity from the engine's clock, a serial from EngineOptions::random,
// and signed certificates chain to their CA.
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <catch2/catch.hpp>
#include <memory>

#include "core/error.h"
#include "templating/engine.h"

namespace capstan::templating {
namespace {

constexpr std::int64_t kNow = 1700000000;  // 2023-11-14T22:13:20Z

EngineOptions options() {
  EngineOptions o;
  o.now_unix_nanos = [] { return kNow * 1000000000; };
  auto counter = std::make_shared<std::uint64_t>(1);
  o.random = [counter] { return 0x1111111111111111ULL * ((*counter)++ % 15); };
  return o;
}

std::string render(std::string_view text) {
  Engine engine(options());
  engine.parse("t", text);
  return engine.render("t", Value::empty_map());
}

struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Cert = std::unique_ptr<X509, X509Free>;
using Key = std::unique_ptr<EVP_PKEY, PkeyFree>;

Cert parse_cert(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  return Cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

Key parse_key(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  return Key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

// Renders `expr` (a certificate) and returns its Cert and Key fields, split at "|".
std::pair<std::string, std::string> cert_and_key(const std::string& setup,
                                                 const std::string& expr) {
  const std::string out = render(setup + "{{ $c := " + expr + " }}{{ $c.Cert }}|{{ $c.Key }}");
  const std::size_t bar = out.rfind("-----\n|");
  REQUIRE(bar != std::string::npos);
  return {out.substr(0, bar + 6), out.substr(bar + 7)};
}

std::string common_name(X509_NAME* name) {
  char buf[256] = {0};
  X509_NAME_get_text_by_NID(name, NID_commonName, buf, sizeof buf);
  return buf;
}

std::time_t asn1_time(const ASN1_TIME* t) {
  std::tm tm{};
  ASN1_TIME_to_tm(t, &tm);
  return timegm(&tm);
}

bool critical(X509* x, int nid) {
  const int i = X509_get_ext_by_NID(x, nid, -1);
  return i >= 0 && X509_EXTENSION_get_critical(X509_get_ext(x, i)) == 1;
}

TEST_CASE("genPrivateKey writes keys in Go's PEM formats", "[sprig][certs]") {
  struct Expect {
    const char* type;
    const char* header;
    int id;
  };
  for (const Expect& e : {Expect{"ecdsa", "-----BEGIN EC PRIVATE KEY-----\n", EVP_PKEY_EC},
                          Expect{"ed25519", "-----BEGIN PRIVATE KEY-----\n", EVP_PKEY_ED25519},
                          Expect{"rsa", "-----BEGIN RSA PRIVATE KEY-----\n", EVP_PKEY_RSA},
                          Expect{"dsa", "-----BEGIN DSA PRIVATE KEY-----\n", EVP_PKEY_DSA}}) {
    INFO(e.type);
    const std::string pem = render(std::string("{{ genPrivateKey \"") + e.type + "\" }}");
    CHECK(pem.rfind(e.header, 0) == 0);
    const Key key = parse_key(pem);
    REQUIRE(key);
    CHECK(EVP_PKEY_get_base_id(key.get()) == e.id);
    if (e.id == EVP_PKEY_RSA)
      CHECK(EVP_PKEY_get_bits(key.get()) == 4096);
    if (e.id == EVP_PKEY_DSA)
      CHECK(EVP_PKEY_get_bits(key.get()) == 2048);
    if (e.id == EVP_PKEY_EC)
      CHECK(EVP_PKEY_get_bits(key.get()) == 256);
  }
}

TEST_CASE("genCA makes a self-signed v3 CA certificate", "[sprig][certs]") {
  const auto [cert_pem, key_pem] = cert_and_key("", "genCA \"my-ca\" 365");
  const Cert cert = parse_cert(cert_pem);
  const Key key = parse_key(key_pem);
  REQUIRE(cert);
  REQUIRE(key);
  CHECK(X509_get_version(cert.get()) == 2);
  CHECK(common_name(X509_get_subject_name(cert.get())) == "my-ca");
  CHECK(X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_get_issuer_name(cert.get())) == 0);
  CHECK(asn1_time(X509_get0_notBefore(cert.get())) == kNow);
  CHECK(asn1_time(X509_get0_notAfter(cert.get())) == kNow + 365 * 86400);
  CHECK(X509_check_private_key(cert.get(), key.get()) == 1);
  CHECK(EVP_PKEY_get_bits(key.get()) == 2048);
  CHECK(X509_verify(cert.get(), key.get()) == 1);
  CHECK(X509_get_signature_nid(cert.get()) == NID_sha256WithRSAEncryption);
  // Extensions: key usage (critical) with certSign, server/client auth, CA:TRUE (critical), SKID.
  CHECK(X509_check_ca(cert.get()) >= 1);
  CHECK(critical(cert.get(), NID_basic_constraints));
  CHECK(critical(cert.get(), NID_key_usage));
  CHECK((X509_get_key_usage(cert.get()) &
         (KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_KEY_CERT_SIGN)) ==
        (KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_KEY_CERT_SIGN));
  CHECK((X509_get_extended_key_usage(cert.get()) & (XKU_SSL_SERVER | XKU_SSL_CLIENT)) ==
        (XKU_SSL_SERVER | XKU_SSL_CLIENT));
  CHECK(X509_get0_subject_key_id(cert.get()) != nullptr);
  CHECK(X509_get_ext_by_NID(cert.get(), NID_authority_key_identifier, -1) < 0);
  // The serial is 16 bytes from EngineOptions::random.
  const ASN1_INTEGER* serial = X509_get0_serialNumber(cert.get());
  CHECK(ASN1_STRING_length(serial) <= 16);
  CHECK(ASN1_STRING_length(serial) >= 15);
}

TEST_CASE("genSignedCert chains to its CA, with SANs and the CA's key id", "[sprig][certs]") {
  const std::string setup = "{{ $ca := genCA \"root\" 30 }}{{ $ca.Cert }}|";
  const std::string out = render(setup +
                                 "{{ $c := genSignedCert \"svc\" (list \"10.0.0.1\" \"::1\") (list "
                                 "\"svc.default\" \"svc\") 10 $ca }}" +
                                 "{{ $c.Cert }}|{{ $c.Key }}");
  const std::size_t first = out.find("-----\n|");
  const std::size_t second = out.find("-----\n|", first + 1);
  REQUIRE(second != std::string::npos);
  const Cert ca = parse_cert(out.substr(0, first + 6));
  const Cert leaf = parse_cert(out.substr(first + 7, second - first - 1));
  const Key leaf_key = parse_key(out.substr(second + 7));
  REQUIRE(ca);
  REQUIRE(leaf);
  REQUIRE(leaf_key);
  CHECK(X509_check_private_key(leaf.get(), leaf_key.get()) == 1);
  CHECK(common_name(X509_get_issuer_name(leaf.get())) == "root");
  CHECK(common_name(X509_get_subject_name(leaf.get())) == "svc");
  CHECK(X509_check_ca(leaf.get()) == 0);
  CHECK(X509_get0_subject_key_id(leaf.get()) == nullptr);
  REQUIRE(X509_get0_authority_key_id(leaf.get()) != nullptr);
  CHECK(ASN1_OCTET_STRING_cmp(X509_get0_authority_key_id(leaf.get()),
                              X509_get0_subject_key_id(ca.get())) == 0);
  CHECK(X509_check_host(leaf.get(), "svc.default", 0, 0, nullptr) == 1);
  CHECK(X509_check_ip_asc(leaf.get(), "10.0.0.1", 0) == 1);
  CHECK(X509_check_ip_asc(leaf.get(), "::1", 0) == 1);
  CHECK(asn1_time(X509_get0_notAfter(leaf.get())) == kNow + 10 * 86400);

  // The chain verifies (at the engine's clock) for TLS servers.
  std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), X509_STORE_free);
  X509_STORE_add_cert(store.get(), ca.get());
  std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(),
                                                                      X509_STORE_CTX_free);
  X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), nullptr);
  X509_STORE_CTX_set_time(ctx.get(), 0, kNow + 60);
  X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_SERVER);
  CHECK(X509_verify_cert(ctx.get()) == 1);
  INFO(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
}

TEST_CASE("certificates from given keys use those keys and their signature algorithms",
          "[sprig][certs]") {
  for (const std::string type : {"ecdsa", "ed25519", "rsa"}) {
    INFO(type);
    const std::string out = render("{{ $k := genPrivateKey \"" + type +
                                   "\" }}{{ $k }}|{{ $c := genSelfSignedCertWithKey \"x\" nil " +
                                   "(list \"a.example\") 1 $k }}{{ $c.Cert }}|{{ $c.Key }}");
    const std::size_t first = out.find("-----\n|");
    const std::size_t second = out.find("-----\n|", first + 1);
    REQUIRE(second != std::string::npos);
    const std::string key_pem = out.substr(0, first + 6);
    CHECK(out.substr(second + 7) == key_pem);
    const Cert cert = parse_cert(out.substr(first + 7, second - first - 1));
    const Key key = parse_key(key_pem);
    REQUIRE(cert);
    REQUIRE(key);
    CHECK(X509_check_private_key(cert.get(), key.get()) == 1);
    CHECK(X509_verify(cert.get(), key.get()) == 1);
    const int nid = X509_get_signature_nid(cert.get());
    if (type == "ecdsa")
      CHECK(nid == NID_ecdsa_with_SHA256);
    if (type == "ed25519")
      CHECK(nid == NID_ED25519);
    if (type == "rsa")
      CHECK(nid == NID_sha256WithRSAEncryption);
  }
}

TEST_CASE("buildCustomCert takes back what genCA made", "[sprig][certs]") {
  CHECK(render("{{ $ca := genCA \"x\" 1 }}{{ $c := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | "
               "b64enc) }}"
               "{{ and (eq $c.Cert $ca.Cert) (eq $c.Key $ca.Key) }}") == "true");
}

TEST_CASE("a certificate with an empty subject marks its SANs critical", "[sprig][certs]") {
  const auto [cert_pem, key_pem] = cert_and_key("", "genSelfSignedCert \"\" nil (list \"a\") 1");
  const Cert cert = parse_cert(cert_pem);
  REQUIRE(cert);
  CHECK(X509_NAME_entry_count(X509_get_subject_name(cert.get())) == 0);
  CHECK(critical(cert.get(), NID_subject_alt_name));
}

}  // namespace
}  // namespace capstan::templating
