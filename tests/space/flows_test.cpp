// The person's own space on both engines: the one-time link (same answer for unknown addresses,
// single use, expiry, hashed at rest, throttled), what the person sees and cannot see, their data
// as JSON, cancelling their coming, withdrawing consent, and every read audited as the person.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "accounts/store.h"
#include "base/time.h"
#include "mail/outbox.h"
#include "people/store.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;
namespace json = boost::json;

namespace {
// Restores the real clock when a test moved it.
struct ClockGuard {
  ~ClockGuard() { time::set_clock_for_tests({}); }
  void advance(std::chrono::minutes by) {
    auto at = time::now() + by;
    time::set_clock_for_tests([at] { return at; });
  }
};

std::string link_in(const std::string& body) {
  static const std::regex re(R"(https?://\S+(/mon-espace/lien/[A-Za-z0-9_-]+))");
  std::smatch m;
  return std::regex_search(body, m, re) ? std::string(m[1]) : "";
}
}  // namespace

class SpaceFlows : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::vector<mail::Message> mails_to(const std::string& to) {
    db::Tx tx(*db_, db::Tx::Mode::read);
    return mail::latest(tx, 20, to);
  }
  // A client logged in to person_a's space with the world's session.
  HttpClient as_person(int port) {
    HttpClient c(port);
    c.cookies()["jalon_espace"] = world_.s_person.raw;
    return c;
  }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};

INSTANTIATE_TEST_SUITE_P(Engines, SpaceFlows, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(SpaceFlows, AOneTimeLinkByEmailOpensTheSpaceOnce) {
  ClockGuard clock;
  test::TestServer server(*db_);
  HttpClient c(server.port());
  auto form = c.get("/mon-espace");
  ASSERT_EQ(form.status, 200);
  auto asked = c.post_form("/mon-espace", {{"csrf", c.csrf()}, {"email", "  Camille.Martin1@EXEMPLE.fr "}});
  ASSERT_EQ(asked.status, 303);
  std::string flash_known = c.cookies()["jalon_flash"];
  auto mails = mails_to(world_.person_a_email);
  ASSERT_EQ(mails.size(), 1u);
  std::string path = link_in(mails[0].body);
  ASSERT_FALSE(path.empty()) << mails[0].body;
  // Only the hash is stored.
  std::string code = path.substr(path.rfind('/') + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM space_links WHERE token_hash = '" + code + "'"), 0);
  // An unknown address gets the same answer and no e-mail.
  int outbox = count("SELECT COUNT(*) FROM outbox");
  c.get("/mon-espace");
  auto unknown = c.post_form("/mon-espace", {{"csrf", c.csrf()}, {"email", "personne.inconnue@exemple.fr"}});
  EXPECT_EQ(unknown.status, 303);
  EXPECT_EQ(unknown.header("location"), asked.header("location"));
  EXPECT_EQ(c.cookies()["jalon_flash"], flash_known);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), outbox);
  EXPECT_EQ(c.post_form("/mon-espace", {{"csrf", c.csrf()}, {"email", "pas-une-adresse"}}).status, 422);
  // The link's page asks to confirm (a mail scanner's GET spends nothing), the POST opens the space.
  auto confirm = c.get(path);
  EXPECT_EQ(confirm.status, 200);
  EXPECT_NE(confirm.body.find("Ouvrir mon espace"), std::string::npos);
  auto opened = c.post_form(path, {{"csrf", c.csrf()}});
  ASSERT_EQ(opened.status, 303) << opened.body.substr(0, 1000);
  EXPECT_EQ(opened.header("location"), "/mon-espace/accueil");
  EXPECT_FALSE(c.cookies()["jalon_espace"].empty());
  auto home = c.get("/mon-espace/accueil");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Bonjour Camille."), std::string::npos);
  EXPECT_NE(home.body.find("Point d&#39;étape 1"), std::string::npos);  // the appointment
  EXPECT_NE(home.body.find("Attestation 1"), std::string::npos);        // the document
  EXPECT_NE(home.body.find("Chantier 1"), std::string::npos);           // who sees the file
  EXPECT_NE(home.body.find("Mon espace</a>"), std::string::npos);       // the person's navigation
  EXPECT_EQ(home.body.find("Tableau de bord"), std::string::npos);
  // A professional's browser is told to log out first, and the link is not spent.
  HttpClient staff(server.port());
  staff.login(world_.a_member_email, test::kPassword);
  auto in_staff_browser = staff.get(path);
  EXPECT_EQ(in_staff_browser.status, 409);
  EXPECT_NE(in_staff_browser.body.find("en tant que professionnel"), std::string::npos);
  // Once only.
  HttpClient other(server.port());
  EXPECT_EQ(other.get(path).status, 410);
  other.get("/mon-espace");
  EXPECT_EQ(other.post_form(path, {{"csrf", other.csrf()}}).status, 410);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + std::to_string(world_.person_a) +
                  " AND action = 'self:login' AND user_id IS NULL AND organisation_id IS NULL"),
            1);
  // A link expires: asked now, opened 31 minutes later.
  HttpClient late(server.port());
  late.get("/mon-espace");
  late.post_form("/mon-espace", {{"csrf", late.csrf()}, {"email", world_.person_a_email}});
  std::string late_path = link_in(mails_to(world_.person_a_email)[0].body);
  ASSERT_NE(late_path, path);
  clock.advance(std::chrono::minutes(31));
  late.get("/mon-espace");
  EXPECT_EQ(late.post_form(late_path, {{"csrf", late.csrf()}}).status, 410);
}

TEST_P(SpaceFlows, LinkRequestsAreLimitedPerPersonAndPerClient) {
  Config config = test::test_config();
  config.space_link_requests_per_hour = 6;
  test::TestServer server(*db_, config);
  HttpClient c(server.port());
  for (int i = 0; i < 5; ++i) {
    c.get("/mon-espace");
    EXPECT_EQ(c.post_form("/mon-espace", {{"csrf", c.csrf()}, {"email", world_.person_a_email}}).status, 303);
  }
  // Three links an hour per person: the world's fixture made one, so two e-mails went out.
  EXPECT_EQ(mails_to(world_.person_a_email).size(), 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM space_links WHERE person_id = " + std::to_string(world_.person_a)), 3);
  // Six requests an hour from one client, known addresses or not: the seventh is refused.
  c.get("/mon-espace");
  EXPECT_EQ(c.post_form("/mon-espace", {{"csrf", c.csrf()}, {"email", "inconnu@exemple.fr"}}).status, 303);
  c.get("/mon-espace");
  auto throttled = c.post_form("/mon-espace", {{"csrf", c.csrf()}, {"email", "inconnu@exemple.fr"}});
  EXPECT_EQ(throttled.status, 429);
}

TEST_P(SpaceFlows, ThePersonSeesTheirOwnThingsAndNothingElse) {
  ClockGuard clock;
  long long other_person = 0, other_doc = 0, other_appointment = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    people::Person p;
    p.first_name = "Autre";
    p.last_name = "Personne";
    p.email = "autre@exemple.fr";
    other_person = people::store::create(tx, p, world_.org_a);
    tx.sql()
        << "INSERT INTO documents (person_id, organisation_id, kind, title, filename, content_type, size, sha256, "
           "created_at) "
           "VALUES (:p, :o, 'cv', 'CV autre', 'cv.pdf', 'application/pdf', 0, '', '2026-01-01T00:00:00Z') RETURNING id",
        soci::use(other_person), soci::use(world_.org_a), soci::into(other_doc);
    tx.sql() << "INSERT INTO appointments (organisation_id, counsellor_id, kind, starts_at, duration_minutes, place, "
                "subject, created_at, updated_at) "
                "VALUES (:o, :c, 'individual', '2099-01-01T09:00:00Z', 30, 'Bureau', 'Autre rendez-vous', "
                "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
        soci::use(world_.org_a), soci::use(world_.a_member), soci::into(other_appointment);
    tx.sql() << "INSERT INTO appointment_participants (appointment_id, person_id, status, added_at) VALUES (:a, :p, "
                "'planned', '2026-01-01T00:00:00Z')",
        soci::use(other_appointment), soci::use(other_person);
    tx.commit();
  }
  test::TestServer server(*db_);
  HttpClient c = as_person(server.port());
  auto home = c.get("/mon-espace/accueil");
  ASSERT_EQ(home.status, 200);
  EXPECT_EQ(home.body.find("Autre rendez-vous"), std::string::npos);
  EXPECT_EQ(home.body.find("CV autre"), std::string::npos);
  EXPECT_EQ(c.get("/mon-espace/documents/" + std::to_string(other_doc)).status, 404);
  EXPECT_EQ(
      c.post_form("/mon-espace/rendez-vous/" + std::to_string(other_appointment) + "/annuler", {{"csrf", c.csrf()}})
          .status,
      404);
  // Staff pages, organisation pages and the API are closed to the person.
  EXPECT_EQ(c.get("/tableau-de-bord").status, 403);
  EXPECT_EQ(
      c.get("/organisations/" + std::to_string(world_.org_a) + "/personnes/" + std::to_string(world_.person_a)).status,
      403);
  EXPECT_EQ(
      c.get("/api/v1/organisations/" + std::to_string(world_.org_a) + "/people/" + std::to_string(world_.person_a))
          .status,
      403);
  EXPECT_EQ(c.get("/notifications").status, 403);
  // Their own document, calendar and data.
  auto doc = c.get("/mon-espace/documents/" + std::to_string(world_.document_a));
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.body, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(doc.header("content-disposition").rfind("attachment;", 0), 0u);
  auto ics = c.get("/mon-espace/rendez-vous.ics");
  EXPECT_NE(ics.body.find("SUMMARY:Point d'étape 1 (Mission Locale 1)"), std::string::npos);
  EXPECT_EQ(ics.body.find("Autre rendez-vous"), std::string::npos);
  auto data = c.get("/mon-espace/donnees.json");
  ASSERT_EQ(data.status, 200);
  EXPECT_EQ(data.header("content-disposition"), "attachment; filename=\"mes-donnees-jalon.json\"");
  auto o = json::parse(data.body).as_object();
  EXPECT_EQ(o["person"].as_object()["id"].as_int64(), world_.person_a);
  EXPECT_EQ(o["person"].as_object()["email"].as_string(), world_.person_a_email);
  EXPECT_EQ(o["grants"].as_array().size(), 2u);
  ASSERT_EQ(o["appointments"].as_array().size(), 1u);
  EXPECT_EQ(o["appointments"].as_array()[0].as_object()["subject"].as_string(), "Point d'étape 1");
  ASSERT_EQ(o["documents"].as_array().size(), 1u);
  EXPECT_FALSE(o["documents"].as_array()[0].as_object().contains("content"));
  bool saw_self_read = false;
  for (const auto& e : o["audit"].as_array())
    saw_self_read = saw_self_read || (e.as_object().at("action").as_string() == "self:read" &&
                                      e.as_object().at("by").as_string() == "vous-même");
  EXPECT_TRUE(saw_self_read);
  EXPECT_EQ(data.body.find("autre@exemple.fr"), std::string::npos);
  // Every read is in the log, as the person (no user, no organisation).
  std::string me = std::to_string(world_.person_a);
  for (const char* action : {"self:read", "self:document.download", "self:ics", "self:export"})
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM audit_log WHERE person_id = ") + me + " AND action = '" + action +
                    "' AND user_id IS NULL AND token_id IS NULL AND organisation_id IS NULL"),
              1)
        << action;
  // The organisation's journal shows them too.
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  auto journal = admin.get("/organisations/" + std::to_string(world_.org_a) + "/journal?personne=" + me);
  EXPECT_NE(journal.body.find("export de ses données par la personne"), std::string::npos);
  // 31 minutes idle: the session is over, the space asks for a new link.
  clock.advance(std::chrono::minutes(31));
  auto idle = c.get("/mon-espace/accueil");
  EXPECT_EQ(idle.status, 303);
  EXPECT_EQ(idle.header("location"), "/mon-espace");
}

TEST_P(SpaceFlows, CancellingTheirComingTellsTheCounsellor) {
  test::TestServer server(*db_);
  const int mails_before = count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + world_.a_member_email + "'");
  HttpClient c = as_person(server.port());
  c.get("/mon-espace/accueil");
  std::string cancel = "/mon-espace/rendez-vous/" + std::to_string(world_.appointment_a) + "/annuler";
  EXPECT_EQ(c.post_form(cancel, {{"csrf", "pas-le-bon-jeton-pas-le-bon-jeton"}}).status, 403);  // CSRF
  EXPECT_EQ(c.post_form(cancel, {{"csrf", c.csrf()}}).status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_participants WHERE appointment_id = " +
                  std::to_string(world_.appointment_a) +
                  " AND status = 'excused' AND by_person = 1 AND status_by_user IS NULL"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(world_.a_member) +
                  " AND kind = 'appointment.cancelled_by_person' AND text LIKE 'Camille Martin 1 annule sa venue%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + world_.a_member_email + "'"), mails_before + 1);
  EXPECT_EQ(c.post_form(cancel, {{"csrf", c.csrf()}}).status, 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'self:appointment.cancel' AND person_id = " +
                  std::to_string(world_.person_a)),
            1);
}

TEST_P(SpaceFlows, WithdrawingConsentEndsSharingExceptTheCreatorAndTheReferent) {
  long long org_c = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    org_c = accounts::store::create_organisation(tx, {"Référent 1", "departement", test::siret(900), "86194", true});
    long long user_c = accounts::store::create_user(tx, "referent1@test.fr", "Référente C", "x");
    accounts::store::add_membership(tx, org_c, user_c, "member", true);
    people::store::grant(tx, world_.person_a, org_c, people::GrantReason::referent, world_.org_a);
    tx.commit();
  }
  test::TestServer server(*db_);
  HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  std::string b_view =
      "/organisations/" + std::to_string(world_.org_b) + "/personnes/" + std::to_string(world_.person_a);
  EXPECT_EQ(b.get(b_view).status, 200);
  HttpClient c = as_person(server.port());
  auto home = c.get("/mon-espace/accueil");
  EXPECT_NE(home.body.find("Retirer mon consentement au partage"), std::string::npos);
  EXPECT_EQ(c.post_form("/mon-espace/consentement/retirer", {{"csrf", c.csrf()}}).status, 303);
  std::string p = std::to_string(world_.person_a);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE id = " + p + " AND consent_sharing = 0"), 1);
  auto live = [&](long long org) {
    return count("SELECT COUNT(*) FROM person_grants WHERE person_id = " + p +
                 " AND organisation_id = " + std::to_string(org) + " AND revoked_at IS NULL");
  };
  EXPECT_EQ(live(world_.org_a), 1);  // creator
  EXPECT_EQ(live(org_c), 1);         // referent
  EXPECT_EQ(live(world_.org_b), 0);  // shared by consent: ended
  EXPECT_EQ(b.get(b_view).status, 404);
  // The organisations that keep access are told; the one that lost it is not.
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'consent.withdrawn' AND user_id IN (SELECT user_id "
                  "FROM memberships WHERE organisation_id = " +
                  std::to_string(world_.org_a) + ")"),
            3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'consent.withdrawn' AND user_id IN (SELECT user_id "
                  "FROM memberships WHERE organisation_id = " +
                  std::to_string(org_c) + ")"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'consent.withdrawn' AND user_id = " + std::to_string(world_.b_admin)), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'self:consent-withdrawn' AND person_id = " + p +
                  " AND user_id IS NULL"),
            1);
  auto after = c.get("/mon-espace/accueil");
  EXPECT_EQ(after.body.find("Retirer mon consentement au partage"), std::string::npos);
  EXPECT_EQ(after.body.find("Chantier 1"), std::string::npos);
  EXPECT_EQ(c.post_form("/mon-espace/consentement/retirer", {{"csrf", c.csrf()}}).status, 409);
  // Logging out ends the session.
  EXPECT_EQ(c.post_form("/mon-espace/deconnexion", {{"csrf", c.csrf()}}).status, 303);
  EXPECT_EQ(c.get("/mon-espace/accueil").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM space_sessions WHERE person_id = " + p), 0);
}
