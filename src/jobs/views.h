// What the jobs pages share: paths, the facts of an offer as a list, reading an offer form.
#pragma once
#include <optional>
#include <string>

#include <ctemplate/template.h>

#include "base/errors.h"
#include "http/page.h"
#include "jobs/find.h"
#include "jobs/model.h"

namespace jalon::jobs {

std::string offers_path(long long org);                // "/organisations/3/offres"
std::string offer_path(long long org, long long id);   // "/organisations/3/offres/12"
std::string public_offer_path(long long id);           // "/emplois/offres/12"
std::string person_jobs_path(long long org, long long person);

// A number typed in a form ("26", "7,5"; "" gives nullopt). A value that is not a number adds
// "Indiquez un nombre." on `field` to `v`; so does one outside [min, max], or not whole when
// `whole` (checked before any conversion to an integer).
std::optional<double> form_number(const std::string& text, const std::string& field, Validator& v, double min, double max,
                                  bool whole = false);

// "CDD de 6 mois", "CDI"…
std::string contract_text(const JobOffer& o);
// Sections FACT {LABEL, VALUE} of `d`: job, place, contract, hours, start, positions, conditions.
void add_offer_facts(ctemplate::TemplateDictionary* d, const JobOffer& o);
// Sections OFFER of `d` for found offers: TITLE, LINK, EMPLOYER, PLACE, CONTRACT, SCORE, WHY…
void add_found_offers(ctemplate::TemplateDictionary& d, const OffersFound& found, bool with_score,
                      const std::function<std::string(const JobOffer&)>& link);

}  // namespace jalon::jobs
