// The SQL of the jobs room (migration 0010): offers, job profiles and the change log that the
// matching index follows. Applications have their own file (jobs/application_store.h).
#pragma once
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

}  // namespace jalon::jobs::store
