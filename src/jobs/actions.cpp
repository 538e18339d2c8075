#include "jobs/actions.h"

#include "accounts/store.h"
#include "base/errors.h"
#include "base/time.h"
#include "db/query.h"
#include "diagnosis/actions.h"
#include "diagnosis/store.h"
#include "jobs/match.h"
#include "orientation/rules.h"
#include "jobs/rules.h"
#include "jobs/store.h"
#include "notifications/notify.h"
#include "people/store.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

void derive_profile(JobProfile& p, const diagnosis::Diagnosis* latest, const people::Person& person) {
  p.wanted_jobs.clear();
  p.skills.clear();
  p.diagnosis_id = latest ? latest->id : 0;
  p.iae_eligible_until.clear();
  auto codes = [](const std::vector<std::string>& from) {
    std::vector<std::uint32_t> out;
    for (const auto& c : from)
      if (auto n = std::strtoul(c.c_str(), nullptr, 10); n > 0 && n <= UINT32_MAX) out.push_back(static_cast<std::uint32_t>(n));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::optional<bool> licence, vehicle;
  int mobility = 0;
  if (latest) {
    p.wanted_jobs = codes(latest->jobs);
    p.skills = codes(latest->rome_skills);
    licence = latest->situation.licence;
    vehicle = latest->situation.vehicle;
    if (latest->situation.mobility) mobility = static_cast<int>(*latest->situation.mobility);
    // The engine's verdict at the interview, as its author would judge it: only a prescriber's
    // diagnosis makes the person eligible for every SIAE.
    auto advice = diagnosis::advise(*latest, person.birth_date, latest->made_on);
    for (const auto& e : advice.eligibility)
      if (e.eligible && e.all_siae) {
        std::string until = orientation::format_date(e.valid_until);
        if (until > p.iae_eligible_until) p.iae_eligible_until = until;
      }
  }
  if (!p.chosen_commune.empty()) p.commune_code = p.chosen_commune;
  else if (latest && !latest->commune_code.empty()) p.commune_code = latest->commune_code;
  else p.commune_code = person.commune_code;
  p.licence = licence.value_or(true);
  // Shown to employers only while the person consents to sharing their data.
  p.shown_to_employers = p.shown_to_employers && person.consent_sharing;
  p.radius_km = p.chosen_radius_km ? *p.chosen_radius_km : radius_for(licence, vehicle, mobility, weights());
}

long long publish(db::Tx& tx, long long org, long long user, JobOffer o) {
  auto organisation = accounts::store::get_organisation(tx, org);
  if (!may_publish(organisation.kind))
    throw Forbidden("Les services de l'État et l'agence de paiement ne publient pas d'offres d'emploi.");
  o.organisation_id = org;
  validate(o);
  if (o.title.empty()) o.title = referentials::rome().job_title(o.job_title)->label;
  return store::insert_offer(tx, o, user);
}

JobOffer offer_of(db::Tx& tx, long long org, long long id) {
  auto o = store::find_offer(tx, id);
  if (!o || o->organisation_id != org) throw NotFound("Cette offre n'existe pas.");
  return *o;
}

void edit(db::Tx& tx, const JobOffer& current, JobOffer changes) {
  changes.id = current.id;
  changes.organisation_id = current.organisation_id;
  validate(changes);
  if (changes.title.empty()) changes.title = referentials::rome().job_title(changes.job_title)->label;
  store::update_offer(tx, changes);
}

void close(db::Tx& tx, const JobOffer& o, ClosedReason why) {
  if (!store::close_offer(tx, o.id, why)) throw Conflict("Cette offre est déjà fermée.");
}

void reopen(db::Tx& tx, const JobOffer& o) {
  if (!store::reopen_offer(tx, o.id)) throw Conflict("Cette offre est déjà ouverte.");
}

int close_stale_offers(db::Database& db, const std::string& today) {
  int closed = 0;
  std::string before = stale_before(today);
  db::transact(db, [&](db::Tx& tx) {
    closed = 0;
    if (tx.engine() == db::Engine::postgresql) {
      // One server at a time: the lock ends with the transaction.
      db::Query lock(tx, "SELECT CASE WHEN pg_try_advisory_xact_lock(7419011) THEN 1 ELSE 0 END");
      if (!lock.next() || lock.int64(0) != 1) return;
      lock.run();
    }
    // Untouched since before the start of that day in Paris (a stored instant is UTC).
    for (long long id : store::stale_offers(tx, time::start_of_day(before), 500)) {
      auto o = store::find_offer(tx, id);
      if (!o || !store::close_offer(tx, id, ClosedReason::inactive)) continue;
      notifications::notify_organisation(tx, o->organisation_id, "offer.closed",
                                         "Votre offre « " + o->title + " » a été fermée : elle n'avait pas été mise à jour depuis " +
                                             std::to_string(kInactiveDays) + " jours. Vous pouvez la rouvrir.",
                                         "/organisations/" + std::to_string(o->organisation_id) + "/offres/" + std::to_string(id));
      ++closed;
    }
  });
  return closed;
}

int expire_eligibilities(db::Database& db, const std::string& today) {
  int n = 0;
  db::transact(db, [&](db::Tx& tx) {
    n = 0;
    std::string last = db::setting(tx, "jobs_eligibility_checked_on").value_or("");
    if (last >= today) return;  // done today (by this server or another)
    for (long long person : store::eligibility_ended(tx, last, today)) {
      store::candidate_changed(tx, person);
      ++n;
    }
    db::set_setting(tx, "jobs_eligibility_checked_on", today);
  });
  return n;
}

JobProfile profile_of(db::Tx& tx, const people::Person& person, bool* stored) {
  auto p = store::find_profile(tx, person.id);
  if (stored) *stored = p.has_value();
  if (p) return *p;
  JobProfile fresh;
  fresh.person_id = person.id;
  auto latest = diagnosis::store::current(tx, person.id);
  derive_profile(fresh, latest ? &*latest : nullptr, person);
  return fresh;
}

JobProfile save_profile(db::Tx& tx, const people::Person& person, JobProfile choices, long long org, long long user) {
  Validator v;
  if (!(choices.min_hours >= 0 && choices.min_hours <= 48)) v.add("min_hours", "Le minimum d'heures va de 0 à 48.");
  if (!(choices.max_hours > 0 && choices.max_hours <= 48)) v.add("max_hours", "Le maximum d'heures va de 1 à 48.");
  else if (choices.min_hours > choices.max_hours) v.add("max_hours", "Le maximum d'heures doit être au moins égal au minimum.");
  if (choices.chosen_radius_km && !(*choices.chosen_radius_km > 0 && *choices.chosen_radius_km <= 200))
    v.add("radius_km", "Le rayon va de 1 à 200 km.");
  if (!choices.chosen_commune.empty() && !referentials::communes().find(choices.chosen_commune))
    v.add("commune_code", "Commune inconnue : indiquez le code INSEE ou choisissez-la dans la liste.");
  if (choices.shown_to_employers && !person.consent_sharing)
    v.add("shown_to_employers", "La personne n'a pas consenti au partage de ses données : son profil ne peut pas être présenté aux employeurs.");
  if (!choices.available_on.empty() && !time::valid_civil_date(choices.available_on))
    v.add("available_on", "Date impossible (format AAAA-MM-JJ).");
  v.throw_if_any();
  choices.person_id = person.id;
  auto latest = diagnosis::store::current(tx, person.id);
  derive_profile(choices, latest ? &*latest : nullptr, person);
  store::save_profile(tx, choices, org, user);
  return choices;
}

void refresh_profile(db::Tx& tx, long long person) {
  auto p = store::find_profile(tx, person);
  if (!p) return;
  auto record = people::store::find(tx, person);
  if (!record) return;
  // A record merged into another leaves the matching; the kept record has its own profile.
  if (record->merged_into) p->searching = false;
  auto latest = diagnosis::store::current(tx, person);
  derive_profile(*p, latest ? &*latest : nullptr, *record);
  store::save_profile(tx, *p, 0, 0);
}

}  // namespace jalon::jobs
