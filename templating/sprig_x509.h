// The parts of Go's crypto/x509 and encoding/pem that Sprig's key and certificate functions use,
// over OpenSSL: PEM blocks (pem.Decode's rules), private keys in Go's formats (PKCS#1 RSA,
// SEC1 EC, PKCS#8 Ed25519, the OpenSSL-style DSA sequence), and CreateCertificate's choices
// (v3, random serial, the template's extensions in Go's order, SHA-256 signatures).
// Failures throw X509Error with Go's texts where Sprig shows them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct evp_pkey_st;

namespace capstan::templating::gox509 {

class X509Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PemBlock {
  std::string type;
  std::string bytes;
};

// pem.Decode: the first well-formed block in data (headers are skipped), or nullopt.
std::optional<PemBlock> pem_decode(std::string_view data);
// pem.EncodeToMemory of a block without headers (64-column base64).
std::string pem_encode(std::string_view type, std::string_view der);

class PrivateKey {
 public:
  enum class Kind { Rsa, Ecdsa, Ed25519, Dsa };
  PrivateKey(evp_pkey_st* key, Kind kind);
  ~PrivateKey();
  PrivateKey(PrivateKey&&) noexcept;
  PrivateKey& operator=(PrivateKey&&) noexcept;

  Kind kind() const { return kind_; }
  evp_pkey_st* get() const { return key_; }
  // Sprig's pemBlockForKey: "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" or
  // PKCS#8 "PRIVATE KEY".
  std::string pem() const;

 private:
  evp_pkey_st* key_;
  Kind kind_;
};

// A new key as Sprig makes one: RSA (bits), ECDSA P-256, Ed25519, DSA L2048N256.
PrivateKey generate_key(PrivateKey::Kind kind, int rsa_bits = 2048);

// Sprig's parsePrivateKeyPEM.
PrivateKey parse_private_key_pem(std::string_view pem);

// Whether der is a certificate x509.ParseCertificate accepts; on failure, Go's error text.
std::optional<std::string> certificate_error(std::string_view der);

struct CertTemplate {
  std::string common_name;
  std::vector<std::string> ip_addresses;  // 4 or 16 raw bytes each
  std::vector<std::string> dns_names;
  std::int64_t not_before = 0;  // Unix seconds
  std::int64_t not_after = 0;
  bool is_ca = false;
  std::string serial;  // big-endian bytes of a non-negative serial number
};

// x509.CreateCertificate(template, parent, signee's public key, signer): `parent_der` empty
// means self-signed (the template is the parent). Returns the certificate's DER.
std::string create_certificate(const CertTemplate& tmpl, const PrivateKey& signee,
                               std::string_view parent_der, const PrivateKey& signer);

// net.ParseIP: 4 bytes for IPv4 (and IPv4-mapped IPv6, as To4 gives them), 16 for IPv6.
std::optional<std::string> parse_ip(std::string_view s);

}  // namespace capstan::templating::gox509
