// The barriers referential (data/barriers.csv) and its mapping to data·inclusion thematics.
#include "referentials/barriers.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::referentials;

namespace {

class BarriersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { load_referentials(test::source_dir() + "/data"); }

  // The values of a barrier's resolved thematics.
  static std::vector<std::string> values(const std::string& code) {
    std::vector<std::string> out;
    if (const Barrier* b = barriers().find(code))
      for (const Term* t : b->thematics) out.push_back(t->value);
    return out;
  }

  // The message of the error thrown by loading `content` as a barriers file, or "".
  static std::string load_error(const std::string& content) {
    auto path = std::filesystem::temp_directory_path() / ("jalon-barriers-" + std::to_string(getpid()) + ".csv");
    std::ofstream(path, std::ios::trunc) << content;
    std::string message;
    try {
      Barriers().load(path.string(), inclusion());
    } catch (const std::runtime_error& e) {
      message = e.what();
      message.erase(0, path.string().size());  // keep ":line: …"
    }
    std::filesystem::remove(path);
    return message;
  }
};

}  // namespace

TEST_F(BarriersTest, TheSeedsBarriersAndTheDomainsOnes) {
  std::vector<std::string> codes;
  for (const auto& b : barriers().all()) codes.push_back(b.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"qualification", "logement", "mobilite", "sante", "isolement", "numerique",
                                             "langue-francaise", "famille", "administratif-juridique"}));
  ASSERT_NE(barriers().find("mobilite"), nullptr);
  EXPECT_EQ(barriers().find("mobilite")->label, "Absence de mobilité");
  EXPECT_EQ(barriers().find("chomage"), nullptr);
  for (const auto& b : barriers().all()) {
    EXPECT_FALSE(b.label.empty()) << b.code;
    EXPECT_FALSE(b.thematics.empty()) << b.code;
  }
}

TEST_F(BarriersTest, ACategoryStandsForAllItsThematics) {
  EXPECT_EQ(values("mobilite"),
            (std::vector<std::string>{"mobilite--acceder-a-un-vehicule", "mobilite--entretenir-reparer-son-vehicule",
                                      "mobilite--etre-accompagne-dans-son-parcours-mobilite",
                                      "mobilite--financer-ma-mobilite", "mobilite--mobilite-douce-partagee-collective",
                                      "mobilite--preparer-un-permis"}));
  EXPECT_EQ(barriers().find("mobilite")->mapping, std::vector<std::string>{"mobilite"});
  // Two categories, in the vocabulary's order.
  EXPECT_EQ(
      values("qualification"),
      (std::vector<std::string>{"choisir-un-metier--confirmer-son-choix-de-metier",
                                "choisir-un-metier--connaitre-les-opportunites-demploi",
                                "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
                                "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
                                "se-former--monter-son-dossier-de-formation", "se-former--trouver-sa-formation"}));
  EXPECT_EQ(values("langue-francaise"), (std::vector<std::string>{"lecture-ecriture-calcul--maitriser-le-calcul",
                                                                  "lecture-ecriture-calcul--maitriser-le-francais"}));
  EXPECT_EQ(values("sante").size(), 5u);
  EXPECT_EQ(values("logement").size(), 7u);
  EXPECT_EQ(values("numerique").size(), 4u);
  EXPECT_EQ(values("isolement").size(), 4u);
  EXPECT_EQ(values("famille").size(), 5u);
  EXPECT_EQ(values("administratif-juridique").size(), 6u);
  // Every resolved thematic is one of the vocabulary's.
  for (const auto& b : barriers().all())
    for (const Term* t : b.thematics) EXPECT_TRUE(inclusion().thematics().contains(t->value)) << b.code;
}

TEST_F(BarriersTest, SingleThematicsAndDuplicatesInTheMapping) {
  Barriers b;
  auto path = std::filesystem::temp_directory_path() / ("jalon-barriers-ok-" + std::to_string(getpid()) + ".csv");
  std::ofstream(path, std::ios::trunc)
      << "code,label,description,thematics\n"
         "garde,Garde d'enfants,,famille--garde-denfants  famille famille--soutien-aidants\n"
         "permis,Permis,,mobilite--preparer-un-permis\n";
  b.load(path.string(), inclusion());
  std::filesystem::remove(path);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b.find("garde")->thematics.size(), 5u);  // the category covers the two named ones
  EXPECT_EQ(b.find("permis")->thematics.size(), 1u);
  EXPECT_EQ(b.find("permis")->thematics[0]->value, "mobilite--preparer-un-permis");
  EXPECT_GT(b.memory_bytes(), 0u);
}

TEST_F(BarriersTest, AProblemNamesTheLine) {
  const std::string header = "code,label,description,thematics\n";
  EXPECT_EQ(load_error(header + "mobilite,Mobilité,,mobilite--voler\n"),
            ":2: « mobilite--voler » n'est ni une thématique ni une catégorie de thématiques de data·inclusion");
  EXPECT_EQ(load_error(header + "mobilite,Mobilité,,mobilite\nmobilite,Encore,,sante\n"),
            ":3: code « mobilite » en double");
  EXPECT_EQ(load_error(header + "Mobilité,Mobilité,,mobilite\n"),
            ":2: code « Mobilité » invalide (minuscules, chiffres et tirets)");
  EXPECT_NE(load_error(header + "mobilite,Mobilité,,\n"), "");
  EXPECT_NE(load_error(header + "mobilite,,,mobilite\n"), "");
  EXPECT_NE(load_error("code,label,description\nmobilite,Mobilité,\n").find("colonne"), std::string::npos);
  EXPECT_EQ(load_error(header + "mobilite,Mobilité,,mobilite\n"), "");
}
