// The directory through a real socket on both engines: an organisation's member creates a
// structure and a service with the pages, publishes it, and anyone sees it on the public page;
// the same through the API; the upload page; the export endpoint.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;

class DirectoryFlows : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
  }
  std::string dir_a() const { return "/organisations/" + std::to_string(world_.org_a) + "/annuaire"; }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryFlows, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(DirectoryFlows, AMemberPublishesAServiceThatAnyoneThenSees) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  auto list = c.get(dir_a());
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Atelier CV 1"), std::string::npos);
  c.get(dir_a() + "/structures/nouvelle");
  // Refused: every problem reported beside its field, the values kept.
  auto bad = c.post_form(dir_a() + "/structures", {{"csrf", c.csrf()}, {"nom", "Garage"}, {"siret", "12345678901234"}, {"code_postal", "86000"},
                                                   {"code_insee", "86066"}, {"latitude", "nord"}, {"reseaux_porteurs", "club"}});
  EXPECT_EQ(bad.status, 422);
  for (const char* id : {"siret-erreur", "code_insee-erreur", "latitude-erreur", "reseaux_porteurs-erreur"})
    EXPECT_NE(bad.body.find(id), std::string::npos) << id;
  EXPECT_NE(bad.body.find("value=\"nord\""), std::string::npos);
  auto created = c.post_form(dir_a() + "/structures", {{"csrf", c.csrf()}, {"nom", "Garage solidaire du Clain"}, {"code_postal", "86000"},
                                                       {"telephone", "05 49 11 22 33"}, {"reseaux_porteurs", "ressourceries"}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 2000);
  long long structure = count("SELECT MAX(id) FROM structures");
  c.get(dir_a() + "/structures/" + std::to_string(structure) + "/services/nouveau");
  auto service = c.post_form(dir_a() + "/structures/" + std::to_string(structure) + "/services",
                             {{"csrf", c.csrf()}, {"nom", "Réparer sa voiture"}, {"description", "Un garage où l'on répare soi-même, accompagné."},
                              {"thematiques", "mobilite--entretenir-reparer-son-vehicule"}, {"thematiques", "mobilite--acceder-a-un-vehicule"},
                              {"publics", "tous-publics"}, {"zone_eligibilite", "86, 200069854"}, {"nombre_semaines", "2"}});
  ASSERT_EQ(service.status, 303) << service.body.substr(0, 2000);
  long long sv = count("SELECT MAX(id) FROM services");
  EXPECT_EQ(count("SELECT COUNT(*) FROM services WHERE status = 'draft' AND id = " + std::to_string(sv)), 1);
  std::string public_page = "/annuaire/structures/" + std::to_string(structure);
  HttpClient anyone(server.port());
  EXPECT_EQ(anyone.get(public_page).body.find("Réparer sa voiture"), std::string::npos);  // a draft is not public
  c.get(dir_a());
  auto published = c.post_form(dir_a() + "/services/" + std::to_string(sv) + "/statut", {{"csrf", c.csrf()}, {"statut", "published"}});
  ASSERT_EQ(published.status, 303);
  auto seen = anyone.get(public_page);
  ASSERT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Garage solidaire du Clain"), std::string::npos);
  EXPECT_NE(seen.body.find("Réparer sa voiture"), std::string::npos);
  EXPECT_NE(seen.body.find("Entretenir et réparer son véhicule"), std::string::npos);  // labels, not slugs
  EXPECT_NE(seen.body.find("Vienne (86)"), std::string::npos);
  EXPECT_NE(seen.body.find("0549112233"), std::string::npos);
  auto api = boost::json::parse(anyone.get("/api/v1/directory/structures/" + std::to_string(structure)).body).as_object();
  EXPECT_EQ(api["nom"], "Garage solidaire du Clain");
  ASSERT_EQ(api["services"].as_array().size(), 1u);
  EXPECT_EQ(api["services"].as_array()[0].as_object()["jalon"].as_object()["status"], "published");
  // Archived, it leaves the public page; it cannot be published again without a draft first.
  c.get(dir_a());
  EXPECT_EQ(c.post_form(dir_a() + "/services/" + std::to_string(sv) + "/statut", {{"csrf", c.csrf()}, {"statut", "archived"}}).status, 303);
  EXPECT_EQ(anyone.get(public_page).body.find("Réparer sa voiture"), std::string::npos);
  c.get(dir_a());
  EXPECT_EQ(c.post_form(dir_a() + "/services/" + std::to_string(sv) + "/statut", {{"csrf", c.csrf()}, {"statut", "published"}}).status, 409);
  // Another organisation's admin cannot reach A's entries through B's address either.
  HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  std::string via_b = "/organisations/" + std::to_string(world_.org_b) + "/annuaire/services/" + std::to_string(sv) + "/modifier";
  EXPECT_EQ(b.get(via_b).status, 404);
  EXPECT_EQ(anyone.get("/annuaire/structures/999999").status, 404);
}

TEST_P(DirectoryFlows, StaleServicesAreFlaggedForTheOrganisation) {
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    tx.sql() << "UPDATE services SET updated_on = '2020-01-01' WHERE id = :i", soci::use(world_.service_a);
    tx.commit();
  }
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  auto page = c.get(dir_a());
  EXPECT_NE(page.body.find("à vérifier"), std::string::npos);
  EXPECT_NE(page.body.find("1 service n&#39;a pas été mis à jour depuis un an ou plus"), std::string::npos);
  HttpClient api(server.port());
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + world_.token_a_raw}};
  auto items = boost::json::parse(api.get("/api/v1/organisations/" + std::to_string(world_.org_a) + "/services", h).body).as_object()["items"].as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].as_object()["jalon"].as_object()["stale"], true);
}

TEST_P(DirectoryFlows, TheApiSpeaksDataInclusion) {
  test::TestServer server(*db_);
  HttpClient api(server.port());
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + world_.token_a_raw}, {"Content-Type", "application/json"}};
  std::string org = "/api/v1/organisations/" + std::to_string(world_.org_a);
  auto st = api.request("POST", org + "/structures", R"({"nom":"Épicerie sociale","code_insee":"86194","reseaux_porteurs":["ccas-cias"]})", h);
  ASSERT_EQ(st.status, 201) << st.body;
  auto structure = boost::json::parse(st.body).as_object();
  EXPECT_EQ(structure["source"], "jalon");
  long long sid = structure["jalon"].as_object()["id"].as_int64();
  EXPECT_EQ(std::string(structure["id"].as_string()), "jalon-s" + std::to_string(sid));
  auto invalid = api.request("POST", org + "/services", R"({"structure_id":)" + std::to_string(sid) + R"(,"nom":"X","publics":["tous-publics","jeunes"]})", h);
  EXPECT_EQ(invalid.status, 422);
  auto problem = boost::json::parse(invalid.body).as_object();
  EXPECT_EQ(problem["errors"].as_array().size(), 3u);  // nom, description, publics
  auto sv = api.request("POST", org + "/services",
                        R"({"structure_id":")" + std::string(structure["id"].as_string()) + R"(","nom":"Colis alimentaires","description":"Des colis chaque semaine.","frais":"gratuit"})", h);
  ASSERT_EQ(sv.status, 201) << sv.body;
  auto service = boost::json::parse(sv.body).as_object();
  EXPECT_EQ(service["jalon"].as_object()["status"], "draft");
  std::string one = org + "/services/" + std::to_string(service["jalon"].as_object()["id"].as_int64());
  auto patched = api.request("PATCH", one, R"({"publics":["familles"],"nombre_semaines":null})", h);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(boost::json::parse(patched.body).as_object()["publics"].as_array()[0], "familles");
  EXPECT_EQ(boost::json::parse(patched.body).as_object()["frais"], "gratuit");  // fields not sent are kept
  auto status = api.request("POST", one + "/status", R"({"status":"published"})", h);
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(api.request("POST", one + "/status", R"({"status":"publié"})", h).status, 422);
  auto listed = boost::json::parse(api.get(org + "/structures", h).body).as_object()["items"].as_array();
  EXPECT_EQ(listed.size(), 2u);
  // The whole published directory, without login.
  HttpClient anyone(server.port());
  auto exported = anyone.get("/api/v1/directory/export");
  ASSERT_EQ(exported.status, 200);
  auto doc = boost::json::parse(exported.body).as_object();
  EXPECT_EQ(doc["services"].as_array().size(), 2u);  // the world's and this one
  auto csv = anyone.get("/api/v1/directory/export?format=csv&table=structures");
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("source,id,nom,", 0), 0u);
  EXPECT_NE(csv.body.find("Épicerie sociale"), std::string::npos);
  EXPECT_EQ(anyone.get("/api/v1/directory/export?format=xml").status, 422);
  // Another organisation's token sees nothing of A.
  EXPECT_EQ(api.get("/api/v1/organisations/" + std::to_string(world_.org_b) + "/structures/" + std::to_string(sid), h).status, 403);
}

TEST_P(DirectoryFlows, AnAdminUploadsADataInclusionFile) {
  test::TestServer server(*db_);
  HttpClient c(server.port());
  c.login(world_.a_admin_email, test::kPassword);
  auto form = c.get(dir_a() + "/import");
  ASSERT_EQ(form.status, 200);
  auto upload = [&](const std::string& content) {
    std::string boundary = "----jalon-test-boundary";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + c.csrf() + "\r\n--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"annuaire.json\"\r\nContent-Type: application/json\r\n\r\n" +
                       content + "\r\n--" + boundary + "--\r\n";
    return c.request("POST", dir_a() + "/import", body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
  };
  std::string good = R"J({"structures":[{"source":"ml86","id":"ml86--s1","nom":"Antenne de Châtellerault","code_insee":"86066","date_maj":"2026-10-01"}],
    "services":[{"source":"ml86","id":"ml86--v1","structure_id":"ml86--s1","nom":"Parrainage","description":"Un parrain ou une marraine pour chercher un emploi.","date_maj":"2026-10-01"}]})J";
  std::string bad = R"J({"structures":[{"source":"ml86","id":"ml86--s1","nom":"Antenne","code_insee":"00000","date_maj":"2026-10-01"}]})J";
  auto refused = upload(bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("structure n° 1 (id ml86--s1), champ code_insee"), std::string::npos) << refused.body.substr(0, 3000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM structures WHERE source = 'ml86'"), 0);
  c.get(dir_a() + "/import");
  auto done = upload(good);
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 3000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM structures WHERE source = 'ml86' AND organisation_id = " + std::to_string(world_.org_a)), 1);
  EXPECT_NE(c.get(dir_a()).body.find("Parrainage"), std::string::npos);
}

TEST_P(DirectoryFlows, ThePublicSearchFindsWhatIsPublishedAtOnceNearestFirst) {
  test::TestServer server(*db_);
  HttpClient anyone(server.port());
  auto search = [&](const std::string& query) {
    auto r = anyone.get("/api/v1/directory/services?" + query);
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 500);
    return boost::json::parse(r.body).as_object();
  };
  // The world's published service, in Poitiers (from its structure's commune).
  auto found = search("q=cv&commune=86194&radius_km=5");
  ASSERT_EQ(found["total"].as_int64(), 1);
  auto item = found["items"].as_array()[0].as_object();
  EXPECT_EQ(item["nom"], "Atelier CV 1");
  EXPECT_EQ(item["structure"].as_object()["nom"], "Antenne 1");
  EXPECT_EQ(item["jalon"].as_object()["distance_km"].as_double(), 0.0);
  EXPECT_EQ(found["place"].as_object()["label"], "Poitiers (86)");
  // From Châtellerault (29 km): outside 10 km, and the answer offers 20 km (still nothing) — then 40.
  auto far = search("q=cv&commune=86066&radius_km=10");
  EXPECT_EQ(far["total"].as_int64(), 0);
  EXPECT_EQ(far["wider"].as_object()["radius_km"].as_double(), 20.0);
  EXPECT_EQ(search("q=cv&postal_code=86100&radius_km=40")["total"].as_int64(), 1);
  // A member publishes a second service in Buxerolles (2.4 km): found at once, after the first.
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  c.get(dir_a() + "/structures/" + std::to_string(world_.structure_a) + "/services/nouveau");
  auto created = c.post_form(dir_a() + "/structures/" + std::to_string(world_.structure_a) + "/services",
                             {{"csrf", c.csrf()}, {"nom", "CV vidéo"}, {"description", "Tourner son CV en vidéo, au fablab."},
                              {"code_postal", "86180"}, {"code_insee", "86041"}, {"publics", "jeunes"}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 1000);
  long long sv = count("SELECT MAX(id) FROM services");
  c.get(dir_a());
  ASSERT_EQ(c.post_form(dir_a() + "/services/" + std::to_string(sv) + "/statut", {{"csrf", c.csrf()}, {"statut", "published"}}).status, 303);
  auto both = search("q=cv&commune=86194&radius_km=5");
  ASSERT_EQ(both["total"].as_int64(), 2);
  EXPECT_EQ(both["items"].as_array()[1].as_object()["nom"], "CV vidéo");
  EXPECT_NEAR(both["items"].as_array()[1].as_object()["jalon"].as_object()["distance_km"].as_double(), 2.4, 0.05);
  EXPECT_EQ(search("q=cv&commune=86194&radius_km=5&audience=jeunes")["total"].as_int64(), 1);
  // The page says the same, with the distance.
  auto page = anyone.get("/annuaire?quoi=cv&lieu=86000&rayon=5");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("2 services près de 86000 Poitiers"), std::string::npos) << page.body.substr(0, 3000);
  EXPECT_NE(page.body.find("à 2,4 km"), std::string::npos);
  // Archived, it leaves the search at once.
  c.get(dir_a());
  ASSERT_EQ(c.post_form(dir_a() + "/services/" + std::to_string(sv) + "/statut", {{"csrf", c.csrf()}, {"statut", "archived"}}).status, 303);
  EXPECT_EQ(search("q=cv&commune=86194&radius_km=5")["total"].as_int64(), 1);
  // The result as a data·inclusion file.
  auto file = search("q=cv&commune=86194&radius_km=5&format=datainclusion");
  EXPECT_EQ(file["services"].as_array().size(), 1u);
  EXPECT_EQ(file["structures"].as_array().size(), 1u);
  // Bad input: a clear problem naming the parameter.
  auto ambiguous = anyone.get("/api/v1/directory/services?place=Saint-Beno%C3%AEt");
  EXPECT_EQ(ambiguous.status, 422);
  EXPECT_NE(ambiguous.body.find("\"field\":\"place\""), std::string::npos) << ambiguous.body;
  EXPECT_NE(ambiguous.body.find("Saint-Benoît (86)"), std::string::npos);
  EXPECT_EQ(anyone.get("/api/v1/directory/services?radius_km=loin").status, 422);
  EXPECT_EQ(anyone.get("/api/v1/directory/services?radius_km=5000&commune=86194").status, 422);
  EXPECT_EQ(anyone.get("/api/v1/directory/services?thematic=cuisine").status, 422);
  auto bad_page = anyone.get("/annuaire?lieu=Nulle-part-sur-terre");
  EXPECT_EQ(bad_page.status, 422);
  EXPECT_NE(bad_page.body.find("lieu-erreur"), std::string::npos);
}
