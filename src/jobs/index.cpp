#include "jobs/index.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "referentials/referentials.h"

namespace jalon::jobs {

namespace {
constexpr double kKmPerDegree = 111.2;  // a degree of latitude; slightly more than the mean
}

Index::Index(const Weights& w) : w_(w) {
  const auto& rome = referentials::rome();
  const auto& occupations = rome.occupations();
  if (occupations.empty()) throw std::logic_error("jobs::Index: the ROME referential is not loaded");
  if (occupations.size() > 65535) throw std::logic_error("jobs::Index: too many occupations");
  first_occupation_ = occupations.data();
  near_.resize(occupations.size());
  near_reverse_.resize(occupations.size());
  for (std::size_t i = 0; i < occupations.size(); ++i) {
    auto& n = near_[i];
    n.push_back(static_cast<std::uint16_t>(i));
    for (const auto& m : rome.mobility(occupations[i])) n.push_back(static_cast<std::uint16_t>(m.target - first_occupation_));
    for (const auto* o : rome.in_domain(*occupations[i].domain)) n.push_back(static_cast<std::uint16_t>(o - first_occupation_));
    std::sort(n.begin(), n.end());
    n.erase(std::unique(n.begin(), n.end()), n.end());
    for (auto j : n) near_reverse_[j].push_back(static_cast<std::uint16_t>(i));
  }
  offers_by_occupation_.resize(occupations.size());
  candidates_by_occupation_.resize(occupations.size());
}

std::uint16_t Index::occupation_number(const referentials::JobTitle* t) const {
  if (!t || !t->occupation) throw std::invalid_argument("jobs::Index: a job title is required");
  return static_cast<std::uint16_t>(t->occupation - first_occupation_);
}

void Index::insert(List& l, Entry e) {
  auto it = std::upper_bound(l.begin(), l.end(), e.latitude, [](float lat, const Entry& x) { return lat < x.latitude; });
  l.insert(it, e);
}

void Index::erase(List& l, std::uint32_t slot, float latitude) {
  auto it = std::lower_bound(l.begin(), l.end(), latitude, [](const Entry& x, float lat) { return x.latitude < lat; });
  for (; it != l.end() && it->latitude == latitude; ++it)
    if (it->slot == slot) {
      l.erase(it);
      return;
    }
}

template <typename F>
void Index::band(const List& l, double lat, double lon, double radius_km, F&& f) {
  // Latitude band by binary search; longitude checked before the exact distance (in match()).
  double dlat = radius_km / kKmPerDegree + 1e-4;
  double coslat = std::cos(std::min(89.0, std::abs(lat) + dlat) * M_PI / 180.0);
  double dlon = coslat > 1e-6 ? dlat / coslat : 360;
  auto lo = std::lower_bound(l.begin(), l.end(), static_cast<float>(lat - dlat), [](const Entry& x, float v) { return x.latitude < v; });
  float hi = static_cast<float>(lat + dlat);
  for (auto it = lo; it != l.end() && it->latitude <= hi; ++it)
    if (std::abs(it->longitude - lon) <= dlon) f(it->slot);
}

void Index::put(Offer o) {
  std::uint16_t occ = occupation_number(o.title);
  remove_offer(o.id);
  if (!o.open) return;  // closed offers are never matched: not kept
  std::uint32_t slot;
  if (!free_offers_.empty()) {
    slot = free_offers_.back();
    free_offers_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(offers_.size());
    offers_.emplace_back();
  }
  insert(offers_by_occupation_[occ], {static_cast<float>(o.latitude), static_cast<float>(o.longitude), slot});
  offer_slot_[o.id] = slot;
  offers_[slot] = std::move(o);
}

void Index::put(Candidate c) {
  if (c.wanted.empty()) throw std::invalid_argument("jobs::Index: a candidate needs a wanted job title");
  for (const auto* t : c.wanted) occupation_number(t);
  remove_candidate(c.id);
  std::uint32_t slot;
  if (!free_candidates_.empty()) {
    slot = free_candidates_.back();
    free_candidates_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(candidates_.size());
    candidates_.emplace_back();
  }
  std::vector<std::uint16_t> occs;
  for (const auto* t : c.wanted) occs.push_back(occupation_number(t));
  std::sort(occs.begin(), occs.end());
  occs.erase(std::unique(occs.begin(), occs.end()), occs.end());
  for (auto occ : occs) insert(candidates_by_occupation_[occ], {static_cast<float>(c.latitude), static_cast<float>(c.longitude), slot});
  max_candidate_radius_ = std::max(max_candidate_radius_, c.radius_km);
  candidate_slot_[c.id] = slot;
  candidates_[slot] = std::move(c);
}

void Index::remove_offer(long long id) {
  auto it = offer_slot_.find(id);
  if (it == offer_slot_.end()) return;
  std::uint32_t slot = it->second;
  Offer& o = offers_[slot];
  erase(offers_by_occupation_[occupation_number(o.title)], slot, static_cast<float>(o.latitude));
  o = Offer{};
  free_offers_.push_back(slot);
  offer_slot_.erase(it);
}

void Index::remove_candidate(long long id) {
  auto it = candidate_slot_.find(id);
  if (it == candidate_slot_.end()) return;
  std::uint32_t slot = it->second;
  Candidate& c = candidates_[slot];
  for (const auto* t : c.wanted) erase(candidates_by_occupation_[occupation_number(t)], slot, static_cast<float>(c.latitude));
  c = Candidate{};
  free_candidates_.push_back(slot);
  candidate_slot_.erase(it);
}

const Offer* Index::offer(long long id) const {
  auto it = offer_slot_.find(id);
  return it == offer_slot_.end() ? nullptr : &offers_[it->second];
}
const Candidate* Index::candidate(long long id) const {
  auto it = candidate_slot_.find(id);
  return it == candidate_slot_.end() ? nullptr : &candidates_[it->second];
}

namespace {
// Keeps the best `n` of what it is given, best first at the end.
template <typename Hit>
void keep_best(std::vector<Hit>& hits, std::size_t n) {
  auto cmp = [](const Hit& a, const Hit& b) { return better(a.match, b.match); };
  if (hits.size() > n) {
    std::nth_element(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end(), cmp);
    hits.resize(n);
  }
  std::sort(hits.begin(), hits.end(), cmp);
}
template <typename Hit>
std::vector<Hit> page(std::vector<Hit> hits, std::size_t limit, std::size_t offset) {
  keep_best(hits, offset + limit);
  if (offset >= hits.size()) return {};
  return std::vector<Hit>(hits.begin() + static_cast<std::ptrdiff_t>(offset), hits.end());
}
}  // namespace

std::vector<OfferHit> Index::offers_for(const Candidate& c, std::size_t limit, std::size_t offset) const {
  std::vector<std::uint16_t> occs;
  for (const auto* t : c.wanted) {
    const auto& n = near_[occupation_number(t)];
    occs.insert(occs.end(), n.begin(), n.end());
  }
  std::sort(occs.begin(), occs.end());
  occs.erase(std::unique(occs.begin(), occs.end()), occs.end());
  std::vector<OfferHit> hits;
  for (auto occ : occs)
    band(offers_by_occupation_[occ], c.latitude, c.longitude, c.radius_km, [&](std::uint32_t slot) {
      const Offer& o = offers_[slot];
      if (auto m = match(c, o, w_)) hits.push_back({o.id, *m});
    });
  return page(std::move(hits), limit, offset);
}

std::vector<CandidateHit> Index::candidates_for(const Offer& o, std::size_t limit, std::size_t offset) const {
  std::vector<CandidateHit> hits;
  if (!o.open) return hits;
  double radius = max_candidate_radius_;
  if (o.max_distance_km) radius = std::min(radius, *o.max_distance_km);
  // A candidate wanting several related occupations is met in several lists: score it once.
  std::vector<std::uint32_t> seen;
  for (auto occ : near_reverse_[occupation_number(o.title)])
    band(candidates_by_occupation_[occ], o.latitude, o.longitude, radius, [&](std::uint32_t slot) {
      const Candidate& c = candidates_[slot];
      if (c.wanted.size() > 1) {
        if (std::find(seen.begin(), seen.end(), slot) != seen.end()) return;
        seen.push_back(slot);
      }
      if (auto m = match(c, o, w_)) hits.push_back({c.id, *m});
    });
  return page(std::move(hits), limit, offset);
}

std::size_t Index::memory_bytes() const {
  std::size_t n = sizeof(*this);
  n += offers_.capacity() * sizeof(Offer) + candidates_.capacity() * sizeof(Candidate);
  for (const auto& o : offers_) n += o.skills.capacity() * sizeof(OfferSkill);
  for (const auto& c : candidates_) n += c.skills.capacity() * sizeof(std::uint32_t) + c.wanted.capacity() * sizeof(void*);
  for (const auto& l : offers_by_occupation_) n += l.capacity() * sizeof(Entry);
  for (const auto& l : candidates_by_occupation_) n += l.capacity() * sizeof(Entry);
  for (const auto& v : near_) n += v.capacity() * 2;
  for (const auto& v : near_reverse_) n += v.capacity() * 2;
  // Hash maps: a node (key, value, next) and a bucket per element, roughly.
  n += (offer_slot_.size() + candidate_slot_.size()) * (sizeof(long long) + 4 + 2 * sizeof(void*));
  n += (offer_slot_.bucket_count() + candidate_slot_.bucket_count()) * sizeof(void*);
  n += (free_offers_.capacity() + free_candidates_.capacity()) * 4;
  return n;
}

}  // namespace jalon::jobs
