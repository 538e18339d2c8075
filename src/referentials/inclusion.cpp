#include "referentials/inclusion.h"

#include <algorithm>
#include <boost/json.hpp>

#include "referentials/memory.h"
#include "referentials/source.h"

namespace jalon::referentials {

namespace {

constexpr std::string_view kCategorySeparator = "--";

// Sorts the lookup of `v`; `duplicate(i)` is called for a value seen twice.
template <class F>
void index_values(std::vector<Term>& terms, std::vector<std::uint32_t>& by_value, F duplicate) {
  by_value.resize(terms.size());
  for (std::uint32_t i = 0; i < terms.size(); ++i) by_value[i] = i;
  std::sort(by_value.begin(), by_value.end(), [&](auto a, auto b) { return terms[a].value < terms[b].value; });
  for (std::size_t i = 1; i < by_value.size(); ++i)
    if (terms[by_value[i]].value == terms[by_value[i - 1]].value) duplicate(std::max(by_value[i], by_value[i - 1]));
}

std::string json_text(const boost::json::object& o, const char* key, bool required, const std::string& path,
                      std::size_t i) {
  const auto* v = o.if_contains(key);
  if (v && v->is_string() && !v->as_string().empty()) return std::string(v->as_string());
  if (required || (v && !v->is_null() && !v->is_string()))
    fail(path, "élément " + std::to_string(i + 1) + " : champ « " + key + " » absent ou invalide");
  return {};
}

// The values of the enum `$defs.<name>.enum` of a JSON schema.
std::vector<std::string> schema_enum(const boost::json::value& schema, const std::string& path, const char* name) {
  const boost::json::value* e = nullptr;
  if (const auto* defs = schema.is_object() ? schema.as_object().if_contains("$defs") : nullptr)
    if (const auto* def = defs->is_object() ? defs->as_object().if_contains(name) : nullptr)
      if (def->is_object()) e = def->as_object().if_contains("enum");
  if (!e || !e->is_array()) fail(path, std::string("énumération $defs.") + name + " absente");
  std::vector<std::string> values;
  for (const auto& v : e->as_array()) {
    if (!v.is_string()) fail(path, std::string("énumération $defs.") + name + " : valeur non textuelle");
    values.emplace_back(v.as_string());
  }
  return values;
}

}  // namespace

const Term* Vocabulary::find(std::string_view value) const {
  auto it = std::lower_bound(by_value_.begin(), by_value_.end(), value,
                             [this](std::uint32_t i, std::string_view v) { return terms_[i].value < v; });
  return it != by_value_.end() && terms_[*it].value == value ? &terms_[*it] : nullptr;
}

std::string_view Vocabulary::label(std::string_view value) const {
  const Term* t = find(value);
  return t ? std::string_view(t->label) : value;
}

void Inclusion::load(const std::string& dir) {
  auto from_csv = [&](Vocabulary& v, const std::string& path) {
    SourceTable t(path);
    const std::size_t c_value = t.column("value"), c_label = t.column("label"), c_description = t.column("description");
    for (const auto& row : t.rows())
      v.terms_.push_back({t.required(row, c_value), t.required(row, c_label), t.field(row, c_description)});
    index_values(v.terms_, v.by_value_,
                 [&](std::uint32_t i) { t.fail(t.rows()[i], "valeur « " + v.terms_[i].value + " » en double"); });
  };
  from_csv(thematics_, dir + "/seeds/thematiques_v1.csv");
  from_csv(audiences_, dir + "/seeds/publics_v1.csv");
  from_csv(fees_, dir + "/seeds/frais_v1.csv");
  from_csv(reception_modes_, dir + "/seeds/modes_accueil_v1.csv");
  from_csv(mobilisation_modes_, dir + "/seeds/modes_mobilisation_v1.csv");
  from_csv(mobilising_persons_, dir + "/seeds/personne_mobilisatrice_v1.csv");
  from_csv(service_types_, dir + "/seeds/types_de_services_v1.csv");
  from_csv(networks_, dir + "/seeds/reseaux_porteurs_v1.csv");

  const std::string typologies = dir + "/v0/typologies-de-structures.json";
  boost::json::value json = read_json(typologies);
  if (!json.is_array()) fail(typologies, "un tableau JSON est attendu");
  for (std::size_t i = 0; i < json.as_array().size(); ++i) {
    const auto* o = json.as_array()[i].if_object();
    if (!o) fail(typologies, "élément " + std::to_string(i + 1) + " : objet attendu");
    structure_typologies_.terms_.push_back({json_text(*o, "value", true, typologies, i),
                                            json_text(*o, "label", true, typologies, i),
                                            json_text(*o, "description", false, typologies, i)});
  }
  index_values(structure_typologies_.terms_, structure_typologies_.by_value_, [&](std::uint32_t i) {
    fail(typologies, "valeur « " + structure_typologies_.terms_[i].value + " » en double");
  });

  // Thematics are "category--subcategory"; the categories' labels come from their own file.
  Vocabulary categories;
  const std::string categories_path = dir + "/categories_thematiques_v1.csv";
  from_csv(categories, categories_path);
  for (const auto& c : categories.terms()) categories_.push_back({c.value, c.label, {}});
  for (const auto& t : thematics_.terms()) {
    auto sep = t.value.find(kCategorySeparator);
    auto c = std::find_if(categories_.begin(), categories_.end(), [&](const ThematicCategory& x) {
      return sep != std::string::npos && x.value == std::string_view(t.value).substr(0, sep);
    });
    if (c == categories_.end())
      fail(dir + "/seeds/thematiques_v1.csv",
           "thématique « " + t.value + " » sans catégorie connue de " + categories_path);
    c->thematics.push_back(&t);
  }

  // The exports are validated against the schemas: the vocabularies must be theirs.
  auto check = [](const Vocabulary& v, const boost::json::value& schema, const std::string& path, const char* name) {
    std::vector<std::string> values = schema_enum(schema, path, name);
    for (const auto& value : values)
      if (!v.contains(value))
        fail(path, std::string("$defs.") + name + " : « " + value + " » absent des référentiels CSV");
    if (values.size() != v.size())
      fail(path, std::string("$defs.") + name + " : " + std::to_string(values.size()) + " valeurs au lieu de " +
                     std::to_string(v.size()));
  };
  const std::string service = dir + "/v1/service.json", structure = dir + "/v1/structure.json";
  boost::json::value service_schema = read_json(service);
  check(thematics_, service_schema, service, "Thematique");
  check(audiences_, service_schema, service, "Public");
  check(fees_, service_schema, service, "Frais");
  check(reception_modes_, service_schema, service, "ModeAccueil");
  check(mobilisation_modes_, service_schema, service, "ModeMobilisation");
  check(mobilising_persons_, service_schema, service, "PersonneMobilisatrice");
  check(service_types_, service_schema, service, "TypeService");
  check(networks_, read_json(structure), structure, "ReseauPorteur");
}

const ThematicCategory* Inclusion::thematic_category(std::string_view value) const {
  for (const auto& c : categories_)
    if (c.value == value) return &c;
  return nullptr;
}

const ThematicCategory* Inclusion::category_of(std::string_view thematic) const {
  if (!thematics_.contains(thematic)) return nullptr;
  return thematic_category(thematic.substr(0, thematic.find(kCategorySeparator)));
}

std::size_t Inclusion::memory_bytes() const {
  std::size_t n = sizeof(*this) + vector_bytes(categories_);
  for (const Vocabulary* v : {&thematics_, &audiences_, &fees_, &reception_modes_, &mobilisation_modes_,
                              &mobilising_persons_, &service_types_, &networks_, &structure_typologies_}) {
    n += vector_bytes(v->terms()) + v->size() * sizeof(std::uint32_t);
    for (const auto& t : v->terms()) n += string_bytes(t.value) + string_bytes(t.label) + string_bytes(t.description);
  }
  for (const auto& c : categories_) n += string_bytes(c.value) + string_bytes(c.label) + vector_bytes(c.thematics);
  return n;
}

}  // namespace jalon::referentials
