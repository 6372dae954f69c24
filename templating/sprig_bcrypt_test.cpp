// bcrypt against golang.org/x/crypto/bcrypt: hashes Go made (testdata/templating/
// sprig_crypto_vectors.json, from testdata/templating/gen/sprigcrypto) verify, wrong passwords do
// not, and our own hashes have Go's shape and verify.
#include "templating/sprig_bcrypt.h"

#include <catch2/catch.hpp>

#include "core/json.h"
#include "tests/support/testing.h"

namespace capstan::templating {
namespace {

Value vectors() {
  return json::decode(
      testing::read_file(testing::testdata("templating/sprig_crypto_vectors.json")));
}

TEST_CASE("bcrypt verifies hashes made by Go's bcrypt", "[sprig][bcrypt]") {
  const Value v = vectors();
  const auto& items = v.find("bcrypt")->list().items;
  REQUIRE(items.size() >= 6);
  for (const Value& item : items) {
    const std::string password = item.get_string("password");
    const std::string hash = item.get_string("hash");
    INFO("password " << password << " hash " << hash);
    CHECK(bcrypt::compare(hash, password));
    CHECK_FALSE(bcrypt::compare(hash, "x" + password));
  }
}

TEST_CASE("bcrypt uses only the first 72 bytes of the password, as Go's does", "[sprig][bcrypt]") {
  const std::string salt(16, '\x42');
  const std::string long_password(72, 'p');
  const std::string hash = bcrypt::generate(long_password + "ignored", 4, salt);
  CHECK(bcrypt::compare(hash, long_password));
  CHECK_FALSE(bcrypt::compare(hash, long_password.substr(0, 71)));
}

TEST_CASE("bcrypt hashes have Go's $2a$ format", "[sprig][bcrypt]") {
  const std::string salt = "0123456789abcdef";
  const std::string hash = bcrypt::generate("secret", 10, salt);
  CHECK(hash.size() == 60);
  CHECK(hash.substr(0, 7) == "$2a$10$");
  CHECK(bcrypt::compare(hash, "secret"));
  // The same salt and password give the same hash; another salt another.
  CHECK(bcrypt::generate("secret", 10, salt) == hash);
  CHECK(bcrypt::generate("secret", 10, "fedcba9876543210") != hash);
  // Costs below Go's minimum become its default.
  CHECK(bcrypt::generate("x", 0, salt).substr(0, 7) == "$2a$10$");
  CHECK(bcrypt::generate("x", 4, salt).substr(0, 7) == "$2a$04$");
  CHECK_FALSE(bcrypt::compare("$2a$10$short", "x"));
}

}  // namespace
}  // namespace capstan::templating
