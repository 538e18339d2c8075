// The public self-orientation and IAE simulator through a real socket, on both engines, over the
// demo directory (data/demo/directory.json): who to contact first and the nearest addresses,
// the same answer on the page and in the API, bad input refused with the field named, nothing
// stored, and the OpenAPI examples that are real answers.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "base/time.h"
#include "directory/import.h"
#include "orientation/rules.h"
#include "referentials/referentials.h"
#include "support/test_db.h"
#include "support/test_server.h"

using namespace jalon;
using test::HttpClient;
namespace json = boost::json;

namespace {

const std::map<std::string, std::string> kJson{{"Content-Type", "application/json"}};

// 28 November 2026 at 11:00 in Paris: the date of the documented examples.
time::Instant fixed_now() {
  return *time::parse_iso("2026-11-28T10:00:00Z");
}

class PublicOrientation : public ::testing::TestWithParam<db::Engine> {
 protected:
  static void SetUpTestSuite() { referentials::load_referentials(test::source_dir() + "/data"); }
  void SetUp() override {
    time::set_clock_for_tests(fixed_now);
    db_ = test::fresh_database(GetParam(), 8);
    std::ifstream in(test::source_dir() + "/data/demo/directory.json", std::ios::binary);
    std::stringstream data;
    data << in.rdbuf();
    db::Tx tx(*db_, db::Tx::Mode::write);
    directory::Actor admin;
    admin.platform_admin = true;
    auto report = directory::import_files(tx, admin, 0, {{"directory.json", data.str()}}, "2026-11-28");
    ASSERT_TRUE(report.ok()) << report.problems.front().text();
    tx.commit();
    server_ = std::make_unique<test::TestServer>(*db_);
  }
  void TearDown() override {
    server_.reset();
    time::set_clock_for_tests({});
  }
  HttpClient client() const { return HttpClient(server_->port()); }
  // POSTs `body` to `path` as JSON, without any cookie or CSRF token.
  test::HttpResponse post_json(const std::string& path, const std::string& body) {
    return client().request("POST", path, body, kJson);
  }
  json::object answer(const std::string& path, const std::string& body) {
    auto r = post_json(path, body);
    EXPECT_EQ(r.status, 200) << body << " → " << r.body.substr(0, 1000);
    EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u);
    return json::parse(r.body).as_object();
  }
  // The fields a 422 problem+json names.
  std::vector<std::string> refused(const std::string& path, const std::string& body) {
    auto r = post_json(path, body);
    EXPECT_EQ(r.status, 422) << body << " → " << r.body.substr(0, 600);
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << body;
    std::vector<std::string> fields;
    if (r.status != 422) return fields;
    const json::value problem = json::parse(r.body);
    for (const auto& e : problem.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
    return fields;
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<test::TestServer> server_;
};

INSTANTIATE_TEST_SUITE_P(Engines, PublicOrientation, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

std::vector<std::string> codes(const json::value& list, const char* key = "code") {
  std::vector<std::string> out;
  for (const auto& x : list.as_array()) out.emplace_back(x.at(key).as_string());
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string str(const json::value& v) {
  return std::string(v.as_string());
}

const char* kFirstContact = "/api/v1/orientation/first-contact";
const char* kEligibility = "/api/v1/iae/eligibility";

}  // namespace

TEST_P(PublicOrientation, AYoungPersonWithoutQualificationInPoitiersGoesToTheMissionLocale) {
  auto a = answer(kFirstContact, R"({"situation":{"age":19,"qualification":"infra3","jobseeker":false},
                                     "place":"Poitiers","difficulties":["mobilite"]})");
  EXPECT_EQ(str(a.at("date")), "2026-11-28");
  EXPECT_EQ(str(a.at("place").at("commune_code")), "86194");
  const auto& referent = a.at("referent");
  EXPECT_EQ(str(referent.at("code")), "ML");
  EXPECT_EQ(str(referent.at("reason").at("rule")), "mission-locale");
  EXPECT_EQ(str(referent.at("reason").at("facts").at(0)), "âge : 19 ans (déclaré)");
  // The nearest Mission Locale, with its address, telephone and distance; the other one, at
  // Châtellerault (30 km), is beyond the first radius (20 km).
  const auto& nearest = referent.at("nearest").as_array();
  ASSERT_EQ(nearest.size(), 1u);
  EXPECT_EQ(str(nearest[0].at("structure")), "Mission Locale d'Insertion du Poitou");
  EXPECT_EQ(str(nearest[0].at("address")), "38 rue du Faubourg du Pont-Neuf, 86000 Poitiers");
  EXPECT_EQ(str(nearest[0].at("phone")), "0549000001");
  EXPECT_LT(nearest[0].at("distance_km").to_number<double>(), 2.0);
  EXPECT_DOUBLE_EQ(referent.at("radius_km").to_number<double>(), 20);
  // Schemes: the engine's, the mobility support opened by the difficulty.
  auto schemes = codes(a.at("schemes"));
  for (const char* s : {"cej", "e2c", "apprentissage", "accompagnement-mobilite"}) EXPECT_TRUE(has(schemes, s)) << s;
  EXPECT_FALSE(has(schemes, "iae"));
  // The difficulty: the seed's solution and the nearest mobility services, one per structure.
  const auto& difficulties = a.at("difficulties").as_array();
  ASSERT_EQ(difficulties.size(), 1u);
  EXPECT_EQ(str(difficulties[0].at("code")), "mobilite");
  EXPECT_EQ(str(difficulties[0].at("solutions").at(0).at("text")), "Permis à coût réduit, aides au transport");
  const auto& services = difficulties[0].at("nearest").as_array();
  ASSERT_GE(services.size(), 2u);
  EXPECT_EQ(str(services[0].at("structure")), "Mobilité Solidaire 86 – plateforme de mobilité");
  EXPECT_EQ(str(services[1].at("structure")), "France Travail Poitiers Couronneries");
  EXPECT_EQ(str(services[1].at("service")), "Aide au permis de conduire");
  EXPECT_LE(services[0].at("distance_km").to_number<double>(), services[1].at("distance_km").to_number<double>());
  // The FAQ for a young person without qualification and with a difficulty.
  auto faq = codes(a.at("faq"), "id");
  EXPECT_EQ(faq,
            (std::vector<std::string>{"jeune-sans-emploi", "se-qualifier", "competences-transversales", "freins"}));
  EXPECT_EQ(str(a.at("faq").at(0).at("answer")).rfind("La Mission Locale est le premier interlocuteur", 0), 0u);
}

TEST_P(PublicOrientation, EachReferentIsLookedForAmongItsOwnStructures) {
  // Disability: Cap Emploi, at Poitiers, 30 km from Châtellerault: the radius doubles to find it.
  auto rqth = answer(kFirstContact, R"({"situation":{"age":40,"rqth":true},"postal_code":"86100"})");
  EXPECT_EQ(str(rqth.at("place").at("commune_code")), "86066");
  EXPECT_EQ(str(rqth.at("referent").at("code")), "CAP_EMPLOI");
  ASSERT_EQ(rqth.at("referent").at("nearest").as_array().size(), 1u);
  EXPECT_EQ(str(rqth.at("referent").at("nearest").at(0).at("structure")), "Cap Emploi Vienne");
  EXPECT_DOUBLE_EQ(rqth.at("referent").at("radius_km").to_number<double>(), 40);
  // RSA with social barriers first: the Département, received in its solidarity house (MDS).
  auto rsa = answer(kFirstContact, R"({"situation":{"age":45,"resource":"rsa","social_first":true},"place":"86000"})");
  EXPECT_EQ(str(rsa.at("referent").at("code")), "CD");
  EXPECT_EQ(str(rsa.at("referent").at("nearest").at(0).at("typology")), "MDS");
  EXPECT_TRUE(has(codes(rsa.at("schemes")), "iae"));
  // Other adults: France Travail, the nearest agency first, both within 40 km of Châtellerault.
  auto adult =
      answer(kFirstContact, R"({"situation":{"birth_date":"1980-01-15","jobseeker":true},"commune_code":"86066"})");
  EXPECT_EQ(str(adult.at("referent").at("code")), "FT");
  std::vector<std::string> agencies;
  for (const auto& n : adult.at("referent").at("nearest").as_array()) agencies.push_back(str(n.at("structure")));
  EXPECT_EQ(agencies,
            (std::vector<std::string>{"France Travail Châtellerault"}));  // Poitiers is 30 km away: beyond 20 km
  // Under 16: school first, no address to look for.
  auto child = answer(kFirstContact, R"({"situation":{"age":15},"place":"Poitiers"})");
  EXPECT_EQ(str(child.at("referent").at("code")), "none");
  EXPECT_TRUE(child.at("referent").at("nearest").as_array().empty());
}

TEST_P(PublicOrientation, ThePageGivesTheSameAnswerWithoutJavaScriptNorCookie) {
  const std::string body =
      R"({"situation":{"age":19,"qualification":"infra3"},"place":"86000","difficulties":["mobilite","logement"]})";
  auto a = answer(kFirstContact, body);
  HttpClient visitor = client();
  auto form = visitor.get("/par-ou-commencer");
  ASSERT_EQ(form.status, 200);
  for (const char* id :
       {"id=\"age\"", "id=\"birth_date\"", "id=\"place\"", "id=\"jobseeker\"", "id=\"jobseeker_since\"",
        "id=\"resource\"", "id=\"rqth\"", "id=\"qualification\"", "name=\"barriers\" value=\"mobilite\""})
    EXPECT_NE(form.body.find(id), std::string::npos) << id;
  // A fresh client: no session, no CSRF cookie or field. Nothing is stored, nothing to forge.
  HttpClient anyone = client();
  auto page = anyone.post_form("/par-ou-commencer", {{"age", "19"},
                                                     {"qualification", "infra3"},
                                                     {"place", "86000"},
                                                     {"barriers", "mobilite"},
                                                     {"barriers", "logement"}});
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
  auto html = [](std::string s) {
    std::string out;
    for (char c : s) out += c == '\'' ? std::string("&#39;") : std::string(1, c);
    return out;
  };
  EXPECT_NE(page.body.find("<strong>Mission Locale</strong>"), std::string::npos);
  for (const auto& n : a.at("referent").at("nearest").as_array()) {
    EXPECT_NE(page.body.find(html(str(n.at("structure")))), std::string::npos) << n;
    EXPECT_NE(page.body.find(html(str(n.at("address")))), std::string::npos) << n;
    EXPECT_NE(page.body.find("05 49 00 00 01"), std::string::npos);
  }
  for (const auto& s : a.at("schemes").as_array())
    EXPECT_NE(page.body.find(html(str(s.at("label")))), std::string::npos) << s;
  for (const auto& d : a.at("difficulties").as_array()) {
    EXPECT_NE(page.body.find("id=\"difficulte-" + str(d.at("code")) + "\""), std::string::npos);
    for (const auto& n : d.at("nearest").as_array()) {
      EXPECT_NE(page.body.find(html(str(n.at("service")))), std::string::npos) << n;
      EXPECT_NE(page.body.find("href=\"" + str(n.at("link")) + "\""), std::string::npos) << n;
    }
  }
  for (const auto& f : a.at("faq").as_array())
    EXPECT_NE(page.body.find(html(str(f.at("question")))), std::string::npos) << f;
  // The answer keeps the form filled in, to change an answer.
  EXPECT_NE(page.body.find("name=\"age\" value=\"19\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"logement\" checked"), std::string::npos);
}

TEST_P(PublicOrientation, NothingIsStored) {
  const char* tables[] = {"people", "audit_log",  "person_grants", "sessions",
                          "outbox", "structures", "services",      "directory_changes"};
  std::map<std::string, int> before;
  for (const char* t : tables) before[t] = count(std::string("SELECT COUNT(*) FROM ") + t);
  answer(kFirstContact, R"({"situation":{"age":30,"resource":"rsa"},"place":"Poitiers","difficulties":["sante"]})");
  answer(kEligibility, R"({"situation":{"age":30,"resource":"rsa"},"kind":"ei","author":"employer"})");
  EXPECT_EQ(client().post_form("/par-ou-commencer", {{"age", "30"}, {"place", "Poitiers"}}).status, 200);
  EXPECT_EQ(client().post_form("/iae/eligibilite", {{"age", "30"}, {"kind", "ei"}, {"author", "employer"}}).status,
            200);
  for (const char* t : tables) EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM ") + t), before[t]) << t;
}

TEST_P(PublicOrientation, BadInputIsRefusedNamingTheField) {
  using V = std::vector<std::string>;
  const std::string ok_place = R"("place":"Poitiers")";
  auto fc = [&](const std::string& situation, const std::string& rest = R"("place":"Poitiers")") {
    return refused(kFirstContact, "{\"situation\":" + situation + (rest.empty() ? "" : "," + rest) + "}");
  };
  EXPECT_EQ(fc(R"({"birth_date":"2025-02-30"})"), V{"situation.birth_date"});  // no such day
  EXPECT_EQ(fc(R"({"birth_date":"2027-01-01"})"), V{"situation.birth_date"});  // in the future
  EXPECT_EQ(fc(R"({"birth_date":"28/11/2000"})"), V{"situation.birth_date"});  // the API speaks ISO dates
  EXPECT_EQ(fc(R"({"birth_date":"2020-01-01"})"), V{"situation.birth_date"});  // 6 years old: out of range
  EXPECT_EQ(fc(R"({"age":5})"), V{"situation.age"});
  EXPECT_EQ(fc(R"({"age":100})"), V{"situation.age"});
  EXPECT_EQ(fc(R"({"age":"19"})"), V{"situation.age"});
  EXPECT_EQ(fc(R"({})"), V{"situation.age"});  // neither age nor birth date
  EXPECT_EQ(fc(R"({"age":19,"qualification":"bac"})"), V{"situation.qualification"});
  EXPECT_EQ(fc(R"({"age":19,"rqth":"oui"})"), V{"situation.rqth"});
  EXPECT_EQ(fc(R"({"age":19,"salary":1200})"), V{"situation.salary"});                    // unknown key
  EXPECT_EQ(fc(R"({"age":19,"jobseeker_months":12})"), V{"situation.jobseeker_months"});  // computed, not declared
  EXPECT_EQ(fc(R"({"age":19,"jobseeker":false,"jobseeker_since":"2026-01-05"})"), V{"situation.jobseeker_since"});
  EXPECT_EQ(fc(R"({"age":19,"jobseeker_since":"2026-13-05"})"), V{"situation.jobseeker_since"});
  EXPECT_EQ(fc(R"({"age":19})", R"("place":"Zzyzx-sur-Mer")"), V{"place"});  // unknown commune
  EXPECT_EQ(fc(R"({"age":19})", R"("place":"Saint-Martin")"), V{"place"});   // borne by several communes
  EXPECT_EQ(fc(R"({"age":19})", ""), V{"place"});                            // missing
  EXPECT_EQ(fc(R"({"age":19})", R"("commune_code":"99999")"), V{"commune_code"});
  EXPECT_EQ(fc(R"({"age":19})", R"("postal_code":"00000")"), V{"postal_code"});
  EXPECT_EQ(fc(R"({"age":19})", ok_place + R"(,"difficulties":["voiture"])"), V{"difficulties"});
  EXPECT_EQ(fc(R"({"age":19})", ok_place + R"(,"difficulties":"mobilite")"), V{"difficulties"});
  EXPECT_EQ(refused(kFirstContact, R"({"place":"Poitiers"})"), V{"situation"});
  EXPECT_EQ(refused(kFirstContact, R"({"situation":[19],"place":"Poitiers"})"), V{"situation"});
  // Every fault at once.
  EXPECT_EQ(fc(R"({"birth_date":"2025-02-30"})", R"("place":"","difficulties":["x"])"),
            (V{"situation.birth_date", "difficulties", "place"}));
  EXPECT_EQ(post_json(kFirstContact, "{not json").status, 400);
  EXPECT_EQ(post_json(kFirstContact, "[1]").status, 400);

  auto iae = [&](const std::string& rest) { return refused(kEligibility, R"({"situation":{"age":30},)" + rest + "}"); };
  EXPECT_EQ(iae(R"("author":"prescriber")"), V{"kind"});                // missing
  EXPECT_EQ(iae(R"("kind":"geiq","author":"prescriber")"), V{"kind"});  // not an SIAE kind
  EXPECT_EQ(iae(R"("kind":"aci")"), V{"author"});
  EXPECT_EQ(iae(R"("kind":"aci","author":"conseiller")"), V{"author"});
  EXPECT_EQ(iae(R"("kind":"aci","author":"employer","criteria":["rsa","chomage"])"), V{"criteria"});
  EXPECT_EQ(iae(R"("kind":"aci","author":"employer","prescriber_assessment":"yes")"), V{"prescriber_assessment"});
  EXPECT_EQ(refused(kEligibility,
                    R"({"situation":{"age":30,"jobseeker_since":"2025-02-30"},"kind":"ai","author":"employer"})"),
            V{"situation.jobseeker_since"});
  EXPECT_EQ(refused(kEligibility, R"({"situation":{"birth_date":"2030-05-01"},"kind":"ai","author":"employer"})"),
            V{"situation.birth_date"});
  EXPECT_EQ(refused(kEligibility, R"({"kind":"ai","author":"employer"})"), V{"situation"});
}

TEST_P(PublicOrientation, ThePagesShowEachFaultBesideItsField) {
  HttpClient visitor = client();
  auto bad = visitor.post_form("/par-ou-commencer",
                               {{"birth_date", "30/02/2025"}, {"place", "Zzyzx-sur-Mer"}, {"barriers", "voiture"}});
  ASSERT_EQ(bad.status, 422);
  for (const char* id :
       {"birth_date-erreur", "place-erreur", "barriers-erreur", "href=\"#birth_date\"", "href=\"#place\""})
    EXPECT_NE(bad.body.find(id), std::string::npos) << id;
  EXPECT_NE(bad.body.find("Date de naissance : cette date n&#39;existe pas"), std::string::npos);
  // The date typed by hand comes back as the date input shows dates.
  EXPECT_NE(bad.body.find("value=\"2025-02-30\""), std::string::npos);
  auto future = visitor.post_form("/par-ou-commencer", {{"birth_date", "2027-03-01"}, {"place", "Poitiers"}});
  EXPECT_EQ(future.status, 422);
  EXPECT_NE(future.body.find("postérieure à aujourd&#39;hui"), std::string::npos);
  auto missing = visitor.post_form("/par-ou-commencer", {{"age", ""}, {"place", ""}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("age-erreur"), std::string::npos);
  EXPECT_NE(missing.body.find("place-erreur"), std::string::npos);
  // A name several communes bear is asked again, with the communes to choose from.
  auto ambiguous = visitor.post_form("/par-ou-commencer", {{"age", "30"}, {"place", "Saint-Martin"}});
  ASSERT_EQ(ambiguous.status, 422);
  EXPECT_NE(ambiguous.body.find("name=\"commune_code\" id=\"commune_code-1\""), std::string::npos);
  EXPECT_NE(ambiguous.body.find("Saint-Martin (Gers, 32300)"), std::string::npos);
  auto chosen =
      visitor.post_form("/par-ou-commencer", {{"age", "30"}, {"place", "Saint-Martin"}, {"commune_code", "32389"}});
  ASSERT_EQ(chosen.status, 200) << chosen.body.substr(0, 1500);
  EXPECT_NE(chosen.body.find("Notre réponse, près de Saint-Martin (32)"), std::string::npos);
  // A choice left over from another name is not taken for the new one.
  EXPECT_EQ(
      visitor.post_form("/par-ou-commencer", {{"age", "30"}, {"place", "Saint-Martin"}, {"commune_code", "86194"}})
          .status,
      422);
  // Far from every demo structure: the answer says so rather than showing nothing.
  EXPECT_NE(chosen.body.find("L'annuaire ne connaît pas encore d'adresse de ce type à moins de 200 km"),
            std::string::npos);

  auto iae = visitor.post_form(
      "/iae/eligibilite", {{"age", "30"}, {"kind", "pme"}, {"jobseeker_since", "2025-02-30"}, {"criteria", "chomage"}});
  ASSERT_EQ(iae.status, 422);
  for (const char* id : {"kind-erreur", "author-erreur", "jobseeker_since-erreur", "criteria-erreur"})
    EXPECT_NE(iae.body.find(id), std::string::npos) << id;
}

TEST_P(PublicOrientation, TheIaeSimulatorGivesTheVerdictWithCriteriaAndReasons) {
  // 54 years old, registered for 17 months, CAP level, mobility problem; QPV ticked (unknown).
  auto e = answer(kEligibility,
                  R"({"situation":{"birth_date":"1972-03-08","jobseeker_since":"2025-06-02","qualification":"3",
                                    "mobility":"strong"},"kind":"aci","author":"prescriber","criteria":["qpv"]})");
  EXPECT_EQ(e.at("eligible"), true);
  EXPECT_EQ(e.at("by_assessment"), false);
  EXPECT_TRUE(e.at("level1").as_array().empty());
  std::vector<std::string> met;
  for (const auto& c : e.at("level2").as_array()) met.push_back(str(c.at("code")) + ":" + str(c.at("basis")));
  EXPECT_EQ(met, (std::vector<std::string>{"niveau-3-ou-infra:profile", "senior:derived", "deld:derived", "qpv:ticked",
                                           "mobilite:profile"}));
  EXPECT_EQ(str(e.at("level2").at(2).at("reason").at("facts").at(0)),
            "inscrit comme demandeur d'emploi depuis 17 mois (calculé depuis le 02/06/2025)");
  EXPECT_EQ(str(e.at("level2").at(0).at("reason").at("facts").at(0)), "niveau de qualification : Niveau 3 : CAP, BEP");
  EXPECT_TRUE(has(codes(e.at("to_check")), "rsa"));
  EXPECT_FALSE(has(codes(e.at("to_check")), "detld"));  // known: 17 months, not 24
  EXPECT_EQ(e.at("proofs").as_array().size(), 5u);
  EXPECT_EQ(str(e.at("validity").at("valid_until")), "2027-05-27");
  EXPECT_EQ(str(e.at("validity").at("scope")), "all");
  // Not enough for an ACI without level 1 (3 needed), enough for an AI (2).
  const std::string two = R"({"situation":{"age":52,"qualification":"infra3"},"author":"employer","kind":")";
  auto aci = answer(kEligibility, two + R"(aci"})");
  EXPECT_EQ(aci.at("eligible"), false);
  EXPECT_EQ(aci.at("level2_missing"), 1);
  EXPECT_EQ(str(aci.at("missing")), "Il manque un critère de niveau 1, ou 1 critère de niveau 2 (3 requis en ACI).");
  auto ai = answer(kEligibility, two + R"(ai"})");
  EXPECT_EQ(ai.at("eligible"), true);
  // An employer's diagnosis: 92 days, that employer only.
  EXPECT_EQ(str(ai.at("validity").at("valid_until")), "2027-02-27");
  EXPECT_EQ(str(ai.at("validity").at("scope")), "same-employer");
  // The prescriber's own assessment; an employer cannot.
  auto assessed = answer(kEligibility,
                         R"({"situation":{"age":30},"kind":"ei","author":"prescriber","prescriber_assessment":true})");
  EXPECT_EQ(assessed.at("eligible"), true);
  EXPECT_EQ(assessed.at("by_assessment"), true);
  auto employer =
      answer(kEligibility, R"({"situation":{"age":30},"kind":"ei","author":"employer","prescriber_assessment":true})");
  EXPECT_EQ(employer.at("eligible"), false);
  // An incompatible pair, both only ticked: both set aside. A ticked criterion the facts
  // contradict is rejected too.
  auto pair = answer(kEligibility,
                     R"({"situation":{"age":30},"kind":"etti","author":"prescriber","criteria":["deld","detld"]})");
  EXPECT_EQ(codes(pair.at("rejected")), (std::vector<std::string>{"deld", "detld"}));
  EXPECT_EQ(str(pair.at("rejected").at(0).at("why")),
            "incompatible avec « Demandeur d'emploi depuis 24 mois ou plus »");
  EXPECT_EQ(pair.at("eligible"), false);
  auto young =
      answer(kEligibility, R"({"situation":{"age":55},"kind":"etti","author":"prescriber","criteria":["jeune"]})");
  EXPECT_EQ(codes(young.at("rejected")), (std::vector<std::string>{"jeune"}));
  EXPECT_EQ(str(young.at("rejected").at(0).at("why")), "contredit par le profil : âge : 55 ans (déclaré)");
  auto contradicted =
      answer(kEligibility,
             R"({"situation":{"age":30,"resource":"ass"},"kind":"ai","author":"prescriber","criteria":["rsa"]})");
  EXPECT_EQ(codes(contradicted.at("rejected")), (std::vector<std::string>{"rsa"}));
  EXPECT_EQ(codes(contradicted.at("level1")), (std::vector<std::string>{"ass"}));
  // The page says the same.
  auto page = client().post_form("/iae/eligibilite", {{"birth_date", "08/03/1972"},
                                                      {"jobseeker_since", "2025-06-02"},
                                                      {"qualification", "3"},
                                                      {"mobility", "strong"},
                                                      {"kind", "aci"},
                                                      {"author", "prescriber"},
                                                      {"criteria", "qpv"}});
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
  EXPECT_NE(page.body.find(">Éligible</h2>"), std::string::npos);
  for (const char* code : {"niveau-3-ou-infra", "senior", "deld", "qpv", "mobilite"})
    EXPECT_NE(page.body.find(std::string("id=\"critere-") + code + "\""), std::string::npos) << code;
  EXPECT_NE(page.body.find("Valable jusqu&#39;au 27/05/2027 inclus, pour toutes les SIAE."), std::string::npos);
}

TEST_P(PublicOrientation, TheIaePageAsksForEveryFactTheCriteriaRead) {
  auto page = client().get("/iae/eligibilite");
  ASSERT_EQ(page.status, 200);
  for (const auto& c : orientation::rules().criteria())
    for (const auto& cond : c.when) {
      std::string field(cond.fact->name);
      if (field == "jobseeker_months") field = "jobseeker_since";
      if (field == "resource_months") field = "resource_since";
      EXPECT_NE(page.body.find("name=\"" + field + "\""), std::string::npos) << c.code << " reads " << cond.fact->name;
    }
  for (const auto& c : orientation::rules().criteria())
    EXPECT_NE(page.body.find("name=\"criteria\" value=\"" + c.code + "\""), std::string::npos) << c.code;
}

TEST_P(PublicOrientation, TheDocumentedExamplesAreRealAnswers) {
  auto doc = json::parse(client().get("/api/v1/openapi.json").body);
  for (const char* path : {kFirstContact, kEligibility}) {
    const auto& op = doc.at("paths").at(path).at("post");
    EXPECT_EQ(op.at("x-jalon-access"), "anyone");
    const auto& request = op.at("requestBody").at("content").at("application/json").at("example");
    const auto& documented =
        op.at("responses").at("200").at("content").at("application/json").at("example").as_object();
    // The example's date is the server's today in this test.
    ASSERT_EQ(str(documented.at("date")), "2026-11-28");
    auto got = answer(path, json::serialize(request));
    if (std::string(path) == kEligibility) {
      // The verdict and every criterion with its basis, the rejections, the validity.
      for (const char* k :
           {"kind", "author", "eligible", "by_assessment", "level2_required", "level2_missing", "missing", "proofs"})
        EXPECT_EQ(got.at(k), documented.at(k)) << k;
      for (const char* k : {"level1", "level2", "rejected", "to_check"}) {
        ASSERT_EQ(got.at(k).as_array().size(), documented.at(k).as_array().size()) << k;
        for (std::size_t i = 0; i < got.at(k).as_array().size(); ++i) {
          EXPECT_EQ(got.at(k).at(i).at("code"), documented.at(k).at(i).at("code")) << k;
          if (got.at(k).at(i).as_object().contains("basis")) {
            EXPECT_EQ(got.at(k).at(i).at("basis"), documented.at(k).at(i).at("basis")) << k;
            EXPECT_EQ(got.at(k).at(i).at("reason").at("facts"), documented.at(k).at(i).at("reason").at("facts")) << k;
          }
        }
      }
      EXPECT_EQ(got.at("validity").at("valid_until"), documented.at("validity").at("valid_until"));
      EXPECT_EQ(got.at("validity").at("scope"), documented.at("validity").at("scope"));
    } else {
      EXPECT_EQ(got.at("place"), documented.at("place"));
      EXPECT_EQ(got.at("referent").at("code"), documented.at("referent").at("code"));
      EXPECT_EQ(got.at("referent").at("reason").at("facts"), documented.at("referent").at("reason").at("facts"));
      EXPECT_EQ(got.at("referent").at("nearest").as_array().size(),
                documented.at("referent").at("nearest").as_array().size());
      for (std::size_t i = 0; i < got.at("referent").at("nearest").as_array().size(); ++i) {
        EXPECT_EQ(got.at("referent").at("nearest").at(i).at("structure"),
                  documented.at("referent").at("nearest").at(i).at("structure"));
        EXPECT_EQ(got.at("referent").at("nearest").at(i).at("distance_km"),
                  documented.at("referent").at("nearest").at(i).at("distance_km"));
      }
      EXPECT_EQ(codes(got.at("schemes")), codes(documented.at("schemes")));
      EXPECT_EQ(codes(got.at("difficulties")), codes(documented.at("difficulties")));
      for (std::size_t i = 0; i < got.at("difficulties").as_array().size(); ++i)
        EXPECT_EQ(codes(got.at("difficulties").at(i).at("nearest"), "service"),
                  codes(documented.at("difficulties").at(i).at("nearest"), "service"));
      EXPECT_EQ(codes(got.at("faq"), "id"), codes(documented.at("faq"), "id"));
    }
  }
}
