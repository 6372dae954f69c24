// Sprig's key and certificate functions (crypto.go): genPrivateKey, buildCustomCert, genCA,
// genCAWithKey, genSelfSignedCert, genSelfSignedCertWithKey, genSignedCert,
// genSignedCertWithKey, returning sprig.certificate {Cert, Key} objects. Serial numbers come from
// EngineOptions::random, validity from the engine's clock; --deterministic gives the oracle's
// stand-ins (PEM blocks whose body is "DETERMINISTIC").
#include <chrono>

#include "templating/engine.h"
#include "templating/function.h"
#include "templating/gofmt.h"
#include "templating/object.h"
#include "templating/sprig_objects.h"
#include "templating/sprig_values.h"
#include "templating/sprig_x509.h"

namespace capstan::templating {

using gox509::PrivateKey;

namespace {

std::string fixed_block(std::string_view type) {
  return "-----BEGIN " + std::string(type) + "-----\nDETERMINISTIC\n-----END " + std::string(type) +
         "-----\n";
}

std::string fixed_key(std::string type) {
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type == "ecdsa")
    return fixed_block("EC PRIVATE KEY");
  if (type == "ed25519")
    return fixed_block("PRIVATE KEY");
  if (type == "dsa")
    return fixed_block("DSA PRIVATE KEY");
  return fixed_block("RSA PRIVATE KEY");
}

Value fixed_certificate() {
  return sprig::certificate(fixed_block("CERTIFICATE"), fixed_key("rsa"));
}

std::shared_ptr<const GoTypeInfo> certificate_type() {
  static const std::shared_ptr<const GoTypeInfo> t = [] {
    auto type = std::make_shared<GoTypeInfo>();
    type->name = "sprig.certificate";
    type->kind = GoTypeInfo::Kind::Struct;
    return std::shared_ptr<const GoTypeInfo>(type);
  }();
  return t;
}

std::string generate_private_key(const std::string& type) {
  PrivateKey::Kind kind;
  if (type.empty() || type == "rsa") {
    kind = PrivateKey::Kind::Rsa;
  } else if (type == "dsa") {
    kind = PrivateKey::Kind::Dsa;
  } else if (type == "ecdsa") {
    kind = PrivateKey::Kind::Ecdsa;
  } else if (type == "ed25519") {
    kind = PrivateKey::Kind::Ed25519;
  } else {
    return "Unknown type " + type;
  }
  try {
    return gox509::generate_key(kind, 4096).pem();
  } catch (const gox509::X509Error& e) {
    return std::string("failed to generate private key: ") + e.what();
  }
}

PrivateKey parse_key(const std::string& pem, std::string_view context) {
  try {
    return gox509::parse_private_key_pem(pem);
  } catch (const gox509::X509Error& e) {
    throw FuncError(std::string(context) + e.what());
  }
}

// The current time in Unix seconds from the engine's clock (Go's time.Now()).
std::int64_t now_seconds(CallContext& ctx) {
  if (ctx.options().now_unix_nanos) {
    const std::int64_t ns = ctx.options().now_unix_nanos();
    return ns / 1000000000 - (ns % 1000000000 < 0 ? 1 : 0);
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// getBaseCertTemplate: IPs and DNS names checked, a random serial below 2^128.
gox509::CertTemplate base_template(CallContext& ctx, const std::string& cn, const Value& ips,
                                   const Value& dns, std::int64_t days) {
  gox509::CertTemplate t;
  t.common_name = cn;
  if (ips.is_list()) {
    for (const Value& ip : ips.list().items) {
      if (!ip.is_string())
        throw FuncError(gofmt::sprintf("error parsing ip: %v is not a string", {ip}));
      const std::optional<std::string> raw = gox509::parse_ip(ip.as_string());
      if (!raw)
        throw FuncError("error parsing ip: " + ip.as_string());
      t.ip_addresses.push_back(*raw);
    }
  }
  if (dns.is_list()) {
    for (const Value& name : dns.list().items) {
      if (!name.is_string()) {
        throw FuncError(
            gofmt::sprintf("error processing alternate dns name: %v is not a string", {name}));
      }
      t.dns_names.push_back(name.as_string());
    }
  }
  t.serial = sprig::random_bytes(ctx, 16);
  t.not_before = now_seconds(ctx);
  t.not_after = t.not_before + days * 86400;
  return t;
}

// getCertAndKey: the certificate signed by `signer` (self-signed without a parent) and the
// signee's key, PEM-encoded.
Value cert_and_key(const gox509::CertTemplate& t, const PrivateKey& signee,
                   std::string_view parent_der, const PrivateKey& signer) {
  std::string der;
  try {
    der = gox509::create_certificate(t, signee, parent_der, signer);
  } catch (const gox509::X509Error& e) {
    throw FuncError(std::string("error creating certificate: ") + e.what());
  }
  return sprig::certificate(gox509::pem_encode("CERTIFICATE", der), signee.pem());
}

Value ca_with_key(CallContext& ctx, const std::string& cn, std::int64_t days,
                  const PrivateKey& key) {
  gox509::CertTemplate t = base_template(ctx, cn, Value(), Value(), days);
  t.is_ca = true;
  return cert_and_key(t, key, "", key);
}

Value self_signed_with_key(CallContext& ctx, Args& a, const PrivateKey& key) {
  const gox509::CertTemplate t = base_template(ctx, a[0].as_string(), a[1], a[2], a[3].as_int());
  return cert_and_key(t, key, "", key);
}

const std::string& field(const Value& cert, std::string_view name) {
  static const std::string kEmpty;
  const GoObject* o = as_go_object(cert);
  const Value* v = o != nullptr ? o->field(name) : nullptr;
  return v != nullptr && v->is_string() ? v->as_string() : kEmpty;
}

Value signed_with_key(CallContext& ctx, Args& a, const PrivateKey& key) {
  const Value& ca = a[4];
  const std::optional<gox509::PemBlock> block = gox509::pem_decode(field(ca, "Cert"));
  if (!block)
    throw FuncError("unable to decode certificate");
  if (const std::optional<std::string> error = gox509::certificate_error(block->bytes)) {
    throw FuncError("error parsing certificate: decodedSignerCert.Bytes: " + *error);
  }
  const PrivateKey signer = parse_key(field(ca, "Key"), "error parsing private key: ");
  const gox509::CertTemplate t = base_template(ctx, a[0].as_string(), a[1], a[2], a[3].as_int());
  return cert_and_key(t, key, block->bytes, signer);
}

Value build_custom_cert(const std::string& b64cert, const std::string& b64key) {
  const std::optional<std::string> cert = sprig::base64_decode(b64cert, nullptr);
  if (!cert)
    throw FuncError("unable to decode base64 certificate");
  const std::optional<std::string> key = sprig::base64_decode(b64key, nullptr);
  if (!key)
    throw FuncError("unable to decode base64 private key");
  const std::optional<gox509::PemBlock> block = gox509::pem_decode(*cert);
  if (!block)
    throw FuncError("unable to decode certificate");
  if (const std::optional<std::string> error = gox509::certificate_error(block->bytes)) {
    throw FuncError("error parsing certificate: decodedCert.Bytes: " + *error);
  }
  parse_key(*key, "error parsing private key: ");
  return sprig::certificate(*cert, *key);
}

PrivateKey new_rsa_key() {
  return gox509::generate_key(PrivateKey::Kind::Rsa, 2048);
}

}  // namespace

Value sprig::certificate(std::string cert, std::string key) {
  return GoObject::make_struct(certificate_type(),
                               {{"Cert", Value(std::move(cert))}, {"Key", Value(std::move(key))}});
}

void register_sprig_certs(FuncMap& f) {
  f.add("genPrivateKey", "func(string) string", [](CallContext& c, Args& a) {
    if (c.options().deterministic)
      return Value(fixed_key(a[0].as_string()));
    return Value(generate_private_key(a[0].as_string()));
  });
  f.add(
      "buildCustomCert", "func(string, string) (sprig.certificate, error)",
      [](CallContext&, Args& a) { return build_custom_cert(a[0].as_string(), a[1].as_string()); });
  f.add("genCA", "func(string, int) (sprig.certificate, error)", [](CallContext& c, Args& a) {
    if (c.options().deterministic)
      return fixed_certificate();
    return ca_with_key(c, a[0].as_string(), a[1].as_int(), new_rsa_key());
  });
  f.add("genCAWithKey", "func(string, int, string) (sprig.certificate, error)",
        [](CallContext& c, Args& a) {
          if (c.options().deterministic)
            return fixed_certificate();
          const PrivateKey key = parse_key(a[2].as_string(), "parsing private key: ");
          return ca_with_key(c, a[0].as_string(), a[1].as_int(), key);
        });
  f.add("genSelfSignedCert",
        "func(string, []interface {}, []interface {}, int) (sprig.certificate, error)",
        [](CallContext& c, Args& a) {
          if (c.options().deterministic)
            return fixed_certificate();
          return self_signed_with_key(c, a, new_rsa_key());
        });
  f.add("genSelfSignedCertWithKey",
        "func(string, []interface {}, []interface {}, int, string) (sprig.certificate, error)",
        [](CallContext& c, Args& a) {
          if (c.options().deterministic)
            return fixed_certificate();
          const PrivateKey key = parse_key(a[4].as_string(), "parsing private key: ");
          return self_signed_with_key(c, a, key);
        });
  f.add("genSignedCert",
        "func(string, []interface {}, []interface {}, int, sprig.certificate) (sprig.certificate, "
        "error)",
        [](CallContext& c, Args& a) {
          if (c.options().deterministic)
            return fixed_certificate();
          return signed_with_key(c, a, new_rsa_key());
        });
  f.add("genSignedCertWithKey",
        "func(string, []interface {}, []interface {}, int, sprig.certificate, string) "
        "(sprig.certificate, error)",
        [](CallContext& c, Args& a) {
          if (c.options().deterministic)
            return fixed_certificate();
          const PrivateKey key = parse_key(a[5].as_string(), "parsing private key: ");
          return signed_with_key(c, a, key);
        });
}

}  // namespace capstan::templating
