// data·inclusion vocabularies, loaded from the real files of data/data-inclusion.
#include "referentials/inclusion.h"

#include <gtest/gtest.h>

#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::referentials;

namespace {

class InclusionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { load_referentials(test::source_dir() + "/data"); }
  const Inclusion& di = inclusion();
};

}  // namespace

TEST_F(InclusionTest, SizesOfTheVocabularies) {
  EXPECT_EQ(di.thematics().size(), 69u);
  EXPECT_EQ(di.audiences().size(), 14u);
  EXPECT_EQ(di.fees().size(), 2u);
  EXPECT_EQ(di.reception_modes().size(), 2u);
  EXPECT_EQ(di.mobilisation_modes().size(), 4u);
  EXPECT_EQ(di.mobilising_persons().size(), 2u);
  EXPECT_EQ(di.service_types().size(), 6u);
  EXPECT_EQ(di.networks().size(), 108u);
  EXPECT_EQ(di.structure_typologies().size(), 91u);
  EXPECT_EQ(di.thematic_categories().size(), 16u);
}

TEST_F(InclusionTest, ValuesLabelsAndDescriptions) {
  EXPECT_TRUE(di.fees().contains("gratuit"));
  EXPECT_FALSE(di.fees().contains("Gratuit"));  // values are exact, as in the schema
  EXPECT_FALSE(di.fees().contains(""));
  const Term* presentiel = di.reception_modes().find("en-presentiel");
  ASSERT_NE(presentiel, nullptr);
  EXPECT_EQ(presentiel->label, "En présentiel");
  EXPECT_EQ(presentiel->description, "Le service est proposé en présentiel, à l’adresse associée à ce service.");
  EXPECT_EQ(di.audiences().label("demandeurs-emploi"), "Demandeurs d’emploi");
  EXPECT_EQ(di.audiences().label("valeur-inconnue"), "valeur-inconnue");
  EXPECT_TRUE(di.mobilisation_modes().contains("utiliser-lien-mobilisation"));
  EXPECT_TRUE(di.mobilising_persons().contains("professionnels"));
  EXPECT_EQ(di.service_types().label("formation"), "Formation");
  EXPECT_EQ(di.networks().label("france-travail"), "France Travail");
  EXPECT_EQ(di.networks().label("mission-locale"), "Mission Locale");
  EXPECT_EQ(di.structure_typologies().label("CAP_EMPLOI"), "Cap Emploi");
  EXPECT_EQ(di.structure_typologies().label("FT"), "France Travail");
  EXPECT_TRUE(di.structure_typologies().find("FT")->description.empty());  // null in the JSON
  EXPECT_EQ(di.thematics().terms().front().value, "choisir-un-metier--confirmer-son-choix-de-metier");  // file order
}

TEST_F(InclusionTest, ThematicsGroupedByCategory) {
  const auto& cats = di.thematic_categories();
  EXPECT_EQ(cats.front().value, "choisir-un-metier");
  EXPECT_EQ(cats.front().label, "Choisir un métier");
  std::size_t total = 0;
  for (const auto& c : cats) {
    EXPECT_FALSE(c.thematics.empty()) << c.value;
    for (const Term* t : c.thematics) EXPECT_EQ(t->value.rfind(c.value + "--", 0), 0u) << t->value;
    total += c.thematics.size();
  }
  EXPECT_EQ(total, 69u);
  const ThematicCategory* mobilite = di.thematic_category("mobilite");
  ASSERT_NE(mobilite, nullptr);
  EXPECT_EQ(mobilite->label, "Mobilité");
  EXPECT_EQ(mobilite->thematics.size(), 6u);
  EXPECT_EQ(di.category_of("mobilite--preparer-un-permis"), mobilite);
  EXPECT_EQ(di.thematics().label("mobilite--preparer-un-permis"), "Préparer un permis");
  EXPECT_EQ(di.category_of("mobilite--voler"), nullptr);
  EXPECT_EQ(di.category_of("mobilite"), nullptr);
  EXPECT_EQ(di.thematic_category("lecture-ecriture-calcul")->label, "Lecture, écriture et calcul");
}
