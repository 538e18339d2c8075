#include "jobs/index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "base/geo.h"
#include "referentials/referentials.h"

namespace jalon::jobs {

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

constexpr double kRadians = M_PI / 180.0;
struct Unit {
  double x, y, z;
};
Unit unit(double lat, double lon) {
  double p = lat * kRadians, l = lon * kRadians;
  return {std::cos(p) * std::cos(l), std::cos(p) * std::sin(l), std::sin(p)};
}
// A lower bound of geo::distance_km between the query and an entry: the chord between their unit
// vectors is never longer than the arc (2 sin(θ/2) <= θ, under 1e-6 relative at 30 km), less what
// the entry's float coordinates (2^-24 per component: 0.7 m on the Earth) and rounding can cost.
constexpr double kChordSlackKm = 0.002;
template <typename E>
double distance_at_least(const Unit& q, const E& e) {
  double dx = q.x - e.x, dy = q.y - e.y, dz = q.z - e.z;
  return std::sqrt(dx * dx + dy * dy + dz * dz) * geo::kEarthRadiusKm - kChordSlackKm;
}
// Bounds use floats for hours, radii and penalties: 1e-6 of score covers their rounding many times
// over; an entry is skipped only when its bound is below the current k-th score by more than that.
constexpr double kScoreSlack = 1e-6;

double job_value(JobLink l, const Weights& w) {
  switch (l) {
    case JobLink::same_title: return w.same_title;
    case JobLink::same_occupation: return w.same_occupation;
    case JobLink::mobility: return w.mobility;
    case JobLink::same_domain: return w.same_domain;
    case JobLink::none: break;
  }
  return 0;
}
double hours_value(double hours, double min_hours, double max_hours, const Weights& w) {
  double outside = hours < min_hours ? min_hours - hours : hours > max_hours ? hours - max_hours : 0;
  return std::max(0.0, 1 - outside * w.hours_step);
}
double penalty_of(const Offer& o, const Weights& w) {  // as match_linked
  double threshold = std::max(1, o.positions) * w.flood_ratio;
  double excess = std::max(0.0, o.pending_applications - threshold) / threshold;
  return std::min(w.flood_cap, excess * w.flood_penalty);
}

// The best `k` hits seen, the worst on top of a heap: what a new entry's bound must beat.
template <typename Hit>
class Best {
 public:
  explicit Best(std::size_t k) : k_(k) { hits_.reserve(std::min<std::size_t>(k, 256)); }
  bool full() const { return hits_.size() >= k_; }
  // Whether a score up to `bound` could still enter.
  bool may_enter(double bound) const { return !full() || bound >= hits_.front().match.score - kScoreSlack; }
  void offer(Hit h) {
    auto worse = [](const Hit& a, const Hit& b) { return better(a.match, b.match); };
    if (!full()) {
      hits_.push_back(std::move(h));
      std::push_heap(hits_.begin(), hits_.end(), worse);
    } else if (better(h.match, hits_.front().match)) {
      std::pop_heap(hits_.begin(), hits_.end(), worse);
      hits_.back() = std::move(h);
      std::push_heap(hits_.begin(), hits_.end(), worse);
    }
  }
  std::vector<Hit> page(std::size_t offset) && {
    std::sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) { return better(a.match, b.match); });
    if (offset >= hits_.size()) return {};
    hits_.erase(hits_.begin(), hits_.begin() + static_cast<std::ptrdiff_t>(offset));
    return std::move(hits_);
  }

 private:
  std::size_t k_;
  std::vector<Hit> hits_;
};
}  // namespace

template <typename E>
void Index::insert(List<E>& l, double latitude, double longitude, const E& e) {
  const int row = row_of(latitude);
  if (l.start.empty()) {
    l.row0 = row;
    l.start = {0, 0};
  } else if (row < l.row0) {
    l.start.insert(l.start.begin(), static_cast<std::size_t>(l.row0 - row), 0);
    l.row0 = row;
  } else if (row >= l.row0 + static_cast<int>(l.start.size()) - 1) {
    const std::uint32_t size = l.start.back();
    l.start.resize(static_cast<std::size_t>(row - l.row0 + 2), size);
  }
  const auto r = static_cast<std::size_t>(row - l.row0);
  const float lon = static_cast<float>(longitude);
  auto at = std::upper_bound(l.lon.begin() + l.start[r], l.lon.begin() + l.start[r + 1], lon) - l.lon.begin();
  l.lon.insert(l.lon.begin() + at, lon);
  l.entries.insert(l.entries.begin() + at, e);
  for (std::size_t i = r + 1; i < l.start.size(); ++i) ++l.start[i];
}

template <typename E>
void Index::erase(List<E>& l, std::uint32_t slot, double latitude, double longitude) {
  const int row = row_of(latitude);
  if (l.start.empty() || row < l.row0 || row >= l.row0 + static_cast<int>(l.start.size()) - 1) return;
  const auto r = static_cast<std::size_t>(row - l.row0);
  const float lon = static_cast<float>(longitude);
  auto i = std::lower_bound(l.lon.begin() + l.start[r], l.lon.begin() + l.start[r + 1], lon) - l.lon.begin();
  for (; i < l.start[r + 1] && l.lon[i] == lon; ++i)
    if (l.entries[i].slot == slot) {
      l.lon.erase(l.lon.begin() + i);
      l.entries.erase(l.entries.begin() + i);
      for (std::size_t k = r + 1; k < l.start.size(); ++k) --l.start[k];
      return;
    }
}

template <typename E, typename F>
void Index::band(const List<E>& l, double lat, double lon, double radius_km, F&& f) {
  // The rows the radius crosses, from the query's outwards (near entries first raise the k-th
  // score sooner); in each, the longitude range(s) by binary search. The distance is checked by the
  // caller.
  if (l.start.empty()) return;
  // Float rounding is monotonic, so an entry whose longitude is inside the box is inside the
  // box's bounds rounded to floats.
  const geo::Box box = geo::bounding_box(lat, lon, radius_km);
  float ranges[2][2] = {{static_cast<float>(box.min_lon), static_cast<float>(box.max_lon)}, {0, 0}};
  int n_ranges = 1;
  if (box.wraps()) {  // across the ±180 meridian
    ranges[0][1] = 180;
    ranges[1][0] = -180, ranges[1][1] = static_cast<float>(box.max_lon);
    n_ranges = 2;
  }
  const int first = std::max(row_of(box.min_lat), l.row0);
  const int last = std::min(row_of(box.max_lat), l.row0 + static_cast<int>(l.start.size()) - 2);
  if (first > last) return;
  const int centre = std::clamp(row_of(lat), first, last);
  auto scan = [&](int row) {
    const auto r = static_cast<std::size_t>(row - l.row0);
    const float* begin = l.lon.data() + l.start[r];
    const float* end = l.lon.data() + l.start[r + 1];
    for (int k = 0; k < n_ranges; ++k) {
      const float* it = std::lower_bound(begin, end, ranges[k][0]);
      for (; it != end && *it <= ranges[k][1]; ++it) f(l.entries[static_cast<std::size_t>(it - l.lon.data())]);
    }
  };
  scan(centre);
  for (int d = 1; centre - d >= first || centre + d <= last; ++d) {
    if (centre - d >= first) scan(centre - d);
    if (centre + d <= last) scan(centre + d);
  }
}

Index::OfferEntry Index::offer_entry(const Offer& o, std::uint32_t slot) const {
  Unit u = unit(o.latitude, o.longitude);
  OfferEntry e{};
  e.x = static_cast<float>(u.x), e.y = static_cast<float>(u.y), e.z = static_cast<float>(u.z);
  e.slot = slot;
  e.title = o.title->code;
  e.max_km = o.max_distance_km ? static_cast<float>(*o.max_distance_km) : std::numeric_limits<float>::infinity();
  e.hours = static_cast<float>(o.hours);
  e.penalty = static_cast<float>(penalty_of(o, w_));
  e.contract = static_cast<std::uint8_t>(o.contract);
  e.flags = static_cast<std::uint8_t>((o.licence_required ? kLicence : 0) | (o.iae_reserved ? kIae : 0));
  return e;
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
  insert(offers_by_occupation_[occ], o.latitude, o.longitude, offer_entry(o, slot));
  offer_slot_[o.id] = slot;
  offers_[slot] = std::move(o);
}

namespace {
std::vector<std::uint16_t> distinct(std::vector<std::uint16_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}
}  // namespace

void Index::put(Candidate c) {
  if (c.wanted.empty()) throw std::invalid_argument("jobs::Index: a candidate needs a wanted job title");
  std::vector<std::uint16_t> occs;
  for (const auto* t : c.wanted) occs.push_back(occupation_number(t));
  occs = distinct(std::move(occs));
  remove_candidate(c.id);
  std::uint32_t slot;
  if (!free_candidates_.empty()) {
    slot = free_candidates_.back();
    free_candidates_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(candidates_.size());
    candidates_.emplace_back();
  }
  Unit u = unit(c.latitude, c.longitude);
  CandidateEntry e{};
  e.x = static_cast<float>(u.x), e.y = static_cast<float>(u.y), e.z = static_cast<float>(u.z);
  e.slot = slot;
  e.radius = static_cast<float>(c.radius_km);
  e.min_hours = static_cast<float>(c.min_hours);
  e.max_hours = static_cast<float>(c.max_hours);
  // Bits beyond the six contracts are dropped: the bound then counts the contract part as met,
  // which can only be higher than the score.
  e.contracts = static_cast<std::uint8_t>(c.contracts & 0xFF);
  e.flags = static_cast<std::uint8_t>((c.licence ? kLicence : 0) | (c.iae_eligible ? kIae : 0) | (occs.size() > 3 ? kMany : 0));
  for (auto occ : occs) {
    std::size_t n = 0;
    e.others[0] = e.others[1] = kNone;
    for (auto other : occs)
      if (other != occ && n < 2) e.others[n++] = other;
    insert(candidates_by_occupation_[occ], c.latitude, c.longitude, e);
  }
  max_candidate_radius_ = std::max(max_candidate_radius_, c.radius_km);
  candidate_slot_[c.id] = slot;
  candidates_[slot] = std::move(c);
}

void Index::remove_offer(long long id) {
  auto it = offer_slot_.find(id);
  if (it == offer_slot_.end()) return;
  std::uint32_t slot = it->second;
  Offer& o = offers_[slot];
  erase(offers_by_occupation_[occupation_number(o.title)], slot, o.latitude, o.longitude);
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
  for (auto occ : distinct(std::move(occs))) erase(candidates_by_occupation_[occ], slot, c.latitude, c.longitude);
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

std::vector<OfferHit> Index::offers_for(const Candidate& c, std::size_t limit, std::size_t offset, const Keep* keep) const {
  const std::size_t k = offset + limit;
  if (limit == 0 || k < limit) return {};
  // The lists to read, each with the link shared by its offers (best_link's answer for every
  // offer whose title the candidate does not name; those it names are the same title) and the
  // best score any of its offers can reach (the job part is the list's; the others at most 1).
  struct Look {
    std::uint16_t occ;
    JobLink shared;
    const referentials::JobTitle* via;
    double bound;
  };
  std::vector<std::uint16_t> occs;
  for (const auto* t : c.wanted) {
    const auto& n = near_[occupation_number(t)];
    occs.insert(occs.end(), n.begin(), n.end());
  }
  occs = distinct(std::move(occs));
  const double rest = w_.skills + w_.distance + w_.contract + w_.hours;
  std::vector<Look> looks;
  looks.reserve(occs.size());
  for (auto occ : occs) {
    const auto& target = first_occupation_[occ];
    Look look{occ, JobLink::none, nullptr, 0};
    for (const auto* t : c.wanted) {
      JobLink l = t->occupation == &target ? JobLink::same_occupation
                  : t->occupation->domain == target.domain ? JobLink::same_domain
                                                          : JobLink::none;
      if (l < JobLink::mobility)
        for (const auto& m : referentials::rome().mobility(*t->occupation))
          if (m.target == &target) l = JobLink::mobility;
      if (l > look.shared) {
        look.shared = l;
        look.via = t;
      }
    }
    look.bound = w_.job * job_value(look.shared == JobLink::same_occupation ? JobLink::same_title : look.shared, w_) + rest;
    looks.push_back(look);
  }
  // Best lists first: once the k-th score is above a list's bound, that list and the rest are skipped.
  std::stable_sort(looks.begin(), looks.end(), [](const Look& a, const Look& b) { return a.bound > b.bound; });

  const Unit q = unit(c.latitude, c.longitude);
  const std::uint8_t refused = static_cast<std::uint8_t>((c.licence ? 0 : kLicence) | (c.iae_eligible ? 0 : kIae));
  Best<OfferHit> best(k);
  for (const auto& look : looks) {
    if (!best.may_enter(look.bound)) break;
    const double job_shared = w_.job * job_value(look.shared, w_);
    const double job_title = w_.job * w_.same_title;
    band(offers_by_occupation_[look.occ], c.latitude, c.longitude, c.radius_km, [&](const OfferEntry& e) {
      if (e.flags & refused) return;
      const double radius = std::min(c.radius_km, static_cast<double>(e.max_km));
      const double d = distance_at_least(q, e);
      if (d > radius) return;
      bool same_title = false;
      if (look.shared == JobLink::same_occupation)
        for (const auto* t : c.wanted)
          if (t->code == e.title) same_title = true;
      const double contract = (c.contracts == 0 || (c.contracts & (1u << e.contract))) ? 1 : 0;
      const double bound = (same_title ? job_title : job_shared) + w_.skills + w_.distance * (radius > 0 ? 1 - std::max(d, 0.0) / radius : 1) +
                           w_.contract * contract + w_.hours * hours_value(e.hours, c.min_hours, c.max_hours, w_) - e.penalty;
      if (!best.may_enter(bound)) return;
      const Offer& o = offers_[e.slot];
      if (keep && !(*keep)(o.id)) return;
      JobLink l = look.shared;
      const referentials::JobTitle* via = look.via;
      if (same_title)
        for (const auto* t : c.wanted)
          if (t == o.title) {
            l = JobLink::same_title;
            via = t;
            break;
          }
      if (auto m = match_linked(c, o, l, via, w_)) best.offer({o.id, *m});
    });
  }
  return std::move(best).page(offset);
}

std::vector<CandidateHit> Index::candidates_for(const Offer& o, std::size_t limit, std::size_t offset, const Keep* keep) const {
  const std::size_t k = offset + limit;
  if (!o.open || limit == 0 || k < limit) return {};
  const std::uint16_t mine = occupation_number(o.title);
  const auto& target = first_occupation_[mine];
  double radius = max_candidate_radius_;
  if (o.max_distance_km) radius = std::min(radius, *o.max_distance_km);
  // The lists of the occupations whose candidates may match (sorted by number), each with its link
  // to the offer's occupation. A candidate wanting several of them is scored in the list with the
  // best link only (the lowest number among equals): there its job part is at most the list's, so
  // the list's bound holds for it.
  const auto& lists = near_reverse_[mine];
  std::vector<JobLink> links(lists.size());
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto& from = first_occupation_[lists[i]];
    JobLink l = lists[i] == mine ? JobLink::same_occupation : from.domain == target.domain ? JobLink::same_domain : JobLink::none;
    for (const auto& m : referentials::rome().mobility(from))
      if (m.target == &target && l < JobLink::mobility) l = JobLink::mobility;
    links[i] = l;
  }
  auto link_of = [&](std::uint16_t occ) {
    auto it = std::lower_bound(lists.begin(), lists.end(), occ);
    return it != lists.end() && *it == occ ? links[static_cast<std::size_t>(it - lists.begin())] : JobLink::none;
  };
  // Whether `occ` (link l) goes before `other` for this offer.
  auto first = [&](std::uint16_t occ, JobLink l, std::uint16_t other) {
    JobLink lo = link_of(other);
    return l != lo ? l > lo : occ < other;
  };
  const double penalty = penalty_of(o, w_);
  const double rest = w_.skills + w_.distance + w_.contract + w_.hours - penalty;
  std::vector<std::pair<double, std::size_t>> order;  // (bound, position in lists)
  order.reserve(lists.size());
  for (std::size_t i = 0; i < lists.size(); ++i)
    order.push_back({w_.job * job_value(lists[i] == mine ? JobLink::same_title : links[i], w_) + rest, i});
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });

  const Unit q = unit(o.latitude, o.longitude);
  const std::uint8_t needed = static_cast<std::uint8_t>((o.licence_required ? kLicence : 0) | (o.iae_reserved ? kIae : 0));
  const double max_km = o.max_distance_km ? *o.max_distance_km : std::numeric_limits<double>::infinity();
  const unsigned contract_bit = 1u << static_cast<int>(o.contract);
  Best<CandidateHit> best(k);
  for (const auto& [list_bound, i] : order) {
    if (!best.may_enter(list_bound)) break;
    const std::uint16_t occ = lists[i];
    const JobLink l = links[i];
    const double job = w_.job * job_value(occ == mine ? JobLink::same_title : l, w_);
    band(candidates_by_occupation_[occ], o.latitude, o.longitude, radius, [&](const CandidateEntry& e) {
      if ((e.flags & needed) != needed) return;
      const double r = std::min(static_cast<double>(e.radius), max_km);
      const double d = distance_at_least(q, e);
      if (d > r) return;
      if (e.flags & kMany) {
        for (const auto* t : candidates_[e.slot].wanted)
          if (t->occupation != &first_occupation_[occ] && !first(occ, l, occupation_number(t))) return;
      } else {
        for (auto other : e.others)
          if (other != kNone && !first(occ, l, other)) return;
      }
      const double contract = (e.contracts == 0 || (e.contracts & contract_bit)) ? 1 : 0;
      const double bound = job + w_.skills + w_.distance * (r > 0 ? 1 - std::max(d, 0.0) / r : 1) + w_.contract * contract +
                           w_.hours * hours_value(o.hours, e.min_hours, e.max_hours, w_) - penalty;
      if (!best.may_enter(bound)) return;
      const Candidate& c = candidates_[e.slot];
      if (keep && !(*keep)(c.id)) return;
      if (auto m = match(c, o, w_)) best.offer({c.id, *m});
    });
  }
  return std::move(best).page(offset);
}

std::size_t Index::memory_bytes() const {
  std::size_t n = sizeof(*this);
  n += offers_.capacity() * sizeof(Offer) + candidates_.capacity() * sizeof(Candidate);
  for (const auto& o : offers_) n += o.skills.capacity() * sizeof(OfferSkill);
  for (const auto& c : candidates_) n += c.skills.capacity() * sizeof(std::uint32_t) + c.wanted.capacity() * sizeof(void*);
  for (const auto& l : offers_by_occupation_) n += l.lon.capacity() * 4 + l.entries.capacity() * sizeof(OfferEntry) + l.start.capacity() * 4;
  for (const auto& l : candidates_by_occupation_)
    n += l.lon.capacity() * 4 + l.entries.capacity() * sizeof(CandidateEntry) + l.start.capacity() * 4;
  for (const auto& v : near_) n += v.capacity() * 2;
  for (const auto& v : near_reverse_) n += v.capacity() * 2;
  // Hash maps: a node (key, value, next) and a bucket per element, roughly.
  n += (offer_slot_.size() + candidate_slot_.size()) * (sizeof(long long) + 4 + 2 * sizeof(void*));
  n += (offer_slot_.bucket_count() + candidate_slot_.bucket_count()) * sizeof(void*);
  n += (free_offers_.capacity() + free_candidates_.capacity()) * 4;
  return n;
}

}  // namespace jalon::jobs
