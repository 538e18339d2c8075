// Diagnoses: validation (pure), the store's versions on both engines, and the pages through a
// real socket (form, refusal of bad input with its field, the engine's answer, access, audit).
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "accounts/store.h"
#include "base/crypto.h"
#include "base/errors.h"
#include "diagnosis/actions.h"
#include "diagnosis/rules.h"
#include "diagnosis/store.h"
#include "orientation/rules.h"
#include "people/store.h"
#include "referentials/referentials.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using namespace jalon::diagnosis;

namespace {

void load() {
  referentials::load_referentials(test::source_dir() + "/data");
  orientation::load_rules(test::source_dir() + "/data");
}

// The fields a ValidationError names.
std::set<std::string> fields_of(const std::function<void()>& f) {
  std::set<std::string> out;
  try {
    f();
  } catch (const ValidationError& e) {
    for (const auto& fe : e.fields()) out.insert(fe.field);
  }
  return out;
}

Diagnosis sample() {
  Diagnosis d;
  d.made_on = "2026-11-20";
  d.commune_code = "86194";
  orientation::set_declared(d.situation, "resource", "rsa");
  orientation::set_declared(d.situation, "resource_since", "2024-01-10");
  orientation::set_declared(d.situation, "jobseeker", "yes");
  orientation::set_declared(d.situation, "jobseeker_since", "2024-06-01");
  orientation::set_declared(d.situation, "qualification", "infra3");
  orientation::set_declared(d.situation, "mobility", "strong");
  d.situation.barriers["mobilite"] = orientation::Severity::strong;
  d.situation.barriers["logement"] = orientation::Severity::light;
  d.situation.declared_criteria.insert("parent-isole");
  d.transversal_skills = {"competence-10", "numerique"};
  d.jobs = {"10805"};
  d.comment = "Souhaite travailler auprès des personnes âgées.";
  return d;
}

}  // namespace

TEST(DiagnosisRules, EveryFaultIsNamedByItsField) {
  load();
  auto codes = criterion_codes("2026-11-28");
  EXPECT_TRUE(fields_of([&] { validate(sample(), "1990-05-02", "2026-11-28", codes); }).empty());
  auto bad = sample();
  bad.made_on = "2025-02-30";
  orientation::set_declared(bad.situation, "jobseeker_since", "2027-01-01");
  orientation::set_declared(bad.situation, "resource_since", "1980-01-01");
  bad.commune_code = "99999";
  bad.situation.barriers["inconnu"] = orientation::Severity::light;
  bad.situation.barriers["sante"] = orientation::Severity::none;
  bad.transversal_skills.push_back("jonglage");
  bad.rome_skills.push_back("123456789");
  bad.jobs.push_back("0");
  bad.situation.declared_criteria.insert("riche");
  bad.comment = std::string(4001, 'x');
  EXPECT_EQ(fields_of([&] { validate(bad, "1990-05-02", "2026-11-28", codes); }),
            (std::set<std::string>{"made_on", "jobseeker_since", "resource_since", "commune_code", "barrier_inconnu", "barrier_sante",
                                   "skills", "jobs", "criteria", "comment"}));
  auto future = sample();
  future.made_on = "2026-11-29";
  EXPECT_EQ(fields_of([&] { validate(future, "", "2026-11-28", codes); }), std::set<std::string>{"made_on"});
  auto missing = sample();
  missing.made_on = "";
  EXPECT_EQ(fields_of([&] { validate(missing, "", "2026-11-28", codes); }), std::set<std::string>{"made_on"});
  // A date of start of resources without a resource makes no sense.
  auto orphan = sample();
  orientation::set_declared(orphan.situation, "resource", "none");
  EXPECT_EQ(fields_of([&] { validate(orphan, "", "2026-11-28", codes); }), std::set<std::string>{"resource_since"});
}

TEST(DiagnosisRules, TheAuthorKindFollowsTheOrganisation) {
  EXPECT_EQ(author_kind_of("mission_locale", true), AuthorKind::prescriber);
  EXPECT_EQ(author_kind_of("aci", false), AuthorKind::employer);
  EXPECT_EQ(author_kind_of("etti", false), AuthorKind::employer);
  EXPECT_EQ(author_kind_of("association", false), AuthorKind::other);
  // An SIAE the platform made an authorised prescriber judges as a prescriber.
  EXPECT_EQ(author_kind_of("aci", true), AuthorKind::prescriber);
}

TEST(DiagnosisRules, DeclaredFactsRoundTripAndRefuseValuesOutsideTheCatalogue) {
  orientation::Situation s;
  for (const auto& f : orientation::declared_facts()) {
    std::string v = f.date ? "2024-03-01" : std::string(orientation::find_fact(f.name)->values.back());
    ASSERT_TRUE(orientation::set_declared(s, f.name, v)) << f.name;
    EXPECT_EQ(orientation::declared(s, f.name).value_or("?"), v) << f.name;
  }
  EXPECT_FALSE(orientation::set_declared(s, "resource", "loto"));
  EXPECT_EQ(orientation::declared(s, "resource").value_or("?"), "are");  // unchanged
  EXPECT_FALSE(orientation::set_declared(s, "age", "30"));              // computed, not declared
  EXPECT_TRUE(orientation::set_declared(s, "resource", ""));
  EXPECT_FALSE(orientation::declared(s, "resource").has_value());
}

class DiagnosisStore : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    crypto::init();
    load();
    db_ = test::fresh_database(GetParam());
    world_ = test::make_world(*db_, 1);
  }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};
INSTANTIATE_TEST_SUITE_P(Engines, DiagnosisStore, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(DiagnosisStore, ANewDiagnosisIsANewVersionAndEverythingReadsBack) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  // A person of their own (the world's already has a diagnosis).
  people::Person fresh;
  fresh.first_name = "Lina";
  fresh.last_name = "Garnier";
  fresh.birth_date = "1990-05-02";
  long long fresh_id = people::store::create(tx, fresh, world_.org_a);
  people::store::grant(tx, fresh_id, world_.org_b, people::GrantReason::consent, world_.org_a);
  auto person = *people::store::find(tx, fresh_id);
  long long first = create(tx, person, world_.org_a, world_.a_member, sample(), "2026-11-28");
  auto second_d = sample();
  second_d.made_on = "2026-11-27";
  second_d.situation.barriers.erase("logement");
  orientation::set_declared(second_d.situation, "housing", "stable");
  long long second = create(tx, person, world_.org_b, world_.b_admin, second_d, "2026-11-28");
  auto read = store::find(tx, person.id, first);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->author_kind, AuthorKind::prescriber);  // org A is a Mission Locale, authorised prescriber
  EXPECT_EQ(read->made_on, "2026-11-20");
  EXPECT_EQ(orientation::declared(read->situation, "resource").value_or(""), "rsa");
  EXPECT_EQ(orientation::declared(read->situation, "jobseeker_since").value_or(""), "2024-06-01");
  EXPECT_FALSE(orientation::declared(read->situation, "housing").has_value());  // unknown stays unknown
  EXPECT_EQ(read->situation.barriers.size(), 2u);
  EXPECT_EQ(read->situation.barriers.at("mobilite"), orientation::Severity::strong);
  EXPECT_EQ(read->situation.declared_criteria, std::set<std::string>{"parent-isole"});
  EXPECT_EQ(read->transversal_skills, (std::vector<std::string>{"competence-10", "numerique"}));
  EXPECT_EQ(read->jobs, std::vector<std::string>{"10805"});
  EXPECT_EQ(read->comment, sample().comment);
  // The history is latest first by interview date; the first diagnosis is untouched.
  auto h = store::history(tx, person.id);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].id, second);
  EXPECT_EQ(h[1].id, first);
  EXPECT_EQ(h[0].author_kind, AuthorKind::employer);  // org B is an ACI
  EXPECT_EQ(h[0].barriers, 1);
  EXPECT_EQ(h[1].barriers, 2);
  EXPECT_EQ(store::current(tx, person.id)->id, second);
  EXPECT_EQ(orientation::declared(store::find(tx, person.id, second)->situation, "housing").value_or(""), "stable");
  // Another person's id does not read it.
  EXPECT_FALSE(store::find(tx, person.id + 1000, first));
}

TEST_P(DiagnosisStore, TheDatabaseRefusesAValueOutsideTheCatalogue) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  EXPECT_ANY_THROW(tx.sql() << "INSERT INTO diagnoses (person_id, organisation_id, author_id, author_kind, made_on, created_at, resource) "
                               "VALUES (" + std::to_string(world_.person_a) + ", " + std::to_string(world_.org_a) + ", " +
                                   std::to_string(world_.a_member) + ", 'prescriber', '2026-11-01', 'x', 'loto')");
}

TEST_P(DiagnosisStore, TheAdviceCountsAgeAndDurationsAtTheInterview) {
  db::Tx tx(*db_, db::Tx::Mode::write);
  auto d = sample();
  d.author_kind = AuthorKind::prescriber;
  // Born 1999-04-12: 27 at the interview; registered 2024-06-01: 29 months, long-term.
  Advice a = advise(d, "1999-04-12", d.made_on);
  ASSERT_TRUE(a.orientation.referent);
  EXPECT_EQ(a.eligibility.size(), 5u);
  for (const auto& e : a.eligibility) {
    EXPECT_TRUE(e.eligible) << orientation::name(e.kind);
    EXPECT_EQ(orientation::format_date(e.valid_until), "2027-05-19");  // six months, prescriber
  }
  // Twenty years old: the Mission Locale, whatever else.
  auto young = sample();
  Advice y = advise(young, "2006-01-15", young.made_on);
  ASSERT_TRUE(y.orientation.referent);
  EXPECT_EQ(y.orientation.referent->code, "ML");
  // An employer's diagnosis holds for that employer only.
  d.author_kind = AuthorKind::employer;
  Advice e = advise(d, "1999-04-12", d.made_on);
  EXPECT_FALSE(e.eligibility.front().all_siae);
}

class DiagnosisPages : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
  }
  std::string person(long long org) const {
    return "/organisations/" + std::to_string(org) + "/personnes/" + std::to_string(world_.person_a);
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};
INSTANTIATE_TEST_SUITE_P(Engines, DiagnosisPages, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(DiagnosisPages, ACounsellorRecordsADiagnosisAndReadsTheRecommendations) {
  test::TestServer server(*db_);
  test::HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  const int before = count("SELECT COUNT(*) FROM diagnoses");  // the world's own
  auto form = c.get(person(world_.org_a) + "/diagnostics/nouveau");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"barrier_mobilite\""), std::string::npos);
  // The search step re-renders the form with job titles, then their skills; nothing is written.
  auto search = c.post_form(person(world_.org_a) + "/diagnostics",
                            {{"csrf", c.csrf()}, {"made_on", "2026-11-20"}, {"job_text", "aide à domicile"}, {"etape", "chercher"}});
  EXPECT_EQ(search.status, 200);
  EXPECT_NE(search.body.find("value=\"10805\""), std::string::npos);
  auto skills = c.post_form(person(world_.org_a) + "/diagnostics",
                            {{"csrf", c.csrf()}, {"made_on", "2026-11-20"}, {"job", "10805"}, {"etape", "chercher"}});
  EXPECT_NE(skills.body.find("name=\"rome_skill\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM diagnoses"), before);
  // Bad input: 422, the message tied to its field, nothing written.
  auto bad = c.post_form(person(world_.org_a) + "/diagnostics",
                         {{"csrf", c.csrf()}, {"made_on", "2025-02-30"}, {"commune_code", "99999"}, {"etape", "enregistrer"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("id=\"made_on\""), std::string::npos);
  EXPECT_NE(bad.body.find("pas une date qui existe"), std::string::npos);
  EXPECT_NE(bad.body.find("Commune inconnue"), std::string::npos);
  auto outside = c.post_form(person(world_.org_a) + "/diagnostics",
                             {{"csrf", c.csrf()}, {"made_on", "2026-11-20"}, {"resource", "loto"}, {"etape", "enregistrer"}});
  EXPECT_EQ(outside.status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM diagnoses"), before);
  auto saved = c.post_form(person(world_.org_a) + "/diagnostics",
                           {{"csrf", c.csrf()}, {"made_on", "2026-11-20"}, {"commune_code", "86194"}, {"resource", "rsa"},
                            {"jobseeker", "yes"}, {"jobseeker_since", "2024-06-01"}, {"qualification", "infra3"},
                            {"barrier_mobilite", "strong"}, {"barrier_logement", "none"}, {"job", "10805"},
                            {"transversal", "competence-10"}, {"etape", "enregistrer"}});
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  std::string where = saved.header("location");
  // Mobility asked once, in the barriers: the fact follows the barrier; "none" is a known absence.
  EXPECT_EQ(count("SELECT COUNT(*) FROM diagnoses WHERE mobility = 'strong'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM diagnosis_barriers"), 1);
  auto page = c.get(where);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("À contacter en premier"), std::string::npos);
  EXPECT_NE(page.body.find("Absence de mobilité"), std::string::npos);
  EXPECT_NE(page.body.find("Éligible"), std::string::npos);
  EXPECT_NE(page.body.find("Demandeur d&#39;emploi depuis 24 mois ou plus"), std::string::npos);
  EXPECT_NE(page.body.find("Aide à domicile"), std::string::npos);
  // The person page lists it; a second diagnosis keeps the first.
  auto person_page = c.get(person(world_.org_a));
  EXPECT_NE(person_page.body.find("Diagnostic du 20/11/2026"), std::string::npos);
  auto again = c.get(person(world_.org_a) + "/diagnostics/nouveau");
  EXPECT_NE(again.body.find("value=\"rsa\" selected"), std::string::npos);  // starts from the last one
  EXPECT_EQ(c.post_form(person(world_.org_a) + "/diagnostics",
                        {{"csrf", c.csrf()}, {"made_on", "2026-11-27"}, {"resource", "rsa"}, {"etape", "enregistrer"}})
                .status,
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM diagnoses WHERE person_id = " + std::to_string(world_.person_a)), before + 2);
  EXPECT_EQ(c.get(where).status, 200);
  // Audited: the creations, the reads.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'diagnosis-create' AND person_id = " + std::to_string(world_.person_a)), 2);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'diagnosis-read' AND person_id = " + std::to_string(world_.person_a)), 2);
}

TEST_P(DiagnosisPages, AnOrganisationWithoutAccessSeesNothing) {
  long long id = 0;
  const int before = count("SELECT COUNT(*) FROM diagnoses");
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    auto p = *people::store::find(tx, world_.person_a);
    load();
    id = create(tx, p, world_.org_a, world_.a_member, sample(), "2026-11-28");
    // B's access is withdrawn: the person is A's only.
    people::store::revoke(tx, world_.person_a, world_.org_b);
    tx.commit();
  }
  test::TestServer server(*db_);
  test::HttpClient c(server.port());
  c.login(world_.b_admin_email, test::kPassword);
  std::string d = person(world_.org_b) + "/diagnostics/" + std::to_string(id);
  EXPECT_EQ(c.get(d).status, 404);
  EXPECT_EQ(c.get(person(world_.org_b) + "/diagnostics/nouveau").status, 404);
  EXPECT_EQ(c.post_form(person(world_.org_b) + "/diagnostics", {{"csrf", c.csrf()}, {"made_on", "2026-11-20"}}).status, 404);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'refused:diagnosis%'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM diagnoses"), before + 1);
}
