// Communes, EPCI, départements and régions, loaded from the real files of data/geo.
#include "referentials/communes.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::referentials;

namespace {

class CommunesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { load_referentials(test::source_dir() + "/data"); }
  const Communes& geo = communes();
};

std::vector<std::string> codes(const std::vector<const Commune*>& v) {
  std::vector<std::string> out;
  for (const auto* c : v) out.push_back(c->code);
  return out;
}

std::vector<std::string> names(const std::vector<const Commune*>& v) {
  std::vector<std::string> out;
  for (const auto* c : v) out.push_back(c->name);
  return out;
}

}  // namespace

TEST_F(CommunesTest, RowCountsOfTheFiles) {
  EXPECT_EQ(geo.size(), 35014u);
  long arrondissements =
      std::count_if(geo.all().begin(), geo.all().end(), [](const Commune& c) { return c.arrondissement(); });
  EXPECT_EQ(arrondissements, 45);
  EXPECT_EQ(geo.epcis().size(), 1255u);
  EXPECT_EQ(geo.departements().size(), 109u);
  EXPECT_EQ(geo.regions().size(), 26u);
  std::size_t members = 0;
  for (const auto& e : geo.epcis()) members += e.communes.size();
  EXPECT_EQ(members, 34871u);  // rows of epci_communes.csv: every commune but 98 islands and overseas places
}

TEST_F(CommunesTest, LookupByInseeCode) {
  const Commune* poitiers = geo.find("86194");
  ASSERT_NE(poitiers, nullptr);
  EXPECT_EQ(poitiers->name, "Poitiers");
  EXPECT_EQ(poitiers->departement, "86");
  EXPECT_EQ(poitiers->region, "75");
  EXPECT_EQ(poitiers->postal_codes, (std::vector<std::string>{"86000"}));
  EXPECT_GT(poitiers->population, 80000);
  EXPECT_NEAR(poitiers->latitude, 46.58, 0.05);
  EXPECT_NEAR(poitiers->longitude, 0.34, 0.05);
  EXPECT_FALSE(poitiers->arrondissement());
  ASSERT_NE(geo.find("2A004"), nullptr);
  EXPECT_EQ(geo.find("2A004")->name, "Ajaccio");
  EXPECT_EQ(geo.find("99999"), nullptr);
  EXPECT_EQ(geo.find(""), nullptr);
}

TEST_F(CommunesTest, ParisAndItsArrondissements) {
  const Commune* paris = geo.find("75056");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->name, "Paris");
  EXPECT_FALSE(paris->arrondissement());
  auto arr = geo.arrondissements(*paris);
  ASSERT_EQ(arr.size(), 20u);
  EXPECT_EQ(arr.front()->code, "75101");
  EXPECT_EQ(arr.front()->name, "Paris 1er Arrondissement");
  EXPECT_EQ(arr.back()->code, "75120");
  for (const auto* a : arr) {
    EXPECT_EQ(a->parent, "75056");
    EXPECT_TRUE(a->arrondissement());
  }
  EXPECT_EQ(geo.arrondissements(*geo.find("69123")).size(), 9u);   // Lyon
  EXPECT_EQ(geo.arrondissements(*geo.find("13055")).size(), 16u);  // Marseille
  EXPECT_TRUE(geo.arrondissements(*geo.find("86194")).empty());
  // An arrondissement is in its commune's EPCI.
  ASSERT_NE(geo.epci_of(*geo.find("75115")), nullptr);
  EXPECT_EQ(geo.epci_of(*geo.find("75115"))->name, "Métropole du Grand Paris");
}

TEST_F(CommunesTest, LookupByPostalCode) {
  EXPECT_EQ(codes(geo.by_postal_code("86000")), (std::vector<std::string>{"86194"}));
  // One postal code, ten communes of the Vienne.
  EXPECT_EQ(codes(geo.by_postal_code("86190")),
            (std::vector<std::string>{"86017", "86024", "86050", "86074", "86102", "86121", "86142", "86204", "86292",
                                      "86294"}));
  EXPECT_EQ(geo.by_postal_code("51300").size(), 46u);  // the postal code that serves the most communes
  // Paris: the commune and its arrondissement share the code.
  EXPECT_EQ(codes(geo.by_postal_code("75015")), (std::vector<std::string>{"75056", "75115"}));
  EXPECT_TRUE(geo.by_postal_code("00000").empty());
  EXPECT_TRUE(geo.by_postal_code("8600").empty());
  EXPECT_TRUE(geo.by_postal_code("abcde").empty());
}

TEST_F(CommunesTest, EpciOfACommuneAndItsMembers) {
  const Epci* grand_poitiers = geo.epci_of(*geo.find("86194"));
  ASSERT_NE(grand_poitiers, nullptr);
  EXPECT_EQ(grand_poitiers->code, "200069854");
  EXPECT_EQ(grand_poitiers->name, "CU du Grand Poitiers");
  EXPECT_EQ(grand_poitiers->type, "CU");
  EXPECT_EQ(grand_poitiers->communes.size(), 40u);
  EXPECT_EQ(geo.epci("200069854"), grand_poitiers);
  EXPECT_TRUE(std::is_sorted(grand_poitiers->communes.begin(), grand_poitiers->communes.end(),
                             [](auto* a, auto* b) { return a->code < b->code; }));
  EXPECT_NE(std::find(grand_poitiers->communes.begin(), grand_poitiers->communes.end(), geo.find("86194")),
            grand_poitiers->communes.end());
  EXPECT_EQ(geo.epci("000000000"), nullptr);
  EXPECT_EQ(geo.epci_of(*geo.find("29083")), nullptr);  // Île-de-Sein belongs to no EPCI
  EXPECT_EQ(geo.epci_of(*geo.find("69123"))->type, "MET69");
}

TEST_F(CommunesTest, DepartementsAndRegions) {
  ASSERT_NE(geo.departement("86"), nullptr);
  EXPECT_EQ(geo.departement("86")->name, "Vienne");
  EXPECT_EQ(geo.departement("86")->region, "75");
  EXPECT_EQ(geo.departement("86")->chef_lieu, "86194");
  EXPECT_EQ(geo.departement("2A")->name, "Corse-du-Sud");
  EXPECT_EQ(geo.departement("971")->name, "Guadeloupe");
  EXPECT_EQ(geo.departement("20"), nullptr);
  ASSERT_NE(geo.region("75"), nullptr);
  EXPECT_EQ(geo.region("75")->name, "Nouvelle-Aquitaine");
  EXPECT_EQ(geo.region("11")->name, "Île-de-France");
  EXPECT_EQ(geo.region("99"), nullptr);
  EXPECT_EQ(geo.in_departement("86").size(), 265u);
}

TEST_F(CommunesTest, AutocompletionPutsTheBestKnownPlaceFirst) {
  auto poit = geo.search("poit");
  ASSERT_FALSE(poit.empty());
  EXPECT_EQ(poit.front()->code, "86194");
  EXPECT_EQ(geo.search("POITIERS").front()->code, "86194");
  // Accents, case and hyphens do not matter; the exact name comes first.
  auto with_accents = geo.search("Saint-Étienne");
  ASSERT_FALSE(with_accents.empty());
  EXPECT_EQ(with_accents.front()->code, "42218");
  EXPECT_EQ(codes(geo.search("saint-etienne")), codes(with_accents));
  EXPECT_EQ(codes(geo.search("saint etienne")), codes(with_accents));
  EXPECT_EQ(geo.search("st etienne").front()->code, "42218");
  EXPECT_EQ(geo.search("Ste-Genevieve-des-Bois").front()->name, "Sainte-Geneviève-des-Bois");
  // "st" is also a plain prefix: Strasbourg stays findable.
  EXPECT_EQ(geo.search("stras").front()->code, "67482");
  // Apostrophes are ignored, with the straight or the typographic one.
  EXPECT_EQ(geo.search("l'ile d'yeu").front()->code, "85113");
  EXPECT_EQ(geo.search("L’Île-d’Yeu").front()->code, "85113");
  // The article may be left out, and a later word is enough.
  EXPECT_EQ(geo.search("mans").front()->name, "Le Mans");
  EXPECT_EQ(geo.search("rochelle").front()->name, "La Rochelle");
  auto etienne = names(geo.search("etienne", 50));
  EXPECT_NE(std::find(etienne.begin(), etienne.end(), "Saint-Étienne"), etienne.end());
}

TEST_F(CommunesTest, AutocompletionRanksExactNamesThenPopulation) {
  auto paris = geo.search("paris", 25);
  ASSERT_EQ(paris.size(), 25u);
  EXPECT_EQ(paris[0]->code, "75056");
  for (std::size_t i = 1; i <= 20; ++i) EXPECT_EQ(paris[i]->parent, "75056") << paris[i]->name;
  // Within the names that start with the query, the most populated first.
  for (std::size_t i = 2; i <= 20; ++i) EXPECT_GE(paris[i - 1]->population, paris[i]->population);
  auto p15 = geo.search("paris 15");
  ASSERT_FALSE(p15.empty());
  EXPECT_EQ(p15.front()->code, "75115");
  // Homonyms: every "Saint-Denis" before the longer names, the largest first.
  auto denis = geo.search("saint-denis", 10);
  EXPECT_EQ(denis[0]->code, "97411");  // La Réunion, 155,634 inhabitants
  EXPECT_EQ(denis[1]->code, "93066");  // Seine-Saint-Denis, 149,077
  EXPECT_EQ(denis[0]->name, "Saint-Denis");
  EXPECT_EQ(denis[1]->name, "Saint-Denis");
}

TEST_F(CommunesTest, AutocompletionIsBoundedAndHandlesOddInput) {
  EXPECT_EQ(geo.search("s", 10).size(), 10u);
  EXPECT_EQ(geo.search("s", 1000).size(), Communes::kMaxResults);
  EXPECT_TRUE(geo.search("s", 0).empty());
  EXPECT_TRUE(geo.search("").empty());
  EXPECT_TRUE(geo.search("  - ' ").empty());
  EXPECT_TRUE(geo.search("zzzzzz").empty());
  EXPECT_TRUE(geo.search("\xff\xfe").empty());
}

TEST_F(CommunesTest, AutocompletionByPostalCodePrefix) {
  auto vienne = geo.search("860", 50);
  ASSERT_FALSE(vienne.empty());
  EXPECT_EQ(vienne.front()->code, "86194");  // Poitiers, the largest of 86000-86099
  for (const auto* c : vienne)
    EXPECT_TRUE(std::any_of(c->postal_codes.begin(), c->postal_codes.end(), [](auto& pc) {
      return pc.rfind("860", 0) == 0;
    })) << c->name;
  EXPECT_EQ(geo.search("86190", 50).size(), 10u);
  EXPECT_EQ(geo.search("01400").front()->postal_codes.front(), "01400");  // a leading zero
  EXPECT_EQ(geo.search("75015", 5).front()->code, "75056");
}

TEST_F(CommunesTest, AnAbbreviationOrAnArticleDoesNotMakeAnExactName) {
  // "st" stands for "saint", and "Le Saint" (612 inhabitants) is "saint" without its article:
  // neither makes it an exact name, so the largest places come first.
  auto st = geo.search("st", 3);
  EXPECT_EQ(st[0]->name, "Strasbourg");
  EXPECT_EQ(st[1]->name, "Saint-Étienne");
}
