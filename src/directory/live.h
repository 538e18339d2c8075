// The server's directory search index, kept in step with the database (docs/directory.md,
// "Search"): built from the published services at start-up, then brought up to date from the
// change log (directory_changes) after this server's own directory writes and every few seconds
// for the writes of other servers.
//
// Thread-safe: searches run under a shared lock and never touch the database; catch_up() reads
// the changes from the database first, then applies them under the exclusive lock.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>

#include "db/db.h"
#include "db/follow.h"
#include "directory/search.h"

namespace jalon::directory {

class Live {
 public:
  // An empty index over the process's referentials (load_referentials() must have run).
  Live();
  Live(const Live&) = delete;
  Live& operator=(const Live&) = delete;

  // Rebuilds the index from every published service, and remembers where the change log stands.
  void build(db::Database& db);
  // Applies the change-log rows written since the last build or catch-up. Cheap when there are
  // none (one indexed read). Errors propagate; the index then stays as it was.
  void catch_up(db::Database& db);
  // Catches up when this process committed a directory change the index does not include yet
  // (mark_changed; the caller then waits for it: it sees its own writes), or when the last
  // catch-up is older than `max_age_ms` (other servers' writes; then one caller catches up and
  // the others answer from the index as it is). Called before each search: most calls do
  // nothing and touch no database.
  void refresh(db::Database& db, long long max_age_ms = 2000);

  // Runs `f(index)` under the shared lock.
  template <typename F>
  auto read(F&& f) const {
    std::shared_lock lock(mutex_);
    return f(*index_);
  }
  long long last_change() const;

 private:
  mutable std::shared_mutex mutex_;
  std::unique_ptr<Index> index_;
  long long last_change_ = 0;
  void catch_up_now(db::Database& db);  // under db::ChangeFollower (one at a time)
};

// Tells this process's index that a directory change was committed (store.cpp calls it from
// Tx::on_commit). Thread-safe.
void mark_changed();

}  // namespace jalon::directory
