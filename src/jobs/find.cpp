#include "jobs/find.h"

#include <algorithm>
#include <set>

#include "base/crypto.h"
#include "jobs/store.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

namespace {
constexpr double kMaxRadiusKm = 200;

std::vector<const referentials::JobTitle*> neighbours_of(const Candidate& c) {
  std::vector<const referentials::JobTitle*> out;
  std::set<const referentials::Occupation*> seen;
  for (const auto* t : c.wanted) seen.insert(t->occupation);
  for (const auto* t : c.wanted)
    for (const auto& m : referentials::rome().mobility(*t->occupation)) {
      if (out.size() >= 5) return out;
      if (!seen.insert(m.target).second) continue;
      auto titles = referentials::rome().job_titles(*m.target);
      if (!titles.empty()) out.push_back(titles.front());
    }
  return out;
}
}  // namespace

OffersFound offers_for(db::Tx& tx, db::Database& db, Live& live, const Candidate& c, std::size_t limit, std::size_t offset) {
  live.refresh(db);
  struct Hit {
    OfferHit hit;
    Offer offer;
  };
  std::vector<Hit> hits;
  live.read([&](const Index& index) {
    for (auto& h : index.offers_for(c, limit + 1, offset)) hits.push_back({h, *index.offer(h.offer)});
    return 0;
  });
  OffersFound found;
  found.more = hits.size() > limit;
  if (found.more) hits.pop_back();
  std::vector<long long> ids;
  for (const auto& h : hits) ids.push_back(h.hit.offer);
  auto rows = store::offers_by_ids(tx, ids);
  for (auto& h : hits) {
    auto row = std::find_if(rows.begin(), rows.end(), [&](const JobOffer& o) { return o.id == h.hit.offer; });
    if (row == rows.end()) continue;  // closed since the index was read
    found.items.push_back({*row, h.hit.match, explain(c, h.offer, h.hit.match)});
  }
  if (offset == 0 && found.items.size() < std::min<std::size_t>(limit, 5)) {
    Widening w;
    w.neighbours = neighbours_of(c);
    Candidate wider = c;
    wider.radius_km = std::min(kMaxRadiusKm, std::max(c.radius_km * 2, c.radius_km + 10));
    if (wider.radius_km > c.radius_km) {
      std::size_t n = live.read([&](const Index& index) { return index.offers_for(wider, 50, 0).size(); });
      if (n > found.items.size()) {
        w.radius_km = wider.radius_km;
        w.count = n;
      }
    }
    if (w.radius_km > 0 || !w.neighbours.empty()) found.widening = std::move(w);
  }
  return found;
}

std::vector<FoundCandidate> candidates_for(db::Database& db, Live& live, const Offer& o, std::size_t limit, std::size_t offset) {
  live.refresh(db);
  std::vector<FoundCandidate> out;
  live.read([&](const Index& index) {
    for (auto& h : index.candidates_for(o, limit, offset)) {
      const Candidate* c = index.candidate(h.candidate);
      if (!c) continue;
      out.push_back({h.candidate, *c, h.match, employer_reasons(*c, o, h.match)});
    }
    return 0;
  });
  return out;
}

std::string anonymous_label(const std::string& key, long long person, const JobOffer& offer) {
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no 0/O, 1/I
  std::string h = crypto::hash_token(key + ":" + std::to_string(person) + ":" + std::to_string(offer.id) + ":" + offer.commune_code);
  std::string s = "Profil ";
  for (int i = 0; i < 5; ++i) s += kAlphabet[std::stoi(h.substr(2 * i, 2), nullptr, 16) % 32];
  return s;
}

std::vector<std::string> employer_reasons(const Candidate& c, const Offer& o, const Match& m) {
  std::vector<std::string> out;
  for (auto& line : explain(c, o, m)) {
    if (line.rfind("À ", 0) != 0) {
      out.push_back(std::move(line));
      continue;
    }
    double d = m.distance_km;
    out.push_back(d < 5 ? "À moins de 5 km" : d < 10 ? "Entre 5 et 10 km" : d < 20 ? "Entre 10 et 20 km" : d < 30 ? "Entre 20 et 30 km"
                                                                                         : "À plus de 30 km");
  }
  return out;
}

Candidate search_candidate(const std::vector<const referentials::JobTitle*>& jobs, double latitude, double longitude, double radius_km,
                           unsigned contracts) {
  Candidate c;
  c.id = 0;
  c.wanted = jobs;
  c.latitude = latitude;
  c.longitude = longitude;
  c.radius_km = radius_km;
  c.contracts = contracts;
  // A visitor says nothing of licence or eligibility: every offer shows, hours never exclude.
  c.licence = true;
  c.iae_eligible = true;
  return c;
}

}  // namespace jalon::jobs
