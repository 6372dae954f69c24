// Sprig's AES and password functions where the oracle cannot compare outputs: decryptAES reads
// ciphertexts made by Go's Sprig (testdata/templating/sprig_crypto_vectors.json), encryptAES output
// round-trips and has Sprig's layout, and the random source is EngineOptions::random.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "core/json.h"
#include "templating/engine.h"
#include "templating/sprig_bcrypt.h"
#include "templating/sprig_values.h"
#include "tests/support/testing.h"

namespace capstan::templating {
namespace {

std::string render(std::string_view text, const Value& data = Value::empty_map(),
                   EngineOptions options = {}) {
  Engine engine(std::move(options));
  engine.parse("t", text);
  return engine.render("t", data);
}

// A fixed sequence of "random" numbers.
EngineOptions counting_random() {
  EngineOptions o;
  auto counter = std::make_shared<std::uint64_t>(0);
  o.random = [counter] { return 0x0101010101010101ULL * ((*counter)++ % 251); };
  return o;
}

TEST_CASE("decryptAES decrypts ciphertexts made by Go's Sprig", "[sprig][aes]") {
  const Value v =
      json::decode(testing::read_file(testing::testdata("templating/sprig_crypto_vectors.json")));
  const auto& items = v.find("aes")->list().items;
  REQUIRE(items.size() >= 5);
  for (const Value& item : items) {
    const Value data =
        Value::map_of({{"p", item.get_string("password")}, {"c", item.get_string("ciphertext")}});
    INFO("password " << item.get_string("password"));
    CHECK(render("{{ decryptAES .p .c }}", data) == item.get_string("plaintext"));
  }
}

TEST_CASE("encryptAES writes IV and PKCS#7-padded AES-256-CBC blocks, and round-trips",
          "[sprig][aes]") {
  const EngineOptions o = counting_random();
  // 11 bytes pad to one block, 16 bytes to two; the IV comes first.
  CHECK(render("{{ encryptAES \"k\" \"hello world\" | b64dec | len }}", Value::empty_map(), o) ==
        "32");
  CHECK(render("{{ encryptAES \"k\" \"0123456789abcdef\" | b64dec | len }}", Value::empty_map(),
               o) == "48");
  CHECK(render("{{ encryptAES \"pw\" \"multi\\nline ü\" | decryptAES \"pw\" }}", Value::empty_map(),
               o) == "multi\nline ü");
  // The IV comes from EngineOptions::random: the same sequence gives the same ciphertext.
  CHECK(render("{{ encryptAES \"k\" \"x\" }}", Value::empty_map(), counting_random()) ==
        render("{{ encryptAES \"k\" \"x\" }}", Value::empty_map(), counting_random()));
  // Without an injected source, two encryptions differ.
  CHECK(render("{{ eq (encryptAES \"k\" \"x\") (encryptAES \"k\" \"x\") }}") == "false");
}

TEST_CASE("bcrypt and htpasswd produce hashes bcrypt verifies", "[sprig][bcrypt]") {
  const std::string hash = render("{{ bcrypt \"s3cret\" }}");
  CHECK(bcrypt::compare(hash, "s3cret"));
  const std::string line = render("{{ htpasswd \"admin\" \"pw\" }}");
  REQUIRE(line.substr(0, 6) == "admin:");
  CHECK(bcrypt::compare(line.substr(6), "pw"));
}

TEST_CASE("random functions draw from EngineOptions::random", "[sprig][random]") {
  const std::string t =
      "{{ randAlphaNum 12 }} {{ randNumeric 5 }} {{ randInt 0 1000 }} {{ uuidv4 }} {{ randBytes 6 "
      "}} {{ shuffle \"abcdef\" }}";
  const std::string a = render(t, Value::empty_map(), counting_random());
  CHECK(a == render(t, Value::empty_map(), counting_random()));
  CHECK(a != render(t));
  const std::string uuid = render("{{ uuidv4 }}", Value::empty_map(), counting_random());
  REQUIRE(uuid.size() == 36);
  CHECK(uuid[14] == '4');
  CHECK(std::string("89ab").find(uuid[19]) != std::string::npos);
}

TEST_CASE("deterministic mode uses the oracle's stand-ins", "[sprig][random]") {
  EngineOptions o;
  o.deterministic = true;
  CHECK(render("{{ randAlphaNum 3 }} {{ randNumeric 2 }} {{ randInt 4 9 }} {{ uuidv4 }} {{ "
               "randBytes 2 }} {{ shuffle \"ab\" }}",
               Value::empty_map(), o) == "xxx 00 4 00000000-0000-4000-8000-000000000000 AAA= ab");
  CHECK(render("{{ bcrypt \"x\" }}", Value::empty_map(), o) ==
        "$2a$10$DETERMINISTICDETERMINISTICDETERMINISTICDETERMINISTIC");
  CHECK(render("{{ now }}", Value::empty_map(), o) == "2000-01-01 00:00:00 +0000 UTC");
}

}  // namespace
}  // namespace capstan::templating
