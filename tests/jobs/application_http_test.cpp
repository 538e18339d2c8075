// Applications through a real socket on both engines: the employer's inbox, the application page
// and its forms, the CV, the sender's list, applying for a person, who may see what, the exports
// (CSV for French spreadsheets, XLSX as a real zip), the person's space, and the JSON API.
#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/json.hpp>
#include <cstring>

#include "accounts/store.h"
#include "base/crypto.h"
#include "base/time.h"
#include "db/query.h"
#include "people/store.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;

namespace {

std::uint32_t le32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}
std::uint16_t le16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}

// The uncompressed content of `name` in the zip `zip`, read through its central directory
// ("" when absent): enough of the format to check an export, no more.
std::string unzip(const std::string& zip, const std::string& name) {
  std::size_t at = 0;
  while ((at = zip.find(std::string("PK\x01\x02", 4), at)) != std::string::npos) {
    std::uint16_t method = le16(zip, at + 10), n = le16(zip, at + 28), extra = le16(zip, at + 30),
                  comment = le16(zip, at + 32);
    std::uint32_t packed = le32(zip, at + 20), size = le32(zip, at + 24), local = le32(zip, at + 42);
    if (zip.compare(at + 46, n, name) == 0) {
      std::size_t data = local + 30 + le16(zip, local + 26) + le16(zip, local + 28);
      if (method == 0) return zip.substr(data, size);
      std::string out(size, '\0');
      z_stream z;
      std::memset(&z, 0, sizeof z);
      inflateInit2(&z, -15);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      z.avail_in = packed;
      z.next_out = reinterpret_cast<Bytef*>(out.data());
      z.avail_out = size;
      int rc = inflate(&z, Z_FINISH);
      inflateEnd(&z);
      return rc == Z_STREAM_END ? out : "";
    }
    at += 46 + n + extra + comment;
  }
  return "";
}

}  // namespace

class ApplicationHttp : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    w_ = test::make_world(*db_, 1);
    db::Tx tx(*db_, db::Tx::Mode::write);
    std::string now = time::iso_now();
    db::Query q(
        tx,
        "INSERT INTO job_offers (organisation_id, job_title_code, title, commune_code, contract, hours_per_week, "
        "status, created_at, updated_at) VALUES (:o, 1, 'Plongeur', '86194', 'cdi', 35, 'open', :c, :u) "
        "RETURNING id");
    q.bind(w_.org_b).bind(now).bind(now);
    q.next();
    offer_b_ = q.int64(0);
    q.run();
    third_ = accounts::store::create_organisation(tx, {"Tiers", "association", test::siret(900), "86194", false});
    long long third_admin =
        accounts::store::create_user(tx, "tiers@test.fr", "Tiers", crypto::hash_password(test::kPassword));
    accounts::store::add_membership(tx, third_, third_admin, "admin", false);
    tx.commit();
  }
  std::string org(long long id) const { return "/organisations/" + std::to_string(id); }
  std::string app(long long org_id, long long id) const { return org(org_id) + "/candidatures/" + std::to_string(id); }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::string n(long long id) { return std::to_string(id); }
  std::unique_ptr<db::Database> db_;
  test::World w_;
  long long offer_b_ = 0, third_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Engines, ApplicationHttp, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(ApplicationHttp, TheEmployerWorksItsInboxTheSenderFollowsAndOthersSeeNothing) {
  test::TestServer server(*db_);
  HttpClient a(server.port());
  a.login(w_.a_admin_email, test::kPassword);
  // The inbox: pending first, with counts per state and the candidate.
  auto inbox = a.get(org(w_.org_a) + "/candidatures");
  ASSERT_EQ(inbox.status, 200) << inbox.body.substr(0, 2000);
  EXPECT_NE(inbox.body.find("Martin 1 Camille"), std::string::npos);
  EXPECT_NE(inbox.body.find("Aide à domicile 1"), std::string::npos);
  EXPECT_NE(inbox.body.find("À traiter <span class=\"badge text-bg-light\">1</span>"), std::string::npos);
  EXPECT_EQ(a.get(org(w_.org_a) + "/candidatures?etat=refused").body.find("Martin 1 Camille"), std::string::npos);
  EXPECT_EQ(a.get(org(w_.org_a) + "/candidatures?etat=all&emetteur=person").body.find("Martin 1 Camille"),
            std::string::npos)
      << "sent by a prescriber";
  EXPECT_EQ(a.get(org(w_.org_a) + "/candidatures?etat=all&du=2099-01-01").body.find("Martin 1 Camille"),
            std::string::npos);
  // The application: identity, contact, message, CV; reading it is audited against the person.
  std::string page = app(w_.org_a, w_.application_a);
  auto shown = a.get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find(w_.person_a_email), std::string::npos);
  EXPECT_NE(shown.body.find("Disponible tout de suite."), std::string::npos);
  EXPECT_NE(shown.body.find("Étudier la candidature"), std::string::npos);
  EXPECT_EQ(shown.body.find("Retirer la candidature"), std::string::npos) << "the sender's, not the employer's";
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND person_id = " + n(w_.person_a) +
                  " AND detail = 'candidature n° " + n(w_.application_a) + "'"),
            1);
  EXPECT_EQ(a.get(page + "/cv").status, 200);
  // Forms: a refusal without reason is shown again with its error; then process and accept.
  auto bad = a.post_form(page + "/transitions", {{"csrf", a.csrf()}, {"action", "refuse"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Choisissez le motif du refus dans la liste."), std::string::npos);
  auto processed = a.post_form(page + "/transitions", {{"csrf", a.csrf()}, {"action", "process"}});
  ASSERT_EQ(processed.status, 303) << processed.body.substr(0, 1000);
  EXPECT_EQ(processed.header("location"), page);
  auto accepted =
      a.post_form(page + "/transitions", {{"csrf", a.csrf()}, {"action", "accept"}, {"hired_on", "2099-01-01"}});
  EXPECT_EQ(accepted.status, 422) << "more than a year ahead";
  accepted =
      a.post_form(page + "/transitions", {{"csrf", a.csrf()}, {"action", "accept"}, {"hired_on", time::today()}});
  ASSERT_EQ(accepted.status, 303);
  EXPECT_NE(a.get(page).body.find("Annuler l&#39;embauche"), std::string::npos);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM job_applications WHERE id = " + n(w_.application_a) + " AND state = 'accepted'"), 1);
  // The sender sees it in its list and on its page, without the employer's forms.
  HttpClient b(server.port());
  b.login(w_.b_admin_email, test::kPassword);
  auto sent = b.get(org(w_.org_b) + "/candidatures-envoyees");
  ASSERT_EQ(sent.status, 200);
  EXPECT_NE(sent.body.find("Martin 1 Camille"), std::string::npos);
  auto seen = b.get(app(w_.org_b, w_.application_a));
  ASSERT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Acceptée"), std::string::npos);
  EXPECT_EQ(seen.body.find("Annuler l&#39;embauche"), std::string::npos);
  EXPECT_EQ(
      b.post_form(app(w_.org_b, w_.application_a) + "/transitions", {{"csrf", b.csrf()}, {"action", "cancel_hire"}})
          .status,
      403);
  // An organisation with no part in it: 404, and the refusal is in the log.
  HttpClient t(server.port());
  t.login("tiers@test.fr", test::kPassword);
  EXPECT_EQ(t.get(app(third_, w_.application_a)).status, 404);
  EXPECT_EQ(t.get(app(third_, w_.application_a) + "/cv").status, 404);
  EXPECT_GE(
      count("SELECT COUNT(*) FROM audit_log WHERE action = 'refused:application' AND person_id = " + n(w_.person_a)),
      2);
  // The person sees it in their space, in their words.
  HttpClient person(server.port());
  person.cookies()["jalon_espace"] = w_.s_person.raw;
  auto home = person.get("/mon-espace/accueil");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Mes candidatures"), std::string::npos);
  EXPECT_NE(home.body.find("Acceptée : vous êtes embauché(e)"), std::string::npos);
  // And in the data they download.
  auto data = boost::json::parse(person.get("/mon-espace/donnees.json").body).as_object();
  ASSERT_EQ(data["applications"].as_array().size(), 1u);
  EXPECT_EQ(data["applications"].as_array()[0].as_object()["state"].as_string(), "accepted");
}

TEST_P(ApplicationHttp, ACounsellorAppliesForAPersonOnceAndThePersonWithdraws) {
  test::TestServer server(*db_);
  HttpClient a(server.port());
  a.login(w_.a_member_email, test::kPassword);
  std::string person = org(w_.org_a) + "/personnes/" + n(w_.person_a);
  auto form = a.get(person + "/candidatures/nouvelle?offre=" + n(offer_b_));
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Plongeur"), std::string::npos);
  EXPECT_NE(a.get(person).body.find("Postuler à une offre pour cette personne"), std::string::npos) << "the panel";
  auto sent = a.post_form(person + "/candidatures",
                          {{"csrf", a.csrf()}, {"offer_id", n(offer_b_)}, {"message", "Très motivée."}});
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 1500);
  long long id = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    tx.sql() << "SELECT MAX(id) FROM job_applications", soci::into(id);
  }
  EXPECT_EQ(sent.header("location"), app(w_.org_a, id));
  EXPECT_EQ(a.get(app(w_.org_a, id)).status, 200) << "the sender's view";
  auto twice = a.post_form(person + "/candidatures", {{"csrf", a.csrf()}, {"offer_id", n(offer_b_)}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("déjà en cours"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'share' AND person_id = " + n(w_.person_a) +
                  " AND detail LIKE 'candidature n° %'"),
            1);
  // The person withdraws it from their space; B (the employer) is told.
  HttpClient p(server.port());
  p.cookies()["jalon_espace"] = w_.s_person.raw;
  p.get("/mon-espace/accueil");
  auto withdrawn = p.post_form("/mon-espace/candidatures/" + n(id) + "/retirer", {{"csrf", w_.s_person.csrf}});
  ASSERT_EQ(withdrawn.status, 303) << withdrawn.body.substr(0, 1000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_applications WHERE id = " + n(id) + " AND state = 'cancelled'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE user_id = " + n(w_.b_admin) +
                  " AND kind = 'application.withdrawn'"),
            1);
  // Somebody else's application is not theirs to withdraw.
  EXPECT_EQ(p.post_form("/mon-espace/candidatures/999999/retirer", {{"csrf", w_.s_person.csrf}}).status, 404);
  // And the person applies again, themself.
  auto again = p.post_form("/mon-espace/candidatures", {{"csrf", w_.s_person.csrf}, {"offer_id", n(offer_b_)}});
  ASSERT_EQ(again.status, 303) << again.body.substr(0, 1000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_applications WHERE person_id = " + n(w_.person_a) +
                  " AND sender_kind = 'person' AND state = 'new'"),
            1);
}

TEST_P(ApplicationHttp, ExportsOpenInFrenchSpreadsheets) {
  test::TestServer server(*db_);
  HttpClient a(server.port());
  a.login(w_.a_admin_email, test::kPassword);
  const int exported_before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND person_id = " + std::to_string(w_.person_a));
  auto csv = a.get(org(w_.org_a) + "/candidatures.csv?etat=all");
  ASSERT_EQ(csv.status, 200);
  // The person whose contact left in the file sees it in their log.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND person_id = " + std::to_string(w_.person_a)), exported_before + 1);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFN°;Reçue le;État;Offre;Nom;Prénom", 0), 0u) << csv.body.substr(0, 200);
  EXPECT_NE(csv.body.find(";Nouvelle;Aide à domicile 1;Martin 1;Camille;12/04/1999;" + w_.person_a_email + ";"),
            std::string::npos)
      << csv.body;
  EXPECT_EQ(a.get(org(w_.org_a) + "/candidatures.csv?etat=refused").body.find("Martin 1"), std::string::npos);
  auto xlsx = a.get(org(w_.org_a) + "/candidatures.xlsx?etat=all");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK\x03\x04", 0), 0u) << "a zip";
  std::string strings = unzip(xlsx.body, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Martin 1"), std::string::npos) << strings.substr(0, 500);
  EXPECT_NE(strings.find("Aide à domicile 1"), std::string::npos);
  std::string sheet = unzip(xlsx.body, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<row r=\"2\""), std::string::npos) << "the header and one row";
  EXPECT_EQ(sheet.find("<row r=\"3\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND detail LIKE 'candidatures reçues (%'"),
            3);
}

TEST_P(ApplicationHttp, AnExportLargerThanTheLimitIsRefusedNeverCut) {
  // The limit set to no row at all: the inbox's one application is one too many.
  Config cfg = test::test_config();
  cfg.export_max_rows = 0;
  test::TestServer server(*db_, cfg);
  HttpClient a(server.port());
  a.login(w_.a_admin_email, test::kPassword);
  const int exports_before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'export'");
  for (const char* format : {".csv", ".xlsx"}) {
    auto refused = a.get(org(w_.org_a) + "/candidatures" + format + "?etat=all");
    ASSERT_EQ(refused.status, 303) << refused.body.substr(0, 300);
    EXPECT_EQ(refused.header("location"), org(w_.org_a) + "/candidatures?etat=all");
    auto inbox = a.get(refused.header("location"));
    EXPECT_NE(inbox.body.find("Plus de 0 candidatures correspondent à ces filtres"), std::string::npos) << inbox.body.substr(0, 3000);
    EXPECT_NE(inbox.body.find("0 au plus par fichier"), std::string::npos) << "the limit is said next to the export links";
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export'"), exports_before) << "nothing left the platform";
  // Filters that select no more than the limit still export.
  auto none = a.get(org(w_.org_a) + "/candidatures.csv?etat=refused");
  EXPECT_EQ(none.status, 200);
}

TEST_P(ApplicationHttp, TheApiListsAppliesAndMovesWithTheSameRules) {
  test::TestServer server(*db_);
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + w_.token_a_raw},
                                       {"Content-Type", "application/json"}};
  HttpClient c(server.port());
  std::string api = "/api/v1/organisations/" + n(w_.org_a) + "/applications";
  auto list = c.get(api + "?state=pending", h);
  ASSERT_EQ(list.status, 200) << list.body;
  auto doc = boost::json::parse(list.body).as_object();
  ASSERT_EQ(doc["items"].as_array().size(), 1u);
  EXPECT_EQ(doc["items"].as_array()[0].as_object()["id"].as_int64(), w_.application_a);
  EXPECT_EQ(doc["counts"].as_object()["new"].as_int64(), 1);
  EXPECT_EQ(c.get(api + "?state=bogus", h).status, 422);
  EXPECT_EQ(c.get(api + "?box=sent", h).body.find("\"id\":" + n(w_.application_a)), std::string::npos);
  // Apply for person_a to B's offer: 201, then 409.
  std::string body =
      "{\"person_id\":" + n(w_.person_a) + ",\"offer_id\":" + n(offer_b_) + ",\"message\":\"Via l'API\"}";
  auto created = c.request("POST", api, body, h);
  ASSERT_EQ(created.status, 201) << created.body;
  auto one = boost::json::parse(created.body).as_object();
  EXPECT_EQ(one["state"].as_string(), "new");
  EXPECT_EQ(one["sender_kind"].as_string(), "prescriber");
  EXPECT_EQ(one["events"].as_array().size(), 1u);
  EXPECT_EQ(c.request("POST", api, body, h).status, 409);
  // A's token is not B's: deciding on B's received application is refused.
  std::string mine = api + "/" + std::to_string(one["id"].as_int64()) + "/transitions";
  auto refused = c.request("POST", mine, "{\"action\":\"process\"}", h);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  // On its own inbox, A decides.
  std::string world = api + "/" + n(w_.application_a);
  EXPECT_EQ(c.request("POST", world + "/transitions", "{\"action\":\"refuse\"}", h).status, 422);
  auto moved = c.request("POST", world + "/transitions",
                         "{\"action\":\"refuse\",\"reason\":\"no_position\",\"message\":\"Merci.\"}", h);
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto m = boost::json::parse(moved.body).as_object();
  EXPECT_EQ(m["state"].as_string(), "refused");
  EXPECT_EQ(m["refusal_reason"].as_string(), "no_position");
  EXPECT_EQ(m["events"].as_array().size(), 2u);
  EXPECT_EQ(c.request("POST", world + "/transitions", "{\"action\":\"process\"}", h).status, 409);
  EXPECT_EQ(c.get("/api/v1/organisations/" + n(w_.org_a) + "/applications/999999", h).status, 404);
}

// The person's withdrawal of consent ends the sender's sharing: it no longer reads the
// application nor the name in its list; the employer, which received it, keeps it.
TEST_P(ApplicationHttp, ASenderWithoutAccessToThePersonNoLongerSeesTheApplication) {
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    people::store::revoke(tx, w_.person_a, w_.org_b);
    tx.commit();
  }
  test::TestServer server(*db_);
  HttpClient b(server.port());
  b.login(w_.b_admin_email, test::kPassword);
  EXPECT_EQ(b.get(app(w_.org_b, w_.application_a)).status, 404);
  auto sent = b.get(org(w_.org_b) + "/candidatures-envoyees?etat=");
  ASSERT_EQ(sent.status, 200);
  EXPECT_EQ(sent.body.find("Martin 1"), std::string::npos);
  EXPECT_NE(sent.body.find("accès à la fiche retiré"), std::string::npos);
  HttpClient a(server.port());
  a.login(w_.a_admin_email, test::kPassword);
  EXPECT_EQ(a.get(app(w_.org_a, w_.application_a)).status, 200);
}
