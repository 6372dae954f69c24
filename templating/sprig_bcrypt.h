// bcrypt as golang.org/x/crypto/bcrypt computes it (Sprig's bcrypt and htpasswd): "$2a$",
// the cost, 22 characters of salt and 31 of hash in bcrypt's base64 alphabet, over the
// EksBlowfish key schedule (the password and a NUL, at most its first 72 bytes used).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace capstan::templating::bcrypt {

// bcrypt.GenerateFromPassword(password, cost) with the given 16 salt bytes (cost below 4 means
// 10, as Go's DefaultCost; above 31 is clamped by the caller).
std::string generate(std::string_view password, int cost, std::string_view salt16);

// bcrypt.CompareHashAndPassword: whether `password` hashes to `hashed` ($2a$/$2b$/$2y$ hashes).
bool compare(std::string_view hashed, std::string_view password);

}  // namespace capstan::templating::bcrypt
