#include "accounts/model.h"

namespace jalon::accounts {

const std::vector<OrgKind>& org_kinds() {
  static const std::vector<OrgKind> kinds = {
      {"france_travail", "Agence France Travail", "accompagnement", true},
      {"mission_locale", "Mission Locale", "accompagnement", true},
      {"cap_emploi", "Cap Emploi", "accompagnement", true},
      {"plie", "PLIE (plan local pour l'insertion et l'emploi)", "accompagnement", false},
      {"departement", "Conseil départemental", "accompagnement", true},
      {"ccas", "CCAS / CIAS", "accompagnement", false},
      {"association", "Association", "accompagnement", false},
      {"aci", "Atelier et chantier d'insertion (ACI)", "siae", false},
      {"ai", "Association intermédiaire (AI)", "siae", false},
      {"ei", "Entreprise d'insertion (EI)", "siae", false},
      {"etti", "Entreprise de travail temporaire d'insertion (ETTI)", "siae", false},
      {"eiti", "Entreprise d'insertion par le travail indépendant (EITI)", "siae", false},
      {"geiq", "Groupement d'employeurs pour l'insertion et la qualification (GEIQ)", "employeur", false},
      {"cae", "Coopérative d'activité et d'emploi (CAE)", "employeur", false},
      {"afpa", "Centre AFPA", "formation", false},
      {"cfa", "Centre de formation d'apprentis (CFA)", "formation", false},
      {"e2c", "École de la 2e Chance (E2C)", "formation", false},
      {"organisme_formation", "Autre organisme de formation", "formation", false},
      {"employeur", "Employeur", "employeur", false},
      {"entreprise", "Entreprise", "employeur", false},
      {"employeur_public", "Employeur public", "employeur", false},
      {"structure_ess", "Structure de l'économie sociale et solidaire", "employeur", false},
      {"ddets", "Services de l'État : DDETS", "autorite", false},
      {"dreets", "Services de l'État : DREETS", "autorite", false},
      {"asp", "Agence de services et de paiement (ASP)", "autorite", false},
  };
  return kinds;
}

const OrgKind* find_org_kind(std::string_view code) {
  for (const auto& k : org_kinds())
    if (code == k.code) return &k;
  return nullptr;
}

const char* family_label(std::string_view family) {
  if (family == "accompagnement") return "Accompagnement";
  if (family == "siae") return "Insertion par l'activité économique";
  if (family == "formation") return "Formation";
  if (family == "employeur") return "Employeurs";
  if (family == "autorite") return "Pouvoirs publics";
  return "Autre";
}

const char* role_code(Role r) { return r == Role::admin ? "admin" : "member"; }

const char* role_label(std::string_view code) { return code == "admin" ? "Administrateur" : "Membre"; }

bool parse_role(std::string_view code, Role& out) {
  if (code == "admin") { out = Role::admin; return true; }
  if (code == "member") { out = Role::member; return true; }
  return false;
}

}  // namespace jalon::accounts
