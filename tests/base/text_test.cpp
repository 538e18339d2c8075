#include <gtest/gtest.h>

#include "base/text.h"

using namespace jalon;

TEST(Text, FoldRemovesAccentsCaseAndLigatures) {
  EXPECT_EQ(text::fold("Élodie"), "elodie");
  EXPECT_EQ(text::fold("CHÂTELLERAULT"), "chatellerault");
  EXPECT_EQ(text::fold("Cœur"), "coeur");
  EXPECT_EQ(text::fold("Lætitia"), "laetitia");
  EXPECT_EQ(text::fold("Ça ira"), "ca ira");
  // The same key whether the rest of the string takes the fast path or ICU's.
  EXPECT_EQ(text::fold("Strauß Ørsted"), "strauss orsted");
  EXPECT_EQ(text::fold("Strauß Ørsted Žižek"), "strauss orsted zizek");
}

TEST(Text, PlausibleEmail) {
  EXPECT_TRUE(text::plausible_email("prenom.nom@exemple.fr"));
  EXPECT_TRUE(text::plausible_email("a+b@sous.domaine.org"));
  EXPECT_FALSE(text::plausible_email("sans-arobase.fr"));
  EXPECT_FALSE(text::plausible_email("deux@@exemple.fr"));
  EXPECT_FALSE(text::plausible_email("a@localhost"));
  EXPECT_FALSE(text::plausible_email("a b@exemple.fr"));
  EXPECT_FALSE(text::plausible_email("@exemple.fr"));
  EXPECT_FALSE(text::plausible_email("a@exemple."));
}

TEST(Text, NormaliseEmailTrimsAndLowercases) { EXPECT_EQ(text::normalise_email("  Jean.Dupont@Exemple.FR "), "jean.dupont@exemple.fr"); }

TEST(Text, ValidUtf8RejectsBrokenSequencesAndControls) {
  EXPECT_TRUE(text::valid_utf8("Élodie – ok\n"));
  EXPECT_FALSE(text::valid_utf8("\xC3"));
  EXPECT_FALSE(text::valid_utf8("\xC0\xAF"));  // overlong
  EXPECT_FALSE(text::valid_utf8(std::string("a\0b", 3)));
  EXPECT_FALSE(text::valid_utf8("\xED\xA0\x80"));  // surrogate
}

TEST(Text, UrlCodingRoundTrips) {
  std::string s = "Élodie & Co = 100%";
  EXPECT_EQ(text::url_decode(text::url_encode(s)), s);
  EXPECT_EQ(text::url_decode("a+b%2Bc"), "a b+c");
  EXPECT_EQ(text::url_decode("%zz%4"), "%zz%4");  // malformed escapes kept as they are
}

TEST(Text, JsonEscape) { EXPECT_EQ(text::json_escape("a\"b\\c\n\x01"), "a\\\"b\\\\c\\n\\u0001"); }

TEST(Text, ThousandsAreSetApartByANoBreakSpace) {
  EXPECT_EQ(text::thousands(0), "0");
  EXPECT_EQ(text::thousands(999), "999");
  EXPECT_EQ(text::thousands(1000), "1\u00a0000");
  EXPECT_EQ(text::thousands(20000), "20\u00a0000");
  EXPECT_EQ(text::thousands(1234567), "1\u00a0234\u00a0567");
  EXPECT_EQ(text::thousands(-45000), "-45\u00a0000");
}
