// The accounts store on both engines.
#include <gtest/gtest.h>

#include "accounts/store.h"
#include "base/errors.h"
#include "base/crypto.h"
#include "base/time.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::accounts;

class AccountsStore : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    crypto::init();
    crypto::set_password_cost(crypto::PasswordCost::minimal);
    db_ = test::fresh_database(GetParam());
  }
  std::unique_ptr<db::Database> db_;
};

INSTANTIATE_TEST_SUITE_P(Engines, AccountsStore, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(AccountsStore, OrganisationsAndSiretUniqueness) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long id = store::create_organisation(tx, {"ML", "mission_locale", "73282932000074", "86194", true});
  auto o = store::get_organisation(tx, id);
  EXPECT_EQ(o.name, "ML");
  EXPECT_TRUE(o.authorised_prescriber);
  EXPECT_EQ(o.time_zone, "Europe/Paris");
  EXPECT_THROW(store::create_organisation(tx, {"Autre", "aci", "73282932000074", "86194", false}), ValidationError);
  long long id2 = store::create_organisation(tx, {"ACI", "aci", "13000548100010", "86066", false});
  EXPECT_THROW(store::update_organisation(tx, id2, {"ACI", "aci", "73282932000074", "86066", false}), ValidationError);
  store::update_organisation(tx, id2, {"ACI renommé", "ei", "13000548100010", "86066", false});
  EXPECT_EQ(store::get_organisation(tx, id2).kind, "ei");
  EXPECT_THROW(store::get_organisation(tx, 424242), NotFound);
  EXPECT_EQ(store::list_organisations(tx).size(), 2u);
}

TEST_P(AccountsStore, UsersMembershipsAndRoles) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long org = store::create_organisation(tx, {"ML", "mission_locale", "73282932000074", "86194", true});
  long long u = store::create_user(tx, "a@x.fr", "Anne", crypto::hash_password("une phrase de passe"));
  EXPECT_THROW(store::create_user(tx, "a@x.fr", "Autre", ""), Conflict);
  store::add_membership(tx, org, u, "admin", false);
  EXPECT_THROW(store::add_membership(tx, org, u, "member", false), Conflict);
  EXPECT_EQ(store::admin_count(tx, org), 1);
  store::set_membership(tx, org, u, "member", true);
  auto m = store::member(tx, org, u);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role, "member");
  EXPECT_TRUE(m->social_worker);
  auto ms = store::memberships_of(tx, u);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].organisation_name, "ML");
  store::remove_membership(tx, org, u);
  EXPECT_TRUE(store::members(tx, org).empty());
}

TEST_P(AccountsStore, SessionsAreStoredHashedAndPurgedWhenExpired) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long u = store::create_user(tx, "a@x.fr", "Anne", "");
  auto s = store::create_session(tx, u, "127.0.0.1", "test", 1);
  int raw_present = 0, hashed = 0;
  tx.sql() << "SELECT COUNT(*) FROM sessions WHERE id_hash = :r", soci::use(s.raw_id), soci::into(raw_present);
  std::string h = crypto::hash_token(s.raw_id);
  tx.sql() << "SELECT COUNT(*) FROM sessions WHERE id_hash = :h", soci::use(h), soci::into(hashed);
  EXPECT_EQ(raw_present, 0);
  EXPECT_EQ(hashed, 1);
  EXPECT_EQ(store::purge_expired_sessions(tx, time::iso(time::now() + std::chrono::minutes(30))), 0);
  EXPECT_EQ(store::purge_expired_sessions(tx, time::iso(time::now() + std::chrono::hours(2))), 1);
}

TEST_P(AccountsStore, InvitationsAreFoundByCodeOnly) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long org = store::create_organisation(tx, {"ML", "mission_locale", "73282932000074", "86194", true});
  long long u = store::create_user(tx, "a@x.fr", "Anne", "");
  auto inv = store::create_invitation(tx, org, "b@x.fr", "member", true, u, 7);
  auto found = store::find_invitation_by_code(tx, inv.raw_code);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->email, "b@x.fr");
  EXPECT_EQ(found->invited_by_name, "Anne");
  EXPECT_TRUE(found->social_worker);
  EXPECT_FALSE(store::find_invitation_by_code(tx, inv.raw_code + "x"));
  EXPECT_EQ(store::pending_invitations(tx, org, time::iso_now()).size(), 1u);
  EXPECT_EQ(store::pending_invitations(tx, org, time::iso(time::now() + std::chrono::hours(24 * 8))).size(), 0u);
  store::revoke_invitation(tx, inv.id);
  EXPECT_EQ(store::pending_invitations(tx, org, time::iso_now()).size(), 0u);
}

TEST_P(AccountsStore, ApiTokensShownOnceStoredHashedRevocable) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  long long org = store::create_organisation(tx, {"ML", "mission_locale", "73282932000074", "86194", true});
  long long anne = store::create_user(tx, "a@x.fr", "Anne", "");
  auto t = store::create_api_token(tx, org, "RH", anne);
  EXPECT_EQ(t.raw.rfind("jln_", 0), 0u);
  auto list = store::api_tokens(tx, org);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].prefix, t.raw.substr(0, 10));
  EXPECT_EQ(list[0].created_by_name, "Anne");
  store::revoke_api_token(tx, org, t.id);
  EXPECT_FALSE(store::api_tokens(tx, org)[0].revoked_at.empty());
}

TEST_P(AccountsStore, LoginFailuresCountWithinTheWindow) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  for (int i = 0; i < 3; ++i) store::record_login_failure(tx, "a@x.fr", "10.0.0.1");
  std::string before = time::iso(time::now() - std::chrono::minutes(15));
  std::string after = time::iso(time::now() + std::chrono::minutes(1));
  EXPECT_EQ(store::recent_failures_for_email(tx, "a@x.fr", before), 3);
  EXPECT_EQ(store::recent_failures_for_ip(tx, "10.0.0.1", before), 3);
  EXPECT_EQ(store::recent_failures_for_email(tx, "a@x.fr", after), 0);
  store::clear_login_failures(tx, "a@x.fr");
  EXPECT_EQ(store::recent_failures_for_email(tx, "a@x.fr", before), 0);
}
