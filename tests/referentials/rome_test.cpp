// ROME v460, loaded from the real files of data/rome.
#include "referentials/rome.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::referentials;

namespace {

class RomeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { load_referentials(test::source_dir() + "/data"); }
  const Rome& r = rome();

  std::vector<std::string> labels(const std::vector<const JobTitle*>& v) {
    std::vector<std::string> out;
    for (const auto* j : v) out.push_back(j->label);
    return out;
  }
};

}  // namespace

TEST_F(RomeTest, RowCountsOfTheFiles) {
  EXPECT_EQ(r.occupations().size(), 1584u);
  EXPECT_EQ(r.job_title_count(), 13120u);
  EXPECT_EQ(r.domains().size(), 110u);
  EXPECT_EQ(r.grand_domains().size(), 14u);
  EXPECT_EQ(r.mobility_count(), 14912u);
  // unix_coherence_item holds 104,219 pairs; 13,663 of them link work contexts, not skills.
  EXPECT_EQ(r.skill_link_count(), 90556u);
  EXPECT_EQ(r.skill_count(), 29978u);
  std::size_t titles = 0, edges = 0, links = 0;
  for (const auto& o : r.occupations()) {
    titles += r.job_titles(o).size();
    edges += r.mobility(o).size();
    links += r.skills(o).size();
    EXPECT_NE(o.domain, nullptr) << o.code;
  }
  EXPECT_EQ(titles, 13120u);
  EXPECT_EQ(edges, 14912u);
  EXPECT_EQ(links, 90556u);
}

TEST_F(RomeTest, LookupByCodeAndTheDomainTree) {
  const Occupation* k2204 = r.find("K2204");
  ASSERT_NE(k2204, nullptr);
  EXPECT_EQ(k2204->label, "Agent / Agente de nettoyage industriel");
  ASSERT_NE(k2204->domain, nullptr);
  EXPECT_EQ(k2204->domain->code, "K22");
  EXPECT_EQ(k2204->domain->label, "Nettoyage et propreté industriels");
  EXPECT_EQ(k2204->domain->grand_domain->code, "K");
  EXPECT_EQ(k2204->domain->grand_domain->label, "Services à la personne et à la collectivité");
  EXPECT_EQ(r.domain("K22"), k2204->domain);
  EXPECT_EQ(r.grand_domain("K"), k2204->domain->grand_domain);
  auto k22 = r.in_domain(*k2204->domain);
  ASSERT_EQ(k22.size(), 5u);
  EXPECT_EQ(k22.front()->code, "K2201");
  EXPECT_EQ(k22.back()->code, "K2205");
  EXPECT_EQ(r.find("k2204"), nullptr);  // codes are upper case
  EXPECT_EQ(r.find("Z9999"), nullptr);
  EXPECT_EQ(r.domain("Z99"), nullptr);
}

TEST_F(RomeTest, JobTitlesByCodeAndByOccupation) {
  const JobTitle* boulanger = r.job_title(11573u);
  ASSERT_NE(boulanger, nullptr);
  EXPECT_EQ(boulanger->label, "Boulanger / Boulangère");
  EXPECT_EQ(boulanger->occupation->code, "D1102");
  EXPECT_TRUE(boulanger->main);
  EXPECT_FALSE(boulanger->rarely_used);
  EXPECT_EQ(r.job_title("11573"), boulanger);
  EXPECT_EQ(r.job_title("11573x"), nullptr);
  EXPECT_EQ(r.job_title(""), nullptr);
  EXPECT_EQ(r.job_title(1u), nullptr);
  auto titles = r.job_titles(*r.find("D1102"));
  ASSERT_EQ(titles.size(), 7u);
  EXPECT_EQ(titles.front(), boulanger);  // the main title first
  EXPECT_TRUE(std::is_sorted(titles.begin() + 1, titles.end(), [](auto* a, auto* b) { return a->label < b->label; }));
}

TEST_F(RomeTest, SkillsOfAnOccupationWithTheirWeight) {
  auto skills = r.skills(*r.find("D1102"));
  ASSERT_EQ(skills.size(), 60u);
  EXPECT_TRUE(std::is_sorted(skills.begin(), skills.end(), [](auto& a, auto& b) { return a.weight < b.weight; }));
  long principal =
      std::count_if(skills.begin(), skills.end(), [](auto& s) { return s.weight == SkillWeight::principal; });
  EXPECT_EQ(principal, 13);
  auto has = [&](const char* label, SkillWeight w) {
    return std::any_of(skills.begin(), skills.end(), [&](auto& s) { return s.skill->label == label && s.weight == w; });
  };
  EXPECT_TRUE(has("Confectionner des viennoiseries", SkillWeight::principal));
  EXPECT_TRUE(has("Défourner des pains et viennoiseries", SkillWeight::principal));
  // Emerging skills exist (1,731 pairs in the file), e.g. somewhere in the digital occupations.
  std::size_t emerging = 0;
  for (const auto& o : r.occupations())
    for (const auto& s : r.skills(o)) emerging += s.weight == SkillWeight::emerging;
  EXPECT_EQ(emerging, 1731u);
  const Skill* s = skills.front().skill;
  EXPECT_EQ(r.skill(s->code), s);
  EXPECT_EQ(r.skill(0), nullptr);
}

TEST_F(RomeTest, MobilityNeighbours) {
  auto next = r.mobility(*r.find("D1102"));
  ASSERT_EQ(next.size(), 10u);
  EXPECT_EQ(next[0].target->code, "D1104");  // Pâtissier / Pâtissière
  EXPECT_EQ(next[0].order, 1);
  EXPECT_EQ(next[8].target->code, "D1108");  // Chef boulanger / Cheffe boulangère
  EXPECT_EQ(next[9].target->code, "D1101");  // Boucher / Bouchère
  for (std::size_t i = 1; i < next.size(); ++i) EXPECT_LT(next[i - 1].order, next[i].order);
  for (const auto& o : r.occupations()) EXPECT_GE(r.mobility(o).size(), 6u) << o.code;
}

TEST_F(RomeTest, SearchByJobTitle) {
  auto boulanger = r.search("boulanger");
  ASSERT_FALSE(boulanger.empty());
  EXPECT_EQ(boulanger.front()->label, "Boulanger / Boulangère");
  EXPECT_EQ(boulanger.front()->occupation->code, "D1102");
  // Every result has a word starting with "boulanger".
  for (const auto* j : r.search("boulanger", 50)) EXPECT_NE(j->label.find("oulang"), std::string::npos) << j->label;
  // The feminine form, accents and case.
  EXPECT_EQ(r.search("BOULANGÈRE").front()->label, "Boulanger / Boulangère");
  auto aide = r.search("aide a domicile");
  ASSERT_FALSE(aide.empty());
  EXPECT_EQ(aide.front()->label, "Aide à domicile");
  EXPECT_EQ(aide.front()->occupation->code, "K1304");
  EXPECT_EQ(labels(r.search("Aide à domicile")), labels(aide));
  // Word prefixes, in any order.
  EXPECT_EQ(r.search("aide dom").front()->label, "Aide à domicile");
  auto nettoyage = labels(r.search("agent nettoyage industriel", 50));
  EXPECT_NE(std::find(nettoyage.begin(), nettoyage.end(), "Agent / Agente de nettoyage industriel"), nettoyage.end());
  EXPECT_EQ(r.search("chef boulanger").front()->label, "Chef boulanger / Cheffe boulangère");
  EXPECT_EQ(r.search("cheffe boulangere").front()->label, "Chef boulanger / Cheffe boulangère");
}

TEST_F(RomeTest, SearchByCodeAndOddInput) {
  auto k2204 = r.search("k2204", 50);
  ASSERT_EQ(k2204.size(), r.job_titles(*r.find("K2204")).size());
  EXPECT_TRUE(k2204.front()->main);
  // A query of small words only is still a prefix ("a" while typing "agent").
  auto a = r.search("a", 10);
  ASSERT_EQ(a.size(), 10u);
  EXPECT_EQ(a.front()->label.front(), 'A');
  EXPECT_EQ(r.search("b", 1000).size(), Rome::kMaxResults);
  EXPECT_TRUE(r.search("").empty());
  EXPECT_TRUE(r.search("boulanger", 0).empty());
  EXPECT_TRUE(r.search("xylophoniste quantique").empty());
  EXPECT_TRUE(r.search("\xff").empty());
}
