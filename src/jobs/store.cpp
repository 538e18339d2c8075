#include "jobs/store.h"

#include "base/time.h"
#include "db/query.h"
#include "jobs/live.h"

namespace jalon::jobs::store {

namespace {
void log_change(db::Tx& tx, const char* kind, long long ref) {
  // This server's index catches up as soon as the write is committed.
  tx.on_commit(mark_changed);
  // Readers apply the rows after the last id they saw, so ids must follow commit order. SQLite
  // has one writer; on PostgreSQL, writers of the jobs change log take turns until their commit
  // (the lock is re-entrant within the transaction and released by COMMIT or ROLLBACK).
  if (tx.engine() == db::Engine::postgresql) db::Query(tx, "SELECT pg_advisory_xact_lock(7419010)").run();
  db::Query q(tx, "INSERT INTO jobs_changes (kind, ref_id, at) VALUES (:k, :r, :at)");
  q.bind(std::string(kind)).bind(ref).bind(time::iso_now()).run();
}
}  // namespace

void offer_changed(db::Tx& tx, long long offer_id) { log_change(tx, "offer", offer_id); }
void candidate_changed(db::Tx& tx, long long person_id) { log_change(tx, "candidate", person_id); }

std::vector<Change> changes_after(db::Tx& tx, long long after, int limit) {
  db::Query q(tx, "SELECT id, kind, ref_id FROM jobs_changes WHERE id > :a ORDER BY id LIMIT :n");
  q.bind(after).bind(static_cast<long long>(limit));
  std::vector<Change> out;
  while (q.next()) out.push_back({q.int64(0), q.text(1) == "offer", q.int64(2)});
  return out;
}

long long last_change_id(db::Tx& tx) {
  db::Query q(tx, "SELECT COALESCE(MAX(id), 0) FROM jobs_changes");
  return q.next() ? q.int64(0) : 0;
}

}  // namespace jalon::jobs::store
