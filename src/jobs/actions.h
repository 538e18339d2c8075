// What the jobs pages and API both do with offers and job profiles (applications: see
// jobs/application_*.h).
#pragma once
#include <string>

#include "db/db.h"
#include "diagnosis/model.h"
#include "jobs/model.h"
#include "people/model.h"

namespace jalon::jobs {

// Publishes `o` for organisation `org` (Forbidden when its kind does not hire, see may_publish;
// ValidationError per field). An empty title takes the job title's label. Returns its id.
long long publish(db::Tx& tx, long long org, long long user, JobOffer o);
// The offer `id` of `org` (NotFound when it is another organisation's or does not exist).
JobOffer offer_of(db::Tx& tx, long long org, long long id);
// Replaces the offer's fields (the caller read it with offer_of), validated.
void edit(db::Tx& tx, const JobOffer& current, JobOffer changes);
// Closes (Conflict when already closed) or reopens (Conflict when open) an offer of `org`.
void close(db::Tx& tx, const JobOffer& o, ClosedReason why);
void reopen(db::Tx& tx, const JobOffer& o);

// Closes the open offers untouched for 90 days at `today` (reason inactive) and tells their
// organisations; one server at a time (PostgreSQL advisory lock). Returns how many.
int close_stale_offers(db::Database& db, const std::string& today);

// Once a day: the profiles whose IAE eligibility ended since the last run are logged as changed,
// so that every server's index stops matching them with offers reserved for eligible people
// (the index holds eligibility as of the day it read the profile). Returns how many.
int expire_eligibilities(db::Database& db, const std::string& today);

// Fills the derived part (pure: it asks the orientation engine, no I/O) of `p` (its choices kept) from the person's latest diagnosis (none:
// no wanted job, so out of the matching) and record, at `today`: wanted jobs and ROME skills
// of the diagnosis; commune chosen, else the diagnosis's place of residence, else the record's;
// radius chosen, else from the diagnosis's licence, vehicle and mobility barrier; licence as
// declared (unknown counts as having one, as radius_for does); IAE eligibility end when a
// prescriber's diagnosis makes the person eligible for every SIAE. Not shown to employers
// without the person's consent to sharing (withdrawing it takes the profile out).
void derive_profile(JobProfile& p, const diagnosis::Diagnosis* latest, const people::Person& person);

// The job profile of `person`: the stored one, or the default one (searching, any contract)
// derived from their latest diagnosis, not stored.
JobProfile profile_of(db::Tx& tx, const people::Person& person, bool* stored = nullptr);
// Validates the choices of `choices` (hours, radius, commune, availability: ValidationError per
// field), derives the rest from the latest diagnosis and the record, and stores it for
// choices.person_id (= person.id).
JobProfile save_profile(db::Tx& tx, const people::Person& person, JobProfile choices, long long org, long long user);
// Re-derives a stored profile after the person's diagnosis or record changed (nothing without
// a stored profile). Called by the diagnosis and people rooms' hooks (wired in add_routes).
void refresh_profile(db::Tx& tx, long long person);

}  // namespace jalon::jobs
