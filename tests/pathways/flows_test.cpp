// Pathways and orientations through a real socket on both engines: the orientation form the
// diagnosis page posts to, the receiver's inbox and answer, notes as each organisation sees them,
// refusals of organisations outside the pathway, and the JSON API with the same rules.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accounts/store.h"
#include "base/crypto.h"
#include "directory/store.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;

class PathwayFlows : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
    db::Tx tx(*db_, db::Tx::Mode::write);
    // B publishes a service; a third organisation sees nobody.
    directory::Structure st;
    st.organisation_id = world_.org_b;
    st.name = "Jardins de B";
    st.commune_code = "86066";
    st.updated_on = "2026-11-01";
    long long structure = directory::store::create_structure(tx, st);
    directory::Service sv;
    sv.structure_id = structure;
    sv.name = "Maraîchage en insertion";
    sv.status = directory::ServiceStatus::published;
    sv.updated_on = "2026-11-01";
    service_b_ = directory::store::create_service(tx, sv);
    third_ = accounts::store::create_organisation(tx, {"Tiers", "association", test::siret(900), "86194", false});
    long long third_admin =
        accounts::store::create_user(tx, "tiers@test.fr", "Tiers", crypto::hash_password(test::kPassword));
    accounts::store::add_membership(tx, third_, third_admin, "admin", false);
    token_b_ = accounts::store::create_api_token(tx, world_.org_b, "Logiciel B", world_.b_admin).raw;
    tx.commit();
  }
  std::string org(long long id) const { return "/organisations/" + std::to_string(id); }
  std::string person_a() const { return org(world_.org_a) + "/personnes/" + std::to_string(world_.person_a); }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  test::World world_;
  long long service_b_ = 0, third_ = 0;
  std::string token_b_;
};

INSTANTIATE_TEST_SUITE_P(Engines, PathwayFlows, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(PathwayFlows, OrientToAServiceThenTheReceiverAcceptsAndNotesKeepTheirLevels) {
  test::TestServer server(*db_);
  HttpClient a(server.port());
  a.login(world_.a_member_email, test::kPassword);
  auto form = a.get(person_a() + "/orientations?recherche=maraichage");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Maraîchage en insertion"), std::string::npos) << "found by the directory's search";
  // A bad submission writes nothing and shows the form again with its errors.
  auto bad = a.post_form(person_a() + "/orientations",
                         {{"csrf", a.csrf()}, {"service_id", std::to_string(service_b_)}, {"motif", " "}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Indiquez le motif de l&#39;orientation."), std::string::npos);
  // A diagnosis of another person is refused.
  auto foreign = a.post_form(person_a() + "/orientations", {{"csrf", a.csrf()},
                                                            {"service_id", std::to_string(service_b_)},
                                                            {"motif", "Souhaite travailler en extérieur."},
                                                            {"diagnosis_id", "999999"}});
  EXPECT_EQ(foreign.status, 422);
  int before = count("SELECT COUNT(*) FROM orientations");
  // The interface the diagnosis page posts to.
  auto sent = a.post_form(person_a() + "/orientations", {{"csrf", a.csrf()},
                                                         {"service_id", std::to_string(service_b_)},
                                                         {"motif", "Souhaite travailler en extérieur."},
                                                         {"diagnosis_id", std::to_string(world_.diagnosis_a)}});
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 2000);
  EXPECT_EQ(sent.header("location"), person_a());
  EXPECT_NE(a.get(person_a()).body.find("Orientation envoyée à Jardins de B"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientations"), before + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orientations WHERE diagnosis_id = " + std::to_string(world_.diagnosis_a) +
                  " AND to_org_id = " + std::to_string(world_.org_b) + " AND status = 'pending'"),
            1);
  EXPECT_EQ(
      count(
          "SELECT COUNT(*) FROM audit_log WHERE action = 'share' AND detail LIKE 'orientation n° % vers Jardins de B'"),
      1);
  // The receiver's inbox lists it with its age; B answers it.
  HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  auto inbox = b.get(org(world_.org_b) + "/orientations");
  ASSERT_EQ(inbox.status, 200);
  EXPECT_NE(inbox.body.find("Martin 1 Camille"), std::string::npos);
  EXPECT_NE(inbox.body.find("aujourd&#39;hui"), std::string::npos);
  EXPECT_NE(inbox.body.find("Souhaite travailler en extérieur."), std::string::npos);
  long long id = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    tx.sql() << "SELECT MAX(id) FROM orientations", soci::into(id);
  }
  std::string one = org(world_.org_b) + "/orientations/" + std::to_string(id);
  EXPECT_EQ(b.get(one).status, 200);
  // B is not a member of person_a's pathway yet (its request is pending): the pathway is closed to it.
  std::string pathway = org(world_.org_b) + "/parcours/" + std::to_string(world_.pathway_a);
  EXPECT_EQ(b.get(pathway).status, 403);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refused:pathway' AND person_id = " +
                  std::to_string(world_.person_a)),
            1);
  auto accepted = b.post_form(one + "/accepter", {{"csrf", b.csrf()}});
  ASSERT_EQ(accepted.status, 303) << accepted.body.substr(0, 2000);
  EXPECT_EQ(accepted.header("location"), pathway);
  EXPECT_EQ(b.get(pathway).status, 200);
  EXPECT_EQ(b.post_form(one + "/accepter", {{"csrf", b.csrf()}}).status, 409) << "answered once";
  // B writes a note for every member and one for itself.
  b.get(pathway + "/notes");
  EXPECT_EQ(
      b.post_form(pathway + "/notes",
                  {{"csrf", b.csrf()}, {"note_body", "Premier jour au jardin : ponctuel."}, {"note_level", "members"}})
          .status,
      303);
  EXPECT_EQ(
      b.post_form(pathway + "/notes",
                  {{"csrf", b.csrf()}, {"note_body", "Fragilités repérées, à suivre."}, {"note_level", "organisation"}})
          .status,
      303);
  auto social =
      b.post_form(pathway + "/notes", {{"csrf", b.csrf()}, {"note_body", "Santé."}, {"note_level", "social"}});
  EXPECT_EQ(social.status, 422) << "B's admin is no social worker";
  auto a_notes = a.get(org(world_.org_a) + "/parcours/" + std::to_string(world_.pathway_a) + "/notes");
  ASSERT_EQ(a_notes.status, 200);
  EXPECT_NE(a_notes.body.find("Premier jour au jardin : ponctuel."), std::string::npos);
  EXPECT_EQ(a_notes.body.find("Fragilités repérées"), std::string::npos);
  auto timeline =
      a.get(org(world_.org_a) + "/parcours/" + std::to_string(world_.pathway_a) + "/chronologie?type=orientations");
  EXPECT_NE(timeline.body.find("Orientation acceptée"), std::string::npos);
  EXPECT_EQ(timeline.body.find("Premier jour"), std::string::npos) << "filtered by kind";
  auto diagnoses =
      a.get(org(world_.org_a) + "/parcours/" + std::to_string(world_.pathway_a) + "/chronologie?type=diagnostics");
  EXPECT_NE(diagnoses.body.find("le 02/11/2026"), std::string::npos) << "the person's diagnosis, dated without an hour";
  // The person's page says where the pathway stands.
  EXPECT_NE(a.get(person_a()).body.find("Parcours en cours depuis le 01/11/2026"), std::string::npos);
  // The sender sees every step in its list of sent orientations, and got an e-mail.
  auto sent_list = a.get(org(world_.org_a) + "/orientations/envoyees");
  EXPECT_NE(sent_list.body.find("acceptée (Admin B 1"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + world_.a_member_email +
                  "' AND subject LIKE '%acceptée%'"),
            1);
}

TEST_P(PathwayFlows, OrganisationsOutsideAPathwaySeeNothingOfIt) {
  test::TestServer server(*db_);
  HttpClient t(server.port());
  t.login("tiers@test.fr", test::kPassword);
  std::string pathway = org(third_) + "/parcours/" + std::to_string(world_.pathway_a);
  auto page = t.get(pathway);
  EXPECT_EQ(page.status, 404) << "no grant on the person: its existence is not revealed";
  EXPECT_EQ(page.body.find("Martin 1"), std::string::npos);
  EXPECT_EQ(t.get(pathway + "/notes").status, 404);
  EXPECT_EQ(t.get(org(third_) + "/orientations/" + std::to_string(world_.orientation_to_a)).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refused:orientation'"), 1);
  // Another organisation's address is refused by the route, and logged against the person.
  EXPECT_EQ(t.get(org(world_.org_a) + "/parcours/" + std::to_string(world_.pathway_a)).status, 403);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refused:route' AND person_id = " +
                  std::to_string(world_.person_a)),
            1);
  // B sees the person (shared) and asks to join; A's member approves from the pathway page.
  HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  auto person_page = b.get(org(world_.org_b) + "/personnes/" + std::to_string(world_.person_a) + "/parcours");
  ASSERT_EQ(person_page.status, 200);
  EXPECT_NE(person_page.body.find("attend la réponse du référent"), std::string::npos) << "the world's pending request";
  HttpClient a(server.port());
  a.login(world_.a_member_email, test::kPassword);
  std::string a_pathway = org(world_.org_a) + "/parcours/" + std::to_string(world_.pathway_a);
  auto show = a.get(a_pathway);
  ASSERT_EQ(show.status, 200);
  EXPECT_NE(show.body.find("Demande en attente"), std::string::npos);
  EXPECT_EQ(
      a.post_form(a_pathway + "/membres/" + std::to_string(world_.org_b) + "/accepter", {{"csrf", a.csrf()}}).status,
      303);
  EXPECT_EQ(b.get(org(world_.org_b) + "/parcours/" + std::to_string(world_.pathway_a)).status, 200);
  // The pathway page's forms: an invalid objective is shown again with its error tied to its field.
  a.get(a_pathway);
  auto invalid = a.post_form(a_pathway + "/objectifs",
                             {{"csrf", a.csrf()}, {"objective_domain", "social"}, {"objective_title", ""}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_NE(invalid.body.find("href=\"#objective_title\""), std::string::npos);
  EXPECT_EQ(a.post_form(a_pathway + "/objectifs",
                        {{"csrf", a.csrf()}, {"objective_domain", "social"}, {"objective_title", "Logement"}})
                .status,
            303);
  EXPECT_EQ(a.post_form(a_pathway + "/objectifs/" + std::to_string(world_.objective_a) + "/statut",
                        {{"csrf", a.csrf()}, {"status", "done"}})
                .status,
            303);
  EXPECT_EQ(a.post_form(a_pathway + "/objectifs/" + std::to_string(world_.objective_a) + "/statut",
                        {{"csrf", a.csrf()}, {"status", "planned"}})
                .status,
            409)
      << "done is final";
  // Closing needs the outcome; then the page says how it ended.
  auto no_outcome =
      a.post_form(a_pathway + "/statut", {{"csrf", a.csrf()}, {"action", "cloturer"}, {"closed_on", "2026-11-20"}});
  EXPECT_EQ(no_outcome.status, 422);
  EXPECT_EQ(a.post_form(a_pathway + "/statut",
                        {{"csrf", a.csrf()}, {"action", "cloturer"}, {"outcome", "cdi"}, {"closed_on", "2026-11-20"}})
                .status,
            303);
  EXPECT_NE(a.get(a_pathway).body.find("CDI (contrat à durée indéterminée) (Emploi durable)"), std::string::npos);
}

TEST_P(PathwayFlows, TheApiAppliesTheSameRules) {
  test::TestServer server(*db_);
  HttpClient api(server.port());
  std::map<std::string, std::string> ha{{"Authorization", "Bearer " + world_.token_a_raw},
                                        {"Content-Type", "application/json"}};
  std::map<std::string, std::string> hb{{"Authorization", "Bearer " + token_b_}, {"Content-Type", "application/json"}};
  std::string a = "/api/v1/organisations/" + std::to_string(world_.org_a),
              b = "/api/v1/organisations/" + std::to_string(world_.org_b);
  std::string pathway = a + "/pathways/" + std::to_string(world_.pathway_a);
  auto got = api.get(pathway, ha);
  ASSERT_EQ(got.status, 200) << got.body;
  auto doc = boost::json::parse(got.body);
  EXPECT_EQ(doc.at("status").as_string(), "open");
  EXPECT_EQ(doc.at("referent").at("organisation_id").as_int64(), world_.org_a);
  EXPECT_EQ(doc.at("objectives").as_array()[0].at("actions").as_array().size(), 1u);
  EXPECT_EQ(api.get(b + "/pathways/" + std::to_string(world_.pathway_a), hb).status, 403) << "B only asked to join";
  // Objectives and actions move along their state machine only.
  std::string action = pathway + "/actions/" + std::to_string(world_.action_a);
  EXPECT_EQ(api.request("PATCH", action, R"({"status":"done"})", ha).status, 200);
  auto refused = api.request("PATCH", action, R"({"status":"in_progress"})", ha);
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  EXPECT_EQ(api.request("PATCH", action, R"({"status":"finished"})", ha).status, 422);
  auto step =
      api.request("POST", pathway + "/steps", R"({"scheme":"progressive_qualification","title":"CQP","phase":1})", ha);
  EXPECT_EQ(step.status, 201) << step.body;
  EXPECT_EQ(boost::json::parse(step.body).at("phase").as_int64(), 1);
  // A token is no social worker: it cannot write a social note, and reads none.
  EXPECT_EQ(api.request("POST", pathway + "/notes", R"({"body":"Santé","level":"social"})", ha).status, 422);
  auto note = api.request("POST", pathway + "/notes", R"({"body":"Entre nous","level":"organisation"})", ha);
  ASSERT_EQ(note.status, 201) << note.body;
  long long note_id = boost::json::parse(note.body).at("id").as_int64();
  auto edited =
      api.request("PATCH", pathway + "/notes/" + std::to_string(note_id), R"J({"body":"Entre nous (corrigé)"})J", ha);
  ASSERT_EQ(edited.status, 200);
  EXPECT_EQ(boost::json::parse(edited.body).at("versions").as_array().size(), 2u);
  EXPECT_EQ(boost::json::parse(edited.body).at("level").as_string(), "organisation") << "unsent fields stay";
  EXPECT_EQ(api.get(pathway + "/timeline?kind=bogus", ha).status, 422);
  EXPECT_EQ(boost::json::parse(api.get(pathway + "/timeline?kind=notes", ha).body).at("items").as_array().size(), 3u);
  // Orientation from A to B through the API; B refuses it with a reason.
  auto sent = api.request("POST", a + "/people/" + std::to_string(world_.person_a) + "/orientations",
                          R"({"service_id":)" + std::to_string(service_b_) + R"(,"motif":"Maraîchage"})", ha);
  ASSERT_EQ(sent.status, 201) << sent.body;
  auto o = boost::json::parse(sent.body);
  EXPECT_EQ(o.at("to_organisation_id").as_int64(), world_.org_b);
  EXPECT_EQ(o.at("pathway_id").as_int64(), world_.pathway_a);
  std::string id = std::to_string(o.at("id").as_int64());
  EXPECT_EQ(sent.header("location"), a + "/orientations/" + id);
  auto inbox = boost::json::parse(api.get(b + "/orientations?status=pending", hb).body);
  bool listed = false;
  for (const auto& item : inbox.at("items").as_array())
    if (std::to_string(item.at("id").as_int64()) == id) {
      listed = true;
      EXPECT_EQ(item.at("age_days").as_int64(), 0);
      EXPECT_EQ(item.at("person").at("first_name").as_string(), "Camille");
    }
  EXPECT_TRUE(listed);
  EXPECT_EQ(api.request("POST", a + "/orientations/" + id + "/accept", "{}", ha).status, 403)
      << "the sender does not answer";
  auto no_detail = api.request("POST", b + "/orientations/" + id + "/refuse", R"({"reason":"other"})", hb);
  EXPECT_EQ(no_detail.status, 422);
  EXPECT_EQ(boost::json::parse(no_detail.body).at("errors").as_array()[0].at("field").as_string(), "detail");
  auto refusal = api.request("POST", b + "/orientations/" + id + "/refuse", R"({"reason":"no_place"})", hb);
  ASSERT_EQ(refusal.status, 200) << refusal.body;
  EXPECT_EQ(boost::json::parse(refusal.body).at("status").as_string(), "refused");
  EXPECT_EQ(boost::json::parse(refusal.body).at("events").as_array().size(), 2u);
  EXPECT_EQ(api.request("POST", a + "/orientations/" + id + "/cancel", "{}", ha).status, 409);
  // A person without consent cannot be oriented.
  long long secret = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    tx.sql() << "UPDATE people SET consent_sharing = 0 WHERE id = " + std::to_string(world_.person_a);
    tx.commit();
    secret = world_.person_a;
  }
  auto no_consent = api.request("POST", a + "/people/" + std::to_string(secret) + "/orientations",
                                R"({"organisation_id":)" + std::to_string(third_) + R"(,"motif":"x"})", ha);
  EXPECT_EQ(no_consent.status, 403);
}
