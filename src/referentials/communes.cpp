#include "referentials/communes.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "base/text.h"
#include "referentials/memory.h"
#include "referentials/source.h"

namespace jalon::referentials {

namespace {

// How a key of the name index relates to its commune's name.
enum NameTag : std::uint32_t {
  kWholeName = 0,       // the whole name: "le mans"
  kWithoutArticle = 1,  // the name after its leading article: "mans"
  kLaterWord = 2,       // from a later word to the end: "etienne" in "saint etienne"
};

bool is_article(std::string_view w) {
  return w == "le" || w == "la" || w == "les" || w == "l";
}

double parse_double(const SourceTable& t, const csv::Row& row, std::size_t col) {
  const std::string& f = t.required(row, col);
  double v = 0;
  auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
  if (ec != std::errc() || end != f.data() + f.size()) t.fail(row, "nombre décimal attendu, « " + f + " » trouvé");
  return v;
}

bool five_digits(std::string_view s) {
  return s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string json_string(const boost::json::object& o, const char* key, const std::string& path, std::size_t index) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string() || v->as_string().empty())
    fail(path, "élément " + std::to_string(index + 1) + " : champ « " + key + " » absent ou vide");
  return std::string(v->as_string());
}

template <class T>
const T* find_by_code(const std::vector<T>& v, std::string_view code) {
  auto it = std::lower_bound(v.begin(), v.end(), code, [](const T& e, std::string_view c) { return e.code < c; });
  return it != v.end() && it->code == code ? &*it : nullptr;
}

}  // namespace

void Communes::load(const std::string& geo_dir) {
  load_departements(geo_dir + "/departements.json", geo_dir + "/regions.json");
  load_communes(geo_dir + "/communes_fr_2026.csv");
  load_epcis(geo_dir + "/epci_communes.csv");
  build_name_index();
}

void Communes::load_departements(const std::string& dep_path, const std::string& reg_path) {
  auto read = [](const std::string& path) {
    boost::json::value v = read_json(path);
    if (!v.is_array()) fail(path, "un tableau JSON est attendu");
    return v;
  };
  boost::json::value regs = read(reg_path);
  for (std::size_t i = 0; i < regs.as_array().size(); ++i) {
    const auto* o = regs.as_array()[i].if_object();
    if (!o) fail(reg_path, "élément " + std::to_string(i + 1) + " : objet attendu");
    regions_.push_back({json_string(*o, "code", reg_path, i), json_string(*o, "nom", reg_path, i),
                        json_string(*o, "chefLieu", reg_path, i)});
  }
  std::sort(regions_.begin(), regions_.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  boost::json::value deps = read(dep_path);
  for (std::size_t i = 0; i < deps.as_array().size(); ++i) {
    const auto* o = deps.as_array()[i].if_object();
    if (!o) fail(dep_path, "élément " + std::to_string(i + 1) + " : objet attendu");
    Departement d{json_string(*o, "code", dep_path, i), json_string(*o, "nom", dep_path, i),
                  json_string(*o, "region", dep_path, i), json_string(*o, "chefLieu", dep_path, i)};
    if (!region(d.region))
      fail(dep_path, "élément " + std::to_string(i + 1) + " : région « " + d.region + " » inconnue");
    departements_.push_back(std::move(d));
  }
  std::sort(departements_.begin(), departements_.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
}

void Communes::load_communes(const std::string& path) {
  SourceTable t(path);
  const std::size_t c_code = t.column("code_insee"), c_name = t.column("nom"), c_type = t.column("type"),
                    c_parent = t.column("commune_parente"), c_dep = t.column("code_departement"),
                    c_reg = t.column("code_region"), c_postal = t.column("codes_postaux"),
                    c_pop = t.column("population"), c_lat = t.column("latitude"), c_lon = t.column("longitude");
  all_.reserve(t.rows().size());
  for (const auto& row : t.rows()) {
    Commune c;
    c.code = t.required(row, c_code);
    if (c.code.size() != 5) t.fail(row, "code INSEE « " + c.code + " » invalide");
    c.name = t.required(row, c_name);
    const std::string& type = t.required(row, c_type);
    if (type == "arrondissement-municipal")
      c.parent = t.required(row, c_parent);
    else if (type != "commune-actuelle")
      t.fail(row, "type « " + type + " » inconnu");
    c.departement = t.required(row, c_dep);
    c.region = t.required(row, c_reg);
    if (!departement(c.departement)) t.fail(row, "département « " + c.departement + " » absent de departements.json");
    if (!region(c.region)) t.fail(row, "région « " + c.region + " » absente de regions.json");
    for (auto& pc : text::split(t.field(row, c_postal), ' ')) {
      if (pc.empty()) continue;
      if (!five_digits(pc)) t.fail(row, "code postal « " + pc + " » invalide");
      c.postal_codes.push_back(std::move(pc));
    }
    c.population = t.field(row, c_pop).empty() ? 0 : static_cast<long>(t.number(row, c_pop));
    c.latitude = parse_double(t, row, c_lat);
    c.longitude = parse_double(t, row, c_lon);
    all_.push_back(std::move(c));
  }
  const auto n = static_cast<std::uint32_t>(all_.size());
  by_code_.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) by_code_[i] = i;
  std::sort(by_code_.begin(), by_code_.end(), [this](auto a, auto b) { return all_[a].code < all_[b].code; });
  for (std::uint32_t i = 1; i < n; ++i)
    if (all_[by_code_[i]].code == all_[by_code_[i - 1]].code)
      t.fail(t.rows()[std::max(by_code_[i], by_code_[i - 1])],
             "code INSEE « " + all_[by_code_[i]].code + " » en double");
  for (std::uint32_t i = 0; i < n; ++i) {
    const Commune& c = all_[i];
    for (const auto& pc : c.postal_codes) by_postal_.emplace_back(static_cast<std::uint32_t>(std::stoul(pc)), i);
    if (c.arrondissement()) {
      const Commune* parent = find(c.parent);
      if (!parent || parent->arrondissement()) t.fail(t.rows()[i], "commune parente « " + c.parent + " » inconnue");
      arrondissements_.push_back(i);
    }
  }
  std::sort(by_postal_.begin(), by_postal_.end());
  std::sort(arrondissements_.begin(), arrondissements_.end(),
            [this](auto a, auto b) { return all_[a].code < all_[b].code; });
}

void Communes::load_epcis(const std::string& path) {
  SourceTable t(path);
  const std::size_t c_code = t.column("code_epci"), c_name = t.column("nom_epci"), c_type = t.column("type_epci"),
                    c_commune = t.column("code_insee");
  std::vector<std::pair<std::string, std::uint32_t>> members;  // (EPCI code, commune index)
  epci_of_.assign(all_.size(), -1);
  std::vector<const csv::Row*> member_row(all_.size(), nullptr);
  for (const auto& row : t.rows()) {
    const std::string& code = t.required(row, c_code);
    if (code.size() != 9) t.fail(row, "SIREN d'EPCI « " + code + " » invalide");
    const Commune* c = find(t.required(row, c_commune));
    if (!c) t.fail(row, "commune « " + t.field(row, c_commune) + " » absente de communes_fr_2026.csv");
    if (c->arrondissement()) t.fail(row, "un arrondissement ne peut être membre d'un EPCI");
    auto index = static_cast<std::uint32_t>(c - all_.data());
    if (member_row[index]) t.fail(row, "commune « " + c->code + " » déjà membre d'un autre EPCI");
    member_row[index] = &row;
    if (!find_by_code(epcis_, code)) {
      // Rows come grouped by EPCI in the file, but nothing relies on it: insert in code order.
      Epci e{code, t.required(row, c_name), t.required(row, c_type), {}};
      epcis_.insert(std::lower_bound(epcis_.begin(), epcis_.end(), code,
                                     [](const Epci& x, const std::string& k) { return x.code < k; }),
                    std::move(e));
    }
    members.emplace_back(code, index);
  }
  for (const auto& [code, index] : members) {
    auto it = std::lower_bound(epcis_.begin(), epcis_.end(), code,
                               [](const Epci& x, const std::string& k) { return x.code < k; });
    it->communes.push_back(&all_[index]);
    epci_of_[index] = static_cast<std::int32_t>(it - epcis_.begin());
  }
  for (auto& e : epcis_) {
    std::sort(e.communes.begin(), e.communes.end(), [](auto* a, auto* b) { return a->code < b->code; });
    e.communes.shrink_to_fit();
  }
}

void Communes::build_name_index() {
  for (std::uint32_t i = 0; i < all_.size(); ++i) {
    std::vector<std::string> words = search_words(all_[i].name);
    std::string key;
    std::vector<std::uint32_t> starts;  // where each word starts in key
    for (const auto& w : words) {
      if (!key.empty()) key.push_back(' ');
      starts.push_back(static_cast<std::uint32_t>(key.size()));
      key += w;
    }
    if (key.empty()) continue;
    const std::uint32_t base = names_.store(key), length = static_cast<std::uint32_t>(key.size());
    names_.add(base, length, i, kWholeName);
    for (std::size_t w = 1; w < starts.size(); ++w)
      names_.add(base + starts[w], length - starts[w], i,
                 w == 1 && is_article(words[0]) ? kWithoutArticle : kLaterWord);
  }
  names_.sort();
}

const Commune* Communes::find(std::string_view code) const {
  auto it = std::lower_bound(by_code_.begin(), by_code_.end(), code,
                             [this](std::uint32_t i, std::string_view c) { return all_[i].code < c; });
  return it != by_code_.end() && all_[*it].code == code ? &all_[*it] : nullptr;
}

std::vector<const Commune*> Communes::by_postal_code(std::string_view postal_code) const {
  std::vector<const Commune*> out;
  if (!five_digits(postal_code)) return out;
  std::uint32_t pc = 0;
  std::from_chars(postal_code.data(), postal_code.data() + postal_code.size(), pc);
  auto it = std::lower_bound(by_postal_.begin(), by_postal_.end(), std::make_pair(pc, std::uint32_t{0}));
  for (; it != by_postal_.end() && it->first == pc; ++it) out.push_back(&all_[it->second]);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->code < b->code; });
  return out;
}

std::vector<const Commune*> Communes::in_departement(std::string_view dep) const {
  std::vector<const Commune*> out;
  for (const auto& c : all_)
    if (c.departement == dep) out.push_back(&c);
  return out;
}

std::vector<const Commune*> Communes::arrondissements(const Commune& commune) const {
  std::vector<const Commune*> out;
  for (auto i : arrondissements_)
    if (all_[i].parent == commune.code) out.push_back(&all_[i]);
  return out;
}

std::vector<const Commune*> Communes::search(std::string_view query, std::size_t limit) const {
  limit = std::min(limit, kMaxResults);
  std::string trimmed = text::trim(query);
  if (limit == 0 || trimmed.empty()) return {};
  if (trimmed.size() >= 2 && trimmed.size() <= 5 &&
      std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return search_postal(trimmed, limit);

  std::vector<std::string> words = search_words(trimmed);
  if (words.empty()) return {};
  std::vector<std::string> keys{""};
  bool abbreviated = false;
  for (const auto& w : words) {
    for (auto& k : keys) k += (k.empty() ? "" : " ") + w;
    if (w == "st" || w == "ste" || w == "sts" || w == "stes") abbreviated = true;
  }
  if (abbreviated) {
    std::string expanded;
    for (const auto& w : words) {
      if (!expanded.empty()) expanded.push_back(' ');
      expanded += w == "st" ? "saint" : w == "ste" ? "sainte" : w == "sts" ? "saints" : w == "stes" ? "saintes" : w;
    }
    keys.push_back(std::move(expanded));
  }

  struct Candidate {
    std::uint32_t index;
    std::uint32_t tier;  // 0 exact name, 1 name (or name without article) starts with the query, 2 a later word does
  };
  std::vector<Candidate> found;
  for (const auto& key : keys)
    names_.for_prefix(key, [&](std::uint32_t id, std::uint32_t tag, std::string_view k) {
      std::uint32_t tier = tag == kLaterWord ? 2 : tag == kWholeName && k.size() == key.size() ? 0 : 1;
      found.push_back({id, tier});
    });
  // One candidate per commune, with its best tier.
  std::sort(found.begin(), found.end(),
            [](auto& a, auto& b) { return a.index != b.index ? a.index < b.index : a.tier < b.tier; });
  found.erase(std::unique(found.begin(), found.end(), [](auto& a, auto& b) { return a.index == b.index; }),
              found.end());
  auto better = [this](const Candidate& a, const Candidate& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    const Commune &ca = all_[a.index], &cb = all_[b.index];
    if (ca.population != cb.population) return ca.population > cb.population;
    return a.index < b.index;  // file order is INSEE code order
  };
  std::size_t n = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(), better);
  std::vector<const Commune*> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(&all_[found[i].index]);
  return out;
}

std::vector<const Commune*> Communes::search_postal(std::string_view digits, std::size_t limit) const {
  std::uint32_t prefix = 0, scale = 1;
  std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
  for (std::size_t i = digits.size(); i < 5; ++i) scale *= 10;
  const std::uint32_t lo = prefix * scale, hi = (prefix + 1) * scale;
  std::vector<std::uint32_t> found;
  for (auto it = std::lower_bound(by_postal_.begin(), by_postal_.end(), std::make_pair(lo, std::uint32_t{0}));
       it != by_postal_.end() && it->first < hi; ++it)
    found.push_back(it->second);
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::size_t n = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(), [this](auto a, auto b) {
    return all_[a].population != all_[b].population ? all_[a].population > all_[b].population : a < b;
  });
  std::vector<const Commune*> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(&all_[found[i]]);
  return out;
}

const Epci* Communes::epci(std::string_view code) const {
  return find_by_code(epcis_, code);
}

const Epci* Communes::epci_of(const Commune& commune) const {
  // By code, so that a Commune copied out of this object works too.
  const Commune* c = find(commune.arrondissement() ? commune.parent : commune.code);
  if (!c) return nullptr;
  std::int32_t e = epci_of_[static_cast<std::size_t>(c - all_.data())];
  return e < 0 ? nullptr : &epcis_[static_cast<std::size_t>(e)];
}

const Departement* Communes::departement(std::string_view code) const {
  return find_by_code(departements_, code);
}

const Region* Communes::region(std::string_view code) const {
  return find_by_code(regions_, code);
}

std::size_t Communes::memory_bytes() const {
  std::size_t n = sizeof(*this) + vector_bytes(all_) + vector_bytes(by_code_) + vector_bytes(by_postal_) +
                  vector_bytes(arrondissements_) + vector_bytes(epci_of_) + vector_bytes(epcis_) +
                  vector_bytes(departements_) + vector_bytes(regions_) + names_.memory_bytes();
  for (const auto& c : all_) {
    n += string_bytes(c.code) + string_bytes(c.name) + string_bytes(c.departement) + string_bytes(c.region) +
         string_bytes(c.parent) + vector_bytes(c.postal_codes);
    for (const auto& pc : c.postal_codes) n += string_bytes(pc);
  }
  for (const auto& e : epcis_)
    n += string_bytes(e.code) + string_bytes(e.name) + string_bytes(e.type) + vector_bytes(e.communes);
  for (const auto& d : departements_) n += string_bytes(d.name);
  for (const auto& r : regions_) n += string_bytes(r.name);
  return n;
}

}  // namespace jalon::referentials
