// The SQL of the jobs room (migration 0010): offers, job profiles and the change log that the
// matching index follows. Applications have their own file (jobs/application_store.h).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "jobs/model.h"

namespace jalon::jobs::store {

// --- change log (docs/jobs.md, "Keeping in step with the database") ---
// Records, in the caller's transaction, that what the matching index holds for an offer (its
// fields, skills, status, count of pending applications) or a candidate (their job profile)
// changed. Call it from every write that changes them; this server's index catches up right after
// the commit, the others within their polling delay.
void offer_changed(db::Tx& tx, long long offer_id);
void candidate_changed(db::Tx& tx, long long person_id);

struct Change {
  long long id = 0;
  bool offer = false;  // else a candidate
  long long ref = 0;   // offer id or person id
};
// Rows with id > `after`, by id, at most `limit`.
std::vector<Change> changes_after(db::Tx& tx, long long after, int limit);
long long last_change_id(db::Tx& tx);

// The secret that keys the anonymous labels of candidates (find.h): made once for the platform by
// migration 0012 (every server reads the same), kept in settings.
std::string label_key(db::Tx& tx);

// --- offers ---
// Inserts `o` (validated) for o.organisation_id, created by `user` (0 for an API token); returns its id.
long long insert_offer(db::Tx& tx, const JobOffer& o, long long user);
// Replaces the fields and skills of offer o.id; it counts as touched (updated_at = now).
void update_offer(db::Tx& tx, const JobOffer& o);
// Closes an open offer (false when it was not open) or reopens a closed one (touched).
bool close_offer(db::Tx& tx, long long id, ClosedReason why);
bool reopen_offer(db::Tx& tx, long long id);
// The offer with its skills, employer name and pending applications, or nullopt.
std::optional<JobOffer> find_offer(db::Tx& tx, long long id);
// The offers of `org` (open first then closed, newest first), without their skills; at most
// `limit` from `offset`.
std::vector<JobOffer> offers_of(db::Tx& tx, long long org, int limit, int offset);
// The offers of `ids` (any order; missing ones are skipped), without their skills.
std::vector<JobOffer> offers_by_ids(db::Tx& tx, const std::vector<long long>& ids);
// Open offers last touched before instant `before` (ISO, e.g. time::start_of_day of rules'
// stale_before), by id.
std::vector<long long> stale_offers(db::Tx& tx, const std::string& before, int limit);
// Every open offer with its skills and pending count, by id, handed to `f` one at a time.
void for_each_open_offer(db::Tx& tx, const std::function<void(JobOffer&)>& f);
// The latest open offers (public list without a job), newest first.
std::vector<JobOffer> latest_open_offers(db::Tx& tx, int limit);

// --- job profiles ---
std::optional<JobProfile> find_profile(db::Tx& tx, long long person);
// Inserts or replaces the row of p.person_id (choices and derived part), logs the change. An
// `org` of 0 (a refresh after a diagnosis) keeps the organisation that last chose.
void save_profile(db::Tx& tx, const JobProfile& p, long long org, long long user);
// Profiles shown to employers whose IAE eligibility ended in [from, before): last day >= from
// and < before ("YYYY-MM-DD"; from "" = any), by person id.
std::vector<long long> eligibility_ended(db::Tx& tx, const std::string& from, const std::string& before);
// Every profile searching, shown to employers and with a wanted job, by person id: the
// candidates the index holds (offers for a person are computed from their profile directly).
void for_each_shown_profile(db::Tx& tx, const std::function<void(JobProfile&)>& f);

}  // namespace jalon::jobs::store
