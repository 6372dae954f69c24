// bcrypt: Blowfish (initial state: the hex digits of pi, sprig_blowfish_tables.inc), the
// salted key expansion, the 2^cost rounds and bcrypt's base64.
#include "templating/sprig_bcrypt.h"

#include <cstdint>

namespace capstan::templating::bcrypt {

namespace {

#include "templating/sprig_blowfish_tables.inc"

// Blowfish's state. Plain arrays and a hand-unrolled round keep bcrypt's 2^cost key schedules
// fast even in unoptimized (sanitizer) builds.
struct Blowfish {
  std::uint32_t p[18];
  std::uint32_t s[4][256];

  Blowfish() {
    std::copy(std::begin(kInitP), std::end(kInitP), p);
    std::copy(std::begin(kInitS0), std::end(kInitS0), s[0]);
    std::copy(std::begin(kInitS1), std::end(kInitS1), s[1]);
    std::copy(std::begin(kInitS2), std::end(kInitS2), s[2]);
    std::copy(std::begin(kInitS3), std::end(kInitS3), s[3]);
  }

  void encrypt(std::uint32_t& l, std::uint32_t& r) const {
    const std::uint32_t* s0 = s[0];
    const std::uint32_t* s1 = s[1];
    const std::uint32_t* s2 = s[2];
    const std::uint32_t* s3 = s[3];
    std::uint32_t xl = l ^ p[0], xr = r;
    for (int i = 1; i <= 16; i += 2) {
      xr ^=
          (((s0[xl >> 24] + s1[(xl >> 16) & 0xff]) ^ s2[(xl >> 8) & 0xff]) + s3[xl & 0xff]) ^ p[i];
      xl ^= (((s0[xr >> 24] + s1[(xr >> 16) & 0xff]) ^ s2[(xr >> 8) & 0xff]) + s3[xr & 0xff]) ^
            p[i + 1];
    }
    l = xr ^ p[17];
    r = xl;
  }

  // The next big-endian word of data, cycling.
  static std::uint32_t next_word(std::string_view data, std::size_t& j) {
    std::uint32_t w = 0;
    for (int k = 0; k < 4; ++k) {
      w = w << 8 | static_cast<unsigned char>(data[j]);
      if (++j >= data.size())
        j = 0;
    }
    return w;
  }

  // blowfish.ExpandKey (salt empty) and expandKeyWithSalt.
  void expand(std::string_view key, std::string_view salt) {
    std::size_t j = 0;
    for (std::uint32_t& w : p) w ^= next_word(key, j);
    j = 0;
    std::uint32_t l = 0, r = 0;
    std::uint32_t* words[5] = {p, s[0], s[1], s[2], s[3]};
    const std::size_t sizes[5] = {18, 256, 256, 256, 256};
    for (int t = 0; t < 5; ++t) {
      std::uint32_t* w = words[t];
      for (std::size_t i = 0; i < sizes[t]; i += 2) {
        if (!salt.empty()) {
          l ^= next_word(salt, j);
          r ^= next_word(salt, j);
        }
        encrypt(l, r);
        w[i] = l;
        w[i + 1] = r;
      }
    }
  }
};

constexpr char kAlphabet[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// base64 in bcrypt's alphabet without padding.
std::string encode(std::string_view in) {
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16 |
                       static_cast<unsigned char>(in[i + 1]) << 8 |
                       static_cast<unsigned char>(in[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(v >> k) & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size())
      v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    if (i + 1 < in.size())
      out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

std::optional<std::string> decode(std::string_view in) {
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    const char* at = std::char_traits<char>::find(kAlphabet, 64, c);
    if (at == nullptr)
      return std::nullopt;
    acc = acc << 6 | static_cast<unsigned>(at - kAlphabet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return out;
}

// The 23 hash bytes for a password, cost and 16 raw salt bytes.
std::string crypt_raw(std::string_view password, int cost, std::string_view salt) {
  std::string key(password);
  key += '\0';
  Blowfish c;
  c.expand(key, salt);
  for (std::uint64_t i = 0; i < (std::uint64_t{1} << cost); ++i) {
    c.expand(key, {});
    c.expand(salt, {});
  }
  static constexpr char kMagic[] = "OrpheanBeholderScryDoubt";
  std::uint32_t data[6];
  for (int i = 0; i < 6; ++i) {
    std::size_t j = static_cast<std::size_t>(i) * 4;
    data[i] = Blowfish::next_word(std::string_view(kMagic, 24), j);
  }
  for (int round = 0; round < 64; ++round) {
    for (int i = 0; i < 6; i += 2) c.encrypt(data[i], data[i + 1]);
  }
  std::string out;
  for (std::uint32_t w : data) {
    for (int k = 24; k >= 0; k -= 8) out += static_cast<char>((w >> k) & 0xff);
  }
  out.resize(23);
  return out;
}

std::string two_digits(int cost) {
  return std::string(1, static_cast<char>('0' + cost / 10)) + static_cast<char>('0' + cost % 10);
}

}  // namespace

std::string generate(std::string_view password, int cost, std::string_view salt16) {
  if (cost < 4)
    cost = 10;
  const std::string salt = encode(salt16);
  return "$2a$" + two_digits(cost) + "$" + salt + encode(crypt_raw(password, cost, salt16));
}

bool compare(std::string_view hashed, std::string_view password) {
  if (hashed.size() != 60 || hashed[0] != '$' || hashed[1] != '2' || hashed[3] != '$' ||
      hashed[6] != '$')
    return false;
  const int cost = (hashed[4] - '0') * 10 + (hashed[5] - '0');
  if (cost < 4 || cost > 31)
    return false;
  const std::optional<std::string> salt = decode(hashed.substr(7, 22));
  if (!salt || salt->size() != 16)
    return false;
  return encode(crypt_raw(password, cost, *salt)) == hashed.substr(29);
}

}  // namespace capstan::templating::bcrypt
