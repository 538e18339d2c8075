// orientation::nearby on the demo directory, on both engines: the structures of the referent's
// kind and the services of each barrier, nearest first, one per structure, the radius widened
// while nothing is found, what is no longer published left out.
#include "orientation/nearby.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "directory/actions.h"
#include "directory/import.h"
#include "directory/store.h"
#include "orientation/first_contact.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::orientation;

namespace {

const Date kToday = *parse_date("2026-11-28");

class Nearest : public ::testing::TestWithParam<db::Engine> {
 protected:
  static void SetUpTestSuite() {
    referentials::load_referentials(test::source_dir() + "/data");
    load_rules(test::source_dir() + "/data");
    load_first_contact(test::source_dir() + "/data");
  }
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 4);
    std::ifstream in(test::source_dir() + "/data/demo/directory.json", std::ios::binary);
    std::stringstream data;
    data << in.rdbuf();
    db::Tx tx(*db_, db::Tx::Mode::write);
    auto report = directory::import_files(tx, admin(), 0, {{"directory.json", data.str()}}, "2026-11-28");
    ASSERT_TRUE(report.ok()) << report.problems.front().text();
    tx.commit();
    live_.build(*db_);
  }
  static directory::Actor admin() {
    directory::Actor a;
    a.platform_admin = true;
    return a;
  }
  static directory::Place at(const char* insee) {
    return *directory::place_of_commune(insee, referentials::communes());
  }
  Nearby near(const Situation& s, const char* insee, const NearbyOptions& options = {}) {
    db::Tx tx(*db_, db::Tx::Mode::read);
    return nearby(tx, live_, orient(s, kToday, rules()), at(insee), options);
  }
  static std::vector<std::string> names(const std::vector<NearbyService>& v) {
    std::vector<std::string> out;
    for (const auto& n : v) out.push_back(n.structure.name);
    return out;
  }
  std::unique_ptr<db::Database> db_;
  directory::Live live_;
};

INSTANTIATE_TEST_SUITE_P(Engines, Nearest, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

}  // namespace

TEST_P(Nearest, TheReferentsStructuresNearestFirstOnePerStructure) {
  using V = std::vector<std::string>;
  // Poitiers: its Mission Locale (three services, one entry); Châtellerault's is 30 km away.
  Nearby p = near(Situation{.age = 19}, "86194");
  EXPECT_EQ(names(p.referent), V({"Mission Locale d'Insertion du Poitou"}));
  EXPECT_DOUBLE_EQ(p.referent_radius_km, 20);
  EXPECT_EQ(p.referent[0].structure.typology, "ML");
  EXPECT_LT(p.referent[0].distance_km, 2);
  // A wider first radius finds both, nearest first.
  Nearby wide = near(Situation{.age = 19}, "86066", {.referent = 3, .per_barrier = 3, .radius_km = 50});
  EXPECT_EQ(names(wide.referent), V({"Mission Locale Nord Vienne", "Mission Locale d'Insertion du Poitou"}));
  EXPECT_LT(wide.referent[0].distance_km, wide.referent[1].distance_km);
  // Eligibility zones hold: ML Poitou serves Grand Poitiers only, so from Châtellerault, even
  // at 50 km, the referent list is Nord Vienne's... and Poitou's service of zone 86 (health).
  EXPECT_EQ(wide.referent[1].service.name, "Espace santé jeunes");
  // Nothing of that kind within 20 km: the radius doubles until something is found.
  Nearby cap = near(Situation{.age = 40, .rqth = true}, "86066");
  EXPECT_EQ(names(cap.referent), V({"Cap Emploi Vienne"}));
  EXPECT_DOUBLE_EQ(cap.referent_radius_km, 40);
  // The Département is looked for under its offices' typologies.
  Nearby cd = near(Situation{.age = 45, .resource = Resource::rsa, .social_first = true}, "86194");
  ASSERT_EQ(cd.referent.size(), 1u);
  EXPECT_EQ(cd.referent[0].structure.typology, "MDS");
  // No referent, or none asked for: nothing looked for.
  EXPECT_TRUE(near(Situation{.age = 15}, "86194").referent.empty());
  EXPECT_TRUE(near(Situation{.age = 19}, "86194", {.referent = 0}).referent.empty());
  // Far from every structure of the demo: empty, after the widest radius.
  Nearby far = near(Situation{.age = 19}, "67482");  // Strasbourg
  EXPECT_TRUE(far.referent.empty());
  EXPECT_DOUBLE_EQ(far.referent_radius_km, directory::kMaxRadiusKm);
}

TEST_P(Nearest, EachBarriersServicesInTheOrientationsOrder) {
  Situation s{.age = 30,
              .barriers = {{"sante", Severity::strong}, {"mobilite", Severity::light}, {"famille", Severity::none}}};
  Nearby n = near(s, "86194");
  // The orientation lists barriers in the referential's order, light or more: mobility, health.
  ASSERT_EQ(n.barriers.size(), 2u);
  EXPECT_EQ(n.barriers[0].barrier, "mobilite");
  EXPECT_EQ(n.barriers[1].barrier, "sante");
  for (const auto& b : n.barriers) {
    ASSERT_FALSE(b.services.empty()) << b.barrier;
    EXPECT_LE(b.services.size(), 3u);
    std::set<long long> structures;
    double last = 0;
    for (const auto& x : b.services) {
      EXPECT_TRUE(structures.insert(x.structure.id).second) << b.barrier << ": one service per structure";
      EXPECT_GE(x.distance_km, last);
      last = x.distance_km;
      // Every service addresses the barrier: one of its thematics is the barrier's.
      const auto* barrier = referentials::barriers().find(b.barrier);
      bool addresses = false;
      for (const auto* t : barrier->thematics)
        addresses = addresses || std::find(x.service.thematics.begin(), x.service.thematics.end(), t->value) !=
                                     x.service.thematics.end();
      EXPECT_TRUE(addresses) << b.barrier << " " << x.service.name;
      EXPECT_EQ(x.service.status, directory::ServiceStatus::published);
    }
  }
  EXPECT_EQ(n.barriers[0].services[0].structure.name, "Mobilité Solidaire 86 – plateforme de mobilité");
  // Per-barrier limit.
  Nearby one = near(s, "86194", {.referent = 1, .per_barrier = 1});
  EXPECT_EQ(one.barriers[0].services.size(), 1u);
  EXPECT_EQ(one.barriers[1].services.size(), 1u);
}

TEST_P(Nearest, AServiceNoLongerPublishedIsLeftOut) {
  Situation s{.age = 19};
  Nearby before = near(s, "86194");
  ASSERT_EQ(before.referent.size(), 1u);
  const long long structure = before.referent[0].structure.id;
  // Archive every service of the Mission Locale of Poitiers: the index learns it from the log.
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    auto st = directory::store::find_structure(tx, structure);
    for (const auto& sv : directory::store::services_of_structure(tx, structure, true))
      directory::change_status(tx, admin(), *st, sv, directory::ServiceStatus::archived, "2026-11-28");
    tx.commit();
  }
  live_.catch_up(*db_);
  Nearby after = near(s, "86194");
  // The other Mission Locale serves the Châtellerault area only (its eligibility zone): none
  // is left for Poitiers, whatever the radius.
  EXPECT_TRUE(after.referent.empty());
  EXPECT_DOUBLE_EQ(after.referent_radius_km, directory::kMaxRadiusKm);
  // From Châtellerault, the other one is still found.
  EXPECT_EQ(names(near(s, "86066").referent), std::vector<std::string>{"Mission Locale Nord Vienne"});
}
