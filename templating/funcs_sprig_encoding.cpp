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

// base64.StdEncoding.DecodeString (Go's decodeQuantum loop); on failure Go's
// CorruptInputError text, which Sprig returns in place of the result.
std::string b64decode(std::string_view src) {
  auto decode_map = [](unsigned char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  auto corrupt = [](std::size_t at) { return "illegal base64 data at input byte " + std::to_string(at); };
  std::string out;
  std::size_t si = 0;
  while (true) {
    int dbuf[4] = {0, 0, 0, 0};
    int dlen = 4;
    bool done = false;
    for (int j = 0; j < 4; ++j) {
      if (si == src.size()) {
        if (j == 0) return out;
        return corrupt(si - static_cast<std::size_t>(j));  // padding is required
      }
      const auto in = static_cast<unsigned char>(src[si]);
      ++si;
      const int value = decode_map(in);
      if (value >= 0) {
        dbuf[j] = value;
        continue;
      }
      if (in == '\n' || in == '\r') {
        --j;
        continue;
      }
      if (in != '=') return corrupt(si - 1);
      // Padding: the end of the input.
      if (j == 0 || j == 1) return corrupt(si - 1);
      if (j == 2) {
        while (si < src.size() && (src[si] == '\n' || src[si] == '\r')) ++si;
        if (si == src.size()) return corrupt(src.size());
        if (src[si] != '=') return corrupt(si - 1);
        ++si;
      }
      while (si < src.size() && (src[si] == '\n' || src[si] == '\r')) ++si;
      if (si < src.size()) return corrupt(si);  // trailing garbage
      dlen = j;
      done = true;
      break;
    }
    const unsigned val = (static_cast<unsigned>(dbuf[0]) << 18) | (static_cast<unsigned>(dbuf[1]) << 12) |
                         (static_cast<unsigned>(dbuf[2]) << 6) | static_cast<unsigned>(dbuf[3]);
    if (dlen >= 2) out += static_cast<char>((val >> 16) & 0xFF);
    if (dlen >= 3) out += static_cast<char>((val >> 8) & 0xFF);
    if (dlen >= 4) out += static_cast<char>(val & 0xFF);
    if (done) return out;
  }
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
