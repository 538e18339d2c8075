#include "base/stem.h"

#include <gtest/gtest.h>

#include <thread>

#include "base/text.h"

using namespace jalon;

TEST(FrenchStem, WordFormsMeet) {
  EXPECT_EQ(text::french_stem("formations"), text::french_stem("formation"));
  EXPECT_EQ(text::french_stem("ateliers"), text::french_stem("atelier"));
  EXPECT_EQ(text::french_stem("numeriques"), text::french_stem("numerique"));
  EXPECT_EQ(text::french_stem(text::fold("Numérique")), text::french_stem("numerique"));
  EXPECT_EQ(text::french_stem("accompagnements"), text::french_stem("accompagnement"));
  EXPECT_EQ(text::french_stem("formation"), "format");
  EXPECT_NE(text::french_stem("logement"), text::french_stem("mobilite"));
  EXPECT_EQ(text::french_stem(""), "");
}

TEST(FrenchStem, OneStemmerPerThread) {
  std::string a, b;
  std::thread t([&] { a = text::french_stem("insertions"); });
  b = text::french_stem("insertions");
  t.join();
  EXPECT_EQ(a, b);
}
