// directory::Index beyond the case files: places from codes, the grid against a brute-force scan,
// the ±180 meridian, copies, concurrent readers.
#include "directory/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <thread>

#include "base/geo.h"
#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using directory::Entry;
using directory::Index;
using directory::Query;

namespace {

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { referentials::load_referentials(test::source_dir() + "/data"); }
  static Index index() { return Index(referentials::communes(), referentials::inclusion(), referentials::barriers()); }
  static Entry at(long long id, double lat, double lon,
                  std::vector<std::string> thematics = {"mobilite--preparer-un-permis"}) {
    Entry e;
    e.service_id = id;
    e.structure_id = id;
    e.name = "Service " + std::to_string(id);
    e.latitude = lat;
    e.longitude = lon;
    e.thematics = std::move(thematics);
    return e;
  }
  static std::vector<long long> ids(const directory::Result& r) {
    std::vector<long long> out;
    for (const auto& h : r.hits) out.push_back(h.service_id);
    return out;
  }
};

}  // namespace

TEST_F(SearchTest, PlacesFromCodes) {
  const auto& c = referentials::communes();
  auto code = [](const std::optional<directory::Place>& p) { return p ? p->commune_code : std::string("none"); };
  EXPECT_EQ(code(directory::place_of_commune("86194", c)), "86194");
  EXPECT_EQ(code(directory::place_of_commune("75111", c)), "75111");
  EXPECT_EQ(code(directory::place_of_commune("86000", c)), "none");
  EXPECT_EQ(code(directory::place_of_postal_code("86000", c)), "86194");
  // Antran, Châtellerault and Senillé-Saint-Sauveur share 86100: the most populated.
  EXPECT_EQ(code(directory::place_of_postal_code("86100", c)), "86066");
  // Paris and its 11th arrondissement share 75011: the arrondissement.
  EXPECT_EQ(code(directory::place_of_postal_code("75011", c)), "75111");
  EXPECT_EQ(code(directory::place_of_commune("86100", c)), "86100");  // Fontaine-le-Comte
  EXPECT_EQ(code(directory::place_of_postal_code("00000", c)), "none");
  auto p = directory::place_of_commune("86194", c);
  EXPECT_DOUBLE_EQ(p->latitude, 46.5846);
  EXPECT_DOUBLE_EQ(p->longitude, 0.3715);
}

TEST_F(SearchTest, MakeEntryKeepsWhatSearchNeeds) {
  directory::Structure st{.id = 7, .name = "Mission Locale", .commune_code = "86194"};
  directory::Service s{.id = 3,
                       .structure_id = 7,
                       .name = "Permis",
                       .description = "Code et conduite",
                       .thematics = {"mobilite--preparer-un-permis"},
                       .audiences = {"jeunes"},
                       .fees = "gratuit",
                       .reception_modes = {"en-presentiel"},
                       .eligibility_zone = {"86"},
                       .updated_on = "2026-01-15"};
  Entry e = directory::make_entry(s, st, referentials::communes());
  EXPECT_EQ(e.service_id, 3);
  EXPECT_EQ(e.structure_id, 7);
  EXPECT_EQ(e.structure_name, "Mission Locale");
  EXPECT_DOUBLE_EQ(*e.latitude, 46.5846);  // the structure's commune, the service naming none
  EXPECT_EQ(e.thematics, std::vector<std::string>{"mobilite--preparer-un-permis"});
  EXPECT_EQ(e.audiences, std::vector<std::string>{"jeunes"});
  EXPECT_EQ(e.fees, "gratuit");
  EXPECT_EQ(e.reception_modes, std::vector<std::string>{"en-presentiel"});
  EXPECT_EQ(e.eligibility_zone, std::vector<std::string>{"86"});
  s.commune_code = "86066";
  EXPECT_DOUBLE_EQ(*directory::make_entry(s, st, referentials::communes()).latitude, 46.8147);
  st.commune_code.clear();
  s.commune_code.clear();
  EXPECT_FALSE(directory::resolve_position(s, st, referentials::communes()).has_value());
}

TEST_F(SearchTest, FindSizeEraseAndMemory) {
  Index ix = index();
  EXPECT_EQ(ix.size(), 0u);
  EXPECT_FALSE(ix.erase(1));
  ix.upsert(at(1, 46.58, 0.37));
  ix.upsert(at(2, 46.58, 0.37));
  ix.upsert(at(1, 46.81, 0.55));  // replaces
  EXPECT_EQ(ix.size(), 2u);
  EXPECT_TRUE(ix.contains(1));
  EXPECT_FALSE(ix.contains(3));
  Query q;
  q.place = directory::place_of_commune("86066", referentials::communes());  // 46.8147, 0.5583
  q.radius_km = 1;
  EXPECT_EQ(ids(ix.search(q)), std::vector<long long>{1});
  EXPECT_GT(ix.memory_bytes(), 0u);
  EXPECT_TRUE(ix.erase(2));
  EXPECT_FALSE(ix.erase(2));
  EXPECT_EQ(ix.size(), 1u);
  EXPECT_FALSE(ix.contains(2));
}

// The grid must find exactly what a scan of every entry finds: random services and queries over
// Vienne and around it, with thematics, zones and pages.
TEST_F(SearchTest, TheGridAgreesWithAScanOfEverything) {
  const auto& communes = referentials::communes();
  std::vector<const referentials::Commune*> pool = communes.in_departement("86");
  for (const char* d : {"79", "37", "16", "36", "87"})
    for (const auto* c : communes.in_departement(d)) pool.push_back(c);
  const auto& terms = referentials::inclusion().thematics().terms();
  std::mt19937_64 rng(20261128);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  std::normal_distribution<double> jitter(0, 0.02);

  Index ix = index();
  std::vector<Entry> all;
  for (long long id = 1; id <= 4000; ++id) {
    const auto* c = pool[pick(pool.size())];
    Entry e = at(id, c->latitude + jitter(rng), c->longitude + jitter(rng), {terms[pick(8)].value});
    if (pick(3) == 0) e.thematics.push_back(terms[pick(terms.size())].value);
    e.name = "S" + std::to_string(pick(50));  // many equal names: the id decides
    switch (pick(5)) {
      case 0:
        e.eligibility_zone = {c->departement};
        break;
      case 1:
        e.eligibility_zone = {c->code};
        break;
      case 2:
        if (const auto* epci = communes.epci_of(*c)) e.eligibility_zone = {epci->code};
        break;
      default:
        break;
    }
    ix.upsert(e);
    all.push_back(e);
  }
  // Some updates and removals, mirrored in `all`.
  for (int k = 0; k < 300; ++k) {
    std::size_t i = pick(all.size());
    all[i].latitude = *all[i].latitude + 0.3;
    ix.upsert(all[i]);
  }
  for (int k = 0; k < 300; ++k) {
    std::size_t i = pick(all.size());
    ix.erase(all[i].service_id);
    all.erase(all.begin() + static_cast<std::ptrdiff_t>(i));
  }

  for (int k = 0; k < 300; ++k) {
    const auto* c = pool[pick(pool.size())];
    Query q;
    q.place = directory::place_of_commune(c->code, communes);
    q.radius_km = 1 + static_cast<double>(pick(60));
    q.limit = 1 + pick(30);
    q.offset = pick(3) == 0 ? pick(20) : 0;
    if (pick(2)) q.thematics = {terms[pick(8)].value};
    std::vector<std::string> keys = {c->code, c->departement, "france", "99100"};
    if (const auto* epci = communes.epci_of(*c)) keys.push_back(epci->code);

    std::vector<std::pair<double, const Entry*>> expected;
    for (const auto& e : all) {
      if (!q.thematics.empty() &&
          std::find(e.thematics.begin(), e.thematics.end(), q.thematics[0]) == e.thematics.end())
        continue;
      if (!e.eligibility_zone.empty() && std::find(keys.begin(), keys.end(), e.eligibility_zone[0]) == keys.end())
        continue;
      double d = geo::distance_km(q.place->latitude, q.place->longitude, *e.latitude, *e.longitude);
      if (d <= q.radius_km) expected.emplace_back(d, &e);
    }
    std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      if (a.second->name != b.second->name) return a.second->name < b.second->name;
      return a.second->service_id < b.second->service_id;
    });
    std::vector<long long> page;
    for (std::size_t i = q.offset; i < std::min(expected.size(), q.offset + q.limit); ++i)
      page.push_back(expected[i].second->service_id);

    auto r = ix.search(q);
    ASSERT_EQ(r.total, expected.size()) << c->code << " " << q.radius_km;
    ASSERT_EQ(ids(r), page) << c->code << " " << q.radius_km;
    for (std::size_t i = 0; i < r.hits.size(); ++i)
      EXPECT_DOUBLE_EQ(*r.hits[i].distance_km, expected[q.offset + i].first);
  }
}

TEST_F(SearchTest, AcrossTheAntimeridian) {
  Index ix = index();
  ix.upsert(at(1, -14.28, -178.5));  // towards Wallis, 160 km east
  ix.upsert(at(2, -14.30, 179.95));  // west of ±180, 2.8 km from 3
  ix.upsert(at(3, -14.30, -179.98));
  Query q;
  q.place = directory::Place{-14.30, -179.98, ""};
  q.radius_km = 10;
  EXPECT_EQ(ids(ix.search(q)), (std::vector<long long>{3, 2}));
  q.radius_km = 200;
  EXPECT_EQ(ids(ix.search(q)), (std::vector<long long>{3, 2, 1}));
  // A place without a commune: only services without a zone, or for all of France.
  Entry zoned = at(4, -14.30, -179.98);
  zoned.eligibility_zone = {"986"};
  ix.upsert(zoned);
  Entry national = at(5, -14.30, -179.98);
  national.eligibility_zone = {"france"};
  ix.upsert(national);
  q.radius_km = 1;
  EXPECT_EQ(ids(ix.search(q)), (std::vector<long long>{3, 5}));
}

TEST_F(SearchTest, ACopyIsIndependent) {
  Index a = index();
  a.upsert(at(1, 46.58, 0.37));
  Index b = a;
  b.upsert(at(2, 46.58, 0.37));
  b.erase(1);
  Query q;
  EXPECT_EQ(ids(a.search(q)), std::vector<long long>{1});
  EXPECT_EQ(ids(b.search(q)), std::vector<long long>{2});
}

TEST_F(SearchTest, ConcurrentReadersSeeTheSameResults) {
  Index ix = index();
  const auto& all = referentials::communes().in_departement("86");
  for (std::size_t i = 0; i < all.size(); ++i) {
    Entry e = at(static_cast<long long>(i + 1), all[i]->latitude, all[i]->longitude);
    e.description = i % 2 ? "Atelier numérique" : "Formation au permis";
    ix.upsert(e);
  }
  auto run = [&](std::vector<std::size_t>& totals) {
    for (std::size_t i = 0; i < all.size(); i += 7) {
      Query q;
      q.place = directory::place_of_commune(all[i]->code, referentials::communes());
      q.radius_km = 15;
      q.text = i % 2 ? "numerique" : "formations";
      totals.push_back(ix.search(q).total);
    }
  };
  std::vector<std::size_t> alone, t1, t2, t3;
  run(alone);
  std::thread a([&] { run(t1); }), b([&] { run(t2); });
  run(t3);
  a.join();
  b.join();
  EXPECT_EQ(t1, alone);
  EXPECT_EQ(t2, alone);
  EXPECT_EQ(t3, alone);
  EXPECT_GT(*std::max_element(alone.begin(), alone.end()), 5u);
}
