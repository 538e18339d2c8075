#include "orientation/labels.h"

#include <map>
#include <string>
#include <vector>

namespace jalon::orientation {

namespace {
const std::vector<std::string_view> kYesNo{"Non", "Oui"};
const std::vector<std::string_view> kSeverity{"Aucune", "Légère", "Forte", "Bloquante"};
// By fact name, in the order of the fact's values.
const std::map<std::string_view, std::vector<std::string_view>>& labels() {
  static const std::map<std::string_view, std::vector<std::string_view>> l{
      {"resource",
       {"Aucune de ces ressources", "RSA (revenu de solidarité active)", "ASS (allocation de solidarité spécifique)",
        "AAH (allocation aux adultes handicapés)", "ARE (allocation chômage)"}},
      {"qualification",
       {"Aucun diplôme ou brevet des collèges (infra 3)", "Niveau 3 : CAP, BEP", "Niveau 4 : baccalauréat",
        "Niveau 5 : bac + 2 (BTS, DUT)", "Niveau 6 : bac + 3 ou 4 (licence, BUT)", "Niveau 7 : bac + 5 (master)",
        "Niveau 8 : doctorat"}},
      {"housing",
       {"Logement stable", "Hébergé par la famille ou des amis", "Logement précaire ou instable",
        "Hébergé en structure (CHRS, foyer, hôtel social)", "Sans abri"}},
      {"french", {"Inférieur au niveau A1", "A1 (débutant)", "A2 (élémentaire)", "B1 (intermédiaire)", "B2 ou plus"}},
      {"justice", {"Aucune", "Placé sous main de justice", "Sortant de détention"}},
      {"refugee", {"Aucun", "Réfugié", "Protection subsidiaire", "Protection temporaire", "Demandeur d'asile"}},
  };
  return l;
}
}  // namespace

std::string_view value_label(const FactDef& fact, int value) {
  if (fact.kind == FactKind::number || value < 0 || static_cast<std::size_t>(value) >= fact.values.size()) return "";
  const auto i = static_cast<std::size_t>(value);
  if (fact.kind == FactKind::boolean) return kYesNo[i];
  auto it = labels().find(fact.name);
  if (it != labels().end() && i < it->second.size()) return it->second[i];
  if (fact.values.size() == kSeverity.size() && fact.values[1] == "light") return kSeverity[i];
  return fact.values[i];
}

std::string_view value_label(std::string_view fact, std::string_view value) {
  const FactDef* f = find_fact(fact);
  if (!f) return value;
  for (std::size_t i = 0; i < f->values.size(); ++i)
    if (f->values[i] == value) return value_label(*f, static_cast<int>(i));
  return value;
}

}  // namespace jalon::orientation
