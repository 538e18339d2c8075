#include "people/model.h"

namespace jalon::people {

const std::vector<QualificationLevel>& qualification_levels() {
  static const std::vector<QualificationLevel> levels = {
      {"0", "Aucun diplôme"},
      {"3", "Niveau 3 : CAP, BEP"},
      {"4", "Niveau 4 : baccalauréat"},
      {"5", "Niveau 5 : bac + 2 (BTS, DUT)"},
      {"6", "Niveau 6 : bac + 3 ou 4 (licence, BUT, maîtrise)"},
      {"7", "Niveau 7 : bac + 5 (master)"},
      {"8", "Niveau 8 : doctorat"},
  };
  return levels;
}

const QualificationLevel* find_qualification_level(const std::string& code) {
  for (const auto& l : qualification_levels())
    if (code == l.code) return &l;
  return nullptr;
}

const char* grant_reason_code(GrantReason r) {
  switch (r) {
    case GrantReason::creator: return "creator";
    case GrantReason::consent: return "consent";
    case GrantReason::referent: return "referent";
    case GrantReason::pathway: return "pathway";
    case GrantReason::merge: return "merge";
  }
  return "consent";
}

const char* grant_reason_label(const std::string& code) {
  if (code == "creator") return "organisation qui a créé la fiche";
  if (code == "consent") return "partage avec le consentement de la personne";
  if (code == "referent") return "organisation référente";
  if (code == "pathway") return "membre du parcours";
  if (code == "merge") return "fusion de fiches";
  return code.c_str();
}

}  // namespace jalon::people
