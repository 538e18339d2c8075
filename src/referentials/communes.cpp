#include "referentials/communes.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "base/text.h"

namespace jalon::referentials {

namespace {
Communes g_communes;

// Splits one CSV line with optional double quotes (the file quotes names containing commas).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { cur.push_back('"'); ++i; }
      else if (c == '"') quoted = false;
      else cur.push_back(c);
    } else if (c == '"') quoted = true;
    else if (c == ',') { out.push_back(std::move(cur)); cur.clear(); }
    else if (c != '\r') cur.push_back(c);
  }
  out.push_back(std::move(cur));
  return out;
}
}  // namespace

void Communes::load(const std::string& csv_path) {
  std::ifstream in(csv_path);
  if (!in) throw std::runtime_error("cannot open " + csv_path);
  std::string line;
  std::getline(in, line);  // header
  int n = 1;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    auto f = csv_fields(line);
    if (f.size() < 11) throw std::runtime_error(csv_path + ":" + std::to_string(n) + ": expected 12 columns");
    Commune c;
    c.code = f[0];
    c.name = f[1];
    c.departement = f[4];
    c.region = f[5];
    c.postal_codes = text::split(f[7], ' ');
    try {
      c.population = f[8].empty() ? 0 : std::stol(f[8]);
      c.latitude = f[9].empty() ? 0 : std::stod(f[9]);
      c.longitude = f[10].empty() ? 0 : std::stod(f[10]);
    } catch (const std::exception&) {
      throw std::runtime_error(csv_path + ":" + std::to_string(n) + ": bad number");
    }
    by_code_[c.code] = all_.size();
    for (const auto& pc : c.postal_codes)
      if (!pc.empty()) by_postal_.emplace(pc, all_.size());
    all_.push_back(std::move(c));
  }
}

const Commune* Communes::find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &all_[it->second];
}

std::vector<const Commune*> Communes::by_postal_code(std::string_view postal_code) const {
  std::vector<const Commune*> out;
  auto [b, e] = by_postal_.equal_range(std::string(postal_code));
  for (auto it = b; it != e; ++it) out.push_back(&all_[it->second]);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->code < b->code; });
  return out;
}

std::vector<const Commune*> Communes::in_departement(std::string_view dep) const {
  std::vector<const Commune*> out;
  for (const auto& c : all_)
    if (c.departement == dep) out.push_back(&c);
  return out;
}

const Communes& communes() { return g_communes; }

void load_referentials(const std::string& data_dir) {
  if (g_communes.size() == 0) g_communes.load(data_dir + "/geo/communes_fr_2026.csv");
}

}  // namespace jalon::referentials
