#include "directory/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/siret.h"
#include "base/text.h"
#include "base/time.h"
#include "referentials/communes.h"
#include "referentials/inclusion.h"

namespace jalon::directory {

Referentials process_referentials() { return {referentials::communes(), referentials::inclusion()}; }

namespace {

bool digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// One line of text (a name, a phone number, an address): no line breaks nor control characters.
void check_line(Validator& v, const char* field, const std::string& value, const char* what, std::size_t max) {
  if (value.empty()) return;
  if (!text::valid_utf8(value) || value.find_first_of("\r\n\t") != std::string::npos)
    v.add(field, fmt::format("{} contient des caractères invalides (retour à la ligne, tabulation…).", what));
  else if (text::utf8_length(value) > max)
    v.add(field, fmt::format("{} ne doit pas dépasser {} caractères.", what, max));
}

// Free text (descriptions, conditions): line breaks allowed.
void check_text(Validator& v, const char* field, const std::string& value, const char* what, std::size_t max) {
  if (value.empty()) return;
  if (!text::valid_utf8(value)) v.add(field, fmt::format("{} contient des caractères de contrôle interdits.", what));
  else if (text::utf8_length(value) > max) v.add(field, fmt::format("{} ne doit pas dépasser {} caractères.", what, max));
}

void check_name(Validator& v, const std::string& name, bool no_final_dot) {
  if (name.empty()) {
    v.add("nom", "Indiquez le nom.");
    return;
  }
  std::size_t n = text::utf8_length(name);
  if (!text::valid_utf8(name) || name.find_first_of("\r\n\t") != std::string::npos)
    v.add("nom", "Le nom contient des caractères invalides (retour à la ligne, tabulation…).");
  else if (n < 3 || n > 150) v.add("nom", "Le nom compte de 3 à 150 caractères.");
  else if (no_final_dot && name.back() == '.') v.add("nom", "Le nom ne doit pas se terminer par un point.");
}

void check_description(Validator& v, const std::string& d, bool required) {
  if (d.empty()) {
    if (required) v.add("description", "Décrivez le service en quelques phrases (5 caractères au moins).");
    return;
  }
  std::size_t n = text::utf8_length(d);
  if (!text::valid_utf8(d)) v.add("description", "La description contient des caractères de contrôle interdits.");
  else if (n < 5) v.add("description", "La description compte au moins 5 caractères.");
  else if (n > 10000) v.add("description", "La description ne doit pas dépasser 10 000 caractères.");
}

// An absolute http(s) address with a host, as the schema's "uri" format and browsers accept.
bool plausible_url(const std::string& u) {
  std::string rest;
  if (u.rfind("https://", 0) == 0) rest = u.substr(8);
  else if (u.rfind("http://", 0) == 0) rest = u.substr(7);
  else return false;
  std::string host = rest.substr(0, rest.find_first_of("/?#"));
  if (host.empty() || host.find('.') == std::string::npos || host.front() == '.' || host.back() == '.') return false;
  for (unsigned char c : u)
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' || c >= 0x7F)
      return false;
  return true;
}

void check_url(Validator& v, const char* field, const std::string& u, const char* what) {
  if (u.empty()) return;
  if (u.size() > 2083 || !plausible_url(u))
    v.add(field, fmt::format("{} doit être une adresse web complète (https://…), sans espace ni accent.", what));
}

std::string normalise_phone(const std::string& phone) {
  std::string out;
  for (char c : phone)
    if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')' && c != '/') out.push_back(c);
  return out;
}

void check_phone(Validator& v, const char* field, const std::string& phone) {
  if (phone.empty()) return;
  std::string d = phone[0] == '+' ? phone.substr(1) : phone;
  if (d.size() < 9 || d.size() > 15 || !digits(d))
    v.add(field, "Le numéro de téléphone compte 10 chiffres (ou commence par + et l'indicatif du pays), un seul numéro.");
}

void check_email(Validator& v, const char* field, const std::string& email) {
  if (!email.empty() && !text::plausible_email(email))
    v.add(field, "L'adresse e-mail n'est pas valide (exemple : accueil@exemple.fr).");
}

// Trimmed, without empty values and duplicates, in the order given.
void tidy(std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (auto& x : values) {
    std::string t = text::trim(x);
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  values = std::move(out);
}

void check_terms(Validator& v, const char* field, const std::vector<std::string>& values, const referentials::Vocabulary& vocab,
                 const char* what) {
  std::vector<std::string> unknown;
  for (const auto& x : values)
    if (!vocab.contains(x)) unknown.push_back("« " + text::cut_utf8(x, 60) + " »");
  if (unknown.empty()) return;
  std::string list;
  for (std::size_t i = 0; i < unknown.size() && i < 5; ++i) list += (i ? ", " : "") + unknown[i];
  v.add(field, fmt::format("{} {} : valeur{} inconnue{} du référentiel data·inclusion.", what, list, unknown.size() > 1 ? "s" : "",
                           unknown.size() > 1 ? "s" : ""));
}

void check_term(Validator& v, const char* field, const std::string& value, const referentials::Vocabulary& vocab, const char* what) {
  if (!value.empty() && !vocab.contains(value))
    v.add(field, fmt::format("{} « {} » : valeur inconnue du référentiel data·inclusion.", what, text::cut_utf8(value, 60)));
}

// Postal code and commune: each valid, and consistent; a postal code alone fills the commune
// when it serves one commune.
void check_place(Validator& v, std::string& postal_code, std::string& commune_code, const referentials::Communes& communes) {
  if (!postal_code.empty() && (postal_code.size() != 5 || !digits(postal_code))) v.add("code_postal", "Le code postal compte 5 chiffres.");
  if (!commune_code.empty() && !communes.find(commune_code))
    v.add("code_insee", fmt::format("La commune « {} » est inconnue (code INSEE à 5 caractères, par exemple 86194 pour Poitiers).",
                                    text::cut_utf8(commune_code, 20)));
  if (postal_code.empty() || v.has("code_postal") || v.has("code_insee")) return;
  auto served = communes.by_postal_code(postal_code);
  auto names = [&] {
    std::string out;
    for (std::size_t i = 0; i < served.size() && i < 6; ++i) out += (i ? ", " : "") + served[i]->name + " (" + served[i]->code + ")";
    return out + (served.size() > 6 ? "…" : "");
  };
  if (served.empty()) v.add("code_postal", "Ce code postal est inconnu.");
  else if (commune_code.empty() && served.size() == 1) commune_code = served[0]->code;
  else if (commune_code.empty())
    v.add("code_insee", "Le code postal " + postal_code + " couvre plusieurs communes : indiquez le code INSEE de l'une d'elles : " + names() + ".");
  else if (std::none_of(served.begin(), served.end(), [&](const auto* c) { return c->code == commune_code; }))
    v.add("code_insee", "Cette commune ne correspond pas au code postal " + postal_code + " (" + names() + ").");
}

void check_coordinates(Validator& v, const std::optional<double>& lat, const std::optional<double>& lon) {
  if (lat.has_value() != lon.has_value()) {
    v.add(lat ? "longitude" : "latitude", "Indiquez la latitude et la longitude ensemble, ou aucune des deux.");
    return;
  }
  if (lat && (!std::isfinite(*lat) || *lat < -90 || *lat > 90)) v.add("latitude", "La latitude est comprise entre -90 et 90 degrés.");
  if (lon && (!std::isfinite(*lon) || *lon < -180 || *lon > 180)) v.add("longitude", "La longitude est comprise entre -180 et 180 degrés.");
}

void check_date(Validator& v, const std::string& d, const std::string& today) {
  if (d.empty()) v.add("date_maj", "Indiquez la date de dernière mise à jour (AAAA-MM-JJ).");
  else if (!time::valid_civil_date(d)) v.add("date_maj", "La date de dernière mise à jour doit être une date valide (AAAA-MM-JJ).");
  else if (d > today) v.add("date_maj", "La date de dernière mise à jour ne peut pas être dans le futur.");
}

void check_identity(Validator& v, const std::string& source, const std::string& ext_id) {
  if (source.empty() || source.size() > 100 || !text::valid_utf8(source) || source.find_first_of(" \t\r\n") != std::string::npos)
    v.add("source", "La source (identifiant du producteur de la donnée) est requise : 100 caractères au plus, sans espace.");
  if (ext_id.size() > 200 || !text::valid_utf8(ext_id) || ext_id.find_first_of("\r\n\t") != std::string::npos)
    v.add("id", "L'identifiant compte 200 caractères au plus, sur une ligne.");
}

// A code of the eligibility zone: "france", a country (99xxx), a commune (5), a département
// (2 or 3) or an EPCI (9 digits), each known to the geographic referential.
bool known_zone(const std::string& code, const referentials::Communes& communes) {
  if (code == "france") return true;
  if (code.size() == 5 && code.rfind("99", 0) == 0) return digits(code) && code[2] >= '0' && code[2] <= '5';
  if (code.size() == 5) return communes.find(code) != nullptr;
  if (code.size() == 2 || code.size() == 3) return communes.departement(code) != nullptr;
  if (code.size() == 9) return digits(code) && communes.epci(code) != nullptr;
  return false;
}

void trim_all(std::initializer_list<std::string*> fields) {
  for (auto* s : fields) *s = text::trim(*s);
}

}  // namespace

Structure validate_structure(const Structure& in, const std::string& today, const Referentials& refs, Validator v) {
  Structure s = in;
  trim_all({&s.source, &s.ext_id, &s.name, &s.description, &s.address, &s.address_extra, &s.postal_code, &s.commune_code, &s.phone,
            &s.website, &s.opening_hours, &s.accessibility_url, &s.source_url, &s.typology, &s.updated_on});
  s.siret = siret::normalise(text::trim(s.siret));
  s.email = text::normalise_email(s.email);
  s.phone = normalise_phone(s.phone);
  tidy(s.networks);
  check_identity(v, s.source, s.ext_id);
  check_name(v, s.name, true);
  if (!s.siret.empty() && !siret::valid(s.siret))
    v.add("siret", "Le numéro SIRET compte 14 chiffres et sa clé de contrôle doit être juste : vérifiez-le.");
  check_description(v, s.description, false);
  check_line(v, "adresse", s.address, "L'adresse", 300);
  check_line(v, "complement_adresse", s.address_extra, "Le complément d'adresse", 300);
  check_place(v, s.postal_code, s.commune_code, refs.communes);
  check_coordinates(v, s.latitude, s.longitude);
  check_phone(v, "telephone", s.phone);
  check_email(v, "courriel", s.email);
  check_url(v, "site_web", s.website, "Le site web");
  check_url(v, "accessibilite_lieu", s.accessibility_url, "Le lien Accèslibre");
  check_url(v, "lien_source", s.source_url, "Le lien source");
  check_text(v, "horaires_accueil", s.opening_hours, "Les horaires d'accueil", 1000);
  check_terms(v, "reseaux_porteurs", s.networks, refs.inclusion.networks(), "Réseau porteur");
  check_term(v, "typologie", s.typology, refs.inclusion.structure_typologies(), "Typologie");
  check_date(v, s.updated_on, today);
  v.throw_if_any();
  return s;
}

Service validate_service(const Service& in, const std::string& today, const Referentials& refs, Validator v) {
  Service s = in;
  trim_all({&s.source, &s.ext_id, &s.structure_ext_id, &s.name, &s.description, &s.type, &s.audiences_details, &s.fees, &s.fees_details,
            &s.conditions, &s.mobilisation_details, &s.mobilisation_link, &s.contact_name, &s.phone, &s.address, &s.address_extra,
            &s.postal_code, &s.commune_code, &s.opening_hours, &s.source_url, &s.updated_on});
  s.email = text::normalise_email(s.email);
  s.phone = normalise_phone(s.phone);
  for (auto* list : {&s.thematics, &s.audiences, &s.reception_modes, &s.mobilisation_modes, &s.mobilising_persons, &s.eligibility_zone})
    tidy(*list);
  for (auto& code : s.eligibility_zone)
    if (code == "France" || code == "FRANCE") code = "france";
  const auto& di = refs.inclusion;
  check_identity(v, s.source, s.ext_id);
  check_name(v, s.name, false);
  check_description(v, s.description, true);
  check_term(v, "type", s.type, di.service_types(), "Type de service");
  check_terms(v, "thematiques", s.thematics, di.thematics(), "Thématique");
  check_terms(v, "publics", s.audiences, di.audiences(), "Public");
  if (!v.has("publics") && s.audiences.size() > 1 && std::find(s.audiences.begin(), s.audiences.end(), "tous-publics") != s.audiences.end())
    v.add("publics", "« Tous publics » ne se combine pas avec d'autres publics : choisissez l'un ou les autres.");
  check_text(v, "publics_precisions", s.audiences_details, "Les précisions sur les publics", 2000);
  check_term(v, "frais", s.fees, di.fees(), "Frais");
  check_text(v, "frais_precisions", s.fees_details, "Les précisions sur les frais", 2000);
  check_text(v, "conditions_acces", s.conditions, "Les conditions d'accès", 2000);
  check_terms(v, "modes_accueil", s.reception_modes, di.reception_modes(), "Mode d'accueil");
  check_terms(v, "modes_mobilisation", s.mobilisation_modes, di.mobilisation_modes(), "Mode de mobilisation");
  check_terms(v, "mobilisable_par", s.mobilising_persons, di.mobilising_persons(), "Personne mobilisatrice");
  check_text(v, "mobilisation_precisions", s.mobilisation_details, "Les précisions sur la mobilisation", 2000);
  check_url(v, "lien_mobilisation", s.mobilisation_link, "Le lien de mobilisation");
  if (s.mobilisation_link.empty() &&
      std::find(s.mobilisation_modes.begin(), s.mobilisation_modes.end(), "utiliser-lien-mobilisation") != s.mobilisation_modes.end())
    v.add("lien_mobilisation", "Indiquez le lien de mobilisation, puisque le service se mobilise par un lien.");
  {
    std::vector<std::string> unknown;
    for (const auto& code : s.eligibility_zone)
      if (!known_zone(code, refs.communes)) unknown.push_back("« " + text::cut_utf8(code, 20) + " »");
    if (!unknown.empty()) {
      std::string list;
      for (std::size_t i = 0; i < unknown.size() && i < 5; ++i) list += (i ? ", " : "") + unknown[i];
      v.add("zone_eligibilite", "Zone d'éligibilité : " + list +
                                    (unknown.size() > 1 ? " ne sont pas des codes connus" : " n'est pas un code connu") +
                                    " (commune : code INSEE à 5 caractères, département : 2 ou 3, EPCI : SIREN à 9 chiffres, pays : 99xxx, ou « france »).");
    }
  }
  if (s.weekly_hours && (!std::isfinite(*s.weekly_hours) || *s.weekly_hours < 0 || *s.weekly_hours > 168))
    v.add("volume_horaire_hebdomadaire", "Le volume horaire hebdomadaire est un nombre d'heures entre 0 et 168.");
  if (s.weeks && (*s.weeks < 1 || *s.weeks > 520)) v.add("nombre_semaines", "Le nombre de semaines est un entier d'au moins 1 (520 au plus).");
  check_line(v, "contact_nom_prenom", s.contact_name, "Le nom du contact", 150);
  check_phone(v, "telephone", s.phone);
  check_email(v, "courriel", s.email);
  check_line(v, "adresse", s.address, "L'adresse", 300);
  check_line(v, "complement_adresse", s.address_extra, "Le complément d'adresse", 300);
  check_place(v, s.postal_code, s.commune_code, refs.communes);
  check_coordinates(v, s.latitude, s.longitude);
  check_text(v, "horaires_accueil", s.opening_hours, "Les horaires d'accueil", 1000);
  check_url(v, "lien_source", s.source_url, "Le lien source");
  check_date(v, s.updated_on, today);
  v.throw_if_any();
  return s;
}

std::optional<double> parse_decimal(const std::string& text_in, bool& ok) {
  ok = true;
  std::string t = text::trim(text_in);
  if (t.empty()) return std::nullopt;
  std::replace(t.begin(), t.end(), ',', '.');
  if (t.find_first_not_of("0123456789.-+eE") != std::string::npos) {
    ok = false;
    return std::nullopt;
  }
  char* end = nullptr;
  double d = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || !std::isfinite(d)) {
    ok = false;
    return std::nullopt;
  }
  return d;
}

std::optional<int> parse_integer(const std::string& text_in, bool& ok) {
  ok = true;
  std::string t = text::trim(text_in);
  if (t.empty()) return std::nullopt;
  std::string d = t[0] == '-' ? t.substr(1) : t;
  if (!digits(d) || d.size() > 9) {
    ok = false;
    return std::nullopt;
  }
  return std::stoi(t);
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text + ",") {
    if (c == ',' || c == ';' || c == ' ' || c == '|' || c == '\t' || c == '\n' || c == '\r') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  return out;
}

bool is_stale(const std::string& updated_on, const std::string& today) {
  if (!time::valid_civil_date(updated_on) || !time::valid_civil_date(today)) return true;
  int year = std::stoi(today.substr(0, 4)) - 1;
  std::string month_day = today.substr(4);
  if (month_day == "-02-29") month_day = "-02-28";
  return updated_on <= fmt::format("{:04}", year) + month_day;
}

bool can(const Actor& who, const Structure& structure, Action a) {
  if (a == Action::read) return true;
  if (structure.organisation_id == 0) return who.platform_admin;
  return std::find(who.organisations.begin(), who.organisations.end(), structure.organisation_id) != who.organisations.end();
}

std::string display_phone(const std::string& p) {
  if (p.size() != 10 || p.find_first_not_of("0123456789") != std::string::npos) return p;
  return p.substr(0, 2) + " " + p.substr(2, 2) + " " + p.substr(4, 2) + " " + p.substr(6, 2) + " " + p.substr(8, 2);
}

std::string display_address(const Service& sv, const Structure& st) {
  // A service that names neither an address nor a commune is received at its structure.
  const bool own = !sv.address.empty() || !sv.commune_code.empty();
  const std::string& address = own ? sv.address : st.address;
  const std::string& postal = sv.commune_code.empty() ? st.postal_code : sv.postal_code;
  const std::string& commune = sv.commune_code.empty() ? st.commune_code : sv.commune_code;
  std::string where = address;
  if (!commune.empty())
    where += (where.empty() ? "" : ", ") + postal + (postal.empty() ? "" : " ") + referentials::communes().name_of(commune);
  return where;
}

const std::string& contact_phone(const Service& sv, const Structure& st) { return sv.phone.empty() ? st.phone : sv.phone; }

}  // namespace jalon::directory
