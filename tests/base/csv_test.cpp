#include <gtest/gtest.h>

#include "base/csv.h"
#include "base/errors.h"

using namespace jalon;

TEST(Csv, SemicolonsQuotesAndLineBreaksInFields) {
  auto t = csv::parse("nom;prenom;adresse\r\nDupont;Marie;\"3 rue de la Paix; bât. B\"\r\n\"Le \"\"Gall\"\"\";Yann;\"ligne 1\nligne 2\"\r\n\r\nRoux;Léa;\r\n");
  EXPECT_EQ(t.separator, ';');
  EXPECT_EQ(t.encoding, "UTF-8");
  EXPECT_EQ(t.header, (std::vector<std::string>{"nom", "prenom", "adresse"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].fields[2], "3 rue de la Paix; bât. B");
  EXPECT_EQ(t.rows[1].fields[0], "Le \"Gall\"");
  EXPECT_EQ(t.rows[1].fields[2], "ligne 1\nligne 2");
  EXPECT_EQ(t.rows[2].line, 6);  // after the empty line 5
  EXPECT_EQ(t.rows[2].fields.size(), 3u);
}

TEST(Csv, SpreadsheetLeftoversAreIgnored) {
  auto t = csv::parse("\r\nnom;prenom;\nDupont;Marie;\n;;\n\nRoux;Léa;\n");
  EXPECT_EQ(t.separator, ';');  // decided on the first non-empty line
  ASSERT_EQ(t.rows.size(), 2u);  // the line of separators only is skipped
  EXPECT_EQ(t.rows[1].fields[0], "Roux");
}

TEST(Csv, CommasAndBom) {
  auto t = csv::parse("\xEF\xBB\xBFnom,prenom\nÉlise,Zoé\n");
  EXPECT_EQ(t.separator, ',');
  EXPECT_EQ(t.header[0], "nom");
  EXPECT_EQ(t.rows[0].fields[0], "Élise");
}

TEST(Csv, Windows1252IsConvertedToUtf8) {
  auto t = csv::parse("nom;prenom\nLef\xE8vre;\x8C" "dipe\n");  // "Lefèvre;Œdipe" in Windows-1252
  EXPECT_EQ(t.encoding, "Windows-1252");
  EXPECT_EQ(t.rows[0].fields[0], "Lefèvre");
  EXPECT_EQ(t.rows[0].fields[1], "Œdipe");
}

TEST(Csv, AQuoteNeverClosedIsReportedWithItsLine) {
  try {
    csv::parse("nom;prenom\nDupont;Marie\n\"Roux;Léa\nMartin;Paul\n");
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.fields()[0].message, "Ligne 3 : un guillemet ouvert n'est jamais fermé.");
  }
  EXPECT_THROW(csv::parse(""), ValidationError);
  EXPECT_THROW(csv::parse("\n\n"), ValidationError);
}
