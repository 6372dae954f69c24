// Sprig's encodings and checksums (crypto.go, strings.go): b64enc, b64dec, b32enc, b32dec,
// sha1sum, sha256sum, sha512sum (Sprig 3.3's, which the oracle adds), adler32sum.
#include <openssl/sha.h>

#include <algorithm>

#include "templating/function.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

constexpr char kB32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string b32encode(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 5) {
    const std::size_t n = std::min<std::size_t>(5, in.size() - i);
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < 5; ++k) {
      v = (v << 8) | (k < n ? static_cast<unsigned char>(in[i + k]) : 0);
    }
    // Output characters carrying input bits: 2, 4, 5, 7 or 8 of the quantum's 8.
    static constexpr int kChars[] = {0, 2, 4, 5, 7, 8};
    for (int k = 0; k < 8; ++k) out += k < kChars[n] ? kB32[(v >> (35 - 5 * k)) & 31] : '=';
  }
  return out;
}

// base32.StdEncoding.DecodeString (Go 1.19's decode loop, after stripping CR and LF); on
// failure Go's CorruptInputError text, which Sprig returns in place of the result.
std::string b32decode(std::string_view input) {
  std::string src;
  for (char c : input) {
    if (c != '\r' && c != '\n')
      src += c;
  }
  auto corrupt = [](std::size_t at) {
    return "illegal base32 data at input byte " + std::to_string(at);
  };
  auto decode_map = [](unsigned char c) -> int {
    if (c >= 'A' && c <= 'Z')
      return c - 'A';
    if (c >= '2' && c <= '7')
      return c - '2' + 26;
    return -1;
  };
  const std::size_t olen = src.size();
  std::size_t si = 0;
  std::string out;
  bool end = false;
  while (si < olen && !end) {
    int dbuf[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int dlen = 8;
    for (int j = 0; j < 8;) {
      if (si == olen)
        return corrupt(olen - (olen - si) - static_cast<std::size_t>(j));
      const auto in = static_cast<unsigned char>(src[si++]);
      const std::size_t left = olen - si;
      if (in == '=' && j >= 2 && left < 8) {
        if (left + static_cast<std::size_t>(j) < 7)
          return corrupt(olen);
        for (int k = 0; k < 7 - j; ++k) {
          if (left > static_cast<std::size_t>(k) && src[si + static_cast<std::size_t>(k)] != '=') {
            return corrupt(olen - left + static_cast<std::size_t>(k) - 1);
          }
        }
        dlen = j;
        end = true;
        if (dlen == 1 || dlen == 3 || dlen == 6)
          return corrupt(olen - left - 1);
        break;
      }
      dbuf[j] = decode_map(in);
      if (dbuf[j] < 0)
        return corrupt(olen - left - 1);
      ++j;
    }
    unsigned char q[5];
    q[4] = static_cast<unsigned char>(dbuf[6] << 5 | dbuf[7]);
    q[3] = static_cast<unsigned char>(dbuf[4] << 7 | dbuf[5] << 2 | dbuf[6] >> 3);
    q[2] = static_cast<unsigned char>(dbuf[3] << 4 | dbuf[4] >> 1);
    q[1] = static_cast<unsigned char>(dbuf[1] << 6 | dbuf[2] << 1 | dbuf[3] >> 4);
    q[0] = static_cast<unsigned char>(dbuf[0] << 3 | dbuf[1] >> 2);
    static constexpr int kBytes[] = {0, 0, 1, 0, 2, 3, 0, 4, 5};
    out.append(reinterpret_cast<const char*>(q), static_cast<std::size_t>(kBytes[dlen]));
  }
  return out;
}

std::string hex(const unsigned char* data, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 15];
  }
  return out;
}

}  // namespace

void register_sprig_encoding(FuncMap& f) {
  f.add("b64enc", "func(string) string",
        [](CallContext&, Args& a) { return Value(sprig::base64_encode(a[0].as_string())); });
  f.add("b64dec", "func(string) string", [](CallContext&, Args& a) {
    std::string error;
    std::optional<std::string> decoded = sprig::base64_decode(a[0].as_string(), &error);
    // Sprig returns the error text in place of the data.
    return Value(decoded ? *decoded : error);
  });
  f.add("b32enc", "func(string) string",
        [](CallContext&, Args& a) { return Value(b32encode(a[0].as_string())); });
  f.add("b32dec", "func(string) string",
        [](CallContext&, Args& a) { return Value(b32decode(a[0].as_string())); });
  f.add("sha1sum", "func(string) string", [](CallContext&, Args& a) {
    unsigned char digest[SHA_DIGEST_LENGTH];
    const std::string& s = a[0].as_string();
    SHA1(reinterpret_cast<const unsigned char*>(s.data()), s.size(), digest);
    return Value(hex(digest, sizeof digest));
  });
  f.add("sha256sum", "func(string) string", [](CallContext&, Args& a) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    const std::string& s = a[0].as_string();
    SHA256(reinterpret_cast<const unsigned char*>(s.data()), s.size(), digest);
    return Value(hex(digest, sizeof digest));
  });
  f.add("sha512sum", "func(string) string", [](CallContext&, Args& a) {
    unsigned char digest[SHA512_DIGEST_LENGTH];
    const std::string& s = a[0].as_string();
    SHA512(reinterpret_cast<const unsigned char*>(s.data()), s.size(), digest);
    return Value(hex(digest, sizeof digest));
  });
  // hash/adler32 (RFC 1950), printed in decimal.
  f.add("adler32sum", "func(string) string", [](CallContext&, Args& a) {
    std::uint32_t s1 = 1, s2 = 0;
    for (char c : a[0].as_string()) {
      s1 = (s1 + static_cast<unsigned char>(c)) % 65521;
      s2 = (s2 + s1) % 65521;
    }
    return Value(std::to_string((s2 << 16) | s1));
  });
}

}  // namespace capstan::templating
