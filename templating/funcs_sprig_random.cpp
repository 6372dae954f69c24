// Sprig's random functions: randAlphaNum, randAlpha, randAscii, randNumeric (goutils'
// CryptoRandom character sets), randInt, randBytes, shuffle (xstrings.Shuffle), uuidv4
// (google/uuid's version 4). Randomness comes from EngineOptions::random; with
// --deterministic they are the oracle's stand-ins ("x"×n, "0"×n, min, zero bytes, the input,
// 00000000-0000-4000-8000-000000000000).
#include "templating/engine.h"
#include "templating/function.h"
#include "templating/sprig_strings.h"
#include "templating/sprig_values.h"

namespace capstan::templating {

namespace {

constexpr std::string_view kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kAlphaNum =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::string printable_ascii() {
  std::string s;
  for (char c = 32; c < 127; ++c) s += c;
  return s;
}

// goutils.CryptoRandom over a character set: count characters drawn uniformly; a negative
// count is an error, which Sprig turns into "".
std::string random_string(CallContext& ctx, std::int64_t count, std::string_view set,
                          char deterministic) {
  if (ctx.options().deterministic)
    return std::string(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)), deterministic);
  if (count <= 0)
    return "";
  std::string out;
  out.reserve(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) out += set[sprig::random_below(ctx, set.size())];
  return out;
}

std::string rand_bytes(CallContext& ctx, std::int64_t count) {
  if (count < 0)
    throw FuncError("runtime error: makeslice: len out of range");
  if (ctx.options().deterministic)
    return sprig::base64_encode(std::string(static_cast<std::size_t>(count), '\0'));
  return sprig::base64_encode(sprig::random_bytes(ctx, static_cast<std::size_t>(count)));
}

std::string shuffle(CallContext& ctx, const std::string& s) {
  if (ctx.options().deterministic || s.empty())
    return s;
  std::vector<std::int32_t> runes = gostrings::runes(s);
  for (std::size_t i = runes.size() - 1; i > 0; --i) {
    const std::size_t j = sprig::random_below(ctx, i + 1);
    std::swap(runes[i], runes[j]);
  }
  return gostrings::from_runes(runes);
}

std::string uuidv4(CallContext& ctx) {
  if (ctx.options().deterministic)
    return "00000000-0000-4000-8000-000000000000";
  std::string b = sprig::random_bytes(ctx, 16);
  b[6] = static_cast<char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10)
      out += '-';
    out += kHex[static_cast<unsigned char>(b[i]) >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

}  // namespace

void register_sprig_random(FuncMap& f) {
  f.add("randAlphaNum", "func(int) string", [](CallContext& c, Args& a) {
    return Value(random_string(c, a[0].as_int(), kAlphaNum, 'x'));
  });
  f.add("randAlpha", "func(int) string", [](CallContext& c, Args& a) {
    return Value(random_string(c, a[0].as_int(), kLetters, 'x'));
  });
  f.add("randAscii", "func(int) string", [](CallContext& c, Args& a) {
    return Value(random_string(c, a[0].as_int(), printable_ascii(), 'x'));
  });
  f.add("randNumeric", "func(int) string", [](CallContext& c, Args& a) {
    return Value(random_string(c, a[0].as_int(), kDigits, '0'));
  });
  f.add("randInt", "func(int, int) int", [](CallContext& c, Args& a) {
    const std::int64_t min = a[0].as_int(), max = a[1].as_int();
    if (c.options().deterministic)
      return Value::integer(min, NumType::Int);
    const std::int64_t n = static_cast<std::int64_t>(static_cast<std::uint64_t>(max) -
                                                     static_cast<std::uint64_t>(min));
    if (n <= 0)
      throw FuncError("invalid argument to Intn");
    const auto r = static_cast<std::int64_t>(sprig::random_below(c, static_cast<std::uint64_t>(n)));
    return Value::integer(
        static_cast<std::int64_t>(static_cast<std::uint64_t>(r) + static_cast<std::uint64_t>(min)),
        NumType::Int);
  });
  f.add("randBytes", "func(int) (string, error)",
        [](CallContext& c, Args& a) { return Value(rand_bytes(c, a[0].as_int())); });
  f.add("shuffle", "func(string) string",
        [](CallContext& c, Args& a) { return Value(shuffle(c, a[0].as_string())); });
  f.add("uuidv4", "func() string", [](CallContext& c, Args&) { return Value(uuidv4(c)); });
}

}  // namespace capstan::templating
