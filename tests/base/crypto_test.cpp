#include <gtest/gtest.h>

#include <set>

#include "base/crypto.h"

using namespace jalon;

class Crypto : public ::testing::Test {
 protected:
  void SetUp() override { crypto::init(); }
};

TEST_F(Crypto, PasswordHashIsArgon2idSaltedAndVerifies) {
  crypto::set_password_cost(crypto::PasswordCost::minimal);
  auto h1 = crypto::hash_password("une phrase de passe");
  auto h2 = crypto::hash_password("une phrase de passe");
  EXPECT_EQ(h1.rfind("$argon2id$", 0), 0u);
  EXPECT_NE(h1, h2);  // salted
  EXPECT_TRUE(crypto::verify_password("une phrase de passe", h1));
  EXPECT_FALSE(crypto::verify_password("une phrase de passE", h1));
  EXPECT_FALSE(crypto::verify_password("x", ""));
}

TEST_F(Crypto, InteractiveCostIsTheDefaultAndVerifiesAcrossCosts) {
  crypto::set_password_cost(crypto::PasswordCost::interactive);
  auto strong = crypto::hash_password("mot de passe robuste");
  EXPECT_NE(strong.find("m=65536"), std::string::npos);  // 64 MiB
  crypto::set_password_cost(crypto::PasswordCost::minimal);
  EXPECT_TRUE(crypto::verify_password("mot de passe robuste", strong));
}

TEST_F(Crypto, TokensAreRandomUrlSafeAndHashedDeterministically) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto t = crypto::random_token(32);
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
  EXPECT_EQ(crypto::hash_token("abc"), crypto::hash_token("abc"));
  EXPECT_NE(crypto::hash_token("abc"), crypto::hash_token("abd"));
  EXPECT_EQ(crypto::hash_token("abc").size(), 64u);
}

TEST_F(Crypto, ConstantTimeEqual) {
  EXPECT_TRUE(crypto::constant_time_equal("abc", "abc"));
  EXPECT_FALSE(crypto::constant_time_equal("abc", "abd"));
  EXPECT_FALSE(crypto::constant_time_equal("abc", "abcd"));
  EXPECT_TRUE(crypto::constant_time_equal("", ""));
}
