// Notifications on both engines: the channel of each kind by default and by preference, every
// member of an organisation, inactive users left out, the bell with its unread count in every
// page, marking read, and the preferences page.
#include "notifications/notify.h"

#include <gtest/gtest.h>

#include "notifications/rules.h"
#include "notifications/store.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;

TEST(NotificationRules, ChannelsTextsAndLinks) {
  using notifications::Channel;
  EXPECT_EQ(notifications::channel_for("appointment.cancelled_by_person", std::nullopt), Channel::both);
  EXPECT_EQ(notifications::channel_for("consent.withdrawn", std::nullopt), Channel::app);
  EXPECT_EQ(notifications::channel_for("pathway.something_new", std::nullopt),
            Channel::app);  // unknown kinds still show
  EXPECT_EQ(notifications::channel_for("consent.withdrawn", Channel::none), Channel::none);
  EXPECT_TRUE(notifications::shows_in_app(Channel::both));
  EXPECT_FALSE(notifications::shows_in_app(Channel::email));
  EXPECT_TRUE(notifications::sends_email(Channel::email));
  EXPECT_FALSE(notifications::sends_email(Channel::none));
  EXPECT_THROW(notifications::clean_text("   "), ValidationError);
  EXPECT_EQ(notifications::clean_text(std::string(600, 'a')).size(), 500u);
  EXPECT_EQ(notifications::clean_link("/organisations/3/rendez-vous/4"), "/organisations/3/rendez-vous/4");
  for (const char* bad : {"//evil.example/x", "https://evil.example/", "javascript:alert(1)", "/a b", "/\\evil", ""})
    EXPECT_EQ(notifications::clean_link(bad), "") << bad;
  auto mail = notifications::email_for("orientation.received", "Une orientation arrive.",
                                       "/organisations/3/orientations/9", "https://jalon.fr");
  EXPECT_EQ(mail.subject, "Jalon : Votre organisation reçoit une orientation");
  EXPECT_NE(mail.body.find("https://jalon.fr/organisations/3/orientations/9"), std::string::npos);
  EXPECT_NE(mail.body.find("https://jalon.fr/compte/notifications"), std::string::npos);
}

class NotificationFlows : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};

INSTANTIATE_TEST_SUITE_P(Engines, NotificationFlows, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(NotificationFlows, EachUserGetsWhatTheirPreferenceSays) {
  using notifications::Channel;
  auto in_app = [&](long long user) {
    return count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(user));
  };
  auto mails = [&](const std::string& to) {
    return count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + to + "'");
  };
  // What the world already sent (its orientations tell the receiving organisations).
  const int app_a_admin = in_app(world_.a_admin), app_a_member = in_app(world_.a_member), app_a_target = in_app(world_.a_target),
            app_b_admin = in_app(world_.b_admin);
  const int mail_a_admin = mails(world_.a_admin_email), mail_a_member = mails(world_.a_member_email),
            mail_target = mails("cible.a1@test.fr"), mail_b_admin = mails(world_.b_admin_email);
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    notifications::store::set_preference(tx, world_.a_member, "orientation.received", Channel::email);
    notifications::store::set_preference(tx, world_.a_target, "orientation.received", Channel::none);
    // Every member of A: the admin by default (both), the member by e-mail only, the third not at all.
    notifications::notify_organisation(tx, world_.org_a, "orientation.received",
                                       "Une orientation arrive de Chantier 1.", "/organisations/1/x");
    notifications::notify(tx, world_.b_admin, "consent.withdrawn", "Un consentement est retiré.",
                          "https://evil.example/");
    tx.commit();
  }
  EXPECT_EQ(in_app(world_.a_admin), app_a_admin + 1);
  EXPECT_EQ(mails(world_.a_admin_email), mail_a_admin + 1);
  EXPECT_EQ(in_app(world_.a_member), app_a_member);
  EXPECT_EQ(mails(world_.a_member_email), mail_a_member + 1);
  EXPECT_EQ(in_app(world_.a_target), app_a_target);
  EXPECT_EQ(mails("cible.a1@test.fr"), mail_target);
  EXPECT_EQ(in_app(world_.b_admin), app_b_admin + 1);  // consent.withdrawn: in the app by default
  EXPECT_EQ(mails(world_.b_admin_email), mail_b_admin);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(world_.b_admin) + " AND link = ''"),
      1);  // foreign link dropped
  // Nothing is kept when the caller's transaction rolls back; an inactive user gets nothing.
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    notifications::notify(tx, world_.a_admin, "consent.withdrawn", "Jamais vu.", "");
  }
  EXPECT_EQ(in_app(world_.a_admin), app_a_admin + 1);
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    tx.sql() << "UPDATE users SET active = 0 WHERE id = :u", soci::use(world_.a_admin);
    notifications::notify(tx, world_.a_admin, "consent.withdrawn", "Compte désactivé.", "");
    tx.commit();
  }
  EXPECT_EQ(in_app(world_.a_admin), app_a_admin + 1);
}

TEST_P(NotificationFlows, TheBellCountsUnreadAndThePageMarksThemRead) {
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    tx.sql() << "DELETE FROM notifications";  // from an empty bell (the world's orientations rang it)
    for (int i = 1; i <= 3; ++i)
      notifications::notify(tx, world_.a_member, "consent.withdrawn", "Événement n° " + std::to_string(i) + ".",
                            "/organisations/1/personnes");
    notifications::notify(tx, world_.a_admin, "consent.withdrawn", "Pour l'administrateur.", "");
    tx.commit();
  }
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  auto dash = c.get("/tableau-de-bord");
  EXPECT_NE(dash.body.find("Notifications <span class=\"badge rounded-pill pastille\">3<span "
                           "class=\"visually-hidden\"> non lues</span>"),
            std::string::npos);
  auto list = c.get("/notifications");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Événement n° 3."), std::string::npos);
  EXPECT_EQ(list.body.find("Pour l&#39;administrateur"), std::string::npos);  // each user sees their own
  EXPECT_NE(list.body.find("aria-current=\"page\""), std::string::npos);
  long long first = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    tx.sql() << "SELECT MIN(id) FROM notifications WHERE user_id = :u", soci::use(world_.a_member), soci::into(first);
  }
  EXPECT_EQ(c.post_form("/notifications/lues", {{"csrf", c.csrf()}, {"id", std::to_string(first)}}).status, 303);
  EXPECT_NE(c.get("/tableau-de-bord").body.find(">2<span class=\"visually-hidden\"> non lues"), std::string::npos);
  // Another user's notification cannot be marked by this one.
  long long admins = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    tx.sql() << "SELECT MIN(id) FROM notifications WHERE user_id = :u", soci::use(world_.a_admin), soci::into(admins);
  }
  c.post_form("/notifications/lues", {{"csrf", c.csrf()}, {"id", std::to_string(admins)}});
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE id = " + std::to_string(admins) + " AND read_at IS NULL"),
            1);
  EXPECT_EQ(c.post_form("/notifications/lues", {{"csrf", c.csrf()}}).status, 303);
  auto after = c.get("/tableau-de-bord");
  EXPECT_NE(after.body.find("Notifications</a>"), std::string::npos);  // no count when all are read
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(world_.a_member) +
                  " AND read_at IS NULL"),
            0);
}

TEST_P(NotificationFlows, PreferencesAreChosenPerKindOnTheAccountPages) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  EXPECT_NE(c.get("/compte").body.find("href=\"/compte/notifications\""), std::string::npos);
  auto page = c.get("/compte/notifications");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<label class=\"form-label\" for=\"canal-appointment-cancelled-by-person\">"),
            std::string::npos);
  auto saved = c.post_form(
      "/compte/notifications",
      {{"csrf", c.csrf()}, {"canal-appointment-cancelled-by-person", "none"}, {"canal-orientation-received", "email"}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_preferences WHERE user_id = " + std::to_string(world_.a_member) +
                  " AND ((kind = 'appointment.cancelled_by_person' AND channel = 'none') OR (kind = "
                  "'orientation.received' AND channel = 'email'))"),
            2);
  auto again = c.get("/compte/notifications");
  EXPECT_NE(again.body.find("<option value=\"none\" selected>"), std::string::npos);
  auto bad = c.post_form("/compte/notifications", {{"csrf", c.csrf()}, {"canal-orientation-received", "pigeon"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_preferences WHERE channel = 'pigeon'"), 0);
}
