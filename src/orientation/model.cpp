#include "orientation/model.h"

#include <algorithm>
#include <array>

namespace jalon::orientation {

namespace {
const std::vector<std::string_view> kBool{"no", "yes"};
const std::vector<std::string_view> kSeverity{"none", "light", "strong", "blocking"};
}  // namespace

// The order of each ordered fact's values is the order of its enumeration in model.h.
const std::vector<FactDef>& fact_catalogue() {
  static const std::vector<FactDef> facts{
      {"age", FactKind::number, {}, "âge"},
      {"rqth", FactKind::boolean, kBool, "reconnaissance de travailleur handicapé"},
      {"resource", FactKind::ordered, {"none", "rsa", "ass", "aah", "are"}, "ressources"},
      {"resource_months", FactKind::number, {}, "mois de perception des ressources"},
      {"jobseeker", FactKind::boolean, kBool, "inscription à France Travail"},
      {"jobseeker_months", FactKind::number, {}, "mois d'inscription comme demandeur d'emploi"},
      {"qualification", FactKind::ordered, {"infra3", "3", "4", "5", "6", "7", "8"}, "niveau de qualification"},
      {"housing", FactKind::ordered, {"stable", "hosted", "unstable", "sheltered", "homeless"}, "logement"},
      {"licence", FactKind::boolean, kBool, "permis de conduire"},
      {"vehicle", FactKind::boolean, kBool, "véhicule"},
      {"mobility", FactKind::ordered, kSeverity, "difficulté de mobilité"},
      {"health", FactKind::ordered, kSeverity, "difficulté de santé"},
      {"isolation", FactKind::ordered, kSeverity, "isolement"},
      {"digital", FactKind::ordered, kSeverity, "difficulté avec le numérique"},
      {"childcare", FactKind::ordered, kSeverity, "contrainte de garde d'enfants"},
      {"french", FactKind::ordered, {"below_a1", "a1", "a2", "b1", "b2"}, "niveau de français"},
      {"justice", FactKind::ordered, {"none", "supervised", "released"}, "situation judiciaire"},
      {"ase", FactKind::boolean, kBool, "sortie de l'aide sociale à l'enfance"},
      {"refugee", FactKind::ordered, {"none", "refugee", "subsidiary", "temporary", "asylum"}, "statut de protection"},
      {"single_parent", FactKind::boolean, kBool, "parent isolé"},
      {"qpv", FactKind::boolean, kBool, "résidence en QPV"},
      {"zrr", FactKind::boolean, kBool, "résidence en ZRR/FRR"},
      {"social_first", FactKind::boolean, kBool, "priorité au parcours social"},
  };
  return facts;
}

const FactDef* find_fact(std::string_view n) {
  for (const auto& f : fact_catalogue())
    if (f.name == n) return &f;
  return nullptr;
}

namespace {
constexpr std::array<std::string_view, 5> kKinds{"aci", "ai", "ei", "etti", "eiti"};
constexpr std::array<std::string_view, 5> kKindLabels{"ACI", "AI", "EI", "ETTI", "EITI"};
}  // namespace

std::string_view name(SiaeKind k) { return kKinds[static_cast<std::size_t>(k)]; }
std::string_view label(SiaeKind k) { return kKindLabels[static_cast<std::size_t>(k)]; }
std::optional<SiaeKind> parse_siae_kind(std::string_view s) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (s == kKinds[i] || s == kKindLabels[i]) return static_cast<SiaeKind>(i);
  return std::nullopt;
}
std::string_view name(Author a) { return a == Author::prescriber ? "prescriber" : "employer"; }
std::optional<Author> parse_author(std::string_view s) {
  if (s == "prescriber") return Author::prescriber;
  if (s == "employer") return Author::employer;
  return std::nullopt;
}
std::optional<Severity> parse_severity(std::string_view s) {
  for (std::size_t i = 0; i < kSeverity.size(); ++i)
    if (s == kSeverity[i]) return static_cast<Severity>(i);
  return std::nullopt;
}

}  // namespace jalon::orientation
