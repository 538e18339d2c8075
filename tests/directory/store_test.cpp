// The directory store and actions on both engines: create, update, lists, the change log written
// with every write, upserts by (source, id), what the search index is built from.
#include <gtest/gtest.h>

#include "accounts/store.h"
#include "base/crypto.h"
#include "directory/actions.h"
#include "directory/store.h"
#include "referentials/referentials.h"
#include "db/query.h"
#include "support/test_db.h"
#include "support/world.h"

using namespace jalon;
using namespace jalon::directory;

namespace {
constexpr const char* kToday = "2026-11-28";
}

class DirectoryStore : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    crypto::init();
    referentials::load_referentials(test::source_dir() + "/data");
    db_ = test::fresh_database(GetParam());
    db::Tx tx(*db_, db::Tx::Mode::write);
    org_ = accounts::store::create_organisation(tx, {"ML", "mission_locale", test::siret(1), "86194", true});
    other_ = accounts::store::create_organisation(tx, {"ACI", "aci", test::siret(2), "86066", false});
    tx.commit();
    member_ = Actor{false, {org_}};
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  Structure structure(const std::string& name) {
    Structure s;
    s.name = name;
    s.postal_code = "86000";
    s.latitude = 46.5802;
    s.longitude = 0.3404;
    s.networks = {"mission-locale", "caf"};
    return s;
  }
  Service service(const std::string& name) {
    Service s;
    s.name = name;
    s.description = "Un service pour tester le magasin.";
    s.thematics = {"mobilite--preparer-un-permis", "numerique--acquerir-un-equipement"};
    s.audiences = {"jeunes"};
    s.eligibility_zone = {"86", "200069854"};
    s.weekly_hours = 7.5;
    s.weeks = 12;
    return s;
  }
  std::unique_ptr<db::Database> db_;
  long long org_ = 0, other_ = 0;
  Actor member_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryStore, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(DirectoryStore, CreateUpdateAndReadBackEveryField) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long sid = create_structure(tx, member_, org_, structure("Mission Locale – Antenne Sud"), kToday);
  auto st = store::find_structure(tx, sid);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->source, "jalon");
  EXPECT_EQ(st->ext_id, "jalon-s" + std::to_string(sid));
  EXPECT_EQ(st->organisation_id, org_);
  EXPECT_EQ(st->commune_code, "86194");  // filled from the postal code
  EXPECT_EQ(st->networks, (std::vector<std::string>{"mission-locale", "caf"}));
  EXPECT_DOUBLE_EQ(*st->latitude, 46.5802);
  EXPECT_EQ(st->updated_on, kToday);
  long long vid = create_service(tx, member_, *st, service("Préparer le permis"), kToday);
  auto sv = store::find_service(tx, vid);
  ASSERT_TRUE(sv);
  EXPECT_EQ(sv->ext_id, "jalon-sv" + std::to_string(vid));
  EXPECT_EQ(sv->structure_ext_id, st->ext_id);
  EXPECT_EQ(sv->status, ServiceStatus::draft);
  EXPECT_EQ(sv->thematics, (std::vector<std::string>{"mobilite--preparer-un-permis", "numerique--acquerir-un-equipement"}));
  EXPECT_EQ(sv->eligibility_zone, (std::vector<std::string>{"86", "200069854"}));
  EXPECT_DOUBLE_EQ(*sv->weekly_hours, 7.5);
  EXPECT_EQ(*sv->weeks, 12);
  EXPECT_FALSE(sv->latitude.has_value());

  Service changed = *sv;
  changed.name = "Préparer le permis B";
  changed.weeks.reset();
  changed.audiences = {"tous-publics"};
  update_service(tx, member_, *st, *sv, changed, "2026-11-29");
  sv = store::find_service(tx, vid);
  EXPECT_EQ(sv->name, "Préparer le permis B");
  EXPECT_FALSE(sv->weeks.has_value());
  EXPECT_EQ(sv->updated_on, "2026-11-29");
  EXPECT_EQ(sv->status, ServiceStatus::draft);  // an edit keeps the status

  // Another organisation's member, or the platform admin, may not touch it.
  EXPECT_THROW(update_service(tx, Actor{false, {other_}}, *st, *sv, changed, kToday), Forbidden);
  EXPECT_THROW(create_service(tx, Actor{true, {}}, *st, service("Intrus"), kToday), Forbidden);
  // Invalid input writes nothing and names every field.
  Service bad = service("X");
  bad.thematics = {"inconnue"};
  try {
    create_service(tx, member_, *st, bad, kToday);
    FAIL();
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.fields().size(), 2u);
    EXPECT_EQ(e.fields()[0].field, "nom");
    EXPECT_EQ(e.fields()[1].field, "thematiques");
  }
  EXPECT_EQ(store::services_of(tx, org_).size(), 1u);
  tx.commit();
}

TEST_P(DirectoryStore, EveryWriteAppendsToTheChangeLogInItsTransaction) {
  long long sid = 0, vid = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    sid = create_structure(tx, member_, org_, structure("Structure A"), kToday);
    auto st = *store::find_structure(tx, sid);
    vid = create_service(tx, member_, st, service("Service A"), kToday);
    auto sv = *store::find_service(tx, vid);
    change_status(tx, member_, st, sv, ServiceStatus::published, kToday);
    Structure changed = st;
    changed.phone = "05 49 00 00 00";
    update_structure(tx, member_, st, changed, kToday);
    tx.commit();
  }
  {
    db::Tx tx(*db_, db::Tx::Mode::write);  // rolled back: its change-log row goes with it
    auto st = *store::find_structure(tx, sid);
    create_service(tx, member_, st, service("Abandonné"), kToday);
  }
  db::Tx tx(*db_, db::Tx::Mode::read);
  auto changes = store::changes_after(tx, 0);
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0].structure_id, sid);
  EXPECT_EQ(changes[0].service_id, 0);
  EXPECT_EQ(changes[1].service_id, vid);
  EXPECT_EQ(changes[2].service_id, vid);
  EXPECT_EQ(changes[3].service_id, 0);
  EXPECT_LT(changes[0].id, changes[3].id);
  EXPECT_FALSE(changes[0].at.empty());
  EXPECT_EQ(store::changes_after(tx, changes[1].id).size(), 2u);
  EXPECT_EQ(store::changes_after(tx, 0, 1).size(), 1u);
  EXPECT_EQ(store::last_change_id(tx), changes[3].id);
}

TEST_P(DirectoryStore, TheLifecycleMovesAlongItsTableOnly) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  auto st = *store::find_structure(tx, create_structure(tx, member_, org_, structure("Structure"), kToday));
  auto sv = *store::find_service(tx, create_service(tx, member_, st, service("Service"), kToday));
  EXPECT_THROW(change_status(tx, member_, st, sv, ServiceStatus::archived, kToday), Conflict);
  EXPECT_THROW(change_status(tx, Actor{false, {other_}}, st, sv, ServiceStatus::published, kToday), Forbidden);
  sv = change_status(tx, member_, st, sv, ServiceStatus::published, "2026-11-30");
  EXPECT_EQ(store::find_service(tx, sv.id)->status, ServiceStatus::published);
  EXPECT_EQ(store::find_service(tx, sv.id)->updated_on, "2026-11-30");
  sv = change_status(tx, member_, st, sv, ServiceStatus::archived, kToday);
  EXPECT_THROW(change_status(tx, member_, st, sv, ServiceStatus::published, kToday), Conflict);
  sv = change_status(tx, member_, st, sv, ServiceStatus::draft, kToday);
  EXPECT_EQ(store::find_service(tx, sv.id)->status, ServiceStatus::draft);
}

TEST_P(DirectoryStore, UpsertsBySourceAndIdAreIdempotent) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  Structure s = structure("Centre social");
  s.source = "dora";
  s.ext_id = "dora--42";
  s.updated_on = "2025-01-01";
  auto first = store::upsert_structure(tx, s);
  EXPECT_TRUE(first.created);
  s.name = "Centre social Le Tournesol";
  auto second = store::upsert_structure(tx, s);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(store::find_structure(tx, "dora", "dora--42")->name, "Centre social Le Tournesol");
  EXPECT_EQ(store::find_structure(tx, "dora", "dora--42")->ext_id, "dora--42");  // imported ids are kept
  Service v = service("Atelier");
  v.source = "dora";
  v.ext_id = "dora--s1";
  v.structure_id = first.id;
  v.status = ServiceStatus::published;
  v.updated_on = "2025-01-01";
  auto a = store::upsert_service(tx, v);
  auto sv = *store::find_service(tx, a.id);
  sv.status = ServiceStatus::archived;
  store::update_service(tx, sv);
  v.name = "Atelier numérique";
  auto b = store::upsert_service(tx, v);
  EXPECT_FALSE(b.created);
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(store::find_service(tx, a.id)->name, "Atelier numérique");
  EXPECT_EQ(store::find_service(tx, a.id)->status, ServiceStatus::archived);  // an update keeps the status
  EXPECT_EQ(count("SELECT COUNT(*) FROM structures"), 0);  // not committed yet: other connections see nothing
  tx.commit();
  EXPECT_EQ(count("SELECT COUNT(*) FROM structures"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 1);
}

TEST_P(DirectoryStore, LoadPublishedGivesEveryPublishedServiceWithItsStructure) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  auto a = *store::find_structure(tx, create_structure(tx, member_, org_, structure("Alpha"), kToday));
  auto b = *store::find_structure(tx, create_structure(tx, member_, org_, structure("Bravo"), kToday));
  auto c = *store::find_structure(tx, create_structure(tx, member_, org_, structure("Charlie"), kToday));
  std::vector<long long> published;
  for (int i = 0; i < 3; ++i) {
    for (const Structure* st : {&a, &b, &c}) {
      auto sv = *store::find_service(tx, create_service(tx, member_, *st, service("Service " + std::to_string(i) + " " + st->name), kToday));
      if (st->id != c.id && i != 1) {
        change_status(tx, member_, *st, sv, ServiceStatus::published, kToday);
        published.push_back(sv.id);
      }
    }
  }
  auto d = store::load_published(tx);
  ASSERT_EQ(d.services.size(), 4u);
  ASSERT_EQ(d.structures.size(), 2u);  // Charlie has no published service
  ASSERT_EQ(d.structure_of.size(), d.services.size());
  for (std::size_t i = 0; i < d.services.size(); ++i) {
    EXPECT_EQ(d.services[i].id, published[i]);
    EXPECT_EQ(d.structure(i).id, d.services[i].structure_id);
    EXPECT_EQ(d.services[i].status, ServiceStatus::published);
  }
  auto only_b = store::load_published(tx, b.id);
  ASSERT_EQ(only_b.services.size(), 2u);
  EXPECT_EQ(only_b.structure(1).name, "Bravo");
  EXPECT_TRUE(store::load_published(tx, c.id).services.empty());
  EXPECT_TRUE(store::load_published(tx, c.id).structures.empty());
  EXPECT_EQ(store::services_of_structure(tx, a.id, true).size(), 2u);
  EXPECT_EQ(store::services_of_structure(tx, a.id, false).size(), 3u);
  EXPECT_EQ(store::structures_of(tx, org_).front().name, "Alpha");
  EXPECT_TRUE(store::structures_of(tx, other_).empty());
}

TEST_P(DirectoryStore, ChangeLogIdsFollowCommitOrderOnPostgreSQL) {
  // Readers apply the rows after the last id they saw: a writer holding a lower id must commit
  // before any other writer may take a higher one. On PostgreSQL the first directory write of a
  // transaction takes a lock that the others wait for until it commits.
  if (GetParam() != db::Engine::postgresql) GTEST_SKIP() << "SQLite has one writer at a time";
  db::Tx first(*db_, db::Tx::Mode::write);
  create_structure(first, member_, org_, structure("Structure A"), kToday);
  auto try_write_lock = [&] {
    db::Tx other(*db_, db::Tx::Mode::write);
    db::Query q(other, "SELECT CASE WHEN pg_try_advisory_xact_lock(7419003) THEN 1 ELSE 0 END");
    return q.next() && q.int64(0) == 1;
  };
  EXPECT_FALSE(try_write_lock());  // held by the open transaction
  first.commit();
  EXPECT_TRUE(try_write_lock());   // released by its commit
}
