// Sprig's encodings and hashes (crypto.go, strings.go): b64enc, b64dec, sha256sum.
#include <openssl/sha.h>

#include "templating/function.h"

namespace capstan::templating {

namespace {

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string b64encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) | static_cast<unsigned char>(in[i + 2]);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
    out += kB64[v & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// base64.StdEncoding.DecodeString; on failure Go's CorruptInputError text.
std::string b64decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  auto corrupt = [](std::size_t at) {
    return "illegal base64 data at input byte " + std::to_string(at);
  };
  // Go skips \r and \n anywhere in the input.
  std::string clean;
  std::vector<std::size_t> pos;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\r' || in[i] == '\n') continue;
    clean += in[i];
    pos.push_back(i);
  }
  std::string out;
  std::size_t i = 0;
  while (i < clean.size()) {
    int quantum[4];
    std::size_t n = 0;
    for (; n < 4; ++n) {
      if (i + n >= clean.size()) {
        if (n == 0) return out;
        if (n == 1) return corrupt(pos[i + n - 1] + 1 - 1 + 1 - 1);
        return corrupt(in.size());
      }
      const char c = clean[i + n];
      if (c == '=') {
        // Padding: only in the last quantum, after two or three symbols.
        if (n < 2) return corrupt(pos[i + n]);
        if (n == 2) {
          if (i + 3 >= clean.size()) return corrupt(in.size());
          if (clean[i + 3] != '=') return corrupt(pos[i + 3]);
          if (i + 4 != clean.size()) return corrupt(pos[i + 4]);
        } else if (i + 3 + 1 != clean.size()) {
          return corrupt(pos[i + 4]);
        }
        break;
      }
      quantum[n] = value(c);
      if (quantum[n] < 0) return corrupt(pos[i + n]);
    }
    const unsigned v = (static_cast<unsigned>(quantum[0]) << 18) | (static_cast<unsigned>(quantum[1]) << 12) |
                       (n > 2 ? static_cast<unsigned>(quantum[2]) << 6 : 0) | (n > 3 ? static_cast<unsigned>(quantum[3]) : 0);
    out += static_cast<char>((v >> 16) & 0xFF);
    if (n > 2) out += static_cast<char>((v >> 8) & 0xFF);
    if (n > 3) out += static_cast<char>(v & 0xFF);
    if (n < 4) break;
    i += 4;
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
  f.add("b64enc", "func(string) string", [](CallContext&, Args& a) { return Value(b64encode(a[0].as_string())); });
  f.add("b64dec", "func(string) string", [](CallContext&, Args& a) { return Value(b64decode(a[0].as_string())); });
  f.add("sha256sum", "func(string) string", [](CallContext&, Args& a) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    const std::string& s = a[0].as_string();
    SHA256(reinterpret_cast<const unsigned char*>(s.data()), s.size(), digest);
    return Value(hex(digest, sizeof digest));
  });
}

}  // namespace capstan::templating
