// Searching the directory: an in-memory index of published services (docs/directory.md,
// "Search"). Pure: no I/O, no clock, no database; the referentials it needs are passed in.
//
// The index answers "services of these thematics (or for this barrier), publics, fees and
// reception modes, whose names or description hold these words, within R km of this place, whose
// eligibility zone includes the place", sorted by distance, a page at a time. A latitude/longitude
// grid keeps a radius query to the cells around the place.
//
// Keeping it in step with the database: build it from the published services at start-up, then
// apply the change log (directory_changes) with upsert() for a service that is published (new
// or changed, or whose structure changed) and erase() for one that is no longer published.
//
// Thread-safety: an Index is not synchronised inside. Any number of threads may call its const
// methods at once; upsert() and erase() need exclusive access (no other call running). A server
// keeps it behind a std::shared_mutex: searches under a shared lock, a batch of changes — read
// from the database before taking the lock — under the exclusive lock (a change costs
// microseconds). Copying an Index makes an independent deep copy (to build a snapshot aside and
// swap it in); the referentials it was built with must outlive it and its copies.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "directory/model.h"
#include "referentials/barriers.h"
#include "referentials/communes.h"
#include "referentials/inclusion.h"

namespace jalon::directory {

// What the index is given of a published service: a plain value, built by make_entry(). The
// index keeps only what its searches need (ids, name, position, bit sets, words, zone).
struct Entry {
  long long service_id = 0;
  long long structure_id = 0;
  std::string name;                // the service's
  std::string structure_name;      // searched by text too ("mission locale")
  std::string structure_typology;  // the structure's v0 typology ("ML", "FT"…), or ""
  std::string description;
  // The resolved position (see resolve_position); a service without one is found only by
  // searches without a place.
  std::optional<double> latitude, longitude;
  std::vector<std::string> thematics;        // values of inclusion().thematics()
  std::vector<std::string> audiences;        // publics
  std::string fees;                          // frais, or ""
  std::vector<std::string> reception_modes;  // modes_accueil
  // zone_eligibilite: commune, département or EPCI codes, "france", country codes (99xxx);
  // empty: no restriction stated.
  std::vector<std::string> eligibility_zone;
};

struct Position {
  double latitude = 0, longitude = 0;
};

// Where a service is, for distances: the service's own coordinates, else its commune's centre,
// else the structure's coordinates, else the structure's commune's centre; nullopt when none of
// these is known (an unknown commune code counts as absent). A commune code may be an
// arrondissement's.
std::optional<Position> resolve_position(const Service& service, const Structure& structure,
                                         const referentials::Communes& communes);

// The index entry of `service` (which belongs to `structure`), its position resolved as above.
// Does not look at the status: the caller indexes published services only.
Entry make_entry(const Service& service, const Structure& structure, const referentials::Communes& communes);

// A place to search around: a point and the commune it stands for (for eligibility zones).
struct Place {
  double latitude = 0, longitude = 0;
  std::string commune_code;  // INSEE code; "" when the place is not a commune (zones then
                             // admit it only when they say "france" or nothing)
};

// The place of a commune or arrondissement by INSEE code ("86194", "75111"), or nullopt.
std::optional<Place> place_of_commune(std::string_view insee_code, const referentials::Communes& communes);
// The place of a postal code ("86000"). A code shared by several communes gives the
// arrondissement it names ("75011" -> Paris 11e), else its most populated commune (ties: lowest
// INSEE code). Nullopt when unknown. The two kinds of code overlap — "86100" is Châtellerault's
// postal code and Fontaine-le-Comte's INSEE code — so a form or an API says which one it sends.
std::optional<Place> place_of_postal_code(std::string_view postal_code, const referentials::Communes& communes);

struct Query {
  std::optional<Place> place;  // none: every service, sorted by name, without distances
  double radius_km = 10;       // with a place: (0, kMaxRadiusKm]
  // Filters; each list means "any of", empty means "no filter", and the filters combine with
  // "and". A thematic may also be a whole category ("mobilite": any of its thematics).
  std::vector<std::string> thematics;
  std::string barrier;  // a barrier code: any of its thematics (and of `thematics` when both)
  // A service whose publics include "tous-publics" matches any requested public; one that
  // states no public matches none.
  std::vector<std::string> audiences;
  std::vector<std::string> fees;
  std::vector<std::string> reception_modes;
  // Typologies of the service's structure (data·inclusion v0: "ML", "CAP_EMPLOI"…): a structure
  // without one matches none.
  std::vector<std::string> typologies;
  // Words, accents and case ignored, French word forms matched by their Snowball stem against
  // the service's name, its structure's name and its description: every word must match
  // ("and"). The last word also matches as the start of a word (typing "mobi" finds
  // "mobilité"). Small words (de, la, pour…) are ignored.
  std::string text;
  std::size_t offset = 0;  // results to skip (paging)
  std::size_t limit = 20;  // [1, kMaxLimit]
};

constexpr double kMaxRadiusKm = 200;
constexpr std::size_t kMaxLimit = 200;
// Fewer results than this and the result says how many twice the radius would give.
constexpr std::size_t kWidenBelow = 5;

struct Hit {
  long long service_id = 0;
  long long structure_id = 0;
  std::optional<double> distance_km;  // from the place, when the query had one
};

struct Result {
  std::vector<Hit> hits;  // the page: sorted by distance, then name, then service id
  std::size_t total = 0;  // all matches, every page
  // When the query had a place and total < kWidenBelow: how many matches a radius of
  // wider_radius_km (twice the query's) would give, for the page to offer that search.
  std::optional<std::size_t> wider_total;
  double wider_radius_km = 0;
};

class Index {
 public:
  // An empty index over these referentials, which must be loaded and outlive the index.
  // Throws std::logic_error when a vocabulary is larger than the index's bit sets (128
  // thematics, 64 publics, 8 fees or reception modes, 255 structure typologies): a schema
  // change to look at.
  Index(const referentials::Communes& communes, const referentials::Inclusion& inclusion,
        const referentials::Barriers& barriers);

  // Adds `entry`, or replaces the entry with the same service_id. Vocabulary values that are
  // unknown to the referentials are ignored (the store validated them on write; an old value
  // must not stop the index). Needs exclusive access.
  void upsert(const Entry& entry);
  // Removes the entry of `service_id`; false when there was none. Needs exclusive access.
  bool erase(long long service_id);

  // The page of `query`, with its total. Throws ValidationError (field: the Query member's name,
  // message in French) for a radius or limit out of range, or an unknown thematic, barrier,
  // public, fee, reception mode or structure typology. Thread-safe with other const calls.
  Result search(const Query& query) const;

  // True when the index holds `service_id`.
  bool contains(long long service_id) const { return slot_of_.count(service_id) != 0; }
  std::size_t size() const { return slot_of_.size(); }
  // Approximate bytes held (records, words, grid), for the start-up log.
  std::size_t memory_bytes() const;

 private:
  // Bit sets of vocabulary positions (their order in the referential's file).
  struct Bits128 {
    std::uint64_t lo = 0, hi = 0;
    void set(std::size_t i) { (i < 64 ? lo : hi) |= std::uint64_t{1} << (i % 64); }
    bool any_of(const Bits128& o) const { return (lo & o.lo) | (hi & o.hi); }
    bool empty() const { return (lo | hi) == 0; }
  };
  // What a scan reads for each candidate, kept together in the grid's cells.
  struct Hot {
    double latitude, longitude;
    Bits128 thematics;
    std::uint64_t audiences;
    std::uint32_t slot;
    std::uint8_t fees, reception_modes;
    std::uint8_t typology;  // 1 + the structure typology's position, 0 for none
    bool zoned;             // the eligibility zone is not empty
  };
  // The rest of what searches need, by slot (the index keeps no other field of an entry: a page
  // reads what it shows from the database, by the ids of its hits).
  struct Record {
    long long service_id = 0, structure_id = 0;
    std::string name;  // sort key after the distance
    bool live = false;
    bool located = false;
    std::uint64_t cell = 0;
    std::vector<std::uint32_t> stems;  // ids in stem_ids_, sorted, unique
    std::vector<std::uint32_t> words;  // ids in word_ids_, sorted, unique (prefix matching)
    std::vector<std::uint32_t> zone;   // ids in zone_ids_, sorted
  };
  struct Filter;

  std::uint64_t cell_of(double latitude, double longitude) const;
  void unlink(std::uint32_t slot);
  Filter compile(const Query& query) const;
  bool passes(const Hot& h, const Filter& f) const;
  std::size_t scan(const Filter& f, double radius_km, std::vector<std::pair<double, std::uint32_t>>* out) const;

  const referentials::Communes* communes_;
  const referentials::Inclusion* inclusion_;
  const referentials::Barriers* barriers_;
  std::vector<Record> records_;
  std::vector<Hot> hots_;  // by slot, every entry (searches without a place)
  std::vector<std::uint32_t> free_slots_;
  std::unordered_map<long long, std::uint32_t> slot_of_;  // service id -> slot
  std::unordered_map<std::uint64_t, std::vector<Hot>> cells_;
  // Dictionaries only grow (an erased service leaves its words behind); a restart rebuilds them.
  std::unordered_map<std::string, std::uint32_t> stem_ids_;
  std::map<std::string, std::uint32_t, std::less<>> word_ids_;  // ordered: prefix ranges
  std::vector<std::uint32_t> stem_of_word_;                     // word id -> stem id
  std::unordered_map<std::string, std::uint32_t> zone_ids_;
};

}  // namespace jalon::directory
