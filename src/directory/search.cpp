#include "directory/search.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

#include "base/errors.h"
#include "base/geo.h"
#include "base/stem.h"
#include "referentials/memory.h"
#include "referentials/search_index.h"

namespace jalon::directory {

namespace {

// Grid cells of 0.1° × 0.1° (11 km north-south; 7.7 km east-west at 46°N): a 10–30 km query
// reads a few dozen cells, each holding a handful of services at the density of 100,000 services
// over France.
constexpr double kCellDegrees = 0.1;
constexpr std::int64_t kColumns = 3600, kRows = 1800;

std::int64_t row_of(double latitude) {
  return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((latitude + 90) / kCellDegrees)), 0, kRows - 1);
}
std::int64_t column_of(double longitude) {
  return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((longitude + 180) / kCellDegrees)), 0,
                                  kColumns - 1);
}

// Small words skipped on both sides (texts and queries): they would make "aide à la mobilité"
// miss "Aide mobilité".
bool stop_word(std::string_view w) {
  static constexpr std::string_view words[] = {"a",  "au",  "aux", "avec", "d",   "dans", "de",  "des",  "du",  "en",
                                               "et", "l",   "la",  "le",   "les", "ou",   "par", "pour", "s",   "sa",
                                               "se", "ses", "son", "sur",  "un",  "une",  "qu",  "que",  "qui", "y"};
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// A word without its final s or x when it is long enough to be a plural ("locales" ->
// "locale", "emplois" -> "emploi"); short words as they are.
std::string singular(const std::string& w) {
  if (w.size() > 3 && (w.back() == 's' || w.back() == 'x')) return w.substr(0, w.size() - 1);
  return w;
}

std::vector<std::string> content_words(std::string_view text) {
  // Typographic punctuation (’ – — … « » and their like, U+2000–U+206F) becomes a space before
  // folding: it separates words anyway, and French texts are full of ’, which would otherwise
  // send every text through ICU instead of text::fold's fast path for Latin letters.
  std::string plain;
  plain.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto c1 = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const auto c2 = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (c == 0xE2 && (c1 == 0x80 || (c1 == 0x81 && c2 < 0xB0)) && (c2 & 0xC0) == 0x80) {
      plain.push_back(' ');
      i += 2;
    } else {
      plain.push_back(static_cast<char>(c));
    }
  }
  std::vector<std::string> words = referentials::search_words(plain);
  std::erase_if(words, [](const std::string& w) { return stop_word(w); });
  return words;
}

bool valid_point(double latitude, double longitude) {
  return std::isfinite(latitude) && std::isfinite(longitude) && std::abs(latitude) <= 90 && std::abs(longitude) <= 180;
}

std::string quoted(std::string_view v) {
  return "« " + std::string(v) + " »";
}

}  // namespace

std::optional<Position> resolve_position(const Service& service, const Structure& structure,
                                         const referentials::Communes& communes) {
  auto centre = [&](const std::string& code) -> std::optional<Position> {
    if (code.empty()) return std::nullopt;
    const referentials::Commune* c = communes.find(code);
    if (!c) return std::nullopt;
    return Position{c->latitude, c->longitude};
  };
  if (service.latitude && service.longitude) return Position{*service.latitude, *service.longitude};
  if (auto p = centre(service.commune_code)) return p;
  if (structure.latitude && structure.longitude) return Position{*structure.latitude, *structure.longitude};
  return centre(structure.commune_code);
}

Entry make_entry(const Service& service, const Structure& structure, const referentials::Communes& communes) {
  Entry e;
  e.service_id = service.id;
  e.structure_id = service.structure_id;
  e.name = service.name;
  e.structure_name = structure.name;
  e.structure_typology = structure.typology;
  e.description = service.description;
  if (auto p = resolve_position(service, structure, communes)) {
    e.latitude = p->latitude;
    e.longitude = p->longitude;
  }
  e.thematics = service.thematics;
  e.audiences = service.audiences;
  e.fees = service.fees;
  e.reception_modes = service.reception_modes;
  e.eligibility_zone = service.eligibility_zone;
  return e;
}

namespace {
Place place(const referentials::Commune& c) {
  return Place{c.latitude, c.longitude, c.code};
}
}  // namespace

std::optional<Place> place_of_commune(std::string_view insee_code, const referentials::Communes& communes) {
  const referentials::Commune* c = communes.find(insee_code);
  if (!c) return std::nullopt;
  return place(*c);
}

std::optional<Place> place_of_postal_code(std::string_view postal_code, const referentials::Communes& communes) {
  auto served = communes.by_postal_code(postal_code);
  const bool has_arrondissement =
      std::any_of(served.begin(), served.end(), [](const referentials::Commune* x) { return x->arrondissement(); });
  const referentials::Commune* c = nullptr;
  for (const referentials::Commune* x : served) {
    if (has_arrondissement && !x->arrondissement()) continue;
    if (!c || x->population > c->population) c = x;  // INSEE order: ties keep the lowest code
  }
  if (!c) return std::nullopt;
  return place(*c);
}

// A query turned into bit masks and dictionary ids.
struct Index::Filter {
  bool impossible = false;  // a word no entry holds: nothing can match
  bool by_thematics = false, by_barrier = false, by_audiences = false, by_fees = false, by_modes = false,
       by_typologies = false;
  Bits128 thematics, barrier;
  std::vector<bool> typologies;  // by Hot::typology (0: none, never set)
  std::uint64_t audiences = 0;
  std::uint8_t fees = 0, modes = 0;
  std::optional<Place> place;
  std::vector<std::uint32_t> place_zones;  // zone ids that contain the place
  // Every word but the last must be among the entry's stems (by its stem) or among its words
  // (as written, folded): one term per word.
  struct Term {
    std::optional<std::uint32_t> stem, word;
  };
  std::vector<Term> terms;
  bool by_last_word = false;
  std::optional<std::uint32_t> last_stem;  // the last word matches by its stem…
  std::vector<bool> last_words;            // …or as the start of one of these words (by id)
};

Index::Index(const referentials::Communes& communes, const referentials::Inclusion& inclusion,
             const referentials::Barriers& barriers)
    : communes_(&communes), inclusion_(&inclusion), barriers_(&barriers) {
  if (inclusion.thematics().size() > 128 || inclusion.audiences().size() > 64 || inclusion.fees().size() > 8 ||
      inclusion.reception_modes().size() > 8 || inclusion.structure_typologies().size() > 255)
    throw std::logic_error("directory::Index: a data·inclusion vocabulary outgrew the index's bit sets");
}

std::uint64_t Index::cell_of(double latitude, double longitude) const {
  return static_cast<std::uint64_t>(row_of(latitude) * kColumns + column_of(longitude));
}

namespace {
// The position of `value` in `v`'s file order, or -1.
long position(const referentials::Vocabulary& v, std::string_view value) {
  const referentials::Term* t = v.find(value);
  return t ? static_cast<long>(t - v.terms().data()) : -1;
}

template <class Map>
std::uint32_t intern(Map& ids, const std::string& key) {
  auto it = ids.find(key);
  if (it != ids.end()) return it->second;
  auto id = static_cast<std::uint32_t>(ids.size());
  ids.emplace(key, id);
  return id;
}

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
}  // namespace

void Index::unlink(std::uint32_t slot) {
  Record& r = records_[slot];
  if (!r.located) return;
  auto it = cells_.find(r.cell);
  if (it == cells_.end()) return;
  auto& cell = it->second;
  auto h = std::find_if(cell.begin(), cell.end(), [&](const Hot& x) { return x.slot == slot; });
  if (h != cell.end()) {
    *h = cell.back();
    cell.pop_back();
  }
  if (cell.empty()) cells_.erase(it);
}

void Index::upsert(const Entry& entry) {
  std::uint32_t slot;
  if (auto it = slot_of_.find(entry.service_id); it != slot_of_.end()) {
    slot = it->second;
    unlink(slot);
  } else if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(records_.size());
    records_.emplace_back();
  }
  slot_of_[entry.service_id] = slot;
  Record& r = records_[slot];
  r.service_id = entry.service_id;
  r.structure_id = entry.structure_id;
  r.name = entry.name;
  r.live = true;

  Hot h{};
  h.slot = slot;
  for (const auto& v : entry.thematics)
    if (long i = position(inclusion_->thematics(), v); i >= 0) h.thematics.set(static_cast<std::size_t>(i));
  for (const auto& v : entry.audiences)
    if (long i = position(inclusion_->audiences(), v); i >= 0) h.audiences |= std::uint64_t{1} << i;
  if (long i = position(inclusion_->fees(), entry.fees); i >= 0) h.fees = static_cast<std::uint8_t>(1u << i);
  for (const auto& v : entry.reception_modes)
    if (long i = position(inclusion_->reception_modes(), v); i >= 0)
      h.reception_modes |= static_cast<std::uint8_t>(1u << i);
  if (long i = position(inclusion_->structure_typologies(), entry.structure_typology); i >= 0)
    h.typology = static_cast<std::uint8_t>(i + 1);

  r.zone.clear();
  for (const auto& z : entry.eligibility_zone)
    if (!z.empty()) r.zone.push_back(intern(zone_ids_, z));
  sort_unique(r.zone);
  h.zoned = !r.zone.empty();

  r.stems.clear();
  r.words.clear();
  for (const auto& w : content_words(entry.name + '\n' + entry.description)) {
    const std::uint32_t id = intern(word_ids_, w);
    if (id == stem_of_word_.size()) stem_of_word_.push_back(intern(stem_ids_, text::french_stem(w)));  // a new word
    r.words.push_back(id);
    r.stems.push_back(stem_of_word_[id]);
  }
  // The structure's name is a proper name: matched by its words as written, not by their stems
  // (Snowball gives "france" and "français" one stem; "France Travail" must not answer
  // "français").
  // Singular and plural still meet: the words are also kept without a final s or x
  // ("missions locales" finds "Mission locale").
  for (const auto& w : content_words(entry.structure_name))
    for (const std::string& form : {w, singular(w)}) {
      const std::uint32_t id = intern(word_ids_, form);
      if (id == stem_of_word_.size()) stem_of_word_.push_back(intern(stem_ids_, text::french_stem(form)));
      r.words.push_back(id);
    }
  sort_unique(r.words);
  sort_unique(r.stems);

  r.located = entry.latitude && entry.longitude && valid_point(*entry.latitude, *entry.longitude);
  if (r.located) {
    h.latitude = *entry.latitude;
    h.longitude = *entry.longitude;
    r.cell = cell_of(h.latitude, h.longitude);
    cells_[r.cell].push_back(h);
  }
  // Every entry's filter bits, located or not, also by slot: searches without a place read them.
  if (hots_.size() <= slot) hots_.resize(slot + 1);
  hots_[slot] = h;
}

bool Index::erase(long long service_id) {
  auto it = slot_of_.find(service_id);
  if (it == slot_of_.end()) return false;
  const std::uint32_t slot = it->second;
  unlink(slot);
  slot_of_.erase(it);
  Record& r = records_[slot];
  r = Record{};
  free_slots_.push_back(slot);
  return true;
}

Index::Filter Index::compile(const Query& q) const {
  Filter f;
  Validator errors;
  if (q.place) {
    if (!valid_point(q.place->latitude, q.place->longitude))
      errors.add("place", "Ce lieu n'a pas de coordonnées valides.");
    if (!(q.radius_km > 0 && q.radius_km <= kMaxRadiusKm))
      errors.add("radius_km",
                 "Le rayon doit être compris entre 0 et " + std::to_string(static_cast<int>(kMaxRadiusKm)) + " km.");
  }
  if (q.limit < 1 || q.limit > kMaxLimit)
    errors.add("limit",
               "Le nombre de résultats par page doit être compris entre 1 et " + std::to_string(kMaxLimit) + ".");

  const auto& thematics = inclusion_->thematics();
  for (const auto& v : q.thematics) {
    if (long i = position(thematics, v); i >= 0) {
      f.thematics.set(static_cast<std::size_t>(i));
    } else if (const auto* c = inclusion_->thematic_category(v)) {
      for (const auto* t : c->thematics) f.thematics.set(static_cast<std::size_t>(t - thematics.terms().data()));
    } else {
      errors.add("thematics", "Thématique inconnue : " + quoted(v) + ".");
    }
    f.by_thematics = true;
  }
  if (!q.barrier.empty()) {
    if (const auto* b = barriers_->find(q.barrier)) {
      for (const auto* t : b->thematics) f.barrier.set(static_cast<std::size_t>(t - thematics.terms().data()));
    } else {
      errors.add("barrier", "Frein inconnu : " + quoted(q.barrier) + ".");
    }
    f.by_barrier = true;
  }
  for (const auto& v : q.audiences) {
    if (long i = position(inclusion_->audiences(), v); i >= 0)
      f.audiences |= std::uint64_t{1} << i;
    else
      errors.add("audiences", "Public inconnu : " + quoted(v) + ".");
    f.by_audiences = true;
  }
  if (f.by_audiences)
    if (long all = position(inclusion_->audiences(), "tous-publics"); all >= 0) f.audiences |= std::uint64_t{1} << all;
  for (const auto& v : q.fees) {
    if (long i = position(inclusion_->fees(), v); i >= 0)
      f.fees |= static_cast<std::uint8_t>(1u << i);
    else
      errors.add("fees", "Frais inconnus : " + quoted(v) + ".");
    f.by_fees = true;
  }
  for (const auto& v : q.reception_modes) {
    if (long i = position(inclusion_->reception_modes(), v); i >= 0)
      f.modes |= static_cast<std::uint8_t>(1u << i);
    else
      errors.add("reception_modes", "Mode d'accueil inconnu : " + quoted(v) + ".");
    f.by_modes = true;
  }
  for (const auto& v : q.typologies) {
    if (f.typologies.empty()) f.typologies.assign(inclusion_->structure_typologies().size() + 1, false);
    if (long i = position(inclusion_->structure_typologies(), v); i >= 0)
      f.typologies[static_cast<std::size_t>(i + 1)] = true;
    else
      errors.add("typologies", "Type de structure inconnu : " + quoted(v) + ".");
    f.by_typologies = true;
  }
  errors.throw_if_any();

  if (q.place) {
    f.place = q.place;
    // The zones that contain the place: its commune, the commune an arrondissement belongs to,
    // its département, its EPCI, France (by name or by its country code 99100).
    std::vector<std::string> keys = {q.place->commune_code, "france", "99100"};
    if (const auto* c = communes_->find(q.place->commune_code)) {
      keys.push_back(c->parent);
      keys.push_back(c->departement);
      if (const auto* e = communes_->epci_of(*c)) keys.push_back(e->code);
    }
    for (const auto& k : keys)
      if (auto it = zone_ids_.find(k); !k.empty() && it != zone_ids_.end()) f.place_zones.push_back(it->second);
    sort_unique(f.place_zones);
    // No entry's zone can hold the place: still search, zoned entries are simply left out. An
    // empty list is told apart from "no place" by f.place.
  }

  std::vector<std::string> words = content_words(q.text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string stem = text::french_stem(words[i]);
    auto it = stem_ids_.find(stem);
    if (i + 1 < words.size()) {
      Filter::Term t;
      if (it != stem_ids_.end()) t.stem = it->second;
      if (auto w = word_ids_.find(singular(words[i])); w != word_ids_.end()) t.word = w->second;
      if (!t.stem && !t.word) f.impossible = true;
      f.terms.push_back(t);
      continue;
    }
    f.by_last_word = true;
    if (it != stem_ids_.end()) f.last_stem = it->second;
    f.last_words.assign(word_ids_.size(), false);
    bool any = f.last_stem.has_value();
    const std::string typed = singular(words[i]);  // "locales" completes "locale" too
    for (auto w = word_ids_.lower_bound(typed); w != word_ids_.end() && w->first.starts_with(typed); ++w) {
      f.last_words[w->second] = true;
      any = true;
    }
    if (!any) f.impossible = true;
  }
  return f;
}

bool Index::passes(const Hot& h, const Filter& f) const {
  if (f.by_thematics && !h.thematics.any_of(f.thematics)) return false;
  if (f.by_barrier && !h.thematics.any_of(f.barrier)) return false;
  if (f.by_audiences && !(h.audiences & f.audiences)) return false;
  if (f.by_fees && !(h.fees & f.fees)) return false;
  if (f.by_modes && !(h.reception_modes & f.modes)) return false;
  if (f.by_typologies && !f.typologies[h.typology]) return false;
  return true;
}

// Counts the entries that pass `f` within `radius_km` of its place (every entry when it has
// none), appending (distance, slot) pairs to `out` when given.
std::size_t Index::scan(const Filter& f, double radius_km, std::vector<std::pair<double, std::uint32_t>>* out) const {
  if (f.impossible) return 0;
  std::size_t n = 0;
  auto accept = [&](const Hot& h, double distance) {
    const Record& r = records_[h.slot];
    if (f.place && h.zoned) {
      const auto& z = r.zone;
      bool inside = false;
      for (std::uint32_t id : f.place_zones)
        if (std::binary_search(z.begin(), z.end(), id)) {
          inside = true;
          break;
        }
      if (!inside) return;
    }
    for (const auto& t : f.terms)
      if (!(t.stem && std::binary_search(r.stems.begin(), r.stems.end(), *t.stem)) &&
          !(t.word && std::binary_search(r.words.begin(), r.words.end(), *t.word)))
        return;
    if (f.by_last_word) {
      bool hit = f.last_stem && std::binary_search(r.stems.begin(), r.stems.end(), *f.last_stem);
      for (std::size_t i = 0; !hit && i < r.words.size(); ++i)
        hit = r.words[i] < f.last_words.size() && f.last_words[r.words[i]];
      if (!hit) return;
    }
    ++n;
    if (out) out->emplace_back(distance, h.slot);
  };

  if (!f.place) {
    for (std::uint32_t slot = 0; slot < records_.size(); ++slot)
      if (records_[slot].live && passes(hots_[slot], f)) accept(hots_[slot], 0);
    return n;
  }

  const double lat = f.place->latitude, lon = f.place->longitude;
  const geo::Box box = geo::bounding_box(lat, lon, radius_km);
  auto visit_cell = [&](std::int64_t row, std::int64_t col) {
    auto it = cells_.find(static_cast<std::uint64_t>(row * kColumns + col));
    if (it == cells_.end()) return;
    for (const Hot& h : it->second) {
      if (!passes(h, f) || !box.contains(h.latitude, h.longitude)) continue;
      const double d = geo::distance_km(lat, lon, h.latitude, h.longitude);
      if (d <= radius_km) accept(h, d);
    }
  };
  const std::int64_t row0 = row_of(box.min_lat), row1 = row_of(box.max_lat);
  const bool every_column = !box.wraps() && box.min_lon <= -180 && box.max_lon >= 180;
  const std::int64_t col0 = column_of(box.min_lon), col1 = column_of(box.max_lon);
  for (std::int64_t row = row0; row <= row1; ++row) {
    if (every_column) {
      for (std::int64_t col = 0; col < kColumns; ++col) visit_cell(row, col);
    } else if (box.wraps()) {
      for (std::int64_t col = col0; col < kColumns; ++col) visit_cell(row, col);
      for (std::int64_t col = 0; col <= col1; ++col) visit_cell(row, col);
    } else {
      for (std::int64_t col = col0; col <= col1; ++col) visit_cell(row, col);
    }
  }
  return n;
}

Result Index::search(const Query& q) const {
  const Filter f = compile(q);
  std::vector<std::pair<double, std::uint32_t>> found;
  Result result;
  result.total = scan(f, q.radius_km, &found);

  auto before = [this](const std::pair<double, std::uint32_t>& a, const std::pair<double, std::uint32_t>& b) {
    if (a.first != b.first) return a.first < b.first;
    const Record& x = records_[a.second];
    const Record& y = records_[b.second];
    if (x.name != y.name) return x.name < y.name;
    return x.service_id < y.service_id;
  };
  const std::size_t end = std::min(found.size(), q.offset + q.limit);
  if (q.offset < found.size()) {
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(end), found.end(), before);
    for (std::size_t i = q.offset; i < end; ++i) {
      const Record& e = records_[found[i].second];
      Hit h{e.service_id, e.structure_id, std::nullopt};
      if (f.place) h.distance_km = found[i].first;
      result.hits.push_back(h);
    }
  }
  if (f.place && result.total < kWidenBelow) {
    result.wider_radius_km = 2 * q.radius_km;
    result.wider_total = scan(f, result.wider_radius_km, nullptr);
  }
  return result;
}

std::size_t Index::memory_bytes() const {
  using referentials::string_bytes;
  using referentials::vector_bytes;
  std::size_t n = sizeof(*this) + vector_bytes(records_) + vector_bytes(hots_) + vector_bytes(free_slots_);
  for (const auto& r : records_)
    n += string_bytes(r.name) + vector_bytes(r.stems) + vector_bytes(r.words) + vector_bytes(r.zone);
  n += vector_bytes(stem_of_word_);
  // Hash nodes: the key, the value and a next pointer, plus a bucket pointer each.
  n += slot_of_.size() * (sizeof(long long) + 4 + 2 * sizeof(void*));
  for (const auto& [key, cell] : cells_) n += vector_bytes(cell) + sizeof(key) + 2 * sizeof(void*);
  for (const auto& [key, id] : stem_ids_) n += string_bytes(key) + sizeof(std::string) + 4 + 2 * sizeof(void*);
  for (const auto& [key, id] : word_ids_) n += string_bytes(key) + sizeof(std::string) + 4 + 4 * sizeof(void*);
  for (const auto& [key, id] : zone_ids_) n += string_bytes(key) + sizeof(std::string) + 4 + 2 * sizeof(void*);
  return n;
}

}  // namespace jalon::directory
