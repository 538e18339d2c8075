#include "orientation/model.h"

#include <algorithm>
#include <array>
#include <functional>

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
// One accessor per declared fact: reads or writes the field's value as its catalogue index.
using Accessor = std::pair<std::function<std::optional<int>(const Situation&)>, std::function<void(Situation&, std::optional<int>)>>;
template <typename T>
Accessor accessor(std::optional<T> Situation::*m) {
  return {[m](const Situation& s) -> std::optional<int> {
            if (!(s.*m)) return std::nullopt;
            return static_cast<int>(*(s.*m));
          },
          [m](Situation& s, std::optional<int> v) {
            if (v) s.*m = static_cast<T>(*v);
            else s.*m = std::nullopt;
          }};
}
const std::map<std::string_view, Accessor>& accessors() {
  static const std::map<std::string_view, Accessor> a{
      {"rqth", accessor(&Situation::rqth)},           {"resource", accessor(&Situation::resource)},
      {"jobseeker", accessor(&Situation::jobseeker)}, {"qualification", accessor(&Situation::qualification)},
      {"housing", accessor(&Situation::housing)},     {"licence", accessor(&Situation::licence)},
      {"vehicle", accessor(&Situation::vehicle)},     {"mobility", accessor(&Situation::mobility)},
      {"health", accessor(&Situation::health)},       {"isolation", accessor(&Situation::isolation)},
      {"digital", accessor(&Situation::digital)},     {"childcare", accessor(&Situation::childcare)},
      {"french", accessor(&Situation::french)},       {"justice", accessor(&Situation::justice)},
      {"ase", accessor(&Situation::ase)},             {"refugee", accessor(&Situation::refugee)},
      {"single_parent", accessor(&Situation::single_parent)}, {"qpv", accessor(&Situation::qpv)},
      {"zrr", accessor(&Situation::zrr)},             {"social_first", accessor(&Situation::social_first)},
  };
  return a;
}
}  // namespace

const std::vector<DeclaredFact>& declared_facts() {
  static const std::vector<DeclaredFact> facts = [] {
    std::vector<DeclaredFact> v;
    for (const auto& f : fact_catalogue()) {
      if (f.kind == FactKind::number) continue;
      v.push_back({f.name, false, f.label});
      if (f.name == "resource") v.push_back({"resource_since", true, "ressources perçues depuis le"});
      if (f.name == "jobseeker") v.push_back({"jobseeker_since", true, "inscrit à France Travail depuis le"});
    }
    return v;
  }();
  return facts;
}

std::optional<std::string> declared(const Situation& s, std::string_view name) {
  if (name == "resource_since") return s.resource_since;
  if (name == "jobseeker_since") return s.jobseeker_since;
  auto a = accessors().find(name);
  const FactDef* f = find_fact(name);
  if (a == accessors().end() || !f) return std::nullopt;
  auto v = a->second.first(s);
  if (!v) return std::nullopt;
  return std::string(f->values[static_cast<std::size_t>(*v)]);
}

bool set_declared(Situation& s, std::string_view name, std::string_view value) {
  if (name == "resource_since" || name == "jobseeker_since") {
    auto& field = name == "resource_since" ? s.resource_since : s.jobseeker_since;
    if (value.empty()) field = std::nullopt;
    else field = std::string(value);
    return true;
  }
  auto a = accessors().find(name);
  const FactDef* f = find_fact(name);
  if (a == accessors().end() || !f) return false;
  if (value.empty()) {
    a->second.second(s, std::nullopt);
    return true;
  }
  for (std::size_t i = 0; i < f->values.size(); ++i)
    if (f->values[i] == value) {
      a->second.second(s, static_cast<int>(i));
      return true;
    }
  return false;
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
