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

namespace {
// Entries are ordered by latitude row, then longitude: a query reads a few short longitude
// ranges (one per row its radius crosses) rather than a whole latitude band across the country.
constexpr double kRowDegrees = 0.2;
int row_of(double latitude) { return static_cast<int>(std::floor((latitude + 90.0) / kRowDegrees)); }
struct Key {
  int row;
  float lon;
};
bool before(const Key& a, const Key& b) { return a.row != b.row ? a.row < b.row : a.lon < b.lon; }
}  // namespace

void Index::insert(List& l, Entry e) {
  e.row = row_of(e.latitude);
  Key k{e.row, e.longitude};
  auto it = std::upper_bound(l.begin(), l.end(), k, [](const Key& a, const Entry& x) { return before(a, {x.row, x.longitude}); });
  l.insert(it, e);
}

void Index::erase(List& l, std::uint32_t slot, float latitude, float longitude) {
  Key k{row_of(latitude), longitude};
  auto it = std::lower_bound(l.begin(), l.end(), k, [](const Entry& x, const Key& a) { return before({x.row, x.longitude}, a); });
  for (; it != l.end() && it->row == k.row && it->longitude == longitude; ++it)
    if (it->slot == slot) {
      l.erase(it);
      return;
    }
}

template <typename F>
void Index::band(const List& l, double lat, double lon, double radius_km, F&& f) {
  // The rows the radius crosses; in each, the longitude range by binary search; then the
  // latitude itself. The exact distance is match()'s.
  double dlat = radius_km / kKmPerDegree + 1e-4;
  double coslat = std::cos(std::min(89.0, std::abs(lat) + dlat) * M_PI / 180.0);
  double dlon = coslat > 1e-6 ? dlat / coslat : 360;
  const float lo_lon = static_cast<float>(lon - dlon), hi_lon = static_cast<float>(lon + dlon);
  const float lo_lat = static_cast<float>(lat - dlat), hi_lat = static_cast<float>(lat + dlat);
  for (int row = row_of(lat - dlat), last = row_of(lat + dlat); row <= last; ++row) {
    Key k{row, lo_lon};
    auto it = std::lower_bound(l.begin(), l.end(), k, [](const Entry& x, const Key& a) { return before({x.row, x.longitude}, a); });
    for (; it != l.end() && it->row == row && it->longitude <= hi_lon; ++it)
      if (it->latitude >= lo_lat && it->latitude <= hi_lat) f(it->slot);
  }
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
  insert(offers_by_occupation_[occ], {static_cast<float>(o.latitude), static_cast<float>(o.longitude), slot, 0});
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
  for (auto occ : occs) insert(candidates_by_occupation_[occ], {static_cast<float>(c.latitude), static_cast<float>(c.longitude), slot, 0});
  max_candidate_radius_ = std::max(max_candidate_radius_, c.radius_km);
  candidate_slot_[c.id] = slot;
  candidates_[slot] = std::move(c);
}

void Index::remove_offer(long long id) {
  auto it = offer_slot_.find(id);
  if (it == offer_slot_.end()) return;
  std::uint32_t slot = it->second;
  Offer& o = offers_[slot];
  erase(offers_by_occupation_[occupation_number(o.title)], slot, static_cast<float>(o.latitude), static_cast<float>(o.longitude));
  o = Offer{};
  free_offers_.push_back(slot);
  offer_slot_.erase(it);
}

void Index::remove_candidate(long long id) {
  auto it = candidate_slot_.find(id);
  if (it == candidate_slot_.end()) return;
  std::uint32_t slot = it->second;
  Candidate& c = candidates_[slot];
  std::vector<std::uint16_t> occs;
  for (const auto* t : c.wanted) occs.push_back(occupation_number(t));
  std::sort(occs.begin(), occs.end());
  occs.erase(std::unique(occs.begin(), occs.end()), occs.end());
  for (auto occ : occs) erase(candidates_by_occupation_[occ], slot, static_cast<float>(c.latitude), static_cast<float>(c.longitude));
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
  const auto* occupations = first_occupation_;
  for (auto occ : occs) {
    // The link to this occupation's offers, known once for the list (best_link's answer for every
    // offer whose title the candidate does not name; those that it names are the same title).
    const auto& target = occupations[occ];
    JobLink shared = JobLink::none;
    const referentials::JobTitle* shared_via = nullptr;
    for (const auto* t : c.wanted) {
      JobLink l = t->occupation == &target ? JobLink::same_occupation
                  : t->occupation->domain == target.domain ? JobLink::same_domain
                                                          : JobLink::none;
      if (l < JobLink::mobility)
        for (const auto& m : referentials::rome().mobility(*t->occupation))
          if (m.target == &target) l = JobLink::mobility;
      if (l > shared) {
        shared = l;
        shared_via = t;
      }
    }
    band(offers_by_occupation_[occ], c.latitude, c.longitude, c.radius_km, [&](std::uint32_t slot) {
      const Offer& o = offers_[slot];
      JobLink l = shared;
      const referentials::JobTitle* via = shared_via;
      for (const auto* t : c.wanted)
        if (t == o.title) {
          l = JobLink::same_title;
          via = t;
          break;
        }
      if (auto m = match_linked(c, o, l, via, w_)) hits.push_back({o.id, *m});
    });
  }
  return page(std::move(hits), limit, offset);
}

std::vector<CandidateHit> Index::candidates_for(const Offer& o, std::size_t limit, std::size_t offset) const {
  std::vector<CandidateHit> hits;
  if (!o.open) return hits;
  double radius = max_candidate_radius_;
  if (o.max_distance_km) radius = std::min(radius, *o.max_distance_km);
  // A candidate wanting several related occupations is met in several lists: it is scored in the
  // list of the lowest-numbered one only.
  const auto& lists = near_reverse_[occupation_number(o.title)];
  std::vector<std::uint8_t> listed(near_.size(), 0);
  for (auto occ : lists) listed[occ] = 1;
  for (auto occ : lists)
    band(candidates_by_occupation_[occ], o.latitude, o.longitude, radius, [&](std::uint32_t slot) {
      const Candidate& c = candidates_[slot];
      if (c.wanted.size() > 1)
        for (const auto* t : c.wanted) {
          auto other = static_cast<std::uint16_t>(t->occupation - first_occupation_);
          if (other < occ && listed[other]) return;
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
