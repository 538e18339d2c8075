// Offers and job profiles: the rules (validation, staleness, profile derivation), the store and
// the 90-day closing on both engines, the live index against a brute-force recomputation from
// the database after random writes, and the pages and API through a real socket.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <algorithm>
#include <functional>
#include <random>
#include <set>

#include "base/crypto.h"
#include "base/errors.h"
#include "base/time.h"
#include "db/query.h"
#include "diagnosis/store.h"
#include "jobs/actions.h"
#include "jobs/find.h"
#include "jobs/live.h"
#include "jobs/match.h"
#include "jobs/rules.h"
#include "jobs/store.h"
#include "orientation/rules.h"
#include "people/actions.h"
#include "people/store.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using namespace jalon::jobs;

namespace {

void load() {
  referentials::load_referentials(test::source_dir() + "/data");
  orientation::load_rules(test::source_dir() + "/data");
  load_matching(test::source_dir() + "/data");
}

std::set<std::string> fields_of(const std::function<void()>& f) {
  std::set<std::string> out;
  try {
    f();
  } catch (const ValidationError& e) {
    for (const auto& fe : e.fields()) out.insert(fe.field);
  }
  return out;
}

// The OGR codes of the first skills of the occupation of "Aide à domicile" (K1304).
std::uint32_t aide_skill(std::size_t i) {
  const auto& rome = referentials::rome();
  return rome.skills(*rome.job_title(10805)->occupation)[i].skill->code;
}

JobOffer sample_offer(long long org) {
  JobOffer o;
  o.organisation_id = org;
  o.job_title = 10805;  // Aide à domicile
  o.title = "Aide à domicile";
  o.commune_code = "86194";
  o.contract = Contract::cdd;
  o.contract_months = 6;
  o.hours = 24;
  return o;
}

}  // namespace

TEST(JobsRules, EveryFaultOfAnOfferIsNamedByItsField) {
  load();
  JobOffer o = sample_offer(1);
  EXPECT_TRUE(fields_of([&] { validate(o); }).empty());
  o.job_title = 1;
  o.commune_code = "99999";
  o.contract = Contract::cdi;  // a permanent contract has no length
  o.hours = 0;
  o.start_on = "2026-02-30";
  o.positions = 0;
  o.max_distance_km = -3;
  o.skills = {{999999999, true}};
  EXPECT_EQ(fields_of([&] { validate(o); }),
            (std::set<std::string>{"job_title", "commune_code", "contract_months", "hours", "start_on", "positions", "max_distance_km", "skills"}));
  o = sample_offer(1);
  o.contract_months = 61;
  o.hours = 48.5;
  EXPECT_EQ(fields_of([&] { validate(o); }), (std::set<std::string>{"contract_months", "hours"}));
}

TEST(JobsRules, WhoPublishesAndWhenAnOfferIsStale) {
  EXPECT_TRUE(may_publish("aci"));
  EXPECT_TRUE(may_publish("entreprise"));
  EXPECT_TRUE(may_publish("mission_locale"));  // relays the offers of local employers
  EXPECT_FALSE(may_publish("ddets"));
  EXPECT_FALSE(may_publish("asp"));
  EXPECT_FALSE(may_publish("inconnu"));
  // Touched on 30 August: stale from 28 November (90 days later), not on the 27th.
  std::string before = stale_before("2026-11-28");
  EXPECT_LT(std::string("2026-08-30T23:59:59Z"), before);
  EXPECT_GE(std::string("2026-08-31T00:00:00Z"), before);
  EXPECT_GE(std::string("2026-08-30T10:00:00Z"), stale_before("2026-11-27"));
}

TEST(JobsRules, TheProfileComesFromTheDiagnosisAndTheChoices) {
  load();
  people::Person person;
  person.id = 7;
  person.birth_date = "1980-05-01";
  person.commune_code = "86066";
  diagnosis::Diagnosis d;
  d.id = 3;
  d.made_on = "2026-11-02";
  d.author_kind = diagnosis::AuthorKind::prescriber;
  d.jobs = {"10805", "10805", "38588"};
  d.rome_skills = {std::to_string(aide_skill(1)), std::to_string(aide_skill(0))};
  d.situation.licence = false;
  d.situation.resource = orientation::Resource::rsa;  // a level-1 criterion
  JobProfile p;
  derive_profile(p, &d, person);
  EXPECT_EQ(p.wanted_jobs, (std::vector<std::uint32_t>{10805, 38588}));
  std::vector<std::uint32_t> both{aide_skill(0), aide_skill(1)};
  std::sort(both.begin(), both.end());
  EXPECT_EQ(p.skills, both);
  EXPECT_EQ(p.commune_code, "86066");                     // the record's, the diagnosis says none
  EXPECT_EQ(p.radius_km, weights().radius_no_vehicle);  // no licence
  EXPECT_FALSE(p.licence);
  EXPECT_EQ(p.iae_eligible_until, "2027-05-01");  // a prescriber's diagnosis: six months (rules/iae.rules)
  auto c = to_candidate(p, "2026-11-28");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->iae_eligible);
  EXPECT_FALSE(to_candidate(p, "2027-05-02")->iae_eligible);
  // The choices win: a commune and a radius of their own; not searching leaves the matching.
  p.chosen_commune = "86194";
  p.chosen_radius_km = 12;
  derive_profile(p, &d, person);
  EXPECT_EQ(p.commune_code, "86194");
  EXPECT_EQ(p.radius_km, 12);
  p.searching = false;
  EXPECT_FALSE(to_candidate(p, "2026-11-28"));
  // An employer's diagnosis makes nobody eligible for every SIAE.
  d.author_kind = diagnosis::AuthorKind::employer;
  derive_profile(p, &d, person);
  EXPECT_EQ(p.iae_eligible_until, "");
  // No diagnosis: no wanted job, so out of the matching.
  derive_profile(p, nullptr, person);
  p.searching = true;
  EXPECT_TRUE(p.wanted_jobs.empty());
  EXPECT_FALSE(to_candidate(p, "2026-11-28"));
  EXPECT_EQ(parse_contracts("cdi,interim", "c"), (1u << 0) | (1u << 2));
  EXPECT_EQ(contracts_text((1u << 0) | (1u << 2)), "cdi,interim");
  EXPECT_THROW(parse_contracts("cdi,loto", "c"), ValidationError);
}

class JobsStore : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    crypto::init();
    load();
    db_ = test::fresh_database(GetParam());
    world_ = test::make_world(*db_, 1);
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};
INSTANTIATE_TEST_SUITE_P(Engines, JobsStore, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(JobsStore, AnOfferReadsBackAndEveryWriteIsInTheChangeLog) {
  long long id = 0;
  int changes = count("SELECT COUNT(*) FROM jobs_changes");
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    JobOffer o = sample_offer(world_.org_a);
    o.title = "";  // takes the job title's label
    o.skills = {{aide_skill(0), true}, {aide_skill(1), false}};
    std::sort(o.skills.begin(), o.skills.end(), [](auto& a, auto& b) { return a.code < b.code; });
    o.max_distance_km = 15;
    o.iae_reserved = true;
    id = publish(tx, world_.org_a, world_.a_member, o);
    tx.commit();
  }
  {
  db::Tx tx(*db_, db::Tx::Mode::write);
  auto o = offer_of(tx, world_.org_a, id);
  EXPECT_EQ(o.title, "Aide à domicile");
  EXPECT_EQ(o.skills.size(), 2u);
  EXPECT_EQ(std::count_if(o.skills.begin(), o.skills.end(), [](const SkillAsked& s) { return s.essential; }), 1);
  EXPECT_EQ(*o.max_distance_km, 15);
  EXPECT_EQ(*o.contract_months, 6);
  EXPECT_TRUE(o.iae_reserved && o.open);
  EXPECT_THROW(offer_of(tx, world_.org_b, id), NotFound);  // another organisation's
  JobOffer changed = o;
  changed.hours = 30;
  changed.skills = {{aide_skill(1), true}};
  edit(tx, o, changed);
  EXPECT_EQ(offer_of(tx, world_.org_a, id).skills.size(), 1u);
  close(tx, o, ClosedReason::filled);
  EXPECT_THROW(close(tx, o, ClosedReason::filled), Conflict);
  auto closed = offer_of(tx, world_.org_a, id);
  EXPECT_FALSE(closed.open);
  EXPECT_EQ(*closed.closed_reason, ClosedReason::filled);
  reopen(tx, closed);
  EXPECT_TRUE(offer_of(tx, world_.org_a, id).open);
  tx.commit();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs_changes"), changes + 4);  // publish, edit, close, reopen
  // The database refuses a closed offer without its reason.
  db::Tx bad(*db_, db::Tx::Mode::write);
  EXPECT_ANY_THROW(db::Query(bad, "UPDATE job_offers SET status = 'closed' WHERE id = :id").bind(id).run());
}

TEST_P(JobsStore, OffersUntouchedForNinetyDaysCloseThemselvesAndTheEmployerIsTold) {
  long long fresh = 0, old = 0, after_midnight = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    fresh = publish(tx, world_.org_a, world_.a_member, sample_offer(world_.org_a));
    old = publish(tx, world_.org_a, world_.a_member, sample_offer(world_.org_a));
    after_midnight = publish(tx, world_.org_a, world_.a_member, sample_offer(world_.org_a));
    // Touched 90 days before 28 November and 89 days before (and the world's offer today); the
    // third at 22:30 UTC on 30 August, which is 00:30 on the 31st in Paris: 89 days too.
    db::Query(tx, "UPDATE job_offers SET updated_at = '2026-08-30T18:00:00Z' WHERE id = :id").bind(old).run();
    db::Query(tx, "UPDATE job_offers SET updated_at = '2026-08-31T06:00:00Z' WHERE id = :id").bind(fresh).run();
    db::Query(tx, "UPDATE job_offers SET updated_at = '2026-08-30T22:30:00Z' WHERE id = :id").bind(after_midnight).run();
    tx.commit();
  }
  int bell = count("SELECT COUNT(*) FROM notifications WHERE kind = 'offer.closed'");
  EXPECT_EQ(close_stale_offers(*db_, "2026-11-28"), 1);
  EXPECT_EQ(close_stale_offers(*db_, "2026-11-28"), 0);  // idempotent
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_offers WHERE status = 'closed' AND closed_reason = 'inactive' AND id = " + std::to_string(old)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_offers WHERE status = 'open' AND id = " + std::to_string(fresh)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_offers WHERE status = 'open' AND id = " + std::to_string(after_midnight)), 1);
  EXPECT_GT(count("SELECT COUNT(*) FROM notifications WHERE kind = 'offer.closed'"), bell);  // A's members
  EXPECT_EQ(close_stale_offers(*db_, "2026-11-29"), 2);                                     // the next day, the others
}

TEST_P(JobsStore, AnEndedEligibilityIsLoggedOnceForTheIndexes) {
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    auto p = *people::store::find(tx, world_.person_a);  // consenting
    JobProfile choices;
    choices.shown_to_employers = true;
    save_profile(tx, p, choices, world_.org_a, world_.a_member);
    db::Query(tx, "UPDATE job_profiles SET iae_eligible_until = '2026-11-27' WHERE person_id = :p").bind(world_.person_a).run();
    tx.commit();
  }
  int changes = count("SELECT COUNT(*) FROM jobs_changes");
  EXPECT_EQ(expire_eligibilities(*db_, "2026-11-27"), 0);  // still eligible that day
  EXPECT_EQ(expire_eligibilities(*db_, "2026-11-28"), 1);
  EXPECT_EQ(expire_eligibilities(*db_, "2026-11-28"), 0);  // once a day
  EXPECT_EQ(expire_eligibilities(*db_, "2026-11-29"), 0);  // already logged
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs_changes"), changes + 1);
}

// The live index against a brute-force recomputation from the database: random offers and
// profiles created, edited, closed and reopened; after each round, every answer of the index
// (caught up through the change log) equals the scoring of every pair read back from the rows.
TEST_P(JobsStore, TheLiveIndexFollowsTheDatabaseAfterRandomWrites) {
  const auto& rome = referentials::rome();
  // A few related job titles (same occupation, mobility, domain) so that pairs link.
  std::vector<std::uint32_t> titles;
  for (const char* words : {"aide a domicile", "auxiliaire de vie", "agent de proprete", "cariste", "manutentionnaire", "boulanger"})
    for (const auto* t : rome.search(words, 2)) titles.push_back(t->code);
  const char* communes[] = {"86194", "86066", "86041", "86137", "86158", "86177", "86070"};
  std::mt19937 rng(7);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  Live live;
  live.build(*db_);
  Live other;  // a second server, catching up by polling only
  other.build(*db_);
  std::vector<long long> offers, persons;
  for (int round = 0; round < 4; ++round) {
    {
      db::Tx tx(*db_, db::Tx::Mode::write);
      for (int i = 0; i < 25; ++i) {
        int what = static_cast<int>(pick(offers.empty() ? 1 : 4));
        if (what == 0) {
          JobOffer o = sample_offer(world_.org_a);
          o.job_title = titles[pick(titles.size())];
          o.commune_code = communes[pick(std::size(communes))];
          o.contract = static_cast<Contract>(pick(kContracts));
          o.contract_months = o.contract == Contract::cdi ? std::nullopt : std::optional<int>(6);
          o.hours = 10 + static_cast<double>(pick(30));
          o.licence_required = pick(4) == 0;
          o.iae_reserved = pick(4) == 0;
          if (pick(3) == 0) o.max_distance_km = 5 + static_cast<double>(pick(30));
          for (const auto& s : rome.skills(*rome.job_title(o.job_title)->occupation))
            if (pick(3) == 0 && o.skills.size() < 6) o.skills.push_back({s.skill->code, pick(2) == 0});
          std::sort(o.skills.begin(), o.skills.end(), [](auto& a, auto& b) { return a.code < b.code; });
          o.skills.erase(std::unique(o.skills.begin(), o.skills.end(), [](auto& a, auto& b) { return a.code == b.code; }), o.skills.end());
          offers.push_back(publish(tx, world_.org_a, world_.a_member, o));
        } else if (what == 1) {
          JobOffer o = offer_of(tx, world_.org_a, offers[pick(offers.size())]);
          JobOffer c = o;
          c.commune_code = communes[pick(std::size(communes))];
          c.hours = 10 + static_cast<double>(pick(30));
          edit(tx, o, c);
        } else {
          JobOffer o = offer_of(tx, world_.org_a, offers[pick(offers.size())]);
          if (o.open) close(tx, o, ClosedReason::withdrawn);
          else reopen(tx, o);
        }
      }
      // People with a diagnosis naming some of the titles, and a profile (most shown).
      for (int i = 0; i < 8; ++i) {
        people::Person p;
        p.first_name = "Test";
        p.last_name = "Personne" + std::to_string(round * 10 + i);
        p.commune_code = communes[pick(std::size(communes))];
        p.consent_sharing = pick(5) != 0;
        p.id = people::store::create(tx, p, world_.org_a);
        diagnosis::Diagnosis d;
        d.person_id = p.id;
        d.organisation_id = world_.org_a;
        d.author_id = world_.a_member;
        d.made_on = "2026-11-20";
        d.commune_code = p.commune_code;
        d.jobs = {std::to_string(titles[pick(titles.size())])};
        d.situation.licence = pick(3) != 0;
        diagnosis::store::insert(tx, d);
        JobProfile choices;
        choices.shown_to_employers = p.consent_sharing && pick(4) != 0;
        choices.contracts = pick(2) ? 0u : (1u << pick(kContracts));
        save_profile(tx, p, choices, world_.org_a, world_.a_member);
        persons.push_back(p.id);
      }
      // And some profiles change their mind.
      for (int i = 0; i < 4 && !persons.empty(); ++i) {
        auto p = *people::store::find(tx, persons[pick(persons.size())]);
        JobProfile choices = *store::find_profile(tx, p.id);
        choices.searching = pick(3) != 0;
        choices.shown_to_employers = !choices.shown_to_employers && p.consent_sharing;
        save_profile(tx, p, choices, world_.org_a, world_.a_member);
      }
      tx.commit();
    }
    live.refresh(*db_, 0);
    other.catch_up(*db_);
    // Brute force from the rows.
    std::vector<Offer> all_offers;
    std::vector<Candidate> all_candidates;
    {
      db::Tx tx(*db_, db::Tx::Mode::read);
      store::for_each_open_offer(tx, [&](JobOffer& o) { all_offers.push_back(*to_match(o)); });
      store::for_each_shown_profile(tx, [&](JobProfile& p) {
        if (auto c = to_candidate(p, time::today())) all_candidates.push_back(*c);
      });
    }
    for (const Live* l : {&live, &other}) {
      ASSERT_EQ(l->read([](const Index& i) { return i.offer_count(); }), all_offers.size()) << "round " << round;
      ASSERT_EQ(l->read([](const Index& i) { return i.candidate_count(); }), all_candidates.size()) << "round " << round;
      for (const auto& c : all_candidates) {
        std::vector<std::pair<Match, long long>> expected;
        for (const auto& o : all_offers)
          if (auto m = match(c, o, weights())) expected.push_back({*m, o.id});
        std::sort(expected.begin(), expected.end(), [](auto& a, auto& b) { return better(a.first, b.first); });
        auto got = l->read([&](const Index& i) { return i.offers_for(c, 10); });
        ASSERT_EQ(got.size(), std::min<std::size_t>(10, expected.size())) << "round " << round;
        for (std::size_t k = 0; k < got.size(); ++k) EXPECT_EQ(got[k].offer, expected[k].second) << "round " << round << " rank " << k;
      }
      for (const auto& o : all_offers) {
        std::vector<std::pair<Match, long long>> expected;
        for (const auto& c : all_candidates)
          if (auto m = match(c, o, weights())) expected.push_back({*m, c.id});
        std::sort(expected.begin(), expected.end(), [](auto& a, auto& b) { return better(a.first, b.first); });
        auto got = l->read([&](const Index& i) { return i.candidates_for(o, 10); });
        ASSERT_EQ(got.size(), std::min<std::size_t>(10, expected.size())) << "round " << round;
        for (std::size_t k = 0; k < got.size(); ++k) EXPECT_EQ(got[k].candidate, expected[k].second) << "round " << round << " rank " << k;
      }
    }
  }
  EXPECT_GT(live.read([](const Index& i) { return i.offer_count(); }), 5u);
  EXPECT_GT(live.read([](const Index& i) { return i.candidate_count(); }), 5u);
}

class JobsPages : public ::testing::TestWithParam<db::Engine> {
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
INSTANTIATE_TEST_SUITE_P(Engines, JobsPages, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(JobsPages, AnEmployerPublishesAndThePublicFindsTheOffer) {
  test::TestServer server(*db_);
  test::HttpClient c(server.port());
  c.login(world_.b_admin_email, test::kPassword);  // B is a chantier d'insertion
  std::string offers = "/organisations/" + std::to_string(world_.org_b) + "/offres";
  auto empty = c.get(offers);
  ASSERT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("Aucune offre pour le moment"), std::string::npos);
  ASSERT_EQ(c.get(offers + "/nouvelle").status, 200);
  const int before = count("SELECT COUNT(*) FROM job_offers");
  // The search step lists job titles, then the chosen one's skills; nothing is written.
  auto search = c.post_form(offers, {{"csrf", c.csrf()}, {"job_text", "maraicher"}, {"etape", "chercher"}, {"contract", "insertion"},
                                     {"hours", "26"}, {"positions", "2"}, {"commune_code", "86041"}});
  ASSERT_EQ(search.status, 200);
  auto pos = search.body.find("name=\"job_title\"");
  ASSERT_NE(pos, std::string::npos);
  // The first option with a value (the placeholder has none).
  std::string code;
  for (auto at = search.body.find("<option value=\"", pos); code.empty() && at != std::string::npos;
       at = search.body.find("<option value=\"", at + 1))
    code = search.body.substr(at + 15, search.body.find('"', at + 15) - at - 15);
  ASSERT_FALSE(code.empty());
  auto skills = c.post_form(offers, {{"csrf", c.csrf()}, {"job_title", code}, {"etape", "chercher"}, {"contract", "insertion"},
                                     {"hours", "26"}, {"positions", "2"}, {"commune_code", "86041"}});
  EXPECT_NE(skills.body.find("name=\"essential\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_offers"), before);
  // Bad input: 422, each message tied to its field, nothing written.
  auto bad = c.post_form(offers, {{"csrf", c.csrf()}, {"job_title", code}, {"contract", "cdi"}, {"contract_months", "6"}, {"hours", "60"},
                                  {"positions", "1"}, {"commune_code", "99999"}, {"etape", "enregistrer"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Commune inconnue"), std::string::npos);
  EXPECT_NE(bad.body.find("de 1 à 48 heures"), std::string::npos);
  EXPECT_NE(bad.body.find("contrat à durée déterminée"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_offers"), before);
  auto saved = c.post_form(offers, {{"csrf", c.csrf()}, {"job_title", code}, {"title", "Maraîcher en chantier"}, {"contract", "insertion"},
                                    {"contract_months", "6"}, {"hours", "26"}, {"positions", "2"}, {"commune_code", "86041"},
                                    {"iae_reserved", "on"}, {"etape", "enregistrer"}});
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  std::string where = saved.header("location");
  auto page = c.get(where);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Maraîcher en chantier"), std::string::npos);
  auto listed = c.get(offers);
  ASSERT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find("Maraîcher en chantier"), std::string::npos);
  EXPECT_NE(page.body.find("réservée aux personnes éligibles à l&#39;IAE"), std::string::npos);
  // Another organisation never manages it.
  test::HttpClient a(server.port());
  a.login(world_.a_admin_email, test::kPassword);
  std::string id = where.substr(where.rfind('/') + 1);
  EXPECT_EQ(a.get("/organisations/" + std::to_string(world_.org_a) + "/offres/" + id).status, 404);
  // The public finds it without an account, near Poitiers, with the reasons of the order.
  test::HttpClient visitor(server.port());
  auto found = visitor.get("/emplois?quoi=maraicher&lieu=86000&rayon=30");
  ASSERT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("Maraîcher en chantier"), std::string::npos);
  EXPECT_NE(found.body.find("Pourquoi cette offre"), std::string::npos);
  EXPECT_EQ(visitor.get("/emplois/offres/" + id).status, 200);
  auto unknown_place = visitor.get("/emplois?quoi=maraicher&lieu=Nullepart");
  EXPECT_EQ(unknown_place.status, 422);
  EXPECT_NE(unknown_place.body.find("Lieu inconnu"), std::string::npos);
  // Closed: gone from the search, the page says so.
  ASSERT_EQ(c.get(where).status, 200);
  EXPECT_EQ(c.post_form(where + "/fermer", {{"csrf", c.csrf()}, {"reason", "filled"}}).status, 303);
  EXPECT_EQ(visitor.get("/emplois?quoi=maraicher&lieu=86000&rayon=30").body.find("Maraîcher en chantier"), std::string::npos);
  EXPECT_NE(visitor.get("/emplois/offres/" + id).body.find("Cette offre est fermée"), std::string::npos);
}

TEST_P(JobsPages, ACounsellorSeesTheOffersForAPersonWithTheirReasons) {
  {
    // person_a wants to be an aide à domicile (the world's offer), near Poitiers.
    db::Tx tx(*db_, db::Tx::Mode::write);
    diagnosis::Diagnosis d;
    d.person_id = world_.person_a;
    d.organisation_id = world_.org_a;
    d.author_id = world_.a_member;
    d.made_on = "2026-11-20";
    d.commune_code = "86194";
    d.jobs = {"10805"};
    diagnosis::store::insert(tx, d);
    tx.commit();
  }
  test::TestServer server(*db_);
  test::HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  auto page = c.get(person(world_.org_a) + "/emplois");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Aide à domicile 1"), std::string::npos);  // the world's offer
  EXPECT_NE(page.body.find("Métier recherché : Aide à domicile"), std::string::npos);
  EXPECT_NE(page.body.find("candidatures/nouvelle?offre=" + std::to_string(world_.offer_a)), std::string::npos);
  // The profile: bad input names its field; saved, it is the employers' (without the name).
  auto bad = c.post_form(person(world_.org_a) + "/emplois", {{"csrf", c.csrf()}, {"searching", "on"}, {"min_hours", "30"}, {"max_hours", "20"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("au moins égal au minimum"), std::string::npos);
  auto saved = c.post_form(person(world_.org_a) + "/emplois", {{"csrf", c.csrf()}, {"searching", "on"}, {"shown_to_employers", "on"},
                                                                {"contracts", "cdd"}, {"min_hours", "20"}, {"max_hours", "35"}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_profiles WHERE shown_to_employers = 1 AND person_id = " + std::to_string(world_.person_a)), 1);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'jobs-read' AND person_id = " + std::to_string(world_.person_a)), 1);
  // The employer's offer page shows the profile without a name; proposing tells A.
  auto offer = c.get("/organisations/" + std::to_string(world_.org_a) + "/offres/" + std::to_string(world_.offer_a));
  ASSERT_EQ(offer.status, 200);
  auto label = offer.body.find("name=\"candidate\" value=\"Profil ");
  ASSERT_NE(label, std::string::npos) << offer.body.substr(0, 4000);
  EXPECT_EQ(offer.body.find("Martin 1"), std::string::npos);  // never the name
  std::string value = offer.body.substr(label + 24, 12);
  value = value.substr(0, value.find('"'));
  int bell = count("SELECT COUNT(*) FROM notifications WHERE kind = 'offer.proposed'");
  auto proposed = c.post_form("/organisations/" + std::to_string(world_.org_a) + "/offres/" + std::to_string(world_.offer_a) + "/proposer",
                              {{"csrf", c.csrf()}, {"candidate", value}});
  EXPECT_EQ(proposed.status, 303);
  EXPECT_GT(count("SELECT COUNT(*) FROM notifications WHERE kind = 'offer.proposed'"), bell);
  // B (with access) sees the page; an organisation without access gets 404, audited.
  test::HttpClient b(server.port());
  b.login(world_.b_admin_email, test::kPassword);
  EXPECT_EQ(b.get(person(world_.org_b) + "/emplois").status, 200);
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    people::store::revoke(tx, world_.person_a, world_.org_b);
    tx.commit();
  }
  EXPECT_EQ(b.get(person(world_.org_b) + "/emplois").status, 404);
  // Withdrawing consent takes the profile out of the employers' matches.
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    auto p = *people::store::find(tx, world_.person_a);
    auto changed = p;
    changed.consent_sharing = false;
    people::update_person(tx, p, changed, "2026-11-28");
    tx.commit();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM job_profiles WHERE shown_to_employers = 1 AND person_id = " + std::to_string(world_.person_a)), 0);
  auto after = c.get("/organisations/" + std::to_string(world_.org_a) + "/offres/" + std::to_string(world_.offer_a));
  EXPECT_EQ(after.body.find("name=\"candidate\" value=\"" + value + "\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'jobs-proposed' AND person_id = " + std::to_string(world_.person_a)), 1);
}

TEST_P(JobsPages, TheApiPublishesMatchesAndNeverNamesCandidatesToEmployers) {
  test::TestServer server(*db_);
  test::HttpClient c(server.port());
  std::map<std::string, std::string> auth{{"Authorization", "Bearer " + world_.token_a_raw}, {"Content-Type", "application/json"}};
  std::string base = "/api/v1/organisations/" + std::to_string(world_.org_a);
  auto bad = c.request("POST", base + "/offers", R"({"job_title": 1, "commune_code": "99999", "contract": "loto", "hours_per_week": "x"})", auth);
  EXPECT_EQ(bad.status, 422);
  auto problem = boost::json::parse(bad.body).as_object();
  std::set<std::string> fields;
  for (const auto& e : problem.at("errors").as_array()) fields.insert(std::string(e.as_object().at("field").as_string()));
  EXPECT_TRUE(fields.count("contract") && fields.count("hours_per_week")) << bad.body;
  auto made = c.request("POST", base + "/offers",
                        R"({"job_title": 10805, "commune_code": "86066", "contract": "cdi", "hours_per_week": 30, "skills": [{"code": )" +
                            std::to_string(aide_skill(0)) + R"(, "essential": true}]})",
                        auth);
  ASSERT_EQ(made.status, 201) << made.body;
  auto offer = boost::json::parse(made.body).as_object();
  long long id = offer.at("id").as_int64();
  EXPECT_EQ(offer.at("title").as_string(), "Aide à domicile");
  auto patched = c.request("PATCH", base + "/offers/" + std::to_string(id), R"({"hours_per_week": 24})", auth);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(boost::json::parse(patched.body).at("hours_per_week").as_double(), 24);
  // person_a's profile, from their diagnosis (none with jobs yet): the offers need a job.
  EXPECT_EQ(c.request("GET", base + "/people/" + std::to_string(world_.person_a) + "/offers", "", auth).status, 422);
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    diagnosis::Diagnosis d;
    d.person_id = world_.person_a;
    d.organisation_id = world_.org_a;
    d.author_id = world_.a_member;
    d.made_on = "2026-11-20";
    d.commune_code = "86194";
    d.jobs = {"10805"};
    d.rome_skills = {std::to_string(aide_skill(0))};
    diagnosis::store::insert(tx, d);
    tx.commit();
  }
  auto put = c.request("PUT", base + "/people/" + std::to_string(world_.person_a) + "/job-profile",
                       R"({"searching": true, "shown_to_employers": true, "contracts": ["cdi", "cdd"], "chosen_radius_km": 50})", auth);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(boost::json::parse(put.body).at("derived").at("radius_km").as_double(), 50);
  auto matches = c.request("GET", base + "/people/" + std::to_string(world_.person_a) + "/offers", "", auth);
  ASSERT_EQ(matches.status, 200) << matches.body;
  auto items = boost::json::parse(matches.body).at("items").as_array();
  ASSERT_GE(items.size(), 2u);  // the world's and the new one, 33 km away
  EXPECT_FALSE(items[0].at("match").at("reasons").as_array().empty());
  // The employer's view of its offer's candidates: a label and reasons, never who.
  auto candidates = c.request("GET", base + "/offers/" + std::to_string(id) + "/candidates", "", auth);
  ASSERT_EQ(candidates.status, 200);
  auto list = boost::json::parse(candidates.body).at("items").as_array();
  ASSERT_EQ(list.size(), 1u) << candidates.body;
  EXPECT_EQ(list[0].as_object().size(), 3u);  // label, score, reasons: no distance, radius nor id
  for (const auto& r : list[0].at("reasons").as_array()) EXPECT_EQ(std::string(r.as_string()).find("rayon"), std::string::npos);
  EXPECT_EQ(candidates.body.find("Martin"), std::string::npos);  // never the name
  // Closed, it leaves the public search; the public API never needs an account.
  auto closed = c.request("POST", base + "/offers/" + std::to_string(id) + "/close", R"({"reason": "filled"})", auth);
  EXPECT_EQ(closed.status, 200);
  test::HttpClient visitor(server.port());
  auto pub = visitor.get("/api/v1/jobs/offers?job_title=10805&commune=86066&radius_km=10");
  ASSERT_EQ(pub.status, 200) << pub.body;
  auto public_items = boost::json::parse(pub.body);
  for (const auto& it : public_items.at("items").as_array()) EXPECT_NE(it.at("id").as_int64(), id);
  EXPECT_EQ(visitor.get("/api/v1/jobs/offers?q=aide&commune=99999").status, 422);
}
