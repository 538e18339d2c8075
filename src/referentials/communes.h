// French communes (INSEE COG 2026, La Poste postal codes), loaded once from
// data/geo/communes_fr_2026.csv and read-only afterwards (safe to share between threads).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jalon::referentials {

struct Commune {
  std::string code;         // INSEE code, 5 characters ("86194", "2A004")
  std::string name;         // "Poitiers"
  std::string departement;  // "86"
  std::string region;       // "75"
  std::vector<std::string> postal_codes;
  long population = 0;
  double latitude = 0, longitude = 0;
};

class Communes {
 public:
  // Reads the CSV; throws std::runtime_error naming the file and line when it is malformed.
  void load(const std::string& csv_path);
  const Commune* find(std::string_view insee_code) const;
  // Communes served by a postal code ("86000" -> Poitiers), in code order.
  std::vector<const Commune*> by_postal_code(std::string_view postal_code) const;
  // Communes of a département ("86"), in code order.
  std::vector<const Commune*> in_departement(std::string_view dep) const;
  std::size_t size() const { return all_.size(); }

 private:
  std::vector<Commune> all_;
  std::unordered_map<std::string, std::size_t> by_code_;
  std::unordered_multimap<std::string, std::size_t> by_postal_;
};

// The communes of this process, loaded by load_referentials() at start-up.
const Communes& communes();
// Loads every referential under `data_dir`. Called once before serving.
void load_referentials(const std::string& data_dir);

}  // namespace jalon::referentials
