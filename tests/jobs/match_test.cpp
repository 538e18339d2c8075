// The matching: the score and its explanation on hand-checked cases, the weights file, and the
// index's answers against a brute-force scoring of every pair after random changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>

#include "jobs/index.h"
#include "jobs/match.h"
#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::jobs;

namespace {

const referentials::Rome& rome() {
  referentials::load_referentials(test::source_dir() + "/data");
  return referentials::rome();
}
const referentials::JobTitle* title(const char* code) {
  const auto* t = rome().job_title(std::string_view(code));
  if (!t) throw std::runtime_error(std::string("no job title ") + code);
  return t;
}

constexpr double kLat = 46.5802, kLon = 0.3404;  // Poitiers
constexpr double kKmPerLatDegree = 6371.0088 * M_PI / 180;  // what the haversine uses

Candidate aide_a_domicile() {
  Candidate c;
  c.id = 1;
  c.wanted = {title("10805")};  // Aide à domicile (K1304)
  c.latitude = kLat;
  c.longitude = kLon;
  c.radius_km = 30;
  c.skills = {1001};
  c.contracts = (1u << static_cast<int>(Contract::cdi)) | (1u << static_cast<int>(Contract::cdd));
  c.min_hours = 20;
  c.max_hours = 35;
  c.licence = false;
  return c;
}

Offer offer(long long id, const char* t, double km_north = 0) {
  Offer o;
  o.id = id;
  o.title = title(t);
  o.latitude = kLat + km_north / kKmPerLatDegree;
  o.longitude = kLon;
  o.hours = 30;
  return o;
}

}  // namespace

TEST(Matching, HandCheckedScoresAndTheirExplanations) {
  Weights w = load_weights(test::source_dir() + "/data/matching.csv");
  Candidate c = aide_a_domicile();
  // Same title, same place, CDI, 30 h, one of two skills: the essential principal one (2 of 2.4).
  Offer a = offer(10, "10805");
  a.skills = {{1001, true, referentials::SkillWeight::principal}, {1002, false, referentials::SkillWeight::other}};
  auto ma = match(c, a, w);
  ASSERT_TRUE(ma);
  EXPECT_EQ(ma->link, JobLink::same_title);
  EXPECT_NEAR(ma->skills, 2.0 / 2.4, 1e-9);
  EXPECT_NEAR(ma->distance, 1, 1e-9);
  EXPECT_NEAR(ma->score, 0.4 + 0.25 * 2.0 / 2.4 + 0.2 + 0.1 + 0.05, 1e-9);
  auto why = explain(c, a, *ma);
  EXPECT_EQ(why[0], "Métier recherché : Aide à domicile");
  EXPECT_EQ(why[1], "1 compétence(s) sur 2 demandées");
  EXPECT_EQ(why[2], "À 0,0 km (rayon de 30 km)");
  // Same occupation (another title), 15 km away, interim, 40 h: 0.32 + 0.25 + 0.1 + 0 + 0.025.
  Offer b = offer(11, "10857", 15);
  b.contract = Contract::interim;
  b.hours = 40;
  auto mb = match(c, b, w);
  ASSERT_TRUE(mb);
  EXPECT_EQ(mb->link, JobLink::same_occupation);
  EXPECT_NEAR(mb->distance_km, 15, 1e-6);
  EXPECT_NEAR(mb->score, 0.695, 1e-6);
  EXPECT_EQ(explain(c, b, *mb)[3], "Intérim : pas le contrat souhaité");
  EXPECT_TRUE(better(*ma, *mb));
  // Flooded: 9 pending for 1 position (threshold 3): penalty 0.15 (capped).
  Offer flooded = a;
  flooded.id = 12;
  flooded.pending_applications = 9;
  EXPECT_NEAR(match(c, flooded, w)->score, ma->score - 0.15, 1e-9);
  flooded.pending_applications = 4;  // (4 - 3) / 3 × 0.15 = 0.05
  EXPECT_NEAR(match(c, flooded, w)->score, ma->score - 0.05, 1e-9);
  // Hard filters.
  Offer licence = a;
  licence.licence_required = true;
  EXPECT_FALSE(match(c, licence, w));
  Offer far = offer(13, "10805", 30.5);
  EXPECT_FALSE(match(c, far, w));
  Offer capped = offer(14, "10805", 12);
  capped.max_distance_km = 10;  // the employer's limit
  EXPECT_FALSE(match(c, capped, w));
  Offer closed = a;
  closed.open = false;
  EXPECT_FALSE(match(c, closed, w));
  Offer reserved = a;
  reserved.iae_reserved = true;
  EXPECT_FALSE(match(c, reserved, w));
  c.iae_eligible = true;
  EXPECT_TRUE(match(c, reserved, w));
  Offer unrelated = offer(15, "11573");  // Boulanger / Boulangère (D1102)
  EXPECT_FALSE(match(c, unrelated, w));
}

TEST(Matching, JobLinksFollowTheRomeGraph) {
  const auto* wanted = title("10805");
  const auto* occ = wanted->occupation;
  auto targets = rome().mobility(*occ);
  ASSERT_FALSE(targets.empty());
  const auto* neighbour = targets.front().target;
  const auto* neighbour_title = rome().job_titles(*neighbour).front();
  EXPECT_EQ(link(*wanted, *neighbour_title), JobLink::mobility);
  // An occupation of the same domain that the graph does not reach.
  for (const auto* o : rome().in_domain(*occ->domain)) {
    if (o == occ) continue;
    bool reached = std::any_of(targets.begin(), targets.end(), [&](const auto& m) { return m.target == o; });
    if (reached) continue;
    EXPECT_EQ(link(*wanted, *rome().job_titles(*o).front()), JobLink::same_domain) << o->code;
    break;
  }
}

TEST(Matching, TheRadiusFollowsTheDiagnosis) {
  Weights w;
  EXPECT_EQ(radius_for(true, true, 0, w), 30);
  EXPECT_EQ(radius_for(std::nullopt, std::nullopt, 0, w), 30);
  EXPECT_EQ(radius_for(true, false, 0, w), 15);
  EXPECT_EQ(radius_for(false, std::nullopt, 1, w), 15);
  EXPECT_EQ(radius_for(true, true, 2, w), 8);
  EXPECT_EQ(radius_for(false, false, 3, w), 3);
}

TEST(Matching, TheWeightsFileIsChecked) {
  std::string dir = ::testing::TempDir();
  auto write = [&](const std::string& body) {
    std::string path = dir + "/matching_test.csv";
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs(("part,key,value,comment\n" + body).c_str(), f);
    std::fclose(f);
    return path;
  };
  EXPECT_NO_THROW(load_weights(test::source_dir() + "/data/matching.csv"));
  try {
    load_weights(write("weight,jobs,0.4,\n"));
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("matching_test.csv:2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(load_weights(write("weight,job,-1,\n")), std::runtime_error);
  EXPECT_THROW(load_weights(write("weight,job,0.4,\n")), std::runtime_error);  // the others missing
}

// Random offers and candidates around Poitiers over a few related occupations; random changes;
// after each round, the index answers as scoring every pair does.
TEST(Matching, TheIndexAnswersAsABruteForceScanAfterRandomChanges) {
  Weights w = load_weights(test::source_dir() + "/data/matching.csv");
  std::mt19937_64 rng(42);
  // Job titles: K1304's, its mobility targets', its domain's, and an unrelated one.
  std::vector<const referentials::JobTitle*> titles;
  const auto* occ = title("10805")->occupation;
  auto add_titles = [&](const referentials::Occupation& o) {
    auto ts = rome().job_titles(o);
    for (std::size_t i = 0; i < std::min<std::size_t>(ts.size(), 3); ++i) titles.push_back(ts[i]);
  };
  add_titles(*occ);
  for (const auto& m : rome().mobility(*occ)) add_titles(*m.target);
  for (const auto* o : rome().in_domain(*occ->domain)) add_titles(*o);
  titles.push_back(title("11573"));
  auto pick = [&](auto& v) { return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)]; };
  std::uniform_real_distribution<double> dlat(-0.6, 0.6), dlon(-0.8, 0.8), unit(0, 1);
  auto random_offer = [&](long long id) {
    Offer o;
    o.id = id;
    o.title = pick(titles);
    o.latitude = kLat + dlat(rng);
    o.longitude = kLon + dlon(rng);
    o.contract = static_cast<Contract>(std::uniform_int_distribution<int>(0, kContracts - 1)(rng));
    o.hours = std::uniform_int_distribution<int>(10, 39)(rng);
    o.positions = std::uniform_int_distribution<int>(1, 3)(rng);
    o.pending_applications = std::uniform_int_distribution<int>(0, 12)(rng);
    o.licence_required = unit(rng) < 0.2;
    o.iae_reserved = unit(rng) < 0.1;
    o.open = unit(rng) < 0.9;
    if (unit(rng) < 0.2) o.max_distance_km = std::uniform_int_distribution<int>(5, 40)(rng);
    int n = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int i = 0; i < n; ++i)
      o.skills.push_back({static_cast<std::uint32_t>(100 + std::uniform_int_distribution<int>(0, 9)(rng)), unit(rng) < 0.5,
                          static_cast<referentials::SkillWeight>(std::uniform_int_distribution<int>(0, 2)(rng))});
    std::sort(o.skills.begin(), o.skills.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    o.skills.erase(std::unique(o.skills.begin(), o.skills.end(), [](const auto& a, const auto& b) { return a.code == b.code; }), o.skills.end());
    return o;
  };
  auto random_candidate = [&](long long id) {
    Candidate c;
    c.id = id;
    int n = std::uniform_int_distribution<int>(1, 3)(rng);
    for (int i = 0; i < n; ++i) c.wanted.push_back(pick(titles));
    c.latitude = kLat + dlat(rng);
    c.longitude = kLon + dlon(rng);
    c.radius_km = std::array<double, 4>{3, 8, 15, 30}[std::uniform_int_distribution<int>(0, 3)(rng)];
    for (int i = 0; i < 4; ++i)
      if (unit(rng) < 0.5) c.skills.push_back(static_cast<std::uint32_t>(100 + std::uniform_int_distribution<int>(0, 9)(rng)));
    std::sort(c.skills.begin(), c.skills.end());
    c.skills.erase(std::unique(c.skills.begin(), c.skills.end()), c.skills.end());
    c.contracts = static_cast<unsigned>(std::uniform_int_distribution<int>(0, 63)(rng));
    c.min_hours = 15;
    c.max_hours = 35;
    c.licence = unit(rng) < 0.6;
    c.iae_eligible = unit(rng) < 0.3;
    return c;
  };
  Index index(w);
  std::map<long long, Offer> offers;
  std::map<long long, Candidate> candidates;
  long long next = 1;
  for (int round = 0; round < 6; ++round) {
    for (int i = 0; i < 400; ++i) {
      double r = unit(rng);
      if (r < 0.6 || offers.empty()) {  // create
        Offer o = random_offer(next++);
        offers[o.id] = o;
        index.put(o);
      } else if (r < 0.8) {  // update in place: moved, retitled, closed or reopened
        long long id = std::next(offers.begin(), static_cast<long>(std::uniform_int_distribution<std::size_t>(0, offers.size() - 1)(rng)))->first;
        Offer o = random_offer(id);
        offers[id] = o;
        index.put(o);
      } else {  // delete
        auto it = std::next(offers.begin(), static_cast<long>(std::uniform_int_distribution<std::size_t>(0, offers.size() - 1)(rng)));
        index.remove_offer(it->first);
        offers.erase(it);
      }
      if (unit(rng) < 0.5) {
        Candidate c = random_candidate(unit(rng) < 0.7 || candidates.empty() ? next++ : candidates.begin()->first);
        candidates[c.id] = c;
        index.put(c);
      }
    }
    std::size_t open = std::count_if(offers.begin(), offers.end(), [](const auto& p) { return p.second.open; });
    EXPECT_EQ(index.offer_count(), open);
    EXPECT_EQ(index.candidate_count(), candidates.size());
    int compared = 0;
    for (int q = 0; q < 40; ++q) {
      Candidate c = random_candidate(100000 + q);
      std::vector<OfferHit> brute;
      for (const auto& [id, o] : offers)
        if (auto m = match(c, o, w)) brute.push_back({id, *m});
      std::sort(brute.begin(), brute.end(), [](const auto& a, const auto& b) { return better(a.match, b.match); });
      for (std::size_t offset : {0, 5}) {
        auto got = index.offers_for(c, 10, offset);
        std::size_t expect = brute.size() > offset ? std::min<std::size_t>(10, brute.size() - offset) : 0;
        ASSERT_EQ(got.size(), expect) << "round " << round << " query " << q;
        for (std::size_t i = 0; i < got.size(); ++i) {
          EXPECT_EQ(got[i].offer, brute[offset + i].offer);
          EXPECT_DOUBLE_EQ(got[i].match.score, brute[offset + i].match.score);
        }
        compared += static_cast<int>(got.size());
      }
      Offer o = random_offer(200000 + q);
      std::vector<CandidateHit> back;
      for (const auto& [id, cand] : candidates)
        if (auto m = match(cand, o, w)) back.push_back({id, *m});
      std::sort(back.begin(), back.end(), [](const auto& a, const auto& b) { return better(a.match, b.match); });
      auto got = index.candidates_for(o, 10);
      ASSERT_EQ(got.size(), std::min<std::size_t>(10, back.size()));
      for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].candidate, back[i].candidate);
      compared += static_cast<int>(got.size());
    }
    EXPECT_GT(compared, 100) << "the random data should give matches to compare";
  }
}

// Pruning and the keep filter: dense data (every query meets many more matches than it returns)
// with equal scores, candidates wanting up to five occupations, offers across the ±180 meridian;
// every page of several sizes, with and without a keep filter, equals the brute-force ranking.
TEST(Matching, PrunedAndFilteredQueriesAnswerAsABruteForceScan) {
  auto run = [](const Weights& w, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<const referentials::JobTitle*> titles;
    const auto* occ = title("10805")->occupation;
    auto add_titles = [&](const referentials::Occupation& o, std::size_t n) {
      auto ts = rome().job_titles(o);
      for (std::size_t i = 0; i < std::min<std::size_t>(ts.size(), n); ++i) titles.push_back(ts[i]);
    };
    add_titles(*occ, 4);
    for (const auto& m : rome().mobility(*occ)) add_titles(*m.target, 2);
    for (const auto* o : rome().in_domain(*occ->domain)) add_titles(*o, 2);
    auto pick = [&](auto& v) { return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)]; };
    std::uniform_real_distribution<double> unit(0, 1);
    // Places: a few shared points (equal distances, hence equal scores) and random ones; some near
    // the antimeridian (Fiji-like longitudes) so that a radius crosses it.
    auto place = [&](double& lat, double& lon) {
      double r = unit(rng);
      if (r < 0.3) {
        lat = kLat + 0.05 * std::uniform_int_distribution<int>(0, 2)(rng);
        lon = kLon;
      } else if (r < 0.4) {
        lat = -17.5 + 0.1 * unit(rng);
        lon = unit(rng) < 0.5 ? 179.95 + 0.04 * unit(rng) : -179.99 + 0.04 * unit(rng);
      } else {
        lat = kLat + 0.5 * (unit(rng) - 0.5);
        lon = kLon + 0.7 * (unit(rng) - 0.5);
      }
    };
    auto random_offer = [&](long long id) {
      Offer o;
      o.id = id;
      o.title = pick(titles);
      place(o.latitude, o.longitude);
      // Few distinct values: many offers share every part of their score.
      o.contract = unit(rng) < 0.5 ? Contract::cdi : Contract::cdd;
      o.hours = unit(rng) < 0.5 ? 35 : 20;
      o.positions = 1;
      o.pending_applications = unit(rng) < 0.2 ? 6 : 0;
      o.licence_required = unit(rng) < 0.2;
      o.iae_reserved = unit(rng) < 0.1;
      if (unit(rng) < 0.2) o.max_distance_km = 10.3;
      if (unit(rng) < 0.5) o.skills.push_back({101, unit(rng) < 0.5, referentials::SkillWeight::principal});
      if (unit(rng) < 0.5) o.skills.push_back({102, true, referentials::SkillWeight::other});
      return o;
    };
    auto random_candidate = [&](long long id) {
      Candidate c;
      c.id = id;
      int n = std::uniform_int_distribution<int>(1, 5)(rng);
      for (int i = 0; i < n; ++i) c.wanted.push_back(pick(titles));
      place(c.latitude, c.longitude);
      c.radius_km = std::array<double, 4>{3, 12.5, 30, 60}[std::uniform_int_distribution<int>(0, 3)(rng)];
      if (unit(rng) < 0.5) c.skills.push_back(101);
      if (unit(rng) < 0.5) c.skills.push_back(102);
      c.contracts = unit(rng) < 0.3 ? 0u : 1u << static_cast<int>(Contract::cdi);
      c.min_hours = 15;
      c.max_hours = unit(rng) < 0.5 ? 35 : 24.5;
      c.licence = unit(rng) < 0.7;
      c.iae_eligible = unit(rng) < 0.3;
      return c;
    };
    Index index(w);
    std::map<long long, Offer> offers;
    std::map<long long, Candidate> candidates;
    for (long long id = 1; id <= 1500; ++id) {
      Offer o = random_offer(id);
      offers[id] = o;
      index.put(o);
      Candidate c = random_candidate(id);
      candidates[id] = c;
      index.put(c);
    }
    // Some moves and removals, so that the lists have been edited.
    for (long long id = 1; id <= 1500; id += 7) {
      if (id % 2) {
        index.remove_offer(id);
        offers.erase(id);
        index.remove_candidate(id);
        candidates.erase(id);
      } else {
        Offer o = random_offer(id);
        offers[id] = o;
        index.put(o);
        Candidate c = random_candidate(id);
        candidates[id] = c;
        index.put(c);
      }
    }
    std::function<bool(long long)> odd = [](long long id) { return id % 2 == 1; };
    std::set<long long> asked;
    std::function<bool(long long)> counted = [&](long long id) {
      EXPECT_TRUE(asked.insert(id).second) << "keep is asked once per id";
      return id % 3 != 0;
    };
    auto expect_pages = [&](auto ranking, auto query, const char* what) {
      // ranking: the brute-force hits best first, as ids; query(limit, offset, keep).
      for (std::size_t limit : {1, 3, 20}) {
        for (std::size_t offset : {0, 2, 25}) {
          for (int filter = 0; filter < 3; ++filter) {
            const std::function<bool(long long)>* keep = filter == 0 ? nullptr : filter == 1 ? &odd : &counted;
            asked.clear();
            std::vector<std::pair<long long, double>> expect;
            for (const auto& h : ranking)
              if (!keep || (filter == 1 ? odd(h.first) : h.first % 3 != 0)) expect.push_back(h);
            auto got = query(limit, offset, keep);
            std::size_t n = expect.size() > offset ? std::min(limit, expect.size() - offset) : 0;
            ASSERT_EQ(got.size(), n) << what << " limit " << limit << " offset " << offset << " filter " << filter;
            for (std::size_t i = 0; i < n; ++i) {
              EXPECT_EQ(got[i].first, expect[offset + i].first) << what << " rank " << offset + i;
              EXPECT_EQ(got[i].second, expect[offset + i].second);
            }
          }
        }
      }
    };
    int full_pages = 0;
    for (int q = 0; q < 60; ++q) {
      Candidate c = random_candidate(100000 + q);
      std::vector<OfferHit> brute;
      for (const auto& [id, o] : offers)
        if (auto m = match(c, o, w)) brute.push_back({id, *m});
      std::sort(brute.begin(), brute.end(), [](const auto& a, const auto& b) { return better(a.match, b.match); });
      std::vector<std::pair<long long, double>> ranking;
      for (const auto& h : brute) ranking.push_back({h.offer, h.match.score});
      if (ranking.size() > 50) ++full_pages;
      expect_pages(ranking, [&](std::size_t limit, std::size_t offset, const std::function<bool(long long)>* keep) {
        std::vector<std::pair<long long, double>> got;
        for (const auto& h : index.offers_for(c, limit, offset, keep)) got.push_back({h.offer, h.match.score});
        return got;
      }, "offers");

      Offer o = random_offer(200000 + q);
      o.open = true;
      std::vector<CandidateHit> back;
      for (const auto& [id, cand] : candidates)
        if (auto m = match(cand, o, w)) back.push_back({id, *m});
      std::sort(back.begin(), back.end(), [](const auto& a, const auto& b) { return better(a.match, b.match); });
      ranking.clear();
      for (const auto& h : back) ranking.push_back({h.candidate, h.match.score});
      if (ranking.size() > 50) ++full_pages;
      expect_pages(ranking, [&](std::size_t limit, std::size_t offset, const std::function<bool(long long)>* keep) {
        std::vector<std::pair<long long, double>> got;
        for (const auto& h : index.candidates_for(o, limit, offset, keep)) got.push_back({h.candidate, h.match.score});
        return got;
      }, "candidates");
    }
    EXPECT_GT(full_pages, 40) << "most queries should meet many more matches than a page";
    // A match's explanation parts come through the index unchanged.
    Candidate c = random_candidate(300000);
    c.radius_km = 60;
    for (const auto& h : index.offers_for(c, 5)) {
      auto m = match(c, offers.at(h.offer), w);
      ASSERT_TRUE(m);
      EXPECT_EQ(h.match.link, m->link);
      EXPECT_EQ(h.match.via, m->via);
      EXPECT_EQ(h.match.distance_km, m->distance_km);
      EXPECT_EQ(h.match.tie, m->tie);
    }
    EXPECT_TRUE(index.offers_for(c, 0).empty());
  };
  Weights w = load_weights(test::source_dir() + "/data/matching.csv");
  run(w, 7);
  // Job weights out of their usual order: the bounds must not assume same title >= same occupation
  // >= mobility >= domain.
  w.same_title = 0.5, w.same_occupation = 0.9, w.mobility = 1, w.same_domain = 0.7;
  run(w, 8);
}
