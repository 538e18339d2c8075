// The in-memory matching index (docs/jobs.md, "Index"): open offers and candidates kept per ROME
// professional domain (of the offer's occupation; of each wanted one), each list in cells of latitude
// row and longitude column, so that a query reads only the related domains' cells that its radius's box
// meets, and in them only the related occupations' entries (a key apart, checked by a table lookup).
// Each entry carries what bounds its score without reading the offer or candidate (place, hard filters,
// contract, hours, penalty, a skill signature): a query keeps its current top k and scores with
// jobs::match_linked, best bound first, only the entries whose bound can still enter it. Answers equal a
// brute-force scoring of every pair, scores and ties included (tests check it).
//
// Not thread-safe by itself: the owner serialises writes against reads (a shared mutex). Queries are
// const and keep no state between calls: several may run at once under a shared lock.
#pragma once
#include <cstdint>
#include <functional>
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

  // Which ids a query may rank: nullptr ranks every match; otherwise only the ids for which
  // (*keep)(id) is true, as if the others were not in the index (offset and limit count kept ones
  // only). The query calls it on its own thread, in no particular order, at most once per id, and
  // only for ids that pass the hard filters and might still enter the page (so not for every
  // match): it must answer the same for an id during the call, and must neither write to the index
  // nor wait for a writer (the caller holds the read lock).
  using Keep = std::function<bool(long long id)>;

  // The best offers for `c` (which need not be in the index), best first: results
  // [offset, offset + limit) of the full ranking, ties by the pair hash (jobs::better).
  std::vector<OfferHit> offers_for(const Candidate& c, std::size_t limit, std::size_t offset = 0, const Keep* keep = nullptr) const;
  // The best candidates for `o`, likewise (keep is given candidate ids).
  std::vector<CandidateHit> candidates_for(const Offer& o, std::size_t limit, std::size_t offset = 0, const Keep* keep = nullptr) const;

  // Approximate bytes held.
  std::size_t memory_bytes() const;

 private:
  // An offer as its list keeps it: what bounds its score for any candidate without reading the
  // Offer (52 bytes: a query reads these, and the Offer of the few it scores only).
  struct OfferEntry {
    float x, y, z;       // unit vector of the place: the chord to the query bounds the distance from below
    std::uint32_t slot;  // in offers_
    std::uint32_t title;  // OGR code of the job title (same title beats same occupation)
    float max_km;        // the employer's maximum distance, +infinity when none
    float hours;
    float penalty;       // flood penalty with the index's weights
    std::uint8_t contract;
    std::uint8_t flags;  // kLicence, kIae
    // Up to 8 of the offer's skills (the heaviest): a hash of the code (skill_bit) and the share of
    // the offer's skill total it weighs, in 255ths rounded down (0: no skill). A candidate whose
    // skill signature lacks the hash lacks the skill: the skill part is at most 1 - those shares.
    std::uint8_t skill_bit[8];
    std::uint8_t skill_share[8];
  };
  // A candidate in the list of the domain of one of its wanted occupations (one entry per domain;
  // 52 bytes).
  struct CandidateEntry {
    float x, y, z;
    std::uint32_t slot;  // in candidates_
    float radius;
    float min_hours, max_hours;
    // The candidate's wanted occupations, ascending, kNone after the last; with more than three,
    // kMany is set and the Candidate says. A candidate is scored in the domain list of its best
    // linked occupation only (index.cpp).
    std::uint16_t occupations[3];
    std::uint8_t contracts;
    std::uint8_t flags;  // kLicence, kIae (eligible), kMany
    // The candidate's skills as a 128-bit signature (bit skill_bit(code) & 127 of each): an
    // offer's skill whose bit is not set is one the candidate lacks.
    std::uint32_t skills[4];
  };
  static constexpr std::uint8_t kLicence = 1, kIae = 2, kMany = 4;
  static constexpr std::uint16_t kNone = 0xFFFF;
  // A latitude row of a list: its entries grouped by longitude column (a column's in no order),
  // with a key per entry apart so that a scan skips most entries without reading them (offers: the
  // occupation; candidates: their one wanted occupation of the list's domain, kNone for several).
  // One vector per row keeps an insertion's move short.
  template <typename E>
  struct Row {
    std::int32_t col0 = 0;              // the column of starts[0]
    std::vector<std::uint32_t> starts;  // starts[c - col0]: the first entry of column c; back(): the size
    std::vector<std::uint16_t> keys;
    std::vector<E> entries;
  };
  template <typename E>
  struct List {
    std::int32_t row0 = 0;  // the latitude row of rows[0]
    std::vector<Row<E>> rows;
  };
  template <typename E>
  static void insert(List<E>& l, double latitude, double longitude, std::uint16_t key, const E& e);
  template <typename E>
  static void erase(List<E>& l, std::uint32_t slot, double latitude, double longitude);
  // The rows and columns of the bounding box of a query's circle.
  struct Cells {
    int first_row, last_row;
    int cols[2][2];  // column ranges: one, or two across the ±180 meridian (the second empty otherwise)
  };
  static Cells cells_of(double lat, double lon, double radius_km);
  // A run of consecutive entries of a row in the cells.
  template <typename E>
  struct Run {
    const std::uint16_t* keys;
    const E* entries;
    std::uint32_t count;
  };
  // A query reads several lists: it first asks for the column starts of every row of every list
  // (prefetch), then takes the runs (runs), then reads them, so that the memory latencies overlap
  // rather than add up.
  template <typename E>
  static void prefetch(const List<E>& l, const Cells& c);
  template <typename E>
  static void runs(const List<E>& l, const Cells& c, std::vector<Run<E>>& out);
  std::uint16_t occupation_number(const referentials::JobTitle* t) const;
  OfferEntry offer_entry(const Offer& o, std::uint32_t slot) const;
  std::vector<std::uint16_t> occupations_of(const Candidate& c) const;  // distinct, ascending

  Weights w_;
  const referentials::Occupation* first_occupation_ = nullptr;
  // For each occupation: the occupations whose offers a candidate wanting it may match (itself,
  // its mobility targets, its domain) with the link (jobs::link between their occupations), and the
  // reverse (whose candidates may match its offers, with the same link).
  struct Near {
    std::uint16_t occupation;
    JobLink link;
  };
  std::vector<std::vector<Near>> near_, near_reverse_;
  std::vector<Offer> offers_;
  std::vector<Candidate> candidates_;
  std::vector<std::uint32_t> free_offers_, free_candidates_;
  std::unordered_map<long long, std::uint32_t> offer_slot_, candidate_slot_;
  std::vector<std::uint16_t> domain_of_;  // by occupation number
  std::vector<List<OfferEntry>> offers_by_domain_;
  std::vector<List<CandidateEntry>> candidates_by_domain_;
  double max_candidate_radius_ = 0;
};

}  // namespace jalon::jobs
