#include "jobs/views.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/text.h"
#include "base/time.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

std::string offers_path(long long org) { return "/organisations/" + std::to_string(org) + "/offres"; }
std::string offer_path(long long org, long long id) { return offers_path(org) + "/" + std::to_string(id); }
std::string public_offer_path(long long id) { return "/emplois/offres/" + std::to_string(id); }
std::string person_jobs_path(long long org, long long person) {
  return "/organisations/" + std::to_string(org) + "/personnes/" + std::to_string(person) + "/emplois";
}

std::optional<double> form_number(const std::string& text, const std::string& field, Validator& v, double min, double max, bool whole) {
  std::string t = text::trim(text);
  if (t.empty()) return std::nullopt;
  std::replace(t.begin(), t.end(), ',', '.');
  char* end = nullptr;
  double x = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || *end != '\0' || !std::isfinite(x)) {
    v.add(field, "Indiquez un nombre.");
    return std::nullopt;
  }
  if (x < min || x > max || (whole && x != std::floor(x))) {
    v.add(field, whole ? fmt::format("Indiquez un nombre entier de {:g} à {:g}.", min, max) : fmt::format("Indiquez un nombre de {:g} à {:g}.", min, max));
    return std::nullopt;
  }
  return x;
}

std::string contract_text(const JobOffer& o) {
  std::string s(label(o.contract));
  if (o.contract_months) s += " de " + std::to_string(*o.contract_months) + " mois";
  return s;
}

void add_offer_facts(ctemplate::TemplateDictionary* d, const JobOffer& o) {
  auto fact = [&](const std::string& l, const std::string& v) {
    auto* f = d->AddSectionDictionary("FACT");
    f->SetValue("LABEL", l);
    f->SetValue("VALUE", v);
  };
  if (const auto* t = referentials::rome().job_title(o.job_title))
    fact("Métier", t->label + " (" + t->occupation->code + " " + t->occupation->label + ")");
  fact("Lieu", referentials::communes().name_of(o.commune_code) + " (" + o.commune_code.substr(0, 2) + ")");
  fact("Contrat", contract_text(o));
  fact("Durée hebdomadaire", fmt::format("{:g} h", o.hours));
  fact("Début", o.start_on.empty() ? "Dès que possible" : time::display_civil(o.start_on));
  fact("Postes", std::to_string(o.positions));
  std::string conditions;
  auto add = [&](const std::string& s) { conditions += (conditions.empty() ? "" : " ; ") + s; };
  if (o.licence_required) add("permis B exigé");
  if (o.iae_reserved) add("réservée aux personnes éligibles à l'IAE");
  if (o.disability_accessible) add("poste accessible aux personnes en situation de handicap");
  if (o.max_distance_km) add("domicile à " + text::format_km(*o.max_distance_km) + " au plus");
  if (!conditions.empty()) fact("Conditions", conditions);
}

void add_found_offers(ctemplate::TemplateDictionary& d, const OffersFound& found, bool with_score,
                      const std::function<std::string(const JobOffer&)>& link) {
  for (const auto& f : found.items) {
    auto* r = d.AddSectionDictionary("OFFER");
    r->SetValue("TITLE", f.offer.title);
    r->SetValue("ID", std::to_string(f.offer.id));
    r->SetValue("LINK", link(f.offer));
    r->SetValue("EMPLOYER", f.offer.organisation_name);
    r->SetValue("PLACE", referentials::communes().name_of(f.offer.commune_code));
    r->SetValue("DISTANCE", f.match.distance_km < 0.5 ? "dans la commune" : "à " + text::format_km(f.match.distance_km));
    r->SetValue("CONTRACT", contract_text(f.offer));
    r->SetValue("HOURS", fmt::format("{:g} h", f.offer.hours));
    if (f.offer.iae_reserved) r->ShowSection("IAE");
    if (f.offer.disability_accessible) r->ShowSection("ACCESSIBLE");
    if (with_score) r->AddSectionDictionary("SCORE")->SetIntValue("VALUE", static_cast<long>(std::lround(f.match.score * 100)));
    for (const auto& w : f.why) r->AddSectionDictionary("WHY")->SetValue("TEXT", w);
  }
}

}  // namespace jalon::jobs
