#include <gtest/gtest.h>

#include "base/siret.h"

using namespace jalon;

TEST(Siret, AcceptsValidLuhnNumbers) {
  EXPECT_TRUE(siret::valid("73282932000074"));  // a real, published SIRET
  EXPECT_TRUE(siret::valid("13000548100010"));
}

TEST(Siret, RejectsWrongChecksumLengthAndCharacters) {
  EXPECT_FALSE(siret::valid("73282932000075"));
  EXPECT_FALSE(siret::valid("7328293200007"));
  EXPECT_FALSE(siret::valid("732829320000744"));
  EXPECT_FALSE(siret::valid("7328293200007A"));
  EXPECT_FALSE(siret::valid(""));
}

TEST(Siret, LaPosteEstablishmentsUseTheSumOfDigitsRule) {
  // La Poste's establishments (SIREN 356000000) often fail Luhn; their digits sum to a
  // multiple of 5 instead.
  EXPECT_TRUE(siret::valid("35600000049837"));  // digit sum 45
  EXPECT_FALSE(siret::valid("35600000049838"));  // digit sum 46, not Luhn either
  EXPECT_TRUE(siret::valid("35600000049839"));   // passes Luhn: valid for La Poste too
}

TEST(Siret, NormaliseRemovesSpacesAndDots) {
  EXPECT_EQ(siret::normalise("732 829 320 00074"), "73282932000074");
  EXPECT_EQ(siret::normalise(" 732.829.320-00074 "), "73282932000074");
}
