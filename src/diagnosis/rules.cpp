#include "diagnosis/rules.h"

#include <algorithm>

#include "base/errors.h"
#include "base/time.h"
#include "referentials/barriers.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::diagnosis {

AuthorKind author_kind_of(const std::string& org_kind, bool authorised_prescriber) {
  if (authorised_prescriber) return AuthorKind::prescriber;
  if (orientation::parse_siae_kind(org_kind)) return AuthorKind::employer;
  return AuthorKind::other;
}

namespace {
// A civil date of the person's life: exists, not after today, not before the birth.
void check_date(Validator& v, const std::string& field, const std::string& value, const std::string& birth_date,
                const std::string& today, const std::string& what) {
  if (value.empty()) return;
  if (!time::valid_civil_date(value)) {
    v.add(field, what + " n'est pas une date qui existe (jour, mois, année).");
  } else if (value > today) {
    v.add(field, what + " ne peut pas être dans le futur.");
  } else if (!birth_date.empty() && value < birth_date) {
    v.add(field, what + " ne peut pas précéder la date de naissance.");
  }
}
}  // namespace

void validate(const Diagnosis& d, const std::string& birth_date, const std::string& today,
              const std::vector<std::string>& criterion_codes) {
  Validator v;
  if (d.made_on.empty()) v.add("made_on", "Indiquez la date de l'entretien.");
  check_date(v, "made_on", d.made_on, birth_date, today, "La date de l'entretien");
  const auto& s = d.situation;
  if (s.resource_since) check_date(v, "resource_since", *s.resource_since, birth_date, today, "La date de début des ressources");
  if (s.jobseeker_since) check_date(v, "jobseeker_since", *s.jobseeker_since, birth_date, today, "La date d'inscription");
  if (s.resource_since && (!s.resource || *s.resource == orientation::Resource::none))
    v.add("resource_since", "Une date de début n'a de sens qu'avec une ressource (RSA, ASS, AAH, ARE).");
  if (s.jobseeker_since && s.jobseeker && !*s.jobseeker)
    v.add("jobseeker_since", "Une date d'inscription n'a de sens que pour une personne inscrite.");
  if (!d.commune_code.empty() && !referentials::communes().find(d.commune_code))
    v.add("commune_code", "Commune inconnue : indiquez un code INSEE à 5 caractères (par exemple 86194).");
  for (const auto& [code, severity] : s.barriers) {
    if (!referentials::barriers().find(code)) v.add("barrier_" + code, "Frein inconnu : « " + code + " ».");
    else if (severity == orientation::Severity::none)
      v.add("barrier_" + code, "Un frein enregistré a une sévérité légère, forte ou bloquante.");
  }
  for (const auto& code : d.transversal_skills)
    if (!referentials::transversal_skills().find(code)) v.add("skills", "Compétence transversale inconnue : « " + code + " ».");
  for (const auto& code : d.rome_skills) {
    const auto* skill = referentials::rome().skill(static_cast<std::uint32_t>(std::strtoul(code.c_str(), nullptr, 10)));
    if (!skill || std::to_string(skill->code) != code) v.add("skills", "Compétence ROME inconnue : « " + code + " ».");
  }
  for (const auto& code : d.jobs)
    if (!referentials::rome().job_title(code)) v.add("jobs", "Métier inconnu du ROME : « " + code + " ».");
  for (const auto& c : s.declared_criteria)
    if (std::find(criterion_codes.begin(), criterion_codes.end(), c) == criterion_codes.end())
      v.add("criteria", "Critère d'éligibilité IAE inconnu : « " + c + " ».");
  if (d.comment.size() > 4000) v.add("comment", "Le commentaire dépasse 4 000 caractères.");
  v.throw_if_any();
}

}  // namespace jalon::diagnosis
