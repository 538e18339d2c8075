#include "jobs/rules.h"

#include <algorithm>
#include <cmath>

#include "accounts/model.h"
#include "base/time.h"
#include "jobs/match.h"
#include "orientation/rules.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

std::string_view name(ClosedReason r) {
  static constexpr std::array<std::string_view, 3> n{"filled", "withdrawn", "inactive"};
  return n[static_cast<int>(r)];
}
std::string_view label(ClosedReason r) {
  static constexpr std::array<std::string_view, 3> l{"Pourvue", "Retirée par l'employeur", "Fermée après 90 jours sans mise à jour"};
  return l[static_cast<int>(r)];
}
std::optional<ClosedReason> parse_closed_reason(std::string_view s) {
  for (int i = 0; i < 3; ++i)
    if (name(static_cast<ClosedReason>(i)) == s) return static_cast<ClosedReason>(i);
  return std::nullopt;
}

bool may_publish(std::string_view org_kind) {
  const auto* k = accounts::find_org_kind(org_kind);
  if (!k) return false;
  // Employers and SIAE hire; accompaniment and training organisations relay the offers their
  // business-relations officers collect from local employers; State services and the paying
  // agency do not publish.
  return std::string_view(k->family) != "autorite";
}

void validate(const JobOffer& o) {
  Validator v;
  if (!referentials::rome().job_title(o.job_title)) v.add("job_title", "Choisissez un métier de la liste (appellation ROME).");
  if (o.title.size() > 200) v.add("title", "L'intitulé ne doit pas dépasser 200 caractères.");
  if (o.description.size() > 10000) v.add("description", "La description ne doit pas dépasser 10 000 caractères.");
  if (!referentials::communes().find(o.commune_code)) v.add("commune_code", "Commune inconnue : indiquez le code INSEE ou choisissez-la dans la liste.");
  bool fixed_term = o.contract == Contract::cdd || o.contract == Contract::insertion || o.contract == Contract::interim ||
                    o.contract == Contract::apprenticeship || o.contract == Contract::professionalisation;
  if (o.contract_months) {
    if (!fixed_term) v.add("contract_months", "Une durée ne s'indique que pour un contrat à durée déterminée.");
    else if (*o.contract_months < 1 || *o.contract_months > 60) v.add("contract_months", "La durée du contrat va de 1 à 60 mois.");
  }
  if (!(o.hours > 0 && o.hours <= 48)) v.add("hours", "La durée hebdomadaire va de 1 à 48 heures.");
  if (!o.start_on.empty() && !time::valid_civil_date(o.start_on)) v.add("start_on", "Date de début impossible (format AAAA-MM-JJ).");
  if (o.positions < 1 || o.positions > 1000) v.add("positions", "Le nombre de postes va de 1 à 1 000.");
  if (o.max_distance_km && !(*o.max_distance_km > 0 && *o.max_distance_km <= 200))
    v.add("max_distance_km", "La distance maximale va de 1 à 200 km.");
  if (o.skills.size() > 60) v.add("skills", "Au plus 60 compétences par offre.");
  for (const auto& s : o.skills)
    if (!referentials::rome().skill(s.code)) {
      v.add("skills", "Compétence inconnue du ROME : " + std::to_string(s.code) + ".");
      break;
    }
  v.throw_if_any();
}

std::string stale_before(const std::string& today) {
  auto d = orientation::parse_date(today);
  if (!d) throw std::invalid_argument("stale_before: not a date: " + today);
  return orientation::format_date(*d - std::chrono::days(kInactiveDays - 1));
}

std::optional<Offer> to_match(const JobOffer& o) {
  const auto* title = referentials::rome().job_title(o.job_title);
  const auto* commune = referentials::communes().find(o.commune_code);
  if (!title || !commune) return std::nullopt;
  Offer m;
  m.id = o.id;
  m.title = title;
  m.latitude = commune->latitude;
  m.longitude = commune->longitude;
  m.contract = o.contract;
  m.hours = o.hours;
  m.positions = o.positions;
  m.licence_required = o.licence_required;
  m.iae_reserved = o.iae_reserved;
  m.open = o.open;
  m.max_distance_km = o.max_distance_km;
  m.pending_applications = o.pending;
  // Each skill's weight is its place in the offer's occupation (principal, emerging, other).
  auto of_occupation = referentials::rome().skills(*title->occupation);
  for (const auto& s : o.skills) {
    OfferSkill k{s.code, s.essential, referentials::SkillWeight::other};
    for (const auto& os : of_occupation)
      if (os.skill->code == s.code) k.weight = os.weight;
    m.skills.push_back(k);
  }
  std::sort(m.skills.begin(), m.skills.end(), [](const OfferSkill& a, const OfferSkill& b) { return a.code < b.code; });
  return m;
}

std::optional<Candidate> to_candidate(const JobProfile& p, const std::string& today) {
  if (!p.searching || p.wanted_jobs.empty()) return std::nullopt;
  const auto* commune = referentials::communes().find(p.commune_code);
  if (!commune) return std::nullopt;
  Candidate c;
  c.id = p.person_id;
  for (auto code : p.wanted_jobs)
    if (const auto* t = referentials::rome().job_title(code)) c.wanted.push_back(t);
  if (c.wanted.empty()) return std::nullopt;
  c.latitude = commune->latitude;
  c.longitude = commune->longitude;
  c.radius_km = p.radius_km;
  c.skills = p.skills;
  c.contracts = p.contracts;
  c.min_hours = p.min_hours;
  c.max_hours = p.max_hours;
  c.licence = p.licence;
  c.iae_eligible = !p.iae_eligible_until.empty() && p.iae_eligible_until >= today;
  return c;
}

std::string contracts_text(unsigned bits) {
  std::string out;
  for (int i = 0; i < kContracts; ++i)
    if (bits & (1u << i)) out += (out.empty() ? "" : ",") + std::string(name(static_cast<Contract>(i)));
  return out;
}

unsigned parse_contracts(const std::string& text, const std::string& field) {
  unsigned bits = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string_view part(text.data() + start, end - start);
    if (!part.empty()) {
      auto c = parse_contract(part);
      if (!c) throw ValidationError(field, "Type de contrat inconnu : " + std::string(part) + ".");
      bits |= 1u << static_cast<int>(*c);
    }
    start = end + 1;
  }
  return bits;
}

}  // namespace jalon::jobs
