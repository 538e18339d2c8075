#include "diagnosis/model.h"

#include <map>

namespace jalon::diagnosis {

std::string_view name(AuthorKind k) {
  switch (k) {
    case AuthorKind::prescriber: return "prescriber";
    case AuthorKind::employer: return "employer";
    case AuthorKind::other: break;
  }
  return "other";
}

std::string_view label(AuthorKind k) {
  switch (k) {
    case AuthorKind::prescriber: return "prescripteur habilité";
    case AuthorKind::employer: return "employeur solidaire (SIAE)";
    case AuthorKind::other: break;
  }
  return "autre organisation";
}

std::optional<AuthorKind> parse_author_kind(std::string_view s) {
  for (AuthorKind k : {AuthorKind::prescriber, AuthorKind::employer, AuthorKind::other})
    if (name(k) == s) return k;
  return std::nullopt;
}

std::string_view value_label(std::string_view fact, std::string_view value) {
  using P = std::pair<std::string_view, std::string_view>;
  static const std::map<P, std::string_view> labels{
      {{"*", "yes"}, "Oui"},
      {{"*", "no"}, "Non"},
      {{"resource", "none"}, "Aucune de celles-ci"},
      {{"resource", "rsa"}, "RSA (revenu de solidarité active)"},
      {{"resource", "ass"}, "ASS (allocation de solidarité spécifique)"},
      {{"resource", "aah"}, "AAH (allocation aux adultes handicapés)"},
      {{"resource", "are"}, "ARE (allocation chômage)"},
      {{"qualification", "infra3"}, "Sans diplôme ou niveau inférieur au CAP"},
      {{"qualification", "3"}, "Niveau 3 : CAP, BEP"},
      {{"qualification", "4"}, "Niveau 4 : baccalauréat"},
      {{"qualification", "5"}, "Niveau 5 : bac + 2 (BTS, DUT)"},
      {{"qualification", "6"}, "Niveau 6 : licence, bachelor, BUT"},
      {{"qualification", "7"}, "Niveau 7 : master"},
      {{"qualification", "8"}, "Niveau 8 : doctorat"},
      {{"housing", "stable"}, "Logement stable"},
      {{"housing", "hosted"}, "Hébergé par la famille ou des proches"},
      {{"housing", "unstable"}, "Logement précaire ou menacé"},
      {{"housing", "sheltered"}, "Hébergement d'urgence ou d'insertion (CHRS, foyer)"},
      {{"housing", "homeless"}, "Sans domicile"},
      {{"severity", "none"}, "Aucun"},
      {{"severity", "light"}, "Léger"},
      {{"severity", "strong"}, "Fort"},
      {{"severity", "blocking"}, "Bloquant"},
      {{"french", "below_a1"}, "Ne parle pas encore français (infra A1)"},
      {{"french", "a1"}, "A1 : comprend des phrases simples"},
      {{"french", "a2"}, "A2 : échanges courants simples"},
      {{"french", "b1"}, "B1 : autonome dans la vie courante"},
      {{"french", "b2"}, "B2 ou plus : à l'aise à l'oral et à l'écrit"},
      {{"justice", "none"}, "Aucune"},
      {{"justice", "supervised"}, "Sous main de justice (suivi SPIP)"},
      {{"justice", "released"}, "Sortant de détention"},
      {{"refugee", "none"}, "Aucun"},
      {{"refugee", "refugee"}, "Réfugié"},
      {{"refugee", "subsidiary"}, "Protection subsidiaire"},
      {{"refugee", "temporary"}, "Protection temporaire"},
      {{"refugee", "asylum"}, "Demandeur d'asile"},
  };
  static const std::map<std::string_view, std::string_view> severity_facts{
      {"mobility", "severity"}, {"health", "severity"}, {"isolation", "severity"}, {"digital", "severity"}, {"childcare", "severity"}};
  std::string_view key = fact;
  if (auto s = severity_facts.find(fact); s != severity_facts.end()) key = s->second;
  if (auto it = labels.find({key, value}); it != labels.end()) return it->second;
  if (auto it = labels.find({"*", value}); it != labels.end()) return it->second;
  return value;
}

}  // namespace jalon::diagnosis
