#include "directory/exchange.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "directory/rules.h"
#include "referentials/communes.h"

namespace jalon::directory {

namespace json = boost::json;

namespace {

json::value text_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::value list_or_null(const std::vector<std::string>& values) {
  if (values.empty()) return nullptr;
  json::array a;
  for (const auto& v : values) a.emplace_back(v);
  return a;
}

json::value number_or_null(const std::optional<double>& d) { return d ? json::value(*d) : json::value(nullptr); }

std::string commune_name(const std::string& code) {
  if (code.empty()) return "";
  const auto* c = referentials::communes().find(code);
  return c ? c->name : "";
}

// Reading one field: the value when present and of an accepted type.
class Reader {
 public:
  Reader(const json::object& o, Validator& v) : o_(o), v_(v) {}

  void text(const char* field, std::string& out) {
    auto it = o_.find(field);
    if (it == o_.end()) return;
    const auto& val = it->value();
    if (val.is_null()) out.clear();
    else if (val.is_string()) out = std::string(val.as_string());
    else if (val.is_int64() || val.is_uint64()) out = json::serialize(val);  // a code written as a number
    else v_.add(field, fmt::format("Le champ « {} » doit être une chaîne de caractères.", field));
  }

  void list(const char* field, std::vector<std::string>& out) {
    auto it = o_.find(field);
    if (it == o_.end()) return;
    const auto& val = it->value();
    if (val.is_null()) {
      out.clear();
    } else if (val.is_string()) {
      std::string s(val.as_string());
      char sep = s.find('|') != std::string::npos ? '|' : ',';
      out.clear();
      for (auto& part : text::split(s, sep))
        if (!text::trim(part).empty()) out.push_back(text::trim(part));
    } else if (val.is_array()) {
      std::vector<std::string> values;
      for (const auto& x : val.as_array()) {
        if (!x.is_string()) {
          v_.add(field, fmt::format("Le champ « {} » doit être une liste de chaînes de caractères.", field));
          return;
        }
        values.emplace_back(x.as_string());
      }
      out = std::move(values);
    } else {
      v_.add(field, fmt::format("Le champ « {} » doit être une liste de valeurs.", field));
    }
  }

  void number(const char* field, std::optional<double>& out) {
    auto it = o_.find(field);
    if (it == o_.end()) return;
    const auto& val = it->value();
    if (val.is_null()) out.reset();
    else if (val.is_number()) out = val.to_number<double>();
    else if (val.is_string()) {
      bool ok = true;
      auto d = parse_decimal(std::string(val.as_string()), ok);
      if (ok) out = d;
      else v_.add(field, fmt::format("Le champ « {} » doit être un nombre (par exemple 46.58 ou 7,5).", field));
    } else {
      v_.add(field, fmt::format("Le champ « {} » doit être un nombre.", field));
    }
  }

  void integer(const char* field, std::optional<int>& out) {
    auto it = o_.find(field);
    if (it == o_.end()) return;
    const auto& val = it->value();
    bool ok = true;
    if (val.is_null()) out.reset();
    else if (val.is_int64() && std::abs(val.as_int64()) < 1000000000) out = static_cast<int>(val.as_int64());
    else if (val.is_double() && std::floor(val.as_double()) == val.as_double() && std::abs(val.as_double()) < 1e9)
      out = static_cast<int>(val.as_double());
    else if (val.is_string()) {
      auto n = parse_integer(std::string(val.as_string()), ok);
      if (ok) out = n;
    } else {
      ok = false;
    }
    if (!ok) v_.add(field, fmt::format("Le champ « {} » doit être un nombre entier.", field));
  }

 private:
  const json::object& o_;
  Validator& v_;
};

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_value(const json::value& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v.as_array()) out += (out.empty() ? "" : "|") + csv_value(x);
    return out;
  }
  if (v.is_double()) return fmt::format("{}", v.as_double());  // "46.58", not Boost's "4.658E1"
  return json::serialize(v);
}

std::string to_csv(const std::vector<std::string>& fields, const std::vector<json::object>& rows) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + fields[i];
  out += "\r\n";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      auto it = row.find(fields[i]);
      out += (i ? "," : "") + csv_field(it == row.end() ? "" : csv_value(it->value()));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

json::object structure_to_json(const Structure& s) {
  return {{"source", s.source},
          {"id", s.ext_id},
          {"nom", s.name},
          {"siret", text_or_null(s.siret)},
          {"description", text_or_null(s.description)},
          {"adresse", text_or_null(s.address)},
          {"complement_adresse", text_or_null(s.address_extra)},
          {"code_postal", text_or_null(s.postal_code)},
          {"code_insee", text_or_null(s.commune_code)},
          {"commune", text_or_null(commune_name(s.commune_code))},
          {"latitude", number_or_null(s.latitude)},
          {"longitude", number_or_null(s.longitude)},
          {"telephone", text_or_null(s.phone)},
          {"courriel", text_or_null(s.email)},
          {"site_web", text_or_null(s.website)},
          {"horaires_accueil", text_or_null(s.opening_hours)},
          {"accessibilite_lieu", text_or_null(s.accessibility_url)},
          {"lien_source", text_or_null(s.source_url)},
          {"reseaux_porteurs", list_or_null(s.networks)},
          {"date_maj", s.updated_on}};
}

json::object service_to_json(const Service& s) {
  return {{"source", s.source},
          {"id", s.ext_id},
          {"structure_id", s.structure_ext_id},
          {"nom", s.name},
          {"description", s.description},
          {"type", text_or_null(s.type)},
          {"thematiques", list_or_null(s.thematics)},
          {"publics", list_or_null(s.audiences)},
          {"publics_precisions", text_or_null(s.audiences_details)},
          {"frais", text_or_null(s.fees)},
          {"frais_precisions", text_or_null(s.fees_details)},
          {"conditions_acces", text_or_null(s.conditions)},
          {"modes_accueil", list_or_null(s.reception_modes)},
          {"modes_mobilisation", list_or_null(s.mobilisation_modes)},
          {"mobilisable_par", list_or_null(s.mobilising_persons)},
          {"mobilisation_precisions", text_or_null(s.mobilisation_details)},
          {"lien_mobilisation", text_or_null(s.mobilisation_link)},
          {"zone_eligibilite", list_or_null(s.eligibility_zone)},
          {"volume_horaire_hebdomadaire", number_or_null(s.weekly_hours)},
          {"nombre_semaines", s.weeks ? json::value(*s.weeks) : json::value(nullptr)},
          {"contact_nom_prenom", text_or_null(s.contact_name)},
          {"telephone", text_or_null(s.phone)},
          {"courriel", text_or_null(s.email)},
          {"adresse", text_or_null(s.address)},
          {"complement_adresse", text_or_null(s.address_extra)},
          {"code_postal", text_or_null(s.postal_code)},
          {"code_insee", text_or_null(s.commune_code)},
          {"commune", text_or_null(commune_name(s.commune_code))},
          {"latitude", number_or_null(s.latitude)},
          {"longitude", number_or_null(s.longitude)},
          {"horaires_accueil", text_or_null(s.opening_hours)},
          {"lien_source", text_or_null(s.source_url)},
          {"date_maj", s.updated_on}};
}

Structure structure_from_json(const json::object& o, Structure s, Validator& v) {
  Reader r(o, v);
  r.text("source", s.source);
  r.text("id", s.ext_id);
  r.text("nom", s.name);
  r.text("siret", s.siret);
  r.text("description", s.description);
  r.text("adresse", s.address);
  r.text("complement_adresse", s.address_extra);
  r.text("code_postal", s.postal_code);
  r.text("code_insee", s.commune_code);
  r.number("latitude", s.latitude);
  r.number("longitude", s.longitude);
  r.text("telephone", s.phone);
  r.text("courriel", s.email);
  r.text("site_web", s.website);
  r.text("horaires_accueil", s.opening_hours);
  r.text("accessibilite_lieu", s.accessibility_url);
  r.text("lien_source", s.source_url);
  r.list("reseaux_porteurs", s.networks);
  r.text("typologie", s.typology);
  r.text("date_maj", s.updated_on);
  return s;
}

Service service_from_json(const json::object& o, Service s, Validator& v) {
  Reader r(o, v);
  r.text("source", s.source);
  r.text("id", s.ext_id);
  r.text("structure_id", s.structure_ext_id);
  r.text("nom", s.name);
  r.text("description", s.description);
  r.text("type", s.type);
  r.list("thematiques", s.thematics);
  r.list("publics", s.audiences);
  r.text("publics_precisions", s.audiences_details);
  r.text("frais", s.fees);
  r.text("frais_precisions", s.fees_details);
  r.text("conditions_acces", s.conditions);
  r.list("modes_accueil", s.reception_modes);
  r.list("modes_mobilisation", s.mobilisation_modes);
  r.list("mobilisable_par", s.mobilising_persons);
  r.text("mobilisation_precisions", s.mobilisation_details);
  r.text("lien_mobilisation", s.mobilisation_link);
  r.list("zone_eligibilite", s.eligibility_zone);
  r.number("volume_horaire_hebdomadaire", s.weekly_hours);
  r.integer("nombre_semaines", s.weeks);
  r.text("contact_nom_prenom", s.contact_name);
  r.text("telephone", s.phone);
  r.text("courriel", s.email);
  r.text("adresse", s.address);
  r.text("complement_adresse", s.address_extra);
  r.text("code_postal", s.postal_code);
  r.text("code_insee", s.commune_code);
  r.number("latitude", s.latitude);
  r.number("longitude", s.longitude);
  r.text("horaires_accueil", s.opening_hours);
  r.text("lien_source", s.source_url);
  r.text("date_maj", s.updated_on);
  return s;
}

const std::vector<std::string>& structure_fields() {
  static const std::vector<std::string> f = {"source", "id", "nom", "siret", "description", "adresse", "complement_adresse", "code_postal",
                                             "code_insee", "commune", "latitude", "longitude", "telephone", "courriel", "site_web",
                                             "horaires_accueil", "accessibilite_lieu", "lien_source", "reseaux_porteurs", "date_maj"};
  return f;
}

const std::vector<std::string>& service_fields() {
  static const std::vector<std::string> f = {
      "source", "id", "structure_id", "nom", "description", "type", "thematiques", "publics", "publics_precisions", "frais",
      "frais_precisions", "conditions_acces", "modes_accueil", "modes_mobilisation", "mobilisable_par", "mobilisation_precisions",
      "lien_mobilisation", "zone_eligibilite", "volume_horaire_hebdomadaire", "nombre_semaines", "contact_nom_prenom", "telephone",
      "courriel", "adresse", "complement_adresse", "code_postal", "code_insee", "commune", "latitude", "longitude", "horaires_accueil",
      "lien_source", "date_maj"};
  return f;
}

bool is_list_field(const std::string& name) {
  static const std::vector<std::string> lists = {"reseaux_porteurs", "thematiques",     "publics",         "modes_accueil",
                                                 "modes_mobilisation", "mobilisable_par", "zone_eligibilite"};
  return std::find(lists.begin(), lists.end(), name) != lists.end();
}

bool is_number_field(const std::string& name) {
  return name == "latitude" || name == "longitude" || name == "volume_horaire_hebdomadaire" || name == "nombre_semaines";
}

std::string structures_csv(const std::vector<Structure>& structures) {
  std::vector<json::object> rows;
  rows.reserve(structures.size());
  for (const auto& s : structures) rows.push_back(structure_to_json(s));
  return to_csv(structure_fields(), rows);
}

std::string services_csv(const std::vector<Service>& services) {
  std::vector<json::object> rows;
  rows.reserve(services.size());
  for (const auto& s : services) rows.push_back(service_to_json(s));
  return to_csv(service_fields(), rows);
}

}  // namespace jalon::directory
