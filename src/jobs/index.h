// The in-memory matching index (docs/jobs.md, "Index"): open offers kept per ROME occupation and
// candidates per wanted occupation, each list sorted by latitude row then longitude, so that a query looks
// only at the related occupations' entries within the radius's rows and longitudes, then scores them with
// jobs::match. Answers equal a brute-force scoring of every pair (tests check it).
//
// Not thread-safe by itself: the owner serialises writes against reads (a shared mutex).
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "jobs/match.h"
#include "jobs/model.h"

namespace jalon::jobs {

struct OfferHit {
  long long offer = 0;
  Match match;
};
struct CandidateHit {
  long long candidate = 0;
  Match match;
};

class Index {
 public:
  // Over the process's ROME referential (loaded) with weights `w` (copied).
  explicit Index(const Weights& w);

  // Adds or replaces (by id). An offer needs a title; a candidate at least one wanted title.
  void put(Offer o);
  void put(Candidate c);
  void remove_offer(long long id);
  void remove_candidate(long long id);
  const Offer* offer(long long id) const;
  const Candidate* candidate(long long id) const;
  std::size_t offer_count() const { return offer_slot_.size(); }
  std::size_t candidate_count() const { return candidate_slot_.size(); }

  // The best offers for `c` (which need not be in the index), best first: results
  // [offset, offset + limit) of the full ranking.
  std::vector<OfferHit> offers_for(const Candidate& c, std::size_t limit, std::size_t offset = 0) const;
  // The best candidates for `o`, likewise.
  std::vector<CandidateHit> candidates_for(const Offer& o, std::size_t limit, std::size_t offset = 0) const;

  // Approximate bytes held.
  std::size_t memory_bytes() const;

 private:
  struct Entry {
    float latitude, longitude;
    std::uint32_t slot;
    std::int32_t row;  // latitude row, set by insert()
  };
  using List = std::vector<Entry>;  // sorted by latitude row, then longitude (index.cpp)
  static void insert(List& l, Entry e);
  static void erase(List& l, std::uint32_t slot, float latitude, float longitude);
  std::uint16_t occupation_number(const referentials::JobTitle* t) const;
  template <typename F>
  static void band(const List& l, double lat, double lon, double radius_km, F&& f);

  Weights w_;
  const referentials::Occupation* first_occupation_ = nullptr;
  // For each occupation: the occupations whose offers a candidate wanting it may match (itself,
  // its mobility targets, its domain), and the reverse (whose candidates may match its offers).
  std::vector<std::vector<std::uint16_t>> near_, near_reverse_;
  std::vector<Offer> offers_;
  std::vector<Candidate> candidates_;
  std::vector<std::uint32_t> free_offers_, free_candidates_;
  std::unordered_map<long long, std::uint32_t> offer_slot_, candidate_slot_;
  std::vector<List> offers_by_occupation_, candidates_by_occupation_;
  double max_candidate_radius_ = 0;
};

}  // namespace jalon::jobs
