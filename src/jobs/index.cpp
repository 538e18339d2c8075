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
    std::vector<std::uint16_t> n;
    n.push_back(static_cast<std::uint16_t>(i));
    for (const auto& m : rome.mobility(occupations[i])) n.push_back(static_cast<std::uint16_t>(m.target - first_occupation_));
    for (const auto* o : rome.in_domain(*occupations[i].domain)) n.push_back(static_cast<std::uint16_t>(o - first_occupation_));
    std::sort(n.begin(), n.end());
    n.erase(std::unique(n.begin(), n.end()), n.end());
    // The link as jobs::link finds it between two titles of these occupations (other than the same title).
    const auto& from = occupations[i];
    for (auto j : n) {
      const auto& to = occupations[j];
      JobLink l = &from == &to ? JobLink::same_occupation : JobLink::none;
      if (l == JobLink::none)
        for (const auto& m : rome.mobility(from))
          if (m.target == &to) l = JobLink::mobility;
      if (l == JobLink::none && from.domain == to.domain) l = JobLink::same_domain;
      near_[i].push_back({j, l});
      near_reverse_[j].push_back({static_cast<std::uint16_t>(i), l});
    }
  }
  const auto& domains = rome.domains();
  for (const auto& o : occupations) domain_of_.push_back(static_cast<std::uint16_t>(o.domain - domains.data()));
  offers_by_domain_.resize(domains.size());
  candidates_by_domain_.resize(domains.size());
}

std::uint16_t Index::occupation_number(const referentials::JobTitle* t) const {
  if (!t || !t->occupation) throw std::invalid_argument("jobs::Index: a job title is required");
  return static_cast<std::uint16_t>(t->occupation - first_occupation_);
}

namespace {
// Entries are grouped by latitude row, then longitude column: a query reads a few short runs
// (one per row its radius crosses) rather than a whole latitude band across the country.
constexpr double kRowDegrees = 0.2;
int row_of(double latitude) { return static_cast<int>(std::floor((latitude + 90.0) / kRowDegrees)); }
// Within a row, columns of 0.1° of longitude (8 km in France): a query reads whole columns, a
// little more than its box, without searching.
constexpr double kColumnDegrees = 0.1;
int column_of(double longitude) { return static_cast<int>(std::floor((longitude + 180.0) / kColumnDegrees)); }

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

// The signature hash of a skill code (8 bits; candidates' signatures use the low 7).
std::uint8_t skill_bit(std::uint32_t code) { return static_cast<std::uint8_t>((code * 0x9E3779B97F4A7C15ULL) >> 56); }
double skill_value(const OfferSkill& s, const Weights& w) {  // as match_linked
  return w.skill_weight[static_cast<int>(s.weight)] * (s.essential ? w.essential : w.nice);
}

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
// The best job part of a pair linked by `l`, or by the same title when `title_possible` (the weights
// file does not force same_title >= same_occupation: take the larger).
double job_bound(JobLink l, bool title_possible, const Weights& w) {
  return title_possible ? std::max(job_value(JobLink::same_title, w), job_value(l, w)) : job_value(l, w);
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
void Index::insert(List<E>& l, double latitude, double longitude, std::uint16_t key, const E& e) {
  const int row = row_of(latitude);
  if (l.rows.empty()) {
    l.row0 = row;
    l.rows.resize(1);
  } else if (row < l.row0) {
    l.rows.insert(l.rows.begin(), static_cast<std::size_t>(l.row0 - row), Row<E>{});
    l.row0 = row;
  } else if (row >= l.row0 + static_cast<int>(l.rows.size())) {
    l.rows.resize(static_cast<std::size_t>(row - l.row0 + 1));
  }
  Row<E>& r = l.rows[static_cast<std::size_t>(row - l.row0)];
  const int col = column_of(longitude);
  if (r.starts.empty()) {
    r.col0 = col;
    r.starts = {0, 0};
  } else if (col < r.col0) {
    r.starts.insert(r.starts.begin(), static_cast<std::size_t>(r.col0 - col), 0);
    r.col0 = col;
  } else if (col >= r.col0 + static_cast<int>(r.starts.size()) - 1) {
    const std::uint32_t size = r.starts.back();
    r.starts.resize(static_cast<std::size_t>(col - r.col0 + 2), size);
  }
  const auto c = static_cast<std::size_t>(col - r.col0);
  const std::uint32_t at = r.starts[c + 1];  // at the end of its column
  r.keys.insert(r.keys.begin() + at, key);
  r.entries.insert(r.entries.begin() + at, e);
  for (std::size_t i = c + 1; i < r.starts.size(); ++i) ++r.starts[i];
}

template <typename E>
void Index::erase(List<E>& l, std::uint32_t slot, double latitude, double longitude) {
  const int row = row_of(latitude);
  if (row < l.row0 || row >= l.row0 + static_cast<int>(l.rows.size())) return;
  Row<E>& r = l.rows[static_cast<std::size_t>(row - l.row0)];
  const int col = column_of(longitude);
  if (r.starts.empty() || col < r.col0 || col >= r.col0 + static_cast<int>(r.starts.size()) - 1) return;
  const auto c = static_cast<std::size_t>(col - r.col0);
  for (std::uint32_t i = r.starts[c]; i < r.starts[c + 1]; ++i)
    if (r.entries[i].slot == slot) {
      r.keys.erase(r.keys.begin() + i);
      r.entries.erase(r.entries.begin() + i);
      for (std::size_t k = c + 1; k < r.starts.size(); ++k) --r.starts[k];
      return;
    }
}

Index::Cells Index::cells_of(double lat, double lon, double radius_km) {
  const geo::Box box = geo::bounding_box(lat, lon, radius_km);
  Cells c{row_of(box.min_lat), row_of(box.max_lat), {{column_of(box.min_lon), column_of(box.max_lon)}, {0, -1}}};
  if (box.wraps()) {
    c.cols[0][1] = column_of(180);
    c.cols[1][0] = column_of(-180), c.cols[1][1] = column_of(box.max_lon);
  }
  return c;
}

template <typename E>
void Index::prefetch(const List<E>& l, const Cells& c) {
  const int first = std::max(c.first_row, l.row0), last = std::min(c.last_row, l.row0 + static_cast<int>(l.rows.size()) - 1);
  for (int row = first; row <= last; ++row) {
    const Row<E>& r = l.rows[static_cast<std::size_t>(row - l.row0)];
    const int lo = std::clamp(c.cols[0][0] - r.col0, 0, std::max(static_cast<int>(r.starts.size()) - 1, 0));
    __builtin_prefetch(r.starts.data() + lo);
  }
}

template <typename E>
void Index::runs(const List<E>& l, const Cells& c, std::vector<Run<E>>& out) {
  const int first = std::max(c.first_row, l.row0), last = std::min(c.last_row, l.row0 + static_cast<int>(l.rows.size()) - 1);
  for (int row = first; row <= last; ++row) {
    const Row<E>& r = l.rows[static_cast<std::size_t>(row - l.row0)];
    const int n = static_cast<int>(r.starts.size()) - 1;
    for (const auto& range : c.cols) {
      const int lo = std::max(range[0] - r.col0, 0), hi = std::min(range[1] - r.col0, n - 1);
      if (lo > hi) continue;
      const std::uint32_t begin = r.starts[static_cast<std::size_t>(lo)], end = r.starts[static_cast<std::size_t>(hi) + 1];
      if (begin == end) continue;
      __builtin_prefetch(r.keys.data() + begin);
      __builtin_prefetch(r.entries.data() + begin);
      out.push_back({r.keys.data() + begin, r.entries.data() + begin, end - begin});
    }
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
  double asked = 0;
  std::vector<std::pair<double, std::uint32_t>> shares;
  for (const auto& k : o.skills) {
    asked += skill_value(k, w_);
    shares.push_back({skill_value(k, w_), k.code});
  }
  std::sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < 8 && i < shares.size() && asked > 0; ++i) {
    e.skill_bit[i] = skill_bit(shares[i].second);
    e.skill_share[i] = static_cast<std::uint8_t>(std::floor(shares[i].first / asked * 255));
  }
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
  insert(offers_by_domain_[domain_of_[occ]], o.latitude, o.longitude, occ, offer_entry(o, slot));
  offer_slot_[o.id] = slot;
  offers_[slot] = std::move(o);
}

std::vector<std::uint16_t> Index::occupations_of(const Candidate& c) const {
  std::vector<std::uint16_t> occs;
  for (const auto* t : c.wanted) occs.push_back(occupation_number(t));
  std::sort(occs.begin(), occs.end());
  occs.erase(std::unique(occs.begin(), occs.end()), occs.end());
  return occs;
}

void Index::put(Candidate c) {
  if (c.wanted.empty()) throw std::invalid_argument("jobs::Index: a candidate needs a wanted job title");
  std::vector<std::uint16_t> occs = occupations_of(c);
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
  for (std::size_t i = 0; i < 3; ++i) e.occupations[i] = i < occs.size() ? occs[i] : kNone;
  // Bits beyond the six contracts are dropped: the bound then counts the contract part as met,
  // which can only be higher than the score.
  e.contracts = static_cast<std::uint8_t>(c.contracts & 0xFF);
  e.flags = static_cast<std::uint8_t>((c.licence ? kLicence : 0) | (c.iae_eligible ? kIae : 0) | (occs.size() > 3 ? kMany : 0));
  for (auto code : c.skills) {
    const unsigned b = skill_bit(code) & 127u;
    e.skills[b >> 5] |= 1u << (b & 31);
  }
  std::vector<std::uint16_t> domains;
  for (auto occ : occs) domains.push_back(domain_of_[occ]);
  std::sort(domains.begin(), domains.end());
  domains.erase(std::unique(domains.begin(), domains.end()), domains.end());
  for (auto d : domains) {
    std::uint16_t key = kNone;  // the one wanted occupation of this domain, if one
    for (auto occ : occs)
      if (domain_of_[occ] == d) key = key == kNone ? occ : kNone - 1;
    insert(candidates_by_domain_[d], c.latitude, c.longitude, key == kNone - 1 ? kNone : key, e);
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
  erase(offers_by_domain_[domain_of_[occupation_number(o.title)]], slot, o.latitude, o.longitude);
  o = Offer{};
  free_offers_.push_back(slot);
  offer_slot_.erase(it);
}

void Index::remove_candidate(long long id) {
  auto it = candidate_slot_.find(id);
  if (it == candidate_slot_.end()) return;
  std::uint32_t slot = it->second;
  Candidate& c = candidates_[slot];
  std::vector<std::uint16_t> domains;
  for (auto occ : occupations_of(c)) domains.push_back(domain_of_[occ]);
  std::sort(domains.begin(), domains.end());
  domains.erase(std::unique(domains.begin(), domains.end()), domains.end());
  for (auto d : domains) erase(candidates_by_domain_[d], slot, c.latitude, c.longitude);
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
// The domains to read, best bound first: once the k-th score is above a domain's bound, that
// domain and the rest are skipped.
struct DomainLook {
  std::uint16_t domain;
  double bound;
};
void add_domain(std::vector<DomainLook>& v, std::uint16_t domain, double bound) {
  for (auto& d : v)
    if (d.domain == domain) {
      d.bound = std::max(d.bound, bound);
      return;
    }
  v.push_back({domain, bound});
}
// Entries that passed the filters, with their bound, scored best bound first (a heap) once no
// later domain can beat them: the exact scoring (jobs::match) is the costly part, and in this
// order it stops at the first bound below the k-th score.
struct Pending {
  double bound;
  std::uint32_t slot;
  std::uint16_t look;  // offers: the occupation's Look
  bool same_title;     // offers: the candidate names the offer's title
};
class Queue {
 public:
  void push(const Pending& p) {
    heap_.push_back(p);
    std::push_heap(heap_.begin(), heap_.end(), less);
  }
  // Calls score(p) on the entries with a bound >= down_to, best first, while `may_enter` says
  // the bound can still enter; forgets all the rest when it cannot. Before scoring one, asks for
  // the next one's memory (`ahead`), which then arrives while this one is scored.
  template <typename May, typename Ahead, typename Score>
  void drain(double down_to, May&& may_enter, Ahead&& ahead, Score&& score) {
    while (!heap_.empty() && heap_.front().bound >= down_to) {
      if (!may_enter(heap_.front().bound)) {
        heap_.clear();
        return;
      }
      std::pop_heap(heap_.begin(), heap_.end(), less);
      Pending p = heap_.back();
      heap_.pop_back();
      if (!heap_.empty()) ahead(heap_.front());
      score(p);
    }
  }

 private:
  static bool less(const Pending& a, const Pending& b) { return a.bound < b.bound; }
  std::vector<Pending> heap_;
};

template <typename R, typename F>
void each(const std::vector<R>& runs, std::size_t from, std::size_t to, F&& f) {
  for (std::size_t i = from; i < to; ++i)
    for (std::uint32_t k = 0; k < runs[i].count; ++k) f(runs[i].keys[k], runs[i].entries[k]);
}

void best_first(std::vector<DomainLook>& v) {
  std::sort(v.begin(), v.end(), [](const DomainLook& a, const DomainLook& b) { return a.bound != b.bound ? a.bound > b.bound : a.domain < b.domain; });
}
}  // namespace

std::vector<OfferHit> Index::offers_for(const Candidate& c, std::size_t limit, std::size_t offset, const Keep* keep) const {
  const std::size_t k = offset + limit;
  if (limit == 0 || k < limit) return {};
  // The related occupations, each with the link shared by its offers (best_link's answer for every
  // offer whose title the candidate does not name; those it names are the same title) and the
  // best score any of its offers can reach (the job part is the occupation's; the others at most 1).
  struct Look {
    std::uint16_t occupation;
    JobLink shared;
    const referentials::JobTitle* via;
    double job, bound;
  };
  std::vector<Look> looks(1);  // looks[0]: unrelated
  std::vector<std::uint16_t> look_of(near_.size(), 0);
  for (const auto* t : c.wanted)
    for (const auto& [occ, l] : near_[occupation_number(t)]) {
      std::uint16_t& n = look_of[occ];
      if (!n) {
        n = static_cast<std::uint16_t>(looks.size());
        looks.push_back({occ, l, t, 0, 0});
      } else if (l > looks[n].shared) {
        looks[n].shared = l;
        looks[n].via = t;
      }
    }
  std::vector<DomainLook> domains;
  const double rest = w_.skills + w_.distance + w_.contract + w_.hours;
  for (std::size_t i = 1; i < looks.size(); ++i) {
    Look& look = looks[i];
    look.job = w_.job * job_value(look.shared, w_);
    look.bound = w_.job * job_bound(look.shared, look.shared == JobLink::same_occupation, w_) + rest;
    add_domain(domains, domain_of_[look.occupation], look.bound);
  }
  best_first(domains);

  std::uint64_t has[4] = {};  // the candidate's skill signature, 256 bits
  for (auto code : c.skills) has[skill_bit(code) >> 6] |= 1ull << (skill_bit(code) & 63);
  const Unit q = unit(c.latitude, c.longitude);
  const std::uint8_t refused = static_cast<std::uint8_t>((c.licence ? 0 : kLicence) | (c.iae_eligible ? 0 : kIae));
  const double job_title = w_.job * w_.same_title;  // exact: the entry names the title
  Best<OfferHit> best(k);
  Queue queue;
  auto may_enter = [&](double bound) { return best.may_enter(bound); };
  auto ahead = [&](const Pending& p) { __builtin_prefetch(&offers_[p.slot]); };
  auto score = [&](const Pending& p) {
    const Offer& o = offers_[p.slot];
    if (keep && !(*keep)(o.id)) return;
    const Look& look = looks[p.look];
    JobLink l = look.shared;
    const referentials::JobTitle* via = look.via;
    if (p.same_title)
      for (const auto* t : c.wanted)
        if (t == o.title) {
          l = JobLink::same_title;
          via = t;
          break;
        }
    if (auto m = match_linked(c, o, l, via, w_)) best.offer({o.id, *m});
  };
  const Cells cells = cells_of(c.latitude, c.longitude, c.radius_km);
  for (const auto& domain : domains) prefetch(offers_by_domain_[domain.domain], cells);
  std::vector<Run<OfferEntry>> all;
  std::vector<std::size_t> first_run;
  for (const auto& domain : domains) {
    first_run.push_back(all.size());
    runs(offers_by_domain_[domain.domain], cells, all);
  }
  first_run.push_back(all.size());
  for (std::size_t i = 0; i < domains.size(); ++i) {
    queue.drain(domains[i].bound, may_enter, ahead, score);
    if (!best.may_enter(domains[i].bound)) break;
    each(all, first_run[i], first_run[i + 1], [&](std::uint16_t occ, const OfferEntry& e) {
      const std::uint16_t n = look_of[occ];
      if (!n || (e.flags & refused)) return;
      const Look& look = looks[n];
      const double radius = std::min(c.radius_km, static_cast<double>(e.max_km));
      const double d = distance_at_least(q, e);
      if (d > radius) return;
      bool same_title = false;
      if (look.shared == JobLink::same_occupation)
        for (const auto* t : c.wanted)
          if (t->code == e.title) same_title = true;
      const double contract = (c.contracts == 0 || (c.contracts & (1u << e.contract))) ? 1 : 0;
      unsigned lacked = 0;
      for (int i = 0; i < 8; ++i)
        if (!(has[e.skill_bit[i] >> 6] >> (e.skill_bit[i] & 63) & 1)) lacked += e.skill_share[i];
      const double skills = 1 - lacked / 255.0;
      const double bound = (same_title ? job_title : look.job) + w_.skills * skills + w_.distance * (radius > 0 ? 1 - std::max(d, 0.0) / radius : 1) +
                           w_.contract * contract + w_.hours * hours_value(e.hours, c.min_hours, c.max_hours, w_) - e.penalty;
      if (best.may_enter(bound)) queue.push({bound, e.slot, n, same_title});
    });
  }
  queue.drain(-std::numeric_limits<double>::infinity(), may_enter, ahead, score);
  return std::move(best).page(offset);
}

std::vector<CandidateHit> Index::candidates_for(const Offer& o, std::size_t limit, std::size_t offset, const Keep* keep) const {
  const std::size_t k = offset + limit;
  if (!o.open || limit == 0 || k < limit) return {};
  const std::uint16_t mine = occupation_number(o.title);
  double radius = max_candidate_radius_;
  if (o.max_distance_km) radius = std::min(radius, *o.max_distance_km);
  // The link of each occupation whose candidates may match to the offer's. A candidate is scored
  // in the domain list of its best linked occupation only (the lowest number among equals): there
  // its job part is at most that occupation's, so the bound holds for it.
  const double penalty = penalty_of(o, w_);
  const double rest = w_.skills + w_.distance + w_.contract + w_.hours - penalty;
  std::vector<JobLink> links(near_.size(), JobLink::none);
  std::vector<DomainLook> domains;
  for (const auto& [occ, l] : near_reverse_[mine]) {
    links[occ] = l;
    add_domain(domains, domain_of_[occ], w_.job * job_bound(l, occ == mine, w_) + rest);
  }
  best_first(domains);

  // The offer's skills: signature bit and share of the total (the skill part is at most the sum of
  // the shares of those whose bit the candidate has).
  std::vector<std::pair<unsigned, double>> asks;
  double asked = 0;
  for (const auto& s : o.skills) asked += skill_value(s, w_);
  if (asked > 0)
    for (const auto& s : o.skills) asks.push_back({skill_bit(s.code) & 127u, skill_value(s, w_) / asked});
  const Unit q = unit(o.latitude, o.longitude);
  const std::uint8_t needed = static_cast<std::uint8_t>((o.licence_required ? kLicence : 0) | (o.iae_reserved ? kIae : 0));
  const double max_km = o.max_distance_km ? *o.max_distance_km : std::numeric_limits<double>::infinity();
  const unsigned contract_bit = 1u << static_cast<int>(o.contract);
  Best<CandidateHit> best(k);
  Queue queue;
  auto may_enter = [&](double bound) { return best.may_enter(bound); };
  auto ahead = [&](const Pending& p) { __builtin_prefetch(&candidates_[p.slot]); };
  auto score = [&](const Pending& p) {
    const Candidate& c = candidates_[p.slot];
    if (keep && !(*keep)(c.id)) return;
    // best_link's answer, with the links of the occupations known: no walk of the ROME graph.
    JobLink l = JobLink::none;
    const referentials::JobTitle* via = nullptr;
    for (const auto* t : c.wanted) {
      JobLink x = t == o.title ? JobLink::same_title : links[occupation_number(t)];
      if (x > l) l = x, via = t;
    }
    if (auto m = match_linked(c, o, l, via, w_)) best.offer({c.id, *m});
  };
  const Cells cells = cells_of(o.latitude, o.longitude, radius);
  for (const auto& domain : domains) prefetch(candidates_by_domain_[domain.domain], cells);
  std::vector<Run<CandidateEntry>> all;
  std::vector<std::size_t> first_run;
  for (const auto& domain : domains) {
    first_run.push_back(all.size());
    runs(candidates_by_domain_[domain.domain], cells, all);
  }
  first_run.push_back(all.size());
  for (std::size_t i = 0; i < domains.size(); ++i) {
    const auto& domain = domains[i];
    queue.drain(domain.bound, may_enter, ahead, score);
    if (!best.may_enter(domain.bound)) break;
    each(all, first_run[i], first_run[i + 1], [&](std::uint16_t key, const CandidateEntry& e) {
      // Its one occupation of this domain is unrelated: its best linked one, if any, is elsewhere.
      if (key != kNone && links[key] == JobLink::none) return;
      if ((e.flags & needed) != needed) return;
      // The candidate's best linked occupation.
      std::uint16_t occ = kNone;
      JobLink l = JobLink::none;
      auto consider = [&](std::uint16_t n) {
        if (links[n] > l || (links[n] == l && l != JobLink::none && n < occ)) occ = n, l = links[n];
      };
      if (e.flags & kMany) {
        for (const auto* t : candidates_[e.slot].wanted) consider(occupation_number(t));
      } else {
        for (auto n : e.occupations)
          if (n != kNone) consider(n);
      }
      if (l == JobLink::none || domain_of_[occ] != domain.domain) return;
      const double r = std::min(static_cast<double>(e.radius), max_km);
      const double d = distance_at_least(q, e);
      if (d > r) return;
      const double contract = (e.contracts == 0 || (e.contracts & contract_bit)) ? 1 : 0;
      double skills = asks.empty() ? 1 : 0;
      for (const auto& [b, share] : asks)
        if (e.skills[b >> 5] >> (b & 31) & 1) skills += share;
      const double bound = w_.job * job_bound(l, occ == mine, w_) + w_.skills * std::min(skills, 1.0) + w_.distance * (r > 0 ? 1 - std::max(d, 0.0) / r : 1) +
                           w_.contract * contract + w_.hours * hours_value(o.hours, e.min_hours, e.max_hours, w_) - penalty;
      if (best.may_enter(bound)) queue.push({bound, e.slot, 0, false});
    });
  }
  queue.drain(-std::numeric_limits<double>::infinity(), may_enter, ahead, score);
  return std::move(best).page(offset);
}

std::size_t Index::memory_bytes() const {
  std::size_t n = sizeof(*this);
  n += offers_.capacity() * sizeof(Offer) + candidates_.capacity() * sizeof(Candidate);
  for (const auto& o : offers_) n += o.skills.capacity() * sizeof(OfferSkill);
  for (const auto& c : candidates_) n += c.skills.capacity() * sizeof(std::uint32_t) + c.wanted.capacity() * sizeof(void*);
  n += domain_of_.capacity() * 2;
  for (const auto& l : offers_by_domain_)
    for (const auto& r : l.rows) n += sizeof(r) + r.starts.capacity() * 4 + r.keys.capacity() * 2 + r.entries.capacity() * sizeof(OfferEntry);
  for (const auto& l : candidates_by_domain_)
    for (const auto& r : l.rows) n += sizeof(r) + r.starts.capacity() * 4 + r.keys.capacity() * 2 + r.entries.capacity() * sizeof(CandidateEntry);
  for (const auto& v : near_) n += v.capacity() * sizeof(Near);
  for (const auto& v : near_reverse_) n += v.capacity() * sizeof(Near);
  // Hash maps: a node (key, value, next) and a bucket per element, roughly.
  n += (offer_slot_.size() + candidate_slot_.size()) * (sizeof(long long) + 4 + 2 * sizeof(void*));
  n += (offer_slot_.bucket_count() + candidate_slot_.bucket_count()) * sizeof(void*);
  n += (free_offers_.capacity() + free_candidates_.capacity()) * 4;
  return n;
}

}  // namespace jalon::jobs
