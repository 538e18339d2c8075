// The matching index of this server (jobs/index.h), kept in step with the database through the
// jobs change log (docs/jobs.md, "Keeping in step with the database"): built from the open
// offers and the searching job profiles at start-up, then brought up to date after this server's
// own jobs writes and every few seconds for other servers'.
//
// Thread-safe: queries run under a shared lock and never touch the database; a catch-up reads
// the changed offers and profiles first, then applies them under the exclusive lock.
#pragma once
#include <memory>
#include <shared_mutex>
#include <string>

#include "db/db.h"
#include "db/follow.h"
#include "jobs/index.h"

namespace jalon::jobs {

class Live {
 public:
  // An empty index over the process's referentials and matching weights (loaded before).
  Live();
  Live(const Live&) = delete;
  Live& operator=(const Live&) = delete;

  // Rebuilds the index from the database, and remembers where the change log stands.
  void build(db::Database& db);
  // Applies the change-log rows not applied yet. Errors propagate; the index stays as it was.
  void catch_up(db::Database& db);
  // Catches up when needed (see db::ChangeFollower::refresh): call before each query.
  void refresh(db::Database& db, long long max_age_ms = 2000);

  // Runs `f(index)` under the shared lock.
  template <typename F>
  auto read(F&& f) const {
    std::shared_lock lock(mutex_);
    return f(*index_);
  }
  long long last_change() const;
  // The platform's secret for anonymous labels (store::label_key), read at build().
  const std::string& label_key() const { return label_key_; }

 private:
  void catch_up_now(db::Database& db);
  mutable std::shared_mutex mutex_;
  std::unique_ptr<Index> index_;
  long long last_change_ = 0;
  std::string label_key_;
};

// Called after this process commits a change the index depends on (jobs::store does it).
void mark_changed();

}  // namespace jalon::jobs
