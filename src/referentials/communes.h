// French communes (INSEE COG 2026, La Poste postal codes), their intercommunalities (EPCI),
// départements and régions, loaded once from data/geo/ (see data/geo/SOURCES.md).
//
// A Communes object is filled once by load() and is read-only afterwards: every const method is
// safe to call from several threads at once without locking. Pointers it returns stay valid as
// long as the object lives (moving the object keeps them valid; copying is forbidden because the
// copy's pointers would lead into the original).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "referentials/search_index.h"

namespace jalon::referentials {

struct Commune {
  std::string code;         // INSEE code, 5 characters ("86194", "2A004", "75101")
  std::string name;         // "Poitiers", "Paris 1er Arrondissement"
  std::string departement;  // "86"
  std::string region;       // "75"
  // For the 45 municipal arrondissements of Paris, Lyon and Marseille, the commune they belong
  // to ("75056"); empty for a commune.
  std::string parent;
  std::vector<std::string> postal_codes;  // 5 digits each; empty for a handful of overseas places
  long population = 0;                    // legal population (0 when unknown)
  double latitude = 0, longitude = 0;     // the commune's centre (WGS 84)

  bool arrondissement() const { return !parent.empty(); }
};

// An intercommunality: communauté de communes (CC), d'agglomération (CA), urbaine (CU),
// métropole (METRO), Métropole de Lyon (MET69).
struct Epci {
  std::string code;                      // SIREN, 9 digits ("200069854")
  std::string name;                      // "CU du Grand Poitiers"
  std::string type;                      // "CC", "CA", "CU", "METRO", "MET69"
  std::vector<const Commune*> communes;  // members, in INSEE code order (never arrondissements)
};

struct Departement {
  std::string code;       // "86", "2A", "971"
  std::string name;       // "Vienne"
  std::string region;     // "75"
  std::string chef_lieu;  // INSEE code of the prefecture
};

struct Region {
  std::string code;  // "75"
  std::string name;  // "Nouvelle-Aquitaine"
  std::string chef_lieu;
};

class Communes {
 public:
  Communes() = default;
  Communes(const Communes&) = delete;
  Communes& operator=(const Communes&) = delete;
  Communes(Communes&&) = default;
  Communes& operator=(Communes&&) = default;

  // Loads communes_fr_2026.csv, epci_communes.csv, departements.json and regions.json from
  // `geo_dir` into this empty object and checks that they agree (every commune's département
  // and région exist, every EPCI member is a commune of the file and belongs to one EPCI only).
  // Throws std::runtime_error naming the file, and the line when one applies, on any problem.
  void load(const std::string& geo_dir);

  // The commune or arrondissement with this INSEE code, or nullptr.
  const Commune* find(std::string_view insee_code) const;
  // The name of the commune with this code, or the code itself when unknown (what a page shows).
  std::string name_of(std::string_view insee_code) const {
    const Commune* c = find(insee_code);
    return c ? c->name : std::string(insee_code);
  }
  // Communes and arrondissements served by a postal code ("86000" -> Poitiers; "75001" -> Paris
  // and Paris 1er Arrondissement), in INSEE code order. Empty when none.
  std::vector<const Commune*> by_postal_code(std::string_view postal_code) const;
  // Communes and arrondissements of a département ("86"), in file (INSEE code) order.
  std::vector<const Commune*> in_departement(std::string_view departement) const;
  // The arrondissements of `commune` (the 20 of Paris for 75056), in code order; empty for others.
  std::vector<const Commune*> arrondissements(const Commune& commune) const;

  // Autocompletion on names, at most `limit` results (capped at kMaxResults). Accents, case,
  // hyphens and apostrophes are ignored and "st"/"ste" also stand for "saint"/"sainte". A name
  // matches when the query is a prefix of it, of it without its article (Le Mans: "mans"), or of
  // one of its later words (Saint-Étienne: "etienne"). Ranked: exact names first, then names
  // starting with the query (article aside), then later-word matches; by population within each. A query of 2 to
  // 5 digits is a postal code prefix instead ("860" -> the communes of 86000-86099). Thread-safe.
  std::vector<const Commune*> search(std::string_view query, std::size_t limit = 10) const;
  static constexpr std::size_t kMaxResults = 50;

  // The EPCI with this SIREN, or nullptr.
  const Epci* epci(std::string_view code) const;
  // The EPCI a commune belongs to (an arrondissement: its commune's), or nullptr for the few
  // communes outside any (islands, overseas collectivities).
  const Epci* epci_of(const Commune& commune) const;
  const Departement* departement(std::string_view code) const;
  const Region* region(std::string_view code) const;

  const std::vector<Commune>& all() const { return all_; }                        // file order (INSEE code order)
  const std::vector<Epci>& epcis() const { return epcis_; }                       // code order
  const std::vector<Departement>& departements() const { return departements_; }  // code order
  const std::vector<Region>& regions() const { return regions_; }                 // code order
  std::size_t size() const { return all_.size(); }
  // Approximate heap and object bytes held (strings, vectors, indexes).
  std::size_t memory_bytes() const;

 private:
  void load_communes(const std::string& path);
  void load_epcis(const std::string& path);
  void load_departements(const std::string& dep_path, const std::string& reg_path);
  void build_name_index();
  std::vector<const Commune*> search_postal(std::string_view digits, std::size_t limit) const;

  std::vector<Commune> all_;
  std::vector<std::uint32_t> by_code_;                              // indexes of all_, by code
  std::vector<std::pair<std::uint32_t, std::uint32_t>> by_postal_;  // (postal code, index), sorted
  std::vector<std::uint32_t> arrondissements_;                      // indexes, by code
  std::vector<std::int32_t> epci_of_;                               // per commune: index in epcis_, or -1
  std::vector<Epci> epcis_;
  std::vector<Departement> departements_;
  std::vector<Region> regions_;
  PrefixIndex names_;  // id: index in all_; tag: NameTag
};

// The communes of this process, filled by load_referentials() (referentials/referentials.h).
const Communes& communes();

}  // namespace jalon::referentials
