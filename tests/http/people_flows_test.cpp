// People through a real socket on both engines: create (with the duplicate warning), find,
// show, edit, share, revoke, refusals, and the audit log of every access.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;

class PeopleFlows : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
  }
  std::string people_a() const { return "/organisations/" + std::to_string(world_.org_a) + "/personnes"; }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};

INSTANTIATE_TEST_SUITE_P(Engines, PeopleFlows, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(PeopleFlows, CreateFindShowEditWithTheDuplicateWarning) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  c.get(people_a() + "/nouvelle");
  std::vector<std::pair<std::string, std::string>> form = {
      {"csrf", c.csrf()}, {"last_name", "Lefèvre"}, {"first_name", "Inès"}, {"birth_date", "2004-06-15"}, {"commune_code", "86066"}};
  auto created = c.post_form(people_a(), form);
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 2000);
  std::string show = created.header("location");
  // Typed again with a typo: the warning names the existing record, nothing is written.
  auto again = form;
  again[1].second = "LEFEBVRE";
  auto warned = c.post_form(people_a(), again);
  EXPECT_EQ(warned.status, 409);
  EXPECT_NE(warned.body.find("a peut-être déjà une fiche"), std::string::npos);
  EXPECT_NE(warned.body.find(show), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE key_first = 'ines'"), 1);
  again.push_back({"confirm_new", "on"});
  EXPECT_EQ(c.post_form(people_a(), again).status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE key_first = 'ines'"), 2);

  auto found = c.get(people_a() + "?nom=lefev");
  EXPECT_NE(found.body.find("Lefèvre Inès"), std::string::npos);
  EXPECT_EQ(found.body.find("LEFEBVRE"), std::string::npos);
  auto page = c.get(show);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("15/06/2004"), std::string::npos);
  EXPECT_NE(page.body.find("Châtellerault"), std::string::npos);
  c.get(show + "/modifier");
  auto bad = c.post_form(show + "/modifier", {{"csrf", c.csrf()}, {"last_name", "Lefèvre"}, {"first_name", "Inès"}, {"birth_date", "2090-01-01"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("dans le passé"), std::string::npos);
  EXPECT_EQ(c.post_form(show + "/modifier", {{"csrf", c.csrf()}, {"last_name", "Lefèvre-Martin"}, {"first_name", "Inès"},
                                             {"birth_date", "2004-06-15"}, {"consent_sharing", "on"}})
                .status,
            303);
  EXPECT_NE(c.get(people_a() + "?nom=lefevrem").body.find("Lefèvre-Martin"), std::string::npos);
  // Every access is in the log, with who and from where.
  long long id = std::stoll(show.substr(show.rfind('/') + 1));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + std::to_string(id) + " AND action = 'create' AND ip = '127.0.0.1'"), 1);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + std::to_string(id) + " AND action = 'read'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + std::to_string(id) + " AND action = 'update'"), 1);
}

TEST_P(PeopleFlows, AnotherOrganisationSeesNothingUntilSharedAndTheRefusalIsLogged) {
  test::TestServer server(*db_);
  HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  // B has a grant to person_a (world): create another person in A that is not shared.
  HttpClient a(server.port());
  a.login(world_.a_member_email, test::kPassword);
  a.get(people_a() + "/nouvelle");
  auto created = a.post_form(people_a(), {{"csrf", a.csrf()}, {"last_name", "Secret"}, {"first_name", "Sam"}});
  std::string id = created.header("location").substr(created.header("location").rfind('/') + 1);
  std::string people_b = "/organisations/" + std::to_string(world_.org_b) + "/personnes";
  auto refused = b.get(people_b + "/" + id);
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(refused.body.find("Secret"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + id + " AND action = 'refused:read' AND organisation_id = " +
                  std::to_string(world_.org_b)),
            1);
  EXPECT_EQ(b.get(people_b + "?nom=secret").body.find("Secret"), std::string::npos);
  // Without consent, A cannot share.
  a.get(people_a() + "/" + id);
  auto no_consent = a.post_form(people_a() + "/" + id + "/partages", {{"csrf", a.csrf()}, {"organisation_id", std::to_string(world_.org_b)}});
  EXPECT_EQ(no_consent.status, 403);
  // The shared person (world.person_a) is visible to B, until A's admin revokes the grant.
  std::string shared = "/" + std::to_string(world_.person_a);
  EXPECT_EQ(b.get(people_b + shared).status, 200);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  admin.get(people_a() + shared);
  EXPECT_EQ(admin.post_form(people_a() + shared + "/partages/" + std::to_string(world_.org_b) + "/retirer", {{"csrf", admin.csrf()}}).status, 303);
  EXPECT_EQ(b.get(people_b + shared).status, 404);
  // The creator's access cannot be revoked.
  auto creator = admin.post_form(people_a() + shared + "/partages/" + std::to_string(world_.org_a) + "/retirer", {{"csrf", admin.csrf()}});
  EXPECT_EQ(creator.status, 409);
  // The admin's journal shows the reads, the refusal is B's business and not in A's journal.
  auto journal = admin.get("/organisations/" + std::to_string(world_.org_a) + "/journal?personne=" + std::to_string(world_.person_a));
  EXPECT_EQ(journal.status, 200);
  EXPECT_NE(journal.body.find("retrait d&#39;accès"), std::string::npos);
  EXPECT_NE(journal.body.find("Admin B 1"), std::string::npos);  // B read the shared record before
}

TEST_P(PeopleFlows, TheApiCreatesSearchesAndAnswers409ForDuplicates) {
  test::TestServer server(*db_);
  HttpClient api(server.port());
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + world_.token_a_raw}, {"Content-Type", "application/json"}};
  std::string base = "/api/v1/organisations/" + std::to_string(world_.org_a) + "/people";
  auto created = api.request("POST", base, R"({"last_name":"Nguyen","first_name":"Lan","birth_date":"2001-02-03","ft_id":"1234567x"})", h);
  ASSERT_EQ(created.status, 201) << created.body;
  auto person = boost::json::parse(created.body);
  EXPECT_EQ(person.at("ft_id").as_string(), "1234567X");
  auto dup = api.request("POST", base, R"({"last_name":"Autre","first_name":"Nom","ft_id":"1234567X"})", h);
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.header("content-type"), "application/problem+json");
  EXPECT_EQ(boost::json::parse(dup.body).at("duplicates").as_array()[0].at("reason").as_string(), "même identifiant France Travail");
  auto invalid = api.request("POST", base, R"({"last_name":"","first_name":"X","email":"pas-un-email"})", h);
  EXPECT_EQ(invalid.status, 422);
  auto list = boost::json::parse(api.get(base + "?name=NGU", h).body);
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  EXPECT_TRUE(list.at("next").is_null());
  std::string one = base + "/" + std::to_string(person.at("id").as_int64());
  auto patched = api.request("PATCH", one, R"({"phone":"06 11 22 33 44"})", h);
  EXPECT_EQ(patched.status, 200);
  EXPECT_EQ(boost::json::parse(patched.body).at("phone").as_string(), "0611223344");
  EXPECT_EQ(boost::json::parse(patched.body).at("last_name").as_string(), "Nguyen");  // untouched fields stay
  // Another organisation's token sees nothing of it.
  std::string other = "/api/v1/organisations/" + std::to_string(world_.org_b) + "/people/" + std::to_string(person.at("id").as_int64());
  EXPECT_EQ(api.get(other, h).status, 403);
}

TEST_P(PeopleFlows, AnAdminMergesADuplicateKeepingAccessAndHistory) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  admin.get(people_a() + "/nouvelle");
  auto created = admin.post_form(people_a(), {{"csrf", admin.csrf()}, {"last_name", "Martin 1"}, {"first_name", "Camile"}, {"birth_date", "1999-04-12"},
                                              {"confirm_new", "on"}});
  ASSERT_EQ(created.status, 303);
  std::string kept = created.header("location");
  std::string absorbed = std::to_string(world_.person_a);  // shared with B
  admin.get(kept);
  auto same = admin.post_form(kept + "/fusionner", {{"csrf", admin.csrf()}, {"other", kept.substr(kept.rfind('/') + 1)}});
  EXPECT_EQ(same.status, 422);
  auto merged = admin.post_form(kept + "/fusionner", {{"csrf", admin.csrf()}, {"other", absorbed}});
  EXPECT_EQ(merged.status, 303);
  // The duplicate is gone from lists and answers with where it went.
  auto old = admin.get(people_a() + "/" + absorbed);
  EXPECT_EQ(old.status, 404);
  EXPECT_NE(old.body.find("fusionnée avec la fiche"), std::string::npos);
  // B saw the duplicate by sharing; the kept record's person did not consent: B does not see it.
  HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  std::string kept_id = kept.substr(kept.rfind('/') + 1);
  EXPECT_EQ(b.get("/organisations/" + std::to_string(world_.org_b) + "/personnes/" + kept_id).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_grants WHERE person_id = " + kept_id + " AND revoked_at IS NULL"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + kept_id + " AND action = 'merge'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + absorbed + " AND action = 'merged'"), 1);
  // The duplicate's history stays in A's journal.
  auto journal = admin.get("/organisations/" + std::to_string(world_.org_a) + "/journal");
  EXPECT_NE(journal.body.find("fusionnée dans la fiche n° " + kept_id), std::string::npos);
  // A member (not admin) cannot merge, and the refusal is in the log.
  HttpClient member(server.port());
  member.login(world_.a_member_email, test::kPassword);
  member.get(kept);
  EXPECT_EQ(member.post_form(kept + "/fusionner", {{"csrf", member.csrf()}, {"other", absorbed}}).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + kept_id + " AND action = 'refused:route' AND user_id = " +
                  std::to_string(world_.a_member)),
            1);
}

TEST_P(PeopleFlows, FullNamesAndRouteLevelRefusalsAreHandled) {
  test::TestServer server(*db_);
  HttpClient a(server.port());
  a.login(world_.a_member_email, test::kPassword);
  a.get(people_a() + "/nouvelle");
  ASSERT_EQ(a.post_form(people_a(), {{"csrf", a.csrf()}, {"last_name", "Da Silva"}, {"first_name", "Ana"}}).status, 303);
  ASSERT_EQ(a.post_form(people_a(), {{"csrf", a.csrf()}, {"last_name", "Dupont"}, {"first_name", "Marie"}}).status, 303);
  EXPECT_NE(a.get(people_a() + "?nom=da%20silva").body.find("Da Silva Ana"), std::string::npos);
  auto full = a.get(people_a() + "?nom=Dupont%20Marie");
  EXPECT_NE(full.body.find("Dupont Marie"), std::string::npos);
  EXPECT_EQ(a.get(people_a() + "?nom=%FF").status, 400);
  // B's admin types A's address with a person's id: refused by the route, and logged.
  HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  EXPECT_EQ(b.get(people_a() + "/" + std::to_string(world_.person_a)).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + std::to_string(world_.person_a) +
                  " AND action = 'refused:route' AND user_id = " + std::to_string(world_.b_admin)),
            1);
}

TEST_P(PeopleFlows, AnAdminUploadsACsvAllOrNothing) {
  test::TestServer server(*db_);
  HttpClient admin(server.port());
  admin.login(world_.a_admin_email, test::kPassword);
  admin.get(people_a() + "/import");
  auto upload = [&](const std::string& content) {
    std::string boundary = "----jalon-test-boundary";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + admin.csrf() + "\r\n--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"personnes.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
                       content + "\r\n--" + boundary + "--\r\n";
    return admin.request("POST", people_a() + "/import", body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
  };
  int before = count("SELECT COUNT(*) FROM people");
  auto refused = upload("nom;prenom;date_naissance\nAubert;Lina;2001-01-01\nBlanc;;31/02/2001\n");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Ligne 3, colonne prenom : Indiquez le prénom."), std::string::npos);
  EXPECT_NE(refused.body.find("Rien n'a été enregistré"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), before);
  auto done = upload("nom;prenom;date_naissance\nAubert;Lina;2001-01-01\nBlanc;Théo;28/02/2001\n");
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), before + 2);
  EXPECT_NE(admin.get(people_a() + "?nom=aubert").body.find("Aubert Lina"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND organisation_id = " + std::to_string(world_.org_a)), 1);
  // Broken multipart bodies get a clear 400.
  auto broken = admin.request("POST", people_a() + "/import", "pas du multipart", {{"Content-Type", "multipart/form-data; boundary=x"}, {"X-CSRF-Token", admin.csrf()}});
  EXPECT_EQ(broken.status, 400);
}
