// The people store on both engines: grants, keyset search, duplicates candidates, audit.
#include <gtest/gtest.h>

#include "accounts/store.h"
#include "base/crypto.h"
#include "base/errors.h"
#include "people/actions.h"
#include "people/store.h"
#include "referentials/referentials.h"
#include "support/test_db.h"
#include "support/world.h"

using namespace jalon;
using namespace jalon::people;

class PeopleStore : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    crypto::init();
    referentials::load_referentials(test::source_dir() + "/data");
    db_ = test::fresh_database(GetParam());
    db::Tx tx(*db_, db::Tx::Mode::write);
    org_ = accounts::store::create_organisation(tx, {"ML", "mission_locale", test::siret(1), "86194", true});
    other_ = accounts::store::create_organisation(tx, {"ACI", "aci", test::siret(2), "86066", false});
    tx.commit();
  }
  long long add(db::Tx& tx, const std::string& last, const std::string& first, const std::string& birth, long long org,
                const std::string& commune = "86194") {
    Person p;
    p.last_name = last;
    p.first_name = first;
    p.birth_date = birth;
    p.commune_code = commune;
    auto c = create_person(tx, org, p, "2026-11-28", true);
    return c.id;
  }
  std::unique_ptr<db::Database> db_;
  long long org_ = 0, other_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Engines, PeopleStore, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(PeopleStore, SearchIsKeysetPaginatedInNameOrderWithinGrants) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  for (int i = 0; i < 120; ++i) add(tx, "Nom" + std::to_string(1000 + i), "Prénom", "1990-01-01", org_);
  add(tx, "Élise", "Zoé", "1985-03-04", org_, "86066");
  add(tx, "Dupont", "Marie", "1990-05-01", org_);
  long long hidden = add(tx, "Dupont", "Jean", "1970-01-01", other_);
  std::vector<std::string> names;
  store::Query q;
  q.limit = 50;
  for (int page = 0; page < 5; ++page) {
    auto rows = store::search(tx, org_, q);
    for (const auto& r : rows) names.push_back(r.last_name);
    if (rows.size() < 50) break;
    q.after = rows.back().sort_key;
  }
  ASSERT_EQ(names.size(), 122u);
  EXPECT_EQ(names[0], "Dupont");
  EXPECT_EQ(names[1], "Élise");  // folded: "elise" after "dupont", before "nom…"
  EXPECT_EQ(names[2], "Nom1000");
  auto dup = search_people(tx, org_, {}, "DUP");
  ASSERT_EQ(dup.size(), 1u);  // Jean Dupont belongs to another organisation
  EXPECT_EQ(dup[0].first_name, "Marie");
  q = {};
  q.commune_code = "86066";
  EXPECT_EQ(store::search(tx, org_, q).size(), 1u);
  q = {};
  q.birth_date = "1990-05-01";
  EXPECT_EQ(store::search(tx, org_, q).size(), 1u);
  // Sharing makes a person appear; revoking makes them disappear.
  store::grant(tx, hidden, org_, GrantReason::consent, other_);
  q = {};
  q.name = "dupont";
  EXPECT_EQ(store::search(tx, org_, q).size(), 2u);
  EXPECT_THROW(store::grant(tx, hidden, org_, GrantReason::consent, other_), Conflict);
  store::revoke(tx, hidden, org_);
  EXPECT_EQ(store::search(tx, org_, q).size(), 1u);
  EXPECT_FALSE(store::has_grant(tx, hidden, org_));
}

TEST_P(PeopleStore, ARenameMovesThePersonInEveryOrganisationsList) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long id = add(tx, "Zola", "Émile", "1990-01-01", org_);
  add(tx, "Martin", "Anne", "1990-01-01", org_);
  auto p = *store::find(tx, id);
  p.last_name = "Abadie";
  update_person(tx, p, p, "2026-11-28");
  auto rows = store::search(tx, org_, {});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].last_name, "Abadie");
}

TEST_P(PeopleStore, DuplicatesAreFoundAcrossOrganisationsButHiddenWhenNotVisible) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  add(tx, "Dupont", "Marie", "1990-05-01", other_);
  long long mine = add(tx, "Durand", "Paul", "1980-02-02", org_);
  Person again;
  again.last_name = "DUPOND";
  again.first_name = "marie";
  again.birth_date = "1990-05-01";
  auto c = create_person(tx, org_, again, "2026-11-28", false);
  EXPECT_EQ(c.id, 0);
  ASSERT_EQ(c.duplicates.size(), 1u);
  EXPECT_EQ(c.duplicates[0].id, 0);  // seen by another organisation only: identity hidden
  EXPECT_TRUE(c.duplicates[0].name.empty());
  Person paul;
  paul.last_name = "Paul";
  paul.first_name = "Durand";
  paul.birth_date = "1980-02-02";
  auto c2 = create_person(tx, org_, paul, "2026-11-28", false);
  ASSERT_EQ(c2.duplicates.size(), 1u);
  EXPECT_EQ(c2.duplicates[0].id, mine);
  EXPECT_EQ(c2.duplicates[0].reason, "même date de naissance, nom et prénom inversés");
  EXPECT_GT(create_person(tx, org_, again, "2026-11-28", true).id, 0);  // confirmed
}

TEST_P(PeopleStore, WithdrawingConsentKeepsOnlyTheCreatorAndReferent) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  Person p;
  p.last_name = "Leroy";
  p.first_name = "Inès";
  p.consent_sharing = true;
  long long id = create_person(tx, org_, p, "2026-11-28", true).id;
  store::grant(tx, id, other_, GrantReason::consent, org_);
  EXPECT_TRUE(store::has_grant(tx, id, other_));
  auto current = *store::find(tx, id);
  EXPECT_FALSE(current.consent_at.empty());
  auto withdrawn = current;
  withdrawn.consent_sharing = false;
  update_person(tx, current, withdrawn, "2026-11-28");
  EXPECT_FALSE(store::has_grant(tx, id, other_));
  EXPECT_TRUE(store::has_grant(tx, id, org_));
  EXPECT_TRUE(store::find(tx, id)->consent_at.empty());
}

TEST_P(PeopleStore, TheAuditLogListsEntriesAboutVisiblePeopleNewestFirst) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long mine = add(tx, "Dupont", "Marie", "1990-05-01", org_);
  long long theirs = add(tx, "Durand", "Paul", "1980-02-02", other_);
  store::audit(tx, {.organisation_id = org_, .person_id = mine, .action = "read", .ip = "10.0.0.1"});
  store::audit(tx, {.organisation_id = other_, .person_id = theirs, .action = "read"});
  store::audit(tx, {.organisation_id = org_, .person_id = mine, .action = "update"});
  store::audit(tx, {.organisation_id = org_, .action = "search", .detail = "nom=dup"});
  auto all = store::audit_of(tx, org_, {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].action, "search");
  EXPECT_EQ(all[1].action, "update");
  EXPECT_EQ(all[2].ip, "10.0.0.1");
  EXPECT_EQ(all[2].person_name, "Marie Dupont");
  store::AuditQuery q;
  q.action = "read";
  EXPECT_EQ(store::audit_of(tx, org_, q).size(), 1u);
  q = {};
  q.before_id = all[0].id;
  EXPECT_EQ(store::audit_of(tx, org_, q).size(), 2u);
}
