// Secrets: random tokens, their hashes at rest, and password hashing (libsodium).
#pragma once
#include <string>
#include <string_view>

namespace jalon::crypto {

// Initialises libsodium; safe to call many times. Throws std::runtime_error if it cannot.
void init();

// `bytes` random bytes from the system's CSPRNG, encoded in base64url without padding.
std::string random_token(std::size_t bytes = 32);

// BLAKE2b-256 of `secret` in lowercase hex: how session ids, API tokens and one-time links
// are stored, so that a copy of the database does not give access.
std::string hash_token(std::string_view secret);

// Compares in time independent of where the strings differ.
bool constant_time_equal(std::string_view a, std::string_view b);

// Cost of argon2id. `interactive` is the production default; `minimal` keeps test suites
// that log in hundreds of times fast and is refused by nothing but chosen only by tests.
enum class PasswordCost { interactive, minimal };
void set_password_cost(PasswordCost cost);

// argon2id hash in libsodium's self-describing string format (salt and parameters included).
std::string hash_password(std::string_view password);
// True when `password` matches `stored` (a string from hash_password).
bool verify_password(std::string_view password, const std::string& stored);

}  // namespace jalon::crypto
